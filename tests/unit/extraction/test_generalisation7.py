"""General rules of the seventh round of generalisation work (issue 4), checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from schemas.event import DiplomaticEvent
from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_an_adverbial_of_manner_does_not_part_a_condemnation_from_the_nisba_of_its_object() -> None:
    text = "أدانت تونس بأشد العبارات الهجوم الإسرائيلي على قطاع غزة."
    assert coded(events(text, PUB)) == {("ACCUSE", "111", "TUN", "ISR")}


def test_a_manner_adverb_after_a_time_adjunct_still_keeps_the_blamed_party() -> None:
    text = "رفضت مصر، مساء الثلاثاء، بشكل قاطع التصريحات الإسرائيلية."
    assert coded(events(text, PUB)) == {("REJECT", "120", "EGY", "ISR")}


def test_declaring_diplomats_persona_non_grata_is_an_expulsion() -> None:
    text = "ردت فرنسا بإعلان الدبلوماسيين الجزائريين أشخاصاً غير مرغوب فيهم."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "FRA", "DZA")}


def test_an_envoy_no_longer_welcome_is_an_expulsion() -> None:
    text = "أعلنت الخارجية الألمانية أن السفير الروسي لم يعد مرحبا به في برلين."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "DEU", "RUS")}


def test_a_welcome_or_a_person_in_a_statement_is_no_expulsion() -> None:
    assert events("أعلنت الحكومة المصرية أن الوفد الإسرائيلي مرحب به في القاهرة.", PUB) == []
    assert events("أعلن رئيس الوزراء الإسباني أن شخصا فرنسيا قتل في الحادث.", PUB) == []


def _kinds(found: list[DiplomaticEvent]) -> set[tuple[str, str, str | None, str | None, str]]:
    return {
        (e.event_type.value, e.cameo.code, e.source.country, e.target.country if e.target else None, e.status.value)
        for e in found
    }


def test_a_visit_being_prepared_for_is_no_visit() -> None:
    text = "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره التركي تمهيدا لزيارة الرئيس التركي إلى القاهرة."
    assert _kinds(events(text, PUB)) == {("CONSULT", "041", "EGY", "TUR", "occurred")}


def test_a_signing_being_prepared_for_is_no_signing() -> None:
    text = "التقى وزير الخارجية الإيراني نظيره الروسي في موسكو، وبحثا الاستعدادات لتوقيع معاهدة الشراكة بين البلدين."
    assert {k[0] for k in _kinds(events(text, PUB))} == {"CONSULT"}


def test_a_prepared_visit_announced_as_coming_is_planned() -> None:
    text = (
        "أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره التركي تناول التحضيرات لزيارة الرئيس التركي"
        " المرتقبة إلى القاهرة."
    )
    assert _kinds(events(text, PUB)) == {
        ("CONSULT", "041", "EGY", "TUR", "occurred"),
        ("AGREE", "036", "TUR", "EGY", "planned"),
    }


def test_the_companions_of_a_traveller_are_no_parties() -> None:
    text = (
        "وكان رئيس الوزراء الإيطالي قد أدى زيارة إلى تونس العام الماضي رفقة وزير الخارجية الإيطالي"
        " ورئيسة المفوضية الأوروبية."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "ITA", "TUN")}


def test_people_present_after_a_coordinated_attendee_are_no_parties() -> None:
    text = "أدى الرئيس الفرنسي زيارة إلى تونس بحضور وزير الخارجية الفرنسي ورئيس الوزراء البلجيكي."
    assert coded(events(text, PUB)) == {("CONSULT", "042", "FRA", "TUN")}


def test_the_parties_of_a_prepared_act_are_not_the_parties_of_the_act_before_it() -> None:
    text = "وكان رئيس الوزراء الإيطالي قد زار تونس، في زيارة مهدت لتوقيع مذكرة تفاهم بين تونس والاتحاد الأوروبي."
    assert coded(events(text, PUB)) == {("CONSULT", "042", "ITA", "TUN")}


def test_a_series_of_calls_with_each_of_a_list_is_one_call_each() -> None:
    text = "أجرى وزير الخارجية المصري سلسلة اتصالات هاتفية مع كل من وزير خارجية إيران ووزير خارجية تركيا."
    assert coded(events(text, PUB)) == {("CONSULT", "041", "EGY", "IRN"), ("CONSULT", "041", "EGY", "TUR")}


def test_calls_with_unnamed_counterparts_stay_a_generic_plural() -> None:
    assert events("أجرى وزير الخارجية المصري اتصالات هاتفية مع نظرائه العرب.", PUB) == []


def test_a_list_goes_on_after_the_title_in_apposition_to_a_name() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم كلاً من عباس عراقجي وزير خارجية إيران،"
        " وهاكان فيدان وزير خارجية تركيا."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "IRN", "EGY"), ("CONSULT", "042", "TUR", "EGY")}


def test_a_second_office_of_a_named_person_does_not_break_a_list() -> None:
    text = (
        "التقى وزير الخارجية المصري اليوم كلاً من أيمن الصفدي نائب رئيس الوزراء وزير الخارجية الأردني،"
        " وهاكان فيدان وزير خارجية تركيا."
    )
    assert {target for *_, target in coded(events(text, PUB))} == {"JOR", "TUR"}


def test_the_hebrew_state_is_israel() -> None:
    text = "قطعت بوليفيا علاقاتها مع الدولة العبرية."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "BOL", "ISR")}


def test_office_holders_named_in_recent_copy_are_resolved() -> None:
    found = events("استقبل الرئيس الكولومبي غوستافو بيترو اليوم وزير الخارجية الإسباني في بوغوتا.", PUB)
    assert {e.target.name_en for e in found if e.target} == {"Gustavo Petro"}
    found = events("التقى المبعوث الأميركي توم براك اليوم رئيس الوزراء اللبناني في بيروت.", PUB)
    assert {e.source.name_en for e in found} == {"Tom Barrack"}
    found = events("وانتقل براك بعد الظهر إلى السراي الحكومي، حيث التقى رئيس مجلس الوزراء نواف سلام.", PUB)
    assert {(e.source.name_en, e.target.name_en if e.target else None) for e in found} == {
        ("Tom Barrack", "Nawaf Salam")
    }
    found = events("التقى الرئيس الروسي اليوم في هانوي رئيس الوزراء فام مينه تشينه.", PUB)
    assert {e.target.name_en for e in found if e.target} == {"Pham Minh Chinh"}


def test_states_imposing_similar_sanctions_take_the_earlier_target() -> None:
    text = (
        "فرض الاتحاد الأوروبي اليوم عقوبات على شركات إيرانية. وكانت الولايات المتحدة وبريطانيا وفرنسا قد فرضت"
        " الشهر الماضي عقوبات مماثلة على الشركة."
    )
    assert coded(events(text, PUB)) == {
        ("SANCTION", "163", "EEC", "IRN"),
        ("SANCTION", "163", "USA", "IRN"),
        ("SANCTION", "163", "GBR", "IRN"),
        ("SANCTION", "163", "FRA", "IRN"),
    }


def test_similar_sanctions_with_nothing_reported_before_are_no_event() -> None:
    assert events("وكانت الولايات المتحدة وبريطانيا قد فرضت الشهر الماضي عقوبات مماثلة على الشركة.", PUB) == []


def test_an_invitation_addressed_to_a_pronoun_goes_from_the_caller_to_the_called() -> None:
    text = (
        "وكان الرئيس اللبناني قد تلقى الشهر الماضي اتصالاً من ولي العهد السعودي هنأه فيه بانتخابه،"
        " ووجه إليه دعوة لزيارة المملكة."
    )
    assert ("AGREE", "036", "SAU", "LBN") in coded(events(text, PUB))


def test_an_invitation_to_him_to_visit_a_capital_is_no_call_to_act() -> None:
    text = "تلقى الرئيس اللبناني اتصالاً من الرئيس الفرنسي وجه خلاله دعوة له لزيارة باريس."
    assert _kinds(events(text, PUB)) == {
        ("CONSULT", "041", "FRA", "LBN", "occurred"),
        ("AGREE", "036", "FRA", "LBN", "planned"),
    }


def test_a_trip_to_join_an_organisations_summit_is_one_event_towards_the_organisation() -> None:
    text = "يتوجه الرئيس اللبناني غدا من الرياض إلى القاهرة للمشاركة في القمة العربية الطارئة."
    assert _kinds(events(text, PUB)) == {("AGREE", "036", "LBN", "ARL", "planned")}


def test_a_trip_to_a_bilateral_summit_stays_a_visit() -> None:
    text = "من المقرر أن يزور الرئيس الروسي الهند قبل نهاية العام للمشاركة في القمة السنوية الروسية الهندية."
    assert _kinds(events(text, PUB)) == {("AGREE", "036", "RUS", "IND", "planned")}


def test_the_city_a_traveller_sets_out_from_is_not_where_the_visit_is() -> None:
    found = events("يتوجه الرئيس اللبناني غداً من الرياض إلى القاهرة في زيارة رسمية.", PUB)
    assert [(e.target.country if e.target else None, e.location.name_en if e.location else None) for e in found] == [
        ("EGY", "Cairo")
    ]


def test_the_next_summit_the_leaders_agree_on_is_a_planned_gathering() -> None:
    text = (
        "شارك العاهل الأردني اليوم في القمة الثلاثية التي استضافها الرئيس المصري في القاهرة بمشاركة"
        " الرئيس العراقي. واتفق القادة على عقد القمة المقبلة في بغداد."
    )
    found = events(text, PUB)
    planned = [e for e in found if e.status.value == "planned"]
    assert [(e.cameo.code, e.source.country, e.location.name_en if e.location else None) for e in planned] == [
        ("036", "JOR", "Baghdad")
    ]
    assert len(found) == 2


def test_leaders_agreeing_on_a_summit_with_none_held_before_is_no_event() -> None:
    assert events("واتفق القادة على عقد القمة المقبلة في بغداد.", PUB) == []


def test_an_ambassador_summoning_an_envoy_of_his_own_state_is_no_recall() -> None:
    text = (
        "سلمت وزارة الخارجية الكويتية اليوم سفير جمهورية العراق لدى البلاد مذكرة احتجاج رسمية. وقالت الوزارة"
        " في بيان إن نائب وزير الخارجية السفير منصور العيادي استدعى السفير العراقي وأبلغه رفض دولة الكويت القاطع."
    )
    assert coded(events(text, PUB)) == {("ACCUSE", "114", "KWT", "IRQ")}


def test_a_state_one_is_accused_of_siding_with_is_no_coactor() -> None:
    text = "أعلنت رواندا اليوم قطع علاقاتها الدبلوماسية مع بلجيكا، متهمة بروكسل بالانحياز إلى جانب الكونغو الديمقراطية."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "RWA", "BEL")}


def test_the_verbal_noun_of_criticising_is_a_criticism() -> None:
    text = "وسارع وزير الخارجية الإسرائيلي إلى انتقاد القرار، واصفاً الرئيس الكولومبي بأنه معاد للسامية."
    assert coded(events(text, PUB)) == {("ACCUSE", "111", "ISR", "COL")}


def test_present_tense_condemnation_is_an_accusation() -> None:
    text = "يندد الأردن بالاقتحامات الإسرائيلية للمسجد الأقصى."
    assert coded(events(text, PUB)) == {("ACCUSE", "111", "JOR", "ISR")}


def test_a_meeting_verb_after_haythu_keeps_the_traveller_as_its_subject() -> None:
    text = "وانتقل وزير الخارجية الفرنسي بعد الظهر إلى السراي الحكومي، حيث التقى رئيس الوزراء اللبناني."
    assert coded(events(text, PUB)) == {("CONSULT", "040", "FRA", "LBN")}


def test_a_host_verb_after_haythu_still_hosts() -> None:
    text = "وصل الرئيس الفرنسي إلى القاهرة حيث استقبله الرئيس المصري."
    assert coded(events(text, PUB)) == {("CONSULT", "042", "FRA", "EGY")}


def test_a_signing_verb_with_its_place_before_its_subjects() -> None:
    text = "ووقع الاتفاق في بكين وزير الخارجية الإيراني ووزير الخارجية السعودي."
    assert coded(events(text, PUB)) == {("AGREE", "057", "IRN", "SAU")}


def test_an_attendee_described_before_the_name_is_no_party() -> None:
    text = (
        "ووقع الاتفاق وزير الخارجية الإيراني ونظيره السعودي، بحضور كبير الدبلوماسيين الصينيين وانغ يي،"
        " في ختام مباحثات استمرت خمسة أيام."
    )
    assert "CHN" not in {e.source.country for e in events(text, PUB)}


def test_his_highness_is_the_emir_not_the_king_he_visits() -> None:
    text = (
        "وصل أمير الكويت الشيخ صباح الأحمد الجابر الصباح إلى جدة اليوم في زيارة للمملكة العربية السعودية يلتقي"
        " خلالها الملك سلمان بن عبدالعزيز. وكان الملك سلمان بن عبدالعزيز في استقباله. ويتوجه سموه غدا إلى دولة"
        " الإمارات العربية المتحدة."
    )
    assert ("AGREE", "036", "KWT", "ARE") in coded(events(text, dt.date(2017, 6, 6)))


def test_a_break_of_relations_called_for_is_not_made() -> None:
    text = "دعا الرئيس الإيراني الدول الإسلامية إلى قطع علاقاتها السياسية والاقتصادية مع إسرائيل."
    assert events(text, PUB) == []


def test_sanctions_demanded_are_not_imposed() -> None:
    assert events("طالبت الجزائر بفرض عقوبات على إسرائيل.", PUB) == []
    assert coded(events("قطعت بوليفيا علاقاتها مع إسرائيل.", PUB)) == {("SANCTION", "161", "BOL", "ISR")}


def test_saint_petersburg_is_a_meeting_place() -> None:
    found = events("التقى الرئيس الروسي الرئيس الإندونيسي في سانت بطرسبورغ.", PUB)
    assert [(e.cameo.code, e.location.name_en if e.location else None) for e in found] == [("042", "Saint Petersburg")]


def test_the_one_at_the_reception_of_a_guest_hosts_him() -> None:
    text = "وكان ولي العهد المغربي الأمير مولاي الحسن في استقبال الرئيس الفرنسي لدى نزوله من الطائرة."
    assert coded(events(text, PUB)) == {("CONSULT", "042", "FRA", "MAR")}
