"""The special argument frames: بين X و Y, dual subjects, gatherings, visits and summoned envoys."""

from __future__ import annotations

from collections.abc import Sequence

from services.extraction.actors import after_delegation, delegation_words, dual_delegations
from services.extraction.codes import ROLE_AMBASSADOR, ROLE_ENVOY, ROLE_STATE
from services.extraction.mentions import ActorRef
from services.extraction.slots import Roles, Slot, chain_before, coordinated_after, country, joined

_BETWEEN_GAP = 4  # tokens between a trigger and "بين X و Y"


def between(slots: Sequence[Slot], t: int, words: Sequence[str]) -> Roles | None:
    """'مفاوضات بين دولة الكويت وجمهورية العراق': the two parties after بين, in order."""
    for k, s in enumerate(slots):
        if s.mention.prep == "بين" and 0 < s.mention.start - t <= _BETWEEN_GAP and k + 1 < len(slots):
            nxt = slots[k + 1]
            if joined(s.mention, nxt.mention, words) and country(nxt) != country(s):
                talks = any(w in delegation_words() for w in words[max(0, s.mention.start - 1) : s.mention.start + 1])
                return Roles(s.actor, (nxt.actor,), 2, talks=talks)
    return _between_delegations(slots, t, words)


_DELEGATIONS_SPAN = 12  # "بين الوفد العسكري - التقني اللبناني ووفد العدو الإسرائيلي"


def _between_delegations(slots: Sequence[Slot], t: int, words: Sequence[str]) -> Roles | None:
    """'بين الوفد العسكري - التقني اللبناني ووفد العدو الإسرائيلي': two delegations named after بين, each by a
    nisba a few adjectives after its delegation word; the talks are between their states."""
    b = next((k for k in range(t + 1, min(len(words), t + 1 + _BETWEEN_GAP)) if words[k] == "بين"), None)
    if b is None:
        return None
    span = range(b + 1, b + 1 + _DELEGATIONS_SPAN)
    near = [s for s in slots if s.mention.start in span and after_delegation(words, s.mention.start)]
    if len(near) >= 2 and country(near[0]) != country(near[1]):
        return Roles(near[0].actor, (near[1].actor,), 2, talks=True)
    if len(near) == 1 and words[near[0].mention.start - 1] in dual_delegations():
        # "بين الوفدين الإيراني برئاسة عراقجي والأمريكي برئاسة ويتكوف": the dual covers the second nisba too
        other = next(
            (
                s
                for s in slots
                if s.mention.start in span
                and s.mention.kind == "nisba"
                and s.mention.conj
                and country(s) not in (None, country(near[0]))
            ),
            None,
        )
        if other is not None:
            return Roles(near[0].actor, (other.actor,), 2, talks=True)
    return None


def upgrade(slots: Sequence[Slot], slot: Slot) -> Slot:
    """'رئيسا لروسيا': a state reached through لـ stands for its person named in the sentence, if any."""
    if slot.actor.role != ROLE_STATE:
        return slot
    return next((s for s in slots if country(s) == country(slot) and s.actor.role != ROLE_STATE), slot)


def dual(slots: Sequence[Slot], t: int, words: Sequence[str]) -> Roles | None:
    pairs = [s for s in slots if s.mention.kind == "pair"]
    before = [k for k, s in enumerate(slots) if s.mention.end <= t and s.mention.prep == ""]
    if before:
        chain = chain_before(slots, before[-1], words)
        countries = {country(s) for s in chain}
        if len(chain) >= 2 and len(countries) == len(chain):
            return Roles(chain[0].actor, tuple(s.actor for s in chain[1:]), 1)
    if len(pairs) == 2:
        return Roles(pairs[0].actor, (pairs[1].actor,), 1)
    return None


def multi(slots: Sequence[Slot]) -> list[Roles]:
    """A gathering: its parties are the distinct countries named in the sentence, first one as source."""
    seen: dict[str | None, ActorRef] = {}
    for s in slots:
        if country(s) is not None and country(s) not in seen:
            seen[country(s)] = s.actor
    parties = list(seen.values())
    if len(parties) < 2:
        return []
    return [Roles(parties[0], tuple(parties[1:]), 1)]


def visit(slots: Sequence[Slot], source: ActorRef, objects: list[Slot], place: str | None) -> list[Roles]:
    """The subject travels to the object's country, or to the place named after the trigger."""
    if not objects and place is not None and place != source.country:
        host = next((s.actor for s in slots if country(s) == place and s.actor.role != ROLE_STATE), None)
        return [Roles(source, (host or ActorRef(None, None, None, place, ROLE_STATE),), 2, place, country_only=True)]
    if not objects:
        return []
    named = all(s.actor.role == ROLE_STATE and s.mention.kind in ("state", "capital") for s in objects)
    stops = objects if named else objects[:1]
    return [_visit_to(slots, source, dest) for dest in stops]  # "يزور كلاً من مصر والأردن وقطر": one each


def _visit_to(slots: Sequence[Slot], source: ActorRef, dest: Slot) -> Roles:
    dest_country = country(dest)
    if dest.actor.role == ROLE_STATE:  # visiting a country: its leader named in the sentence hosts
        host = next((s.actor for s in slots if country(s) == dest_country and s.actor.role != ROLE_STATE), None)
        only = dest.mention.kind == "state"
        return Roles(source, (host or dest.actor,), 2, dest_country, country_only=only)
    return Roles(source, (dest.actor,), 2, dest_country, country_only=True)  # a person names no city


def summon(
    slots: Sequence[Slot],
    t: int,
    subj: int | None,
    carried: ActorRef | None,
    words: Sequence[str] = (),
    recalled_from: ActorRef | None = None,
) -> list[Roles]:
    envoy = next((s for s in slots if s.mention.start > t and s.actor.role in (ROLE_AMBASSADOR, ROLE_ENVOY)), None)
    if subj is not None:  # "استدعاء سفيرها من إيران، ومنع السفير الإيراني …": its own envoy, named before another
        # envoy, is the one recalled (rule 35)
        own = next((k for k in range(t + 1, min(len(words), t + _OWN_ENVOY_GAP)) if words[k] in _OWN_ENVOYS), None)
        own = own if own is not None and (envoy is None or own < envoy.mention.start) else None
        if own is not None:  # "استدعت تشيلي وهندوراس سفيريهما لدى إسرائيل للتشاور": a recall by each
            chain = [s for s in chain_before(slots, subj, words) if country(s) is not None]
            if slots[subj].mention.start > t:
                chain = coordinated_after(slots, subj, words)
            recallers = {country(s) for s in chain}
            first = next(
                (k for k, s in enumerate(slots) if s.mention.start > own and country(s) not in recallers | {None}),
                None,
            )
            hosts = [] if first is None else [s.actor for s in coordinated_after(slots, first, words)]
            if not hosts and recalled_from is not None and recalled_from.country not in recallers:
                hosts = [recalled_from]  # "قطعت بوليفيا علاقاتها مع إسرائيل، فيما استدعت تشيلي سفيرها للتشاور"
            if hosts:  # "استدعاء سفيريها لدى مالي والنيجر": a recall from each host listed
                return [Roles(s.actor, (host,), 3, recall=True) for s in chain for host in hosts]
    if envoy is None:  # "سلمت الخارجية السفير التركي مذكرة احتجاج": the envoy handed the note, named before it
        handed = [
            k for k, s in enumerate(slots) if s.mention.end <= t and s.actor.role in (ROLE_AMBASSADOR, ROLE_ENVOY)
        ]
        if not handed:
            return []
        to = slots[handed[-1]]
        giver = next((s.actor for s in slots[: handed[-1]] if country(s) not in (None, country(to))), carried)
        return [Roles(giver, (to.actor,), 3)] if giver is not None and giver.country != country(to) else []
    before = [s.actor for s in slots if s.mention.end <= t and s.mention.prep == ""]
    if subj is not None and slots[subj] is not envoy:
        summoner: ActorRef | None = slots[subj].actor
    else:  # "أمر الرئيس باستدعاء سفير …": whoever ordered it
        summoner = before[-1] if before else carried
    if summoner is None:
        return []
    if subj is not None and slots[subj] is not envoy and summoner.country != envoy.actor.country:
        after = slots[subj].mention.start > t
        chain = coordinated_after(slots, subj, words) if after else chain_before(slots, subj, words)
        summoners = [s.actor for s in chain if country(s) not in (None, envoy.actor.country)]
        if len(summoners) > 1:  # "استدعت السعودية والكويت سفيري لبنان لديهما": a summons by each
            return [Roles(who, (envoy.actor,), 3) for who in summoners]
    if summoner.country == envoy.actor.country:  # its own envoy: a recall from the host country
        if summoner.role in (ROLE_AMBASSADOR, ROLE_ENVOY):  # "نائب الوزير السفير منصور العيادي استدعى": a rank
            return []
        host = next(
            (
                s.actor
                for s in slots
                if s.mention.start >= envoy.mention.end and country(s) not in (None, summoner.country)
            ),
            None,
        )
        return [Roles(summoner, (host,), 3, recall=True)] if host is not None else []
    return [Roles(summoner, (envoy.actor,), 3)]


_OWN_ENVOY_GAP = 7  # "استدعت تشيلي وهندوراس سفيريهما": past the subjects
_OWN_ENVOYS = frozenset({"سفيرها", "سفيره", "سفيريهما", "سفيريها", "سفراءها", "سفيرتها"})  # folded


_RECOGNISED_GAP = 4  # "تعترف رسمياً بدولة فلسطين": words between the verb or noun and the state recognised


def recognise(slots: Sequence[Slot], t: int) -> list[Roles]:
    """'النرويج وإسبانيا تعترفان بدولة فلسطين'، 'أعلن رؤساء حكومات النرويج X وإسبانيا Y … اعتراف بلدانهم
    بدولة فلسطين': the state after بـ is recognised, by each state (or its leader) named before the trigger."""
    target = next((s for s in slots if 0 < s.mention.start - t <= _RECOGNISED_GAP and s.mention.prep == "ب"), None)
    if target is None:
        return []
    subject = next(  # "بعد أن اعترفت مدريد بدولة فلسطين": the subject after the verb, not who praises it (rule 32)
        (s for s in slots if t < s.mention.start < target.mention.start and s.mention.prep == ""), None
    )
    if subject is not None and country(subject) not in (None, country(target)):
        return [Roles(subject.actor, (target.actor,), 1)]
    seen: dict[str | None, ActorRef] = {}
    for s in slots:
        if s.mention.end > t or s.mention.prep != "" or country(s) in (None, country(target)):
            continue
        if country(s) not in seen or seen[country(s)].role == ROLE_STATE:
            seen[country(s)] = s.actor  # the leader, when named, stands for the state
    return [Roles(source, (target.actor,), 1) for source in seen.values()]


_EXCHANGED = frozenset({"رساءل", "الرساءل", "برقيات", "البرقيات", "رسالتين", "برقيتين", "رساءل،"})  # folded
_EXCHANGE_GAP = 4  # "كما تبادل رئيس مجلس الدولة …": words between the verb and the first party


def exchange(slots: Sequence[Slot], t: int, words: Sequence[str]) -> list[Roles]:
    """'تبادل الرئيس X والرئيس Y رسائل التهنئة' / 'X وY يتبادلان …': two coordinated parties, one message each
    way (the parties after the verb, or before it)."""
    after = [k for k, s in enumerate(slots) if 0 < s.mention.start - t <= _EXCHANGE_GAP and s.mention.prep == ""]
    if after:
        pair = coordinated_after(slots, after[0], words)
    else:
        before = [k for k, s in enumerate(slots) if s.mention.end <= t and s.mention.prep == ""]
        pair = chain_before(slots, before[-1], words) if before else []
    if len(pair) != 2 or country(pair[0]) in (None, country(pair[1])):
        return []
    end = max(t, pair[-1].mention.end)
    if not any(w in _EXCHANGED for w in words[end : end + _EXCHANGE_GAP * 2]):
        return []  # "تبادلا وجهات النظر": views, not messages
    a, b = pair[0].actor, pair[1].actor
    return [Roles(a, (b,), 2), Roles(b, (a,), 2)]


def aid(slots: Sequence[Slot], t: int, subj: int | None, place: str | None) -> list[Roles]:
    """'وصلت إلى مطار دمشق … الطائرة الإغاثية السعودية'، 'سيرت الأردن قافلة مساعدات إلى لبنان': aid from its
    donor (the nisba after the noun or the subject) to the state after إلى/لـ, else where the place named lies."""
    if subj is None or country(slots[subj]) is None:
        return []
    donor = slots[subj]
    to = next(
        (s for s in slots if s.mention.start > t and s.mention.prep in ("الي", "ل") and country(s) != country(donor)),
        None,
    )
    if to is not None:
        return [Roles(donor.actor, (to.actor,), 2)]
    if place is not None and place != country(donor):
        return [Roles(donor.actor, (ActorRef(None, None, None, place, ROLE_STATE),), 2)]
    return []
