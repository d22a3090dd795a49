"""What the numbers were measured on: CPU, cores, memory, versions, commit, command, and the load average."""

from __future__ import annotations

import os
import platform
import shlex
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def mem_total_mb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return int(line.split()[1]) // 1024
    return 0


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()


def _version(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _git(*args: str) -> str:
    try:
        out = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False, timeout=10)
        return out.stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def java_version() -> str:
    try:
        out = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False, timeout=20)
        return (out.stderr or out.stdout).splitlines()[0].strip()
    except (OSError, subprocess.TimeoutExpired, IndexError):
        return "unknown"


def stage_versions() -> dict[str, str]:
    from services.arabic.normalize import NORMALIZER_VERSION
    from services.extraction import EXTRACTOR_VERSION

    return {"normalizer": NORMALIZER_VERSION, "extractor": EXTRACTOR_VERSION}


def describe(argv: list[str], kafka_version: str) -> dict[str, Any]:
    dirty = _git("status", "--porcelain", "--", "services", "schemas", "bench")
    commit = _git("rev-parse", "HEAD") or os.environ.get("MARSAD_BENCH_GIT_COMMIT", "")  # a `git archive` copy
    return {
        "cpu_model": cpu_model(),
        "cores": os.cpu_count(),
        "ram_mb": mem_total_mb(),
        "kernel": platform.release(),
        "python": sys.version.split()[0],
        "kafka": kafka_version,
        "java": java_version(),
        "faust_streaming": _version("faust-streaming"),
        "aiokafka": _version("aiokafka"),
        "pydantic": _version("pydantic"),
        "camel_tools": _version("camel-tools"),
        "git_commit": commit,
        "git_dirty_files": len(dirty.splitlines()) if dirty else 0,
        "stages": stage_versions(),
        "command": shlex.join([Path(sys.executable).name, "-m", "bench.run", *argv]),
        "loadavg_at_start": list(load_average()),
    }
