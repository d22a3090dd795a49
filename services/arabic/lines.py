"""A line of a clean text as the structure rules see it, and the tests they share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas.normalized import RemovedKind
from services.arabic import charsets as cs

HEAD_LINES = 10  # datelines and titles are looked for in the first kept lines only
DATELINE_MAX_CHARS = 80
HEAD_KEY_CHARS = DATELINE_MAX_CHARS + 40  # how much of a line's key the date rules read
ARABIC = re.compile(f"[{cs.ARABIC_LETTERS}]")
DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_][^ ]*")  # from a word's first letter or digit to its end


@dataclass
class Line:
    start: int  # offsets in the clean text
    end: int
    text: str
    key: str  # the line's match key (rules and dates are written in match-key form)
    kind: RemovedKind | None = None  # why the line is removed; None keeps it


def head_key(line: Line) -> str:
    """Match key of the start of a line when it holds a digit (every date needs one), else ''."""
    head = line.key[:HEAD_KEY_CHARS]
    return head if DIGIT.search(head) else ""


def last_char(text: str) -> str:
    """The last character, or '' for an empty line (possible when the `spaces` fold is off)."""
    return text[-1:] or "\n"


def word_count(text: str) -> int:
    """Space-separated words holding a letter or digit (`[^\\W_]` is exactly `str.isalnum`): one C-level scan."""
    return len(_WORD.findall(text))
