"""Journeys within one sentence: a traveller who goes on to another stop or meeting, the stops of a tour named
after a visit, and a trip made to join a gathering (rule 33)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TYPE_CHECKING

from services.extraction.codes import PLOVER_CONSULT, ROLE_ORGANIZATION, ROLE_STATE
from services.extraction.context import find_marker
from services.extraction.lexicon import Trigger
from services.extraction.mentions import ActorRef
from services.extraction.slots import Roles, Slot, coordinated_after
from services.extraction.triggers import Clue

if TYPE_CHECKING:
    from services.extraction.candidate import Candidate

_GOES_ON = frozenset({"حيث", "ثم"})  # folded: "…، حيث التقى"، "ثم توجه": the same traveller goes on
_JOURNEY = ("visit", "sv")  # frames of a visit or arrival and of a meeting verb
_OWN_SUBJECT_GAP = 4  # a post-posed subject this close after the verb is its own ("ثم توجه الرئيس إلى …")
_MET_PREPS = ("", "مع", "ب")  # "حيث التقى الرئيس"، "حيث التقى مع"، "حيث التقى بالرئيس"


def traveller_before(
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


def went_on(
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


def tour_after(clues: list[Clue], t: int, trig: Trigger) -> int | None:
    """Where a tour with its stops ("جولة تشمل …") is named after a visit or meeting at t in its sentence."""
    if trig.event_type != PLOVER_CONSULT or "itinerary" in trig.flags:
        return None
    return next((c.index for c in clues if c.index > t and "itinerary" in c.trigger.flags), None)


def before_tour(roles: Roles, local: list[Slot] | None, tour: int) -> Roles | None:
    """The roles without the parties named after the tour noun: those are its next stops, not the hosts of the
    visit or meeting reported (rule 33); None when no party is left."""
    stops = {id(s.actor) for s in local or () if s.mention.start > tour}
    if id(roles.source) in stops:
        return None
    kept = tuple(a for a in roles.targets if id(a) not in stops)
    if not kept:
        return None
    return roles if len(kept) == len(roles.targets) else dataclasses.replace(roles, targets=kept)


def trip_to_gathering(cands: list[Candidate], words: Sequence[str]) -> list[Candidate]:
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
                and not _held_elsewhere(trip, meeting)
            ):
                if meeting.forum is not None:  # "القمة العربية": the Arab League's
                    kept = [c for c in cands if c is not trip]
                    return [dataclasses.replace(c, anaphoric=False) if c is meeting else c for c in kept]
                if any(a.role == ROLE_ORGANIZATION for a in trip.targets):  # "… منظمة التعاون الإسلامي"
                    return [c for c in cands if c is not meeting]
    return cands


def _held_elsewhere(trip: Candidate, meeting: Candidate) -> bool:
    """'يتوجه الرئيس غداً إلى الدوحة قبل أن يشارك في مؤتمر الأمم المتحدة للمياه في نيويورك': a gathering placed
    in another state than the one the trip goes to is a later stop, not what the trip is for (rule 35)."""
    held = next((p.location.country for p in meeting.places if p.index > meeting.index and p.location.country), None)
    went = {a.country for a in trip.targets}
    return held is not None and bool(went) and held not in went
