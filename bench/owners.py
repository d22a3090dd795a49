"""The stage owners' own microbenchmarks (`bench/normalize_bench.py`, `bench/extract_bench.py`), run as they
are and quoted verbatim in the report, so their numbers sit beside the suite's from the same run."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
OWNED = ("normalize_bench", "extract_bench")


def run_owner_benches(timeout: float = 300.0) -> dict[str, dict[str, Any]]:
    results: dict[str, dict[str, Any]] = {}
    for module in OWNED:
        if not (BENCH / f"{module}.py").is_file():
            continue
        started = time.monotonic()
        try:
            done = subprocess.run(
                [sys.executable, "-m", f"bench.{module}"],
                cwd=BENCH.parent,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
            output, code = done.stdout[-6000:], done.returncode
            if code != 0:
                output += f"\n[exit {code}] " + done.stderr[-3000:]
        except subprocess.TimeoutExpired:
            output, code = f"timed out after {timeout:.0f} s", -1
        results[module] = {"returncode": code, "seconds": time.monotonic() - started, "output": output.strip()}
    return results
