"""The scraper agent: poll each source's feeds and sitemaps, fetch new or changed pages, publish RawArticles.

Every refusal and failure is counted by error kind and logged with the URL; one bad page never stops a round.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from services.scraper.article import Origin, build_article, content_hash
from services.scraper.charset import decode
from services.scraper.config import Source, SourcesConfig
from services.scraper.errors import ScrapeError
from services.scraper.extract import Extracted, extract_article
from services.scraper.feeds import FeedEntry, parse_feed
from services.scraper.fetch import HTML_TYPES, XML_TYPES, Fetcher, Page
from services.scraper.metrics import ScraperMetrics
from services.scraper.publish import Publisher
from services.scraper.robots import RobotsPolicy
from services.scraper.settings import ScraperSettings
from services.scraper.ssrf import IPNetwork, check_url
from services.scraper.state import ScrapeState
from services.scraper.urls import article_id_for, canonicalize, choose_canonical, resolve_link

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Parts:
    """The agent's collaborators, built by `services.scraper.wiring`."""

    settings: ScraperSettings
    fetcher: Fetcher
    robots: RobotsPolicy
    state: ScrapeState
    publisher: Publisher
    metrics: ScraperMetrics
    allowed_networks: Sequence[IPNetwork]


class ScrapeAgent:
    def __init__(self, config: SourcesConfig, parts: Parts) -> None:
        self._config = config
        self._p = parts

    async def run_once(self) -> bool:
        """One round over every enabled source; True when nothing failed."""
        results = await asyncio.gather(*(self.poll(source) for source in self._config.enabled()))
        return all(results)

    async def run_forever(self, stop: asyncio.Event) -> None:
        await asyncio.gather(*(self._source_loop(source, stop) for source in self._config.enabled()))

    async def _source_loop(self, source: Source, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await self.poll(source)
            except Exception:  # a bug must not end this source's polling for good
                self._p.metrics.errors.labels("internal").inc()
                log.exception("poll of %s failed", source.name, extra={"reason": "internal"})
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self._config.interval(source))

    async def poll(self, source: Source) -> bool:
        feeds = [(url, "feed") for url in source.feeds] + [(url, "sitemap") for url in source.sitemaps]
        results = [await self._feed(source, url, kind, depth=0) for url, kind in feeds]
        ok = all(results)
        self._p.metrics.polls.labels("ok" if ok else "partial").inc()
        self._p.metrics.last_poll.set_to_current_time()
        return ok

    async def _feed(self, source: Source, url: str, kind: str, depth: int) -> bool:
        """Fetch and parse one feed or sitemap, then its entries. The feed's validators are kept only when no
        entry failed transiently (timeout, 5xx, broker), so such pages are retried even if the feed is a 304."""
        try:
            page = await self._p.fetcher.fetch(url, kind, XML_TYPES, self._guard, self._p.state.validators(url))
            if page.not_modified:
                return True
            entries = parse_feed(page.body)
        except ScrapeError as exc:
            self._refused(exc, url, source)
            return False
        self._p.metrics.feed_entries.inc(len(entries))
        children = [e for e in entries if e.is_sitemap][:50] if depth == 0 else []
        pages = newest_first([e for e in entries if not e.is_sitemap])[: self._config.limit(source)]
        results = [await self._feed(source, resolve_link(url, e.link), "sitemap", depth + 1) for e in children]
        results += await asyncio.gather(*(self._entry(source, entry, page.url) for entry in pages))
        if all(results):
            self._p.state.remember_validators(url, page.validators)
        return all(results)

    async def _entry(self, source: Source, entry: FeedEntry, feed_url: str) -> bool:
        url = entry.link
        try:
            url = canonicalize(resolve_link(feed_url, entry.link))
            await self._page(source, entry, url, feed_url)
        except ScrapeError as exc:
            self._refused(exc, url, source)
            return exc.kind not in ("timeout", "connect", "http_5xx", "publish")  # retry those next round
        except Exception:  # one bad page never stops the round
            self._p.metrics.errors.labels("internal").inc()
            log.exception("unexpected failure on %s", url, extra={"reason": "internal", "stage": "scrape"})
            return False
        return True

    async def _page(self, source: Source, entry: FeedEntry, url: str, feed_url: str) -> None:
        page = await self._p.fetcher.fetch(url, "page", HTML_TYPES, self._page_guard, self._p.state.validators(url))
        if page.not_modified:
            self._p.metrics.duplicates.labels("not_modified").inc()
            return
        html = decode(page.body, page.content_type, self._p.settings.fallback_encoding)
        # CPU-bound (lxml, trafilatura): off the event loop, so timeouts and /metrics stay responsive
        extracted = await asyncio.to_thread(extract_article, html, page.url, entry, source.selectors)
        canonical = choose_canonical(page.url, extracted.canonical)
        article_id = article_id_for(source.name, canonical)
        digest = content_hash(extracted.text)
        if self._p.state.is_unchanged(article_id, digest):
            self._p.metrics.duplicates.labels("unchanged").inc()
            self._p.state.remember_validators(url, page.validators)
            return
        await self._publish(source, article_id, canonical, extracted, page, feed_url, html)
        self._p.state.remember_article(article_id, digest, canonical)
        self._p.state.remember_validators(url, page.validators)

    async def _publish(
        self, source: Source, article_id: str, canonical: str, extracted: Extracted, page: Page, feed: str, html: str
    ) -> None:
        origin = Origin(source.name, self._config.language(source), feed, page.content_type)
        keep = html if self._p.settings.keep_html else None
        article = build_article(article_id, canonical, extracted, origin, datetime.now(UTC), keep)
        try:
            await self._p.publisher.publish(article)
        except Exception as exc:
            raise ScrapeError("publish", f"broker did not acknowledge: {type(exc).__name__}: {exc}") from exc
        self._p.metrics.published.inc()
        log.info("published %s", canonical, extra={"article_id": article_id, "stage": "scrape"})

    async def _guard(self, url: str) -> None:
        await check_url(url, self._p.allowed_networks)

    async def _page_guard(self, url: str) -> None:
        await check_url(url, self._p.allowed_networks)
        if not await self._p.robots.allowed(url):
            self._p.metrics.robots_refusals.inc()
            raise ScrapeError("robots_disallowed", "robots.txt disallows this URL")

    def _refused(self, exc: ScrapeError, url: str, source: Source) -> None:
        self._p.metrics.errors.labels(exc.kind).inc()
        log.warning("%s: %s (%s)", exc.kind, exc, url, extra={"reason": exc.kind, "stage": f"scrape:{source.name}"})


def newest_first(entries: list[FeedEntry]) -> list[FeedEntry]:
    """Dated entries newest first, undated ones after them in feed order."""
    epoch = datetime.min.replace(tzinfo=UTC)
    return sorted(entries, key=lambda e: (e.published_at is not None, e.published_at or epoch), reverse=True)
