"""General rules of the sixth round of generalisation work (issue 4), checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from schemas.event import DiplomaticEvent, Role
from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def _sources(found: list[DiplomaticEvent]) -> set[tuple[str, str | None, Role | None, str | None]]:
    return {(e.cameo.code, e.source.country, e.source.role, e.target.country if e.target else None) for e in found}


def test_the_traveller_of_a_reported_tour_is_the_first_actor_after_the_complementiser() -> None:
    text = "أعلنت وزارة الخارجية الفرنسية اليوم أن رئيس الوزراء الفرنسي سيقوم بجولة تشمل مصر والأردن."
    assert _sources(events(text, PUB)) == {
        ("036", "FRA", Role.HEAD_OF_GOVERNMENT, "EGY"),
        ("036", "FRA", Role.HEAD_OF_GOVERNMENT, "JOR"),
    }


def test_the_traveller_of_a_tour_reported_with_inna_is_the_one_after_it() -> None:
    text = "قال المتحدث باسم الخارجية الألمانية إن وزيرة الخارجية الألمانية ستبدأ غداً جولة تشمل تونس والمغرب."
    assert _sources(events(text, PUB)) == {
        ("036", "DEU", Role.FOREIGN_MINISTER, "TUN"),
        ("036", "DEU", Role.FOREIGN_MINISTER, "MAR"),
    }


def test_a_tour_without_a_reported_clause_keeps_the_first_actor_of_the_sentence() -> None:
    text = "يلتقي الرئيس الفرنسي اليوم نظيره المصري في القاهرة، في إطار جولة تشمل الأردن."
    assert ("036", "FRA", Role.HEAD_OF_STATE, "JOR") in _sources(events(text, PUB))


def test_closing_another_states_consulates_reduces_relations_with_it() -> None:
    text = "أعلنت هولندا اليوم إغلاق القنصلية الروسية في روتردام ردا على اعتقال دبلوماسي هولندي."
    assert ("SANCTION", "161", "NLD", "RUS") in coded(events(text, PUB))


def test_closing_another_states_embassy_by_verb_reduces_relations_with_it() -> None:
    text = "أغلقت البحرين اليوم السفارة الإيرانية في المنامة."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "BHR", "IRN")}


def test_closing_ones_own_embassy_is_no_sanction() -> None:
    text = "أغلقت الولايات المتحدة اليوم سفارتها في كييف لأسباب أمنية."
    assert [e for e in events(text, PUB) if e.event_type.value == "SANCTION"] == []


def test_closing_a_border_crossing_is_no_break_of_relations() -> None:
    assert events("أغلقت تركيا اليوم معبرا حدوديا مع سوريا.", PUB) == []


def test_halting_trade_with_a_state_is_an_embargo() -> None:
    text = "أعلنت ماليزيا اليوم وقف جميع التعاملات التجارية مع إسرائيل."
    assert coded(events(text, PUB)) == {("SANCTION", "163", "MYS", "ISR")}


def test_suspending_exports_to_a_state_by_verb_is_an_embargo() -> None:
    text = "أوقفت أوكرانيا اليوم الصادرات إلى بيلاروس."
    assert coded(events(text, PUB)) == {("SANCTION", "163", "UKR", "BLR")}


def test_ending_a_trade_war_is_no_embargo() -> None:
    text = "اتفقت الصين والولايات المتحدة اليوم على وقف الحرب التجارية بينهما."
    assert [e for e in events(text, PUB) if e.event_type.value == "SANCTION"] == []


def test_suspending_tariffs_on_imports_is_no_embargo() -> None:
    text = "أعلنت كندا اليوم تعليق فرض الرسوم الجمركية الكندية على الواردات الأمريكية لمدة شهر."
    assert [e for e in events(text, PUB) if e.event_type.value == "SANCTION"] == []


def test_a_trade_halt_listed_with_an_expulsion_is_part_of_that_act() -> None:
    text = "وردت الجزائر اليوم بطرد الملحق العسكري الفرنسي، وتعليق التجارة مع فرنسا."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "DZA", "FRA")}


def test_a_security_council_with_a_state_nisba_is_that_states_own_body() -> None:
    text = "أعلن مجلس الأمن القومي التركي اليوم قطع العلاقات مع إسرائيل."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "TUR", "ISR")}


def test_a_security_and_defence_council_with_a_nisba_is_national() -> None:
    text = "قرر مجلس الأمن والدفاع الليبي اليوم طرد السفير التشادي."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "LBY", "TCD")}


def test_the_security_council_before_the_object_of_blame_stays_the_un_body() -> None:
    text = "أدان مجلس الأمن الدولي اليوم الهجوم الإسرائيلي على قطر."
    found = events(text, PUB)
    assert ("ACCUSE", "111", "UNO", "ISR") in coded(found)  # an organ carries its organisation's code
    assert "UNSC" in {e.source.organization for e in found}


def test_a_nisba_that_is_also_a_surname_names_the_state_after_a_council() -> None:
    text = "قرر مجلس الأمن والدفاع السوداني اليوم طرد السفير الكيني."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "SDN", "KEN")}


def test_lowering_diplomatic_representation_with_a_state_is_a_downgrade() -> None:
    text = "قررت الكويت اليوم خفض التمثيل الدبلوماسي مع العراق إلى مستوى قائم بالأعمال."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "KWT", "IRQ")}


def test_lowering_its_representation_by_verb_is_a_downgrade() -> None:
    text = "خفضت البرازيل اليوم تمثيلها الدبلوماسي لدى إسرائيل."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "BRA", "ISR")}


def test_lowering_tension_is_no_downgrade() -> None:
    assert events("اتفقت مصر وتركيا اليوم على خفض التوتر في ليبيا.", PUB) == []


def test_a_year_with_the_gregorian_era_letter_dates_an_undated_article() -> None:
    text = "صحيفة الأيام\nالعدد 512 - الأحد 08 مارس 2020م الموافق 13 رجب 1441هـ\n\nقطعت جيبوتي اليوم علاقاتها مع قطر."
    (e,) = events(text, None)
    assert e.date is not None and e.date.value == "2020-03-08"


def test_a_state_in_the_reason_after_the_sanctioned_nisba_is_not_the_target() -> None:
    text = "فرضت كوريا الجنوبية اليوم عقوبات على ثلاث شركات شحن روسية، ردا على نقل الأسلحة إلى كوريا الشمالية."
    assert coded(events(text, PUB)) == {("SANCTION", "163", "KOR", "RUS")}
