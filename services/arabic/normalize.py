"""Placeholder normaliser (pipeline issue): identity views and a language gate.

The real normaliser (issue 3) replaces this module; the signature of `normalize_article` is the contract
the worker relies on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.deadletter import DeadLetterReason
from schemas.normalized import NormalizedArticle, OffsetMap, Span
from schemas.outcome import Rejection
from schemas.raw import RawArticle

NORMALIZER_VERSION = "0.0.1-placeholder"
_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE = re.compile(r"[^.!?؟\n]+[.!?؟]?")


@dataclass(frozen=True, slots=True)
class NormalizeLimits:
    max_chars: int = 200_000
    min_arabic_ratio: float = 0.5


def normalize_article(raw: RawArticle, limits: NormalizeLimits = NormalizeLimits()) -> NormalizedArticle | Rejection:
    text = raw.text
    if not text.strip():
        return Rejection(DeadLetterReason.EMPTY_TEXT, "article text is empty")
    if len(text) > limits.max_chars:
        return Rejection(DeadLetterReason.TOO_LARGE, f"text has {len(text)} characters, limit {limits.max_chars}")
    letters = len(_LETTER.findall(text))
    arabic = len(_ARABIC_LETTER.findall(text))
    if letters == 0 or arabic / letters < limits.min_arabic_ratio:
        return Rejection(DeadLetterReason.NOT_ARABIC, f"only {arabic} of {letters} letters are Arabic")
    identity = OffsetMap(segments=[(0, 0, len(text), len(text))])
    sentences = [Span(start=m.start(), end=m.end()) for m in _SENTENCE.finditer(text) if m.group().strip()]
    return NormalizedArticle(
        article_id=raw.article_id,
        source=raw.source,
        url=raw.url,
        language=raw.language,
        title=raw.title,
        published_at=raw.published_at,
        published_basis="producer" if raw.published_at else None,
        fetched_at=raw.fetched_at,
        raw_text_length=len(text),
        clean_text=text,
        match_text=text,
        clean_to_raw=identity,
        match_to_raw=identity,
        paragraphs=[Span(start=0, end=len(text))],
        sentences=sentences,
        removed=[],
        normalizer_version=NORMALIZER_VERSION,
    )
