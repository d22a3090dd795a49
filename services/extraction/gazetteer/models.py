"""The gazetteer's record types: small frozen dataclasses, one per data file, plus lookup results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from schemas.event import Role


@dataclass(frozen=True, slots=True)
class State:
    """A state (UN member, or Palestine, Kosovo, Taiwan, Vatican) from `data/states.tsv`."""

    iso3: str
    iso2: str
    name_en: str
    name_ar: str
    qid: str | None
    capital_en: str
    capital_ar: str
    variants_ar: tuple[str, ...] = ()
    capital_variants_ar: tuple[str, ...] = ()
    metonyms_ar: tuple[str, ...] = ()
    nisba_ar: tuple[str, ...] = ()
    nisba_irregular_ar: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, init=False)
class StateMatch:
    """Result of `Gazetteer.state_by_name`.

    `via_capital` is True when the key is a capital or seat-of-government metonym ("طهران", "الكرملين")
    rather than the state's own name; a capital after "في" is a place, in subject position it may stand
    for the government: the extractor decides. `also_capital` is True when a state name is also the
    name of its capital (الكويت، الجزائر، تونس، جيبوتي). `others` lists further states the same key can
    mean (e.g. "عمان" is Oman by name and Amman, Jordan, by capital once diacritics are folded away).
    """

    state: State
    via_capital: bool
    also_capital: bool
    others: tuple[State, ...]

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        state: State,
        via_capital: bool = False,
        also_capital: bool = False,
        others: tuple[State, ...] = (),
    ) -> None:
        object.__setattr__(self, "state", state)
        object.__setattr__(self, "via_capital", via_capital)
        object.__setattr__(self, "also_capital", also_capital)
        object.__setattr__(self, "others", others)


@dataclass(frozen=True, slots=True)
class Igo:
    """An intergovernmental organisation or forum from `data/igos.tsv`.

    `code` is a CAMEO-style IGO code where one exists (UNO, ARL, GCC ...), else a short upper-case code;
    `parent` is the code of the organisation an organ belongs to (UNSC -> UNO); `seat` the ISO3 of the
    state of its headquarters (ARL -> EGY), if it has one. `actor_country` is what an event actor of this
    organisation carries as its `country`: its own code, the parent's for an organ (UNSC -> UNO), None for a
    grouping or gathering that is no organisation (G20, BRICS, the Caspian summit).
    """

    code: str
    name_en: str
    name_ar: str
    qid: str | None
    variants_ar: tuple[str, ...] = ()
    parent: str | None = None
    seat: str | None = None
    actor_country: str | None = None


@dataclass(frozen=True, slots=True)
class Office:
    """A kind of office (president, king, prime_minister ...) from `data/offices.tsv`."""

    office: str
    role: Role
    titles_ar: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OfficeHolder:
    """One term of one person in one office, from `data/holders.tsv`.

    `code` is the state's ISO3 or an IGO code. `roles` lists every `schemas.event.Role` the office
    carries (a US president is head of state and head of government); `role` is the first of them.
    Terms are inclusive on both ends; `term_end` is None while the holder is in office. On a handover
    day the outgoing and the incoming holder may both be returned. `acting` marks interim holders.
    """

    code: str
    office: str
    roles: tuple[Role, ...]
    title_ar: str
    name_en: str
    name_ar: str
    qid: str | None
    term_start: date
    term_end: date | None = None
    variants_ar: tuple[str, ...] = ()
    acting: bool = False
    note: str = ""

    @property
    def role(self) -> Role:
        return self.roles[0]

    def in_office(self, on: date) -> bool:
        return self.term_start <= on and (self.term_end is None or on <= self.term_end)


@dataclass(frozen=True, slots=True, init=False)
class Hit:
    """A gazetteer key found in a token sequence by `Gazetteer.match_at`.

    Tokens `start` .. `end` (exclusive) spell `key` once the proclitic `clitic` (e.g. "و", "ب", "لل")
    is removed from the first token. `kinds` names the lookups that know the key: "state", "capital",
    "nisba", "capital_nisba", "igo", "person", "title". Call the typed lookup with `key` for the records.
    Built on every scanned position, where `__init__` costs count: its `__init__` is written out so that
    mypyc compiles it (the dataclass-generated one runs interpreted).
    """

    start: int
    end: int
    key: str
    clitic: str
    kinds: frozenset[str]

    def __init__(self, start: int, end: int, key: str, clitic: str, kinds: frozenset[str]) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "clitic", clitic)
        object.__setattr__(self, "kinds", kinds)
