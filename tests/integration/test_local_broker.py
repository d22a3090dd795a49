"""The local broker's life cycle and the CLI commands that talk to Kafka, for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from services.localkafka import LocalBroker
from services.localkafka.broker import pid_alive
from tests.integration.kafka_helpers import isolated_settings, worker_env
from tests.paths import REPO

pytestmark = pytest.mark.integration


def marsad(*args: str, env: dict[str, str], timeout: float = 180) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_broker_starts_answers_and_leaves_no_process(tmp_path: Path) -> None:
    broker = LocalBroker(data_dir=tmp_path)
    bootstrap = broker.start()
    assert broker.process is not None
    pid = broker.process.pid
    assert bootstrap == f"127.0.0.1:{broker.port}" and pid_alive(pid)
    assert json.loads((tmp_path / "broker.json").read_text())["pid"] == pid
    broker.stop()
    assert not pid_alive(pid) and not (tmp_path / "broker.json").exists()


def test_kafka_cli_start_status_stop(tmp_path: Path) -> None:
    data = str(tmp_path / "k")
    started = marsad("kafka", "start", "--data-dir", data, env={})
    assert started.returncode == 0, started.stderr
    assert "export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" in started.stdout
    pid = json.loads((tmp_path / "k" / "broker.json").read_text())["pid"]
    try:
        assert marsad("kafka", "status", "--data-dir", data, env={}).returncode == 0
        again = marsad("kafka", "start", "--data-dir", data, env={})
        assert again.returncode == 2 and "already recorded" in again.stderr
    finally:
        stopped = marsad("kafka", "stop", "--data-dir", data, env={})
    assert stopped.returncode == 0 and not pid_alive(pid)
    assert marsad("kafka", "status", "--data-dir", data, env={}).returncode == 1


def test_publish_then_tail_round_trip(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = isolated_settings(kafka_bootstrap)
    env = worker_env(settings, tmp_path)
    assert marsad("topics", env=env).returncode == 0
    article = tmp_path / "visit.txt"
    article.write_text("وصل رئيس الوزراء إلى عمّان اليوم في زيارة رسمية.", encoding="utf-8")
    published = marsad("publish", str(article), env=env)
    assert published.returncode == 0 and "published 1 article(s)" in published.stdout
    tailed = marsad("tail", "--topic", "raw", "--from-beginning", "--max", "1", "--idle-timeout", "20", env=env)
    [line] = tailed.stdout.splitlines()
    message = json.loads(line)
    assert message["article_id"] == "file:visit" and message["text"].startswith("وصل رئيس الوزراء")
