"""What the stage child spends per message, part by part: `python -m bench.child_path [--articles N] [--passes P]`.

On ~4 KB articles (the corpus of `bench.account`), after a warm-up and `gc.freeze()` as in a stage child, every
article goes through each part on its own and through `process_raw` whole, one after the other (so a busy
neighbour hurts them alike), for `--passes` passes. Parts: decoding and validating the raw JSON, `normalize_article`,
the normalised article's JSON, `extract_events`, the events' JSON; `process_raw` minus their sum is the rest
(the result, the stage timers). The garbage collector's time inside `process_raw` is timed with `gc.callbacks`.
Then the batches' results are pickled and unpickled as they cross the process boundary (21 per call), and with
`--pool` whole batches run through a `StageRunner` child (two calls open, as a lane keeps them), whose CPU time
per article (/proc/<pid>/task/*/schedstat, all threads) is put against `process_raw` in this process.
Times are this thread's CPU time; per part the mean and the median over all articles and passes.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import pickle
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.corpus import fixed_size_corpus, load_sources
from schemas.deadletter import Stage
from schemas.normalized import NormalizedArticle
from schemas.raw import RawArticle
from services.arabic import NormalizeLimits, normalize_article
from services.extraction import extract_events
from services.worker.isolation import StageRunner
from services.worker.records import decode_message, encode_message
from services.worker.stages import StageLimits, StageResult, process_raw, warm_up

LIMITS = StageLimits(max_message_bytes=1024 * 1024, max_text_chars=200_000, max_events_per_article=200)
CALL_SIZE = 21  # a lane's batch at the default window of 64 (services.worker.pipeline)


class GcClock:
    """Nanoseconds the collector ran while `active` (gc.callbacks, on this thread)."""

    def __init__(self) -> None:
        self.active = False
        self.nanoseconds = 0
        self._started = 0

    def __call__(self, phase: str, _info: dict[str, Any]) -> None:
        if not self.active:
            return
        if phase == "start":
            self._started = time.thread_time_ns()
        else:
            self.nanoseconds += time.thread_time_ns() - self._started


def parts_of(value: bytes) -> dict[str, Callable[[], object]]:
    """The steps of `process_raw` on one message, each runnable alone (on inputs computed once here)."""
    raw = decode_message(value, RawArticle, LIMITS.max_message_bytes)
    assert isinstance(raw, RawArticle)
    limits = NormalizeLimits(max_chars=LIMITS.max_text_chars)
    article = normalize_article(raw, limits)
    assert isinstance(article, NormalizedArticle)
    events = extract_events(article)
    return {
        "decode + validate raw JSON": lambda: decode_message(value, RawArticle, LIMITS.max_message_bytes),
        "normalize_article": lambda: normalize_article(raw, limits),
        "normalised article -> JSON": lambda: encode_message(article),
        "extract_events": lambda: extract_events(article),
        "events -> JSON": lambda: [encode_message(event) for event in events],
    }


def measure_parts(payloads: list[bytes], passes: int) -> dict[str, list[int]]:
    steps = [parts_of(value) for value in payloads]
    clock = GcClock()
    gc.callbacks.append(clock)
    times: dict[str, list[int]] = {name: [] for name in [*steps[0], "process_raw", "gc inside process_raw"]}
    now = time.thread_time_ns
    try:
        for _ in range(passes):
            for value, step in zip(payloads, steps, strict=True):
                for name, fn in step.items():
                    started = now()
                    fn()
                    times[name].append(now() - started)
                clock.nanoseconds, clock.active = 0, True
                started = now()
                process_raw(value, LIMITS)
                times["process_raw"].append(now() - started)
                clock.active = False
                times["gc inside process_raw"].append(clock.nanoseconds)
    finally:
        gc.callbacks.remove(clock)
    return times


def measure_pickles(payloads: list[bytes], passes: int) -> dict[str, list[int]]:
    """Per article: a call's values pickled, its results pickled and unpickled (what crosses the pipes)."""
    results = [process_raw(value, LIMITS) for value in payloads]
    calls = [(payloads[i : i + CALL_SIZE], results[i : i + CALL_SIZE]) for i in range(0, len(payloads), CALL_SIZE)]
    times: dict[str, list[int]] = {"pickle the call's values": [], "pickle results": [], "unpickle results": []}
    now = time.thread_time_ns
    for _ in range(passes):
        for values, batch in calls:
            started = now()
            pickle.dumps(values, pickle.HIGHEST_PROTOCOL)
            pickled_at = now()
            body = pickle.dumps(batch, pickle.HIGHEST_PROTOCOL)
            dumped_at = now()
            pickle.loads(body)
            loaded_at = now()
            spent = (pickled_at - started, dumped_at - pickled_at, loaded_at - dumped_at)
            for name, nanoseconds in zip(times, spent, strict=True):
                times[name].extend([nanoseconds // len(values)] * len(values))
    return times


def result_bytes(payloads: list[bytes]) -> dict[str, float]:
    results = [process_raw(value, LIMITS) for value in payloads]
    pickled = sum(len(pickle.dumps(results[i : i + CALL_SIZE])) for i in range(0, len(results), CALL_SIZE))
    n = len(payloads)
    return {
        "raw message": sum(map(len, payloads)) / n,
        "normalised JSON": sum(len(r.normalized or b"") for r in results) / n,
        "events JSON": sum(sum(map(len, r.events)) for r in results) / n,
        "events": sum(len(r.events) for r in results) / n,
        "pickled results": pickled / n,
    }


def _threads_cpu_ns(pid: int) -> int:
    tasks = Path(f"/proc/{pid}/task")
    return sum(int((task / "schedstat").read_text().split()[0]) for task in tasks.iterdir())


async def through_pool(payloads: list[bytes], rounds: int) -> list[tuple[float, float, float]]:
    """(child CPU ms, parent CPU ms, process_raw here ms) per article, per round."""
    runner = StageRunner(30.0, Stage.NORMALIZE)
    batches: list[list[bytes | None]] = [list(payloads[i : i + CALL_SIZE]) for i in range(0, len(payloads), CALL_SIZE)]
    rows = []
    try:
        await runner.run(process_raw, batches[0], LIMITS)
        child = next(iter(runner._pool._processes)) if runner._pool else 0  # a bench probe
        open_calls = asyncio.Semaphore(2)

        async def call(batch: list[bytes | None]) -> list[StageResult]:
            async with open_calls:
                return await runner.run(process_raw, batch, LIMITS)

        for _ in range(rounds):
            child_started, parent_started = _threads_cpu_ns(child), _threads_cpu_ns(os.getpid())
            await asyncio.gather(*(call(batch) for batch in batches))
            child_ns, parent_ns = _threads_cpu_ns(child) - child_started, _threads_cpu_ns(os.getpid()) - parent_started
            started = time.thread_time_ns()
            for value in payloads:
                process_raw(value, LIMITS)
            here_ns = time.thread_time_ns() - started
            rows.append(tuple(ns / len(payloads) / 1e6 for ns in (child_ns, parent_ns, here_ns)))
    finally:
        runner.close()
    return rows  # type: ignore[return-value]


def _row(name: str, values: list[int]) -> str:
    return f"| {name} | {statistics.mean(values) / 1e6:.3f} | {statistics.median(values) / 1e6:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.child_path", description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--pool", type=int, default=0, metavar="ROUNDS", help="rounds through a stage child")
    args = parser.parse_args()
    payloads = [a.model_dump_json(exclude_none=True).encode() for a in fixed_size_corpus(load_sources(), args.articles)]
    warm_up(LIMITS)
    for value in payloads:
        process_raw(value, LIMITS)
    gc.collect()
    gc.freeze()
    print(" ".join(f"{name}: {value:,.1f}" for name, value in result_bytes(payloads).items()), "(bytes per article)")
    times = measure_parts(payloads, args.passes)
    parts = [name for name in times if name not in ("process_raw", "gc inside process_raw")]
    rest = [whole - sum(times[name][i] for name in parts) for i, whole in enumerate(times["process_raw"])]
    print("| part | mean ms | median ms |\n|---|---|---|")
    rows = {**times, "process_raw minus the parts": rest, **measure_pickles(payloads, args.passes)}
    for name, values in rows.items():
        print(_row(name, values))
    if args.pool:
        for child, parent, here in asyncio.run(through_pool(payloads, args.pool)):
            print(
                f"through a stage child: child {child:.3f} ms/article, parent {parent:.3f}; process_raw here {here:.3f}"
            )


if __name__ == "__main__":
    main()
