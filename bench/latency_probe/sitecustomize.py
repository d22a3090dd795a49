"""The latency probe: where each article's time goes inside a worker, stamped per article on the wall clock.

Not part of the worker. `python -m bench.latency_parts --probe` puts this directory first on the worker's
PYTHONPATH and sets MARSAD_LATENCY_TRACE=DIR, so Python imports this module in the worker and in its stage
children. It wraps a few functions as their modules load (names that exist in every snapshot since session 8,
so a base snapshot is traced the same way) and appends JSON lines to DIR/<pid>.jsonl. All times are
`time.time()`: the benchmark's publisher and listener stamp the same clock, in other processes of the box.

In the worker: each fetch request to the broker (`fetch_request`: its partitions, sent and answered), the
records a fetch returned in the consumer's thread (`fetch`) and on the event loop
(`loop`), with the broker's append time of each (the bench's raw topic uses LogAppendTime); the message taken
from the stream (`take`, with its partition, offset and the CRC-32 of its value, which names it in the child);
each stage call's hand-over and return (`call`); each output send (`send`: normalized, events) and the whole
delivery (`deliver`); the acknowledgement (`ack`); the event loop's lag every 5 ms (`lag`). In a stage child:
each `process_batch` call's start and end with the CRC-32 of its values and the thread's scheduler counters
(`child`: seconds on a CPU and waiting for one). The event loop's thread's counters once a second (`sched`).
Without MARSAD_LATENCY_TRACE it does nothing.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import runpy
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

TRACE_DIR = os.environ.get("MARSAD_LATENCY_TRACE", "")
LAG_PERIOD = 0.005
FLUSH_PERIOD = 1.0
_records: list[list[Any]] = []
_lag_task: list[asyncio.Task[None]] = []


def _schedstat() -> list[float]:
    """This thread's seconds on a CPU and runnable but waiting for one (/proc/thread-self/schedstat)."""
    running, waiting, _ = Path("/proc/thread-self/schedstat").read_text().split()
    return [int(running) / 1e9, int(waiting) / 1e9]


def _write(records: list[list[Any]]) -> None:
    if records:
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
        _records.append(["lag", time.time(), after - before - LAG_PERIOD])
        if after - flushed > FLUSH_PERIOD:
            flushed = after
            _records.append(["sched", time.time(), *_schedstat()])
            _flush()


def _key(value: bytes | None) -> str:
    return value.decode() if value is not None else ""


def _stamp_records(kind: str, records: Any) -> None:
    now = time.time()
    for messages in records.values():
        for message in messages:
            _records.append([kind, now, _key(message.key), message.timestamp])


def _patch_faust_driver(module: Any) -> None:
    thread = module.AIOKafkaConsumerThread
    original = thread._fetch_records

    async def fetch_records(self: Any, *args: Any, **kwargs: Any) -> Any:
        records = await original(self, *args, **kwargs)
        _stamp_records("fetch", records)
        return records

    thread._fetch_records = fetch_records


def _patch_fetcher(module: Any) -> None:
    fetcher = module.Fetcher
    original = fetcher._proc_fetch_request

    async def proc_fetch_request(self: Any, assignment: Any, node_id: int, request: Any) -> Any:
        started = time.time()
        has_new_data = await original(self, assignment, node_id, request)
        partitions = [partition for _, parts in request.topics for partition, _, _ in parts]
        _records.append(["fetch_request", started, time.time(), partitions, bool(has_new_data)])
        return has_new_data

    fetcher._proc_fetch_request = proc_fetch_request


def _patch_faust_consumer(module: Any) -> None:
    delegate = module.ThreadDelegateConsumer
    original = delegate._getmany

    async def getmany(self: Any, *args: Any, **kwargs: Any) -> Any:
        records = await original(self, *args, **kwargs)
        _stamp_records("loop", records)
        return records

    delegate._getmany = getmany


def _patch_agents(module: Any) -> None:
    pending = module.Pending

    def taken(event: Any, record: Any) -> Any:
        if not _lag_task:
            _lag_task.append(asyncio.get_running_loop().create_task(_sample_loop_lag()))
        crc = zlib.crc32(record.value or b"")
        _records.append(["take", time.time(), _key(record.key), record.partition, record.offset, crc])
        return pending(event, record)

    module.Pending = taken
    outputs = module.Outputs
    deliver, send = outputs.deliver, outputs._send

    async def delivered(self: Any, item: Any, result: Any) -> None:
        started = time.time()
        await deliver(self, item, result)
        _records.append(["deliver", started, time.time(), _key(item.record.key)])

    async def sent(self: Any, record: Any, stage: Any, output: str, values: Any, key: Any) -> bool:
        started = time.time()
        done: bool = await send(self, record, stage, output, values, key)
        _records.append(["send", output, started, time.time(), _key(record.key)])
        return done

    outputs.deliver, outputs._send = delivered, sent


def _patch_isolation(module: Any) -> None:
    runner = module.StageRunner
    original = runner.run

    async def run(self: Any, fn: Any, values: list[Any], limits: Any) -> Any:
        handed = time.time()
        results = await original(self, fn, values, limits)
        _records.append(["call", handed, time.time(), [zlib.crc32(value or b"") for value in values]])
        return results

    runner.run = run


def _patch_stages(module: Any) -> None:
    original = module.process_batch

    @functools.wraps(original)
    def process_batch(fn: Any, values: list[Any], limits: Any) -> Any:
        before = _schedstat()
        started = time.time()
        results = original(fn, values, limits)
        ended = time.time()
        crcs = [zlib.crc32(value or b"") for value in values]
        _write([["child", started, ended, crcs, *before, *_schedstat()]])
        return results

    module.process_batch = process_batch


def _patch_lag(module: Any) -> None:
    offsets = module.ProcessedOffsets
    mark = offsets.mark

    def marked(self: Any, topic: str, partition: int, offset: int) -> None:
        _records.append(["ack", time.time(), partition, offset])
        mark(self, topic, partition, offset)

    offsets.mark = marked


PATCHES: dict[str, Callable[[ModuleType], None]] = {
    "aiokafka.consumer.fetcher": _patch_fetcher,
    "faust.transport.drivers.aiokafka": _patch_faust_driver,
    "faust.transport.consumer": _patch_faust_consumer,
    "services.worker.agents": _patch_agents,
    "services.worker.isolation": _patch_isolation,
    "services.worker.stages": _patch_stages,
    "services.worker.lag": _patch_lag,
}


if TRACE_DIR:  # bench/probe_hooks.py by its path: the worker's import paths are not set up when this runs
    runpy.run_path(str(Path(__file__).resolve().parents[1] / "probe_hooks.py"))["install"](PATCHES)
