"""`marsad scrape --config FILE [--once]`: poll the configured sources and publish RawArticles.

The only place that reads the scraper's settings (`MARSAD_SCRAPER_*`) and the sources file.
SIGTERM/SIGINT stop polling; in-flight pages finish (up to the grace period) and the producer is flushed.
"""

from __future__ import annotations

import argparse
import asyncio
import logging.config
import signal
import sys

from aiokafka.errors import KafkaError
from prometheus_client import CollectorRegistry
from pydantic import ValidationError

from services.commands import UserError
from services.logs import logging_config
from services.scraper.config import ConfigError, SourcesConfig, load_sources
from services.scraper.metrics import sample_total
from services.scraper.service import run_scraper
from services.scraper.settings import ScraperSettings
from services.settings import Settings


def run(settings: Settings, args: argparse.Namespace) -> int:
    try:
        config = load_sources(args.config)
        scraper = ScraperSettings()
    except ConfigError as exc:
        raise UserError(str(exc)) from None
    except ValidationError as exc:
        error = exc.errors()[0]
        name = f"MARSAD_SCRAPER_{error['loc'][0]!s}".upper()
        raise UserError(f"invalid scraper setting {name}: {error['msg']}") from None
    settings.require_bootstrap()
    logging.config.dictConfig(logging_config(settings.log_level, settings.log_format))
    registry = CollectorRegistry()
    asyncio.run(_main(settings, scraper, config, registry, args.once))
    print(summary(registry), file=sys.stderr)
    return 0


async def _main(
    settings: Settings, scraper: ScraperSettings, config: SourcesConfig, registry: CollectorRegistry, once: bool
) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await run_scraper(settings, scraper, config, registry, stop, once)
    except OSError as exc:
        raise UserError(f"cannot serve on {scraper.web_host}:{scraper.web_port}: {exc.strerror or exc}") from None
    except KafkaError as exc:
        raise UserError(f"Kafka at {settings.kafka_bootstrap_servers}: {exc}") from None


def summary(registry: CollectorRegistry) -> str:
    published = sample_total(registry, "marsad_scraper_articles_published_total")
    unchanged = sample_total(registry, "marsad_scraper_duplicates_skipped_total")
    robots = sample_total(registry, "marsad_scraper_robots_refusals_total")
    errors = sample_total(registry, "marsad_scraper_errors_total")
    return (
        f"scrape: published {published:.0f}, unchanged {unchanged:.0f}, "
        f"robots refusals {robots:.0f}, errors {errors:.0f}"
    )
