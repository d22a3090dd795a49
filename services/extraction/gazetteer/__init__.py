"""Gazetteer of states, nisbas, capitals, IGOs and office holders with terms (2015 to today).

Pure: reads only its own package data (`data/*.tsv`) with importlib.resources, on the first call of
`load_gazetteer()` (never at import). See `gazetteer.Gazetteer` for the lookups and data/README.md for
the files. Typical use by the extractor::

    gz = load_gazetteer()
    state = gz.state_by_nisba(key_of("الإيراني"))                      # -> State IRN
    gz.holders_by_title("IRN", key_of("الرئيس"), date(2022, 6, 29))    # -> [Raisi]
    gz.holders("RUS", Role.HEAD_OF_STATE, date(2022, 6, 29))         # "نظيره الروسي" -> [Putin]
    gz.match_at([match_key(t) for t in TOKEN.findall(text)], i)      # longest key at token i
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from types import MappingProxyType

from schemas.event import Role
from services.extraction.gazetteer.gazetteer import Gazetteer
from services.extraction.gazetteer.index import (
    TOKEN,
    Indexes,
    add_holders,
    add_igos,
    add_offices,
    add_states,
    key_of,
    second_words,
)
from services.extraction.gazetteer.models import Hit, Igo, Office, OfficeHolder, State, StateMatch
from services.extraction.gazetteer.morphology import proclitic_candidates
from services.extraction.gazetteer.tables import (
    DATA_PACKAGE,
    read_holders,
    read_igos,
    read_offices,
    read_rows,
    read_states,
)

__all__ = [
    "TOKEN",
    "Gazetteer",
    "Hit",
    "Igo",
    "Office",
    "OfficeHolder",
    "State",
    "StateMatch",
    "holder_files",
    "key_of",
    "load_gazetteer",
    "proclitic_candidates",
]


def holder_files() -> list[str]:
    """The office-holder tables: every `holders_*.tsv` in the data package, sorted."""
    names = [p.name for p in files(DATA_PACKAGE).iterdir()]
    return sorted(n for n in names if n.startswith("holders_") and n.endswith(".tsv"))


def _ambiguous(ix: Indexes) -> dict[str, str]:
    notes = {key_of(r["key"]): r["reason"] for _, r in read_rows("ambiguous.tsv")}
    for key, states in ix.capitals.items():
        named = ix.names.get(key)
        for state in states:
            if named is not None and named.iso3 != state.iso3:
                notes.setdefault(key, f"state {named.iso3}, also capital of {state.iso3}")
    for key, holders in ix.persons.items():
        place = ix.names.get(key) or ix.nisbas.get(key)
        if place is not None:
            notes.setdefault(key, f"person {holders[0].name_en}, also a name or nisba of {place.iso3}")
        if len({h.name_en for h in holders}) > 1:
            notes.setdefault(key, "names several people: " + ", ".join(sorted({h.name_en for h in holders})))
    return notes


def _kinds(ix: Indexes) -> dict[str, frozenset[str]]:
    tables: dict[str, object] = {
        "state": ix.names,
        "capital": ix.capitals,
        "nisba": ix.nisbas,
        "capital_nisba": ix.capital_nisbas,
        "igo": ix.igos,
        "person": ix.persons,
        "title": ix.titles,
    }
    kinds: dict[str, set[str]] = {}
    for kind, table in tables.items():
        assert isinstance(table, dict)
        for key in table:
            kinds.setdefault(key, set()).add(kind)
    return {key: frozenset(v) for key, v in kinds.items()}


def _key_lengths(kinds: dict[str, frozenset[str]]) -> dict[str, tuple[int, ...]]:
    """First word of every key -> the word counts of the keys starting with it, longest first (the only
    n-grams worth trying there)."""
    lengths: dict[str, set[int]] = {}
    for key in kinds:
        words = key.split(" ")
        lengths.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()}


def _sole_states(titles: dict[str, list[Office]], holders: list[OfficeHolder]) -> dict[str, str]:
    """Title key -> the one state whose head of state it names ("البابا" -> VAT, "رئيس مجلس السيادة" -> SDN):
    a head-of-state title no other state's holder carries needs no nisba. Lesser offices are left out:
    the gazetteer lists their holders for a few states only, so one holder proves nothing."""
    codes: dict[str, set[str]] = {}
    for h in holders:
        codes.setdefault(h.office, set()).add(h.code)
    out: dict[str, str] = {}
    for key, offices in titles.items():
        if any(o.role != Role.HEAD_OF_STATE for o in offices):
            continue
        held = set().union(*(codes.get(o.office, set()) for o in offices))
        if len(held) == 1:
            out[key] = next(iter(held))
    return out


@cache
def load_gazetteer() -> Gazetteer:
    """Read all data files and build the lookups (once per process; the result is shared)."""
    ix = Indexes()
    states = read_states()
    igos = read_igos()
    offices = read_offices()
    holders = [h for name in holder_files() for h in read_holders(name)]
    add_states(ix, states)
    add_igos(ix, igos)
    add_holders(ix, holders)
    add_offices(ix, offices)
    by_code: dict[str, list[OfficeHolder]] = {}
    for holder in holders:
        by_code.setdefault(holder.code, []).append(holder)
    kinds = _kinds(ix)
    return Gazetteer(
        states=tuple(states),
        igo_list=tuple(igos),
        offices=tuple(offices),
        office_holders=tuple(holders),
        names=MappingProxyType(ix.names),
        capitals=MappingProxyType({k: tuple(v) for k, v in ix.capitals.items()}),
        nisbas=MappingProxyType(ix.nisbas),
        capital_nisbas=MappingProxyType(ix.capital_nisbas),
        igos=MappingProxyType(ix.igos),
        persons=MappingProxyType({k: tuple(v) for k, v in ix.persons.items()}),
        titles=MappingProxyType({k: tuple(v) for k, v in ix.titles.items()}),
        by_iso3=MappingProxyType({s.iso3: s for s in states}),
        by_code=MappingProxyType({k: tuple(v) for k, v in by_code.items()}),
        ambiguous=MappingProxyType(_ambiguous(ix)),
        kinds=kinds,
        key_lengths=_key_lengths(kinds),
        second_words=second_words(key.split(" ") for key in kinds),
        max_key_words=max((len(k.split()) for k in kinds), default=1),
        sole_states=MappingProxyType(_sole_states(ix.titles, holders)),
        seats=MappingProxyType({i.code: i.seat for i in igos if i.seat}),
        actor_countries=MappingProxyType({i.code: i.actor_country for i in igos}),
    )
