"""One candidate event per trigger with parties: roles, status and places read from its sentence."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from schemas.event import PloverType, Role, Status
from services.extraction.context import find_marker, future_negation, is_background, status_at
from services.extraction.frames import assign
from services.extraction.gatherings import chair, frame_slots, summit, with_object
from services.extraction.gazetteer import Gazetteer
from services.extraction.lexicon import Trigger, fold_words
from services.extraction.locate import PlaceHit
from services.extraction.mentions import ActorRef
from services.extraction.resolve import Cast
from services.extraction.slots import Roles, Slot
from services.extraction.text import Doc
from services.extraction.triggers import find_clues
from services.extraction.views import SentenceView, sentence_slots

_BLAME = frozenset({PloverType.ACCUSE, PloverType.SANCTION, PloverType.THREATEN, PloverType.REJECT})
_NISBA_GAP = 2  # "أدان الهجوم الإسرائيلي": the nisba qualifies the object noun right after the verb
_RECEIVE_WINDOW = 18  # "تلقى <long honorific chain> رسالة"


@dataclass(frozen=True, slots=True)
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
    destination: str | None = None
    summit: str | None = None  # name of the gathering, for a multilateral event without listed parties
    forum: ActorRef | None = None  # the gathering as a known IGO/forum, when the gazetteer knows it
    anaphoric: bool = False  # a definite verbal noun (اللقاء، الاتصال) referring back to a reported event
    future: bool = False  # the act lies ahead (planned, or denied with لن)


@dataclass
class Budget:
    """Work left for one article: sentences plus triggers examined (hostile input stays bounded)."""

    clues: int = 2000


def sentence_candidates(
    doc: Doc,
    gaz: Gazetteer,
    view: SentenceView,
    sent: int,
    cast: Cast,
    carried: ActorRef | None,
    budget: Budget | None = None,
    recent_igo: ActorRef | None = None,
) -> tuple[list[Candidate], ActorRef | None]:
    """Candidates of one sentence and the subject to carry into the next one."""
    if budget is not None:
        budget.clues -= 1
        if budget.clues < 0:
            return [], carried
    inside = {
        k for m in view.mentions if m.kind in ("person", "title") and not m.ambiguous for k in range(m.start, m.end)
    }
    clues = [c for c in find_clues(view.words) if c.index not in inside]  # "فيصل" is not "ف + يصل"
    if budget is not None:
        clues = clues[: max(budget.clues, 0)]
        budget.clues -= len(clues)
    slots = sentence_slots(doc, view, sent, cast, carried)
    persons = [s.actor for s in slots if s.actor.role not in (Role.STATE, Role.ORGANIZATION)]
    next_carried = persons[0] if persons else carried
    if not clues:
        return [], next_carried
    background = is_background(view.words)
    places = view.places
    texts = tuple((s.actor.ident, s.text) for s in slots)
    out: list[Candidate] = []
    for clue in clues:
        trig, t = clue.trigger, clue.index
        receive = find_marker(view.words, "receive", max(0, t - _RECEIVE_WINDOW), t) is not None
        if "invite" in trig.flags and _answered_invitation(view.words, t):
            continue  # "بدعوة من" / "تلبية لدعوة": the visit it led to is the event
        if trig.frame == "chair":
            chaired = chair(view.words, t, slots, recent_igo)
            if chaired is not None:
                status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
                forum = chaired[1]
                out.append(
                    Candidate(
                        trig,
                        sent,
                        t,
                        chaired[0],
                        (),
                        1,
                        status,
                        background,
                        places,
                        texts,
                        summit=forum.name_ar or forum.name_en or "",
                        forum=forum,
                    )
                )
            continue
        if trig.frame == "multi" and with_object(slots, t):
            trig = dataclasses.replace(trig, frame="sv")  # "الاجتماع بنظيره": a meeting with someone
        local = frame_slots(slots, view.words, t, trig)
        if local is not None and trig.event_type == PloverType.CONSULT:  # "في موسكو" is where, not who
            local = [s for s in local if not (s.mention.prep == "في" and s.mention.kind in ("state", "capital"))]
        if local is not None:  # a bare nisba names the party blamed right after a verb of blame, else no one
            local = [s for s in local if s.mention.kind != "nisba" or _blamed(s, local, t, trig)]
        if local is None:
            attended = summit(doc, view.words, sent, t, trig, slots, carried)
            if attended is not None:
                status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
                name = attended[1] if isinstance(attended[1], str) else attended[1].name_ar or ""
                forum_ref = attended[1] if isinstance(attended[1], ActorRef) else None
                out.append(
                    Candidate(
                        trig,
                        sent,
                        t,
                        attended[0],
                        (),
                        1,
                        status,
                        background,
                        places,
                        (*texts, *attended[2]),
                        summit=name,
                        forum=forum_ref,
                        anaphoric=_definite_noun(view.words[t], trig),
                    )
                )
            continue
        dest = next((p.location.country for p in places if p.index > t and p.location.country), None)
        if "invite" in trig.flags:  # "دعوة لزيارة طهران": the invitation names where the visit will be
            dest = next((s.actor.country for s in slots if s.mention.start > t and s.mention.kind == "capital"), dest)
        for roles in assign(local, t, trig, receive, carried, dest, view.words):
            if not _valid(roles, trig):
                continue
            if roles.recall:
                trig = dataclasses.replace(trig, event_type=PloverType.SANCTION, mode=None, cameo="161")
            status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
            out.append(
                Candidate(
                    trig,
                    sent,
                    t,
                    roles.source,
                    roles.targets,
                    roles.strength,
                    status,
                    background,
                    places,
                    texts,
                    roles.destination or (dest if "invite" in trig.flags else None),
                    anaphoric=_definite_noun(view.words[t], trig) or _circumstantial(view.words, t, trig),
                    future=status == Status.PLANNED or future_negation(view.words, t),
                )
            )
    return out, next_carried


def _answered_invitation(words: Sequence[str], t: int) -> bool:
    w = words[t][1:] if words[t][:1] in ("و", "ف") else words[t]
    return w.startswith("ب") or (t > 0 and words[t - 1] in _answer_words())


@functools.cache
def _answer_words() -> frozenset[str]:
    return frozenset(fold_words("تلبية تلبيه استجابة"))


def _blamed(slot: Slot, slots: list[Slot], t: int, trig: Trigger) -> bool:
    """'أدان الوزير الهجوم الإسرائيلي': the nisba qualifies the first object after the verb (and its subject)."""
    if trig.event_type not in _BLAME or slot.mention.start <= t:
        return False
    before = [s.mention.end for s in slots if t < s.mention.end <= slot.mention.start and s is not slot]
    anchor = max([t + len(trig.form), *before])
    return slot.mention.start - anchor <= _NISBA_GAP and len(before) <= 1


def _definite_noun(word: str, trig: Trigger) -> bool:
    if trig.pos != "noun":
        return False
    bare = word[1:] if word[:1] in ("و", "ف") else word
    return bare.startswith(("ال", "بال", "لل"))


def _circumstantial(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'خلال زيارتنا', 'عقب المباحثات': a noun framing another statement, usually about a known event."""
    return trig.pos == "noun" and t > 0 and words[t - 1] in _circumstance_words()


@functools.cache
def _circumstance_words() -> frozenset[str]:
    return frozenset(fold_words("خلال أثناء عقب ختام مستهل هامش"))


def _valid(roles: Roles, trig: Trigger) -> bool:
    if not roles.targets:
        return False
    return all(t.country is not None and t.country != roles.source.country for t in roles.targets)
