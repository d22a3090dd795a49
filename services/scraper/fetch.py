"""HTTP fetching with httpx: guarded redirects, retries with backoff on 5xx/timeouts (never 4xx), conditional
GET, content-type checks before the body is read, and a size limit enforced while streaming."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from http.cookiejar import CookieJar, DefaultCookiePolicy
from urllib.parse import urljoin

import httpx

from services.scraper.charset import media_type
from services.scraper.connect import guarded_transport
from services.scraper.errors import ScrapeError
from services.scraper.metrics import ScraperMetrics
from services.scraper.politeness import HostLimiter, backoff_delay, parse_retry_after
from services.scraper.settings import ScraperSettings
from services.scraper.ssrf import IPNetwork
from services.scraper.urls import host_key

log = logging.getLogger(__name__)
Guard = Callable[[str], Awaitable[None]]
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
XML_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
REDIRECTS = frozenset({301, 302, 303, 307, 308})
REFUSALS = frozenset({"scheme_refused", "ssrf_refused", "robots_disallowed", "content_type", "too_large"})


@dataclass(frozen=True)
class Validators:
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class Page:
    url: str  # after redirects
    status: int
    content_type: str | None
    body: bytes
    validators: Validators

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def make_client(settings: ScraperSettings, allowed: Sequence[IPNetwork]) -> httpx.AsyncClient:
    """No redirects followed by httpx (each hop is guarded here), no cookies kept, no .netrc or proxy env,
    and every connection checked against the SSRF guard at connect time."""
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    jar = CookieJar(policy=DefaultCookiePolicy(allowed_domains=[]))
    return httpx.AsyncClient(
        transport=guarded_transport(allowed),
        follow_redirects=False,
        timeout=timeout,
        cookies=jar,
        trust_env=False,
        headers={"User-Agent": settings.user_agent, "Accept-Language": "ar, *;q=0.5"},
    )


class Fetcher:
    def __init__(self, settings: ScraperSettings, metrics: ScraperMetrics, client: httpx.AsyncClient) -> None:
        self._settings = settings
        self._metrics = metrics
        self._client = client
        self.limiter = HostLimiter(settings.per_host_concurrency, settings.per_host_interval, settings.concurrency)

    async def fetch(
        self, url: str, kind: str, accept: frozenset[str] | None, guard: Guard, validators: Validators | None = None
    ) -> Page:
        """GET `url`; raise ScrapeError on refusal or failure. `accept` None means any content type."""
        started = time.monotonic()
        try:
            page = await self._follow(url, kind, accept, guard, validators)
        except ScrapeError as exc:
            self._metrics.fetches.labels(kind, fetch_outcome(exc), str(exc.status or "none")).inc()
            raise
        finally:
            self._metrics.fetch_seconds.labels(kind).observe(time.monotonic() - started)
        self._metrics.fetches.labels(kind, "not_modified" if page.not_modified else "ok", str(page.status)).inc()
        return page

    async def _follow(
        self, url: str, kind: str, accept: frozenset[str] | None, guard: Guard, validators: Validators | None
    ) -> Page:
        seen: set[str] = set()
        for _ in range(self._settings.max_redirects + 1):
            if url in seen:
                raise ScrapeError("too_many_redirects", f"redirect loop at {url}")
            seen.add(url)
            await guard(url)
            result = await self._with_retries(url, kind, accept, validators)
            if isinstance(result, Page):
                return result
            url = result
        raise ScrapeError("too_many_redirects", f"more than {self._settings.max_redirects} redirects")

    async def _with_retries(
        self, url: str, kind: str, accept: frozenset[str] | None, validators: Validators | None
    ) -> Page | str:
        attempt = 0
        while True:
            retry_after: float | None = None
            try:
                async with self.limiter.slot(host_key(url)):
                    return await self._attempt(url, kind, accept, validators)
            except ScrapeError as exc:
                if exc.kind not in ("timeout", "connect", "http_5xx") or attempt >= self._settings.max_retries:
                    raise
                retry_after = exc.retry_after
            attempt += 1
            self._metrics.retries.labels(kind).inc()
            s = self._settings
            await asyncio.sleep(backoff_delay(attempt - 1, s.backoff_base, s.backoff_max, retry_after))

    async def _attempt(
        self, url: str, kind: str, accept: frozenset[str] | None, validators: Validators | None
    ) -> Page | str:
        """One request: a Page, the next URL of a redirect, or ScrapeError."""
        try:
            async with asyncio.timeout(self._settings.total_timeout):
                async with self._client.stream("GET", url, headers=_conditional(validators)) as response:
                    return await self._read(response, url, kind, accept)
        except TimeoutError as exc:
            raise ScrapeError("timeout", f"no complete response within {self._settings.total_timeout}s") from exc
        except httpx.TimeoutException as exc:
            raise ScrapeError("timeout", f"{type(exc).__name__} fetching {url}") from exc
        except (httpx.TransportError, httpx.InvalidURL) as exc:
            raise ScrapeError("connect", f"{type(exc).__name__}: {exc}") from exc

    async def _read(self, response: httpx.Response, url: str, kind: str, accept: frozenset[str] | None) -> Page | str:
        status = response.status_code
        if status in REDIRECTS and "location" in response.headers:
            return urljoin(url, response.headers["location"])
        if status >= 500:
            retry_after = parse_retry_after(response.headers.get("retry-after"))
            raise ScrapeError("http_5xx", f"HTTP {status}", status, retry_after)
        if status >= 400 or (status >= 300 and status != 304):
            raise ScrapeError("http_4xx", f"HTTP {status}", status)
        content_type = response.headers.get("content-type")
        if status != 304 and accept is not None and media_type(content_type) not in accept:
            raise ScrapeError("content_type", f"content type {media_type(content_type) or '(none)'!r} refused", status)
        body = await self._body(response, kind) if status != 304 else b""
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        return Page(url, status, content_type, body, validators)

    async def _body(self, response: httpx.Response, kind: str) -> bytes:
        limit = self._settings.max_response_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise ScrapeError("too_large", f"Content-Length {declared} exceeds {limit} bytes", response.status_code)
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():  # decompressed bytes: a gzip bomb hits the limit too
            size += len(chunk)
            self._metrics.received_bytes.labels(kind).inc(len(chunk))
            if size > limit:
                raise ScrapeError("too_large", f"body exceeds {limit} bytes", response.status_code)
            chunks.append(chunk)
        return b"".join(chunks)


def fetch_outcome(error: ScrapeError) -> str:
    if error.kind in ("http_4xx", "http_5xx"):
        return "http_error"
    if error.kind in REFUSALS:
        return "refused"
    return "failed"


def _conditional(validators: Validators | None) -> dict[str, str]:
    headers: dict[str, str] = {}
    if validators is not None and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators is not None and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    return headers
