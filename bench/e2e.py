"""End to end on the real broker: sustained throughput of Marsad and of the two ceilings, cost, scale-out.

A backlog of N articles (~4 KB each) is published once to a raw topic; every run then starts a system
with a fresh consumer group and fresh output topics, so it reads the same backlog from the beginning.
Progress is sampled every 0.25 s (Marsad's /metrics) or 0.05 s (ceilings: end offsets).
Throughput is measured between 5% and 95% of the backlog (start-up,
rebalancing and the tail are excluded), from the moment every worker of the run reports ready.
Runs of the different systems are interleaved so that a noisy neighbour hurts them all alike.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from bench.kafka_ops import OffsetCounter, delete_topics
from bench.machine import load_average
from bench.procstat import sample, sample_many
from bench.systems import System, start_client_loop, start_marsad, start_noop

POLL_SECONDS = 0.25  # Marsad: /metrics of each worker
FAST_POLL_SECONDS = 0.05  # ceilings: one ListOffsets request to the broker; they finish in seconds
LOW, HIGH = 0.05, 0.95
Starter = Callable[[], Awaitable[System]]


@dataclass(frozen=True, slots=True)
class Tick:
    t: float
    done: float
    events: float
    cpu: float
    rss_mb: float
    broker_cpu: float
    parent_cpu: float = 0.0  # the worker processes alone, without their stage children
    pss_mb: float = 0.0  # the tree's proportional set size: shared pages counted once


async def _ticks(system: System, n: int, broker_pid: int, stall_seconds: float) -> tuple[list[Tick], float, str]:
    counter = OffsetCounter(system.bootstrap)
    await counter.start([system.done_topic] if system.done_topic else [])
    proc, broker = sample_many(system.pids), sample(broker_pid)  # started just now, nothing done yet
    cpu0 = proc.cpu_seconds if proc else 0.0
    ticks = [Tick(0.0, 0, 0, cpu0, 0.0, broker.cpu_seconds if broker else 0.0, cpu0)]
    started = system.started  # times count from the spawn, when nothing could have been done yet
    ready_at = 0.0 if not system.metrics_urls else -1.0
    status = "complete"
    try:
        while True:
            now = time.monotonic() - started
            if ready_at < 0 and await asyncio.to_thread(system.wait_ready, 0.01):
                ready_at = now
            done, events = await system.progress(counter)
            proc, broker = sample_many(system.pids), sample(broker_pid)
            parents = [p for p in (sample(pid) for pid in system.pids) if p is not None]
            ticks.append(
                Tick(
                    now,
                    done,
                    events,
                    proc.cpu_seconds if proc else 0.0,
                    proc.rss_mb if proc else 0.0,
                    broker.cpu_seconds if broker else 0.0,
                    sum(p.cpu_seconds for p in parents),
                    proc.pss_mb if proc else 0.0,
                )
            )
            if done >= n:
                break
            if not system.alive():
                status = "a process exited"
                break
            moved = next((t.t for t in reversed(ticks) if t.done < done), 0.0)  # last time the count grew
            if now - max(moved, ready_at) > stall_seconds:
                status = f"stalled for {stall_seconds:.0f} s"
                break
            await asyncio.sleep(POLL_SECONDS if system.metrics_urls else FAST_POLL_SECONDS)
    finally:
        await counter.stop()
    return ticks, max(ready_at, 0.0), status


def _at(ticks: list[Tick], x: float) -> Tick:
    """The state when `x` articles were done, interpolated linearly between the two samples around it."""
    for i, tick in enumerate(ticks):
        if tick.done >= x:
            before = ticks[i - 1] if i else tick
            if tick.done == before.done:
                return tick
            f = (x - before.done) / (tick.done - before.done)
            return Tick(
                before.t + f * (tick.t - before.t),
                x,
                before.events + f * (tick.events - before.events),
                before.cpu + f * (tick.cpu - before.cpu),
                tick.rss_mb,
                before.broker_cpu + f * (tick.broker_cpu - before.broker_cpu),
                before.parent_cpu + f * (tick.parent_cpu - before.parent_cpu),
                tick.pss_mb,
            )
    return ticks[-1]


def summarise(ticks: list[Tick], n: int, ready_at: float) -> dict[str, Any]:
    first_output = next((t.t for t in ticks if t.done > 0), 0.0)
    after_ready = [t for t in ticks if t.t >= ready_at] or ticks
    lo = _at(after_ready, max(LOW * n, after_ready[0].done))
    hi = _at(after_ready, min(HIGH * n, after_ready[-1].done))
    window = max(hi.t - lo.t, 1e-9)
    articles = hi.done - lo.done
    cpu = hi.cpu - lo.cpu
    per_k = 1000.0 / articles if articles else 0.0
    return {
        "articles_per_s": articles / window,
        "events_per_s": (hi.events - lo.events) / window,
        "window_s": window,
        "articles_in_window": articles,
        "finished": ticks[-1].done,
        "events_total": ticks[-1].events,
        "worker_cpu_s_per_1000": cpu * per_k,
        "worker_cpu_cores": cpu / window,
        "worker_parent_cpu_cores": (hi.parent_cpu - lo.parent_cpu) / window,
        "broker_cpu_s_per_1000": (hi.broker_cpu - lo.broker_cpu) * per_k,
        "broker_cpu_cores": (hi.broker_cpu - lo.broker_cpu) / window,
        "worker_rss_max_mb": max(t.rss_mb for t in ticks),
        "worker_rss_idle_mb": next((t.rss_mb for t in ticks if t.rss_mb > 0), 0.0),
        "worker_pss_max_mb": max(t.pss_mb for t in ticks),
        "ready_s": ready_at,
        "first_output_s": first_output,
        "segment_rates": _segments(after_ready, lo.done, hi.done),
    }


def _segments(ticks: list[Tick], start: float, end: float, parts: int = 9) -> list[float]:
    """Rates over equal slices of the measured window: how steady one run was."""
    if end <= start or sum(1 for t in ticks if start <= t.done <= end) < 2 * parts:
        return []  # too few samples inside the window for slices to mean anything
    bounds = [_at(ticks, start + (end - start) * i / parts) for i in range(parts + 1)]
    return [(b.done - a.done) / (b.t - a.t) for a, b in pairwise(bounds) if b.t > a.t]


async def measure(
    start: Starter, bootstrap: str, n: int, broker_pid: int, stall_seconds: float = 60.0
) -> dict[str, Any]:
    load_before = load_average()
    system = await start()
    try:
        ticks, ready_at, status = await _ticks(system, n, broker_pid, stall_seconds)
        hwm = sample_many(system.pids)
    finally:
        system.stop()
        await delete_topics(bootstrap, system.sink_topics)
    result = summarise(ticks, n, ready_at)
    result.update(
        system=system.name,
        status=status,
        worker_rss_peak_mb=hwm.hwm_mb if hwm else result["worker_rss_max_mb"],
        loadavg_before=list(load_before),
        loadavg_after=list(load_average()),
    )
    return result


# One worker process with two stage children forked from the shared template, and the window that
# docs/scaling.md advises for them (96 per child: a batch in the child, the next in its queue, one being
# read, so each child's batches stay at 32 messages).
TWO_STAGE_PROCESSES = {"MARSAD_WORKER_STAGE_PROCESSES": "2", "MARSAD_WORKER_MAX_IN_FLIGHT": "192"}


@dataclass(frozen=True, slots=True)
class Plan:
    bootstrap: str
    raw_topic: str
    n: int
    partitions: int
    broker_pid: int
    workdir: Path


def starters(plan: Plan, include_two_workers: bool = True) -> dict[str, Starter]:
    b, raw, p, w = plan.bootstrap, plan.raw_topic, plan.partitions, plan.workdir
    systems: dict[str, Starter] = {
        "marsad_1_worker": lambda: start_marsad(b, raw, 1, p, w),
        "marsad_1_worker_2_stage_processes": lambda: start_marsad(
            b, raw, 1, p, w, TWO_STAGE_PROCESSES, name="marsad x1, 2 stage processes"
        ),
        "faust_noop_1_hop": lambda: start_noop(b, raw, 1, p, w),
        "faust_noop_2_hops": lambda: start_noop(b, raw, 2, p, w),
        "aiokafka_loop": lambda: start_client_loop(b, raw, p, w),
    }
    if include_two_workers:
        systems["marsad_2_workers"] = lambda: start_marsad(b, raw, 2, p, w)
    return systems


async def throughput_suite(
    plan: Plan, reps: int, budget_s: float, log: Callable[[str], None]
) -> dict[str, list[dict[str, Any]]]:
    """Every system `reps` times, interleaved (A B C D E, A B C D E, ...).

    A repetition after the first is skipped when it would end past `budget_s` (judged by how long that
    system's first run took); the skipped ones are logged and counted in the results.
    """
    runs: dict[str, list[dict[str, Any]]] = {}
    took: dict[str, float] = {}
    started = time.monotonic()
    for rep in range(reps):
        for name, start in starters(plan).items():
            if rep and time.monotonic() - started + took[name] > budget_s:
                log(f"rep {rep + 1}/{reps} {name}: skipped, it would overrun the time budget")
                continue
            begun = time.monotonic()
            result = await measure(start, plan.bootstrap, plan.n, plan.broker_pid)
            took[name] = time.monotonic() - begun
            result["run_seconds"] = took[name]
            runs.setdefault(name, []).append(result)
            log(
                f"rep {rep + 1}/{reps} {name}: {result['articles_per_s']:.0f} articles/s, "
                f"{result['events_per_s']:.0f} events/s, {result['status']}, {took[name]:.0f} s, "
                f"load {result['loadavg_after'][0]:.2f}"
            )
    return runs
