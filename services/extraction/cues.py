"""Small cues in a sentence that qualify a trigger: answered invitations, hosted talks, delegations,
the party blamed by a nisba, anaphoric and circumstantial verbal nouns."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from schemas.event import PloverType
from services.extraction.actors import delegation_words
from services.extraction.lexicon import Trigger, fold_words
from services.extraction.slots import Slot
from services.extraction.triggers import Clue
from services.extraction.views import SentenceView

BLAME = frozenset({PloverType.ACCUSE, PloverType.SANCTION, PloverType.THREATEN, PloverType.REJECT})
_NISBA_GAP = 2  # "أدان الهجوم الإسرائيلي": the nisba qualifies the object noun right after the verb


def answered_invitation(words: Sequence[str], t: int) -> bool:
    w = words[t][1:] if words[t][:1] in ("و", "ف") else words[t]
    return w.startswith("ب") or (t > 0 and words[t - 1] in _answer_words())


@functools.cache
def _answer_words() -> frozenset[str]:
    return frozenset(fold_words("تلبية تلبيه استجابة"))


_HOSTED_GAP = 8  # "استضافت العاصمة العمانية مسقط اليوم جولة من المحادثات"


def hosts_talks(clues: Sequence[Clue], t: int, view: SentenceView) -> bool:
    """A host verb whose object is a meeting noun, with no guest named in between."""
    for c in clues:
        if t < c.index <= t + _HOSTED_GAP and c.trigger.pos == "noun" and c.trigger.frame in ("sv", "multi"):
            named = [m for m in view.mentions if t < m.start < c.index and m.actor is not None]
            return c.trigger.event_type == PloverType.CONSULT and len(named) <= 1
    return False


def delegate(slot: Slot, view: SentenceView) -> bool:
    """'بين الوفدين الإيراني والأمريكي': a nisba qualifying a delegation is a party."""
    start = slot.mention.start
    return any(w in delegation_words() for w in view.words[max(0, start - 2) : start])


def blamed(slot: Slot, slots: list[Slot], t: int, trig: Trigger) -> bool:
    """'أدان الوزير الهجوم الإسرائيلي': the nisba qualifies the first object after the verb (and its subject)."""
    if trig.event_type not in BLAME or slot.mention.start <= t:
        return False
    before = [s.mention.end for s in slots if t < s.mention.end <= slot.mention.start and s is not slot]
    anchor = max([t + len(trig.form), *before])
    return slot.mention.start - anchor <= _NISBA_GAP and len(before) <= 1


def definite_noun(word: str, trig: Trigger) -> bool:
    if trig.pos != "noun":
        return False
    bare = word[1:] if word[:1] in ("و", "ف") else word
    return bare.startswith(("ال", "بال", "لل"))


def circumstantial(words: Sequence[str], t: int, trig: Trigger) -> bool:
    """'خلال زيارتنا', 'عقب المباحثات': a noun framing another statement, usually about a known event."""
    return trig.pos == "noun" and t > 0 and words[t - 1] in _circumstance_words()


@functools.cache
def _circumstance_words() -> frozenset[str]:
    return frozenset(fold_words("خلال أثناء عقب ختام مستهل هامش"))
