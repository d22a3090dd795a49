"""Decoding raw Kafka values into messages, and the dead letters built from rejections."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from schemas import DeadLetterReason, NormalizedArticle, RawArticle, Rejection, Stage
from services.arabic import NormalizeLimits, normalize_article
from services.extraction import extract_events
from services.worker.records import SourceRecord, build_dead_letter, decode_message, encode_message
from services.worker.stages import StageLimits, process_raw

RAW_EXAMPLE = Path(__file__).parents[2] / "schemas" / "examples" / "marsad.articles.raw.v1.example.json"

VALID = {
    "article_id": "wam:2025-02-12:call",
    "source": "wam",
    "text": "تلقى الرئيس اتصالاً هاتفياً.",
    "fetched_at": "2025-02-12T10:00:00Z",
    "ingest": {"channel": "feed"},
}


def _reason(value: bytes | None, max_bytes: int = 1_000_000) -> str:
    outcome = decode_message(value, RawArticle, max_bytes)
    assert isinstance(outcome, Rejection), outcome
    return outcome.reason.value


def test_valid_message_decodes() -> None:
    article = decode_message(json.dumps(VALID).encode(), RawArticle, 1_000_000)
    assert isinstance(article, RawArticle)
    assert article.fetched_at == datetime(2025, 2, 12, 10, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (None, "empty_body"),
        (b"", "empty_body"),
        (b"\xff\xfe\x00", "invalid_utf8"),
        (b'{"article_id": ', "invalid_json"),
        (b"[" * 200_000, "invalid_json"),
        (b"[1, 2]", "schema_violation"),
        (b'{"article_id": "x"}', "schema_violation"),
        (json.dumps({**VALID, "schema_version": 2}).encode(), "unsupported_schema_version"),
        (json.dumps({**VALID, "text": "\ud800"}).encode(), "schema_violation"),
        (json.dumps({**VALID, "fetched_at": "2025-02-12T10:00:00"}).encode(), "schema_violation"),
        (json.dumps({**VALID, "unexpected": 1}).encode(), "schema_violation"),
    ],
)
def test_each_kind_of_bad_input_has_its_reason(value: bytes | None, reason: str) -> None:
    assert _reason(value) == reason


def test_oversized_message_is_refused_before_parsing() -> None:
    assert _reason(b"x" * 2048, max_bytes=1024) == "message_too_large"


def test_schema_violation_names_the_fields() -> None:
    outcome = decode_message(b'{"article_id": "x"}', RawArticle, 10_000)
    assert isinstance(outcome, Rejection)
    assert "text: Field required" in outcome.message and "fetched_at: Field required" in outcome.message


def test_dead_letter_keeps_original_bytes_and_position() -> None:
    record = SourceRecord("raw", 3, 42, b"key-1", b"\xff" * 10)
    rejection = Rejection(DeadLetterReason.INVALID_UTF8, "value is not UTF-8")
    letter = build_dead_letter(record, rejection, Stage.NORMALIZE, "worker-a", max_original_bytes=4)
    assert (letter.source_topic, letter.source_partition, letter.source_offset) == ("raw", 3, 42)
    assert base64.b64decode(letter.original_value_b64) == b"\xff" * 4
    assert letter.truncated and letter.original_size == 10
    assert letter.original_sha256 == hashlib.sha256(b"\xff" * 10).hexdigest()
    assert letter.article_id == "key-1" and letter.worker == "worker-a"


def test_dead_letter_of_small_value_is_complete() -> None:
    record = SourceRecord("raw", 0, 0, None, b"{}")
    letter = build_dead_letter(record, Rejection(DeadLetterReason.SCHEMA_VIOLATION, "x"), Stage.NORMALIZE, "w", 1024)
    assert not letter.truncated and base64.b64decode(letter.original_value_b64) == b"{}"
    assert letter.original_key is None


def test_stage_outputs_are_the_bytes_of_model_dump_json() -> None:
    """The stage child encodes with `encode_message`; the contract is `model_dump_json()` as UTF-8."""
    value = RAW_EXAMPLE.read_bytes()
    raw = RawArticle.model_validate_json(value)
    article = normalize_article(raw, NormalizeLimits(max_chars=200_000))
    assert isinstance(article, NormalizedArticle)
    events = extract_events(article)
    assert events, "the raw example has events"
    result = process_raw(value, StageLimits(1_000_000, 200_000, 200))
    assert result.normalized == article.model_dump_json().encode()
    assert result.events == tuple(event.model_dump_json().encode() for event in events)


def test_encoded_dead_letter_is_its_model_dump_json() -> None:
    record = SourceRecord("raw", 1, 7, "مقال-١".encode(), "نص \u0000 \U0001f600".encode())
    rejection = Rejection(DeadLetterReason.SCHEMA_VIOLATION, 'text: "غير صالح" \u2028 \\ end')
    letter = build_dead_letter(record, rejection, Stage.NORMALIZE, "worker-a", 1024)
    assert encode_message(letter) == letter.model_dump_json().encode()
