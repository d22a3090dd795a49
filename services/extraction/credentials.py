"""Credentials presented to a head of state: each envoy named with 'أوراق اعتماد' calls on the one who
receives them (rule 35)."""

from __future__ import annotations

from collections.abc import Sequence

from services.extraction.codes import ROLE_AMBASSADOR, ROLE_STATE
from services.extraction.mentions import ActorRef
from services.extraction.slots import Roles, Slot

_POSTED = frozenset({"لدي", "في"})  # folded: "سفير اليابان لدى مملكة البحرين": where the envoy is posted
_PRESENTED_TO = frozenset({"الي", "ل", "علي"})  # folded: "قدم السفير أوراق اعتماده إلى الرئيس"
_SENDERS = (ROLE_AMBASSADOR, ROLE_STATE)


def presented_credentials(local: Sequence[Slot], t: int, end: int, stop: int) -> list[Roles]:
    """'تسلم الملك … أوراق اعتماد كل من سفير اليابان …، وسفير جمهورية البرازيل …': one call on the receiver
    (the subject named before the noun) by each envoy listed between the noun's end and `stop` (the next act
    named), a listed state standing for its ambassador ('سفراء كل من جمهورية إندونيسيا …'); 'قدم سفير X أوراق
    اعتماده إلى الرئيس': the envoy before the noun calls on the one after إلى. The receiver's own state, named
    where the envoys are posted, is no sender."""
    before = [s for s in local if s.mention.end <= t and s.mention.prep == ""]
    if not before:
        return []
    subject = before[-1].actor
    if subject.role == ROLE_AMBASSADOR:
        host = next((s.actor for s in local if end <= s.mention.start < stop and s.mention.prep in _PRESENTED_TO), None)
        return [] if host is None or host.country in (None, subject.country) else [Roles(subject, (host,), 3)]
    out: list[Roles] = []
    seen = {subject.country, None}
    for s in local:
        if not end <= s.mention.start < stop or s.mention.prep in _POSTED or s.actor.role not in _SENDERS:
            continue
        if s.actor.country in seen:
            continue
        seen.add(s.actor.country)
        envoy = s.actor if s.actor.role == ROLE_AMBASSADOR else _ambassador_of(s.actor.country)
        out.append(Roles(envoy, (subject,), 3))
    return out


def _ambassador_of(country: str | None) -> ActorRef:
    return ActorRef(None, None, None, country, ROLE_AMBASSADOR)
