"""The SSRF guard: only http(s) URLs to public addresses, unless a network is explicitly allowed."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from services.scraper.errors import ScrapeError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def check_url_shape(url: str) -> str:
    """The host of an acceptable URL; refuse other schemes, credentials in the URL and missing hosts."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ScrapeError("scheme_refused", f"scheme {parts.scheme or '(none)'!r} is not http(s)")
    if parts.username is not None or parts.password is not None:
        raise ScrapeError("scheme_refused", "credentials in URLs are never sent")
    if not parts.hostname:
        raise ScrapeError("scheme_refused", "URL has no host")
    return parts.hostname


def is_public(address: IPAddress) -> bool:
    """Globally routable unicast: not private, loopback, link-local, multicast, reserved or unspecified."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return is_public(address.ipv4_mapped)
    return address.is_global and not address.is_multicast


def address_allowed(address: IPAddress, allowed: Sequence[IPNetwork]) -> bool:
    return is_public(address) or any(address in network for network in allowed if network.version == address.version)


def parse_networks(blocks: Iterable[str]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(block, strict=False) for block in blocks)


async def resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ScrapeError("dns", f"cannot resolve {host}: {exc.strerror}") from exc
    return [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]


async def check_url(url: str, allowed: Sequence[IPNetwork]) -> None:
    """Raise ScrapeError unless every address the host resolves to is public or explicitly allowed."""
    host = check_url_shape(url)
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    for address in await resolve(host, port):
        if not address_allowed(address, allowed):
            raise ScrapeError("ssrf_refused", f"{host} resolves to non-public address {address}")
