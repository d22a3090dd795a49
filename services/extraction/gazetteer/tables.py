"""Read the gazetteer's TSV files (package data, UTF-8, tab-separated, header row) into records.

Multi-valued cells are separated by "|". Lines starting with "#" are comments. Malformed rows raise
ValueError naming the file and line: a broken data file must fail the tests, not load half a table.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from importlib.resources import files

from schemas.event import Role
from services.extraction.gazetteer.models import Igo, Office, OfficeHolder, State

DATA_PACKAGE = "services.extraction.gazetteer.data"


def read_rows(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) for each data row of the TSV file `name` in the data package."""
    text = files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ValueError(f"{name}:{number}: wrong number of columns")
        yield number, {k: v.strip() for k, v in row.items()}


def split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _qid(cell: str) -> str | None:
    return cell or None


def _date(cell: str, where: str) -> date:
    try:
        return date.fromisoformat(cell)
    except ValueError as error:
        raise ValueError(f"{where}: bad date {cell!r}") from error


def _roles(cell: str, where: str) -> tuple[Role, ...]:
    try:
        roles = tuple(Role(part) for part in split(cell))
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from error
    if not roles:
        raise ValueError(f"{where}: no role")
    return roles


def read_states() -> list[State]:
    states = []
    for _, r in read_rows("states.tsv"):
        metonyms = split(r["metonyms_ar"]) or (r["capital_ar"], *split(r["capital_variants_ar"]))
        states.append(
            State(
                iso3=r["iso3"],
                iso2=r["iso2"],
                name_en=r["name_en"],
                name_ar=r["name_ar"],
                qid=_qid(r["qid"]),
                capital_en=r["capital_en"],
                capital_ar=r["capital_ar"],
                variants_ar=split(r["variants_ar"]),
                capital_variants_ar=split(r["capital_variants_ar"]),
                metonyms_ar=() if metonyms == ("-",) else metonyms,
                nisba_ar=split(r["nisba_ar"]),
                nisba_irregular_ar=split(r["nisba_irregular_ar"]),
            )
        )
    return states


def read_igos() -> list[Igo]:
    return [
        Igo(
            code=r["code"],
            name_en=r["name_en"],
            name_ar=r["name_ar"],
            qid=_qid(r["qid"]),
            variants_ar=split(r["variants_ar"]),
            parent=r["parent"] or None,
            seat=r["seat"] or None,
            actor_country=r["actor_country"] or None,
        )
        for _, r in read_rows("igos.tsv")
    ]


def read_offices() -> list[Office]:
    offices = []
    for number, r in read_rows("offices.tsv"):
        roles = _roles(r["role"], f"offices.tsv:{number}")
        offices.append(Office(office=r["office"], role=roles[0], titles_ar=split(r["titles_ar"])))
    return offices


def read_holders(name: str) -> list[OfficeHolder]:
    holders = []
    for number, r in read_rows(name):
        where = f"{name}:{number}"
        holders.append(
            OfficeHolder(
                code=r["code"],
                office=r["office"],
                roles=_roles(r["roles"], where),
                title_ar=r["title_ar"],
                name_en=r["name_en"],
                name_ar=r["name_ar"],
                qid=_qid(r["qid"]),
                term_start=_date(r["term_start"], where),
                term_end=_date(r["term_end"], where) if r["term_end"] else None,
                variants_ar=split(r["variants_ar"]),
                acting=r["acting"] == "yes",
                note=r["note"],
            )
        )
    return holders
