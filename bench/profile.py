"""Where a Marsad worker spends its time while it drains the backlog: py-spy attached to the worker process.

py-spy (a sampling profiler, `pip install py-spy`; not a project dependency) records collapsed stacks; this
module folds them into self time by module area, and inclusive time of the heaviest functions.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from bench.e2e import Plan
from bench.kafka_ops import delete_topics
from bench.systems import REPO, start_marsad

AREAS = (  # first match wins, tested on the leaf frame's file path
    ("selectors.py", "idle: event loop waiting in epoll"),
    ("multiprocessing/", "multiprocessing IPC (pickle, pipes) to the stage child"),
    ("concurrent/futures", "process-pool bookkeeping"),
    ("services/arabic", "normaliser (services/arabic)"),
    ("services/extraction", "extractor (services/extraction)"),
    ("services/worker", "worker glue (services/worker)"),
    ("schemas/", "message models (schemas)"),
    ("pydantic", "pydantic validate/serialise"),
    ("/json/", "json"),
    ("prometheus", "prometheus metrics"),
    ("/logging/", "logging"),
    ("aiokafka", "aiokafka client"),
    ("faust", "faust framework"),
    ("mode/", "faust framework"),
    ("asyncio", "asyncio event loop"),
)


def py_spy() -> str | None:
    local = Path(sys.executable).with_name("py-spy")
    return str(local) if local.exists() else shutil.which("py-spy")


def _area(frame: str) -> str:
    for needle, area in AREAS:
        if needle in frame:
            return area
    return "other (stdlib, C calls)"


def _function(frame: str) -> str:
    name, _, where = frame.partition(" (")
    file = where.rsplit(":", 1)[0]
    short = "/".join(file.split("/")[-2:])
    return f"{name} ({short})"


def fold(raw: str, top: int = 18) -> dict[str, Any]:
    total = 0
    areas: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    for line in raw.splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = stack.split(";")
        total += count
        areas[_area(frames[-1])] += count
        for function in {_function(f) for f in frames}:
            inclusive[function] += count
    share = {name: n / total for name, n in areas.most_common()} if total else {}
    heavy = {name: n / total for name, n in inclusive.most_common(top)} if total else {}
    lines = [f"{total} samples; self time by area:"]
    lines += [f"  {v:6.1%}  {k}" for k, v in share.items()]
    lines += ["inclusive time, heaviest functions:"]
    lines += [f"  {v:6.1%}  {k}" for k, v in heavy.items()]
    return {"samples": total, "self_by_area": share, "inclusive": heavy, "text": "\n".join(lines)}


async def profile_worker(plan: Plan, seconds: float, out_dir: Path, delay: float = 30.0) -> dict[str, Any] | None:
    """py-spy on one worker and its stage children, from `delay` s after it is ready (past the start-up,
    when the extract agent has caught up with the normalise agent and both stages are busy)."""
    tool = py_spy()
    if tool is None:
        return None
    system = await start_marsad(plan.bootstrap, plan.raw_topic, 1, plan.partitions, plan.workdir)
    raw_path = out_dir / "worker-profile.txt"
    try:
        if not await asyncio.to_thread(system.wait_ready, 120.0):
            return None
        await asyncio.sleep(delay)
        args = [tool, "record", "--pid", str(system.pids[0]), "--duration", str(int(seconds)), "--rate", "100"]
        args += ["--subprocesses", "--format", "raw", "--output", str(raw_path)]
        done = await asyncio.to_thread(subprocess.run, args, capture_output=True, text=True, check=False)
        if done.returncode != 0 or not raw_path.exists():
            return {"samples": 0, "text": f"py-spy failed: {done.stderr[-500:]}"}
    finally:
        system.stop()
        await delete_topics(plan.bootstrap, system.sink_topics)
    result = fold(raw_path.read_text())
    result["raw_file"] = str(raw_path)
    result["tool"] = "py-spy record --rate 100 --subprocesses (attached to the worker and its stage children)"
    return result


async def profile_stages(seconds: float, out_dir: Path) -> dict[str, Any] | None:
    """py-spy on a process that runs the worker's per-message path (no Kafka) on 4 KB articles."""
    tool = py_spy()
    if tool is None:
        return None
    raw_path = out_dir / "stages-profile.txt"
    args = [tool, "record", "--rate", "100", "--format", "raw", "--output", str(raw_path), "--"]
    args += [sys.executable, "-m", "bench.stage_loop", "--seconds", str(seconds)]
    done = await asyncio.to_thread(
        subprocess.run, args, cwd=REPO, capture_output=True, text=True, check=False, timeout=seconds + 120
    )
    if done.returncode != 0 or not raw_path.exists():
        return {"samples": 0, "text": f"py-spy failed: {done.stderr[-500:]}"}
    result = fold(raw_path.read_text(), top=30)
    result["raw_file"] = str(raw_path)
    result["tool"] = "py-spy record --rate 100 -- python -m bench.stage_loop"
    return result
