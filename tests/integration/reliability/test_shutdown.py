"""Fault 6: SIGTERM under load: a clean exit within the grace period, offsets committed, nothing lost."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest

from tests.integration.kafka_helpers import committed_offsets, isolated_settings, send_raw
from tests.integration.reliability.harness import (
    articles,
    assert_accounted,
    report,
    snapshot,
    wait_for_outputs,
    worker_pool,
)

pytestmark = pytest.mark.integration

SIGTERM_ARTICLES = 1500
GRACE_SECONDS = 30.0  # Kubernetes' default terminationGracePeriodSeconds


def test_sigterm_under_load_exits_cleanly_and_loses_nothing(kafka_bootstrap: str, tmp_path: Path) -> None:
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=4)
    messages = articles(run, SIGTERM_ARTICLES)
    with worker_pool(settings, tmp_path) as pool:
        asyncio.run(send_raw(settings, messages))
        first = pool.start("first")
        first.wait_processed("normalize", SIGTERM_ARTICLES * 0.3, timeout=180)
        returncode, exit_seconds = first.terminate(GRACE_SECONDS)
        fault_at = time.time()
        log = first.log_tail(200_000)
        before = snapshot(settings)
        committed = sum(o for o in asyncio.run(committed_offsets(settings, settings.topic_raw)).values() if o > 0)
        second = pool.start("second")
        restarted_at = time.monotonic()
        out = wait_for_outputs(settings, lambda o: o.accounted >= SIGTERM_ARTICLES, 240, [second])
        finish_seconds = time.monotonic() - restarted_at
    assert returncode == 0, f"worker did not exit cleanly on SIGTERM (code {returncode}):\n{log[-3000:]}"
    assert "Traceback" not in log
    assert 0 < before.accounted < SIGTERM_ARTICLES, "the SIGTERM must land mid-run"
    # A graceful stop commits what it processed: the committed offsets cover every output emitted so far
    # except at most the messages whose outputs were acknowledged after the last commit.
    assert committed <= before.accounted
    assert_accounted(messages, set(), out, fault_at)
    dup = out.duplicates()
    report(
        "sigterm_under_load",
        articles=SIGTERM_ARTICLES,
        exit_seconds=round(exit_seconds, 2),
        accounted_at_stop=before.accounted,
        committed_at_stop=committed,
        duplicated_normalized=len(dup.normalized),
        duplicated_events=len(dup.events),
        restart_to_done_seconds=round(finish_seconds, 1),
    )
