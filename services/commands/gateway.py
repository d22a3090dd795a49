"""`marsad gateway [--host H] [--port P]`: the HTTP ingest endpoint (POST /articles) in the foreground.

The only place that reads the gateway's settings (`MARSAD_GATEWAY_*`). SIGTERM/SIGINT stop it cleanly:
in-flight requests finish, the producer is flushed and closed.
"""

from __future__ import annotations

import argparse
import asyncio
import logging.config
import signal

from aiokafka.errors import KafkaError
from prometheus_client import CollectorRegistry
from pydantic import ValidationError

from services.commands import UserError
from services.logs import logging_config
from services.scraper.gateway.service import run_gateway
from services.scraper.gateway.settings import GatewaySettings
from services.settings import Settings


def run(settings: Settings, args: argparse.Namespace) -> int:
    overrides = {key: value for key, value in (("host", args.host), ("port", args.port)) if value is not None}
    try:
        gateway = GatewaySettings(**overrides)
    except ValidationError as exc:
        error = exc.errors()[0]
        name = f"MARSAD_GATEWAY_{error['loc'][0]!s}".upper()
        raise UserError(f"invalid gateway setting {name}: {error['msg']}") from None
    if gateway.max_body_bytes > settings.max_message_bytes:
        raise UserError("MARSAD_GATEWAY_MAX_BODY_BYTES must not exceed MARSAD_MAX_MESSAGE_BYTES")
    settings.require_bootstrap()
    logging.config.dictConfig(logging_config(settings.log_level, settings.log_format))
    asyncio.run(_main(settings, gateway))
    return 0


async def _main(settings: Settings, gateway: GatewaySettings) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        await run_gateway(settings, gateway, CollectorRegistry(), stop)
    except OSError as exc:
        raise UserError(f"cannot listen on {gateway.host}:{gateway.port}: {exc.strerror or exc}") from None
    except KafkaError as exc:
        raise UserError(f"Kafka at {settings.kafka_bootstrap_servers}: {exc}") from None
