"""Runs of a code-point class in a text, found on its UTF-16 code units without a regex match per run.

A fully vocalised text has a diacritic after nearly every letter: finding the thousands of mark runs one
`re.Match` at a time costs more than everything else the match view does. Here the text is encoded once
to UTF-16, `bytes.translate` flags each code unit's low and high byte against 256-entry tables, the flags
are combined as big integers (one byte per code point), and `itertools.compress` lists the offsets where
the class starts or stops. All of it runs at C speed. Texts with code points outside the BMP (two code
units each) are left to the regex (`None`).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import compress

_BMP = 0x10000


@cache
def _unit_tables(chars: str) -> tuple[tuple[bytes, bytes], ...]:
    """For the regex class body `chars` (BMP code points only): per high byte, a table flagging that high
    byte and a table flagging the low bytes of the class's code points under it. Built on first use."""
    every = "".join(map(chr, range(_BMP)))
    lows: dict[int, bytearray] = {}
    for char in re.findall(f"[{chars}]", every):
        code = ord(char)
        lows.setdefault(code >> 8, bytearray(256))[code & 0xFF] = 1
    tables = []
    for high, low in sorted(lows.items()):
        high_table = bytearray(256)
        high_table[high] = 1
        tables.append((bytes(high_table), bytes(low)))
    return tuple(tables)


def run_bounds(text: str, chars: str) -> list[int] | None:
    """`[start, end, start, end, ...]` of the maximal runs of the class `chars` in `text`, or None when the
    text holds a code point outside the BMP (the caller falls back to a regex)."""
    units = text.encode("utf-16-le", "surrogatepass")
    if len(units) != 2 * len(text):
        return None  # a code point past the BMP takes two code units
    low, high = units[0::2], units[1::2]
    mask = 0
    for high_table, low_table in _unit_tables(chars):
        in_block = int.from_bytes(high.translate(high_table), "little")
        mask |= in_block & int.from_bytes(low.translate(low_table), "little")
    if not mask:
        return []
    # Byte i of `edges` is 1 where code point i is in the class and i - 1 is not, or the reverse: the
    # starts and the (exclusive) ends of the runs, in order.
    edges = mask ^ (mask << 8)
    return list(compress(range(len(text) + 1), edges.to_bytes(len(text) + 1, "little")))
