"""The frozen Gazetteer: typed lookups over states, nisbas, capitals, IGOs, offices and office holders.

Every lookup takes a *key*: `key_of(text)`, i.e. the text folded by `services.arabic.match_key` (the
same fold the data went through at load time) with its word runs joined by single spaces; for a
single word without punctuation that is just `match_key(word)`. Lookups are exact on the key.
Proclitics (و ف ب ل ك لل) are NOT stripped by the typed lookups: use `match_at`, which tries
`proclitic_candidates` on the first token, or strip them yourself. The article ال is handled by
the data: names are indexed with and without it, nisbas in definite and indefinite forms.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from schemas.event import Role
from services.extraction.gazetteer.models import Hit, Igo, Office, OfficeHolder, State, StateMatch
from services.extraction.gazetteer.morphology import proclitic_candidates
from services.extraction.memo import remember


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Built once by `load_gazetteer()`; all mappings are keyed by match key and read-only (proxies, but for the
    two per-token lookups `kinds` and `key_lengths`)."""

    states: tuple[State, ...]
    igo_list: tuple[Igo, ...]
    offices: tuple[Office, ...]
    office_holders: tuple[OfficeHolder, ...]
    names: Mapping[str, State]
    capitals: Mapping[str, tuple[State, ...]]
    nisbas: Mapping[str, State]
    capital_nisbas: Mapping[str, State]
    igos: Mapping[str, Igo]
    persons: Mapping[str, tuple[OfficeHolder, ...]]
    titles: Mapping[str, tuple[Office, ...]]
    by_iso3: Mapping[str, State]
    by_code: Mapping[str, tuple[OfficeHolder, ...]]
    ambiguous: Mapping[str, str]
    # plain dicts, read-only by convention: `match_at` looks both up at every scanned token, where a
    # mappingproxy costs two method dispatches per lookup
    kinds: dict[str, frozenset[str]]
    key_lengths: dict[str, tuple[int, ...]]
    second_words: dict[str, frozenset[str]]  # first word of the keys of 2+ words -> their second words
    max_key_words: int
    sole_states: Mapping[str, str]  # title key -> the only state with that office ("البابا" -> VAT)
    seats: Mapping[str, str]  # IGO code -> ISO3 of its headquarters' state (ARL -> EGY)
    actor_countries: Mapping[str, str | None]  # IGO code -> an event actor's `country` (UNSC -> UNO, G20 -> None)
    # memo for `match_at`: token -> its proclitic readings that begin some key, with those keys' word counts
    _openings: dict[str, tuple[tuple[str, str, tuple[int, ...]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    # --- states -------------------------------------------------------------------------------
    def state(self, iso3: str) -> State | None:
        return self.by_iso3.get(iso3)

    def state_by_name(self, key: str) -> StateMatch | None:
        """A state by its name or variant ("إيران", "روسيا الاتحادية", "عراق") or capital metonym."""
        named = self.names.get(key)
        via_capital = self.capitals.get(key, ())
        if named is not None:
            others = tuple(s for s in via_capital if s.iso3 != named.iso3)
            return StateMatch(named, also_capital=named in via_capital, others=others)
        if via_capital:
            return StateMatch(via_capital[0], via_capital=True, others=via_capital[1:])
        return None

    def state_by_nisba(self, key: str) -> State | None:
        """A state by any form of its nisba: "الإيراني", "إيرانية", "الروسيان", "الأتراك"."""
        return self.nisbas.get(key)

    def capital_by_nisba(self, key: str) -> State | None:
        """The state whose capital "العاصمة <feminine nisba>" names; read `.capital_en`/`.capital_ar`."""
        return self.capital_nisbas.get(key)

    # --- organisations ------------------------------------------------------------------------
    def igo_by_name(self, key: str) -> Igo | None:
        return self.igos.get(key)

    # --- offices and people -------------------------------------------------------------------
    def offices_by_title(self, key: str) -> tuple[Office, ...]:
        """Offices a title names: "الرئيس" -> president; "رئيس الوزراء" -> prime_minister."""
        return self.titles.get(key, ())

    def holders(self, code: str, role: Role, on: date, office: str | None = None) -> list[OfficeHolder]:
        """Who held an office with `role` for state/IGO `code` on day `on`.

        Several offices can carry one role (Iran's president and supreme leader are both heads of
        state): pass `office` ("president") to choose, or see `holders_by_title`. Results are ordered
        by office as listed in offices.tsv (president before supreme_leader, the recognised
        prime_minister before a rival_prime_minister), then newest term first (a handover day).
        """
        found = [
            h
            for h in self.by_code.get(code, ())
            if role in h.roles and h.in_office(on) and (office is None or h.office == office)
        ]
        return self._ordered(found)

    def is_kingdom(self, code: str) -> bool:
        """Has the state had a king (its own copy calls it "المملكة")?"""
        return any(h.office == "king" for h in self.by_code.get(code, ()))

    def holders_by_title(self, code: str, title_key: str, on: date) -> list[OfficeHolder]:
        """Holders of the office(s) a title names: ("IRN", "الرئيس", 2022-06-29) -> [Raisi]."""
        wanted = {o.office for o in self.offices_by_title(title_key)}
        found = [h for h in self.by_code.get(code, ()) if h.office in wanted and h.in_office(on)]
        return self._ordered(found)

    def _ordered(self, holders: list[OfficeHolder]) -> list[OfficeHolder]:
        rank = {o.office: i for i, o in enumerate(self.offices)}
        return sorted(holders, key=lambda h: (rank.get(h.office, len(rank)), -h.term_start.toordinal()))

    def persons_by_name(self, key: str, on: date | None = None) -> list[OfficeHolder]:
        """All terms of office of people with this surface name or short form, optionally on a day.

        "رئيسي" resolves to Ebrahim Raisi here even though it is also the adjective "main"
        (الشارع الرئيسي، بشكل رئيسي): the extractor must decide from context; `ambiguity(key)` says
        which keys need that care.
        """
        found = self.persons.get(key, ())
        return [h for h in found if on is None or h.in_office(on)]

    def ambiguity(self, key: str) -> str | None:
        """Why a key is risky ("also the adjective 'main'"), or None."""
        return self.ambiguous.get(key)

    # --- longest match ------------------------------------------------------------------------
    def name_keys(self) -> frozenset[str]:
        """Every key of every lookup (single- and multi-word, space-separated, already folded).

        Guaranteed: each key equals `key_of(key)` (folded by `match_key`, word runs `\\w+` joined by
        one space) and has at most `max_key_words` words; a key is in this set iff some typed lookup
        knows it and `match_at` can return it. Tokenise text with `TOKEN` (`\\w+`) and fold each
        token with `match_key` to scan it.
        """
        return frozenset(self.kinds)

    def match_at(self, tokens: Sequence[str], start: int) -> Hit | None:
        """The longest key spelled by folded `tokens[start:]`, trying proclitic readings of the first.

        Tokens must be `TOKEN` matches folded by `match_key` (no spaces or punctuation). Longer
        matches win; for one length the least-stripped reading wins.
        """
        if start >= len(tokens):
            return None
        best: Hit | None = None
        room = len(tokens) - start
        after = tokens[start + 1] if room > 1 else ""
        for stem, clitic, lengths in self._openings_of(tokens[start]):
            shorter = 0 if best is None else best.end - start  # a reading must beat the best so far
            # no key of two words or more when the next word is no second word of one (most often): then
            # no key is joined and looked up for those lengths
            longer = room > 1 and after in self.second_words.get(stem, _NO_WORDS)
            for n in lengths:
                if n > room or (n > 1 and not longer):
                    continue
                if n <= shorter:
                    break
                key = stem if n == 1 else " ".join((stem, *tokens[start + 1 : start + n]))
                kinds = self.kinds.get(key)
                if kinds:
                    best = Hit(start, start + n, key, clitic, kinds)
                    break
        return best

    def _openings_of(self, token: str) -> tuple[tuple[str, str, tuple[int, ...]], ...]:
        """(stem, clitic, key word counts) of each proclitic reading of `token` that begins some key, in
        `proclitic_candidates` order; memoised (tokens repeat across and within articles, and most begin none)."""
        found = self._openings.get(token)
        if found is None:
            lengths = self.key_lengths
            found = tuple((s, c, lengths[s]) for s, c in proclitic_candidates(token) if s in lengths)
            remember(self._openings, token, found, _OPENINGS_MAX)
        return found


_OPENINGS_MAX = 1 << 16
_NO_WORDS: frozenset[str] = frozenset()
