"""Span mapping on a NormalizedArticle: clean/match text spans <-> raw text spans (code points, end exclusive).

Evidence offsets: `clean_span_to_raw(article, s.start, s.end)` gives the raw span of a sentence, so
`raw.text[start:end]` is the sentence as written. A span that cuts through a run that maps as a whole
(a ligature, a letter with its diacritics, a collapsed space run) widens to the whole run.
"""

from __future__ import annotations

from schemas.normalized import NormalizedArticle
from services.arabic.offsets import raw_to_span, span_to_raw


def clean_span_to_raw(article: NormalizedArticle, start: int, end: int) -> tuple[int, int]:
    """Raw span of `article.clean_text[start:end]`. Raises ValueError outside the clean text."""
    return span_to_raw(article.clean_to_raw.segments, start, end)


def match_span_to_raw(article: NormalizedArticle, start: int, end: int) -> tuple[int, int]:
    """Raw span of `article.match_text[start:end]`. Raises ValueError outside the match text."""
    return span_to_raw(article.match_to_raw.segments, start, end)


def raw_span_to_clean(article: NormalizedArticle, raw_start: int, raw_end: int) -> tuple[int, int]:
    """Smallest clean span covering what `raw[raw_start:raw_end]` became (empty if it was all removed)."""
    return raw_to_span(article.clean_to_raw.segments, raw_start, raw_end)


def raw_span_to_match(article: NormalizedArticle, raw_start: int, raw_end: int) -> tuple[int, int]:
    """Smallest match span covering what `raw[raw_start:raw_end]` became (empty if it was all removed)."""
    return raw_to_span(article.match_to_raw.segments, raw_start, raw_end)


def clean_span_to_match(article: NormalizedArticle, start: int, end: int) -> tuple[int, int]:
    """Match span of a clean span (e.g. a sentence), through the raw text."""
    return raw_span_to_match(article, *clean_span_to_raw(article, start, end))
