"""Slots (an actor mention of a sentence with its resolved actor), the roles a frame assigns, and how
mentions are coordinated ("X و Y", "والسيدة ميلوني")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from services.extraction.mentions import PUNCT, ActorRef, Mention


@dataclass(frozen=True, slots=True, init=False)
class Slot:
    mention: Mention
    actor: ActorRef
    text: str  # surface as written

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(self, mention: Mention, actor: ActorRef, text: str = "") -> None:
        object.__setattr__(self, "mention", mention)
        object.__setattr__(self, "actor", actor)
        object.__setattr__(self, "text", text)


@dataclass(frozen=True, slots=True, init=False)
class Roles:
    source: ActorRef
    targets: tuple[ActorRef, ...]
    strength: int  # how explicit the direction is: 3 grammatical (تلقى من، استقبل), 1 word order
    destination: str | None  # country travelled to (visit frame)
    country_only: bool  # the destination is named as a state, not by a city ("زار الكويت"، "إلى لبنان")
    recall: bool  # "استدعاء سفيرها لدى فرنسا": a state recalls its own envoy (SANCTION/161)
    talks: bool  # "محادثات بين وفدي X وY": delegations negotiating (CONSULT/negotiation/046)

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        source: ActorRef,
        targets: tuple[ActorRef, ...],
        strength: int,
        destination: str | None = None,
        country_only: bool = False,
        recall: bool = False,
        talks: bool = False,
    ) -> None:
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "targets", targets)
        object.__setattr__(self, "strength", strength)
        object.__setattr__(self, "destination", destination)
        object.__setattr__(self, "country_only", country_only)
        object.__setattr__(self, "recall", recall)
        object.__setattr__(self, "talks", talks)


def country(s: Slot) -> str | None:
    return s.actor.country


def joined(prev: Mention, cur: Mention, words: Sequence[str]) -> bool:
    """X و Y: the later mention, or an honorific right before it (والسيدة ميلوني), carries و."""
    if cur.start - prev.end > 1:
        return False
    if cur.conj:
        return True
    return cur.start - prev.end == 1 and prev.end < len(words) and words[prev.end].startswith("و")


_PLACE_GAP = 6  # tokens of a place adjunct and its comma between two coordinated objects


def _placed_apart(prev: Mention, cur: Mention, words: Sequence[str]) -> bool:
    """'التقى بري في عين التينة، ورئيس الحكومة نواف سلام في السراي': each object with its own place after
    في, the next one opened by و right after the comma, is still an object of the same verb."""
    gap = words[prev.end : cur.start]
    return cur.conj and 2 < len(gap) <= _PLACE_GAP and gap[0] == "في" and gap[-1] == PUNCT and PUNCT not in gap[:-1]


def coordinated_after(slots: Sequence[Slot], first: int, words: Sequence[str] = ()) -> list[Slot]:
    """The slot at `first` and the ones joined to it by و with no gap, or after a place of its own."""
    out = [slots[first]]
    for k in range(first + 1, len(slots)):
        prev, cur = slots[k - 1].mention, slots[k].mention
        if joined(prev, cur, words) or _placed_apart(prev, cur, words):
            out.append(slots[k])
        else:
            break
    return out


def chain_before(slots: Sequence[Slot], last: int, words: Sequence[str] = ()) -> list[Slot]:
    """The slot at `last` and the ones before it that it is coordinated with (X و Y)."""
    out = [slots[last]]
    k = last
    while k > 0 and joined(slots[k - 1].mention, slots[k].mention, words):
        k -= 1
        out.insert(0, slots[k])
    return out
