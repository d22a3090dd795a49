"""The two agents: decode, call the pure stage, deliver the outputs, and only then acknowledge the source.

Acknowledgement is manual (`stream.noack()`): Faust's automatic ack runs in a `finally` around the
agent's loop body, so an event being processed when the worker stops (or the agent crashes) would be
acked, and its offset committed, without its outputs. Here an event is acked only after `Delivery.send`
returned, so every committed offset has its outputs on the broker (at-least-once).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import faust

from schemas.deadletter import Stage
from schemas.event import DiplomaticEvent
from schemas.outcome import Rejection
from services.settings import Settings
from services.worker.delivery import Delivery, Output, OutputRejected
from services.worker.isolation import StageRunner
from services.worker.lag import ProcessedOffsets
from services.worker.metrics import WorkerMetrics
from services.worker.records import SourceRecord, build_dead_letter
from services.worker.stages import StageLimits, extract_value, normalize_value

log = logging.getLogger("marsad.worker")


@dataclass(frozen=True, slots=True)
class Outputs:
    """What one source message turns into when it is not rejected: the messages for one output topic."""

    output: str
    messages: list[Output]
    events: list[DiplomaticEvent]
    fetched_at: datetime | None = None


def normalize_outputs(value: bytes | None, limits: StageLimits) -> Outputs | Rejection:
    outcome = normalize_value(value, limits)
    if isinstance(outcome, Rejection):
        return outcome
    raw, article = outcome
    return Outputs("normalized", [(raw.article_id.encode(), article.model_dump_json().encode())], [])


def extract_outputs(value: bytes | None, limits: StageLimits) -> Outputs | Rejection:
    outcome = extract_value(value, limits)
    if isinstance(outcome, Rejection):
        return outcome
    article, events = outcome
    key = article.article_id.encode()
    messages: list[Output] = [(key, event.model_dump_json().encode()) for event in events]
    return Outputs("events", messages, events, article.fetched_at)


# Longest a stage may take for one message before it is abandoned and dead-lettered (see isolation.py). A
# realistic 200,000-character article takes about 1 s to normalise and extract on a 2-core laptop.
STAGE_TIMEOUT_SECONDS = 30.0


def add_agents(app: faust.App, settings: Settings, metrics: WorkerMetrics, processed: ProcessedOffsets) -> None:
    raw_topic = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes)
    normalized_topic = app.topic(settings.topic_normalized, key_type=bytes, value_type=bytes)
    events_topic = app.topic(settings.topic_events, key_type=bytes, value_type=bytes)
    deadletter_topic = app.topic(settings.topic_deadletter, key_type=bytes, value_type=bytes)
    limits = StageLimits(settings.max_message_bytes, settings.max_text_chars, settings.max_events_per_article)
    delivery = Delivery(metrics)
    outputs_topic = {"normalized": normalized_topic, "events": events_topic}
    runners = {stage: StageRunner(STAGE_TIMEOUT_SECONDS) for stage in Stage}

    async def dead_letter(record: SourceRecord, rejection: Rejection, stage: Stage) -> None:
        letter = build_dead_letter(
            record, rejection, stage, settings.worker_name, settings.deadletter_max_original_bytes
        )
        await delivery.send(deadletter_topic, "deadletter", [(record.key, letter.model_dump_json().encode())])
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

    async def handle(record: SourceRecord, stage: Stage, outcome: Outputs | Rejection) -> None:
        if isinstance(outcome, Rejection):
            await dead_letter(record, outcome, stage)
            return
        try:
            await delivery.send(outputs_topic[outcome.output], outcome.output, outcome.messages)
        except OutputRejected as rejected:
            await dead_letter(record, rejected.rejection, stage)
            return
        metrics.produced.labels(stage.value, outcome.output).inc(len(outcome.messages))
        for event in outcome.events:
            metrics.events.labels(event.event_type.value).inc()
            log.debug("event", extra={"article_id": event.article_id, "event_id": event.event_id})
        if outcome.events and outcome.fetched_at is not None:
            latency = (datetime.now(UTC) - outcome.fetched_at).total_seconds()
            metrics.end_to_end_seconds.observe(max(latency, 0.0))

    async def run_stage(stream: Any, stage: Stage, stage_fn: Any) -> None:
        manual = stream.noack()
        in_flight = metrics.in_flight.labels(stage.value)
        try:
            await _consume(manual, stage, stage_fn, in_flight)
        finally:  # the agent is cancelled when the worker stops: end the stage's child process with it
            runners[stage].close(kill=True)

    async def _consume(manual: Any, stage: Stage, stage_fn: Any, in_flight: Any) -> None:
        async for event in manual.events():
            message = event.message
            record = SourceRecord(message.topic, message.partition, message.offset, message.key, message.value)
            metrics.consumed.labels(stage.value).inc()
            in_flight.inc()
            started = time.perf_counter()
            try:
                outcome = await runners[stage].run(stage_fn, record.value, limits)
                await handle(record, stage, outcome)
            finally:
                in_flight.dec()
            metrics.stage_seconds.labels(stage.value).observe(time.perf_counter() - started)
            processed.mark(message.topic, message.partition, message.offset)
            await manual.ack(event)

    @app.agent(raw_topic, name="normalize")
    async def normalize_agent(stream: Any) -> None:
        await run_stage(stream, Stage.NORMALIZE, normalize_outputs)

    @app.agent(normalized_topic, name="extract")
    async def extract_agent(stream: Any) -> None:
        await run_stage(stream, Stage.EXTRACT, extract_outputs)
