"""The two ends of an article: its title at the top, its byline at the bottom (see structure.py, rules 5-6)."""

from __future__ import annotations

import re

from services.arabic.dateline import SPACED_DASH, looks_like_dateline, metadata_date
from services.arabic.lines import ARABIC, DIGIT, HEAD_LINES, Line, head_key, last_char, word_count

TITLE_MIN_WORDS = 4
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 250
KICKER_MAX_WORDS = 8
HEADER_MAX_WORDS = 4
BYLINE_MAX_WORDS = 6
MASTHEAD_MAX_WORDS = 5
STAMP_PART_WORDS = 3
_FINAL_PUNCT = ".!?\u061f\u2026:\u061b\u060c,;\n"  # . ! ? ؟ … : ؛ ، , ; (and an empty line)
_KICKER_END = ":\u061b;"  # : ؛ ;
_SENTENCE_END = ".!?\u061f\u2026\"'\u00bb)"  # . ! ? ؟ … and closing quotes or parenthesis
_HEADER_PUNCT = re.compile('[.!?\u061f:\u061b\u060c,;"]')
_BYLINE_MARKERS = ("بقلم", "كتب", "اعداد", "تحرير", "ترجمه", "مراسل")  # match-key form
_AGENCY_TAG = re.compile(r"[/(][^/()]{1,20}[/)]$")  # `/ وام /`, `(ومع)`, `/أ ش أ/` closing a dateline


def mark_title(kept: list[Line]) -> str | None:
    """The title among the head lines; marks a repeated headline's copy and the section headers above it."""
    head = kept[:HEAD_LINES]
    for i, line in enumerate(head[:6]):
        repeat = next((later for later in head[i + 1 :] if later.text == line.text), None)
        if repeat is not None and _headline(line):
            repeat.kind = "duplicate"
            for earlier in head[:i]:
                if word_count(earlier.text) <= HEADER_MAX_WORDS and not _HEADER_PUNCT.search(earlier.text):
                    earlier.kind = "header"
            return line.text
    for line in head[:4]:
        if _dateline_like(line) or _kicker(line.text) or _masthead_or_byline(line):
            continue
        if _headline(line):
            return line.text
        if word_count(line.text[:TITLE_MAX_CHARS]) >= TITLE_MIN_WORDS:  # a body paragraph: no title
            return None
    return None


def mark_byline(kept: list[Line]) -> None:
    """Mark the last line as the byline when it is one."""
    if len(kept) < 2:
        return
    last, before = kept[-1], kept[-2]
    marked = (
        ARABIC.search(last.text) is None
        or "/" in last.text
        or last.text.startswith("--")
        or last.key.split(" ")[0].rstrip(":") in _BYLINE_MARKERS
    )
    if (
        marked
        and len(last.text.split(" ")) <= BYLINE_MAX_WORDS
        and DIGIT.search(last.text) is None
        and last_char(last.text) not in _FINAL_PUNCT
        and last_char(before.text) in _SENTENCE_END
    ):
        last.kind = "byline"


def _kicker(text: str) -> bool:
    """A short lead-in above a headline, ending with a colon or semicolon (على هامش قمة بريكس؛)."""
    return last_char(text) in _KICKER_END and word_count(text) <= KICKER_MAX_WORDS


def _masthead_or_byline(line: Line) -> bool:
    """A short head line naming the writer (`كتب: محمد علي`, `بقلم ...`), a news agency (`وكالة ... للأنباء`,
    also with its acronym after a dash: `وكالة الأنباء ... - وفا`) or an outlet and a place around a dash."""
    if _stamp(line.text):
        return True
    words = line.key.split(" ")
    if len(words) > BYLINE_MAX_WORDS + 1:
        return False
    if words[0].rstrip(":") in _BYLINE_MARKERS:
        return len(words) <= BYLINE_MAX_WORDS
    name = SPACED_DASH.split(line.key, maxsplit=1)[0].split(" ")
    return name[0] == "وكاله" and len(name) <= MASTHEAD_MAX_WORDS and any(word.endswith("انباء") for word in name)


def _stamp(text: str) -> bool:
    """An outlet and a place joined by a dash (`سكاي نيوز عربية - أبوظبي`, `أديس أبابا - العين الإخبارية`):
    two parts of at most `STAMP_PART_WORDS` words. A headline with a dash is longer on one side at least
    (`مباحثات سعودية - تركية في أنقرة لتوسيع الشراكة`)."""
    parts = SPACED_DASH.split(text)
    return len(parts) == 2 and all(1 <= word_count(part) <= STAMP_PART_WORDS for part in parts)


def _dateline_like(line: Line) -> bool:
    if _AGENCY_TAG.search(line.text):
        return True
    key = head_key(line)
    return bool(key) and (looks_like_dateline(key) or ("|" in key and metadata_date(key) is not None))


def _headline(line: Line) -> bool:
    text = line.text
    return (
        len(text) <= TITLE_MAX_CHARS
        and TITLE_MIN_WORDS <= word_count(text) <= TITLE_MAX_WORDS
        and last_char(text) not in _FINAL_PUNCT
        and ARABIC.search(text) is not None
        and not _dateline_like(line)
    )
