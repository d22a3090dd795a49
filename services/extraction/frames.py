"""Who is the source and who the target of one trigger, from the actors of its sentence.

Arabic news syntax, without a parser: verb-subject-object and subject-first clauses, prepositions on the
arguments (مع، بـ، من، إلى، لـ), genitive possessors of verbal nouns (رسالة الرئيس), coordinated
subjects of dual verbs (رئيسي وبوتين يلتقيان) and the frames of the trigger lexicon: `recv` (تلقى X
اتصالاً من Y: Y is the source), `host` (استقبل X Y: the visitor Y is the source), `visit` (the subject
travels to the object's country), `summon` (the target is the country of the summoned envoy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from schemas.event import PloverType, Role
from services.extraction.lexicon import Trigger
from services.extraction.mentions import ActorRef, Mention, honorific_words

_OBJECT_PREPS = ("مع", "ب", "الي", "ل", "", "علي", "لدي")
_POSSESSOR_GAP = 2  # tokens between a verbal noun and its genitive possessor (honorifics)
_VSO_GAP = 4  # tokens between a verb and its post-posed subject
_BETWEEN_GAP = 4  # tokens between a trigger and "بين X و Y"
_PAIR_GAP = 4  # tokens between a trigger and "الجانبان/الرئيسين" that name its parties


@dataclass(frozen=True, slots=True)
class Slot:
    mention: Mention
    actor: ActorRef
    text: str = ""  # surface as written


@dataclass(frozen=True, slots=True)
class Roles:
    source: ActorRef
    targets: tuple[ActorRef, ...]
    strength: int  # how explicit the direction is: 3 grammatical (تلقى من، استقبل), 1 word order
    destination: str | None = None  # country travelled to (visit frame)
    recall: bool = False  # "استدعاء سفيرها لدى فرنسا": a state recalls its own envoy (SANCTION/161)


def _country(s: Slot) -> str | None:
    return s.actor.country


def _joined(prev: Mention, cur: Mention, words: Sequence[str]) -> bool:
    """X و Y: the later mention, or an honorific right before it (والسيدة ميلوني), carries و."""
    if cur.start - prev.end > 1:
        return False
    if cur.conj:
        return True
    return cur.start - prev.end == 1 and prev.end < len(words) and words[prev.end].startswith("و")


def _coordinated_after(slots: Sequence[Slot], first: int, words: Sequence[str] = ()) -> list[Slot]:
    """The slot at `first` and the ones joined to it by و with no gap."""
    out = [slots[first]]
    for k in range(first + 1, len(slots)):
        if _joined(slots[k - 1].mention, slots[k].mention, words):
            out.append(slots[k])
        else:
            break
    return out


def _chain_before(slots: Sequence[Slot], last: int, words: Sequence[str] = ()) -> list[Slot]:
    """The slot at `last` and the ones before it that it is coordinated with (X و Y)."""
    out = [slots[last]]
    k = last
    while k > 0 and _joined(slots[k - 1].mention, slots[k].mention, words):
        k -= 1
        out.insert(0, slots[k])
    return out


def _subject(slots: Sequence[Slot], t: int, trig: Trigger, words: Sequence[str] = ()) -> int | None:
    forum_ok = trig.event_type != PloverType.CONSULT  # a summit is where people meet, not who meets
    before = [
        k
        for k, s in enumerate(slots)
        if s.mention.end <= t and s.mention.prep == "" and (forum_ok or s.mention.kind != "igo")
    ]
    after = [k for k, s in enumerate(slots) if s.mention.start > t]
    if trig.pos == "noun" and trig.mode != "meet":
        for k in after:  # genitive possessor: رسالة الدكتور رئيسي، مباحثات وزير الخارجية
            m = slots[k].mention
            between = words[t + len(trig.form) : m.start]
            if m.start >= t + len(trig.form) and m.prep == "" and all(w in honorific_words() for w in between):
                return k
            break
    else:
        if before and t - slots[before[-1]].mention.end <= 1:  # subject first: "وكان الشرع قد التقى"
            return before[-1]
        for k in after:  # verb-subject order: استقبل الرئيس ...
            m = slots[k].mention
            if trig.frame == "visit" and slots[k].actor.role == Role.STATE:
                break  # "يزور دمشق": the place visited, not the visitor
            if m.start - t <= _VSO_GAP + len(trig.form) - 1 and m.prep == "":
                return k
            break
    if before:
        return before[-1]
    return None


def assign(
    slots: Sequence[Slot],
    t: int,
    trig: Trigger,
    receive: bool,
    carried: ActorRef | None,
    place: str | None = None,
    words: Sequence[str] = (),
) -> list[Roles]:
    """Roles for the trigger at sentence-local token t; several when it has coordinated objects."""
    if not slots and carried is None:
        return []
    if trig.frame == "multi":
        return _multi(slots)
    if "dual" in trig.flags:
        pair = _dual(slots, t, words)
        if pair is not None:
            return [pair]
    near_pair = [s for s in slots if s.mention.kind == "pair" and abs(s.mention.start - t) <= _PAIR_GAP]
    if len(near_pair) == 2 and not receive:
        return [Roles(near_pair[0].actor, (near_pair[1].actor,), 1)]
    found = _assign(slots, t, trig, receive, carried, place, words)
    if not found:
        pair_slots = [s for s in slots if s.mention.kind == "pair"]
        if len(pair_slots) == 2:
            return [Roles(pair_slots[0].actor, (pair_slots[1].actor,), 1)]
    return found


def _assign(
    slots: Sequence[Slot],
    t: int,
    trig: Trigger,
    receive: bool,
    carried: ActorRef | None,
    place: str | None,
    words: Sequence[str],
) -> list[Roles]:
    subj = _subject(slots, t, trig, words)
    if trig.frame == "summon":
        return _summon(slots, t, subj, carried)
    source = slots[subj].actor if subj is not None else carried
    if source is None:
        return []
    between = _between(slots, t, words)
    if between is not None:
        return [between]
    if subj is not None and slots[subj].mention.end <= t:
        chain = _chain_before(slots, subj, words)
        if len(chain) >= 2 and len({_country(s) for s in chain}) == len(chain):
            return [Roles(chain[0].actor, tuple(s.actor for s in chain[1:]), 1)]
    sent_item = trig.mode == "message" or "invite" in trig.flags
    if receive or trig.frame == "recv" or sent_item:
        sender = next((s for s in slots if s.mention.start > t and s.mention.prep == "من"), None)
        if sender is not None and _country(sender) != source.country:
            return [Roles(sender.actor, (source,), 3)]
        if sender is not None and sent_item:  # "X يسلم رسالة من Y إلى Z": Y writes to Z
            other = next((s.actor for s in slots if _country(s) not in (None, _country(sender))), None)
            if other is not None:
                return [Roles(sender.actor, (other,), 3)]
    objects = _objects(slots, t, subj, source, trig, words)
    if trig.frame == "visit":
        return _visit(slots, source, objects, place)
    if not objects:
        return []
    targets = tuple(s.actor for s in objects)
    if trig.frame == "host":
        return [Roles(target, (source,), 3, source.country) for target in targets]
    return [Roles(source, (target,), 1) for target in targets]  # التقى X بـA وB: two meetings


def _objects(
    slots: Sequence[Slot], t: int, subj: int | None, source: ActorRef, trig: Trigger, words: Sequence[str] = ()
) -> list[Slot]:
    forum_end = t + len(trig.form) + 1  # "عقد اجتماع القمة …": the gathering held, not a party to it
    forum = {
        k
        for k, s in enumerate(slots)
        if trig.event_type == PloverType.CONSULT and s.mention.kind == "igo" and t < s.mention.start <= forum_end
    }
    after = [
        k
        for k, s in enumerate(slots)
        if k != subj
        and k not in forum
        and s.mention.start > t
        and s.mention.prep in _OBJECT_PREPS
        and _country(s) != source.country
    ]
    if after:
        found = [s for s in _coordinated_after(slots, after[0], words) if _country(s) != source.country]
        return [_upgrade(slots, s) if s.mention.prep == "ل" else s for s in found]
    if trig.frame == "visit":
        return []
    rest = [
        k for k, s in enumerate(slots) if k != subj and k not in forum and _country(s) not in (None, source.country)
    ]
    if not rest:
        return []
    nearest = min(rest, key=lambda k: abs(slots[k].mention.start - t))
    return [slots[nearest]]


def _between(slots: Sequence[Slot], t: int, words: Sequence[str]) -> Roles | None:
    """'مفاوضات بين دولة الكويت وجمهورية العراق': the two parties after بين, in order."""
    for k, s in enumerate(slots):
        if s.mention.prep == "بين" and 0 < s.mention.start - t <= _BETWEEN_GAP and k + 1 < len(slots):
            nxt = slots[k + 1]
            if _joined(s.mention, nxt.mention, words) and _country(nxt) != _country(s):
                return Roles(s.actor, (nxt.actor,), 2)
    return None


def _upgrade(slots: Sequence[Slot], slot: Slot) -> Slot:
    """'رئيسا لروسيا': a state reached through لـ stands for its person named in the sentence, if any."""
    if slot.actor.role != Role.STATE:
        return slot
    return next((s for s in slots if _country(s) == _country(slot) and s.actor.role != Role.STATE), slot)


def _dual(slots: Sequence[Slot], t: int, words: Sequence[str]) -> Roles | None:
    pairs = [s for s in slots if s.mention.kind == "pair"]
    before = [k for k, s in enumerate(slots) if s.mention.end <= t and s.mention.prep == ""]
    if before:
        chain = _chain_before(slots, before[-1], words)
        countries = {_country(s) for s in chain}
        if len(chain) >= 2 and len(countries) == len(chain):
            return Roles(chain[0].actor, tuple(s.actor for s in chain[1:]), 1)
    if len(pairs) == 2:
        return Roles(pairs[0].actor, (pairs[1].actor,), 1)
    return None


def _multi(slots: Sequence[Slot]) -> list[Roles]:
    """A gathering: its parties are the distinct countries named in the sentence, first one as source."""
    seen: dict[str | None, ActorRef] = {}
    for s in slots:
        if _country(s) is not None and _country(s) not in seen:
            seen[_country(s)] = s.actor
    parties = list(seen.values())
    if len(parties) < 2:
        return []
    return [Roles(parties[0], tuple(parties[1:]), 1)]


def _visit(slots: Sequence[Slot], source: ActorRef, objects: list[Slot], place: str | None) -> list[Roles]:
    """The subject travels to the object's country, or to the place named after the trigger."""
    if not objects and place is not None and place != source.country:
        host = next((s.actor for s in slots if _country(s) == place and s.actor.role != Role.STATE), None)
        return [Roles(source, (host,), 2, place)] if host is not None else []
    if not objects:
        return []
    dest = objects[0]
    country = _country(dest)
    if dest.actor.role == Role.STATE:  # visiting a country: its leader named in the sentence hosts
        host = next((s.actor for s in slots if _country(s) == country and s.actor.role != Role.STATE), None)
        return [Roles(source, (host or dest.actor,), 2, country)]
    return [Roles(source, (dest.actor,), 2, country)]


def _summon(slots: Sequence[Slot], t: int, subj: int | None, carried: ActorRef | None) -> list[Roles]:
    envoy = next((s for s in slots if s.mention.start > t and s.actor.role in (Role.AMBASSADOR, Role.ENVOY)), None)
    if envoy is None:
        return []
    summoner = slots[subj].actor if subj is not None and slots[subj] is not envoy else carried
    if summoner is None:
        return []
    if summoner.country == envoy.actor.country:  # its own envoy: a recall from the host country
        host = next(
            (
                s.actor
                for s in slots
                if s.mention.start >= envoy.mention.end and _country(s) not in (None, summoner.country)
            ),
            None,
        )
        return [Roles(summoner, (host,), 3, recall=True)] if host is not None else []
    return [Roles(summoner, (envoy.actor,), 3)]
