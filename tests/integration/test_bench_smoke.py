"""The benchmark suite runs end to end in quick mode and writes well-formed results (no timing assertions)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.paths import REPO

pytestmark = pytest.mark.integration

SYSTEMS = {
    "marsad_1_worker",
    "marsad_1_worker_2_stage_processes",
    "marsad_2_workers",
    "faust_noop_1_hop",
    "faust_noop_2_hops",
    "aiokafka_loop",
}


def _numbers(value: Any, path: str = "") -> Iterator[tuple[str, float]]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield path, float(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers(item, f"{path}[{index}]")


def test_quick_suite_writes_well_formed_results(kafka_bootstrap: str, tmp_path: Path) -> None:
    out = tmp_path / "results"
    command = [sys.executable, "-m", "bench.run", "--quick", "--out", str(out), "--bootstrap", kafka_bootstrap]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-4000:]

    [json_path] = out.glob("bench-quick-*.json")
    [md_path] = out.glob("bench-quick-*.md")
    results = json.loads(json_path.read_text(encoding="utf-8"))
    for section in ("machine", "params", "stages", "throughput", "latency", "summary"):
        assert section in results, section
    machine = results["machine"]
    for key in ("cpu_model", "cores", "ram_mb", "python", "kafka", "faust_streaming", "aiokafka", "git_commit"):
        assert machine[key], key
    assert machine["command"].endswith(f"--bootstrap {kafka_bootstrap}")

    assert {row["name"].split(" ")[0] for row in results["stages"]["normalize"]} >= {"marsad", "plain-regex"}
    assert results["stages"]["extract"]["articles"] > 0
    assert set(results["throughput"]) == SYSTEMS
    for name, runs in results["throughput"].items():
        assert runs, name
        for run in runs:
            assert run["status"] == "complete", (name, run["status"])
            assert run["finished"] >= results["params"]["n"], name
    assert [row["load"] for row in results["latency"]] == ["25%", "50%", "80%", "175/s", "250/s"]
    for row in results["latency"]:
        assert row["articles"] > 0 and row["articles_not_normalized"] == 0
    assert len(results["summary"]["targets"]) == 4

    for where, number in _numbers(results):
        assert math.isfinite(number) and number >= 0, where

    report = md_path.read_text(encoding="utf-8")
    for heading in ("## 1. Stages", "## 2–5. End to end", "### Latency", "## Targets"):
        assert heading in report, heading
