"""The per-sentence view of an article: folded words, actor mentions, explicit places, and the
sentence's actors resolved into slots for the argument frames."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from services.extraction.codes import ROLE_ORGANIZATION, ROLE_STATE
from services.extraction.context import agency_spans
from services.extraction.gazetteer import Gazetteer
from services.extraction.locate import PlaceHit, find_places
from services.extraction.mentions import PUNCT, ActorRef, Mention, scan_sentence
from services.extraction.resolve import Cast
from services.extraction.slots import Slot
from services.extraction.text import Doc
from services.extraction.wordfacts import WordFacts, facts_table, word_facts


@dataclass(frozen=True, slots=True, init=False)
class SentenceView:
    words: tuple[str, ...]  # folded; punctuation as PUNCT
    mentions: tuple[Mention, ...]
    places: tuple[PlaceHit, ...]  # explicit places
    clues: tuple[int, ...]  # the positions where a trigger may start
    dates: tuple[int, ...]  # the positions where a date may start

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        words: tuple[str, ...],
        mentions: tuple[Mention, ...],
        places: tuple[PlaceHit, ...],
        clues: tuple[int, ...],
        dates: tuple[int, ...],
    ) -> None:
        object.__setattr__(self, "words", words)
        object.__setattr__(self, "mentions", mentions)
        object.__setattr__(self, "places", places)
        object.__setattr__(self, "clues", clues)
        object.__setattr__(self, "dates", dates)


def sentence_views(doc: Doc, gaz: Gazetteer, on: dt.date | None) -> list[SentenceView]:
    views = []
    every: list[WordFacts] = []  # one lookup per token: the facts every scan below asks of its word
    table = facts_table(gaz)
    for t in doc.tokens:
        facts = table.get(t.key)
        every.append(facts if facts is not None else word_facts(gaz, t.key))
    for s in doc.sentences:
        sentence = every[s.first : s.last]
        words = tuple([f.view for f in sentence])
        masked = agency_spans(words, [i for i, f in enumerate(sentence) if f.phrase])
        starts = [i for i, f in enumerate(sentence) if f.mention]
        mentions = [
            m for m in scan_sentence(gaz, words, on, starts) if not any(a < m.end and m.start < b for a, b in masked)
        ]
        places = tuple(find_places(gaz, words, [i for i, f in enumerate(sentence) if f.place]))
        clues = tuple([i for i, f in enumerate(sentence) if f.clue])
        dates = tuple([i for i, f in enumerate(sentence) if f.date])
        views.append(SentenceView(words, tuple(mentions), places, clues, dates))
    return views


def sentence_slots(
    doc: Doc, view: SentenceView, sent: int, cast: Cast, carried: ActorRef | None, *, surfaces: bool = True
) -> list[Slot]:
    """The sentence's actors in order; `surfaces=False` leaves their texts empty (only who is needed)."""
    first = doc.sentences[sent].first
    out: list[Slot] = []
    antecedent = carried
    for m in view.mentions:
        if m.kind == "place":
            continue  # a place, not a party
        if m.kind == "pair":
            speaker = _reporter(out, view.words, m.start)
            pair = _named_before(out, cast, m.pair_kind) or cast.main_pair(m.pair_kind, speaker)
            if pair is not None:
                text = doc.span_surface(first + m.start, first + m.end) if surfaces else ""
                out.append(Slot(m, pair[0], text))
                out.append(Slot(_as_conj(m), pair[1], text))
            continue
        actor = cast.resolve(m, antecedent)
        if actor is None or actor.country is None:
            continue
        if out and m.kind == "title" and _apposition(out[-1], m, actor, view.words):
            # apposition: "محمد بن زايد رئيس الدولة"، "محمد بن زايد آل نهيان، رئيس الدولة،"; the name's phrase
            # runs to the title's end, so a list goes on after it ("عراقجي وزير خارجية إيران، وأيمن الصفدي")
            out[-1] = dataclasses.replace(out[-1], mention=dataclasses.replace(out[-1].mention, end=m.end))
            continue
        out.append(Slot(m, actor, doc.span_surface(first + m.start, first + m.end) if surfaces else ""))
        if actor.role not in (ROLE_STATE, ROLE_ORGANIZATION):
            antecedent = actor
    return out


_THAT = frozenset({"ان"})  # folded أن / إن: a reported clause


def _reporter(before: list[Slot], words: Sequence[str], start: int) -> str | None:
    """The country of the only party named before a complementiser that opens the pair's clause."""
    that = next((k for k in range(start - 1, -1, -1) if words[k] in _THAT), None)
    if that is None or any(that < s.mention.start for s in before):
        return None
    countries = {s.actor.country for s in before}
    return next(iter(countries)) if len(countries) == 1 else None


def _named_before(before: list[Slot], cast: Cast, kind: str | None) -> tuple[ActorRef, ActorRef] | None:
    """'وكان ستارمر قد زار أنقرة، ووقّع البلدان خلال زيارته اتفاقاً': a pair noun after the two parties of an act
    its sentence reports is those two (their states for 'states'), not the article's main pair."""
    firsts: dict[str | None, ActorRef] = {}
    for s in before:
        if s.actor.role != ROLE_ORGANIZATION:
            firsts.setdefault(s.actor.country, s.actor)
    if len(firsts) != 2 or None in firsts:
        return None
    a, b = firsts.values()
    if (kind or "").startswith("states"):
        return cast.state_ref(a), cast.state_ref(b)
    return a, b


_OFFICE_CHAIN = 4  # words of a first office between a name and the title of another office the person holds
_NAME_REST = 2  # words of a name the gazetteer does not keep ("آل نهيان") before an appositive title


def _apposition(prev: Slot, m: Mention, actor: ActorRef, words: Sequence[str]) -> bool:
    """A title right after a name is that person's title; after a comma only a title naming no country
    (its office is the named person's, not someone the article mentions elsewhere)."""
    if prev.mention.end == m.start:
        return prev.actor.country in (None, actor.country)
    gap = words[prev.mention.end : m.start]  # the rest of a long name may come first: "محمد بن زايد آل نهيان،"
    if actor.ident == prev.actor.ident and len(gap) <= _OFFICE_CHAIN and PUNCT not in gap:
        return True  # "أيمن الصفدي نائب رئيس الوزراء وزير الخارجية الأردني": his second office
    comma = 0 < len(gap) <= _NAME_REST + 1 and gap[-1] == PUNCT and PUNCT not in gap[:-1]
    unqualified = m.actor is not None and m.actor.country is None
    return comma and unqualified and prev.mention.kind == "person"


def _as_conj(m: Mention) -> Mention:
    return Mention(m.end, m.end, m.kind, m.prep, m.actor, m.title_key, m.ambiguous, True, m.pair_kind)
