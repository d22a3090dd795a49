"""Paragraphs (the lines of a clean text) and Arabic sentence segmentation.

A sentence ends at a run of `.` `!` `?` `؟` `…` (with any closing quotes or brackets after it) that is
followed by a space or the end of the paragraph. So `3.5%`, `1.200` and `U.S.A` never split (no space
after the dot), `13 / 3` has no terminator, and a dot after a known abbreviation (د. م. هـ. Dr. ...), after
a single letter or closing an initialism with inner dots (U.S. ق.م.) does not end the sentence.
"""

from __future__ import annotations

import re

from services.arabic import charsets as cs

# Sentence terminators: full stop, exclamation mark, question mark, Arabic question mark, ellipsis.
TERMINATORS = "\u002e\u0021\u003f\u061f\u2026"
# Closing punctuation that stays with the sentence before it: quotes, guillemet, parenthesis, bracket.
CLOSERS = "\u0022\u0027\u00bb\u0029\u005d"
# A run of terminators with its closers. The pattern always matches a whole run (nothing can fail after
# it, so no backtracking, and its leading class lets sre scan fast); whether a space or the paragraph end
# follows is checked in Python.
_END = re.compile(f"[{re.escape(TERMINATORS)}]+[{re.escape(CLOSERS)}]*")
# Longer abbreviations (lower case). Arabic ones are single letters (د. دكتور, م. ميلادي,
# هـ. هجري, ص. صفحة) or dotted initialisms (ق.م. أ.د. ص.ب.), which the rules cover without a list.
_MARKS = re.compile(f"[{cs.DIACRITICS}{cs.TATWEEL}]")
ABBREVIATION_MAX_CHARS = 5  # longer words (even with marks) are never abbreviations: skip the fold
ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "st", "no", "inc", "ltd", "co", "vs", "etc", "jr", "sr", "gen", "col"}
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty lines of a clean text (a clean text has no blank lines)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        if line:
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def sentences(text: str, paragraph_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans inside each paragraph span; never empty, never starting or ending with a space."""
    spans: list[tuple[int, int]] = []
    for start, end in paragraph_spans:
        begin = start
        for m in _END.finditer(text, start, end):
            stop = m.end()
            if stop < end and text[stop] != " ":
                continue  # 3.5%, U.S.A, a quote opening the next word
            if m.group() == "." and _is_abbreviation(text, begin, m.start()):
                continue
            _add(text, spans, begin, stop)
            begin = stop
        _add(text, spans, begin, end)
    return spans


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    word_start = text.rfind(" ", begin, dot) + 1 or begin
    word = text[max(word_start, begin) : dot]
    if "." in word:
        return True
    if len(word) > ABBREVIATION_MAX_CHARS:
        return False
    key = _MARKS.sub("", word).lower()
    return len(key) == 1 or key in ABBREVIATIONS


def _add(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    if start < end:
        spans.append((start, end))
