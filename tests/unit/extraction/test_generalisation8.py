"""General rules of the eighth round of generalisation work (issue 4), checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from schemas.event import DiplomaticEvent
from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_an_accusing_participle_after_a_break_of_relations_is_an_accusation_by_the_breaking_state() -> None:
    text = "أعلنت الحكومة المغربية قطع العلاقات الدبلوماسية مع إيران، متهمة طهران بدعم جبهة البوليساريو."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "MAR", "IRN"), ("ACCUSE", "112", "MAR", "IRN")}


def test_an_accusing_participle_after_an_expulsion_blames_the_state_of_its_object() -> None:
    text = "أعلن وزير الخارجية الهولندي طرد السفير الروسي، متهماً أجهزة الاستخبارات الروسية بالتجسس."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "NLD", "RUS"), ("ACCUSE", "112", "NLD", "RUS")}


def test_an_accusing_participle_with_a_detached_pronoun_blames_the_party_just_named() -> None:
    text = "قطعت ليبيا علاقاتها مع تشاد، متهمة إياها بإيواء المتمردين."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "LBY", "TCD"), ("ACCUSE", "112", "LBY", "TCD")}


def test_the_passive_participle_accused_of_is_no_accusation() -> None:
    assert events("اعتقلت السلطات الإيرانية مواطنا فرنسيا متهما بالتجسس لصالح إسرائيل.", PUB) == []


def test_an_accusing_participle_restating_a_condemnation_is_one_accusation() -> None:
    text = "ندد وزير الخارجية الفنزويلي بالعقوبات الأمريكية، ومتهماً واشنطن بخنق اقتصاد البلاد."
    assert {k[:1] + k[2:] for k in coded(events(text, PUB))} == {("ACCUSE", "VEN", "USA")}
    assert len(events(text, PUB)) == 1


def test_a_government_in_a_state_is_that_states_government() -> None:
    text = "أعلنت الحكومة الانتقالية في غينيا، مساء الأحد، طرد السفير الفرنسي."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "GIN", "FRA")}
    text = "قررت السلطات في النيجر قطع العلاقات الدبلوماسية مع أوكرانيا."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "NER", "UKR")}


def test_vowing_to_retaliate_is_a_threat() -> None:
    assert coded(events("توعدت إيران إسرائيل برد قاس.", PUB)) == {("THREATEN", "130", "IRN", "ISR")}


def test_a_warning_participle_after_an_expulsion_is_a_threat_by_the_expelling_state() -> None:
    text = "طردت الجزائر السفير الفرنسي، محذرة باريس من أي تصعيد جديد."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "DZA", "FRA"), ("THREATEN", "130", "DZA", "FRA")}


def test_a_warning_participle_keeps_its_clauses_status_whatever_it_warns_of() -> None:
    text = "استدعت المجر سفيرها لدى هولندا، محذرة بلغاريا من أن خطوة مماثلة ستتخذ بحقها إذا مضت في قرارها."
    threats = [e for e in events(text, PUB) if e.event_type.value == "THREATEN"]
    assert [(t.source.country, t.target.country if t.target else None, t.status.value) for t in threats] == [
        ("HUN", "BGR", "occurred")
    ]


def test_a_threatened_thing_is_no_threat() -> None:
    assert events("قال المسؤول إن الاقتصاد اللبناني مهدد بالانهيار.", PUB) == []


def _kinds(found: list[DiplomaticEvent]) -> set[tuple[str, str, str | None, str | None, str]]:
    return {
        (e.event_type.value, e.cameo.code, e.source.country, e.target.country if e.target else None, e.status.value)
        for e in found
    }


def test_talks_a_relative_schedules_lie_ahead() -> None:
    text = (
        "بحث الوزيران الترتيبات الخاصة بجولة المحادثات بين الوفدين الأمريكي والإيراني، والمقرر عقدها في مسقط غداً السبت."
    )
    assert _kinds(events(text, PUB)) == {("AGREE", "036", "USA", "IRN", "planned")}


def test_a_scheduled_gathering_named_after_a_meeting_does_not_put_the_meeting_ahead() -> None:
    text = "التقى وزير الخارجية المصري نظيره الأردني في عمان لبحث القمة العربية المقرر عقدها في بغداد."
    assert _kinds(events(text, PUB)) == {("CONSULT", "042", "EGY", "JOR", "occurred")}


def test_proposed_talks_lie_ahead() -> None:
    text = "اقترح الرئيس الفرنسي عقد مفاوضات مباشرة مع الجانب الجزائري في جنيف."
    assert _kinds(events(text, PUB)) == {("AGREE", "036", "FRA", "DZA", "planned")}
    text = "رحب الرئيس التركي بمقترح استئناف المفاوضات المباشرة بين أرمينيا وأذربيجان."
    assert _kinds(events(text, PUB)) == {("AGREE", "036", "ARM", "AZE", "planned")}


def test_talks_ahead_proposed_in_an_earlier_sentence_are_one_event() -> None:
    text = (
        "رحب الرئيس الفرنسي بمقترح عقد المفاوضات المباشرة بين أرمينيا وأذربيجان. "
        "وكان رئيس الوزراء الأرميني نيكول باشينيان قد اقترح عقد مفاوضات مباشرة مع الجانب الأذربيجاني "
        "في جنيف الخميس المقبل."
    )
    found = [e for e in events(text, PUB) if e.event_type.value == "AGREE"]
    assert len(found) == 1
    assert found[0].status.value == "planned"
    assert {found[0].source.country, found[0].target.country if found[0].target else None} == {"ARM", "AZE"}


def test_hosts_met_each_at_their_own_place_are_each_a_meeting() -> None:
    text = (
        "استقبل الرئيس اللبناني جوزاف عون المبعوث الأمريكي توم براك. كما التقى براك رئيس مجلس النواب نبيه بري "
        "في عين التينة، ورئيس الحكومة نواف سلام في السراي الحكومي."
    )
    hosts = {e.target.name_en for e in events(text, PUB) if e.target is not None}
    assert hosts == {"Joseph Aoun", "Nabih Berri", "Nawaf Salam"}


def test_a_letter_handed_over_is_from_its_writer_to_its_addressee_never_to_the_carrier() -> None:
    text = (
        "سلّم وزير الخارجية العماني، اليوم في طهران، وزير الخارجية الإيراني رسالة من الرئيس الأمريكي "
        "موجهة إلى المرشد الإيراني."
    )
    messages = {k for k in coded(events(text, PUB)) if k[1] == "040"}
    assert messages == {("CONSULT", "040", "USA", "IRN")}
    text = "استقبل الرئيس المصري وزير الخارجية الأردني الذي سلمه رسالة من ملك الأردن."
    assert ("CONSULT", "040", "JOR", "EGY") in coded(events(text, PUB))


def test_handing_a_letter_over_in_person_is_a_meeting_of_the_carrier_and_the_recipient() -> None:
    text = (
        "سلّم وزير الخارجية العماني، اليوم في طهران، وزير الخارجية الإيراني رسالة من الرئيس الأمريكي "
        "موجهة إلى المرشد الإيراني."
    )
    assert _kinds(events(text, PUB)) == {
        ("CONSULT", "040", "USA", "IRN", "occurred"),
        ("CONSULT", "042", "OMN", "IRN", "occurred"),
    }


def test_an_invitation_to_someone_the_sentence_does_not_resolve_then_to_visit_is_still_an_invitation() -> None:
    text = (
        "وجهت وزيرة الخارجية الألمانية دعوة رسمية إلى السوداني لزيارة برلين، بعد أن التقت محمد شياع السوداني في بغداد."
    )
    assert ("AGREE", "036", "DEU", "IRQ", "planned") in _kinds(events(text, PUB))


def test_a_call_to_stand_by_someone_is_no_invitation() -> None:
    assert events("دعا الرئيس التونسي في كلمته إلى الوقوف مع الشعب الفلسطيني لمواجهة الاحتلال.", PUB) == []


def test_a_city_naming_an_instrument_is_no_party() -> None:
    text = "أدانت البرازيل اقتحام السفارة، واعتبرته خرقاً لاتفاقية فيينا للعلاقات الدبلوماسية."
    assert all(e.target is None or e.target.country != "AUT" for e in events(text, PUB))
    text = "رفضت الحكومة الإسرائيلية العودة إلى اتفاق أوسلو."
    assert all(e.target is None or e.target.country != "NOR" for e in events(text, PUB))


def test_a_meeting_in_a_seat_of_government_is_in_its_city() -> None:
    found = events("التقى العاهل الأردني الرئيس الأمريكي دونالد ترامب في البيت الأبيض.", PUB)
    assert [(e.mode, e.source.country, e.location.name_en if e.location else None) for e in found] == [
        ("visit", "JOR", "Washington")
    ]
    found = events("التقى الرئيس الفرنسي في قصر الإليزيه ولي العهد السعودي.", PUB)
    assert [(e.mode, e.source.country, e.location.name_en if e.location else None) for e in found] == [
        ("visit", "SAU", "Paris")
    ]


def test_a_woman_envoy_is_an_envoy() -> None:
    text = "وتعتزم المبعوثة الأممية زيارة ليبيا الأسبوع المقبل."
    assert _kinds(events(text, PUB)) == {("AGREE", "036", "UNO", "LBY", "planned")}
    text = "التقى وزير الخارجية المصري المبعوثة الأمريكية الخاصة في القاهرة."
    assert _kinds(events(text, PUB)) == {("CONSULT", "042", "USA", "EGY", "occurred")}


def test_a_word_after_bin_is_a_name_not_a_verb() -> None:
    text = "حضر الحفل الشيخ سعود بن فيصل سفير دولة قطر لدى الجمهورية اللبنانية."
    assert events(text, PUB) == []


def test_a_surname_in_a_venues_name_is_no_party() -> None:
    text = "التقى وزير الخارجية القطري في مطار رفيق الحريري الدولي رئيس الحكومة اللبنانية."
    assert all(e.target is None or e.target.name_en != "Saad Hariri" for e in events(text, PUB))
