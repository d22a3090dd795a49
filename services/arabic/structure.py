"""Article structure on the lines of a clean text: chrome, related blocks, dateline, title, byline.

Rules, in order (docs/normalization.md has the reasons):
1. An end marker (/انتهى/) ends the story: it and every later line are chrome.
2. A bare related heading (اقرأ أيضاً, شاهد أيضاً ...) cuts itself and the rest of the text when at most
   `RELATED_TAIL_LINES` lines (`RELATED_TAIL_CHARS` characters) follow, else itself and the next line.
3. Other lines matching a chrome rule (chrome.py) go alone.
4. In the first `HEAD_LINES` kept lines, a line that is only a date is the dateline (cut); failing that,
   the first line starting with a place and a date (`أبوظبي في 14 فبراير 2024 / وام /`) gives the date
   and stays (it names the place and the agency).
5. Title: a line of the head repeated verbatim a little later (pages print the headline twice); the short
   unpunctuated lines before it are section headers and the repeat is dropped. Otherwise the first head
   line that looks like a headline: 4 to `TITLE_MAX_WORDS` words, no final punctuation, no place-and-date
   or agency tag; place/agency lines (`بغداد - واع`) and kickers (`على هامش قمة بريكس؛`) are skipped,
   any other line stops the search.
6. Byline: a last line of at most six words, no digits and no final punctuation, after a line that ends a
   sentence, that has no Arabic letters, or a `/` (`أحمد دريملي / الأناضول`, `م ع ن / ع ج`), or starts
   with `--` or بقلم/كتب/إعداد/تحرير/ترجمة/مراسل.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from schemas.normalized import RemovedKind
from services.arabic import charsets as cs
from services.arabic.chrome import classify_line
from services.arabic.dateline import looks_like_dateline, parse_dateline, parse_head_date
from services.arabic.fold import match_lines

RELATED_TAIL_LINES = 3
RELATED_TAIL_CHARS = 400
HEAD_LINES = 10
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 250
DATELINE_MAX_CHARS = 80
_FINAL_PUNCT = ".!?\u061f\u2026:\u061b\u060c,;"  # . ! ? ؟ … : ؛ ، , ;
_SENTENCE_END = ".!?\u061f\u2026\"'\u00bb)"
_HEADER_PUNCT = re.compile("[.!?\u061f:\u061b\u060c,;\"]")
_ARABIC = re.compile(f"[{cs.ARABIC_LETTERS}]")
_DIGIT = re.compile(r"\d")
_BYLINE_MARKERS = ("بقلم", "كتب", "اعداد", "تحرير", "ترجمه", "مراسل")
# An agency tag closing a dateline: `/ وام /`, `(ومع)`, `/أ ش أ/`.
_AGENCY_TAG = re.compile(r"[/(][^/()]{1,20}[/)]$")
TITLE_MIN_WORDS = 4
KICKER_MAX_WORDS = 8
BYLINE_MAX_WORDS = 6


@dataclass
class Line:
    start: int
    end: int
    text: str
    key: str  # the line's match key (rules and dates are written in match-key form)
    kind: RemovedKind | None = None  # why the line is removed; None keeps it


@dataclass
class Structure:
    lines: list[Line]
    title: str | None = None
    dateline: datetime | None = None
    kept: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    if not text:
        return []
    lines, start = [], 0
    for part, key in zip(text.split("\n"), match_lines(text), strict=True):
        lines.append(Line(start, start + len(part), part, key))
        start += len(part) + 1
    return lines


def analyse(text: str) -> Structure:
    lines = split_lines(text)
    _mark_chrome(lines)
    kept = [line for line in lines if line.kind is None]
    structure = Structure(lines)
    _mark_dateline(kept, structure)
    kept = [line for line in kept if line.kind is None]
    _mark_title(kept, structure)
    kept = [line for line in kept if line.kind is None]
    _mark_byline(kept)
    structure.kept = [line for line in kept if line.kind is None]
    return structure


def _mark_chrome(lines: list[Line]) -> None:
    i = 0
    while i < len(lines):
        rule = classify_line(lines[i].key)
        if rule == "end_marker":
            for line in lines[i:]:
                line.kind = _removed_kind(classify_line(line.key))
            return
        if rule == "related_heading":
            tail = lines[i + 1 :]
            if len(tail) <= RELATED_TAIL_LINES and sum(len(line.text) for line in tail) <= RELATED_TAIL_CHARS:
                for line in lines[i:]:
                    line.kind = "related"
                return
            lines[i].kind = lines[i + 1].kind = "related"
            i += 2
            continue
        lines[i].kind = _removed_kind(rule) if rule else None
        i += 1


_RULE_KIND: dict[str | None, RemovedKind] = {
    "related_heading": "related",
    "related": "related",
    "comments": "comments",
    "captcha": "captcha",
}


def _removed_kind(rule: str | None) -> RemovedKind:
    return _RULE_KIND.get(rule, "chrome")


def _mark_dateline(kept: list[Line], structure: Structure) -> None:
    keys = [_head_key(line) for line in kept[:HEAD_LINES]]
    for line, key in zip(kept, keys, strict=False):
        found = parse_dateline(key) if len(key) <= DATELINE_MAX_CHARS else None
        if found is not None:
            line.kind = "dateline"
            structure.dateline = found
            return
    structure.dateline = next((d for d in map(parse_head_date, keys) if d is not None), None)


def _head_key(line: Line) -> str:
    """Match key of the start of a head line that holds a digit (dates need one), else ''."""
    head = line.key[: DATELINE_MAX_CHARS + 40]
    return head if _DIGIT.search(head) else ""


def _mark_title(kept: list[Line], structure: Structure) -> None:
    head = kept[:HEAD_LINES]
    for i, line in enumerate(head[:6]):
        repeat = next((later for later in head[i + 1 :] if later.text == line.text), None)
        if repeat is not None and _headline(line):
            structure.title = line.text
            repeat.kind = "duplicate"
            for earlier in head[:i]:
                if len(earlier.text.split(" ")) <= 4 and not _HEADER_PUNCT.search(earlier.text):
                    earlier.kind = "header"
            return
    for line in head[:4]:
        if _dateline_like(line) or _kicker(line.text):
            continue
        if _headline(line):
            structure.title = line.text
            return
        if _words(line.text) >= TITLE_MIN_WORDS:
            return


def _kicker(text: str) -> bool:
    """A short lead-in above a headline, ending with a colon or semicolon (على هامش قمة بريكس؛)."""
    return text[-1] in ":\u061b;" and _words(text) <= KICKER_MAX_WORDS


def _words(text: str) -> int:
    return sum(1 for word in text.split(" ") if any(c.isalnum() for c in word))


def _dateline_like(line: Line) -> bool:
    if _AGENCY_TAG.search(line.text):
        return True
    key = _head_key(line)
    return bool(key) and looks_like_dateline(key)


def _headline(line: Line) -> bool:
    text = line.text
    return (
        len(text) <= TITLE_MAX_CHARS
        and TITLE_MIN_WORDS <= _words(text) <= TITLE_MAX_WORDS
        and text[-1] not in _FINAL_PUNCT
        and _ARABIC.search(text) is not None
        and not _dateline_like(line)
    )


def _mark_byline(kept: list[Line]) -> None:
    if len(kept) < 2:
        return
    last, before = kept[-1], kept[-2]
    words = last.text.split(" ")
    marked = (
        _ARABIC.search(last.text) is None
        or "/" in last.text
        or last.text.startswith("--")
        or last.key.split(" ")[0].rstrip(":") in _BYLINE_MARKERS
    )
    if (
        marked
        and len(words) <= BYLINE_MAX_WORDS
        and _DIGIT.search(last.text) is None
        and last.text[-1] not in _FINAL_PUNCT
        and before.text[-1] in _SENTENCE_END
    ):
        last.kind = "byline"
