"""What an organisation's actor carries as `country` (igos.tsv's `actor_country`) and as `organization`."""

from __future__ import annotations

import datetime as dt

from schemas.event import Actor, DiplomaticEvent, Role
from services.extraction.gazetteer import load_gazetteer
from tests.unit.extraction.conftest import events

PUB = dt.date(2025, 3, 12)


def _organisations(found: list[DiplomaticEvent]) -> list[Actor]:
    sides = [side for e in found for side in (e.source, e.target, *e.participants) if side is not None]
    return [a for a in sides if a.role == Role.ORGANIZATION]


def test_an_organ_carries_its_organisations_code_and_its_own_as_organization() -> None:
    found = events("دان مجلس الأمن الدولي الهجمات الإسرائيلية على جنوب لبنان.", PUB)
    assert [(a.country, a.organization) for a in _organisations(found)] == [("UNO", "UNSC")]


def test_a_grouping_that_is_no_organisation_has_no_country() -> None:
    found = events("شارك الرئيس المصري عبد الفتاح السيسي في قمة مجموعة العشرين في ريو دي جانيرو.", PUB)
    assert [(a.country, a.organization) for a in _organisations(found)] == [(None, "G20")]


def test_an_intergovernmental_organisation_keeps_its_own_code() -> None:
    found = events("استقبل الرئيس المصري عبد الفتاح السيسي الأمين العام لجامعة الدول العربية في القاهرة.", PUB)
    assert ("ARL", "ARL") in [(a.country, a.organization) for a in _organisations(found)]


def test_states_have_no_organization() -> None:
    found = events("أجرى الرئيس الإيراني اتصالاً هاتفياً مع نظيره الروسي.", PUB)
    assert found and all(e.source.organization is None and e.target and e.target.organization is None for e in found)


def test_every_actor_country_is_the_code_its_parents_code_or_none() -> None:
    gaz = load_gazetteer()
    for igo in gaz.igo_list:
        assert igo.actor_country in (igo.code, igo.parent, None), igo.code
        if igo.actor_country is not None and igo.actor_country != igo.code:
            assert gaz.actor_countries[igo.actor_country] == igo.actor_country, igo.code  # a parent is no organ
