"""One message through one stage: decode, call the pure function, and say what to send."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.deadletter import DeadLetterReason
from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle
from schemas.outcome import Rejection
from schemas.raw import RawArticle
from services.arabic import NormalizeLimits, normalize_article
from services.extraction import extract_events
from services.worker.records import decode_message


@dataclass(frozen=True, slots=True)
class StageLimits:
    max_message_bytes: int
    max_text_chars: int
    max_events_per_article: int


def normalize_value(value: bytes | None, limits: StageLimits) -> tuple[RawArticle, NormalizedArticle] | Rejection:
    raw = decode_message(value, RawArticle, limits.max_message_bytes)
    if isinstance(raw, Rejection):
        return raw
    normalized = normalize_article(raw, NormalizeLimits(max_chars=limits.max_text_chars))
    if isinstance(normalized, Rejection):
        return normalized
    return raw, normalized


def extract_value(
    value: bytes | None, limits: StageLimits
) -> tuple[NormalizedArticle, list[DiplomaticEvent]] | Rejection:
    article = decode_message(value, NormalizedArticle, limits.max_message_bytes)
    if isinstance(article, Rejection):
        return article
    events = extract_events(article)
    if len(events) > limits.max_events_per_article:
        return Rejection(
            DeadLetterReason.TOO_MANY_EVENTS,
            f"{len(events)} events extracted, limit {limits.max_events_per_article}",
        )
    return article, events
