"""One candidate event per trigger with parties: roles, status and places read from its sentence."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from schemas.event import Status
from services.extraction.actors import each_of, qualifies_pair
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
from services.extraction.gatherings import chair, forum_party, frame_slots, joint_summit, summit, with_object
from services.extraction.gazetteer import Gazetteer
from services.extraction.lexicon import Trigger, fold_words
from services.extraction.locate import PlaceHit
from services.extraction.mentions import ActorRef
from services.extraction.resolve import Cast
from services.extraction.slots import Roles, Slot, coordinated_after
from services.extraction.text import Doc
from services.extraction.triggers import Clue, find_clues
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
    background = is_background(view.words)
    places = tuple(p for p in view.places if not posting(p.index, view))  # "سفير فرنسا بالجزائر"
    texts = tuple((s.actor.ident, s.text) for s in slots)
    out: list[Candidate] = []
    three_sided = any(many_sided(view.words, c) for c in clues)  # "لقاءً ثلاثياً": one gathering of all
    hosted: str | None = None  # the country hosting talks reported in this sentence
    words = view.words
    present = companions(slots, words)
    prepared = [c.index for c in clues if prepared_for(words, c.index, c.trigger)]
    aims = [i for i in prepared if not announced(words, i)]
    for clue in clues:
        trig, t = clue.trigger, clue.index
        after = clue.end + 1  # "اتصال هاتفي تلقاه X من Y": the receiving verb right after the noun
        receive = find_marker(view.words, "receive", max(0, t - _RECEIVE_WINDOW), after) is not None
        if "invite" in trig.flags and answered_invitation(view.words, t):
            continue  # "بدعوة من" / "تلبية لدعوة": the visit it led to is the event
        if trig.mode == "phone" and t > 0 and view.words[t - 1] == "عبر" and joined_by_link(view.words, t):
            continue  # "شارك بوتين في أعمال القمة عبر الاتصال المرئي": how he took part, not a call
        if "invite" in trig.flags and call_to_act(view, t):
            continue  # "دعوة ترامب إلى نقل سكان غزة": a call to act, not an invitation
        if "invite" in trig.flags and trig.pos == "verb" and not invitation_to_come(view, t):
            continue  # "دعا إلى وقف إطلاق النار": a call, not an invitation
        if not_a_journey(words, t, trig, slots, [p.index for p in view.places]):
            continue  # "تعود إلى الحرب الاقتصادية": is due to, no arrival
        if crowd_received(words, t, trig, slots):
            continue  # "رفضها استقبال طائرات المرحلين": no guest is received
        if welcoming_party(words, t, trig):  # "وكان في استقبال الضيف لدى وصوله …": the visit's arrival
            trig = dataclasses.replace(trig, flags=trig.flags | {"welcome"})
        if "weak" in trig.flags and trig.pos == "noun" and _with_each_of(words, clue.end):
            trig = dataclasses.replace(trig, flags=trig.flags - {"weak"})  # "اتصالات هاتفية مع كل من A وB": each
        if called_for(words, t, trig):
            continue  # "دعا الدول الإسلامية إلى قطع علاقاتها مع إسرائيل": a call, not the act
        if t in aims:
            continue  # "الاستعدادات لتوقيع المعاهدة": what is prepared is not reported as done
        if _whether(words, t):
            continue  # "لم يؤكد الكرملين ما إذا كان بوتين سيتوجه إلى إسطنبول": an open question (rule 32)
        if trig.cameo == _PLEDGE and trig.pos == "noun" and _blamed_before(clues, t):
            continue  # "أدانت بكين قرار واشنطن تقديم مساعدات عسكرية لتايوان": what is blamed (rule 32)
        if "participle" in trig.flags and _passive(words, clue.end, slots):
            continue  # "مواطناً متهماً بالتجسس": accused of, no one accuses
        if t in prepared:
            clue = dataclasses.replace(clue, future=True)  # "التحضيرات لزيارته المرتقبة": it lies ahead
        if trig.event_type == PLOVER_CONSULT and purpose_of_invitation(view.words, clues, t):
            continue  # "دعاه إلى زيارة باريس": the visit is what the invitation is for, not an event
        if trig.frame == "host" and hosts_talks(clues, t, view):  # "استضافت الدوحة محادثات بين …"
            hosted = next((s.actor.country for s in slots if s.mention.start > t), None)
            continue  # the talks are the event, the host is where
        if trig.event_type == PLOVER_CONSULT and three_sided:
            if not many_sided(view.words, clue):
                continue  # "استضاف الأمير لقاءً ثلاثياً …": the three-party meeting is the event
            parties = multi([s for s in slots if not placed(s, view.words, True)])
            if parties:
                status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
                name = doc.span_surface(doc.sentences[sent].first + t, doc.sentences[sent].first + clue.end + 1)
                p = parties[0]
                out.append(
                    Candidate(trig, sent, t, p.source, p.targets, 1, status, background, places, texts, summit=name)
                )
            continue
        if trig.frame == "chair" and in_ones_turn(words, t):
            continue  # "بدوره، أكد الرئيس …": in his turn, no session
        if trig.frame == "chair":
            chaired = chair(view.words, t, slots, recent_igo)
            if chaired is not None:
                status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
                forum: ActorRef | None = chaired[1]
                name = chaired[1].name_ar or chaired[1].name_en or ""
                joint = joint_summit(view.words, slots)
                if joint is not None and joint[0].actor is forum:  # "ترأس أعمال القمة العربية الإسلامية": no IGO's
                    first = doc.sentences[sent].first
                    name = doc.span_surface(first + joint[1], first + joint[2])
                    forum = None
                out.append(
                    Candidate(
                        trig, sent, t, chaired[0], (), 1, status, background, places, texts, summit=name, forum=forum
                    )
                )
            continue
        if trig.frame == "multi" and with_object(slots, t):
            trig = dataclasses.replace(trig, frame="sv")  # "الاجتماع بنظيره": a meeting with someone
        local = frame_slots(slots, view.words, t, trig)
        if local is not None:  # "في موسكو", "قبالة سواحل اليمن" is where, not who
            local = [s for s in local if not placed(s, view.words, trig.event_type == PLOVER_CONSULT)]
            local = [s for s in local if s.mention.start not in present]  # "بحضور وزير الخارجية": not a party
            local = [s for s in local if not affairs_or_people(s, view.words)]  # "تهجير الفلسطينيين": no party
            local = [s for s in local if not any(t < a < s.mention.start for a in aims)]  # the aim's parties
            if trig.event_type in _MEETINGS:  # "نفى المتحدث باسم الحكومة … تسلم رئيس الوزراء رسالة": he reports
                local = _principals(local)
        if local is not None and "arrival" in trig.flags and background:  # "وكان آبي قد وصل إلى طهران، حيث كان
            # في استقباله وزير الخارجية": an earlier arrival for the visit reported, its welcoming party no host
            welcome = next((c.index for c in clues if c.index > t and welcoming_party(words, c.index, c.trigger)), None)
            local = [s for s in local if welcome is None or s.mention.start < welcome]  # the party, no host
        if local is not None:  # a bare nisba names the party blamed right after a verb of blame, else no one
            local = [
                s
                for s in local
                if s.mention.kind != "nisba"
                or blamed(s, local, t, trig, view.words)
                or delegate(s, view)
                or trig.frame == "aid"  # "طائرة مساعدات قطرية": the nisba names the donor
                or (trig.event_type == PLOVER_AGREE and qualifies_pair(view.words, s.mention.start))
            ]  # "وقّع الجانبان المصري والصيني": the nisbas after the pair noun are the signatories
        gathering = forum_party(local, slots, view.words, t) if trig.frame == "multi" else None
        if gathering is not None:  # one named guest at an organisation's summit
            who, igo, igo_slot = gathering
            status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
            named = (*texts, (igo.ident, igo_slot.text))
            out.append(
                Candidate(trig, sent, t, who, (), 1, status, background, places, named, summit=igo.name_ar, forum=igo)
            )
            continue
        if local is None:
            attended = summit(doc, view.words, sent, t, trig, slots, carried)
            if attended is not None and invited_to_gathering(clues, t):
                continue  # "دعوة … إلى السلطان لحضور القمة": the gathering is what the invitation is for
            if attended is not None:
                status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
                negator = negated_join(view.words, t)  # "لن يشارك الرئيس في القمة"
                status = STATUS_DENIED if negator else status
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
                        anaphoric=definite_noun(view.words[t], trig),
                        future=negator == "لن",
                    )
                )
            continue
        talks_between = hosted_talks(words, clues, t, trig) if local is not None else None
        if talks_between == -1:
            continue  # "واستضافت سويسرا المحادثات": the talks reported, the host is where they were held
        dest = next((p.location.country for p in places if p.index > t and p.location.country), None)
        if trig.frame == "aid":  # "وصلت إلى مطار دمشق، اليوم، الطائرة الإغاثية": the place reached comes first
            dest = next((p.location.country for p in places if p.location.country), None)
        if "invite" in trig.flags:  # "دعوة لزيارة طهران": the invitation names where the visit will be
            dest = next((s.actor.country for s in slots if s.mention.start > t and s.mention.kind == "capital"), dest)
        broken = next((c.targets[0] for c in reversed(out) if c.trigger.cameo == "161" and c.targets), None)
        if talks_between is not None and local is not None:  # the parties after بين, never the host
            local = [s for s in local if s.mention.start > talks_between]
            # "بين" past a relative clause ("المحادثات التي جرت في الرياض … بين الوفدين"): read from there
            found_roles = assign(local, talks_between - 1, trig, receive, None, dest, view.words, broken)
        else:
            found_roles = assign(local, t, trig, receive, carried, dest, view.words, broken)
        if "invite" in trig.flags and trig.pos == "verb" and invitee_pronoun(view.words[t]):
            found_roles = _invited_back(out, local, t) or found_roles
        elif "participle" in trig.flags and out and clue.end < len(words) and words[clue.end] in _OBJECT_PRONOUNS:
            found_roles = _invited_back(out, local, t)  # "قطعت علاقاتها مع قطر، متهمة إياها بـ": the one just named
        elif trig.cameo == "036" and out and _pronoun_addressee(words, t) and _none_after(local, t):
            found_roles = _invited_back(out, local, t)  # "تلقى X اتصالاً من Y …، ووجه إليه دعوة لزيارة …"
        pair = _pair_agreeing(slots, words, t, trig)
        if pair is not None:  # "وأكد الجانبان …، كما اتفقا على عقد اجتماع متابعة في المملكة": the two meet
            found_roles = [pair]
        traveller = _traveller_before(out, words, t, trig, local)
        if traveller is not None:  # "وكان أردوغان قد زار السعودية، حيث التقى ولي العهد …، ثم توجه إلى الدوحة"
            found_roles = _went_on(found_roles, traveller, local or [], t, trig, words, out[-1].destination)
        tour = _tour_after(clues, t, trig)
        if tour is not None:  # "وتأتي زيارة سانشيز في إطار جولة تشمل أيضاً غامبيا": the stops are the tour's
            found_roles = [r for r in (_before_tour(r, local, tour) for r in found_roles) if r is not None]
        if trig.event_type in _STANDS and found_roles:  # "قطعت علاقاتها مع قطر، إلى جانب السعودية والإمارات"
            found_roles = [*found_roles, *alongside(local, view.words, t, found_roles[0])]
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
            status = status_at(view.words, t, future=clue.future, planned_word="planned" in trig.flags)
            if status == STATUS_OCCURRED and _scheduled(words, clue.end, clues):
                status = STATUS_PLANNED  # "جولة المحادثات بين الوفدين …، والمقرر عقدها غداً"
            stop = tour_stop(words, t, trig)  # "ضمن جولة خليجية يزور خلالها قطر والإمارات": its next stops
            status = STATUS_PLANNED if stop else status
            if "participle" in trig.flags and out:  # "محذراً إسبانيا من أن خطوة مماثلة ستتخذ": warned, as it acted
                status = out[-1].status
            called_off = trig.event_type in _MEETINGS and cancelled(view.words, t)  # "إلغاء زيارة كان من المقرر"
            status = STATUS_DENIED if called_off else status
            if witnessed(view.words, t, trig):  # "وشهد الرئيسان توقيع اتفاقيات": signed between the states
                states = _first_named([roles.source, *roles.targets], slots)
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
                    anaphoric=(definite_noun(view.words[t], trig) or circumstantial(view.words, t, trig))
                    and "itinerary" not in trig.flags  # "في مستهل جولة تشمل الأردن": new stops, not a recap
                    and not _reception_named(view.words, t, trig, local),
                    future=status == STATUS_PLANNED or future_negation(view.words, t) or called_off,
                )
            )
            handing = _handed_in_person(local, t, trig, words) if status == STATUS_OCCURRED else None
            if handing is not None:  # "سلّم قرقاش، في طهران، عراقجي رسالة": the carrier met the one he handed it to
                meet = dataclasses.replace(trig, mode="meet")
                out.append(Candidate(meet, sent, t, handing[0], (handing[1],), 1, status, background, places, texts))
    return _trip_to_gathering(out, words), next_carried


_GOES_ON = frozenset({"حيث", "ثم"})  # folded: "…، حيث التقى"، "ثم توجه": the same traveller goes on
_JOURNEY = ("visit", "sv")  # frames of a visit or arrival and of a meeting verb
_OWN_SUBJECT_GAP = 4  # a post-posed subject this close after the verb is its own ("ثم توجه الرئيس إلى …")


def _traveller_before(
    earlier: list[Candidate], words: Sequence[str], t: int, trig: Trigger, local: list[Slot] | None
) -> ActorRef | None:
    """'وكان أردوغان قد زار السعودية، حيث التقى ولي العهد في جدة، ثم توجه إلى الدوحة، حيث التقى أمير قطر': a
    meeting verb after حيث, or a verb of travel after ثم, with no subject of its own goes on with the traveller of
    the visit or arrival just reported in the sentence, not the place he went to nor the person he met there
    (rule 33)."""
    if t == 0 or words[t - 1] not in _GOES_ON or trig.pos != "verb" or trig.frame not in _JOURNEY or not earlier:
        return None
    if trig.event_type != PLOVER_CONSULT:  # "حيث وقع البلدان …": another act, with its own parties
        return None
    prev = earlier[-1]
    if prev.trigger.frame not in _JOURNEY or prev.trigger.pos != "verb" or prev.trigger.event_type != PLOVER_CONSULT:
        return None
    persons = (ROLE_STATE, ROLE_ORGANIZATION)
    own = any(
        0 < s.mention.start - t <= _OWN_SUBJECT_GAP and s.mention.prep == "" and s.actor.role not in persons
        for s in local or ()
    )
    if trig.frame == "visit" and own:
        return None
    went_on = prev.index > 0 and words[prev.index - 1] in _GOES_ON  # "حيث التقى …، ثم توجه": the same one
    return prev.source if prev.trigger.frame == "visit" or went_on else None


def _pair_agreeing(slots: list[Slot], words: Sequence[str], t: int, trig: Trigger) -> Roles | None:
    """'أن الطرفين اتفقا كذلك على إنشاء آليات …، وعلى عقد اجتماع متابعة في إسطنبول': a meeting the pair agreed
    on (a dual verb of agreeing after a pair noun) is between the pair's two parties; a state named after it is
    where it will be, or who reports it, never a party (rule 33)."""
    if trig.event_type != PLOVER_CONSULT:
        return None
    agreed = agreeing_verb(words, t)
    if agreed is None or not words[agreed].endswith("ا"):
        return None
    pair = [s for s in slots if s.mention.kind == "pair" and s.mention.start <= agreed]
    return Roles(pair[0].actor, (pair[1].actor,), 1) if len(pair) == 2 else None


_MET_PREPS = ("", "مع", "ب")  # "حيث التقى الرئيس"، "حيث التقى مع"، "حيث التقى بالرئيس"


def _went_on(
    found: list[Roles],
    traveller: ActorRef,
    local: list[Slot],
    t: int,
    trig: Trigger,
    words: Sequence[str],
    there: str | None,
) -> list[Roles]:
    """The traveller's roles: he travels on to the place the verb names, or meets the people named after it
    where he went (`there`: the country of the visit or arrival before)."""
    if trig.frame == "visit":
        return [dataclasses.replace(r, source=traveller) for r in found if traveller.country not in _countries(r)]
    met = [
        k
        for k, s in enumerate(local)
        if s.mention.start > t
        and s.mention.prep in _MET_PREPS
        and s.actor.role not in (ROLE_STATE, ROLE_ORGANIZATION)
        and s.actor.country not in (None, traveller.country)
    ]
    if not met:
        return []
    return [Roles(traveller, (s.actor,), 1, there) for s in coordinated_after(local, met[0], words)]


def _countries(roles: Roles) -> set[str | None]:
    return {a.country for a in roles.targets}


def _tour_after(clues: list[Clue], t: int, trig: Trigger) -> int | None:
    """Where a tour with its stops ("جولة تشمل …") is named after a visit or meeting at t in its sentence."""
    if trig.event_type != PLOVER_CONSULT or "itinerary" in trig.flags:
        return None
    return next((c.index for c in clues if c.index > t and "itinerary" in c.trigger.flags), None)


def _before_tour(roles: Roles, local: list[Slot] | None, tour: int) -> Roles | None:
    """The roles without the parties named after the tour noun: those are its next stops, not the hosts of the
    visit or meeting reported (rule 33); None when no party is left."""
    stops = {id(s.actor) for s in local or () if s.mention.start > tour}
    if id(roles.source) in stops:
        return None
    kept = tuple(a for a in roles.targets if id(a) not in stops)
    if not kept:
        return None
    return roles if len(kept) == len(roles.targets) else dataclasses.replace(roles, targets=kept)


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


def _trip_to_gathering(cands: list[Candidate], words: Sequence[str]) -> list[Candidate]:
    """'يتوجه الرئيس إلى القاهرة للمشاركة في القمة العربية': a trip made to join an organisation's gathering is
    one event towards the organisation, not also a visit to the host state; a bilateral summit ('يزور الهند
    للمشاركة في القمة السنوية الروسية الهندية') stays a visit."""
    for trip in cands:
        if trip.trigger.frame != "visit":
            continue
        for meeting in cands:
            if (
                meeting.trigger.frame == "multi"
                and meeting.index > trip.index
                and meeting.source.ident == trip.source.ident
                and find_marker(words, "summit_join", trip.index + 1, meeting.index) is not None
            ):
                if meeting.forum is not None:  # "القمة العربية": the Arab League's
                    kept = [c for c in cands if c is not trip]
                    return [dataclasses.replace(c, anaphoric=False) if c is meeting else c for c in kept]
                if any(a.role == ROLE_ORGANIZATION for a in trip.targets):  # "… منظمة التعاون الإسلامي"
                    return [c for c in cands if c is not meeting]
    return cands


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


_MEETINGS = (PLOVER_CONSULT, PLOVER_AGREE)


def speaks_for_another(a: ActorRef) -> bool:
    """A spokesperson (of a presidency, a government, a ministry) reports the acts of the principal: the voice
    of a statement, but in a meeting, call, letter or agreement he announces only his state stands there."""
    return a.office is not None and a.office.endswith("spokesperson")


def _principals(local: list[Slot]) -> list[Slot]:
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


def _first_named(parties: list[ActorRef], slots: list[Slot]) -> list[ActorRef]:
    """The parties' states, the one the sentence names first leading (unnamed signers: first-named first)."""
    first = {s.actor.country: k for k, s in reversed(list(enumerate(slots)))}
    return [state_of(a) for a in sorted(parties, key=lambda a: first.get(a.country, len(slots)))]


def _valid(roles: Roles, trig: Trigger) -> bool:
    if not roles.targets:
        return False
    return all(t.country is not None and t.country != roles.source.country for t in roles.targets)
