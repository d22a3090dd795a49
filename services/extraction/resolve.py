"""Article-level actor resolution: ambiguous surnames, titles, counterparts and pairs.

The cast is the people the article names. A title with a nisba ("الرئيس الروسي") or a counterpart
("نظيره الروسي") becomes the named person of that country and role when the article names one;
otherwise the holder of the office on the article date; otherwise it stays a country-level actor
(role known, no name): never a guess across terms of office.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence

from schemas.event import Role
from services.extraction.codes import ROLE_AMBASSADOR, ROLE_ENVOY, ROLE_FOREIGN_MINISTER, ROLE_MINISTER, ROLE_STATE
from services.extraction.gazetteer import Gazetteer
from services.extraction.lexicon import fold_words
from services.extraction.mentions import ActorRef, Mention, person_ref

PERSON_KINDS = frozenset({"person", "title", "counterpart"})


class Cast:
    def __init__(
        self, gaz: Gazetteer, on: dt.date | None, sentences: Sequence[Sequence[Mention]], home: str | None = None
    ) -> None:
        self.gaz = gaz
        self.on = on
        self.home = home  # the dateline's country: where an unqualified "الخارجية" or "الرئاسة" belongs
        self.counts: Counter[str] = Counter()
        self.first: dict[str, int] = {}
        self.people: dict[str, ActorRef] = {}
        self.title_countries: set[str] = set()
        self.state_counts: Counter[str] = Counter()
        self.state_first: dict[str, int] = {}
        self.states: dict[str, ActorRef] = {}
        self._persons_of: dict[tuple[str | None, Role | None, str | None], ActorRef | None] = {}
        self._persons_by_office: dict[tuple[str, ...], ActorRef | None] = {}
        self._pairs: dict[tuple[str | None, str | None], list[ActorRef]] = {}  # main_pair's people
        self.council: ActorRef | None = None  # the first organisation named as a council (مجلس التعاون، مجلس الأمن)
        order = 0
        for mentions in sentences:
            for m in mentions:
                order += 1
                if m.kind == "person" and m.actor is not None and not m.ambiguous:
                    self._count(m.actor, order)
                elif m.kind == "title" and m.actor is not None and m.actor.country:
                    self.title_countries.add(m.actor.country)
                elif m.kind == "igo" and m.actor is not None and self.council is None:
                    self.council = m.actor if (m.actor.name_ar or "").startswith("مجلس") else None
                elif m.kind in ("state", "side") and m.actor is not None and m.actor.country and m.prep != "في":
                    self.state_counts[m.actor.country] += 1
                    self.state_first.setdefault(m.actor.country, order)
                    self.states.setdefault(m.actor.country, m.actor)
        for mentions in sentences:  # ambiguous surnames count once the article anchors them
            for m in mentions:
                if m.kind == "person" and m.ambiguous and m.actor is not None and self.confirms(m.actor):
                    self._count(m.actor, order)

    def _count(self, actor: ActorRef, order: int) -> None:
        self.counts[actor.ident] += 1
        self.first.setdefault(actor.ident, order)
        self.people.setdefault(actor.ident, actor)

    def confirms(self, actor: ActorRef) -> bool:
        """An ambiguous surname is a name if the article names that person unambiguously or titles them."""
        if actor.ident in self.people:
            return True
        if actor.country in self.title_countries and self.on is not None and actor.role is not None:
            return any(h.qid == actor.wikidata for h in self.gaz.holders(actor.country, actor.role, self.on))
        return actor.country in self.title_countries and self.on is None

    def person_of(self, country: str | None, role: Role | None, office: str | None = None) -> ActorRef | None:
        """The most-mentioned named person of this country (and role, when given); the cast is fixed
        once built, so each question is answered once per article."""
        key = (country, role, office)
        if key not in self._persons_of:
            self._persons_of[key] = self._person_of(country, role, office)
        return self._persons_of[key]

    def _person_of(self, country: str | None, role: Role | None, office: str | None) -> ActorRef | None:
        if country is None:
            return None
        named = [a for a in self.people.values() if a.country == country]
        if role is not None:
            same = [a for a in named if a.role == role or (office is not None and a.office == office)]
            named = same or [a for a in named if a.role in (None, role)]
        if not named:
            return None
        return self._most_mentioned(named)

    def _most_mentioned(self, named: Sequence[ActorRef]) -> ActorRef:
        """The one the article mentions most; on a tie, the one it names first."""
        return max(named, key=lambda a: (self.counts[a.ident], -self.first[a.ident]))

    def minister_of(self, country: str | None) -> ActorRef | None:
        """'الوزير الإندونيسي' (rule 36): the minister of this state the article names, its foreign minister
        first; None when it names none."""
        for role in (ROLE_FOREIGN_MINISTER, ROLE_MINISTER):
            named = [a for a in self.people.values() if a.country == country and a.role == role]
            if named:
                return self._most_mentioned(named)
        return None

    def person_by_surname(self, surname: str, country: str | None) -> ActorRef | None:
        """A named person of the article whose name contains this word: "الرئيس عون" -> Joseph Aoun."""
        for a in sorted(self.people.values(), key=lambda a: -self.counts[a.ident]):
            if (country is None or a.country == country) and surname in fold_words(a.name_ar or ""):
                return a
        return None

    def _offices_of(self, a: ActorRef) -> set[str]:
        """Every office the gazetteer gives this person (MBS: crown prince and prime minister)."""
        found = {a.office} if a.office else set()
        for key in (fold_words(a.name_ar or "") and [" ".join(fold_words(a.name_ar or ""))]) or []:
            found |= {h.office for h in self.gaz.persons_by_name(key, self.on)}
        return found

    def person_by_office(self, offices: tuple[str, ...]) -> ActorRef | None:
        """The most-mentioned named person holding one of these offices ("جلالة الملك", "سموه")."""
        if offices not in self._persons_by_office:
            self._persons_by_office[offices] = self._person_by_office(offices)
        return self._persons_by_office[offices]

    def _person_by_office(self, offices: tuple[str, ...]) -> ActorRef | None:
        named = [a for a in self.people.values() if self._offices_of(a) & set(offices)]
        if not named:
            return None
        return self._most_mentioned(named)

    def _ranked_pair(self, office: str | None, speaker: str | None) -> list[ActorRef]:
        """`main_pair`'s two people in article order ([] without two), ranked once per office and speaker (the
        cast does not change once built)."""
        weight: dict[str | None, int] = defaultdict(int)  # the parties are the two countries named most
        for a in self.people.values():
            weight[a.country] += self.counts[a.ident]
        top = sorted((c for c in weight if c != speaker), key=lambda c: -weight[c])[:2]
        ranked = sorted(  # "الرئيسان": of each of the two, the one holding the office if any
            self.people.values(),
            key=lambda a: (
                a.country not in top,
                office is not None and a.office != office,
                -self.counts[a.ident],
                self.first[a.ident],
            ),
        )
        first = ranked[0] if ranked else None
        second = next((a for a in ranked if first is not None and a.country != first.country), None)
        if first is None or second is None:
            return []
        return sorted((first, second), key=lambda a: self.first[a.ident])

    def _state_pair(self, speaker: str | None = None) -> tuple[ActorRef, ActorRef] | None:
        """Without two named people, the two states the article names most ("الجانبان" = الكويت، العراق), never
        the one whose voice reports the pair's act ("وأضافت الخارجية القطرية أن الطرفين اتفقا")."""
        ranked = [c for c, _n in self.state_counts.most_common(3) if c != speaker][:2]
        if len(ranked) < 2:
            return None
        ranked.sort(key=lambda c: self.state_first[c])  # in the order the article names them
        out = []
        for code in ranked:
            s = self.gaz.state(code)
            if s is None:
                return None
            out.append(ActorRef(s.name_ar, s.name_en, s.qid, s.iso3, ROLE_STATE))
        return out[0], out[1]

    def holder(self, country: str, role: Role | None, office: str | None, title_key: str | None) -> ActorRef | None:
        if self.on is None:
            return None
        found = []
        if title_key is not None:
            found = self.gaz.holders_by_title(country, title_key, self.on)
        if not found and role is not None:
            found = self.gaz.holders(country, role, self.on, office)
        return person_ref(found[0]) if found else None

    def resolve(self, m: Mention, antecedent: ActorRef | None = None) -> ActorRef | None:
        a = m.actor
        if m.kind == "person":
            if a is None or (m.ambiguous and not self.confirms(a)):
                return None
            return a
        if m.kind == "envoy_of" and a is not None:  # "سفير خادم الحرمين": the envoy of that office's state
            sender = self.person_by_office((a.office,)) if a.office else None
            return ActorRef(None, None, None, sender.country, ROLE_AMBASSADOR) if sender else None
        if m.kind == "title" and a is not None and a.role in (ROLE_AMBASSADOR, ROLE_ENVOY):
            if a.name_en is None and a.country:  # "المبعوث الأممي"، "السفير الفرنسي": the one the article names
                return self.person_of(a.country, a.role) or a
            return a
        if m.kind == "pronoun" and m.title_key:
            return self.person_by_office(tuple(m.title_key.split(",")))
        if m.kind == "title" and m.surname and a is not None:
            named = self.person_by_surname(m.surname, a.country)
            if named is not None:
                return named
        if m.kind == "title" and a is not None and not a.country and a.office:
            return self.person_by_office((a.office,))
        if m.kind in ("title", "counterpart") and a is not None and a.country:
            role, office = a.role, a.office
            if m.kind == "counterpart" and antecedent is not None:
                role, office = antecedent.role, antecedent.office
            found = self.person_of(a.country, role, office) or self.holder(a.country, role, office, m.title_key)
            if found is not None:
                return found
            return ActorRef(None, None, None, a.country, role, office)
        if m.kind == "institution" and m.title_key == "council" and self.council is not None:
            return self.council  # "المجلس" after "مجلس التعاون لدول الخليج العربية": that council (rule 32)
        if m.kind == "institution" and self.home is not None:
            if m.title_key == "kingdom" and not self.gaz.is_kingdom(self.home):
                return None  # "المملكة" in a republic's copy is not its own state
            a = ActorRef(None, None, None, self.home, ROLE_STATE)
        if m.kind == "side" and m.title_key == "minister" and a is not None:
            named = self.minister_of(a.country)
            if named is not None:
                return named
        if m.kind in ("state", "side", "igo", "capital", "nisba", "institution") and a is not None:
            if a.name_en is None and a.country:
                state = self.gaz.state(a.country)
                if state is not None:
                    return ActorRef(state.name_ar, state.name_en, state.qid, state.iso3, ROLE_STATE)
            return a
        return None

    def state_ref(self, a: ActorRef) -> ActorRef:
        """The state of an actor (the actor itself when it is one or the gazetteer lacks the state)."""
        s = self.gaz.state(a.country or "")
        if a.role == ROLE_STATE or s is None:
            return a
        return ActorRef(s.name_ar, s.name_en, s.qid, s.iso3, ROLE_STATE)

    def main_pair(self, kind: str | None = None, speaker: str | None = None) -> tuple[ActorRef, ActorRef] | None:
        """The two most-mentioned named people of different countries (their states for 'states').

        `kind` is the pair mention's kind: 'persons', 'states', or 'persons:<office>' for a dual title
        (الرئيسان: people holding the office 'president' are preferred). `speaker`: the country of the one who
        reports the pair's act ("وأوضح الرئيس التركي أن البلدين وقعا"), who is not one of the two.
        """
        states = (kind or "").startswith("states")
        office = (kind or "").partition(":")[2] or None
        pair = self._pairs.get((office, speaker))
        if pair is None:
            pair = self._pairs[(office, speaker)] = self._ranked_pair(office, speaker)
        if not pair:
            return self._state_pair(speaker)
        if states:
            out = []
            for a in pair:
                s = self.gaz.state(a.country or "")
                if s is None:
                    return None
                out.append(ActorRef(s.name_ar, s.name_en, s.qid, s.iso3, ROLE_STATE))
            return out[0], out[1]
        return pair[0], pair[1]
