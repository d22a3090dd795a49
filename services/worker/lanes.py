"""Several stage children per agent: which message goes to which child, and the children themselves.

A message's lane (its child) is a stable hash of its key (the article id) modulo the number of children,
so all messages of one article go to one child, in input order; `WindowedPipeline` keeps every lane's
results in that order and chains each key's deliveries, so an article's outputs keep their order. Keys,
not partitions, because a worker often owns fewer partitions than it has children, or a number that does
not divide evenly (3 partitions on 2 children: one child gets twice the work); article ids hash
uniformly. A message without a key goes by its partition. CRC-32 rather than `hash()`: the same lane for
the same key in every process and run (`hash()` of bytes is salted per process).
"""

from __future__ import annotations

import zlib

from schemas.deadletter import Stage
from services.worker.isolation import StageRunner
from services.worker.records import SourceRecord
from services.worker.stages import StageFn, StageLimits, StageResult


def route(record: SourceRecord) -> int:
    """A number that is the same for every message of one article; its lane is this modulo the lanes."""
    if record.key is None:
        return record.partition
    return zlib.crc32(record.key)


class StageLanes:
    """One `StageRunner` (one child, its time bound, its replacement when it dies) per lane. A child starts
    on its lane's first message, so an agent without partitions starts none. Several children share the
    template's tables (`isolation`); a lone child is spawned with its own."""

    def __init__(self, processes: int, timeout: float, stage: Stage) -> None:
        if processes < 1:
            raise ValueError("at least one stage process")
        self._runners = [StageRunner(timeout, stage, shared_template=processes > 1) for _ in range(processes)]

    def __len__(self) -> int:
        return len(self._runners)

    async def run(self, lane: int, fn: StageFn, values: list[bytes | None], limits: StageLimits) -> list[StageResult]:
        return await self._runners[lane].run(fn, values, limits)

    def close(self, kill: bool = False) -> None:
        for runner in self._runners:
            runner.close(kill=kill)
