from __future__ import annotations

import asyncio
import ipaddress

import pytest

from services.scraper.errors import ScrapeError
from services.scraper.ssrf import address_allowed, check_url, check_url_shape, is_public, parse_networks

REFUSED = [
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.9",
    "192.168.1.1",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1",  # carrier-grade NAT
    "0.0.0.0",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "fe80::1",
    "fc00::1",
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::ffff:10.0.0.1",
]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))
    assert not address_allowed(ipaddress.ip_address(address), ())


@pytest.mark.parametrize("address", ["8.8.8.8", "151.101.1.1", "2a00:1450:4001:82a::200e"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert address_allowed(ipaddress.ip_address(address), ())


def test_an_explicit_network_allows_only_itself() -> None:
    loopback = parse_networks(["127.0.0.0/8"])
    assert address_allowed(ipaddress.ip_address("127.0.0.1"), loopback)
    assert not address_allowed(ipaddress.ip_address("10.0.0.1"), loopback)
    assert not address_allowed(ipaddress.ip_address("::1"), loopback)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/", "javascript:alert(1)", "http:///nohost",
     "https://user:pw@example.org/", "//example.org/x"],
)  # fmt: skip
def test_only_plain_http_urls_pass_the_shape_check(url: str) -> None:
    with pytest.raises(ScrapeError) as caught:
        check_url_shape(url)
    assert caught.value.kind == "scheme_refused"


def test_ip_literal_urls_are_checked_without_dns() -> None:
    with pytest.raises(ScrapeError) as caught:
        asyncio.run(check_url("http://169.254.169.254/latest/meta-data/", ()))
    assert caught.value.kind == "ssrf_refused"
    with pytest.raises(ScrapeError):
        asyncio.run(check_url("http://[::1]:8080/", parse_networks(["127.0.0.0/8"])))
    asyncio.run(check_url("http://127.0.0.1:8080/", parse_networks(["127.0.0.0/8"])))


def test_a_name_resolving_to_loopback_is_refused() -> None:
    with pytest.raises(ScrapeError) as caught:
        asyncio.run(check_url("http://localhost/", ()))  # resolved from /etc/hosts, no network
    assert caught.value.kind == "ssrf_refused"


def test_the_connect_time_guard_refuses_before_connecting() -> None:
    """Even when the pre-check is bypassed (e.g. DNS rebinding), the connection itself is refused."""
    from prometheus_client import CollectorRegistry

    from services.scraper.fetch import HTML_TYPES, Fetcher, make_client
    from services.scraper.metrics import ScraperMetrics
    from services.scraper.settings import ScraperSettings

    settings = ScraperSettings(max_retries=0, per_host_interval=0)

    async def no_precheck(url: str) -> None:
        return None

    async def go() -> None:
        async with make_client(settings, ()) as client:
            fetcher = Fetcher(settings, ScraperMetrics.create(CollectorRegistry()), client)
            await fetcher.fetch("http://127.0.0.1:9/", "page", HTML_TYPES, no_precheck)

    with pytest.raises(ScrapeError) as caught:
        asyncio.run(go())
    assert caught.value.kind == "ssrf_refused"


def test_the_connect_time_guard_connects_to_the_checked_address() -> None:
    import socket

    import httpcore

    from services.scraper.connect import GuardedBackend

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]

    async def go() -> str:
        backend = GuardedBackend(httpcore.AnyIOBackend(), parse_networks(["127.0.0.0/8"]))
        stream = await backend.connect_tcp("127.0.0.1", port, timeout=5)
        peer = stream.get_extra_info("socket").getpeername()[0]
        await stream.aclose()
        return str(peer)

    try:
        assert asyncio.run(go()) == "127.0.0.1"
        with pytest.raises(ScrapeError):  # the same backend without the exemption refuses
            asyncio.run(GuardedBackend(httpcore.AnyIOBackend(), ()).connect_tcp("127.0.0.1", port, timeout=5))
    finally:
        listener.close()
