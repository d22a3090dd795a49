"""Arabic presentation forms (U+FB50-FDFF, U+FE70-FEFE) -> base letters.

PDF extraction and legacy encodings emit contextual glyphs (ﻻ ﺑ ﻪ ...) instead of letters. Each folds to its
Unicode compatibility decomposition (NFKC of the single code point): ﻻ -> لا, ﺑ -> ب, ﷲ -> الله. The isolated
diacritic forms (U+FE70-FE7F, U+FC5E-FC63) decompose to a space plus the mark; the space is dropped so a
mark never turns into a word break. The table is derived from the Unicode Character Database on first use
(about 750 code points), not at import time.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_BLOCKS = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFE))
LONGEST_FOLD = 18  # code points of the longest fold (U+FDFA ﷺ), so no text grows more than 18 times


@cache
def presentation_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for first, last in _BLOCKS:
        for code in range(first, last + 1):
            char = chr(code)
            folded = unicodedata.normalize("NFKC", char)
            if folded == char:
                continue
            if folded.startswith(" ") and all(unicodedata.combining(c) for c in folded[1:]):
                folded = folded[1:]
            table[char] = folded
    return table


@cache
def expanding_forms() -> tuple[re.Pattern[str], dict[str, int]]:
    """The presentation forms that fold to more than one code point and how many code points each adds
    (ﻻ -> لا adds 1, ﷺ U+FDFA adds 17), so a size gate can bound the clean view before building it."""
    growth = {char: len(folded) - 1 for char, folded in presentation_table().items() if len(folded) > 1}
    return re.compile("[" + "".join(sorted(growth)) + "]"), growth
