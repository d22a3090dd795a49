"""The feeding probe: time stamps of a worker's stage calls, deliveries and acknowledgements, and its loop lag.

Not part of the worker. `python -m bench.account --trace DIR` puts this directory first on the worker's
PYTHONPATH and sets MARSAD_FEEDING_TRACE=DIR, so Python imports this module in the worker and in its stage
children. It wraps a few functions of `services.worker` as their modules load (names that exist in every
snapshot since session 6, so a base snapshot is traced the same way) and appends JSON lines to
DIR/<pid>.jsonl: in the child, each `process_batch` call's start and end, with the thread's scheduler
counters; in the parent, each stage call's hand-over and return, each message's taking, delivery and
acknowledgement, and the event loop's lag every 5 ms. All times are `time.monotonic()`, one clock for
every process. Without MARSAD_FEEDING_TRACE it does nothing.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import runpy
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

TRACE_DIR = os.environ.get("MARSAD_FEEDING_TRACE", "")
LAG_PERIOD = 0.005
FLUSH_PERIOD = 1.0
_records: list[list[Any]] = []


def _write(records: list[list[Any]]) -> None:
    if not records:
        return
    with open(Path(TRACE_DIR) / f"{os.getpid()}.jsonl", "a") as out:
        out.writelines(json.dumps(record) + "\n" for record in records)


def _flush() -> None:
    records = _records[:]
    del _records[: len(records)]
    _write(records)


async def _sample_loop_lag() -> None:
    flushed = time.monotonic()
    while True:
        before = time.monotonic()
        await asyncio.sleep(LAG_PERIOD)
        after = time.monotonic()
        _records.append(["lag", before, after - before - LAG_PERIOD])
        if after - flushed > FLUSH_PERIOD:
            flushed = after
            _flush()


_lag_task: list[asyncio.Task[None]] = []


def _schedstat() -> list[float]:
    """This thread's seconds on a CPU and runnable but waiting for one (/proc/thread-self/schedstat)."""
    running, waiting, _ = Path("/proc/thread-self/schedstat").read_text().split()
    return [int(running) / 1e9, int(waiting) / 1e9]


def _patch_stages(module: Any) -> None:
    original = module.process_batch

    @functools.wraps(original)
    def process_batch(fn: Any, values: list[Any], limits: Any) -> Any:
        before = _schedstat()
        started = time.monotonic()
        results = original(fn, values, limits)
        ended = time.monotonic()
        _write([["child", started, ended, len(values), *before, *_schedstat()]])
        return results

    module.process_batch = process_batch


def _patch_isolation(module: Any) -> None:
    runner = module.StageRunner
    original = runner.run

    async def run(self: Any, fn: Any, values: list[Any], limits: Any) -> Any:
        if not _lag_task:
            _lag_task.append(asyncio.get_running_loop().create_task(_sample_loop_lag()))
        submitted = time.monotonic()
        results = await original(self, fn, values, limits)
        _records.append(["call", submitted, time.monotonic(), len(values)])
        return results

    runner.run = run


def _patch_agents(module: Any) -> None:
    pending = module.Pending

    def taken(event: Any, record: Any) -> Any:
        _records.append(["take", time.monotonic()])
        return pending(event, record)

    module.Pending = taken
    outputs = module.Outputs
    deliver = outputs.deliver

    async def delivered(self: Any, item: Any, result: Any) -> None:
        started = time.monotonic()
        await deliver(self, item, result)
        _records.append(["deliver", started, time.monotonic()])

    outputs.deliver = delivered


def _patch_lag(module: Any) -> None:
    offsets = module.ProcessedOffsets
    mark = offsets.mark

    def marked(self: Any, topic: str, partition: int, offset: int) -> None:
        _records.append(["ack", time.monotonic()])
        mark(self, topic, partition, offset)

    offsets.mark = marked


PATCHES: dict[str, Callable[[ModuleType], None]] = {
    "services.worker.stages": _patch_stages,
    "services.worker.isolation": _patch_isolation,
    "services.worker.agents": _patch_agents,
    "services.worker.lag": _patch_lag,
}


if TRACE_DIR:  # bench/probe_hooks.py by its path: the worker's import paths are not set up when this runs
    runpy.run_path(str(Path(__file__).resolve().parents[1] / "probe_hooks.py"))["install"](PATCHES)
