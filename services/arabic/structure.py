"""Article structure on the lines of a clean text: chrome, related blocks, dateline, title, byline.

Rules, in order (docs/normalization.md has the reasons):
1. An end marker (/انتهى/) ends the story: it and every later line are chrome.
2. A bare related heading (اقرأ أيضاً, شاهد أيضاً ...) cuts itself and the rest of the text when at most
   `RELATED_TAIL_LINES` lines (`RELATED_TAIL_CHARS` characters) follow, else itself and the next line.
3. Other lines matching a chrome rule (chrome.py) go alone.
4. In the first `HEAD_LINES` kept lines, a line that is only a date is the dateline.
5. Title: a line of the head repeated verbatim a little later (pages print the headline twice); the short
   unpunctuated lines before it are section headers and the repeat is dropped. Otherwise the first line
   when it looks like a headline (at most `TITLE_MAX_WORDS` words, no final punctuation).
6. Byline: a last line of at most four words, no digits and no final punctuation, after a line that ends a
   sentence, written without Arabic letters or starting with بقلم/كتب/إعداد/تحرير/ترجمة/مراسل.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from schemas.normalized import RemovedKind
from services.arabic import charsets as cs
from services.arabic.chrome import classify_line
from services.arabic.dateline import parse_dateline
from services.arabic.fold import match_key

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
_BYLINE_MARKERS = ("بقلم", "كتب", "اعداد", "تحرير", "ترجمه", "مراسل")


@dataclass
class Line:
    start: int
    end: int
    text: str
    kind: RemovedKind | None = None  # why the line is removed; None keeps it


@dataclass
class Structure:
    lines: list[Line]
    title: str | None = None
    dateline: datetime | None = None
    kept: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    lines, start = [], 0
    for part in text.split("\n"):
        lines.append(Line(start, start + len(part), part))
        start += len(part) + 1
    return lines if text else []


def analyse(text: str) -> Structure:
    lines = split_lines(text)
    _mark_chrome(text, lines)
    kept = [line for line in lines if line.kind is None]
    structure = Structure(lines)
    _mark_dateline(kept, structure)
    kept = [line for line in kept if line.kind is None]
    _mark_title(kept, structure)
    kept = [line for line in kept if line.kind is None]
    _mark_byline(kept)
    structure.kept = [line for line in kept if line.kind is None]
    return structure


def _mark_chrome(text: str, lines: list[Line]) -> None:
    i = 0
    while i < len(lines):
        rule = classify_line(text, lines[i].start, lines[i].end)
        if rule == "end_marker":
            for line in lines[i:]:
                line.kind = _removed_kind(classify_line(text, line.start, line.end))
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
    for line in kept[:HEAD_LINES]:
        if len(line.text) <= DATELINE_MAX_CHARS and any(c.isdigit() for c in line.text):
            found = parse_dateline(match_key(line.text))
            if found is not None:
                line.kind = "dateline"
                structure.dateline = found
                return


def _mark_title(kept: list[Line], structure: Structure) -> None:
    head = kept[:HEAD_LINES]
    for i, line in enumerate(head[:6]):
        repeat = next((later for later in head[i + 1 :] if later.text == line.text), None)
        if repeat is not None and len(line.text.split(" ")) >= 2 and _headline(line.text):
            structure.title = line.text
            repeat.kind = "duplicate"
            for earlier in head[:i]:
                if len(earlier.text.split(" ")) <= 4 and not _HEADER_PUNCT.search(earlier.text):
                    earlier.kind = "header"
            return
    if head and _headline(head[0].text):
        structure.title = head[0].text


def _headline(text: str) -> bool:
    return (
        len(text) <= TITLE_MAX_CHARS
        and len(text.split(" ")) <= TITLE_MAX_WORDS
        and text[-1] not in _FINAL_PUNCT
        and _ARABIC.search(text) is not None
    )


def _mark_byline(kept: list[Line]) -> None:
    if len(kept) < 2:
        return
    last, before = kept[-1], kept[-2]
    words = last.text.split(" ")
    if (
        len(words) <= 4
        and not any(c.isdigit() for c in last.text)
        and last.text[-1] not in _FINAL_PUNCT
        and before.text[-1] in _SENTENCE_END
        and (_ARABIC.search(last.text) is None or match_key(words[0]).rstrip(":") in _BYLINE_MARKERS)
    ):
        last.kind = "byline"
