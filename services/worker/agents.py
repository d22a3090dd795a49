"""The agents: raw articles through normalise+extract in stage children, outputs delivered, then acked.

Acknowledgement is manual (`stream.noack()`): Faust's automatic ack runs in a `finally` around the
agent's loop body, so an event being processed when the worker stops (or the agent crashes) would be
acked, and its offset committed, without its outputs. Here `WindowedPipeline` acks an event only after
`Delivery.send` returned for all its outputs and every earlier event was acked, so every committed offset
has its outputs on the broker (at-least-once), while up to `worker_max_in_flight` events are in flight.
Each agent runs `worker_stage_processes` stage children; a message goes to the child of its key (`lanes`).

The raw agent publishes the normalised article and the events of each raw message; it does not read the
normalised topic back. An optional second agent extracts normalised articles that producers push to
`topic_normalized_input` (see docs/reliability.md).
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any

import faust

from schemas.deadletter import Stage
from schemas.outcome import Rejection
from services.settings import Settings
from services.worker.delivery import Delivery, OutputRejected
from services.worker.lag import ProcessedOffsets
from services.worker.lanes import StageLanes, route
from services.worker.metrics import Children, WorkerMetrics
from services.worker.pipeline import BatchLimits, Steps, WindowedPipeline
from services.worker.records import SourceRecord, build_dead_letter, encode_message
from services.worker.stages import StageFn, StageLimits, StageResult, process_normalized, process_raw

log = logging.getLogger("marsad.worker")

# Most messages and bytes per stage call: enough to amortise the IPC, small enough that a batch's results
# (and so its deliveries) start soon at low load, and that a batch of long articles stays far below the time
# bound (a 200,000-character article takes ~1 s: a batch over the bound is re-run one message at a time).
BATCH_LIMITS = BatchLimits(items=32, size=1024 * 1024)


@dataclass(frozen=True, slots=True)
class Pending:
    """One event taken from a stream and not yet acknowledged."""

    event: Any
    record: SourceRecord


def _key(pending: Pending) -> bytes | None:
    return pending.record.key


def _size(pending: Pending) -> int:
    return len(pending.record.value or b"")


def _route(pending: Pending) -> int:
    return route(pending.record)


class Outputs:
    """Deliver one message's outputs (or its dead letter) and count them."""

    def __init__(self, app: faust.App, settings: Settings, metrics: WorkerMetrics) -> None:
        self._topics = {
            name: app.topic(topic, key_type=bytes, value_type=bytes)
            for name, topic in (
                ("normalized", settings.topic_normalized),
                ("events", settings.topic_events),
                ("deadletter", settings.topic_deadletter),
            )
        }
        self._settings = settings
        self._metrics = metrics
        self._delivery = Delivery(metrics)
        self._stage_seconds = Children(metrics.stage_seconds)
        self._consumed = Children(metrics.consumed)
        self._produced = Children(metrics.produced)
        self._events = Children(metrics.events)

    async def deliver(self, pending: Pending, result: StageResult) -> None:
        await self._deliver_outputs(pending.record, result)
        # Observed once the message is finished (outputs or dead letter on the broker): the benchmark counts
        # finished articles with these counts. The times were measured in the stage child, per message.
        for stage, seconds in result.seconds:
            self._stage_seconds(stage.value).observe(seconds)

    async def _deliver_outputs(self, record: SourceRecord, result: StageResult) -> None:
        if result.normalized is not None:
            self._consumed(Stage.EXTRACT.value).inc()  # the extract stage read it, in the same child
            if not await self._send(record, Stage.NORMALIZE, "normalized", [result.normalized], result.key):
                return
        if result.rejection is not None:
            await self.dead_letter(record, result.rejection, result.rejected_at)
            return
        if not await self._send(record, Stage.EXTRACT, "events", list(result.events), result.key):
            return
        for event_type in result.event_types:
            self._events(event_type).inc()
        if result.events and result.fetched_at is not None:
            self._metrics.end_to_end_seconds.observe(max(time.time() - result.fetched_at, 0.0))

    async def _send(
        self, record: SourceRecord, stage: Stage, output: str, values: list[bytes], key: bytes | None
    ) -> bool:
        """True when delivered; False when the broker refused it for good (then it is dead-lettered)."""
        try:
            await self._delivery.send(self._topics[output], output, [(key, value) for value in values])
        except OutputRejected as rejected:
            await self.dead_letter(record, rejected.rejection, stage)
            return False
        self._produced(stage.value, output).inc(len(values))
        return True

    async def dead_letter(self, record: SourceRecord, rejection: Rejection, stage: Stage) -> None:
        settings = self._settings
        letter = build_dead_letter(
            record, rejection, stage, settings.worker_name, settings.deadletter_max_original_bytes
        )
        await self._delivery.send(self._topics["deadletter"], "deadletter", [(record.key, encode_message(letter))])
        self._metrics.dead_letters.labels(stage.value, rejection.reason.value).inc()
        self._metrics.produced.labels(stage.value, "deadletter").inc()
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


def add_agents(app: faust.App, settings: Settings, metrics: WorkerMetrics, processed: ProcessedOffsets) -> None:
    limits = StageLimits(settings.max_message_bytes, settings.max_text_chars, settings.max_events_per_article)
    outputs = Outputs(app, settings, metrics)

    async def run(stream: Any, stage: Stage, stage_fn: StageFn) -> None:
        manual = stream.noack()
        lanes = StageLanes(settings.worker_stage_processes, settings.stage_timeout_seconds, stage)
        in_flight = metrics.in_flight.labels(stage.value)
        consumed = metrics.consumed.labels(stage.value)

        async def taken() -> Any:
            async for event in manual.events():
                message = event.message
                consumed.inc()
                in_flight.inc()
                yield Pending(
                    event, SourceRecord(message.topic, message.partition, message.offset, message.key, message.value)
                )

        async def process(lane: int, batch: list[Pending]) -> list[StageResult]:
            return await lanes.run(lane, stage_fn, [pending.record.value for pending in batch], limits)

        async def acknowledge(pending: Pending) -> None:
            record = pending.record
            processed.mark(record.topic, record.partition, record.offset)
            in_flight.dec()
            await manual.ack(pending.event)

        pipeline = WindowedPipeline(
            Steps(process, outputs.deliver, acknowledge, key=_key, size=_size, route=_route),
            settings.worker_max_in_flight,
            BATCH_LIMITS,
            lanes=len(lanes),
        )
        try:
            await pipeline.run(taken())
        finally:  # the agent is cancelled when the worker stops: end its stage children with it
            lanes.close(kill=True)

    raw_topic = app.topic(settings.topic_raw, key_type=bytes, value_type=bytes)

    @app.agent(raw_topic, name="normalize")
    async def raw_agent(stream: Any) -> None:
        await run(stream, Stage.NORMALIZE, process_raw)

    if settings.topic_normalized_input:
        normalized_input = app.topic(settings.topic_normalized_input, key_type=bytes, value_type=bytes)

        @app.agent(normalized_input, name="extract")
        async def normalized_agent(stream: Any) -> None:
            await run(stream, Stage.EXTRACT, process_normalized)
