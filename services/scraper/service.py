"""Run the scraper: ops web server, producer, agent; stop cleanly on a stop event (SIGTERM/SIGINT)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from typing import Any

from prometheus_client import CollectorRegistry
from starlette.applications import Starlette

from services.scraper.agent import ScrapeAgent
from services.scraper.config import SourcesConfig
from services.scraper.metrics import ScraperMetrics
from services.scraper.settings import ScraperSettings
from services.scraper.web import RunningServer, bind, ops_routes, start_server
from services.scraper.wiring import kafka_publisher, scraper_parts
from services.settings import Settings

log = logging.getLogger(__name__)


async def run_scraper(
    settings: Settings,
    scraper: ScraperSettings,
    config: SourcesConfig,
    registry: CollectorRegistry,
    stop: asyncio.Event,
    once: bool,
) -> ScraperMetrics:
    """Poll until `stop` is set (or one round when `once`); on stop, in-flight pages get `shutdown_grace`
    seconds, then the producer is flushed and closed. Returns the metrics for the caller's summary."""
    metrics = ScraperMetrics.create(registry)
    web = await _start_web(scraper, registry, metrics)
    try:
        async with kafka_publisher(settings, metrics) as publisher, scraper_parts(scraper, metrics, publisher) as parts:
            agent = ScrapeAgent(config, parts)
            await _until_stopped(agent.run_once() if once else agent.run_forever(stop), stop, scraper.shutdown_grace)
    finally:
        if web is not None:
            await web.stop()
    return metrics


async def _start_web(
    scraper: ScraperSettings, registry: CollectorRegistry, metrics: ScraperMetrics
) -> RunningServer | None:
    if not scraper.web_enabled:
        return None
    app = Starlette(routes=ops_routes(registry, lambda: registry.get_sample_value("marsad_scraper_ready") == 1))
    web = await start_server(app, bind(scraper.web_host, scraper.web_port))
    log.info("scraper metrics on http://%s:%d/metrics", scraper.web_host, web.port)
    return web


async def _until_stopped(work: Coroutine[Any, Any, Any], stop: asyncio.Event, grace: float) -> None:
    task = asyncio.ensure_future(work)
    stopper = asyncio.ensure_future(stop.wait())
    await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    if not task.done():
        log.info("stopping: in-flight pages get %.0fs", grace)
        await asyncio.wait({task}, timeout=grace)
    stopper.cancel()
    if not task.done():
        task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
