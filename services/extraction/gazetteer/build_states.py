"""Refresh the CLDR-derived columns of `data/states.tsv` (run by hand; the output is committed).

    .venv/bin/python -m services.extraction.gazetteer.build_states

Everything in states.tsv is hand-edited except `name_ar_cldr`, which this script rewrites from babel's
CLDR Arabic territory names. `name_ar` (the official short Arabic name the loader uses) is filled from
CLDR only where it is empty, so a hand-written override (e.g. فلسطين instead of CLDR's
"الأراضي الفلسطينية") survives a refresh. Not imported by the loader: babel is a build-time tool here.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from babel import Locale

DATA = Path(__file__).parent / "data" / "states.tsv"


def refresh(path: Path = DATA) -> int:
    """Rewrite `path` with fresh CLDR columns; return the number of rows."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    if "name_ar_cldr" not in fields:
        fields.insert(fields.index("name_ar") + 1, "name_ar_cldr")
    arabic = Locale("ar").territories
    english = Locale("en").territories
    for row in rows:
        iso2 = row["iso2"]
        cldr = str(arabic.get(iso2, ""))
        row["name_ar_cldr"] = cldr
        if not row.get("name_ar"):
            row["name_ar"] = cldr
        if not row.get("name_en"):
            row["name_en"] = str(english.get(iso2, ""))
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    sys.stdout.write(f"{refresh()} rows written to {DATA}\n")
