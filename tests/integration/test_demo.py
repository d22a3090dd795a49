"""`marsad demo --once`: the first command a user runs, end to end on the real broker."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.paths import REPO

pytestmark = pytest.mark.integration


def test_demo_prints_events_and_dead_letters_then_exits_cleanly(kafka_bootstrap: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "services.cli", "demo", "--once", "--duration", "120"],
        cwd=REPO,
        env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap, "MARSAD_WORKER_ID": "marsad-demo-test"},
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr[-2000:]
    assert "metrics at http://127.0.0.1:" in out
    assert "gateway accepted 1 pushed article(s)" in out and "(5 pages)" in out
    assert "DEAD LETTER  demo:06_english_wire: not_arabic" in out
    assert "all 6 articles accounted for" in out
    events = [line for line in out.splitlines() if line.startswith("  EVENT  ")]
    assert any("CONSULT/phone CAMEO 041" in line and "(EGY) -> " in line and "(SAU)" in line for line in events), out
    assert any("CONSULT/visit CAMEO 042  Abdullah II (JOR) -> " in line and "Cairo" in line for line in events), out
    assert "worker stopped (exit 0)" in out
