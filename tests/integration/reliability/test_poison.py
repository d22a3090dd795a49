"""Fault 4: hostile messages interleaved with good ones: each a dead letter with the right reason."""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from pathlib import Path

import pytest

from schemas.deadletter import DeadLetterReason, Stage
from services.settings import Settings
from services.worker.stages import StageLimits, process_raw
from tests.integration.kafka_helpers import isolated_settings, send_raw
from tests.integration.reliability.harness import (
    article_text,
    articles,
    metric_value,
    raw_article,
    report,
    wait_for_outputs,
    worker_pool,
)

pytestmark = pytest.mark.integration

MAX_EVENTS = 5


def _json(article_id: str, text: str) -> bytes:
    return raw_article(article_id, text).model_dump_json().encode()


def poison(run: str) -> dict[str, tuple[bytes | None, DeadLetterReason]]:
    """key -> (value, the dead-letter reason the normalize stage must give)."""
    template = json.loads(_json(f"p-{run}", "نص عربي قصير عن زيارة رسمية."))
    deep_object = b'{"a":' * 100_000 + b"1" + b"}" * 100_000
    garbage = b"\xff" + random.Random(7).randbytes(4095)
    nul_inside = _json(f"nul-{run}", "نص عربي قصير").replace("قصير".encode(), b"\x00\x00")
    surrogate = json.dumps({**template, "article_id": f"sur-{run}", "text": "نص \ud800 عربي"}).encode()
    return {
        "invalid-json": ('{"article_id": "x", "text": "نص'.encode(), DeadLetterReason.INVALID_JSON),
        "wrong-schema": (json.dumps({"id": 1, "body": "نص عربي"}).encode(), DeadLetterReason.SCHEMA_VIOLATION),
        "json-array": (b"[1, 2, 3]", DeadLetterReason.SCHEMA_VIOLATION),
        "wrong-version": (
            json.dumps({**template, "schema_version": 2}).encode(),
            DeadLetterReason.UNSUPPORTED_SCHEMA_VERSION,
        ),
        "invalid-utf8": (b'{"text": "\xd8\xa7\xff\xfe"}', DeadLetterReason.INVALID_UTF8),
        "nul-bytes": (b"\x00" * 64, DeadLetterReason.INVALID_JSON),
        "nul-in-json-string": (nul_inside, DeadLetterReason.INVALID_JSON),
        "lone-surrogate": (surrogate, DeadLetterReason.SCHEMA_VIOLATION),
        "deep-array": (b"[" * 200_000 + b"]" * 200_000, DeadLetterReason.INVALID_JSON),
        "deep-object": (deep_object, DeadLetterReason.INVALID_JSON),
        "ten-mb": (_json(f"big-{run}", "كلمة عربية " * 520_000), DeadLetterReason.TOO_LARGE),
        "empty-body": (b"", DeadLetterReason.EMPTY_BODY),
        "tombstone": (None, DeadLetterReason.EMPTY_BODY),
        "empty-text": (_json(f"et-{run}", " \n\u200f\t "), DeadLetterReason.EMPTY_TEXT),
        "not-arabic": (
            _json(f"en-{run}", "Talks between the two ministers ended without a deal. " * 5),
            DeadLetterReason.NOT_ARABIC,
        ),
        "binary-garbage": (garbage, DeadLetterReason.INVALID_UTF8),
    }


def _many_events_article(run: str) -> tuple[bytes, bytes]:
    text = "\n".join(article_text(i) for i in range(40))
    return f"many-{run}".encode(), _json(f"many-{run}", text)


def _events_of(settings: Settings, value: bytes) -> int:
    limits = StageLimits(settings.max_message_bytes, settings.max_text_chars, 10_000)
    result = process_raw(value, limits)
    assert result.rejection is None, result.rejection
    return len(result.events)


def test_poison_messages_become_dead_letters_and_the_worker_keeps_going(kafka_bootstrap: str, tmp_path: Path) -> None:
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=2)
    bad = poison(run)
    assert len(bad["ten-mb"][0] or b"") > 10_000_000
    good = articles(run, 2 * len(bad) + 1)
    # Interleave: good, bad, good, bad, ... so every poison message has good neighbours on its partition.
    messages: list[tuple[bytes | None, bytes | None]] = []
    for index, (key, (value, _)) in enumerate(bad.items()):
        messages += [good[2 * index], good[2 * index + 1], (key.encode(), value)]
    messages.append(good[-1])
    many_key, many_value = _many_events_article(run)
    assert _events_of(settings, many_value) > MAX_EVENTS, "the extractor no longer finds many events here"
    messages.append((many_key, many_value))
    # U+FDFA expands to 18 code points when normalised: a 600 kB article whose normalised form may exceed the
    # largest message the worker takes (and the topic stores). The normaliser refuses it up front, or the
    # worker refuses its normalised form: either way a too_large dead letter (not retried forever, not lost).
    bomb_key, bomb_value = f"bomb-{run}", _json(f"bomb-{run}", "\ufdfa" * 200_000)
    bomb = process_raw(bomb_value, StageLimits(settings.max_message_bytes, settings.max_text_chars, 10_000))
    assert bomb.rejection is not None and bomb.rejection.reason is DeadLetterReason.TOO_LARGE, bomb.rejection
    bad[bomb_key] = (bomb_value, DeadLetterReason.TOO_LARGE)
    messages.append((bomb_key.encode(), bomb_value))
    total = len(messages)
    with worker_pool(settings, tmp_path) as pool:
        worker = pool.start("worker", extra_env={"MARSAD_MAX_EVENTS_PER_ARTICLE": str(MAX_EVENTS)})
        asyncio.run(send_raw(settings, messages))
        out = wait_for_outputs(
            settings,
            lambda o: o.accounted >= total and any(d.stage == Stage.EXTRACT for d in o.dead),
            180,
            [worker],
        )
        metrics = worker.get("/metrics")
        alive = worker.alive()
        rss = worker.rss_mb()
        health = worker.get("/healthz")
    normalize_letters = {d.original_key: d for d in out.dead if d.stage == Stage.NORMALIZE}
    assert {key: letter.reason for key, letter in normalize_letters.items()} == {
        key: reason for key, (_, reason) in bad.items()
    }
    for letter in normalize_letters.values():
        value = bad[letter.original_key or ""][0] or b""
        assert letter.source_topic == settings.topic_raw
        assert letter.original_size == len(value)
        assert letter.truncated == (len(value) > settings.deadletter_max_original_bytes)
    extract_letters = [d for d in out.dead if d.stage == Stage.EXTRACT]
    assert [(d.original_key, d.reason) for d in extract_letters] == [
        (many_key.decode(), DeadLetterReason.TOO_MANY_EVENTS)
    ]
    good_ids = {key.decode() for key, _ in good} | {many_key.decode()}
    assert out.normalized_ids == good_ids
    assert alive and json.loads(health) == {"status": "alive"}
    consumed = metric_value(metrics, "marsad_messages_consumed_total", stage="normalize")
    produced = metric_value(metrics, "marsad_messages_produced_total", stage="normalize", output="normalized")
    dead = metric_value(metrics, "marsad_dead_letters_total", stage="normalize")
    assert (consumed, produced, dead) == (total, len(good_ids), len(bad))
    report(
        "poison",
        messages=total,
        poison=len(bad),
        good=len(good_ids),
        ligature_bomb=bomb.rejection.message,
        worker_rss_mb=round(rss, 1),
    )
