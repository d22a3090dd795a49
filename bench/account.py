"""Where the core-seconds of a one-worker run go: `python -m bench.account [--n N] [--roots DIR ...]`.

Publishes a backlog of ~4 KB articles (`--size`) once, then runs one Marsad worker over it per root (a checkout of the
repo, e.g. a snapshot of main and the working tree), interleaved `--reps` times. Every 0.25 s it samples, for
the broker, the worker process, each of its descendants (the stage child) and this process (the publisher of
the backlog before the runs, then the sampler), the CPU time and the scheduler's counters
(/proc/<pid>/schedstat: time on a CPU, time runnable but waiting for one). Over the window between 5 % and
95 % of the backlog it reports per process: cores used, cores' worth of waiting for a CPU, and the rest of the
wall time, when the process slept (for the stage child: waiting for its next batch). What the machine did
besides (other tenants) is the busy time of /proc/stat minus these processes.

Progress (finished articles) is the sum of the end offsets of the worker's normalised and dead-letter topics,
asked of the broker: one normalised article or one dead letter per article, so the worker does no work for the
benchmark (scraping its /metrics four times a second cost it 13-14 % of its CPU). With `--trace DIR` the
worker and its stage children run with the feeding probe (`bench/feeding_probe`), and each run's time line is
summarised by `bench.feeding` (the probe costs the worker some CPU: trace runs are not for throughput).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.corpus import encoded_payloads, fixed_size_corpus, load_sources
from bench.e2e import HIGH, LOW
from bench.feeding import summarize
from bench.kafka_ops import OffsetCounter, create_topics, delete_topics, publish, unique
from bench.machine import load_average
from bench.procstat import children
from bench.systems import start_marsad
from services.localkafka import LocalBroker

REPO = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).resolve().parent / "feeding_probe"
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True, slots=True)
class Sched:
    cpu: float  # user + system seconds (/proc/<pid>/stat, sampled by the clock tick)
    running: float  # on a CPU (seconds, /proc/<pid>/schedstat, exact)
    waiting: float  # runnable, waiting for a CPU (seconds, /proc/<pid>/schedstat)


def sched(pid: int) -> Sched | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        run_wait = Path(f"/proc/{pid}/schedstat").read_text().split()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2 :].split()
    return Sched((int(fields[11]) + int(fields[12])) / _TICKS, int(run_wait[0]) / 1e9, int(run_wait[1]) / 1e9)


def machine_busy_seconds() -> float:
    """CPU time of the whole machine not idle nor waiting for I/O, in seconds (all cores)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(values) - values[3] - values[4]) / _TICKS


@dataclass(frozen=True, slots=True)
class Sample:
    t: float
    done: int
    processes: dict[str, Sched]
    machine: float


def roles(broker: int, worker: int) -> dict[str, int]:
    found = {"broker": broker, "worker parent": worker, "bench (this process)": os.getpid()}
    for index, pid in enumerate(sorted(children(worker))):
        found[f"worker child {index + 1} (pid {pid})"] = pid
    return found


def take(t: float, done: int, pids: dict[str, int]) -> Sample:
    processes = {name: s for name, pid in pids.items() if (s := sched(pid)) is not None}
    return Sample(t, done, processes, machine_busy_seconds())


def at(samples: list[Sample], count: float) -> Sample:
    return next((s for s in samples if s.done >= count), samples[-1])


def account(samples: list[Sample], n: int) -> list[str]:
    lo, hi = at(samples, LOW * n), at(samples, HIGH * n)
    wall = max(hi.t - lo.t, 1e-9)
    articles = hi.done - lo.done
    lines = [f"  {articles / wall:.0f} articles/s over {wall:.1f} s ({articles} articles)"]
    listed = 0.0
    for name, end in hi.processes.items():
        start = lo.processes.get(name)
        if start is None:
            continue
        cpu, running, waiting = end.cpu - start.cpu, end.running - start.running, end.waiting - start.waiting
        listed += cpu
        asleep = max(1.0 - (running + waiting) / wall, 0.0)
        lines.append(
            f"  {name:34s} {cpu / wall:5.2f} cores  {1000 * cpu / max(articles, 1):6.3f} ms/article  "
            f"waiting for a CPU {waiting / wall:4.0%}  asleep {asleep:4.0%}"
        )
    busy = hi.machine - lo.machine
    lines.append(f"  {'everything else on the machine':34s} {(busy - listed) / wall:5.2f} cores")
    lines.append(f"  {'machine busy':34s} {busy / wall:5.2f} cores of {os.cpu_count()}")
    return lines


async def run_worker(
    bootstrap: str, raw: str, args: argparse.Namespace, root: Path, broker_pid: int, trace: Path | None
) -> list[str]:
    n = args.n
    workdir = Path(tempfile.mkdtemp(prefix="marsad-account-"))
    env = dict(setting.split("=", 1) for setting in args.env)
    if trace is not None:
        trace.mkdir(parents=True)
        env |= {"PYTHONPATH": str(PROBE), "MARSAD_FEEDING_TRACE": str(trace)}
    system = await start_marsad(bootstrap, raw, 1, args.partitions, workdir, env, name=str(root), root=root)
    process = system.processes[0]
    counter = OffsetCounter(bootstrap)
    samples: list[Sample] = []
    try:
        await counter.start(system.article_topics)
        await asyncio.to_thread(system.wait_ready, 120.0)
        while True:
            done = sum([await counter.count(topic) for topic in system.article_topics])
            samples.append(take(time.monotonic(), done, roles(broker_pid, process.pid)))
            if done >= n or process.poll() is not None:
                break
            await asyncio.sleep(0.25)
    finally:
        await counter.stop()
        system.stop()
        await delete_topics(bootstrap, system.sink_topics)
    return account(samples, n) + (summarize(trace, n) if trace is not None else [])


async def main_async(args: argparse.Namespace, bootstrap: str, broker_pid: int) -> None:
    raw = unique("account-raw")
    await create_topics(bootstrap, [raw], args.partitions)
    started = time.monotonic()
    await publish(bootstrap, raw, encoded_payloads(fixed_size_corpus(load_sources(), args.n, args.size)))
    seconds = time.monotonic() - started
    print(f"backlog of {args.n} articles of {args.size} bytes published in {seconds:.1f} s", flush=True)
    try:
        for rep in range(args.reps):
            for index, root in enumerate(args.roots):
                load = load_average()[0]
                trace = args.trace / f"rep{rep + 1}-{index}" if args.trace else None
                lines = await run_worker(bootstrap, raw, args, root, broker_pid, trace)
                heading = f"rep {rep + 1} {root} (load {load:.2f} -> {load_average()[0]:.2f})"
                print(heading, *lines, sep="\n", flush=True)
    finally:
        await delete_topics(bootstrap, [raw])


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.account", description=__doc__)
    parser.add_argument("--n", type=int, default=6000, help="articles in the backlog (6,000)")
    parser.add_argument("--size", type=int, default=4096, help="bytes of text per article (4096)")
    parser.add_argument("--partitions", type=int, default=4)
    parser.add_argument("--reps", type=int, default=1, help="runs per root, interleaved")
    parser.add_argument("--roots", type=Path, nargs="+", default=[REPO], help="checkouts whose worker runs")
    parser.add_argument("--bootstrap", default="", help="a running broker (its pid with --broker-pid)")
    parser.add_argument("--broker-pid", type=int, default=0)
    parser.add_argument("--env", nargs="*", default=[], help="NAME=VALUE settings for the worker")
    parser.add_argument("--trace", type=Path, help="a new directory for the feeding probe's time lines")
    args = parser.parse_args()
    if args.bootstrap:
        asyncio.run(main_async(args, args.bootstrap, args.broker_pid))
        return 0
    broker = LocalBroker(data_dir=Path(tempfile.mkdtemp(prefix="marsad-account-kafka-")))
    try:
        bootstrap = broker.start()
        asyncio.run(main_async(args, bootstrap, broker.process.pid if broker.process else 0))
    finally:
        broker.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
