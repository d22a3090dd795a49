"""Roles of a trigger read beyond its frame: destinations, agreeing pairs, invitations back, letters handed over."""

from __future__ import annotations

from collections.abc import Sequence

from services.extraction.candidate import Candidate, Scene
from services.extraction.codes import PLOVER_CONSULT, ROLE_ORGANIZATION, ROLE_STATE
from services.extraction.context import agreeing_verb, find_marker
from services.extraction.cues import ADDRESSEES, definite_noun
from services.extraction.frames import HAND_OVER_REACH
from services.extraction.lexicon import Trigger
from services.extraction.mentions import ActorRef
from services.extraction.slots import Roles, Slot


def destination(trig: Trigger, t: int, scene: Scene) -> str | None:
    """The country a visit goes to: the first place named after the trigger."""
    places = scene.places
    dest = next((p.location.country for p in places if p.index > t and p.location.country), None)
    if trig.frame == "aid":  # "وصلت إلى مطار دمشق، اليوم، الطائرة الإغاثية": the place reached comes first
        dest = next((p.location.country for p in places if p.location.country), None)
    if "invite" in trig.flags:  # "دعوة لزيارة طهران": the invitation names where the visit will be
        dest = next((s.actor.country for s in scene.slots if s.mention.start > t and s.mention.kind == "capital"), dest)
    return dest


def pair_agreeing(slots: list[Slot], words: Sequence[str], t: int, trig: Trigger) -> Roles | None:
    """'أن الطرفين اتفقا كذلك على إنشاء آليات …، وعلى عقد اجتماع متابعة في إسطنبول': a meeting the pair agreed
    on (a dual verb of agreeing after a pair noun) is between the pair's two parties; a state named after it is
    where it will be, or who reports it, never a party (rule 33). So is one the pair agreed on as the verb's
    subject right after it: 'واتفق الجانبان على استئناف المحادثات'، 'اتفق الوزيران على عقد جولة جديدة' (rule 35)."""
    if trig.event_type != PLOVER_CONSULT:
        return None
    agreed = agreeing_verb(words, t)
    if agreed is None:
        return None
    if words[agreed].endswith("ا"):
        pair = [s for s in slots if s.mention.kind == "pair" and s.mention.start <= agreed]
    else:  # the pair's two slots start right after the verb
        pair = [s for s in slots if s.mention.kind == "pair" and s.mention.start > agreed][:2]
        pair = pair if pair and pair[0].mention.start == agreed + 1 else []
    return Roles(pair[0].actor, (pair[1].actor,), 1) if len(pair) == 2 else None


def reception_named(words: Sequence[str], t: int, trig: Trigger, local: Sequence[Slot]) -> bool:
    """'وجاء ذلك خلال استقبال الرئيس السيسي للصفدي': a reception noun with its host right after it and its guest
    after لـ names a meeting of its own, not the one reported before (rule 31); 'خلال هذا الاستقبال' refers back."""
    if trig.frame != "host" or definite_noun(words[t], trig):
        return False
    starts = {s.mention.start for s in local}
    return t + 1 in starts and any(k > t + 1 and words[k].startswith("ل") for k in starts)


def handed_in_person(
    local: list[Slot] | None, t: int, trig: Trigger, words: Sequence[str]
) -> tuple[ActorRef, ActorRef] | None:
    """(carrier, recipient) of a letter handed over in person: the subject of a verb of handing over and the
    party it is handed to, named before the letter noun, of two states."""
    if trig.mode != "message" or local is None:
        return None
    verb = find_marker(words, "hand_over", max(0, t - HAND_OVER_REACH), t)
    if verb is None:
        return None
    before = [s for s in local if verb < s.mention.start and s.mention.end <= t and s.mention.prep == ""]
    if len(before) < 2 or before[0].actor.country in (None, before[-1].actor.country):
        return None
    return before[0].actor, before[-1].actor


def restated(earlier: list[Candidate], roles: Roles, trig: Trigger) -> bool:
    """'ندد الوزير بالعقوبات، … ومتهماً واشنطن بـ': the accusing participle restates the blame its clause
    already voiced against the same party, one act."""
    pair = (roles.source.country, {t.country for t in roles.targets})
    return any(
        c.trigger.event_type == trig.event_type and (c.source.country, {t.country for t in c.targets}) == pair
        for c in earlier
    )


_ADDRESSEE_REACH = 2  # "ووجه إليه دعوة"، "وجه خلاله دعوة له"


def pronoun_addressee(words: Sequence[str], t: int) -> bool:
    """An invitation addressed to a pronoun right before or after the noun ('ووجه إليه دعوة')."""
    return any(w in ADDRESSEES for w in words[max(0, t - _ADDRESSEE_REACH) : t + 1 + _ADDRESSEE_REACH])


def none_after(slots: list[Slot], t: int) -> bool:
    """No person named after the noun (a state or city there is where the visit would be)."""
    return all(s.mention.start < t or s.actor.role in (ROLE_STATE, ROLE_ORGANIZATION) for s in slots)


def invited_back(earlier: list[Candidate], slots: list[Slot], t: int) -> list[Roles]:
    """'اتصل X بـY … ودعاه إلى زيارة تركيا': the inviter is the one who acted earlier in the sentence and
    the pronoun on the verb is the other party; without such an act, the first and last named before it."""
    if earlier:
        prev = earlier[-1]
        return [Roles(prev.source, prev.targets[:1], 2)] if prev.targets else []
    before = [s for s in slots if s.mention.end <= t]
    if len(before) >= 2 and before[0].actor.country != before[-1].actor.country:
        return [Roles(before[0].actor, (before[-1].actor,), 2)]
    return []


def valid_roles(roles: Roles, trig: Trigger) -> bool:
    if not roles.targets:
        return False
    return all(t.country is not None and t.country != roles.source.country for t in roles.targets)
