"""All of the scraper's wiring in one place: settings -> HTTP client, state, fetcher, robots, producer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from services.kafkaio.produce import make_producer
from services.scraper.agent import Parts
from services.scraper.fetch import Fetcher, make_client
from services.scraper.metrics import ScraperMetrics
from services.scraper.publish import KafkaPublisher, Publisher
from services.scraper.robots import RobotsPolicy
from services.scraper.settings import ScraperSettings
from services.scraper.ssrf import check_url, parse_networks
from services.scraper.state import ScrapeState
from services.settings import Settings


@asynccontextmanager
async def kafka_publisher(settings: Settings, metrics: ScraperMetrics) -> AsyncIterator[KafkaPublisher]:
    """The idempotent acks=all producer; leaving the block flushes what is pending and closes it."""
    producer = make_producer(settings)
    try:
        await producer.start()
    except BaseException:
        await producer.stop()  # release the half-open client before the error is reported
        raise
    metrics.ready.set(1)
    try:
        yield KafkaPublisher(producer, settings.topic_raw)
    finally:
        metrics.ready.set(0)
        await producer.stop()


@asynccontextmanager
async def scraper_parts(
    scraper: ScraperSettings, metrics: ScraperMetrics, publisher: Publisher
) -> AsyncIterator[Parts]:
    allowed = parse_networks(scraper.allow_private_networks)

    async def guard(url: str) -> None:
        await check_url(url, allowed)

    client = make_client(scraper, allowed)
    state = ScrapeState(scraper.state_path)
    fetcher = Fetcher(scraper, metrics, client)
    robots = RobotsPolicy(fetcher, guard, scraper.user_agent, scraper.robots_ttl, scraper.respect_robots)
    try:
        yield Parts(scraper, fetcher, robots, state, publisher, metrics, allowed)
    finally:
        await client.aclose()
        state.close()
