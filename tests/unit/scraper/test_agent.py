"""The agent's bookkeeping with an in-memory site (httpx.MockTransport) and a fake publisher: no network."""

from __future__ import annotations

import asyncio

import httpx
from prometheus_client import CollectorRegistry

from schemas.raw import RawArticle
from services.scraper.agent import Parts, ScrapeAgent
from services.scraper.config import parse_sources
from services.scraper.fetch import Fetcher
from services.scraper.metrics import ScraperMetrics, sample_total
from services.scraper.robots import RobotsPolicy
from services.scraper.settings import ScraperSettings
from services.scraper.ssrf import check_url, parse_networks
from services.scraper.state import ScrapeState

FEED = """<rss><channel>
<item><title>أ</title><link>https://93.184.215.14/a</link></item>
<item><title>ب</title><link>https://93.184.215.14/b</link></item>
</channel></rss>"""
PAGE = "<html><body><article><h1>{0}</h1><p>نص الخبر {0} عن لقاء الوزيرين في العاصمة اليوم.</p></article></body></html>"
SETTINGS = ScraperSettings(per_host_interval=0, max_retries=0, respect_robots=False)
ALLOWED = parse_networks([])  # a public IP literal: the SSRF guard passes without DNS, the mock answers


class FlakyPublisher:
    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.published: list[RawArticle] = []

    async def publish(self, article: RawArticle) -> None:
        if self.failures > 0:
            self.failures -= 1
            raise ConnectionError("broker down")
        self.published.append(article)


def _site(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/rss":
        return httpx.Response(200, text=FEED, headers={"content-type": "application/rss+xml"})
    if request.url.path == "/boom":
        raise RuntimeError("a bug in a transport")
    return httpx.Response(200, text=PAGE.format(request.url.path[1:]), headers={"content-type": "text/html"})


def _round(state: ScrapeState, publisher: FlakyPublisher, feed: str = "https://93.184.215.14/rss") -> CollectorRegistry:
    registry = CollectorRegistry()
    metrics = ScraperMetrics.create(registry)
    config = parse_sources(f'[[sources]]\nname = "news"\nfeeds = ["{feed}"]')

    async def guard(url: str) -> None:
        await check_url(url.replace("news.example", "93.184.215.14"), ALLOWED)

    async def go() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(_site)) as client:
            fetcher = Fetcher(SETTINGS, metrics, client)
            robots = RobotsPolicy(fetcher, guard, SETTINGS.user_agent, 60, enabled=False)
            parts = Parts(SETTINGS, fetcher, robots, state, publisher, metrics, ALLOWED)
            await ScrapeAgent(config, parts).run_once()

    asyncio.run(go())
    return registry


def test_a_failed_publish_is_retried_next_round_and_nothing_is_lost() -> None:
    state = ScrapeState(":memory:")
    publisher = FlakyPublisher(failures=1)
    first = _round(state, publisher)
    assert sample_total(first, "marsad_scraper_errors_total", kind="publish") == 1
    assert sample_total(first, "marsad_scraper_articles_published_total") == 1
    assert sample_total(first, "marsad_scraper_polls_total", outcome="partial") == 1
    second = _round(state, publisher)
    assert sample_total(second, "marsad_scraper_articles_published_total") == 1  # the one that failed
    assert sample_total(second, "marsad_scraper_duplicates_skipped_total", reason="unchanged") == 1
    assert sorted(a.url or "" for a in publisher.published) == ["https://93.184.215.14/a", "https://93.184.215.14/b"]
    third = _round(state, publisher)
    assert sample_total(third, "marsad_scraper_articles_published_total") == 0
    assert sample_total(third, "marsad_scraper_polls_total", outcome="ok") == 1


def test_an_unexpected_exception_is_counted_and_the_round_goes_on() -> None:
    feed = FEED.replace("https://93.184.215.14/a", "https://93.184.215.14/boom")
    publisher = FlakyPublisher(failures=0)

    def site(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/rss":
            return httpx.Response(200, text=feed, headers={"content-type": "application/rss+xml"})
        return _site(request)

    registry = CollectorRegistry()
    metrics = ScraperMetrics.create(registry)
    config = parse_sources('[[sources]]\nname = "news"\nfeeds = ["https://93.184.215.14/rss"]')

    async def guard(url: str) -> None:
        await check_url(url, ALLOWED)

    async def go() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(site)) as client:
            fetcher = Fetcher(SETTINGS, metrics, client)
            robots = RobotsPolicy(fetcher, guard, SETTINGS.user_agent, 60, enabled=False)
            parts = Parts(SETTINGS, fetcher, robots, ScrapeState(":memory:"), publisher, metrics, ALLOWED)
            assert not await ScrapeAgent(config, parts).run_once()

    asyncio.run(go())
    assert sample_total(registry, "marsad_scraper_errors_total", kind="internal") == 1
    assert [a.url for a in publisher.published] == ["https://93.184.215.14/b"]
