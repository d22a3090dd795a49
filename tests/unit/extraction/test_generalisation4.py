"""General rules of the fourth round of generalisation work (issue 4), checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from schemas.event import DiplomaticEvent
from tests.unit.extraction.conftest import events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_a_visit_to_a_country_without_a_city_has_no_location() -> None:
    text = (
        "يعتزم الرئيس الموريتاني محمد ولد الغزواني القيام بزيارة رسمية إلى السنغال الشهر المقبل "
        "تلبية لدعوة من نظيره السنغالي."
    )
    found = [e for e in events(text, PUB) if {e.source.country, e.target and e.target.country} == {"MRT", "SEN"}]
    assert found
    assert all(e.location is None for e in found)


def test_a_visit_to_a_named_capital_keeps_the_city() -> None:
    text = "يزور الرئيس الموريتاني محمد ولد الغزواني داكار الأسبوع المقبل في زيارة رسمية."
    found = [e for e in events(text, PUB) if e.target is not None and e.target.country == "SEN"]
    assert found
    assert all(e.location is not None and e.location.name_en == "Dakar" for e in found)


def _names(found: list[DiplomaticEvent]) -> set[str | None]:
    return {a.name_en for e in found for a in (e.source, e.target) if a is not None}


def test_a_vice_president_is_not_the_president() -> None:
    text = "التقى نائب الرئيس الأمريكي جي دي فانس اليوم في روما رئيسة الوزراء الإيطالية جورجيا ميلوني."
    names = _names(events(text, PUB))
    assert "JD Vance" in names
    assert "Donald Trump" not in names


def test_an_unnamed_defence_minister_is_the_holder_on_the_day() -> None:
    text = "استقبل الرئيس السوري بشار الأسد اليوم في دمشق وزير الدفاع الروسي وبحث معه التعاون العسكري."
    assert "Sergei Shoigu" in _names(events(text, dt.date(2020, 3, 23)))
    assert "Andrei Belousov" in _names(events(text, dt.date(2024, 9, 10)))


def test_defence_ministers_and_heads_of_government_named_in_full() -> None:
    text = (
        "بحث وزير الدفاع التركي خلوصي أكار اليوم في أنقرة مع رئيس الوزراء النرويجي يوناس غار ستوره "
        "التعاون الدفاعي."
    )
    assert {"Hulusi Akar", "Jonas Gahr Store"} <= _names(events(text, dt.date(2022, 5, 4)))


def _pairs(found: list[DiplomaticEvent]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country if e.target else None) for e in found}


def test_coordinated_subjects_of_a_condemnation_each_condemn_the_blamed_party() -> None:
    text = "أدانت الكويت وعُمان والعراق اليوم القصف التركي على شمال العراق."
    found = events(text, PUB)
    assert _pairs(found) == {("KWT", "TUR"), ("OMN", "TUR"), ("IRQ", "TUR")}


def test_coordinated_leaders_after_the_verb_each_condemn() -> None:
    text = "ندد المستشار الألماني أولاف شولتس والرئيس الفرنسي إيمانويل ماكرون بالهجوم الروسي على كييف."
    assert _pairs(events(text, dt.date(2023, 5, 4))) == {("DEU", "RUS"), ("FRA", "RUS")}


def test_each_of_a_list_after_kull_min_is_a_subject() -> None:
    text = "فرضت كل من كندا وأستراليا عقوبات جديدة على روسيا اليوم."
    assert _pairs(events(text, PUB)) == {("CAN", "RUS"), ("AUS", "RUS")}


def test_a_host_receiving_kulla_min_two_guests_is_two_visits() -> None:
    text = (
        "استقبل العاهل الأردني الملك عبدالله الثاني اليوم في عمّان كلاً من وزير الخارجية المصري بدر عبد العاطي "
        "ووزير الخارجية العراقي فؤاد حسين."
    )
    found = events(text, PUB)
    assert _pairs(found) == {("EGY", "JOR"), ("IRQ", "JOR")}
    assert {e.mode for e in found} == {"visit"}


def test_breaking_relations_with_the_list_between_verb_and_object() -> None:
    text = "قطعت كل من جزر المالديف وبنغلاديش اليوم علاقاتها الدبلوماسية مع إسرائيل."
    assert _pairs(events(text, PUB)) == {("MDV", "ISR"), ("BGD", "ISR")}


def test_cutting_without_relations_is_no_sanction() -> None:
    assert events("قطع المحتجون اليوم الطريق الدولي بين بيروت ودمشق.", PUB) == []


def test_co_subjects_of_a_stance_are_never_each_others_target() -> None:
    text = "رفضت الكويت وقطر اليوم قرار الحكومة."
    assert ("KWT", "QAT") not in _pairs(events(text, PUB))
