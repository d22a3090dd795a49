"""A candidate event, one per trigger with parties, and the sentence scene its triggers are read against."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from schemas.event import Status
from services.extraction.codes import PLOVER_AGREE, PLOVER_CONSULT
from services.extraction.context import is_background, status_at
from services.extraction.cues import announced, companions, posting, prepared_for
from services.extraction.lexicon import Trigger
from services.extraction.locate import PlaceHit
from services.extraction.mentions import ActorRef
from services.extraction.slots import Slot
from services.extraction.text import Doc
from services.extraction.triggers import Clue
from services.extraction.views import SentenceView

MEETINGS = (PLOVER_CONSULT, PLOVER_AGREE)


@dataclass(frozen=True, slots=True, init=False)
class Candidate:
    trigger: Trigger
    sent: int
    index: int  # sentence-local token index of the trigger
    source: ActorRef
    targets: tuple[ActorRef, ...]
    strength: int
    status: Status
    background: bool
    places: tuple[PlaceHit, ...]
    texts: tuple[tuple[str, str], ...]  # (actor ident, surface as written)
    destination: str | None
    destination_country_only: bool  # the destination was named as a state, no city
    summit: str | None  # name of the gathering, for a multilateral event without listed parties
    forum: ActorRef | None  # the gathering as a known IGO/forum, when the gazetteer knows it
    anaphoric: bool  # a definite verbal noun (اللقاء، الاتصال) referring back to a reported event
    future: bool  # the act lies ahead (planned, or denied with لن)

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        trigger: Trigger,
        sent: int,
        index: int,
        source: ActorRef,
        targets: tuple[ActorRef, ...],
        strength: int,
        status: Status,
        background: bool,
        places: tuple[PlaceHit, ...],
        texts: tuple[tuple[str, str], ...],
        destination: str | None = None,
        destination_country_only: bool = False,
        summit: str | None = None,
        forum: ActorRef | None = None,
        anaphoric: bool = False,
        future: bool = False,
    ) -> None:
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "sent", sent)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "targets", targets)
        object.__setattr__(self, "strength", strength)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "background", background)
        object.__setattr__(self, "places", places)
        object.__setattr__(self, "texts", texts)
        object.__setattr__(self, "destination", destination)
        object.__setattr__(self, "destination_country_only", destination_country_only)
        object.__setattr__(self, "summit", summit)
        object.__setattr__(self, "forum", forum)
        object.__setattr__(self, "anaphoric", anaphoric)
        object.__setattr__(self, "future", future)


@dataclass
class Budget:
    """Work left for one article: sentences plus triggers examined (hostile input stays bounded)."""

    clues: int = 2000


class Scene:
    """One sentence as each of its triggers is read against it: words, parties, places and clues."""

    doc: Doc
    view: SentenceView
    sent: int
    words: Sequence[str]
    slots: list[Slot]
    clues: list[Clue]
    background: bool
    places: tuple[PlaceHit, ...]
    texts: tuple[tuple[str, str], ...]
    present: frozenset[int]
    prepared: list[int]
    aims: list[int]

    def __init__(self, doc: Doc, view: SentenceView, sent: int, slots: list[Slot], clues: list[Clue]) -> None:
        self.doc = doc
        self.view = view
        self.sent = sent
        self.words = view.words
        self.slots = slots
        self.clues = clues
        self.background = is_background(view.words)
        self.places = tuple(p for p in view.places if not posting(p.index, view))  # "سفير فرنسا بالجزائر"
        self.texts = tuple((s.actor.ident, s.text) for s in slots)
        self.present = companions(slots, view.words)
        self.prepared = [c.index for c in clues if prepared_for(view.words, c.index, c.trigger)]
        self.aims = [i for i in self.prepared if not announced(view.words, i)]

    def status(self, clue: Clue, trig: Trigger) -> Status:
        return status_at(self.words, clue.index, future=clue.future, planned_word="planned" in trig.flags)

    def surface(self, start: int, end: int) -> str:
        """The text of the sentence-local words start..end-1 as written."""
        first = self.doc.sentences[self.sent].first
        return self.doc.span_surface(first + start, first + end)
