"""Related-story lists: the headlines a page prints under a "read also" heading, and lines that are only a
headline with a date or time stamp (`... - 15 يناير 2025`, `... | 12:30`, `... (منذ 3 ساعات)`).

A link item is a line of at most `ITEM_MAX_CHARS` characters that opens with a bullet or a list number, or
is short (at most `ITEM_MAX_WORDS` words) and does not end a sentence. A real
paragraph ends with . ! ? ؟ or … and stops the list. A stamp must follow a separator (- | • ·) or stand in
brackets, so a sentence that merely ends with a date (`... يوم 15 يناير 2025`) is no stamp.
"""

from __future__ import annotations

import re
from functools import cache

from services.arabic.chrome import BULLETS
from services.arabic.dateline import MONTHS
from services.arabic.lines import word_count

RELATED_MAX_ITEMS = 15  # link items cut under one heading
ITEM_MAX_WORDS = 25
ITEM_MAX_CHARS = 250
STAMP_MIN_WORDS = 4  # words of the headline before a stamp
STAMP_TAIL_CHARS = 48  # a stamp and its separator fit in the last characters of a line
BODY_MIN_WORDS = 6  # the story has started once a line of this many words ends a sentence
SENTENCE_END = ".!?\u061f\u2026"  # . ! ? ؟ …
_LIST_NUMBER = re.compile(r"\d{1,2} ?[-.)] ")
AGO_UNITS = ("دقيقه", "دقيقتين", "دقاءق", "ساعه", "ساعتين", "ساعات", "يوم", "يومين", "ايام", "اسبوع", "اسابيع")


@cache
def _stamp_regex() -> re.Pattern[str]:
    """A separator or an opening bracket, then a date, a time, both, or `منذ 3 ساعات`, ending the match key."""
    months = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
    numeric = r"\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}"
    date = rf"{numeric}|\d{{1,2}} (?:{months})(?: \d{{4}})?"
    time = r"\d{1,2}:\d{2}(?: ?(?:ص|م|am|pm))?"
    ago = rf"منذ (?:\d+ )?(?:{'|'.join(AGO_UNITS)})"
    stamp = rf"(?:{date})(?: ?[-|,،]? ?(?:{time}))?|{time}|{ago}"
    return re.compile(rf"(?: ?[\-|\u2022\u00b7] ?| ?\()(?:{stamp})\)?$", re.IGNORECASE)


def stamp_start(key: str) -> int | None:
    """Where a date or time stamp closing the match-key line `key` starts (at its separator), or None."""
    tail = max(len(key) - STAMP_TAIL_CHARS, 0)
    last = key[-1:]
    if not (last.isdigit() or last in ")\u0635\u0645" or key[-2:].lower() in ("am", "pm") or "منذ" in key[tail:]):
        return None  # every stamp ends with a digit, a bracket, ص/م or am/pm, or is `منذ ...`: most lines stop here
    m = _stamp_regex().search(key, tail)
    return m.start() if m else None


def stamped_headline(text: str, key: str) -> bool:
    """A headline of at least `STAMP_MIN_WORDS` words that does not end a sentence, then a stamp, and nothing
    else (`وزير الخارجية يستقبل نظيره الأردني - 15 يناير 2025`)."""
    if len(text) > ITEM_MAX_CHARS:
        return False
    start = stamp_start(key)
    if start is None:
        return False
    head = key[:start].rstrip()
    return bool(head) and head[-1] not in SENTENCE_END and STAMP_MIN_WORDS <= word_count(head) <= ITEM_MAX_WORDS


def link_item(text: str) -> bool:
    """Whether a clean line reads as one link of a related list."""
    if not text or len(text) > ITEM_MAX_CHARS:
        return False
    if text[0] in BULLETS.replace("\\", "") or _LIST_NUMBER.match(text):
        return True
    return text[-1] not in SENTENCE_END and word_count(text) <= ITEM_MAX_WORDS


def ends_a_sentence(text: str) -> bool:
    """A body paragraph: a final . ! ? ؟ or … and at least `BODY_MIN_WORDS` words."""
    return bool(text) and text[-1] in SENTENCE_END and word_count(text) >= BODY_MIN_WORDS
