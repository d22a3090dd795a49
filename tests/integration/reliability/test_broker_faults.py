"""Faults 3 and 5: the broker stopped and restarted, or frozen, mid-run; an output topic missing.

The restart test runs its own LocalBroker (never the session one) and restarts the same object, so the
broker comes back on the same ports with the same data directory, as a real broker restart would.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

from services.kafkaio.client import aiokafka_options
from services.kafkaio.topics import ensure_topics
from services.localkafka import LocalBroker
from services.settings import Settings
from tests.integration.kafka_helpers import isolated_settings, send_raw
from tests.integration.reliability.harness import (
    Workers,
    articles,
    assert_accounted,
    assert_extracted,
    expected_in_fresh_process,
    report,
    wait_for_outputs,
)

pytestmark = pytest.mark.integration

RESTART_ARTICLES = 1200
DOWN_SECONDS = 8.0
FREEZE_SECONDS = 12.0
MISSING_TOPIC_ARTICLES = 400


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[LocalBroker]:
    broker = LocalBroker(data_dir=tmp_path / "broker", heap_mb=384)
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


def test_broker_restart_and_freeze_mid_run(own_broker: LocalBroker, tmp_path: Path) -> None:
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(own_broker.bootstrap, partitions=4)
    messages = articles(run, RESTART_ARTICLES)
    asyncio.run(ensure_topics(settings))
    asyncio.run(send_raw(settings, messages))
    pool = Workers(settings, tmp_path)
    try:
        expected = expected_in_fresh_process(settings, messages, tmp_path)
        worker = pool.start("worker")
        worker.wait_processed("normalize", RESTART_ARTICLES * 0.25, timeout=180)
        # 1. Stop the broker (SIGTERM, a clean broker shutdown) and bring it back on the same ports.
        own_broker.stop()
        stopped_at = time.monotonic()
        time.sleep(DOWN_SECONDS)
        assert worker.alive(), worker.log_tail()
        own_broker.start()
        restarted_at = time.monotonic()
        before_freeze = worker.wait_processed("normalize", RESTART_ARTICLES * 0.6, timeout=180)
        resumed_seconds = time.monotonic() - restarted_at
        # 2. Freeze the broker (SIGSTOP: a long GC pause, a stuck disk) and thaw it.
        assert own_broker.process is not None
        os.kill(own_broker.process.pid, signal.SIGSTOP)
        time.sleep(FREEZE_SECONDS)
        in_flight_frozen = worker.metric("marsad_messages_in_flight")
        rss_frozen = worker.rss_mb()
        os.kill(own_broker.process.pid, signal.SIGCONT)
        fault_at = time.time()
        thawed_at = time.monotonic()
        out = wait_for_outputs(
            settings,
            lambda o: o.accounted >= RESTART_ARTICLES and expected.event_ids <= set(o.events),
            240,
            [worker],
        )
        done_seconds = time.monotonic() - thawed_at
        retries = worker.metric("marsad_send_retries_total")
        # The freeze outlives the session timeout: the group re-forms after the thaw and the worker replays
        # from its committed offsets, so outputs written up to that re-assignment may be duplicated.
        fault_at = max(fault_at, worker.last_assignment_at())
        alive = worker.alive()
        log = worker.log_tail(50_000_000)
    finally:
        pool.stop_all()
    assert alive
    # Before services/worker/logfilter.py: 55,654 "Unable connect" lines in one 15 s outage.
    unable = log.count("Unable connect to node")
    assert unable <= 100, f"{unable} reconnect log lines"
    assert in_flight_frozen <= settings.worker_max_in_flight  # the window waits for its acknowledgements
    assert_accounted(messages, set(), out, fault_at)
    assert_extracted(out, expected)
    dup = out.duplicates()
    report(
        "broker_restart_and_freeze",
        articles=RESTART_ARTICLES,
        broker_down_seconds=round(restarted_at - stopped_at, 1),
        broker_restart_seconds=round(own_broker.start_seconds, 1),
        processed_before_freeze=before_freeze,
        resumed_after_restart_seconds=round(resumed_seconds, 1),
        in_flight_while_frozen=in_flight_frozen,
        worker_rss_mb_while_frozen=round(rss_frozen, 1),
        done_after_thaw_seconds=round(done_seconds, 1),
        send_retries=retries,
        reconnect_log_lines=unable,
        log_lines=log.count("\n"),
        duplicated_normalized=len(dup.normalized),
        duplicated_events=len(dup.events),
    )


async def _create_topic(settings: Settings, name: str) -> None:
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        await admin.create_topics([NewTopic(name, settings.topic_partitions, 1)])
    finally:
        await admin.close()


def test_missing_output_topic_stalls_with_bounded_in_flight_then_resumes(kafka_bootstrap: str, tmp_path: Path) -> None:
    """The normalized topic (stage 1's output) does not exist while the worker runs: nothing is lost,
    nothing is dead-lettered, memory and in-flight stay bounded; once the topic exists, processing resumes."""
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=2)
    messages = articles(run, MISSING_TOPIC_ARTICLES)
    asyncio.run(ensure_topics(settings))
    asyncio.run(_delete_topic(settings, settings.topic_normalized))
    asyncio.run(send_raw(settings, messages))
    pool = Workers(settings, tmp_path)
    try:
        worker = pool.start("worker")
        deadline = time.monotonic() + 120
        retries = 0.0
        while retries < 1 and time.monotonic() < deadline:  # the send times out once and is retried
            assert worker.alive(), worker.log_tail()
            time.sleep(1)
            retries = worker.metric("marsad_send_retries_total", output="normalized")
        consumed_stalled = worker.metric("marsad_messages_consumed_total", stage="normalize")
        in_flight_stalled = worker.metric("marsad_messages_in_flight", stage="normalize")
        dead_stalled = worker.metric("marsad_dead_letters_total")
        rss_stalled = worker.rss_mb()
        asyncio.run(_create_topic(settings, settings.topic_normalized))
        created_at = time.monotonic()
        out = wait_for_outputs(settings, lambda o: o.accounted >= MISSING_TOPIC_ARTICLES, 180, [worker])
        resumed_seconds = time.monotonic() - created_at
    finally:
        pool.stop_all()
    assert retries >= 1, "the missing topic never made a send fail"
    # The window fills and stops there: every message taken is in flight, none acknowledged or dead-lettered.
    assert in_flight_stalled == consumed_stalled == settings.worker_max_in_flight and dead_stalled == 0
    assert_accounted(messages, set(), out, None)
    report(
        "missing_output_topic",
        articles=MISSING_TOPIC_ARTICLES,
        send_retries_while_missing=retries,
        consumed_while_missing=consumed_stalled,
        in_flight_while_missing=in_flight_stalled,
        worker_rss_mb_while_missing=round(rss_stalled, 1),
        done_after_topic_created_seconds=round(resumed_seconds, 1),
    )


async def _delete_topic(settings: Settings, name: str) -> None:
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        await admin.delete_topics([name])
    finally:
        await admin.close()
