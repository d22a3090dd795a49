"""Build the gazetteer's lookup tables from the records: every surface form folded by `match_key`."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from services.arabic import match_key
from services.extraction.gazetteer.models import Igo, Office, OfficeHolder, State
from services.extraction.gazetteer.morphology import (
    feminine_definite,
    nisba_forms,
    without_article,
)

CAPITAL_WORDS = ("العاصمة",)  # "العاصمة التركمانية" -> Ashgabat
TOKEN = re.compile(r"\w+")


def key_of(text: str) -> str:
    """The lookup key of a surface form: `match_key`-folded, then its word runs (`\\w+`: letters,
    digits) joined by single spaces, so "بان كي-مون" and "أوبك+" key as "بان كي مون" and "اوبك"."""
    return " ".join(TOKEN.findall(match_key(text)))


@dataclass
class Indexes:
    """Mutable while building; the Gazetteer freezes them into read-only mappings."""

    names: dict[str, State] = field(default_factory=dict)
    capitals: dict[str, list[State]] = field(default_factory=lambda: defaultdict(list))
    nisbas: dict[str, State] = field(default_factory=dict)
    capital_nisbas: dict[str, State] = field(default_factory=dict)
    igos: dict[str, Igo] = field(default_factory=dict)
    persons: dict[str, list[OfficeHolder]] = field(default_factory=lambda: defaultdict(list))
    titles: dict[str, list[Office]] = field(default_factory=lambda: defaultdict(list))
    conflicts: list[str] = field(default_factory=list)


def second_words(keys: Iterable[Sequence[str]]) -> dict[str, frozenset[str]]:
    """First word of every key of two words or more -> the second words of those keys: a lookup tries a key
    of two words or more at a word only when the next word is one of them (most often it is none)."""
    seconds: dict[str, set[str]] = {}
    for words in keys:
        if len(words) > 1:
            seconds.setdefault(words[0], set()).add(words[1])
    return {first: frozenset(ws) for first, ws in seconds.items()}


def _claim(table: dict[str, State], key: str, state: State, what: str, conflicts: list[str]) -> None:
    held = table.get(key)
    if held is None:
        table[key] = state
    elif held.iso3 != state.iso3:
        conflicts.append(f"{what} {key!r}: {held.iso3} and {state.iso3}")


def state_name_forms(state: State) -> list[str]:
    forms = [state.name_ar, *state.variants_ar]
    bare = [b for b in (without_article(f) for f in forms) if b]
    return forms + bare


# the formal words official copy puts before a short name: "مملكة الدنمارك"، "سلطنة عمان"، "جمهورية كوبا"
FORMAL_PREFIXES = ("مملكة", "جمهورية", "سلطنة", "إمارة")  # "دولة X" is listed where it is used


def formal_name_forms(state: State) -> list[str]:
    """'مملكة الدنمارك': a short name after a formal word; never overrides a form listed for a state
    ('جمهورية الصين' is Taiwan's listed name, not China's)."""
    names = [state.name_ar, *(v for v in state.variants_ar if " " not in v)]
    return [f"{p} {n}" for p in FORMAL_PREFIXES for n in names]


def nisba_surface_forms(state: State) -> list[str]:
    forms: list[str] = []
    for base in state.nisba_ar:
        forms.extend(nisba_forms(base))
    forms.extend(state.nisba_irregular_ar)
    return forms


def add_states(ix: Indexes, states: list[State]) -> None:
    for state in states:
        for form in state_name_forms(state):
            _claim(ix.names, key_of(form), state, "state name", ix.conflicts)
    for state in states:
        for form in formal_name_forms(state):
            ix.names.setdefault(key_of(form), state)
    for state in states:
        for form in state.metonyms_ar:
            key = key_of(form)
            if state not in ix.capitals[key]:
                ix.capitals[key].append(state)
        for form in nisba_surface_forms(state):
            _claim(ix.nisbas, key_of(form), state, "nisba", ix.conflicts)
        for base in state.nisba_ar:
            for word in CAPITAL_WORDS:
                _claim(ix.capital_nisbas, key_of(f"{word} {feminine_definite(base)}"), state, "capital", [])


def add_igos(ix: Indexes, igos: list[Igo]) -> None:
    """Names are also indexed without their article ("منظمة الأمم المتحدة" / "الأمم المتحدة" aside), except a
    one-word alias: its article is what makes it a name ("الجامعة" is the Arab League, "جامعة" any university;
    "الأوروبية" the EU's, "دولة أوروبية" any European state)."""
    for igo in igos:
        forms = [igo.name_ar, *igo.variants_ar]
        bare = [b for b in (without_article(f) for f in forms if " " in f.strip()) if b]
        for form in forms + bare:
            key = key_of(form)
            held = ix.igos.get(key)
            if held is not None and held.code != igo.code:
                ix.conflicts.append(f"igo {key!r}: {held.code} and {igo.code}")
            ix.igos.setdefault(key, igo)


_ABD_SPLIT = re.compile(r"\bعبد(?=ال)")  # folded "عبدالله" -> "عبد الله"
_ABD_JOIN = re.compile(r"\bعبد (?=ال)")  # folded "عبد الله" -> "عبدالله"


def spacing_variants(key: str) -> tuple[str, ...]:
    """A name key and its spelling with 'عبد' compounds written joined or apart (عبدالله / عبد الله)."""
    return tuple(dict.fromkeys((key, _ABD_SPLIT.sub("عبد ", key), _ABD_JOIN.sub("عبد", key))))


def add_holders(ix: Indexes, holders: list[OfficeHolder]) -> None:
    for holder in holders:
        for form in (holder.name_ar, *holder.variants_ar):
            for key in spacing_variants(key_of(form)):
                bucket = ix.persons[key]
                if holder not in bucket:
                    bucket.append(holder)


def add_offices(ix: Indexes, offices: list[Office]) -> None:
    for office in offices:
        for title in office.titles_ar:
            ix.titles[key_of(title)].append(office)
