"""One candidate event per trigger with parties: roles, status and places read from its sentence."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from schemas.event import Status
from services.extraction.actors import PUNCT, each_of, qualifies_pair
from services.extraction.codes import (
    PLOVER_ACCUSE,
    PLOVER_AGREE,
    PLOVER_CONSULT,
    PLOVER_REJECT,
    PLOVER_SANCTION,
    PLOVER_SUPPORT,
    ROLE_ORGANIZATION,
    ROLE_STATE,
    STATUS_DENIED,
    STATUS_OCCURRED,
    STATUS_PLANNED,
)
from services.extraction.context import (
    agreeing_verb,
    cancelled,
    find_marker,
    future_negation,
    is_background,
    status_at,
)
from services.extraction.credentials import presented_credentials
from services.extraction.cues import (
    ADDRESSEES,
    BLAME,
    affairs_or_people,
    announced,
    answered_invitation,
    blamed,
    call_to_act,
    called_for,
    circumstantial,
    companions,
    crowd_received,
    definite_noun,
    delegate,
    hosted_talks,
    hosts_talks,
    in_ones_turn,
    invitation_to_come,
    invited_to_gathering,
    invitee_pronoun,
    joined_by_link,
    many_sided,
    negated_join,
    not_a_journey,
    placed,
    posting,
    prepared_for,
    purpose_of_invitation,
    tour_stop,
    welcoming_party,
    witnessed,
)
from services.extraction.frame_kinds import multi
from services.extraction.frames import HAND_OVER_REACH, assign
from services.extraction.gatherings import (
    chair,
    forum_party,
    frame_slots,
    held_ahead,
    joint_summit,
    summit,
    with_object,
)
from services.extraction.gazetteer import Gazetteer
from services.extraction.lexicon import Trigger, marker_index
from services.extraction.locate import PlaceHit
from services.extraction.mentions import ActorRef
from services.extraction.parties import alongside, first_named, principals
from services.extraction.resolve import Cast
from services.extraction.slots import Roles, Slot
from services.extraction.text import Doc
from services.extraction.triggers import Clue, find_clues
from services.extraction.trips import before_tour, tour_after, traveller_before, trip_to_gathering, went_on
from services.extraction.views import SentenceView, sentence_slots

_SON_OF = frozenset({"بن", "بنت", "ابن"})  # folded: the word after one is a name
_OBJECT_PRONOUNS = frozenset({"اياه", "اياها", "اياهم", "اياهما"})  # folded إياه …: a detached object pronoun
_RECEIVE_WINDOW = 18  # "تلقى <long honorific chain> رسالة"
_PLEDGE = "033"


@dataclass(frozen=True, slots=True, init=False)
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
    destination: str | None
    destination_country_only: bool  # the destination was named as a state, no city
    summit: str | None  # name of the gathering, for a multilateral event without listed parties
    forum: ActorRef | None  # the gathering as a known IGO/forum, when the gazetteer knows it
    anaphoric: bool  # a definite verbal noun (اللقاء، الاتصال) referring back to a reported event
    future: bool  # the act lies ahead (planned, or denied with لن)

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(
        self,
        trigger: Trigger,
        sent: int,
        index: int,
        source: ActorRef,
        targets: tuple[ActorRef, ...],
        strength: int,
        status: Status,
        background: bool,
        places: tuple[PlaceHit, ...],
        texts: tuple[tuple[str, str], ...],
        destination: str | None = None,
        destination_country_only: bool = False,
        summit: str | None = None,
        forum: ActorRef | None = None,
        anaphoric: bool = False,
        future: bool = False,
    ) -> None:
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "sent", sent)
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "source", source)
        object.__setattr__(self, "targets", targets)
        object.__setattr__(self, "strength", strength)
        object.__setattr__(self, "status", status)
        object.__setattr__(self, "background", background)
        object.__setattr__(self, "places", places)
        object.__setattr__(self, "texts", texts)
        object.__setattr__(self, "destination", destination)
        object.__setattr__(self, "destination_country_only", destination_country_only)
        object.__setattr__(self, "summit", summit)
        object.__setattr__(self, "forum", forum)
        object.__setattr__(self, "anaphoric", anaphoric)
        object.__setattr__(self, "future", future)


@dataclass
class Budget:
    """Work left for one article: sentences plus triggers examined (hostile input stays bounded)."""

    clues: int = 2000


class _Scene:
    """One sentence as each of its triggers is read against it: words, parties, places and clues."""

    doc: Doc
    view: SentenceView
    sent: int
    words: Sequence[str]
    slots: list[Slot]
    clues: list[Clue]
    background: bool
    places: tuple[PlaceHit, ...]
    texts: tuple[tuple[str, str], ...]
    present: frozenset[int]
    prepared: list[int]
    aims: list[int]

    def __init__(self, doc: Doc, view: SentenceView, sent: int, slots: list[Slot], clues: list[Clue]) -> None:
        self.doc = doc
        self.view = view
        self.sent = sent
        self.words = view.words
        self.slots = slots
        self.clues = clues
        self.background = is_background(view.words)
        self.places = tuple(p for p in view.places if not posting(p.index, view))  # "سفير فرنسا بالجزائر"
        self.texts = tuple((s.actor.ident, s.text) for s in slots)
        self.present = companions(slots, view.words)
        self.prepared = [c.index for c in clues if prepared_for(view.words, c.index, c.trigger)]
        self.aims = [i for i in self.prepared if not announced(view.words, i)]

    def status(self, clue: Clue, trig: Trigger) -> Status:
        return status_at(self.words, clue.index, future=clue.future, planned_word="planned" in trig.flags)

    def surface(self, start: int, end: int) -> str:
        """The text of the sentence-local words start..end-1 as written."""
        first = self.doc.sentences[self.sent].first
        return self.doc.span_surface(first + start, first + end)


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
    clues = [  # "فيصل" is not "ف + يصل", nor after بن in a name the gazetteer lacks ("سعود بن فيصل")
        c
        for c in find_clues(view.words, view.clues)
        if c.index not in inside and not (c.index and view.words[c.index - 1] in _SON_OF)
    ]
    if budget is not None:
        clues = clues[: max(budget.clues, 0)]
        budget.clues -= len(clues)
    slots = sentence_slots(doc, view, sent, cast, carried, surfaces=bool(clues))
    persons = [s.actor for s in slots if s.actor.role not in (ROLE_STATE, ROLE_ORGANIZATION)]
    next_carried = persons[0] if persons else carried
    if not clues or find_marker(view.words, "sport", 0, len(view.words)) is not None:
        return [], next_carried  # "حل المنتخب ضيفاً على بوتسوانا": a match, not a visit
    scene = _Scene(doc, view, sent, slots, clues)
    words, places, texts, background = scene.words, scene.places, scene.texts, scene.background
    out: list[Candidate] = []
    three_sided = any(many_sided(words, c) for c in clues)  # "لقاءً ثلاثياً": one gathering of all
    hosted: str | None = None  # the country hosting talks reported in this sentence
    for clue in clues:
        trig, t = clue.trigger, clue.index
        if _no_act(clue, scene):
            continue
        trig = _qualified(trig, words, t, clue.end)
        if _not_reported(trig, t, clue.end, scene):
            continue
        if t in scene.prepared:
            clue = dataclasses.replace(clue, future=True)  # "التحضيرات لزيارته المرتقبة": it lies ahead
        if trig.event_type == PLOVER_CONSULT and purpose_of_invitation(words, clues, t):
            continue  # "دعاه إلى زيارة باريس": the visit is what the invitation is for, not an event
        if trig.frame == "host" and hosts_talks(clues, t, view):  # "استضافت الدوحة محادثات بين …"
            hosted = next((s.actor.country for s in slots if s.mention.start > t), None)
            continue  # the talks are the event, the host is where
        if trig.event_type == PLOVER_CONSULT and three_sided:
            out.extend(_gathering_of_all(clue, trig, scene))
            continue
        if trig.frame == "chair":
            out.extend(_chaired(clue, trig, scene, recent_igo))
            continue
        if trig.frame == "multi" and with_object(slots, t):
            trig = dataclasses.replace(trig, frame="sv")  # "الاجتماع بنظيره": a meeting with someone
        local = _local_parties(trig, t, scene)
        if trig.frame == "multi" and local is not None and held_ahead(words, t):
            clue = dataclasses.replace(clue, future=True)  # "على أن يعقد وزيرا خارجية البلدين … اجتماعاً"
        gathering = forum_party(local, slots, words, t) if trig.frame == "multi" else None
        if gathering is not None:  # one named guest at an organisation's summit
            who, igo, igo_slot = gathering
            named = (*texts, (igo.ident, igo_slot.text))
            status = scene.status(clue, trig)
            out.append(
                Candidate(trig, sent, t, who, (), 1, status, background, places, named, summit=igo.name_ar, forum=igo)
            )
            continue
        if local is None:
            out.extend(_attended(clue, trig, scene, carried))
            continue
        talks_between = hosted_talks(words, clues, t, trig)
        if talks_between == -1:
            continue  # "واستضافت سويسرا المحادثات": the talks reported, the host is where they were held
        dest = _destination(trig, t, scene)
        broken = next((c.targets[0] for c in reversed(out) if c.trigger.cameo == "161" and c.targets), None)
        receive = find_marker(words, "receive", max(0, t - _RECEIVE_WINDOW), clue.end + 1) is not None
        if talks_between is not None:  # the parties after بين, never the host
            local = [s for s in local if s.mention.start > talks_between]
            # "بين" past a relative clause ("المحادثات التي جرت في الرياض … بين الوفدين"): read from there
            found_roles = assign(local, talks_between - 1, trig, receive, None, dest, words, broken)
        else:
            found_roles = assign(local, t, trig, receive, carried, dest, words, broken)
        if "invite" in trig.flags and trig.pos == "verb" and invitee_pronoun(words[t]):
            found_roles = _invited_back(out, local, t) or found_roles
        elif "participle" in trig.flags and out and clue.end < len(words) and words[clue.end] in _OBJECT_PRONOUNS:
            found_roles = _invited_back(out, local, t)  # "قطعت علاقاتها مع قطر، متهمة إياها بـ": the one just named
        elif trig.cameo == "036" and out and _pronoun_addressee(words, t) and _none_after(local, t):
            found_roles = _invited_back(out, local, t)  # "تلقى X اتصالاً من Y …، ووجه إليه دعوة لزيارة …"
        if "credentials" in trig.flags:  # "تسلم الملك أوراق اعتماد سفير اليابان وسفير البرازيل": each calls on him
            next_act = next((c.index for c in clues if c.index > t), len(words))
            found_roles = presented_credentials(local, t, clue.end, next_act)
        pair = _pair_agreeing(slots, words, t, trig)
        if pair is not None:  # "وأكد الجانبان …، كما اتفقا على عقد اجتماع متابعة في المملكة": the two meet
            found_roles = [pair]
        traveller = traveller_before(out, words, t, trig, local)
        if traveller is not None:  # "وكان أردوغان قد زار السعودية، حيث التقى ولي العهد …، ثم توجه إلى الدوحة"
            found_roles = went_on(found_roles, traveller, local, t, trig, words, out[-1].destination)
        tour = tour_after(clues, t, trig)
        if tour is not None:  # "وتأتي زيارة سانشيز في إطار جولة تشمل أيضاً غامبيا": the stops are the tour's
            found_roles = [r for r in (before_tour(r, local, tour) for r in found_roles) if r is not None]
        if trig.event_type in _STANDS and found_roles:  # "قطعت علاقاتها مع قطر، إلى جانب السعودية والإمارات"
            found_roles = [*found_roles, *alongside(local, words, t, found_roles[0])]
        for roles in found_roles:
            if not _valid(roles, trig) or ("participle" in trig.flags and _restated(out, roles, trig)):
                continue
            if roles.recall:
                trig = dataclasses.replace(trig, event_type=PLOVER_SANCTION, mode=None, cameo="161")
            delegates = roles.talks or (
                trig.pos == "noun" and any(delegate(s, view) for s in local if s.actor is roles.source)
            )
            if delegates and trig.mode == "meet":  # talks between delegations: a negotiation between states
                trig = dataclasses.replace(trig, mode="negotiation", cameo="046", flags=trig.flags | {"delegations"})
            status = scene.status(clue, trig)
            if status == STATUS_OCCURRED and _scheduled(words, clue.end, clues):
                status = STATUS_PLANNED  # "جولة المحادثات بين الوفدين …، والمقرر عقدها غداً"
            stop = tour_stop(words, t, trig)  # "ضمن جولة خليجية يزور خلالها قطر والإمارات": its next stops
            status = STATUS_PLANNED if stop else status
            if "participle" in trig.flags and out:  # "محذراً إسبانيا من أن خطوة مماثلة ستتخذ": warned, as it acted
                status = out[-1].status
            called_off = trig.event_type in _MEETINGS and cancelled(words, t)  # "إلغاء زيارة كان من المقرر"
            status = STATUS_DENIED if called_off else status
            if witnessed(words, t, trig):  # "وشهد الرئيسان توقيع اتفاقيات": signed between the states
                states = first_named([roles.source, *roles.targets], slots)
                roles = dataclasses.replace(roles, source=states[0], targets=tuple(states[1:]))
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
                    roles.destination or (dest if "invite" in trig.flags else (hosted if delegates else None)),
                    destination_country_only=roles.country_only or "itinerary" in trig.flags or stop,  # no city
                    anaphoric=(definite_noun(words[t], trig) or circumstantial(words, t, trig))
                    and "itinerary" not in trig.flags  # "في مستهل جولة تشمل الأردن": new stops, not a recap
                    and pair is None  # "واتفق الجانبان على استئناف المحادثات": new talks agreed, not a recap
                    and not _reception_named(words, t, trig, local),
                    future=status == STATUS_PLANNED or future_negation(words, t) or called_off,
                )
            )
            handing = _handed_in_person(local, t, trig, words) if status == STATUS_OCCURRED else None
            if handing is not None:  # "سلّم قرقاش، في طهران، عراقجي رسالة": the carrier met the one he handed it to
                meet = dataclasses.replace(trig, mode="meet")
                out.append(Candidate(meet, sent, t, handing[0], (handing[1],), 1, status, background, places, texts))
    return trip_to_gathering(out, words), next_carried


def _no_act(clue: Clue, scene: _Scene) -> bool:
    """A trigger word that reports no act of its own: an answered invitation, a video link, a call to act, a
    verb of movement with no journey, a crowd received."""
    trig, t, words, view = clue.trigger, clue.index, scene.words, scene.view
    if "invite" in trig.flags and answered_invitation(words, t):
        return True  # "بدعوة من" / "تلبية لدعوة": the visit it led to is the event
    if trig.mode == "phone" and t > 0 and words[t - 1] == "عبر" and joined_by_link(words, t):
        return True  # "شارك بوتين في أعمال القمة عبر الاتصال المرئي": how he took part, not a call
    if "invite" in trig.flags and call_to_act(view, t):
        return True  # "دعوة ترامب إلى نقل سكان غزة": a call to act, not an invitation
    if "invite" in trig.flags and trig.pos == "verb" and not invitation_to_come(view, t):
        return True  # "دعا إلى وقف إطلاق النار": a call, not an invitation
    if not_a_journey(words, t, trig, scene.slots, [p.index for p in view.places]):
        return True  # "تعود إلى الحرب الاقتصادية": is due to, no arrival
    return crowd_received(words, t, trig, scene.slots)  # "رفضها استقبال طائرات المرحلين": no guest is received


def _qualified(trig: Trigger, words: Sequence[str], t: int, end: int) -> Trigger:
    """The trigger with the flags its surroundings add or lift."""
    if welcoming_party(words, t, trig):  # "وكان في استقبال الضيف لدى وصوله …": the visit's arrival
        trig = dataclasses.replace(trig, flags=trig.flags | {"welcome"})
    if "weak" in trig.flags and trig.pos == "noun" and _with_each_of(words, end):
        trig = dataclasses.replace(trig, flags=trig.flags - {"weak"})  # "اتصالات هاتفية مع كل من A وB": each
    return trig


def _not_reported(trig: Trigger, t: int, end: int, scene: _Scene) -> bool:
    """An act called for, prepared, asked about, blamed or suffered: not reported as done by its parties."""
    words = scene.words
    if called_for(words, t, trig):
        return True  # "دعا الدول الإسلامية إلى قطع علاقاتها مع إسرائيل": a call, not the act
    if t in scene.aims:
        return True  # "الاستعدادات لتوقيع المعاهدة": what is prepared is not reported as done
    if _whether(words, t):
        return True  # "لم يؤكد الكرملين ما إذا كان بوتين سيتوجه إلى إسطنبول": an open question (rule 32)
    if trig.cameo == _PLEDGE and trig.pos == "noun" and _blamed_before(scene.clues, t):
        return True  # "أدانت بكين قرار واشنطن تقديم مساعدات عسكرية لتايوان": what is blamed (rule 32)
    if trig.mode in _TALKS and trig.pos == "noun" and _discussed(words, t) and not _ahead(trig, t, end, scene):
        return True  # "وبحث الجانبان … سير مفاوضات اتفاقية التجارة الحرة بين البلدين": a topic (rule 35)
    return "participle" in trig.flags and _passive(words, end, scene.slots)  # "مواطناً متهماً بالتجسس": accused of


def _gathering_of_all(clue: Clue, trig: Trigger, scene: _Scene) -> list[Candidate]:
    """'استضاف الأمير لقاءً ثلاثياً …': in a sentence naming a three-party meeting, that meeting is the one
    event, among all the parties named."""
    if not many_sided(scene.words, clue):
        return []
    parties = multi([s for s in scene.slots if not placed(s, scene.words, True)])
    if not parties:
        return []
    status = scene.status(clue, trig)
    name = scene.surface(clue.index, clue.end + 1)
    p = parties[0]
    return [
        Candidate(
            trig,
            scene.sent,
            clue.index,
            p.source,
            p.targets,
            1,
            status,
            scene.background,
            scene.places,
            scene.texts,
            summit=name,
        )
    ]


def _chaired(clue: Clue, trig: Trigger, scene: _Scene, recent_igo: ActorRef | None) -> list[Candidate]:
    """'ترأس X أعمال قمة <IGO>': the chair's session of a gathering; 'بدوره' (in his turn) names none."""
    t, words = clue.index, scene.words
    if in_ones_turn(words, t):
        return []  # "بدوره، أكد الرئيس …": in his turn, no session
    chaired = chair(words, t, scene.slots, recent_igo)
    if chaired is None:
        return []
    status = scene.status(clue, trig)
    forum: ActorRef | None = chaired[1]
    name = chaired[1].name_ar or chaired[1].name_en or ""
    joint = joint_summit(words, scene.slots)
    if joint is not None and joint[0].actor is forum:  # "ترأس أعمال القمة العربية الإسلامية": no IGO's
        name = scene.surface(joint[1], joint[2])
        forum = None
    return [
        Candidate(
            trig,
            scene.sent,
            t,
            chaired[0],
            (),
            1,
            status,
            scene.background,
            scene.places,
            scene.texts,
            summit=name,
            forum=forum,
        )
    ]


def _local_parties(trig: Trigger, t: int, scene: _Scene) -> list[Slot] | None:
    """The slots that may be the trigger's parties; None for a gathering word that names none."""
    words, view, clues = scene.words, scene.view, scene.clues
    local = frame_slots(scene.slots, words, t, trig)
    if local is None:
        return None
    # "في موسكو", "قبالة سواحل اليمن" is where, not who
    local = [s for s in local if not placed(s, words, trig.event_type == PLOVER_CONSULT)]
    local = [s for s in local if s.mention.start not in scene.present]  # "بحضور وزير الخارجية": not a party
    local = [s for s in local if not affairs_or_people(s, words)]  # "تهجير الفلسطينيين": no party
    local = [s for s in local if not _represented(s, words)]  # "الممثلة الخاصة للأمين العام": whose envoy
    local = [s for s in local if not _titled_member(s, local, words)]  # "رئيسة بعثة الأمم المتحدة … هانا تيتيه"
    local = [s for s in local if not _portfolio(s, local)]  # "وزيرة الشؤون الخارجية والأوروبية لجمهورية سلوفينيا"
    local = [s for s in local if not any(t < a < s.mention.start for a in scene.aims)]  # the aim's parties
    if trig.event_type in _MEETINGS:  # "نفى المتحدث باسم الحكومة … تسلم رئيس الوزراء رسالة": he reports
        local = principals(local)
    if "arrival" in trig.flags and scene.background:  # "وكان آبي قد وصل إلى طهران، حيث كان في استقباله وزير
        # الخارجية": an earlier arrival for the visit reported, its welcoming party no host
        welcome = next((c.index for c in clues if c.index > t and welcoming_party(words, c.index, c.trigger)), None)
        local = [s for s in local if welcome is None or s.mention.start < welcome]  # the party, no host
        local = _without_greeters(local, words, t)
    # a bare nisba names the party blamed right after a verb of blame, else no one
    return [
        s
        for s in local
        if s.mention.kind != "nisba"
        or blamed(s, local, t, trig, words)
        or delegate(s, view)
        or trig.frame == "aid"  # "طائرة مساعدات قطرية": the nisba names the donor
        or (trig.event_type == PLOVER_AGREE and qualifies_pair(words, s.mention.start))
    ]  # "وقّع الجانبان المصري والصيني": the nisbas after the pair noun are the signatories


def _without_greeters(local: list[Slot], words: Sequence[str], t: int) -> list[Slot]:
    """'وكان مودي قد وصل إلى القاهرة أمس، حيث كان الدكتور مصطفى مدبولي … في مقدمة مستقبليه': the one named
    between the place reached and a phrase of greeting (`greeters` in `markers.tsv`) welcomed an earlier arrival,
    no host of the visit reported (rules 28, 35)."""
    greeters = find_marker(words, "greeters", t + 1, len(words))
    if greeters is None:
        return local
    reached = next((s.mention.end for s in local if s.mention.start > t and s.actor.role == ROLE_STATE), None)
    return [s for s in local if reached is None or not reached <= s.mention.start < greeters]


def _attended(clue: Clue, trig: Trigger, scene: _Scene, carried: ActorRef | None) -> list[Candidate]:
    """A party attending a named gathering ('حضوره قمة الدول المطلة على بحر قزوين'), unless the gathering is
    what an invitation is for."""
    t, words = clue.index, scene.words
    attended = summit(scene.doc, words, scene.sent, t, trig, scene.slots, carried)
    if attended is None or invited_to_gathering(scene.clues, t):
        return []  # "دعوة … إلى السلطان لحضور القمة": the gathering is what the invitation is for
    status = scene.status(clue, trig)
    negator = negated_join(words, t)  # "لن يشارك الرئيس في القمة"
    status = STATUS_DENIED if negator else status
    name = attended[1] if isinstance(attended[1], str) else attended[1].name_ar or ""
    forum_ref = attended[1] if isinstance(attended[1], ActorRef) else None
    if (
        "weak" in trig.flags
        and (forum_ref is not None or _named_gathering(words, clue.end))
        and not _inside_name(clue, scene)
    ):
        # "للمشاركة في مؤتمر الأمم المتحدة للمحيطات"، "شارك في أعمال مؤتمر بغداد للتعاون والشراكة": a gathering
        # joined and named, no press conference
        trig = dataclasses.replace(trig, flags=trig.flags - {"weak"})
    return [
        Candidate(
            trig,
            scene.sent,
            t,
            attended[0],
            (),
            1,
            status,
            scene.background,
            scene.places,
            (*scene.texts, *attended[2]),
            summit=name,
            forum=forum_ref,
            anaphoric=definite_noun(words[t], trig) and forum_ref is None,  # "في أعمال القمة السادسة عشرة
            # لمجموعة بريكس": an organisation's gathering joined is its own event, grouped by its name (rule 35)
            future=negator == "لن",
        )
    ]


_NAME_SPAN = 6  # "الاجتماع الوزاري الرابع لمنتدى الصين ودول أمريكا اللاتينية"


def _inside_name(clue: Clue, scene: _Scene) -> bool:
    """A gathering noun a few words after another one is part of that one's name ('الاجتماع الوزاري الرابع لمنتدى
    الصين ودول أمريكا اللاتينية'): the forum whose meeting is joined, not a second gathering."""
    return any(c.trigger.frame == "multi" and 0 < clue.index - c.index <= _NAME_SPAN for c in scene.clues)


def _named_gathering(words: Sequence[str], end: int) -> bool:
    """A gathering noun followed by its name ('مؤتمر بغداد للتعاون'، 'منتدى بوآو الآسيوي'), not by a generic
    word (`generic` in `markers.tsv`: 'مؤتمر صحفي'، 'منتدى اقتصادي') nor by nothing."""
    if end >= len(words) or words[end] == PUNCT:
        return False
    return find_marker(words, "generic", end, end + 1) is None


def _destination(trig: Trigger, t: int, scene: _Scene) -> str | None:
    """The country a visit goes to: the first place named after the trigger."""
    places = scene.places
    dest = next((p.location.country for p in places if p.index > t and p.location.country), None)
    if trig.frame == "aid":  # "وصلت إلى مطار دمشق، اليوم، الطائرة الإغاثية": the place reached comes first
        dest = next((p.location.country for p in places if p.location.country), None)
    if "invite" in trig.flags:  # "دعوة لزيارة طهران": the invitation names where the visit will be
        dest = next((s.actor.country for s in scene.slots if s.mention.start > t and s.mention.kind == "capital"), dest)
    return dest


def _pair_agreeing(slots: list[Slot], words: Sequence[str], t: int, trig: Trigger) -> Roles | None:
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


_DURING = frozenset({"خلال", "في", "عقب", "بعد"})  # folded: "بحث الوزيران خلال المفاوضات": the talks held


_TALKS = ("negotiation", "meet")


def _discussed(words: Sequence[str], t: int) -> bool:
    """Talks named after a verb of discussing (`discuss` in `markers.tsv`), not as when they were held ('خلال
    المفاوضات') nor as its subject ('وتناول اللقاء …'), are what the parties discussed: a topic, not an act."""
    if t > 0 and words[t - 1] in _DURING:
        return False
    verb = find_marker(words, "discuss", 0, t)
    return verb is not None and verb + 1 < t


def _ahead(trig: Trigger, t: int, end: int, scene: _Scene) -> bool:
    """'مسار مفاوضات … والجولة المقبلة منها المقرر عقدها في طوكيو': a round put ahead is reported, topic or not."""
    status = status_at(scene.words, t, future=False, planned_word="planned" in trig.flags)
    return status != STATUS_OCCURRED or _scheduled(scene.words, end, scene.clues)


_TITLE_REACH = 3  # "المبعوثة الخاصة للأمين العام"


def _represented(s: Slot, words: Sequence[str]) -> bool:
    """'استقبل المنفي الممثلة الخاصة للأمين العام للأمم المتحدة … هانا تيتيه': the one named with لـ right after
    a representative's title (`represents` in `markers.tsv`) is whose envoy is received, not a party (rule 35)."""
    start = s.mention.start
    if s.mention.prep != "ل":
        return False
    index = marker_index()
    return any(k + index.longest(words, k, "represents") == start for k in range(max(0, start - _TITLE_REACH), start))


def _portfolio(s: Slot, local: Sequence[Slot]) -> bool:
    """'وزيرة الشؤون الخارجية والأوروبية لجمهورية سلوفينيا': an organisation's adjective joined by و right after an
    office title is part of the minister's portfolio, not a party (rule 35)."""
    m = s.mention
    return (
        m.kind == "igo"
        and m.conj
        and m.end - m.start == 1
        and any(o.mention.kind == "title" and o.mention.end == m.start for o in local)
    )


_MEMBER_REACH = 5  # "بعثة الأمم المتحدة للدعم في ليبيا هانا تيتيه"


def _titled_member(s: Slot, local: Sequence[Slot], words: Sequence[str]) -> bool:
    """'رئيسة بعثة الأمم المتحدة للدعم في ليبيا هانا تيتيه'، 'رئيس المجلس الأوروبي شارل ميشيل': an organisation
    named in the title of one of its people, who is named right after it, is part of that title, not another
    party (rule 35)."""
    if s.mention.kind != "igo":
        return False
    end = s.mention.end
    return any(
        p.actor.country == s.actor.country
        and p.mention.kind == "person"
        and 0 <= p.mention.start - end <= _MEMBER_REACH
        and PUNCT not in words[end : p.mention.start]
        for p in local
    )


_WHETHER_REACH = 4  # "ما إذا كان الرئيس الروسي سيتوجه"
_WHAT = frozenset({"ما", "عما"})  # "ما إذا"، "عما إذا": whether


def _whether(words: Sequence[str], t: int) -> bool:
    """An act asked about after 'ما إذا' (whether) is neither reported nor announced."""
    return any(words[k] == "اذا" and words[k - 1] in _WHAT for k in range(max(1, t - _WHETHER_REACH), t))


def _blamed_before(clues: list[Clue], t: int) -> bool:
    return any(c.trigger.event_type in BLAME and c.index < t for c in clues)


def _reception_named(words: Sequence[str], t: int, trig: Trigger, local: Sequence[Slot]) -> bool:
    """'وجاء ذلك خلال استقبال الرئيس السيسي للصفدي': a reception noun with its host right after it and its guest
    after لـ names a meeting of its own, not the one reported before (rule 31); 'خلال هذا الاستقبال' refers back."""
    if trig.frame != "host" or definite_noun(words[t], trig):
        return False
    starts = {s.mention.start for s in local}
    return t + 1 in starts and any(k > t + 1 and words[k].startswith("ل") for k in starts)


def _handed_in_person(
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


_SCHEDULED_REACH = 20  # words from an act's noun to the relative that schedules it, no other act between


def _scheduled(words: Sequence[str], after: int, clues: list[Clue]) -> bool:
    """'المحادثات … بين الوفدين …، والمقرر عقدها في مسقط غداً': a relative whose pronoun refers back to the
    act named before it (no other act named between them) puts that act ahead."""
    stop = min((c.index for c in clues if c.index >= after), default=len(words))
    return find_marker(words, "scheduled", after, min(stop, after + _SCHEDULED_REACH)) is not None


def _passive(words: Sequence[str], after: int, slots: list[Slot]) -> bool:
    """A participle with no object, a ب phrase right after it ('متهماً بالتجسس'، 'مهدد بالانهيار'), is the
    passive; a name starting with ب ('محذرة باريس من') is its object."""
    if after >= len(words):
        return True
    return words[after].startswith("ب") and not any(s.mention.start == after for s in slots)


def _restated(earlier: list[Candidate], roles: Roles, trig: Trigger) -> bool:
    """'ندد الوزير بالعقوبات، … ومتهماً واشنطن بـ': the accusing participle restates the blame its clause
    already voiced against the same party, one act."""
    pair = (roles.source.country, {t.country for t in roles.targets})
    return any(
        c.trigger.event_type == trig.event_type and (c.source.country, {t.country for t in c.targets}) == pair
        for c in earlier
    )


def _with_each_of(words: Sequence[str], end: int) -> bool:
    """'أجرى سلسلة اتصالات هاتفية مع كل من A وB': a plural act with each of the parties listed is one act
    with each of them, not a generic mention (rule 5)."""
    return end + 2 < len(words) and words[end] == "مع" and each_of(words, end + 3)


_ADDRESSEE_REACH = 2  # "ووجه إليه دعوة"، "وجه خلاله دعوة له"


def _pronoun_addressee(words: Sequence[str], t: int) -> bool:
    """An invitation addressed to a pronoun right before or after the noun ('ووجه إليه دعوة')."""
    return any(w in ADDRESSEES for w in words[max(0, t - _ADDRESSEE_REACH) : t + 1 + _ADDRESSEE_REACH])


def _none_after(slots: list[Slot], t: int) -> bool:
    """No person named after the noun (a state or city there is where the visit would be)."""
    return all(s.mention.start < t or s.actor.role in (ROLE_STATE, ROLE_ORGANIZATION) for s in slots)


def _invited_back(earlier: list[Candidate], slots: list[Slot], t: int) -> list[Roles]:
    """'اتصل X بـY … ودعاه إلى زيارة تركيا': the inviter is the one who acted earlier in the sentence and
    the pronoun on the verb is the other party; without such an act, the first and last named before it."""
    if earlier:
        prev = earlier[-1]
        return [Roles(prev.source, prev.targets[:1], 2)] if prev.targets else []
    before = [s for s in slots if s.mention.end <= t]
    if len(before) >= 2 and before[0].actor.country != before[-1].actor.country:
        return [Roles(before[0].actor, (before[-1].actor,), 2)]
    return []


_STANDS = (PLOVER_SANCTION, PLOVER_ACCUSE, PLOVER_REJECT, PLOVER_SUPPORT)


_MEETINGS = (PLOVER_CONSULT, PLOVER_AGREE)


def _valid(roles: Roles, trig: Trigger) -> bool:
    if not roles.targets:
        return False
    return all(t.country is not None and t.country != roles.source.country for t in roles.targets)
