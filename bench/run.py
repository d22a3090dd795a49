"""Run the whole benchmark suite and write a markdown table and JSON: `python -m bench.run [--quick] [--out DIR]`.

Starts its own local Kafka broker (or uses `--bootstrap`), runs the stage microbenchmarks, the throughput
runs of Marsad and its two ceilings (interleaved repetitions), the latency sweep, and, when py-spy is
installed, a profile of the worker; then stops everything it started.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.corpus import encoded_payloads, fixed_size_corpus, load_sources
from bench.e2e import Plan, throughput_suite
from bench.kafka_ops import create_topics, delete_topics, publish, unique
from bench.latency import latency_sweep
from bench.machine import describe, load_average
from bench.owners import run_owner_benches
from bench.profile import profile_stages, profile_worker
from bench.report import markdown, summarise
from bench.stages import run_stages
from bench.systems import stop_all
from services.localkafka import LocalBroker
from services.localkafka.jars import kafka_version

DEFAULT_OUT = Path(__file__).resolve().parent / "results"
FRACTIONS = [0.25, 0.5, 0.8]
# Fixed offered rates (articles/s) beside the fractions of the capacity, which moves from run to run: runs of
# different capacities compare like with like on these rows.
FIXED_RATES = [175.0, 250.0]


@dataclass(frozen=True, slots=True)
class Params:
    quick: bool
    n: int
    reps: int
    partitions: int
    stage_articles: int
    stage_passes: int
    latency_seconds: float
    profile_seconds: float
    budget_minutes: float

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Params:
        quick = bool(args.quick)
        return cls(
            quick=quick,
            n=args.n or (60 if quick else 20_000),
            reps=args.reps or (1 if quick else 3),
            partitions=args.partitions,
            stage_articles=12 if quick else 300,
            stage_passes=1 if quick else 5,
            latency_seconds=args.latency_seconds or (1.5 if quick else 20.0),
            profile_seconds=0.0 if (quick or args.no_profile) else 20.0,
            budget_minutes=args.budget_minutes,
        )


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


async def end_to_end(params: Params, bootstrap: str, broker_pid: int, workdir: Path, out: Path) -> dict[str, Any]:
    sources = load_sources()
    articles = fixed_size_corpus(sources, params.n)
    raw = unique("raw")
    await create_topics(bootstrap, [raw], params.partitions)
    started = time.monotonic()
    await publish(bootstrap, raw, encoded_payloads(articles))
    mb = sum(len(a.text.encode()) for a in articles) / 1e6
    log(f"backlog: {params.n} articles ({mb:.1f} MB of text) published in {time.monotonic() - started:.1f} s")
    plan = Plan(bootstrap, raw, params.n, params.partitions, broker_pid, workdir)
    results: dict[str, Any] = {"backlog_text_mb": mb}
    results["throughput"] = await throughput_suite(plan, params.reps, params.budget_minutes * 60, log)
    capacity = sorted(r["articles_per_s"] for r in results["throughput"]["marsad_1_worker"])[params.reps // 2]
    texts = [a.text for a in articles[:500]]
    results["latency_capacity_per_s"] = capacity
    results["latency"] = await latency_sweep(
        bootstrap,
        texts,
        capacity,
        FRACTIONS,
        params.latency_seconds,
        workdir,
        log,
        params.partitions,
        warmup_seconds=1.0 if params.quick else 5.0,
        rates=FIXED_RATES,
    )
    if params.profile_seconds:
        log(f"profiling one worker for {params.profile_seconds:.0f} s with py-spy")
        results["profile"] = await profile_worker(plan, params.profile_seconds, out)
        log(f"profiling the stages (no Kafka) for {params.profile_seconds:.0f} s with py-spy")
        results["stage_profile"] = await profile_stages(params.profile_seconds, out)
    await delete_topics(bootstrap, [raw])
    return results


def keep_logs(workdir: Path, target: Path) -> None:
    """The worker, no-op and loop logs of this run (the broker's stay out: large and rarely useful)."""
    logs = sorted(workdir.glob("*.log"))
    if logs:
        target.mkdir(parents=True, exist_ok=True)
        for path in logs:
            shutil.copyfile(path, target / path.name)


def run(params: Params, out: Path, bootstrap: str, argv: list[str]) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"started_at": datetime.now(UTC).isoformat(timespec="seconds")}
    results["machine"] = describe(argv, kafka_version())
    results["params"] = asdict(params) | {"fractions": FRACTIONS, "fixed_rates": FIXED_RATES}
    log("stage microbenchmarks")
    results["stages"] = run_stages(load_sources(), params.stage_articles, params.stage_passes)
    if not params.quick:
        log("the stage owners' own benchmarks")
        results["owner_benches"] = run_owner_benches()
    workdir = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    broker: LocalBroker | None = None
    try:
        if not bootstrap:
            broker = LocalBroker(data_dir=workdir / "kafka")
            bootstrap = broker.start()
            log(f"local broker at {bootstrap}, ready in {broker.start_seconds:.1f} s")
        pid = broker.process.pid if broker and broker.process else 0
        results.update(asyncio.run(end_to_end(params, bootstrap, pid, workdir, out)))
    finally:
        stop_all()
        if broker is not None:
            broker.stop()
        keep_logs(workdir, out / "logs" / results["started_at"].replace(":", ""))
        shutil.rmtree(workdir, ignore_errors=True)
    results["loadavg_at_end"] = list(load_average())
    results["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    results["summary"] = summarise(results)
    return results


def write(results: dict[str, Any], out: Path) -> tuple[Path, Path]:
    stamp = results["started_at"].replace(":", "").replace("-", "").replace("+0000", "Z")
    kind = "quick" if results["params"]["quick"] else "full"
    json_path, md_path = out / f"bench-{kind}-{stamp}.json", out / f"bench-{kind}-{stamp}.md"
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    md_path.write_text(markdown(results), encoding="utf-8")
    shutil.copyfile(json_path, out / f"latest-{kind}.json")
    shutil.copyfile(md_path, out / f"latest-{kind}.md")
    return json_path, md_path


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt(f"signal {signum}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for sig in (signal.SIGTERM, signal.SIGINT):  # also when started in the background, where SIGINT is ignored
        signal.signal(sig, _interrupt)
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small N and short runs: a smoke run, not numbers")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results directory (default bench/results)")
    parser.add_argument("--n", type=int, default=0, help="articles in the end-to-end backlog (20,000; quick 60)")
    parser.add_argument("--reps", type=int, default=0, help="repetitions of each throughput run (3; quick 1)")
    parser.add_argument("--partitions", type=int, default=4, help="partitions of every topic (4)")
    parser.add_argument("--latency-seconds", type=float, default=0.0, help="seconds per offered load (20; quick 1.5)")
    parser.add_argument(
        "--budget-minutes", type=float, default=40.0, help="skip throughput repetitions that would end later (40)"
    )
    parser.add_argument("--no-profile", action="store_true", help="skip the py-spy profile of the worker")
    parser.add_argument("--bootstrap", default="", help="use this broker instead of starting a local one")
    args = parser.parse_args(argv)
    params = Params.from_args(args)
    results = run(params, args.out, args.bootstrap, argv)
    json_path, md_path = write(results, args.out)
    print(markdown(results))
    log(f"wrote {json_path} and {md_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
