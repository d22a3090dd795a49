"""Gatherings: summits, sessions and forums. Who takes part ("بمشاركة …"), who attends a named
gathering ("حضر قمة …"), who chairs an organisation's session ("ترأس أعمال …"، "برئاسة …")."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from services.extraction.actors import PUNCT, ActorRef, after_delegation
from services.extraction.codes import PLOVER_CONSULT, ROLE_ORGANIZATION, ROLE_STATE, STATUS_OCCURRED, STATUS_PLANNED
from services.extraction.context import find_marker, is_background, status_at
from services.extraction.lexicon import Trigger, fold_words
from services.extraction.locate import PlaceHit
from services.extraction.slots import Slot
from services.extraction.text import Doc
from services.extraction.triggers import find_clues

if TYPE_CHECKING:
    from services.extraction.candidate import Candidate

_SUMMIT_NAME_MAX = 7
_JOIN_BEFORE = 8  # "حضوره قمة", "شارك الرئيس المصري عبد الفتاح السيسي في القمة"
_WITH_AFTER = 2  # "الاجتماع بنظيره"
_PARTICIPATION_AFTER = 5  # "القمة الإيرانية الروسية بمشاركة"


def with_object(slots: list[Slot], t: int) -> bool:
    return any(
        s.mention.start > t and s.mention.start - t <= _WITH_AFTER and s.mention.prep in ("ب", "مع") for s in slots
    )


def frame_slots(slots: list[Slot], words: Sequence[str], t: int, trig: Trigger) -> list[Slot] | None:
    """Slots a trigger may use; None for a gathering word that names no parties."""
    if trig.frame != "multi":
        return slots
    join = find_marker(words, "summit_join", t + 1, t + _PARTICIPATION_AFTER)
    if join is not None:
        stop = next((k for k in range(join, len(words)) if words[k] == PUNCT), len(words))
        return [s for s in slots if join < s.mention.start < stop]
    delegations: list[Slot] = []  # "عقد وفدا البحرين وقطر … اجتماعاً": the delegations' talks
    for s in (s for s in slots if s.mention.end <= t):
        if after_delegation(words, s.mention.start) or (delegations and s.mention.conj):
            delegations.append(s)
    if len({s.actor.country for s in delegations}) >= 2:
        return delegations
    return held_by(slots, words, t)


_HOLD_REACH = 20  # "وعقد وزير الخارجية المصري بدر عبد العاطي ونظيره التركي هاكان فيدان، اليوم في أنقرة، اجتماعاً"
_ON_THAT = ("علي", "ان")  # folded "على أن": "نص البيان على أن يعقد …": what is agreed lies ahead


def _hold_verb(words: Sequence[str], t: int) -> int | None:
    """The last verb of holding (`hold` in `markers.tsv`) in the few words before the gathering noun at t."""
    lo, hold = max(0, t - _HOLD_REACH), None
    while (k := find_marker(words, "hold", lo, t)) is not None:
        hold, lo = k, k + 1
    return hold


def held_by(slots: list[Slot], words: Sequence[str], t: int) -> list[Slot] | None:
    """'وعقد أردوغان والسوداني اجتماعاً ثنائياً'، 'على أن يعقد وزيرا خارجية البلدين … اجتماعاً': the subject of
    a verb of holding before the gathering noun names its parties when it names two states or more (rule 35);
    None otherwise."""
    hold = _hold_verb(words, t)
    if hold is None:
        return None
    parties = [s for s in slots if hold < s.mention.start and s.mention.end <= t and s.mention.prep == ""]
    named = [s for s in parties if s.mention.kind != "pair"]  # "وزيرا خارجية البلدين حسين … وفيصل …": the two named
    for group in (named, parties):
        if len({s.actor.country for s in group} - {None}) >= 2:
            return group
    return None


def held_ahead(words: Sequence[str], t: int) -> bool:
    """'على أن يعقد وزيرا خارجية البلدين … اجتماعاً': a gathering held by a verb right after 'على أن' (what a
    statement or an agreement provides for) lies ahead."""
    hold = _hold_verb(words, t)
    return hold is not None and hold >= 2 and tuple(words[hold - 2 : hold]) == _ON_THAT


def chair(
    words: Sequence[str], t: int, slots: list[Slot], recent_igo: ActorRef | None = None
) -> tuple[ActorRef, ActorRef] | None:
    """'ترأس X أعمال قمة <IGO>' / '<IGO> يعقد دورته برئاسة X' / 'وكان X قد ترأس الوفد المشارك في القمة':
    X attends a session of the organisation (named in the sentence, or just before it)."""
    guests = find_marker(words, "summit_join", t + 1, len(words))  # "…، بمشاركة الاتحاد الأوروبي": a guest
    here = next(
        (
            s.actor
            for s in slots
            if s.actor.role == ROLE_ORGANIZATION
            and s.mention.kind == "igo"
            and (guests is None or s.mention.start < guests)
        ),
        None,
    )
    igo = here or recent_igo
    if igo is None:
        return None
    by = find_marker(words, "chair_by", t, len(words))
    persons = [s for s in slots if s.actor.role not in (ROLE_STATE, ROLE_ORGANIZATION)]
    chair = next((s.actor for s in persons if by is not None and s.mention.start > by), None)
    if chair is None and _trig_is_verb(words, t):
        first = next((s.actor for s in persons if 0 <= t - s.mention.end <= 1), None)  # "وكان عطاف قد ترأس"
        chair = first or next((s.actor for s in persons if s.mention.start > t), None)
    if chair is None:
        return None
    return chair, igo


def _trig_is_verb(words: Sequence[str], t: int) -> bool:
    return not words[t].startswith(("ال", "د"))


def summit(
    doc: Doc, words: Sequence[str], sent: int, t: int, trig: Trigger, slots: list[Slot], carried: ActorRef | None
) -> tuple[ActorRef, str | ActorRef, tuple[tuple[str, str], ...]] | None:
    """A party attending a named gathering: 'حضوره قمة الدول المطلة على بحر قزوين'."""
    if trig.frame != "multi" or not _joined(words, t):
        return None
    if find_marker(words, "sidelines", max(0, t - _JOIN_BEFORE - 2), t) is not None:
        return None  # "على هامش مشاركته في اجتماع": the frame of another event
    persons = [s for s in slots if s.actor.role not in (ROLE_STATE, ROLE_ORGANIZATION)]
    subject = next((s.actor for s in persons if s.mention.end <= t), None)  # "وشارك الرئيس الروسي … في القمة"
    if subject is None:  # "وكانت تونس قد شاركت في القمة العربية الأخيرة": a state joins
        subject = next((s.actor for s in slots if s.mention.end <= t and s.mention.kind == "state"), None)
    source = subject or carried or (persons[0].actor if persons else None)
    if source is None:
        return None
    end = t + 1
    while end < len(words) and end - t < _SUMMIT_NAME_MAX and words[end] != PUNCT:
        if words[end].startswith("وال") and end > t + 1:
            break
        end += 1
    first = doc.sentences[sent].first
    name = doc.span_surface(first + t, first + end)
    texts = tuple((s.actor.ident, s.text) for s in persons if s.actor is source)
    igo = next((s for s in slots if s.actor.role == ROLE_ORGANIZATION and _names_gathering(s, t, words, slots)), None)
    igo = igo or _hosting_organisation(slots, words, t)
    if igo is not None and (_two_organisations(slots, t) or joint_summit(words, [igo]) is not None):
        igo = None  # "القمة الخليجية الأوروبية"، "القمة العربية الإسلامية": no one IGO's summit
    if igo is not None:  # the gathering is a known organisation or forum
        return source, igo.actor, (*texts, (igo.actor.ident, igo.text))
    return source, name, texts


def _names_gathering(s: Slot, t: int, words: Sequence[str], slots: Sequence[Slot]) -> bool:
    """The organisation right before or after the gathering's noun, or its full name in quotes after it ('اجتماع
    "منظمة شنغهاي للتعاون"'); a quoted acronym may be a wider alliance ('اجتماع "أوبك+"' is not OPEC's). Past
    the gathering's own qualifiers too (rule 35): 'الدورة العادية الـ162 لمجلس جامعة الدول العربية'."""
    if abs(s.mention.start - t) <= 1:
        return True
    if s.mention.start == t + 2 and words[t + 1] == PUNCT and s.mention.end - s.mention.start > 1:
        return True
    return _qualified_name(words, t, s.mention.start) and not any(t < o.mention.start < s.mention.start for o in slots)


_HOSTED_REACH = 10  # "مؤتمر بروكسل التاسع لدعم سوريا الذي يستضيفه الاتحاد الأوروبي"


def _hosting_organisation(slots: Sequence[Slot], words: Sequence[str], t: int) -> Slot | None:
    """'في مؤتمر بروكسل التاسع لدعم سوريا الذي يستضيفه الاتحاد الأوروبي': the organisation hosting or organising
    the gathering (`hosted_by` in `markers.tsv`, the first party named after it) is the gathering's (rule 35)."""
    by = find_marker(words, "hosted_by", t + 1, t + _HOSTED_REACH)
    if by is None or PUNCT in words[t + 1 : by]:
        return None
    first = next((s for s in slots if s.mention.start > by), None)
    return first if first is not None and first.mention.kind == "igo" and first.mention.start == by + 1 else None


_QUALIFIED_REACH = 5  # "الدورة الحادية والخمسين لمجلس وزراء خارجية منظمة …"
_RELATIVES_DEFINITE = frozenset(fold_words("التي الذي اللذين اللتين الذين"))


def _qualified_name(words: Sequence[str], t: int, start: int) -> bool:
    """Only the gathering's qualifiers stand between its noun and the organisation: adjectives and ordinals
    (العادية، الوزاري، الـ162، السادسة عشرة، الحادية والخمسين) and the organ or members whose gathering it is
    (`gathering_of` in `markers.tsv`: "لمجلس"، "وزراء"; the tens of an ordinal, "عشرة", are there too)."""
    if not 1 < start - t <= _QUALIFIED_REACH:
        return False
    return all(
        (words[k].startswith(("ال", "وال")) and words[k] not in _RELATIVES_DEFINITE)
        or words[k][:1].isdigit()
        or find_marker(words, "gathering_of", k, k + 1) == k
        for k in range(t + 1, start)
    )


_JOIN_LEAD = 2  # the sentence's own verb: "وشارك <a long title and name>، أمس السبت، في الاجتماع"
_SESSION_WORDS = frozenset(fold_words("اعمال جلسات فعاليات افتتاح ختام اختتام"))  # "في أعمال القمة"، "في افتتاح"


def _joined(words: Sequence[str], t: int) -> bool:
    """Is the gathering at t what someone joins: a join word just before it ('حضوره قمة'), or the verb
    opening the sentence whose first في-complement it is ('شارك الوزير …، أمس، في أعمال القمة')?"""
    if find_marker(words, "summit_join", max(0, t - _JOIN_BEFORE), t) is not None:
        return True
    fi = t - 2 if t > 1 and words[t - 1] in _SESSION_WORDS else t - 1
    lead = _clause_start(words)
    if fi < 1 or words[fi] != "في" or find_marker(words, "summit_join", lead, lead + _JOIN_LEAD) is None:
        return False
    return "في" not in words[:fi]


_THAT = frozenset({"ان"})  # folded أن: "ومن المقرر أن يشارك الرئيس … في القمة"
_OPENER_REACH = 4  # "ومن المقرر أن"، "ومن المنتظر أن"
_QAD_REACH = 8  # "وكان <a title and a name> قد"


def _clause_start(words: Sequence[str]) -> int:
    """Where the sentence's own clause begins: after an opening planned phrase and its أن ('ومن المقرر أن
    يشارك …') or after the قد of an opening background phrase ('وكان بيترو قد شارك …'), else at the first word."""
    if is_background(words):  # "وكان رئيس الوزراء الهندي قد شارك": the subject comes before قد
        return next((k + 1 for k in range(min(len(words), _QAD_REACH)) if words[k] == "قد"), 0)
    opener = find_marker(words, "planned", 0, _JOIN_LEAD)
    if opener is None:
        return 0
    return next((k + 1 for k in range(opener, min(len(words), opener + _OPENER_REACH)) if words[k] in _THAT), 0)


_ORGANISATION_ADJECTIVES = frozenset(
    fold_words("العربية الإسلامية الأفريقية الافريقية الأوروبية الخليجية اللاتينية الآسيوية")
)
_SUMMIT_WORDS = frozenset(fold_words("القمة قمة"))


_SUMMIT_BACK = 5  # the summit word a few words before the first organisation ("القمة الأولى بين دول")
_JOINT_SPAN = 8  # "القمة الأولى بين دول مجلس التعاون لدول الخليج العربية ورابطة دول جنوب شرق آسيا"


def joint_summit(words: Sequence[str], slots: list[Slot]) -> tuple[Slot, int, int] | None:
    """An organisation's summit that is also another's: its name goes on with the other's adjective ("القمة
    العربية الإسلامية"، "القمة العربية الأفريقية") or names both ("القمة الأولى بين دول مجلس التعاون …
    ورابطة آسيان"). No one organisation's (rule 22): the first one's slot and the name's word span."""
    igos = [s for s in slots if s.mention.kind == "igo"]
    for k, s in enumerate(igos):
        start, end = s.mention.start, s.mention.end
        if words[start] in _SUMMIT_WORDS and end < len(words) and words[end] in _ORGANISATION_ADJECTIVES:
            return s, start, end + 1
        summit_at = next(
            (j for j in range(start - 1, max(-1, start - _SUMMIT_BACK), -1) if words[j] in _SUMMIT_WORDS), None
        )
        other = next((o for o in igos[k + 1 :] if o.mention.conj and o.actor.country != s.actor.country), None)
        if summit_at is not None and other is not None and other.mention.start - end <= _JOINT_SPAN:
            return s, summit_at, other.mention.end
    return None


def _two_organisations(slots: list[Slot], t: int) -> bool:
    """A gathering named by two organisations ('القمة الخليجية الأوروبية'): a summit between them."""
    near = {s.actor.country for s in slots if s.mention.kind == "igo" and 0 <= s.mention.start - t <= _FORUM_NEAR}
    return len(near) > 1


_NO_PERSON = (ROLE_STATE, ROLE_ORGANIZATION)
_NAMED_AFTER = 4  # "القمة السابعة عشرة لمجموعة بريكس"
_FORUM_NEAR = 2  # "قمة مجلس التعاون الخليجي والصين", "القمة العربية الصينية" (the trigger inside the name)


def forum_party(
    local: list[Slot] | None, slots: list[Slot], words: Sequence[str], t: int
) -> tuple[ActorRef, ActorRef, Slot] | None:
    """A summit of an organisation with one named participant ('القمة الخليجية الصينية بمشاركة الرئيس
    الصيني'): the participant attends the organisation's summit; held under a named chair ('انطلقت أعمال قمة
    مجموعة العشرين، برئاسة رامافوزا، وبمشاركة مودي'), the chair is its party (rule 4: the first named)."""
    igo = next((s for s in slots if s.mention.kind == "igo" and abs(s.mention.start - t) <= _FORUM_NEAR), None)
    chair: Slot | None = None
    if local is None:  # "قمة مجلس التعاون الخليجي والصين بمشاركة …": the participation phrase after the name
        if _joined(words, t) and any(s.mention.end <= t and s.actor.role not in _NO_PERSON for s in slots):
            return None  # "شارك أردوغان في قمة منظمة شنغهاي بمشاركة … غوتيريش": he joins, the others attend along
        join = find_marker(words, "summit_join", t + 1, len(words))
        local = [s for s in slots if join is not None and s.mention.start > join]
        by = find_marker(words, "chair_by", t + 1, join if join is not None else len(words))
        chair = next(
            (s for s in slots if by is not None and by < s.mention.start and s.actor.role not in _NO_PERSON), None
        )
    if chair is not None:  # its name may go on with an ordinal: "القمة السابعة عشرة لمجموعة بريكس، برئاسة …"
        igo = igo or next(
            (s for s in slots if s.mention.kind == "igo" and 0 < s.mention.start - t <= _NAMED_AFTER), None
        )
    if igo is not None and chair is not None:  # "القمة العربية الإسلامية … برئاسة": no one IGO's (rule 22)
        joint = _two_organisations(slots, t) or joint_summit(words, [igo]) is not None
        return None if joint else (chair.actor, igo.actor, igo)
    parties = [s for s in local if s.actor.country is not None and s.mention.kind != "igo"]
    if igo is None or not parties or len({s.actor.country for s in parties}) > 1:
        return None
    person = next((s for s in parties if s.actor.role not in (ROLE_STATE, ROLE_ORGANIZATION)), parties[0])
    return person.actor, igo.actor, igo


def next_gathering(
    words: Sequence[str], sent: int, places: tuple[PlaceHit, ...], earlier: Sequence[Candidate]
) -> list[Candidate]:
    """'واتفق القادة على عقد القمة المقبلة في بغداد': the leaders of a gathering reported before agree on their
    next one, a planned gathering (AGREE/036) with the first-named leader of the one held as source."""
    if find_marker(words, "leaders", 0, len(words)) is None:
        return []
    for c in find_clues(words):
        planned = status_at(words, c.index, future=c.future, planned_word=False) == STATUS_PLANNED
        if c.trigger.event_type != PLOVER_CONSULT or not planned:  # "عقد القمة المقبلة"
            continue
        held_ones = [e for e in earlier if e.trigger.frame == "multi" and e.status == STATUS_OCCURRED]
        if not held_ones:
            return []
        persons = [e for e in held_ones if e.source.role not in (ROLE_STATE, ROLE_ORGANIZATION)]
        held = (persons or held_ones)[0]  # the lead's "جمعت الرئيس السيسي …", not the headline's "بين مصر …"
        return [
            dataclasses.replace(
                held,
                sent=sent,
                index=c.index,
                targets=(),
                status=STATUS_PLANNED,
                future=True,
                background=False,
                places=tuple(p for p in places if p.location.lat is not None),  # "في مصر": no city guessed
                texts=(),
                anaphoric=False,
            )
        ]
    return []
