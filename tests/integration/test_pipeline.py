"""The whole pipeline on the real broker: seeds and malformed messages in, every one accounted for."""

from __future__ import annotations

import asyncio
import json
import re
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas import DeadLetter, NormalizedArticle, RawArticle
from schemas.raw import IngestMetadata
from services.commands.inputs import text_article
from tests.integration.kafka_helpers import drain, isolated_settings, running_worker, send_raw
from tests.paths import SEED_FILES

pytestmark = pytest.mark.integration


def _article(article_id: str, text: str) -> bytes:
    raw = RawArticle(
        article_id=article_id,
        source="test",
        text=text,
        fetched_at=datetime.now(UTC),
        ingest=IngestMetadata(channel="cli"),
    )
    return raw.model_dump_json().encode()


def _bad_inputs() -> dict[str, tuple[bytes, str]]:
    """key -> (value, expected dead-letter reason)."""
    valid = json.loads(_article("template", "نص عربي قصير عن زيارة رسمية."))
    wrong_version = {**valid, "schema_version": 7}
    return {
        "bad-json": (b'{"article_id": "x", "text": ', "invalid_json"),
        "missing-fields": (b'{"article_id": "missing-fields"}', "schema_violation"),
        "empty-text": (_article("empty-text", "   \n\t "), "empty_text"),
        "bad-utf8": (b'{"text": "\xff\xfe\xfa"}', "invalid_utf8"),
        "huge": (_article("huge", "كلمة عربية " * 500_000), "too_large"),
        "wrong-version": (json.dumps(wrong_version).encode(), "unsupported_schema_version"),
        "empty-body": (b"", "empty_body"),
        "english": (_article("english", "This wire story is written in English only. " * 20), "not_arabic"),
    }


def _metric(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{key}="{value}"' in line for key, value in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_seeds_and_malformed_messages_are_all_accounted_for(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = isolated_settings(kafka_bootstrap)
    seeds = [text_article(path, path.read_text(encoding="utf-8")) for path in SEED_FILES]
    assert len(seeds) == 5
    bad = _bad_inputs()
    assert len(bad["huge"][0]) > 5_000_000
    messages: list[tuple[bytes | None, bytes | None]] = [
        (seed.article_id.encode(), seed.model_dump_json().encode()) for seed in seeds
    ]
    messages += [(key.encode(), value) for key, (value, _) in bad.items()]

    with running_worker(settings, tmp_path) as worker:
        asyncio.run(send_raw(settings, messages))
        out = asyncio.run(
            drain(settings, [settings.topic_normalized, settings.topic_deadletter], until=len(messages), timeout=90)
        )
        metrics = ""
        for _ in range(40):  # the counters are updated right after the sends; give them a moment
            metrics = urllib.request.urlopen(f"{worker.base_url}/metrics", timeout=5).read().decode()
            if _metric(metrics, "marsad_messages_consumed_total", stage="extract") >= len(seeds):
                break
            asyncio.run(asyncio.sleep(0.25))
        ready_gauge = 0.0
        for _ in range(60):  # set by the lag timer every 5 s, without anyone asking /readyz
            text = urllib.request.urlopen(f"{worker.base_url}/metrics", timeout=5).read().decode()
            if (ready_gauge := _metric(text, "marsad_worker_ready")) == 1.0:
                break
            asyncio.run(asyncio.sleep(0.25))
        health = urllib.request.urlopen(f"{worker.base_url}/healthz", timeout=5).status
        ready = json.loads(urllib.request.urlopen(f"{worker.base_url}/readyz", timeout=5).read())

    normalized = [NormalizedArticle.model_validate_json(value) for _, value in out[settings.topic_normalized]]
    letters = [DeadLetter.model_validate_json(value) for _, value in out[settings.topic_deadletter]]
    assert sorted(a.article_id for a in normalized) == sorted(s.article_id for s in seeds)
    assert {letter.original_key: letter.reason.value for letter in letters} == {
        key: reason for key, (_, reason) in bad.items()
    }
    for letter in letters:
        assert letter.source_topic == settings.topic_raw
        assert letter.original_size == len(bad[letter.original_key or ""][0])
    assert next(letter for letter in letters if letter.original_key == "huge").truncated

    consumed = _metric(metrics, "marsad_messages_consumed_total", stage="normalize")
    produced = _metric(metrics, "marsad_messages_produced_total", stage="normalize", output="normalized")
    dead = _metric(metrics, "marsad_dead_letters_total", stage="normalize")
    assert (consumed, produced, dead) == (len(messages), len(seeds), len(bad))
    assert _metric(metrics, "marsad_messages_consumed_total", stage="extract") == len(seeds)
    assert re.search(r"^marsad_stage_duration_seconds_count\{stage=\"normalize\"\} 13\.0$", metrics, re.M)
    assert "marsad_faust_messages_received" in metrics
    assert ready_gauge == 1.0
    assert health == 200 and ready["ready"] is True and ready["assigned_partitions"]
