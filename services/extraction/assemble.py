"""Merge candidates about the same interaction into events; decide mode, direction, primary."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from schemas.event import Location
from services.extraction.candidate import Candidate
from services.extraction.codes import (
    PLOVER_ACCUSE,
    PLOVER_AGREE,
    PLOVER_CONSULT,
    PLOVER_REJECT,
    PLOVER_SANCTION,
    PLOVER_THREATEN,
    ROLE_STATE,
    STATUS_OCCURRED,
    STATUS_PLANNED,
)
from services.extraction.gazetteer import load_gazetteer
from services.extraction.lexicon import fold_words
from services.extraction.mentions import ActorRef

IN_PERSON = frozenset({"meet", "visit"})


@dataclass(init=False)
class Group:
    key: tuple[object, ...]
    members: list[Candidate]
    support: list[Candidate]  # evidence only: weak or anaphoric mentions

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(self, key: tuple[object, ...]) -> None:
        self.key = key
        self.members = []
        self.support = []

    @property
    def first(self) -> Candidate:
        """The first strong member (weak triggers only support a group)."""
        return self.strong[0]

    @property
    def earliest(self) -> int:
        return min(c.sent for c in (*self.members, *self.support))

    @property
    def sentences(self) -> list[int]:
        return sorted({c.sent for c in (*self.members, *self.support)})

    @property
    def strong(self) -> list[Candidate]:
        return self.members


def group_name(c: Candidate) -> str:
    t = c.trigger
    if c.summit is not None:
        return "multilateral"
    if t.event_type == PLOVER_CONSULT:
        return "inperson" if t.mode in IN_PERSON else str(t.mode)
    return f"{t.event_type.value}:{t.cameo}"


def _who(a: ActorRef) -> str:
    """Identity for merging: a named person, else the country (state or unnamed office holder)."""
    return a.ident if a.name_en is not None and a.role != ROLE_STATE else f"country:{a.country}"


def group_key(c: Candidate) -> tuple[object, ...]:
    if c.summit is not None:  # the next one agreed on ("القمة المقبلة") is another gathering than the one held
        planned = () if c.status == STATUS_OCCURRED else (c.status.value,)
        return ("multilateral", c.source.country, gathering_key(c.summit), *planned)
    parties = frozenset({_who(c.source), *(_who(t) for t in c.targets)})
    status = "" if c.status == STATUS_OCCURRED else c.status.value
    if "exchange" in c.trigger.flags:  # an exchange is one message each way: the writer is part of the key
        return (group_name(c), parties, status, c.background, _who(c.source))
    if c.trigger.event_type in _ONE_WAY:  # "طردت فرنسا … ردا على طرد الجزائر …": tit for tat is two acts
        return (group_name(c), parties, status, c.background, f"way:{c.source.country}")
    return (group_name(c), parties, status, c.background)


_ONE_WAY = frozenset({PLOVER_SANCTION, PLOVER_ACCUSE, PLOVER_REJECT, PLOVER_THREATEN})


_GATHERING_WORDS = 2


def gathering_key(name: str) -> tuple[str, ...]:
    """A gathering by its first words, quotes and punctuation aside: the headline's 'اجتماع "صيغة أستانا" في
    الدوحة' and the lead's 'اجتماع صيغة أستانا بشأن سوريا' are one meeting; 'اجتماع موسع' is another."""
    words = fold_words(" ".join("".join(ch for ch in w if ch.isalnum()) for w in name.split()[:4]))
    return tuple(w[:-1] if len(w) > 3 and w.endswith("ا") else w for w in words if w)[:_GATHERING_WORDS]


def _gathering(key: tuple[object, ...]) -> tuple[object, ...]:
    name = key[2]
    return name if isinstance(name, tuple) else ()


def _summons_meeting(c: Candidate, g: Group) -> bool:
    """'وأكد المدير العام، خلال اللقاء، …' after a summons: the meeting is the summons itself."""
    return c.trigger.mode == "meet" and g.members[0].trigger.frame == "summon"


def _gathering_ahead(c: Candidate, g: Group) -> bool:
    """'ومن المقرر أن يشارك غداً في القمة', 'وكان بيترو قد شارك في الاجتماع الوزاري': a gathering ahead, or one
    joined earlier, does not restate the meeting that took place."""
    return (
        c.summit is not None and (c.status == STATUS_PLANNED or c.background) and g.members[0].status == STATUS_OCCURRED
    )


def _same_kind(a: object, b: object) -> bool:
    """Meetings and gatherings refer to each other ("شارك في الاجتماع" after "عقد المجلس دورته")."""
    gathering = {"inperson", "multilateral"}
    return a == b or (a in gathering and b in gathering)


def _countries(c: Candidate) -> frozenset[str | None]:
    return frozenset({c.source.country, *(t.country for t in c.targets)})


def _named(key: tuple[object, ...]) -> frozenset[object]:
    parties = key[1]
    return (
        frozenset(p for p in parties if not str(p).startswith("country:"))
        if isinstance(parties, frozenset)
        else frozenset()
    )


def _is_country_level(key: tuple[object, ...]) -> bool:
    parties = key[1]
    return isinstance(parties, frozenset) and any(str(p).startswith("country:") for p in parties)


def _same_trip(a: Group, b: Group, arrivals: frozenset[int]) -> bool:
    """A background arrival ("وكان الرئيس قد وصل إلى القاهرة أمس، في أول زيارة …") belongs to the visit
    reported; a background visit ("وكانت ميلوني قد زارت تونس في يونيو 2023"), also to the other party's
    country, or any other earlier act, does not. `arrivals`: the sentences with a verb of arriving."""
    dests = {c.destination for c in (a.first, b.first) if c.destination}
    earlier = [c.sent for g in (a, b) if g.first.background for c in g.members]
    return group_name(a.first) == "inperson" and len(dests) <= 1 and all(k in arrivals for k in earlier)


def _in_package(c: Candidate, cands: list[Candidate]) -> bool:
    """A measure listed with a break or expulsion by the same state against the same one in its sentence
    ("وردت باكستان بطرد المستشارين العسكريين …، وتعليق التجارة مع الهند") is part of that act."""
    return "package" in c.trigger.flags and any(
        o.sent == c.sent
        and o.trigger.event_type == c.trigger.event_type
        and "package" not in o.trigger.flags
        and o.source.country == c.source.country
        and _countries(o) == _countries(c)
        for o in cands
    )


def merge(cands: list[Candidate]) -> list[Group]:
    """Group candidates by (kind of interaction, parties); weak ones and welcoming parties only join existing
    groups (a welcoming party is its own event when nothing else is reported).

    Parties are people when named, countries otherwise; a country-level group ("إيران" / "روسيا") then
    folds into the earliest group of the same kind between the same countries that names people.
    """
    groups: dict[tuple[object, ...], Group] = {}
    weak: list[Candidate] = []
    for c in cands:
        if "weak" in c.trigger.flags or "welcome" in c.trigger.flags or _in_package(c, cands):
            weak.append(c)
            continue
        key = group_key(c)
        if c.anaphoric:  # "اللقاء" refers back to a meeting already reported: evidence, not its place or date
            home = groups.get(key) or next(
                (
                    g
                    for k, g in groups.items()
                    if (_same_kind(k[0], key[0]) or _summons_meeting(c, g))
                    and not g.members[0].background
                    and _countries(g.members[0]) & _countries(c)
                    and not _gathering_ahead(c, g)
                ),
                None,
            )
            if home is not None:
                home.support.append(c)
                continue
        groups.setdefault(key, Group(key)).members.append(c)
    for key in [k for k in groups if k[0] == "multilateral" and len(_gathering(k)) == 1]:
        home = next(  # "فيدان يشارك في اجتماع" (the name cut by a quote) is the lead's "اجتماع صيغة أستانا"
            (h for k, h in groups.items() if k[:2] == key[:2] and _gathering(k)[:1] == _gathering(key) and k != key),
            None,
        )
        if home is not None:
            home.members[:0] = groups.pop(key).members
    # "وصل إلى القاهرة"، "حل بمطار الرباط": an arrival somewhere ("حل الدولتين" is a solution)
    arrivals = frozenset(c.sent for c in cands if "arrival" in c.trigger.flags and c.destination)
    for key in [k for k in groups if k[0] == "inperson" and k[3:] == (True,)]:
        home = groups.get((*key[:3], False))  # "وكان العاهل الإسباني قد حل بمطار الرباط سلا … حيث خصص له
        if home is not None and _same_trip(home, groups[key], arrivals):  # جلالة الملك استقبالا رسميا"
            home.members.extend(groups.pop(key).members)
    for key in [k for k in groups if _is_country_level(k)]:
        g = groups[key]
        home = next(
            (
                h
                for k, h in groups.items()
                if h is not g
                and k[0] == key[0]
                and k[2] == key[2]
                and (k[4:] == key[4:] or not str(key[4:]).startswith("('way:"))  # a one-way act: the same way
                and (k[3:4] == key[3:4] or _same_trip(h, g, arrivals) or key[2] != "")  # an earlier act is another
                # event (rule 8), but an act ahead stays one when an earlier sentence proposed it ("وكان بوتين
                # قد اقترح عقد مفاوضات مع الجانب الأوكراني" and "المفاوضات بين روسيا وأوكرانيا")
                and _countries(h.members[0]) == _countries(g.members[0])
                and _named(key) <= _named(k)  # another named sender is another cable
            ),
            None,
        )
        if home is not None:
            home.members.extend(groups.pop(key).members)
    by_countries: dict[frozenset[str | None], list[Group]] = defaultdict(list)
    for g in groups.values():
        if g.members[0].summit is None:
            by_countries[_countries(g.members[0])].append(g)
    orphans: list[Candidate] = []
    for c in weak:
        homes = by_countries.get(_countries(c))
        if homes:
            same_sentence = [g for g in homes if any(m.sent == c.sent for m in g.members)]
            (same_sentence or homes)[0].support.append(c)
        elif c.trigger.mode == "meet" and c.trigger.pos == "verb" and not groups:
            orphans.append(c)  # "بحث X مع Y": talks, when the article reports no other interaction
        elif "welcome" in c.trigger.flags and not groups:
            orphans.append(c)  # "وكان ولي العهد في استقبال الرئيس لدى نزوله": the arrival is the news
    for c in orphans:
        key = group_key(c)
        groups.setdefault(key, Group(key)).members.append(c)
    for g in groups.values():
        g.members.sort(key=lambda c: (c.sent, c.index))
    return sorted(groups.values(), key=lambda g: (g.earliest, g.first.sent, g.first.index))


def direction(g: Group) -> tuple[ActorRef, tuple[ActorRef, ...]]:
    """Source and targets by weighted vote: explicit grammar (تلقى من، استقبل) outweighs word order."""
    votes: dict[str | None, int] = defaultdict(int)
    order: dict[str | None, int] = {}
    for n, c in enumerate(g.strong):
        votes[c.source.country] += c.strength
        order.setdefault(c.source.country, n)
    best = max(votes, key=lambda k: (votes[k], -order[k]))
    stand_ins = representatives(g)
    targets = {country: actor for country, actor in stand_ins.items() if country != best}
    return stand_ins[best], tuple(targets.values())


def representatives(g: Group) -> dict[str | None, ActorRef]:
    """The actor standing for each country of a group (in order of first mention): its most-cited
    person, else the state."""
    seen: dict[str | None, dict[str, tuple[int, int, ActorRef]]] = {}
    n = 0
    for c in g.strong:
        for a in (c.source, *c.targets):
            n += 1
            cited = seen.setdefault(a.country, {})
            count, first, _a = cited.get(a.ident, (0, n, a))
            cited[a.ident] = (count + 1, first, a)
    return {
        country: min(cited.values(), key=lambda v: (v[2].role == ROLE_STATE, -v[0], v[1]))[2]
        for country, cited in seen.items()
    }


def in_person_mode(
    g: Group, source: ActorRef, targets: tuple[ActorRef, ...], location: Location | None, host: str | None = None
) -> tuple[str | None, str, ActorRef, tuple[ActorRef, ...]]:
    """(mode, cameo, source, targets) of a meeting: visit when held in one party's country, else third-party;
    `host` is the country of the occasion it continues when neither a place nor a destination is named."""
    parties = (source, *targets)
    host_country = location.country if location is not None else None
    if host_country is None:
        dests = [c.destination for c in g.members if c.destination]
        host_country = dests[0] if dests else host
    if host_country is not None and len(parties) == 2:
        hosts = [a for a in parties if a.country == host_country]
        if not hosts:  # "التقى لافروف أبو الغيط في القاهرة": an organisation hosts at its seat
            seats = load_gazetteer().seats
            hosts = [a for a in parties if a.country is not None and seats.get(a.country) == host_country]
        guests = [a for a in parties if a not in hosts]
        if hosts and guests:
            return "visit", "042", guests[0], (hosts[0],)
        if location is not None:
            return "third-party", "044", source, targets
    if len(parties) > 2:
        return "multilateral", "040", source, targets
    return None, "040", source, targets


def is_background(g: Group) -> bool:
    return g.first.background


def primaries(groups: list[Group]) -> set[int]:
    """Indices of the article's main events: the earliest reported one and those reported beside it."""
    fore = [k for k, g in enumerate(groups) if not is_background(g)]
    if not fore:
        return set()
    lead = min(groups[k].earliest for k in fore)
    main = {k for k in fore if groups[k].earliest == lead}
    lead_pairs = {_countries(groups[k].first) for k in main}
    trips = {
        (groups[k].first.source.ident, groups[k].first.destination)
        for k in main
        if group_name(groups[k].first) == "inperson" and groups[k].first.destination
    }
    for k in fore:
        c = groups[k].first
        if c.status != STATUS_OCCURRED:
            continue
        if c.trigger.event_type == PLOVER_AGREE and _countries(c) in lead_pairs:
            main.add(k)  # an agreement signed between the main parties is main news too
        if group_name(c) == "inperson" and any(
            (m.source.ident, t.country) in trips or (t.ident, m.source.country) in trips
            for m in groups[k].members
            for t in m.targets
        ):
            main.add(k)  # another meeting on the same trip ("ثم انتقل عراقجي إلى ... حيث التقى")
    return main
