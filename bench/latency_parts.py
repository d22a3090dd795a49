"""Where an article's latency goes, publish -> event, and A/B latency of checkouts at fixed offered rates.

`python -m bench.latency_parts --rates 125 250 --seconds 20 [--probe] [--rounds R] [--roots A B]` starts a
broker (or uses `--bootstrap`), then per round and checkout (interleaved, the order alternating by round) one
worker on a fresh raw topic: 5 s of warm-up, then each rate for `--seconds`, as `bench.latency` does. Every row
gives the event latency (p50/p95/p99) and the load average. With `--probe` the worker runs with
`bench/latency_probe` (see there), the raw topic stamps the broker's append time on every record, and the
publisher keeps each message's acknowledgement: every article's path is split into the segments of
`SEGMENTS`, reported as p50/p95/p99 each, plus their means over the slowest 1 % of articles (which segment
holds the tail). The probe costs the worker a little CPU: probe runs explain, runs without it measure.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.corpus import fixed_size_corpus, load_sources
from bench.kafka_ops import create_topics, unique
from bench.latency import Load, measure_load, warm_rig
from bench.machine import load_average
from bench.stats import percentile
from bench.systems import REPO, stop_all
from services.localkafka import LocalBroker

PROBE = Path(__file__).with_name("latency_probe")
WARMUP_SECONDS = 5.0
# (name, from, to): an article's stamps (wall-clock seconds, `load_trace`), in path order.
SEGMENTS = (
    ("publish -> appended to raw", "published", "appended"),
    ("appended -> fetched (consumer thread)", "appended", "fetched"),
    ("fetched -> on the event loop", "fetched", "on_loop"),
    ("on the loop -> taken from the stream", "on_loop", "taken"),
    ("taken -> stage call handed over", "taken", "handed"),
    ("handed over -> child starts the call", "handed", "child_start"),
    ("the child's call (whole batch)", "child_start", "child_end"),
    ("child ends -> results on the loop", "child_end", "returned"),
    ("results -> delivery starts", "returned", "delivering"),
    ("normalized sent -> acknowledged", "delivering", "normalized_acked"),
    ("events sent -> acknowledged", "events_sending", "events_acked"),
    ("events acknowledged -> listener sees them", "events_acked", "seen"),
)
TOTAL = ("published", "seen")


@dataclass
class Trace:
    by_key: dict[str, dict[str, float]] = field(default_factory=dict)
    lag_ms: list[tuple[float, float]] = field(default_factory=list)  # (time, the loop's lag in ms)
    batch_sizes: list[tuple[float, int]] = field(default_factory=list)  # (handed over, messages)
    child_calls: list[tuple[float, float, float, float, int]] = field(default_factory=list)
    """(start, end, seconds on a CPU, seconds waiting for one, messages) per call in a stage child"""
    loop_sched: list[tuple[float, float, float]] = field(default_factory=list)  # (time, on a CPU, waiting) cumulative


def _records(trace_dir: Path) -> Iterator[list[Any]]:
    for path in sorted(trace_dir.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            yield json.loads(line)


def load_trace(trace_dir: Path) -> Trace:
    """Every article's stamps inside the worker, joined by key (the child's and the calls' by value CRC-32)."""
    trace = Trace()
    by_crc: dict[int, str] = {}
    by_offset: dict[tuple[int, int], str] = {}
    records = list(_records(trace_dir))

    def first(key: str, name: str, value: float) -> None:
        trace.by_key.setdefault(key, {}).setdefault(name, value)

    for kind, *values in records:
        if kind == "take":
            at, key, partition, offset, crc = values
            first(key, "taken", at)
            by_crc[crc] = key
            by_offset[(partition, offset)] = key
        elif kind in ("fetch", "loop"):
            at, key, appended_ms = values
            first(key, "fetched" if kind == "fetch" else "on_loop", at)
            first(key, "appended", appended_ms / 1000)
        elif kind == "send":
            output, started, ended, key = values
            first(key, f"{output}_sending", started)
            first(key, f"{output}_acked", ended)
        elif kind == "deliver":
            started, ended, key = values
            first(key, "delivering", started)
            first(key, "delivered", ended)
        elif kind == "lag":
            trace.lag_ms.append((values[0], values[1] * 1000))
        elif kind == "sched":
            trace.loop_sched.append((values[0], values[1], values[2]))
    for kind, *values in records:
        if kind in ("call", "child"):
            started, ended, crcs = values[:3]
            if kind == "child":
                running, waiting = values[5] - values[3], values[6] - values[4]
                trace.child_calls.append((started, ended, running, waiting, len(crcs)))
            else:
                trace.batch_sizes.append((started, len(crcs)))
            for crc in crcs:
                key = by_crc.get(crc)
                if key is not None:
                    first(key, "handed" if kind == "call" else "child_start", started)
                    first(key, "returned" if kind == "call" else "child_end", ended)
        elif kind == "ack":
            key = by_offset.get((values[1], values[2]))
            if key is not None:
                first(key, "acked", values[0])
    return trace


def decompose(
    trace: Trace, sent: dict[bytes, float], acked: dict[bytes, float], seen: dict[bytes, list[float]]
) -> dict[str, Any]:
    """Per-segment p50/p95/p99 (ms) over the articles of one load, and their means over the slowest 1 %."""
    paths: list[dict[str, float]] = []
    for key, published in sent.items():
        stamps = dict(trace.by_key.get(key.decode(), {}))
        if not seen.get(key):
            continue
        stamps |= {"published": published, "seen": min(seen[key])}
        if key in acked:
            stamps["publish_acked"] = acked[key]
        paths.append(stamps)
    complete = [p for p in paths if all(name in p for _, a, b in SEGMENTS for name in (a, b))]
    totals = sorted(((p["seen"] - p["published"]) * 1000, i) for i, p in enumerate(complete))
    tail = [complete[i] for _, i in totals[-max(1, len(totals) // 100) :]]
    rows = []
    for name, a, b in (*SEGMENTS, ("total, publish -> seen", *TOTAL)):
        values = [(p[b] - p[a]) * 1000 for p in complete]
        rows.append(
            {
                "segment": name,
                "p50": percentile(values, 50),
                "p95": percentile(values, 95),
                "p99": percentile(values, 99),
                "tail_mean": statistics.fmean((p[b] - p[a]) * 1000 for p in tail) if tail else 0.0,
            }
        )
    publish_ack = [(p["publish_acked"] - p["published"]) * 1000 for p in complete if "publish_acked" in p]
    begin, end = min(sent.values(), default=0.0), max((p["seen"] for p in paths), default=0.0)
    lag = [ms for at, ms in trace.lag_ms if begin <= at <= end]
    sizes = [n for at, n in trace.batch_sizes if begin <= at <= end]
    calls = [call for call in trace.child_calls if begin <= call[0] <= end]
    wall = sum(call[1] - call[0] for call in calls)
    sched = [sample for sample in trace.loop_sched if begin <= sample[0] <= end]
    span = sched[-1][0] - sched[0][0] if len(sched) > 1 else 0.0
    return {
        "articles": len(paths),
        "complete": len(complete),
        "segments": rows,
        "publisher_ack_ms": {"p50": percentile(publish_ack, 50), "p99": percentile(publish_ack, 99)},
        "loop_lag_ms": {"p50": percentile(lag, 50), "p99": percentile(lag, 99)},
        "batch_size": {
            "p50": percentile(sizes, 50),
            "mean": statistics.fmean(sizes) if sizes else 0.0,
            "max": max(sizes, default=0),
        },
        "child": {
            "cpu_ms_per_article": 1000 * sum(call[2] for call in calls) / max(sum(call[4] for call in calls), 1),
            "in_calls_waiting_for_cpu": sum(call[3] for call in calls) / wall if wall else 0.0,
            "busy": wall / (end - begin) if end > begin else 0.0,
        },
        "loop_thread": {
            "cpu": (sched[-1][1] - sched[0][1]) / span if span else 0.0,
            "waiting_for_cpu": (sched[-1][2] - sched[0][2]) / span if span else 0.0,
        },
    }


def segment_table(parts: dict[str, Any]) -> list[str]:
    lines = [f"  {'segment':44s} {'p50':>8s} {'p95':>8s} {'p99':>8s} {'slowest 1 %':>12s}"]
    for row in parts["segments"]:
        lines.append(
            f"  {row['segment']:44s} {row['p50']:8.1f} {row['p95']:8.1f} {row['p99']:8.1f} {row['tail_mean']:12.1f}"
        )
    lines.append(
        f"  articles {parts['articles']} (complete paths {parts['complete']}); publisher's ack p50 "
        f"{parts['publisher_ack_ms']['p50']:.1f} p99 {parts['publisher_ack_ms']['p99']:.1f} ms; loop lag p50 "
        f"{parts['loop_lag_ms']['p50']:.2f} p99 {parts['loop_lag_ms']['p99']:.1f} ms; stage batch p50 "
        f"{parts['batch_size']['p50']:.0f} mean {parts['batch_size']['mean']:.1f} max {parts['batch_size']['max']}"
    )
    child, loop = parts["child"], parts["loop_thread"]
    lines.append(
        f"  stage child: in calls {child['busy']:.0%} of the time, {child['cpu_ms_per_article']:.2f} ms CPU/article, "
        f"waiting for a CPU {child['in_calls_waiting_for_cpu']:.0%} of its call time; event-loop thread: "
        f"{loop['cpu']:.2f} cores, waiting for a CPU {loop['waiting_for_cpu']:.0%} of the time"
    )
    return lines


async def one_worker(
    bootstrap: str, root: Path, args: argparse.Namespace, texts: list[str], trace_dir: Path | None
) -> list[dict[str, Any]]:
    """One worker from `root`: warm-up, then each rate; a result per rate."""
    raw = unique("parts-raw")
    await create_topics(bootstrap, [raw], args.partitions, {"message.timestamp.type": "LogAppendTime"})
    workdir = Path(tempfile.mkdtemp(prefix="marsad-parts-"))
    env = dict(setting.split("=", 1) for setting in args.env)
    if trace_dir is not None:
        trace_dir.mkdir(parents=True)
        env |= {"PYTHONPATH": str(PROBE), "MARSAD_LATENCY_TRACE": str(trace_dir)}
    results = []
    async with warm_rig(
        bootstrap, raw, args.partitions, workdir, _log, root, texts, min(args.rates), WARMUP_SECONDS, env
    ) as rig:
        for rate in args.rates:
            measured = await measure_load(
                rig.system, rig.producer, rig.listener, raw, texts, Load(rate), args.seconds, rig.sent
            )
            rig.sent += len(measured.sent)
            result = {"root": str(root), **measured.row}
            if trace_dir is not None:
                await asyncio.sleep(1.5)  # the probe writes its records once a second
                seen = rig.listener.seen["events"]
                result["parts"] = decompose(load_trace(trace_dir), measured.sent, measured.acked, seen)
            results.append(result)
    return results


def _log(message: str) -> None:
    print(f"[parts {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


async def main_async(args: argparse.Namespace, bootstrap: str) -> list[dict[str, Any]]:
    texts = [a.text for a in fixed_size_corpus(load_sources(), 500)]
    everything: list[dict[str, Any]] = []
    for round_ in range(args.rounds):
        roots = args.roots if round_ % 2 == 0 else list(reversed(args.roots))
        for index, root in enumerate(roots):
            trace_dir = args.trace / f"round{round_ + 1}-{index}" if args.probe else None
            for result in await one_worker(bootstrap, root, args, texts, trace_dir):
                result["round"] = round_ + 1
                everything.append(result)
                e = result["event_ms"]
                print(
                    f"round {result['round']} {root} {result['load']}: event p50 {e['p50']:.1f} p95 {e['p95']:.1f} "
                    f"p99 {e['p99']:.1f} max {e['max']:.1f} ms (n={e['n']:.0f}, no event "
                    f"{result['articles_without_event']}), load {result['loadavg_before'][0]:.2f} -> "
                    f"{result['loadavg_after'][0]:.2f}",
                    flush=True,
                )
                if "parts" in result:
                    print(*segment_table(result["parts"]), sep="\n", flush=True)
    return everything


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.latency_parts", description=__doc__)
    parser.add_argument("--rates", type=float, nargs="+", default=[125.0, 250.0], help="articles/s (125 250)")
    parser.add_argument("--seconds", type=float, default=20.0, help="seconds per rate (20)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds over the roots, interleaved")
    parser.add_argument("--roots", type=Path, nargs="+", default=[REPO], help="checkouts whose worker runs")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--probe", action="store_true", help="trace the worker with bench/latency_probe")
    parser.add_argument("--trace", type=Path, default=Path(tempfile.mkdtemp(prefix="marsad-parts-trace-")))
    parser.add_argument("--env", nargs="*", default=[], help="NAME=VALUE settings for the worker")
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--bootstrap", default="", help="a running broker")
    args = parser.parse_args()
    broker: LocalBroker | None = None
    try:
        bootstrap = args.bootstrap
        if not bootstrap:
            broker = LocalBroker(data_dir=Path(tempfile.mkdtemp(prefix="marsad-parts-kafka-")))
            bootstrap = broker.start()
        results = asyncio.run(main_async(args, bootstrap))
    finally:
        stop_all()
        if broker is not None:
            broker.stop()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    print(f"load average at the end {load_average()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
