"""General rules of the fifth round of generalisation work (issue 4), checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from schemas.event import DiplomaticEvent, Role
from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_a_recall_of_envoys_from_a_list_of_hosts_is_one_recall_each() -> None:
    text = "قررت الأردن اليوم استدعاء سفيريها لدى لبنان وسوريا للتشاور."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "JOR", "LBN"), ("SANCTION", "161", "JOR", "SYR")}


def test_a_plural_recall_of_envoys_is_one_recall_per_host() -> None:
    text = "استدعت كندا اليوم سفراءها لدى الهند وباكستان للتشاور."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "CAN", "IND"), ("SANCTION", "161", "CAN", "PAK")}


def test_withdrawing_the_diplomatic_staff_from_states_is_a_sanction_on_each() -> None:
    text = "أعلنت تركيا اليوم سحب كامل طاقمها الدبلوماسي من السويد والدنمارك والنرويج."
    assert coded(events(text, PUB)) == {
        ("SANCTION", "161", "TUR", "SWE"),
        ("SANCTION", "161", "TUR", "DNK"),
        ("SANCTION", "161", "TUR", "NOR"),
    }


def test_withdrawing_diplomats_by_verb() -> None:
    text = "سحبت البيرو اليوم دبلوماسييها من المكسيك."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "PER", "MEX")}


def test_withdrawing_something_else_is_no_sanction() -> None:
    assert events("سحبت الأردن اليوم مشروع القرار من مجلس الأمن.", PUB) == []


def test_suspending_diplomatic_relations_is_a_break_of_relations() -> None:
    text = "أعلنت مصر اليوم تعليق علاقاتها الدبلوماسية مع تركيا."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "EGY", "TUR")}


def test_suspending_something_else_is_no_sanction() -> None:
    assert events("أعلنت مصر اليوم تعليق الرحلات الجوية مع تركيا.", PUB) == []


def test_expelling_by_verbal_noun_after_a_preposition() -> None:
    text = "وردت الهند اليوم بطرد السفير الكندي."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "IND", "CAN")}


def test_the_hamzaless_verb_of_condemning_condemns() -> None:
    text = "ودانت الكويت اليوم تصريحات وزير الخارجية الإيراني."
    assert coded(events(text, PUB)) == {("ACCUSE", "111", "KWT", "IRN")}


def test_the_word_complete_is_not_the_verb_of_hoping() -> None:
    text = "أعلنت تشيلي، أمس، سحب كامل طاقمها الدبلوماسي من نيكاراغوا."
    found = events(text, PUB)
    assert coded(found) == {("SANCTION", "161", "CHL", "NIC")}
    assert {e.status.value for e in found} == {"occurred"}


def test_a_head_of_state_title_only_one_state_has_needs_no_nisba() -> None:
    text = "استقبل الرئيس العراقي برهم صالح أمس في بغداد البابا وبحث معه أوضاع المسيحيين."
    assert coded(events(text, dt.date(2021, 3, 6))) == {("CONSULT", "042", "VAT", "IRQ")}


def test_a_title_many_states_have_still_needs_its_nisba() -> None:
    text = "استقبل الرئيس العراقي برهم صالح أمس في بغداد وزير الداخلية وبحث معه الأوضاع."
    assert events(text, dt.date(2021, 3, 6)) == []


def test_the_word_for_a_model_is_no_city() -> None:
    text = "وكان الرئيس الفرنسي قد زار القاهرة أمس ووقّع البلدان اتفاقا لبيع طائرات من طراز رافال لمصر."
    found = events(text, PUB)
    assert found
    assert all(e.location is None or e.location.name_en == "Cairo" for e in found)


def _modes(found: list[DiplomaticEvent]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.mode, e.source.country, e.target.country if e.target else None) for e in found}


def test_a_meeting_with_an_organisations_head_at_its_seat_is_a_visit_to_it() -> None:
    text = "التقى وزير الخارجية الصيني وانغ يي اليوم في القاهرة الأمين العام لجامعة الدول العربية أحمد أبو الغيط."
    assert _modes(events(text, PUB)) == {("visit", "CHN", "ARL")}


def test_a_meeting_with_an_organisations_head_away_from_its_seat_is_third_party() -> None:
    text = "التقى وزير الخارجية الصيني وانغ يي اليوم في جنيف الأمين العام لجامعة الدول العربية أحمد أبو الغيط."
    assert _modes(events(text, PUB)) == {("third-party", "CHN", "ARL")}


def test_a_complete_treaty_is_not_a_hope() -> None:
    text = "وبعد مراجعة كاملة وقع وزير الخارجية المصري ونظيره السوداني أمس في القاهرة اتفاقية تعاون بين البلدين."
    found = [e for e in events(text, PUB) if e.event_type.value == "AGREE"]
    assert found
    assert {e.status.value for e in found} == {"occurred"}


def test_a_hope_to_visit_is_still_planned() -> None:
    text = "أعرب الرئيس المصري عن أمله في زيارة الخرطوم قريبا."
    assert {e.status.value for e in events(text, PUB)} == {"planned"}


def test_an_also_sentence_after_a_visit_takes_the_visits_day() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي أمس الثلاثاء في القاهرة وزير الخارجية الروسي سيرغي لافروف.\n"
        "كما عقد لافروف جلسة مباحثات مع نظيره المصري بدر عبد العاطي في مقر وزارة الخارجية."
    )
    found = events(text, PUB)
    assert found
    assert {e.date.value for e in found} == {"2025-03-11"}


def test_a_statement_after_a_visit_keeps_no_date_of_its_own() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي أمس الثلاثاء في القاهرة وزير الخارجية الروسي سيرغي لافروف.\n"
        "ودانت مصر الهجوم الإسرائيلي على سوريا."
    )
    accused = [e for e in events(text, PUB) if e.event_type.value == "ACCUSE"]
    assert accused
    assert all(e.date.value is None for e in accused)


def test_adopting_a_package_of_sanctions_imposes_them() -> None:
    text = "أقر الاتحاد الأوروبي، اليوم، الحزمة الخامسة عشرة من العقوبات على إيران."
    assert coded(events(text, PUB)) == {("SANCTION", "163", "EEC", "IRN")}


def test_adopting_a_resolution_is_no_sanction() -> None:
    assert events("اعتمدت الجمعية العامة اليوم قرارا بشأن اللاجئين الفلسطينيين.", PUB) == []


def test_an_aid_plane_arriving_is_aid_from_its_donor_to_the_state_it_lands_in() -> None:
    text = "وصلت إلى مطار الخرطوم الدولي، اليوم، طائرة مساعدات قطرية تحمل 40 طناً من المواد الطبية."
    found = events(text, PUB)
    assert coded(found) == {("AID", "073", "QAT", "SDN")}
    assert found[0].date.value == "2025-03-12"
    assert found[0].location is not None and found[0].location.name_en == "Khartoum"


def test_a_state_sending_an_aid_convoy_to_another() -> None:
    text = "سيرت الأردن أمس قافلة مساعدات إلى لبنان تضم عشرين شاحنة."
    assert coded(events(text, PUB)) == {("AID", "073", "JOR", "LBN")}


def test_calling_for_aid_convoys_is_no_delivery() -> None:
    text = "دعت الأمم المتحدة اليوم إلى إدخال قوافل المساعدات إلى غزة."
    assert not [e for e in events(text, PUB) if e.event_type.value == "AID"]


def test_an_aid_delivery_is_placed_in_the_city_it_reaches() -> None:
    found = events("وصلت طائرة مساعدات قطرية إلى الخرطوم اليوم.", PUB)
    assert coded(found) == {("AID", "073", "QAT", "SDN")}
    assert found[0].location is not None and found[0].location.name_en == "Khartoum"


def test_the_pronoun_on_a_reception_noun_is_the_host() -> None:
    text = "أكد الرئيس اللبناني جوزاف عون اليوم خلال استقباله وزير الخارجية القطري دعم لبنان للوساطة."
    assert _modes(events(text, PUB)) == {("visit", "QAT", "LBN")}


def test_the_host_of_a_reception_noun_may_be_named_after_the_guest() -> None:
    text = "وخلال استقباله السفير الكوبي أكد الرئيس الموريتاني محمد ولد الغزواني اليوم عمق العلاقات."
    assert _modes(events(text, PUB)) == {("visit", "CUB", "MRT")}


def test_coordinated_states_before_a_recall_noun_each_recall() -> None:
    text = "أعلنت ليتوانيا ولاتفيا، مساء الأحد، استدعاء سفرائها لدى بيلاروس للتشاور."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "LTU", "BLR"), ("SANCTION", "161", "LVA", "BLR")}


def test_an_also_meeting_during_a_visit_is_held_in_the_host_country() -> None:
    text = (
        "استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح أمس رئيس الوزراء الهندي ناريندرا مودي.\n"
        "كما التقى رئيس الوزراء الهندي رئيس مجلس الوزراء الكويتي الشيخ أحمد عبدالله الأحمد الصباح."
    )
    found = events(text, dt.date(2024, 12, 23))
    assert len(found) == 2
    assert {e.mode for e in found} == {"visit"}


def test_talks_hosted_between_two_delegations_each_led_by_someone() -> None:
    text = (
        "استضافت دولة قطر، اليوم الأحد، جولة من المحادثات غير المباشرة بين الوفدين الإسرائيلي برئاسة "
        "رئيس جهاز الموساد والفلسطيني برئاسة رئيس المخابرات."
    )
    found = events(text, PUB)
    assert {(e.mode, e.cameo.code) for e in found} == {("negotiation", "046")}
    assert {(e.source.country, e.target.country if e.target else None) for e in found} == {("ISR", "PSE")}
    assert {(e.source.role, e.target.role if e.target else None) for e in found} == {(Role.STATE, Role.STATE)}


def test_a_pair_noun_before_a_stance_names_no_rejected_party() -> None:
    text = (
        "تلقى الرئيس اللبناني جوزاف عون، مساء الثلاثاء، اتصالاً هاتفياً من الرئيس التركي رجب طيب أردوغان.\n"
        "وذكرت الرئاسة أن عون شدد على تطوير الشراكة الاقتصادية بين البلدين، ورفض لبنان أن يكون ممراً "
        "لتهريب السلاح إلى الدول المجاورة."
    )
    assert not [e for e in events(text, PUB) if e.event_type.value == "REJECT"]
