"""An event's confidence: a logistic model over what the extractor knows when it emits the event.

The weights are a versioned data file (`data/confidence.tsv`) fitted on the development sets by
`python -m scripts.train_confidence`; here they are only read (once) and applied, so the
runtime stays plain Python. A feature is a named 0/1 fact about the event, its cues or its article; the
score is the sigmoid of the intercept plus the weights of the facts that hold.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from schemas.event import Actor, PloverType, Status
from services.extraction.assemble import Group, group_name
from services.extraction.codes import PLOVER_CONSULT, ROLE_ORGANIZATION, ROLE_STATE, STATUS_OCCURRED
from services.extraction.lexicon import data_lines

MODES = ("phone", "visit", "third-party", "multilateral", "message", "negotiation")  # none is the baseline
FRAMES = ("recv", "host", "visit", "summon", "multi", "chair", "recognise", "aid")  # "sv" is the baseline
DATE_BASES = ("explicit", "relative", "publication")  # "unresolved" is the baseline
# the names of the one-of-several facts, by value (looked up per event rather than formatted)
_TYPE_NAMES: dict[PloverType, str] = {t: f"type:{t.value}" for t in PloverType if t != PLOVER_CONSULT}
_MODE_NAMES: dict[str, str] = {m: f"mode:{m}" for m in MODES}
_STATUS_NAMES: dict[Status, str] = {s: f"status:{s.value}" for s in Status if s != STATUS_OCCURRED}
_FRAME_NAMES: dict[str, str] = {f: f"frame:{f}" for f in FRAMES}
_DATE_NAMES: dict[str, str] = {b: f"date:{b}" for b in DATE_BASES}
FEATURES: tuple[str, ...] = (
    *_TYPE_NAMES.values(),
    *_MODE_NAMES.values(),
    *_STATUS_NAMES.values(),
    *_FRAME_NAMES.values(),
    *_DATE_NAMES.values(),
    "primary",
    "background",
    "cues:2",
    "cues:3+",
    "strong_cue",
    "support",
    "noun_trigger",
    "unnamed_party",
    "source_state",
    "source_qid",
    "target_state",
    "target_organization",
    "target_qid",
    "participants",
    "summit",
    "lead_sentence",
    "late_sentence",
    "evidence:2",
    "evidence:3+",
    "article_events:2-3",
    "article_events:4+",
    "dyad_other_kind",
    "dyad_same_kind",
    "attributed",
    "located",
)
_KNOWN = frozenset(FEATURES)
_LEAD = 2  # sentences 0..2: the headline, the dateline and the lead


@dataclass(frozen=True, slots=True)
class ArticleFacts:
    """What the article as a whole says about each of its events (one entry per group, in order)."""

    events: int
    sentences: int
    other_kind: tuple[bool, ...]  # the same countries have an interaction of another kind in the article
    same_kind: tuple[bool, ...]  # ... or another one of the same kind (another group: other people or time)


@dataclass(frozen=True, slots=True, init=False)
class EventFacts:
    """The emitted event's fields that bear on its confidence."""

    event_type: PloverType
    mode: str | None
    status: Status
    primary: bool
    source: Actor
    target: Actor | None
    participants: int
    date_basis: str
    located: bool
    attributed: bool
    unnamed_party: bool  # a party the gazetteer has no English name for, before any renaming

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        event_type: PloverType,
        mode: str | None,
        status: Status,
        primary: bool,
        source: Actor,
        target: Actor | None,
        participants: int,
        date_basis: str,
        located: bool,
        attributed: bool,
        unnamed_party: bool,
    ) -> None:
        object.__setattr__(self, "event_type", event_type)
        object.__setattr__(self, "mode", mode)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "primary", primary)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "target", target)
        object.__setattr__(self, "participants", participants)
        object.__setattr__(self, "date_basis", date_basis)
        object.__setattr__(self, "located", located)
        object.__setattr__(self, "attributed", attributed)
        object.__setattr__(self, "unnamed_party", unnamed_party)


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    intercept: float
    weights: Mapping[str, float]


def article_facts(groups: list[Group], sentences: int) -> ArticleFacts:
    pairs = [frozenset({g.first.source.country, *(t.country for t in g.first.targets)}) for g in groups]
    kinds = [group_name(g.first) for g in groups]
    kinds_of: dict[frozenset[str | None], list[str]] = {}
    for pair, kind in zip(pairs, kinds, strict=True):
        kinds_of.setdefault(pair, []).append(kind)
    return ArticleFacts(
        len(groups),
        sentences,
        tuple(any(other != kind for other in kinds_of[pair]) for pair, kind in zip(pairs, kinds, strict=True)),
        tuple(kinds_of[pair].count(kind) >= 2 for pair, kind in zip(pairs, kinds, strict=True)),
    )


def event_features(g: Group, k: int, event: EventFacts, article: ArticleFacts) -> list[str]:
    """The names of the facts that hold for group `k` of the article, emitted as `event`."""
    first = g.first
    strong = g.strong
    named = (
        _TYPE_NAMES.get(event.event_type),
        _MODE_NAMES.get(event.mode or ""),
        _STATUS_NAMES.get(event.status),
        _FRAME_NAMES.get(first.trigger.frame),
        _DATE_NAMES.get(event.date_basis),
    )
    out = [name for name in named if name is not None]
    if event.primary:
        out.append("primary")
    if first.background:
        out.append("background")
    if len(strong) >= 2:
        out.append("cues:2" if len(strong) == 2 else "cues:3+")
    if any(c.strength >= 2 for c in strong):
        out.append("strong_cue")
    if g.support:
        out.append("support")
    if first.trigger.pos == "noun":
        out.append("noun_trigger")
    if event.unnamed_party:
        out.append("unnamed_party")
    if event.source.role == ROLE_STATE:
        out.append("source_state")
    if event.source.wikidata is not None:
        out.append("source_qid")
    target = event.target
    if target is not None:
        if target.role == ROLE_STATE:
            out.append("target_state")
        elif target.role == ROLE_ORGANIZATION:
            out.append("target_organization")
        if target.wikidata is not None:
            out.append("target_qid")
    if event.participants:
        out.append("participants")
    if first.summit is not None:
        out.append("summit")
    earliest = g.earliest
    if earliest <= _LEAD:
        out.append("lead_sentence")
    if 2 * earliest >= article.sentences:
        out.append("late_sentence")
    evidence = len(g.sentences)
    if evidence >= 2:
        out.append("evidence:2" if evidence == 2 else "evidence:3+")
    if article.events >= 2:
        out.append("article_events:2-3" if article.events <= 3 else "article_events:4+")
    if article.other_kind[k]:
        out.append("dyad_other_kind")
    if article.same_kind[k]:
        out.append("dyad_same_kind")
    if event.attributed:
        out.append("attributed")
    if event.located:
        out.append("located")
    return out


def score(features: list[str], model: ConfidenceModel) -> float:
    """The model's probability that an event with these facts matches a gold event, to two decimals."""
    z = model.intercept
    for name in features:
        z += model.weights.get(name, 0.0)
    return round(min(max(1.0 / (1.0 + math.exp(-z)), 0.01), 0.99), 2)


@functools.cache
def load_model() -> ConfidenceModel:
    return parse_model(data_lines("confidence.tsv"))


def parse_model(rows: Iterable[list[str]]) -> ConfidenceModel:
    """Rows `name<TAB>value`, split: the `intercept` and one weight per feature. A feature without a row
    weighs nothing and a row for a feature since removed is skipped, so that an outdated file still loads and
    `train_confidence` can refit it (a test holds the shipped file to exactly FEATURES)."""
    intercept = 0.0
    weights = dict.fromkeys(FEATURES, 0.0)
    for name, value in rows:
        if name == "intercept":
            intercept = float(value)
        elif name in _KNOWN:
            weights[name] = float(value)
    return ConfidenceModel(intercept, weights)
