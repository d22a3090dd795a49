"""The fetcher against httpx.MockTransport: retries, no retry on 4xx, conditional GET, limits, guarded redirects."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from prometheus_client import CollectorRegistry

from services.scraper.errors import ScrapeError
from services.scraper.fetch import HTML_TYPES, Fetcher, Guard, Page, Validators
from services.scraper.metrics import ScraperMetrics, sample_total
from services.scraper.settings import ScraperSettings
from services.scraper.ssrf import check_url

Handler = Callable[[httpx.Request], httpx.Response]
SETTINGS = ScraperSettings(
    per_host_interval=0, backoff_base=0.001, backoff_max=0.01, max_retries=2, max_response_bytes=4096, max_redirects=2
)


async def _open(url: str) -> None:
    return None


def fetch(
    handler: Handler,
    url: str = "https://news.example/a",
    guard: Guard = _open,
    validators: Validators | None = None,
) -> tuple[Page, CollectorRegistry]:
    registry = CollectorRegistry()
    metrics = ScraperMetrics.create(registry)

    async def go() -> Page:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler), follow_redirects=False) as client:
            return await Fetcher(SETTINGS, metrics, client).fetch(url, "page", HTML_TYPES, guard, validators)

    return asyncio.run(go()), registry


def html(
    status: int = 200, body: bytes = b"<p>\xd8\xae\xd8\xa8\xd8\xb1</p>", headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(status, content=body, headers={"content-type": "text/html; charset=utf-8", **(headers or {})})


def sequence(*responses: httpx.Response) -> tuple[Handler, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return responses[min(len(seen), len(responses)) - 1]

    return handler, seen


def test_5xx_is_retried_until_success() -> None:
    handler, seen = sequence(html(503), html(502), html(200))
    page, registry = fetch(handler)
    assert page.status == 200 and len(seen) == 3
    assert sample_total(registry, "marsad_scraper_retries_total") == 2
    assert sample_total(registry, "marsad_scraper_fetches_total", outcome="ok", status="200") == 1


def test_5xx_gives_up_after_max_retries() -> None:
    handler, seen = sequence(html(500))
    with pytest.raises(ScrapeError) as caught:
        fetch(handler)
    assert (caught.value.kind, caught.value.status, len(seen)) == ("http_5xx", 500, 3)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 429])
def test_4xx_is_never_retried(status: int) -> None:
    handler, seen = sequence(html(status))
    with pytest.raises(ScrapeError) as caught:
        fetch(handler)
    assert (caught.value.kind, len(seen)) == ("http_4xx", 1)


def test_timeouts_are_retried() -> None:
    calls: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return html()

    page, _ = fetch(handler)
    assert page.status == 200 and len(calls) == 2


def test_conditional_get_sends_validators_and_reports_304() -> None:
    handler, seen = sequence(httpx.Response(304, headers={"etag": '"v1"'}))
    page, registry = fetch(handler, validators=Validators('"v1"', "Tue, 10 Nov 2026 06:00:00 GMT"))
    assert page.not_modified and page.body == b""
    assert seen[0].headers["if-none-match"] == '"v1"'
    assert seen[0].headers["if-modified-since"] == "Tue, 10 Nov 2026 06:00:00 GMT"
    assert sample_total(registry, "marsad_scraper_fetches_total", outcome="not_modified") == 1


def test_validators_of_a_fresh_page_are_returned() -> None:
    handler, _ = sequence(html(headers={"etag": '"abc"', "last-modified": "Mon, 09 Nov 2026 10:00:00 GMT"}))
    page, _ = fetch(handler)
    assert page.validators == Validators('"abc"', "Mon, 09 Nov 2026 10:00:00 GMT")


def test_size_limit_while_streaming_and_from_content_length() -> None:
    sent: list[int] = []

    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(100):
            sent.append(1000)
            yield b"x" * 1000

    def stream(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=chunks(), headers={"content-type": "text/html"})

    with pytest.raises(ScrapeError) as caught:
        fetch(stream)
    assert caught.value.kind == "too_large" and sum(sent) <= 4096 + 1000  # stopped reading at the limit
    declared, _ = sequence(html(body=b"x", headers={"content-length": "999999"}))
    with pytest.raises(ScrapeError) as caught:
        fetch(declared)
    assert caught.value.kind == "too_large"


def test_content_type_is_checked_before_the_body() -> None:
    handler, _ = sequence(httpx.Response(200, content=b"%PDF", headers={"content-type": "application/pdf"}))
    with pytest.raises(ScrapeError) as caught:
        fetch(handler)
    assert caught.value.kind == "content_type"


def test_redirects_are_bounded_and_loops_detected() -> None:
    hops = iter(range(100))

    def chain(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"location": f"/hop/{next(hops)}"})

    with pytest.raises(ScrapeError) as caught:
        fetch(chain)
    assert caught.value.kind == "too_many_redirects"
    loop, _ = sequence(httpx.Response(301, headers={"location": "https://news.example/a"}))
    with pytest.raises(ScrapeError) as caught:
        fetch(loop)
    assert caught.value.kind == "too_many_redirects"


def test_every_redirect_hop_is_guarded() -> None:
    handler, seen = sequence(httpx.Response(302, headers={"location": "http://169.254.169.254/latest/meta-data/"}))

    async def guard(url: str) -> None:
        await check_url(url, ())

    with pytest.raises(ScrapeError) as caught:
        fetch(handler, url="https://93.184.215.14/a", guard=guard)
    assert caught.value.kind == "ssrf_refused" and len(seen) == 1  # the metadata address was never requested


def test_a_redirect_to_another_page_is_followed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"location": "/new"})
        return html()

    page, _ = fetch(handler, url="https://news.example/old")
    assert page.url == "https://news.example/new"
