"""The pipelined worker: committed offsets under a full window, the time bound, large messages, extra input."""

from __future__ import annotations

import asyncio
import time
import uuid
from pathlib import Path

import pytest
from aiokafka import TopicPartition

from schemas.deadletter import DeadLetterReason, Stage
from schemas.event import DiplomaticEvent
from services.kafkaio.topics import topic_partitions
from services.settings import Settings
from services.worker.stages import StageLimits, process_raw
from tests.integration.kafka_helpers import committed_offsets, isolated_settings, reading_consumer, send_raw
from tests.integration.reliability.harness import (
    article_text,
    articles,
    expected_in_fresh_process,
    raw_article,
    report,
    snapshot,
    wait_for_outputs,
    worker_pool,
)

pytestmark = pytest.mark.integration

# Large enough, and the kill early enough, that a worker which no longer stalls its fetch (~1,000 short
# articles/s) is still mid-backlog when the test sees it pass KILL_AFTER: with 3,000 and 30 % it had finished
# (8,000 and 10 %: killed at 4,257).
BACKLOG = 12000
KILL_AFTER = 0.05


async def _raw_keys(settings: Settings) -> dict[tuple[int, int], str]:
    """(partition, offset) -> key of every message on the raw topic."""
    consumer = reading_consumer(settings)
    await consumer.start()
    keys: dict[tuple[int, int], str] = {}
    try:
        partitions = await topic_partitions(settings, [settings.topic_raw])
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        remaining: set[TopicPartition] = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            for tp, records in (await consumer.getmany(*remaining, timeout_ms=1000)).items():
                for record in records:
                    keys[(tp.partition, record.offset)] = (record.key or b"").decode()
            remaining = {tp for tp in remaining if await consumer.position(tp) < ends[tp]}
    finally:
        await consumer.stop()
    return keys


def test_kill9_with_a_full_window_every_committed_offset_has_its_outputs(kafka_bootstrap: str, tmp_path: Path) -> None:
    """Up to a window of messages is in flight when the worker dies; whatever offset it committed, every raw
    message below it has its normalised article and all its events (or its dead letter) on the broker."""
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=4)
    messages = articles(run, BACKLOG)
    for index in range(50, BACKLOG, 100):  # some dead letters among them
        messages[index] = (messages[index][0], b'{"article_id": ')
    bad = {messages[index][0].decode() for index in range(50, BACKLOG, 100)}
    with worker_pool(settings, tmp_path) as pool:
        asyncio.run(send_raw(settings, messages))
        expected = expected_in_fresh_process(settings, messages, tmp_path)
        worker = pool.start("worker")
        deadline = time.monotonic() + 240
        committed: dict[int, int] = {}
        while sum(committed.values()) < BACKLOG * KILL_AFTER and time.monotonic() < deadline:
            assert worker.alive(), worker.log_tail()
            time.sleep(0.2)
            committed = asyncio.run(committed_offsets(settings, settings.topic_raw))
        in_flight = worker.metric("marsad_messages_in_flight", stage="normalize")
        worker.kill9()
        committed = asyncio.run(committed_offsets(settings, settings.topic_raw))
        out = snapshot(settings)
        raw = asyncio.run(_raw_keys(settings))
    assert BACKLOG * KILL_AFTER <= sum(committed.values()) < BACKLOG, "the kill must land mid-backlog"
    below = [(key, where) for where, key in raw.items() if where[1] < committed.get(where[0], 0)]
    letters = {(d.source_partition, d.source_offset) for d in out.dead if d.stage == Stage.NORMALIZE}
    events = set(out.events)

    def has_outputs(key: str, where: tuple[int, int]) -> bool:
        if key in bad:
            return where in letters
        return key in out.normalized_ids and expected.by_article[key] <= events

    missing = [(where, key) for key, where in below if not has_outputs(key, where)]
    assert not missing, f"{len(missing)} committed raw messages without their outputs: {missing[:5]}"
    assert any(key in bad for key, _ in below) and len(below) == sum(committed.values())
    report(
        "kill9_window",
        articles=BACKLOG,
        committed_at_kill=sum(committed.values()),
        in_flight_shortly_before_kill=in_flight,
        accounted_at_kill=out.accounted,
        window=settings.worker_max_in_flight,
    )


def test_a_message_over_the_time_bound_is_a_processing_timeout_and_its_neighbours_go_through(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    run = uuid.uuid4().hex[:6]
    long_chars = 2_000_000  # ~4 s to normalise and extract on this machine; the bound is 0.25 s
    settings = isolated_settings(kafka_bootstrap, partitions=1, max_text_chars=long_chars)
    text = "\n".join(article_text(i) for i in range(long_chars // 210))
    slow_key = f"slow-{run}"
    good = articles(run, 40)
    messages = [*good[:20], (slow_key.encode(), raw_article(slow_key, text).model_dump_json().encode()), *good[20:]]
    with worker_pool(settings, tmp_path) as pool:
        worker = pool.start(
            "worker",
            extra_env={"MARSAD_STAGE_TIMEOUT_SECONDS": "0.25", "MARSAD_MAX_EVENTS_PER_ARTICLE": "100000"},
        )
        asyncio.run(send_raw(settings, messages))
        out = wait_for_outputs(settings, lambda o: o.accounted >= len(messages), 180, [worker])
        alive = worker.alive()
        timeouts = worker.metric("marsad_dead_letters_total", stage="normalize", reason="processing_timeout")
    assert alive
    assert out.normalized_ids == {key.decode() for key, _ in good}
    assert [(d.original_key, d.reason, d.stage) for d in out.dead] == [
        (slow_key, DeadLetterReason.PROCESSING_TIMEOUT, Stage.NORMALIZE)
    ]
    assert "longer than 0.25 s" in out.dead[0].message and timeouts == 1.0


def test_small_fetches_still_consume_a_message_close_to_the_size_limit(kafka_bootstrap: str, tmp_path: Path) -> None:
    """The consumer asks for 1 MiB per partition; a message of almost max_message_bytes (16 MiB) must still be
    fetched (not skipped as 'too large for the fetch size') and dead-lettered, with its neighbours processed."""
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=1)
    big_key = f"big-{run}"
    padding = settings.max_message_bytes - 2048
    big = raw_article(big_key, "\u0628" * (padding // 2)).model_dump_json().encode()
    assert settings.max_message_bytes - 4096 < len(big) <= settings.max_message_bytes
    good = articles(run, 10)
    messages = [*good[:5], (big_key.encode(), big), *good[5:]]
    with worker_pool(settings, tmp_path) as pool:
        worker = pool.start("worker")
        asyncio.run(send_raw(settings, messages))
        out = wait_for_outputs(settings, lambda o: o.accounted >= len(messages), 120, [worker])
    assert out.normalized_ids == {key.decode() for key, _ in good}
    assert [(d.original_key, d.reason, d.original_size) for d in out.dead] == [
        (big_key, DeadLetterReason.TOO_LARGE, len(big))
    ]


def test_normalised_articles_pushed_to_the_optional_input_topic_are_extracted(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    run = uuid.uuid4().hex[:6]
    base = isolated_settings(kafka_bootstrap, partitions=2)
    pushed = base.topic_raw.replace(".raw", ".normalized-in")
    settings = base.model_copy(update={"topic_normalized_input": pushed})
    limits = StageLimits(settings.max_message_bytes, settings.max_text_chars, settings.max_events_per_article)
    results = [(key, process_raw(value, limits)) for key, value in articles(run, 12)]
    normalized = [(key, result.normalized or b"") for key, result in results]
    expected = {DiplomaticEvent.model_validate_json(event).event_id for _, result in results for event in result.events}
    assert expected, "the sample articles no longer give events"
    with worker_pool(settings, tmp_path) as pool:
        asyncio.run(send_raw(settings.model_copy(update={"topic_raw": pushed}), [*normalized, (b"bad", b"{")]))
        worker = pool.start("worker")
        out = wait_for_outputs(settings, lambda o: set(o.events) >= expected and bool(o.dead), 120, [worker])
        consumed = worker.metric("marsad_messages_consumed_total", stage="extract")
    assert not out.normalized, "the worker republished pushed articles"
    assert set(out.events) == expected
    assert [(d.original_key, d.stage, d.source_topic) for d in out.dead] == [("bad", Stage.EXTRACT, pushed)]
    assert consumed == len(normalized) + 1
