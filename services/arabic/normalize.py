"""`normalize_article`: RawArticle -> NormalizedArticle | Rejection. Pure; composes the rooms of this package.

Order: size gate on the raw text; clean view of the whole text; empty gate; structure (chrome, related
blocks, dateline, title, byline) on its lines; the removed lines cut from the clean view; language gate on
what is left; match view; paragraphs and sentences. Offsets compose at every step, so both views map back
to the raw text (see offsets.py for the format).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pydantic import TypeAdapter

from schemas.deadletter import DeadLetterReason
from schemas.normalized import NormalizedArticle, OffsetMap, RemovedBlock, RemovedKind, Span
from schemas.outcome import Rejection
from schemas.raw import RawArticle
from services.arabic import charsets as cs
from services.arabic.fold import clean_growth, clean_view, match_view
from services.arabic.lines import Line
from services.arabic.offsets import Edit, Run, apply_edits, compose, span_to_raw
from services.arabic.options import DEFAULT_FOLDS, FoldOptions
from services.arabic.presentation import LONGEST_FOLD
from services.arabic.segment import paragraphs, sentences
from services.arabic.structure import Structure, analyse

NORMALIZER_VERSION = "1.3.4"
# Letters are word characters (\w) other than decimal digits and underscore: letters of any script (and the
# rare numeric symbols such as Ⅻ); combining marks are not letters. Counting Arabic runs plus single other
# letters is the fastest exact count sre offers (Arabic text has few other letters; a lone class scans fast).
_ARABIC_RUN = re.compile(f"[{cs.ARABIC_LETTERS}{cs.TATWEEL}]+")
_OTHER_LETTER = re.compile(f"[^\\W\\d_{cs.ARABIC_LETTERS}{cs.TATWEEL}]")
# Characters that are never such an other letter: ASCII non-letters, the Arabic blocks but for the two small
# letters U+06E5/06E6, the ellipsis (a unit test checks every one against _OTHER_LETTER). Deleting their
# runs first (a range class, no category test per character) leaves only a few characters to count.
NEVER_OTHER_LETTER = "\u0000-\u0040\u005b-\u0060\u007b-\u007f\u0600-\u06e4\u06e7-\u06ff\u0750-\u077f\u08a0-\u08ff\u2026"
_NEVER_OTHER_LETTER_RUN = re.compile(f"[{NEVER_OTHER_LETTER}]+")


@dataclass(frozen=True, slots=True)
class NormalizeLimits:
    """Gates and switches of the normaliser (documented in docs/normalization.md)."""

    max_chars: int = 200_000  # raw text or its views longer than this (code points) -> too_large
    min_arabic_ratio: float = 0.5  # Arabic-script letters / all letters of the kept text, below -> not_arabic
    folds: FoldOptions = DEFAULT_FOLDS
    structure: bool = True  # chrome, related blocks, dateline, title and byline detection


def normalize_article(raw: RawArticle, limits: NormalizeLimits = NormalizeLimits()) -> NormalizedArticle | Rejection:
    text = raw.text
    if len(text) > limits.max_chars:
        return Rejection(DeadLetterReason.TOO_LARGE, f"text has {len(text)} characters, limit {limits.max_chars}")
    # (A text too short to outgrow the limit even if every code point were U+FDFA skips the scan.)
    bound = len(text) + clean_growth(text, limits.folds) if len(text) * LONGEST_FOLD > limits.max_chars else 0
    if bound > limits.max_chars:  # ligatures such as U+FDFA (18 letters) would expand the views past the limit
        return Rejection(
            DeadLetterReason.TOO_LARGE,
            f"text has {len(text)} characters but its presentation forms expand it to up to {bound}, "
            f"limit {limits.max_chars}",
        )
    clean, runs = clean_view(text, limits.folds)
    if not clean.strip():
        return Rejection(DeadLetterReason.EMPTY_TEXT, "article text is empty or only whitespace and controls")
    structure = analyse(clean) if limits.structure else Structure(lines=[])
    removed = _removed_blocks(text, runs, structure.lines)
    clean, runs = _cut_lines(clean, runs, structure.lines)
    if not clean.strip():
        return Rejection(DeadLetterReason.EMPTY_TEXT, "nothing is left once page chrome is removed")
    rejection = language_gate(clean, limits.min_arabic_ratio)
    if rejection is not None:
        return rejection
    match, match_runs = match_view(clean, limits.folds)
    paragraph_spans = paragraphs(clean)
    published, basis = (raw.published_at, "producer") if raw.published_at else (structure.dateline, "dateline")
    return NormalizedArticle(
        article_id=raw.article_id,
        source=raw.source,
        url=raw.url,
        language=raw.language,
        title=clean_view(raw.title, limits.folds)[0] or None if raw.title else structure.title,
        published_at=published,
        published_basis=basis if published else None,
        fetched_at=raw.fetched_at,
        raw_text_length=len(text),
        clean_text=clean,
        match_text=match,
        # Runs are built here and checked by the tests (valid, tiling, round-tripping); validating each of
        # their integers again costs more than the rest of the model, so the maps are constructed around the
        # runs as they come (RunArrays from the C views, made into tuples only if serialised). Spans are
        # validated in one call (pydantic-core builds them faster than `model_construct` does).
        clean_to_raw=OffsetMap.model_construct(segments=runs),
        match_to_raw=OffsetMap.model_construct(segments=compose(match_runs, runs) if match_runs else []),
        paragraphs=_spans(paragraph_spans),
        sentences=_spans(sentences(clean, paragraph_spans)),
        removed=removed,
        normalizer_version=NORMALIZER_VERSION,
    )


@cache
def _span_list() -> TypeAdapter[list[Span]]:
    return TypeAdapter(list[Span])


def _spans(spans: list[tuple[int, int]]) -> list[Span]:
    return _span_list().validate_python([{"start": start, "end": end} for start, end in spans])


def language_gate(clean: str, min_arabic_ratio: float) -> Rejection | None:
    """Reject text whose letters are less than `min_arabic_ratio` Arabic script (or that has no letters)."""
    other = len(_OTHER_LETTER.findall(_NEVER_OTHER_LETTER_RUN.sub("", clean)))
    if other == 0 and _ARABIC_RUN.search(clean) is not None:
        return None  # only Arabic letters: the ratio is 1 (the common case, without counting them)
    arabic = sum(map(len, _ARABIC_RUN.findall(clean)))
    letters = arabic + other
    if letters == 0 or arabic / letters < min_arabic_ratio:
        return Rejection(
            DeadLetterReason.NOT_ARABIC,
            f"{arabic} of {letters} letters are Arabic script, below the {min_arabic_ratio:.0%} threshold",
        )
    return None


def _removed_blocks(raw: str, runs: Sequence[Run], lines: list[Line]) -> list[RemovedBlock]:
    """Removed lines as blocks of raw text: consecutive lines removed for one reason form one block."""
    groups: list[tuple[RemovedKind, int, int]] = []
    previous: RemovedKind | None = None
    for line in lines:
        if line.kind is not None:
            start, end = span_to_raw(runs, line.start, line.end)
            if line.kind == previous:
                start = groups.pop()[1]
            groups.append((line.kind, start, end))
        previous = line.kind
    return [RemovedBlock(kind=kind, text=raw[start:end], raw_start=start, raw_end=end) for kind, start, end in groups]


def _cut_lines(clean: str, runs: Sequence[Run], lines: list[Line]) -> tuple[str, Sequence[Run]]:
    """Delete removed lines (with one adjacent newline) so the clean text stays normalised."""
    edits: list[Edit] = []
    i = 0
    while i < len(lines):
        if lines[i].kind is None:
            i += 1
            continue
        first = i
        while i < len(lines) and lines[i].kind is not None:
            i += 1
        start, end = lines[first].start, lines[i - 1].end
        if start > 0 and clean[start - 1] != "\n":  # the tail of a line (an inline end marker): keep its head
            edits.append((start, end, ""))
        elif end < len(clean):
            edits.append((start, end + 1, ""))
        else:
            edits.append((max(start - 1, 0), end, ""))
    if not edits:
        return clean, runs
    new_clean, cut_runs = apply_edits(clean, edits)
    return new_clean, compose(cut_runs, runs) if cut_runs else []
