"""Who stands behind an act: the principal a spokesperson speaks for, the states of the parties, and the
states listed as doing the same (إلى جانب)."""

from __future__ import annotations

from collections.abc import Sequence

from services.extraction.codes import ROLE_ORGANIZATION, ROLE_STATE
from services.extraction.lexicon import fold_words
from services.extraction.mentions import ActorRef
from services.extraction.slots import Roles, Slot, coordinated_after

_ALONGSIDE = ("الي", "جانب")  # folded "إلى جانب"
_SIDING = frozenset(  # folded: siding or standing with someone ("اتهمتها بالانحياز إلى جانب الكونغو")
    fold_words("الانحياز بالانحياز انحياز انحيازها الوقوف بالوقوف وقوف وقوفها تقف يقف وقفت وقف الاصطفاف بالاصطفاف")
)
_TOOK_IT = frozenset({"اتخذته", "اتخذتها", "اتخذه", "اتخذها"})  # folded: "(القرار) الذي اتخذته"
_TOOK_IT_GAP = 5  # "اتخذته في اليوم ذاته أيضا كل من …"


def alongside(slots: list[Slot], words: Sequence[str], t: int, roles: Roles) -> list[Roles]:
    """'قطعت البحرين علاقاتها مع قطر، إلى جانب السعودية والإمارات ومصر'، '…، وهو القرار الذي اتخذته في
    اليوم ذاته كل من البحرين والإمارات ومصر': the states listed after إلى جانب, or as the subject of a verb
    taking the same decision, did the same to the same target."""
    at = next(
        (
            k + 2
            for k in range(t + 1, len(words) - 1)
            if tuple(words[k : k + 2]) == _ALONGSIDE and words[k - 1] not in _SIDING  # "بالانحياز إلى جانب الكونغو"
        ),
        None,
    )
    if at is None:
        at = next((k + 1 for k in range(t + 1, len(words)) if words[k] in _TOOK_IT), None)
    if at is None:
        return []
    first = next((k for k, s in enumerate(slots) if at <= s.mention.start <= at + _TOOK_IT_GAP), None)
    if first is None:
        return []
    done = {roles.source.country, *(r.country for r in roles.targets)}
    listed = coordinated_after(slots, first, words)
    return [Roles(s.actor, roles.targets, 1) for s in listed if s.actor.country not in done]


def speaks_for_another(a: ActorRef) -> bool:
    """A spokesperson (of a presidency, a government, a ministry) reports the acts of the principal: the voice
    of a statement, but in a meeting, call, letter or agreement he announces only his state stands there."""
    return a.office is not None and a.office.endswith("spokesperson")


def principals(local: list[Slot]) -> list[Slot]:
    """A spokesperson's slot goes when the clause names someone else of his state; else his state takes it."""
    if not any(speaks_for_another(s.actor) for s in local):
        return local
    others = {s.actor.country for s in local if not speaks_for_another(s.actor)}
    out = []
    for s in local:
        if not speaks_for_another(s.actor):
            out.append(s)
        elif s.actor.country not in others:
            out.append(Slot(s.mention, state_of(s.actor), s.text))
    return out


def state_of(a: ActorRef) -> ActorRef:
    return a if a.role in (ROLE_STATE, ROLE_ORGANIZATION) else ActorRef(None, None, None, a.country, ROLE_STATE)


def first_named(parties: list[ActorRef], slots: list[Slot]) -> list[ActorRef]:
    """The parties' states, the one the sentence names first leading (unnamed signers: first-named first)."""
    first = {s.actor.country: k for k, s in reversed(list(enumerate(slots)))}
    return [state_of(a) for a in sorted(parties, key=lambda a: first.get(a.country, len(slots)))]
