"""Placeholder match-key fold (pipeline issue); issue 3 replaces it. Contract: `match_key(str) -> str`."""

from __future__ import annotations

import re

_DIACRITICS = re.compile(r"[\u064B-\u0652\u0670\u0640]")
_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})


def match_key(text: str) -> str:
    return _DIACRITICS.sub("", text).translate(_TABLE)
