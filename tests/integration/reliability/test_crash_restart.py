"""Faults 1 and 2: a worker killed with SIGKILL mid-run, restarted or replaced by a group member."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest

from tests.integration.kafka_helpers import isolated_settings, send_raw
from tests.integration.reliability.harness import (
    articles,
    assert_accounted,
    assert_extracted,
    expected_in_fresh_process,
    report,
    snapshot,
    wait_for_outputs,
    worker_pool,
)

pytestmark = pytest.mark.integration

KILL9_ARTICLES = 2000
KILL9_BAD = 20
GROUP_ARTICLES = 600


def _with_bad(run: str, count: int, bad: int) -> tuple[list[tuple[bytes, bytes]], set[str]]:
    """`count` messages in all, every (count // bad)-th one invalid JSON."""
    messages = articles(run, count)
    bad_keys: set[str] = set()
    step = count // bad
    for index in range(step // 2, count, step):
        key = f"bad-{run}-{index}"
        messages[index] = (key.encode(), b'{"article_id": "' + key.encode() + b'", "text": ')
        bad_keys.add(key)
    return messages, bad_keys


def test_kill9_mid_run_then_restart_loses_nothing(kafka_bootstrap: str, tmp_path: Path) -> None:
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=4)
    messages, bad_keys = _with_bad(run, KILL9_ARTICLES, KILL9_BAD)
    with worker_pool(settings, tmp_path) as pool:
        asyncio.run(send_raw(settings, messages))
        first = pool.start("first")
        done_at_kill = first.wait_processed("normalize", KILL9_ARTICLES * 0.3, timeout=180)
        first.kill9()
        fault_at = time.time()
        killed_at = time.monotonic()
        before = snapshot(settings)
        assert 0 < before.accounted < KILL9_ARTICLES, "the kill must land mid-run"
        second = pool.start("second")
        expected = expected_in_fresh_process(settings, messages, tmp_path)
        out = wait_for_outputs(
            settings, lambda o: o.accounted >= KILL9_ARTICLES and expected.event_ids <= set(o.events), 240, [second]
        )
        recovery = time.monotonic() - killed_at
    assert_accounted(messages, bad_keys, out, fault_at)
    assert_extracted(out, expected)
    dup = out.duplicates()
    report(
        "kill9_restart",
        articles=KILL9_ARTICLES,
        bad=KILL9_BAD,
        processed_by_metric_at_kill=done_at_kill,
        accounted_before_restart=before.accounted,
        normalized_messages=len(out.normalized),
        duplicated_normalized=len(dup.normalized),
        duplicated_dead=len(dup.dead),
        events=len(out.events),
        distinct_events=len(set(out.events)),
        recovery_seconds=round(recovery, 1),
    )


def test_two_workers_one_killed_survivor_takes_over(kafka_bootstrap: str, tmp_path: Path) -> None:
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=6)
    messages = articles(run, GROUP_ARTICLES)
    with worker_pool(settings, tmp_path) as pool:
        victim = pool.start("victim")
        survivor = pool.start("survivor")
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:  # both members hold raw partitions before the load starts
            held = [w.partitions_of(settings.topic_raw) for w in (victim, survivor)]
            if all(held):
                break
            time.sleep(0.5)
        assert all(held), f"partitions not shared: {held}"
        asyncio.run(send_raw(settings, messages))
        victim.wait_processed("normalize", GROUP_ARTICLES // 10, timeout=120)
        victim.kill9()
        fault_at = time.time()
        killed_at = time.monotonic()
        before = snapshot(settings)
        out = wait_for_outputs(settings, lambda o: o.accounted >= GROUP_ARTICLES, 180, [survivor])
        recovery = time.monotonic() - killed_at
        # A fast victim may have finished its share before the kill, so every article can be accounted for
        # before the group notices the death (after the session timeout, 10 s); the takeover is awaited apart.
        takeover_deadline = time.monotonic() + 60
        raw_held = survivor.partitions_of(settings.topic_raw)
        while len(raw_held) < 6 and time.monotonic() < takeover_deadline:
            time.sleep(0.5)
            raw_held = survivor.partitions_of(settings.topic_raw)
    assert_accounted(messages, set(), out, fault_at)
    assert len(raw_held) == 6, raw_held
    dup = out.duplicates()
    report(
        "two_workers_kill_one",
        articles=GROUP_ARTICLES,
        partitions=6,
        victim_partitions_before=held[0],
        accounted_before_kill=before.accounted,
        duplicated_normalized=len(dup.normalized),
        recovery_seconds=round(recovery, 1),
    )
