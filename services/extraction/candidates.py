"""One candidate event per trigger with parties: roles, status and places read from its sentence."""

from __future__ import annotations

import dataclasses

from services.extraction.acts_reported import no_act, not_reported, qualified, restated_noun, scheduled
from services.extraction.candidate import MEETINGS, Budget, Candidate, Scene
from services.extraction.candidate_roles import (
    destination,
    handed_in_person,
    invited_back,
    none_after,
    pair_agreeing,
    pronoun_addressee,
    reception_named,
    restated,
    valid_roles,
)
from services.extraction.codes import (
    PLOVER_ACCUSE,
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
from services.extraction.context import cancelled, find_marker, future_negation
from services.extraction.credentials import presented_credentials
from services.extraction.cues import (
    circumstantial,
    definite_noun,
    delegate,
    hosted_talks,
    hosts_talks,
    invitee_pronoun,
    many_sided,
    purpose_of_invitation,
    tour_stop,
    witnessed,
)
from services.extraction.frames import assign
from services.extraction.gathering_candidates import attended_gathering, chaired_session, gathering_of_all
from services.extraction.gatherings import forum_party, held_ahead, with_object
from services.extraction.gazetteer import Gazetteer
from services.extraction.mentions import ActorRef
from services.extraction.parties import alongside, first_named
from services.extraction.resolve import Cast
from services.extraction.text import Doc
from services.extraction.trigger_parties import local_parties
from services.extraction.triggers import find_clues
from services.extraction.trips import before_tour, tour_after, traveller_before, trip_to_gathering, went_on
from services.extraction.views import SentenceView, sentence_slots

_SON_OF = frozenset({"بن", "بنت", "ابن"})  # folded: the word after one is a name


_OBJECT_PRONOUNS = frozenset({"اياه", "اياها", "اياهم", "اياهما"})  # folded إياه …: a detached object pronoun


_RECEIVE_WINDOW = 18  # "تلقى <long honorific chain> رسالة"


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
    scene = Scene(doc, view, sent, slots, clues)
    words, places, texts, background = scene.words, scene.places, scene.texts, scene.background
    out: list[Candidate] = []
    three_sided = any(many_sided(words, c) for c in clues)  # "لقاءً ثلاثياً": one gathering of all
    hosted: str | None = None  # the country hosting talks reported in this sentence
    for clue in clues:
        trig, t = clue.trigger, clue.index
        if no_act(clue, scene):
            continue
        trig = qualified(trig, words, t, clue.end)
        if not_reported(trig, t, clue.end, scene):
            continue
        if t in scene.prepared:
            clue = dataclasses.replace(clue, future=True)  # "التحضيرات لزيارته المرتقبة": it lies ahead
        if trig.event_type == PLOVER_CONSULT and purpose_of_invitation(words, clues, t):
            continue  # "دعاه إلى زيارة باريس": the visit is what the invitation is for, not an event
        if trig.frame == "host" and hosts_talks(clues, t, view):  # "استضافت الدوحة محادثات بين …"
            hosted = next((s.actor.country for s in slots if s.mention.start > t), None)
            continue  # the talks are the event, the host is where
        if trig.event_type == PLOVER_CONSULT and three_sided:
            out.extend(gathering_of_all(clue, trig, scene))
            continue
        if trig.frame == "chair":
            out.extend(chaired_session(clue, trig, scene, recent_igo))
            continue
        if trig.frame == "multi" and with_object(slots, t):
            trig = dataclasses.replace(trig, frame="sv")  # "الاجتماع بنظيره": a meeting with someone
        local = local_parties(trig, t, scene)
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
            out.extend(attended_gathering(clue, trig, scene, carried))
            continue
        talks_between = hosted_talks(words, clues, t, trig)
        if talks_between == -1:
            continue  # "واستضافت سويسرا المحادثات": the talks reported, the host is where they were held
        dest = destination(trig, t, scene)
        broken = next((c.targets[0] for c in reversed(out) if c.trigger.cameo == "161" and c.targets), None)
        receive = find_marker(words, "receive", max(0, t - _RECEIVE_WINDOW), clue.end + 1) is not None
        if talks_between is not None:  # the parties after بين, never the host
            local = [s for s in local if s.mention.start > talks_between]
            # "بين" past a relative clause ("المحادثات التي جرت في الرياض … بين الوفدين"): read from there
            found_roles = assign(local, talks_between - 1, trig, receive, None, dest, words, broken)
        else:
            found_roles = assign(local, t, trig, receive, carried, dest, words, broken)
        if "invite" in trig.flags and trig.pos == "verb" and invitee_pronoun(words[t]):
            found_roles = invited_back(out, local, t) or found_roles
        elif "participle" in trig.flags and out and clue.end < len(words) and words[clue.end] in _OBJECT_PRONOUNS:
            found_roles = invited_back(out, local, t)  # "قطعت علاقاتها مع قطر، متهمة إياها بـ": the one just named
        elif trig.cameo == "036" and out and pronoun_addressee(words, t) and none_after(local, t):
            found_roles = invited_back(out, local, t)  # "تلقى X اتصالاً من Y …، ووجه إليه دعوة لزيارة …"
        if "credentials" in trig.flags:  # "تسلم الملك أوراق اعتماد سفير اليابان وسفير البرازيل": each calls on him
            next_act = next((c.index for c in clues if c.index > t), len(words))
            found_roles = presented_credentials(local, t, clue.end, next_act)
        pair = pair_agreeing(slots, words, t, trig)
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
            if not valid_roles(roles, trig) or ("participle" in trig.flags and restated(out, roles, trig)):
                continue
            if roles.recall:
                trig = dataclasses.replace(trig, event_type=PLOVER_SANCTION, mode=None, cameo="161")
            delegates = roles.talks or (
                trig.pos == "noun" and any(delegate(s, view) for s in local if s.actor is roles.source)
            )
            if delegates and trig.mode == "meet":  # talks between delegations: a negotiation between states
                trig = dataclasses.replace(trig, mode="negotiation", cameo="046", flags=trig.flags | {"delegations"})
            status = scene.status(clue, trig)
            if status == STATUS_OCCURRED and scheduled(words, clue.end, clues):
                status = STATUS_PLANNED  # "جولة المحادثات بين الوفدين …، والمقرر عقدها غداً"
            stop = tour_stop(words, t, trig)  # "ضمن جولة خليجية يزور خلالها قطر والإمارات": its next stops
            status = STATUS_PLANNED if stop else status
            if "participle" in trig.flags and out:  # "محذراً إسبانيا من أن خطوة مماثلة ستتخذ": warned, as it acted
                status = out[-1].status
            called_off = trig.event_type in MEETINGS and cancelled(words, t)  # "إلغاء زيارة كان من المقرر"
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
                    anaphoric=(
                        definite_noun(words[t], trig) or circumstantial(words, t, trig) or restated_noun(words, t, trig)
                    )
                    and "itinerary" not in trig.flags  # "في مستهل جولة تشمل الأردن": new stops, not a recap
                    and pair is None  # "واتفق الجانبان على استئناف المحادثات": new talks agreed, not a recap
                    and not reception_named(words, t, trig, local),
                    future=status == STATUS_PLANNED or future_negation(words, t) or called_off,
                )
            )
            handing = handed_in_person(local, t, trig, words) if status == STATUS_OCCURRED else None
            if handing is not None:  # "سلّم قرقاش، في طهران، عراقجي رسالة": the carrier met the one he handed it to
                meet = dataclasses.replace(trig, mode="meet")
                out.append(Candidate(meet, sent, t, handing[0], (handing[1],), 1, status, background, places, texts))
    return trip_to_gathering(out, words), next_carried


_STANDS = (PLOVER_SANCTION, PLOVER_ACCUSE, PLOVER_REJECT, PLOVER_SUPPORT)
