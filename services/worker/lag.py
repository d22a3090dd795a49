"""Consumer lag per assigned partition: high watermark minus the next offset this worker will process."""

from __future__ import annotations

from collections.abc import Iterable

import faust

from services.worker.health import readiness
from services.worker.metrics import WorkerMetrics

LAG_INTERVAL_SECONDS = 5.0


class ProcessedOffsets:
    def __init__(self) -> None:
        self._next: dict[tuple[str, int], int] = {}

    def mark(self, topic: str, partition: int, offset: int) -> None:
        self._next[(topic, partition)] = offset + 1

    def next_offset(self, topic: str, partition: int) -> int | None:
        return self._next.get((topic, partition))

    def forget_except(self, assigned: Iterable[tuple[str, int]]) -> None:
        keep = set(assigned)
        for key in [key for key in self._next if key not in keep]:
            del self._next[key]


def add_lag_timer(app: faust.App, metrics: WorkerMetrics, processed: ProcessedOffsets) -> None:
    @app.timer(interval=LAG_INTERVAL_SECONDS)
    async def update_consumer_lag() -> None:
        metrics.ready.set(1 if readiness(app)[0] else 0)  # moves even when nobody polls /readyz
        assigned = list(app.consumer.assignment())
        processed.forget_except((tp.topic, tp.partition) for tp in assigned)
        metrics.consumer_lag.clear()
        for tp in assigned:
            highwater = app.consumer.highwater(tp)
            position = processed.next_offset(tp.topic, tp.partition)
            if position is None:
                position = await app.consumer.position(tp)
            if highwater is None or position is None:
                continue
            metrics.consumer_lag.labels(tp.topic, str(tp.partition)).set(max(highwater - position, 0))
