"""The CAMEO code table (data/cameo_codes.tsv): name, root, QuadClass and Goldstein value per code."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from schemas.event import Cameo
from services.extraction.lexicon import data_lines


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float


def quad_class_of_root(root: str) -> int:
    """GDELT's rule: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal, 14-20 material conflict."""
    r = int(root)
    if not 1 <= r <= 20:
        raise ValueError(f"CAMEO root out of range: {root!r}")
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@functools.cache
def cameo_table() -> dict[str, CameoCode]:
    table: dict[str, CameoCode] = {}
    for cols in data_lines("cameo_codes.tsv"):
        if cols[0] == "code":
            continue
        code, name, root, quad, goldstein = cols
        table[code] = CameoCode(code, name, root, int(quad), float(goldstein))
    return table


@functools.cache
def cameo(code: str) -> Cameo:
    """The contract's Cameo block for a code (built once: the model is frozen); KeyError on a code
    missing from the table."""
    entry = cameo_table()[code]
    return Cameo(
        code=entry.code, root=entry.root, quad_class=entry.quad_class, goldstein=entry.goldstein, name=entry.name
    )
