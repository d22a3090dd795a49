"""Wiring: the Faust app, its topics, agents, metrics and health views, built from one Settings object."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from prometheus_client import CollectorRegistry

from schemas.deadletter import DeadLetterReason, Stage
from schemas.outcome import Rejection
from services.arabic.normalize import NORMALIZER_VERSION
from services.extraction import EXTRACTOR_VERSION
from services.kafkaio.client import faust_credentials
from services.logs import logging_config
from services.settings import Settings
from services.worker.health import add_health_views
from services.worker.lag import ProcessedOffsets, add_lag_timer
from services.worker.metrics import WorkerMetrics
from services.worker.records import SourceRecord, build_dead_letter
from services.worker.stages import StageLimits, extract_value, normalize_value

log = logging.getLogger("marsad.worker")


def build_app(settings: Settings, registry: CollectorRegistry) -> faust.App:
    bootstrap = settings.require_bootstrap()
    app = faust.App(
        settings.worker_id,
        broker=[f"kafka://{host.strip()}" for host in bootstrap.split(",")],
        broker_credentials=faust_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        store="memory://",
        autodiscover=False,
        datadir=settings.worker_data_dir,
        web_bind=settings.worker_web_host,
        web_host=settings.worker_web_host,
        web_port=settings.worker_web_port,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication_factor,
        producer_acks=-1,
        producer_max_request_size=settings.max_message_bytes + 1024 * 1024,
        consumer_max_fetch_size=settings.max_message_bytes + 1024 * 1024,
        logging_config=logging_config(settings.log_level, settings.log_format),
    )
    metrics = WorkerMetrics.create(registry)
    metrics.info.info(
        {"normalizer": NORMALIZER_VERSION, "extractor": EXTRACTOR_VERSION, "worker": settings.worker_name}
    )
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="marsad_faust")
    processed = ProcessedOffsets()
    add_health_views(app, metrics)
    add_lag_timer(app, metrics, processed)
    _add_agents(app, settings, metrics, processed)
    return app


def _add_agents(app: faust.App, settings: Settings, metrics: WorkerMetrics, processed: ProcessedOffsets) -> None:
    raw_topic = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes)
    normalized_topic = app.topic(settings.topic_normalized, key_type=bytes, value_type=bytes)
    events_topic = app.topic(settings.topic_events, key_type=bytes, value_type=bytes)
    deadletter_topic = app.topic(settings.topic_deadletter, key_type=bytes, value_type=bytes)
    limits = StageLimits(settings.max_message_bytes, settings.max_text_chars, settings.max_events_per_article)

    async def dead_letter(record: SourceRecord, rejection: Rejection, stage: Stage) -> None:
        letter = build_dead_letter(
            record, rejection, stage, settings.worker_name, settings.deadletter_max_original_bytes
        )
        await deadletter_topic.send(key=record.key, value=letter.model_dump_json().encode())
        metrics.dead_letters.labels(stage.value, rejection.reason.value).inc()
        metrics.produced.labels(stage.value, "deadletter").inc()
        log.warning(
            "dead letter: %s",
            rejection.message,
            extra={
                "stage": stage.value,
                "reason": rejection.reason.value,
                "article_id": letter.article_id,
                "topic": record.topic,
                "partition": record.partition,
                "offset": record.offset,
            },
        )

    async def normalize_one(record: SourceRecord) -> None:
        outcome = normalize_value(record.value, limits)
        if isinstance(outcome, Rejection):
            await dead_letter(record, outcome, Stage.NORMALIZE)
            return
        raw, article = outcome
        await normalized_topic.send(key=raw.article_id.encode(), value=article.model_dump_json().encode())
        metrics.produced.labels(Stage.NORMALIZE.value, "normalized").inc()

    async def extract_one(record: SourceRecord) -> None:
        outcome = extract_value(record.value, limits)
        if isinstance(outcome, Rejection):
            await dead_letter(record, outcome, Stage.EXTRACT)
            return
        article, events = outcome
        for event in events:
            await events_topic.send(key=article.article_id.encode(), value=event.model_dump_json().encode())
            metrics.events.labels(event.event_type.value).inc()
            metrics.produced.labels(Stage.EXTRACT.value, "events").inc()
            latency = (datetime.now(UTC) - article.fetched_at).total_seconds()
            metrics.end_to_end_seconds.observe(max(latency, 0.0))
            log.debug("event", extra={"article_id": article.article_id, "event_id": event.event_id})

    async def run_stage(stream: Any, stage: Stage, handle: Any) -> None:
        async for event in stream.events():
            message = event.message
            record = SourceRecord(message.topic, message.partition, message.offset, message.key, message.value)
            metrics.consumed.labels(stage.value).inc()
            started = time.perf_counter()
            try:
                await handle(record)
            except Exception as exc:  # anything unexpected becomes a dead letter; the agent keeps going
                log.exception("processing failed", extra={"stage": stage.value, "offset": record.offset})
                await dead_letter(record, _processing_error(exc), stage)
            metrics.stage_seconds.labels(stage.value).observe(time.perf_counter() - started)
            processed.mark(message.topic, message.partition, message.offset)

    @app.agent(raw_topic, name="normalize")
    async def normalize_agent(stream: Any) -> None:
        await run_stage(stream, Stage.NORMALIZE, normalize_one)

    @app.agent(normalized_topic, name="extract")
    async def extract_agent(stream: Any) -> None:
        await run_stage(stream, Stage.EXTRACT, extract_one)


def _processing_error(exc: Exception) -> Rejection:
    return Rejection(DeadLetterReason.PROCESSING_ERROR, f"{type(exc).__name__}: {exc}"[:500])
