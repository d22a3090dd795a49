"""Run the gateway: producer up, HTTP server on its socket, until the stop event; then drain and close."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from aiokafka import AIOKafkaProducer
from prometheus_client import CollectorRegistry

from schemas.raw import RawArticle
from services.kafkaio.produce import make_producer, send_articles
from services.scraper.gateway.app import build_app
from services.scraper.gateway.metrics import GatewayMetrics
from services.scraper.gateway.settings import GatewaySettings
from services.scraper.web import bind, start_server
from services.settings import Settings

log = logging.getLogger(__name__)


class KafkaBatchPublisher:
    """Idempotent acks=all producer; key article_id; headers content-type, schema, source, channel."""

    def __init__(self, producer: AIOKafkaProducer, topic: str) -> None:
        self._producer = producer
        self._topic = topic

    async def publish(self, articles: Sequence[RawArticle]) -> None:
        await send_articles(self._producer, self._topic, articles)


async def run_gateway(
    settings: Settings, gateway: GatewaySettings, registry: CollectorRegistry, stop: asyncio.Event
) -> None:
    metrics = GatewayMetrics.create(registry)
    sock = bind(gateway.host, gateway.port)  # before the producer: a busy port fails fast
    producer = make_producer(settings)
    try:
        await producer.start()
    except BaseException:
        await producer.stop()
        sock.close()
        raise
    metrics.ready.set(1)
    try:
        app = build_app(
            gateway,
            KafkaBatchPublisher(producer, settings.topic_raw),
            metrics,
            registry,
            lambda: registry.get_sample_value("marsad_gateway_ready") == 1,
        )
        server = await start_server(app, sock)
        log.info("gateway listening on http://%s:%d/articles", gateway.host, server.port)
        await stop.wait()
        metrics.ready.set(0)
        await server.stop()  # uvicorn finishes in-flight requests before returning
    finally:
        metrics.ready.set(0)
        await producer.stop()
        sock.close()
