"""Behaviour of the whole extractor on short sentences we wrote (not taken from any article)."""

from __future__ import annotations

import datetime as dt

from schemas.event import PloverType, Role, Status
from tests.unit.extraction.conftest import article, events

PUB = dt.date(2024, 3, 19)  # a Tuesday


def test_receiving_a_call_makes_the_caller_the_source() -> None:
    (e,) = events("تلقى الرئيس المصري عبد الفتاح السيسي اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين.", PUB)
    assert (e.event_type, e.mode, e.cameo.code) == (PloverType.CONSULT, "phone", "041")
    assert (e.source.country, e.target and e.target.country) == ("RUS", "EGY")
    assert e.source.name_en == "Vladimir Putin"
    assert e.date.value == "2024-03-19" and e.location is None and e.primary


def test_host_verb_makes_the_visitor_the_source() -> None:
    (e,) = events("استقبل الرئيس السوري أحمد الشرع في دمشق اليوم رئيس الوزراء اللبناني نواف سلام.", PUB)
    assert (e.mode, e.cameo.code) == ("visit", "042")
    assert (e.source.country, e.target and e.target.country) == ("LBN", "SYR")
    assert e.location is not None and e.location.name_en == "Damascus"


def test_meeting_in_a_third_country() -> None:
    (e,) = events("التقى الرئيس الإيراني إبراهيم رئيسي الرئيس الروسي فلاديمير بوتين في سمرقند.", dt.date(2022, 9, 15))
    assert (e.mode, e.cameo.code) == ("third-party", "044")
    assert e.location is not None and e.location.country == "UZB"


def test_sentences_about_one_call_merge_with_all_their_evidence() -> None:
    text = (
        "أجرى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا مع الرئيس الإيراني إبراهيم رئيسي.\n"
        "وبحث الجانبان خلال الاتصال العلاقات الثنائية.\n"
        "وأكد بوتين ورئيسي خلال المكالمة الهاتفية أهمية التعاون."
    )
    found = events(text, dt.date(2023, 5, 2))
    assert len(found) == 1
    assert len(found[0].evidence) >= 2
    assert found[0].source.name_en == "Vladimir Putin"


def test_planned_visit_is_intent_to_meet_with_a_forward_date() -> None:
    (e,) = events("ومن المقرر أن يزور الرئيس التركي رجب طيب أردوغان القاهرة يوم الخميس المقبل.", PUB)
    assert (e.event_type, e.cameo.code, e.status) == (PloverType.AGREE, "036", Status.PLANNED)
    assert (e.source.country, e.target and e.target.country) == ("TUR", "EGY")
    assert e.date.value == "2024-03-21"


def test_denied_future_visit() -> None:
    found = events("أكد وزير الخارجية اللبناني يوسف رجي أنه لن يزور دمشق قبل حسم ملف الحدود.", PUB)
    assert [(e.event_type, e.status) for e in found] == [(PloverType.AGREE, Status.DENIED)]


def test_summoning_an_ambassador_is_accuse() -> None:
    (e,) = events("استدعت وزارة الخارجية الجزائرية اليوم السفير الفرنسي لإبلاغه احتجاج الجزائر.", PUB)
    assert (e.event_type, e.cameo.code) == (PloverType.ACCUSE, "114")
    assert (e.source.country, e.target and e.target.country) == ("DZA", "FRA")
    assert e.target is not None and e.target.role == Role.AMBASSADOR


def test_multi_party_meeting_is_one_event_with_participants() -> None:
    text = (
        "عقدت في الرياض قمة بمشاركة الرئيس المصري عبد الفتاح السيسي والملك عبدالله الثاني والرئيس الفلسطيني محمود عباس."
    )
    found = events(text, PUB)
    assert len(found) == 1
    assert found[0].mode == "multilateral"
    assert {p.country for p in found[0].participants} == {"EGY", "JOR", "PSE"}


def test_raisi_the_adjective_is_not_an_actor() -> None:
    text = "وقال بوتين إن الطريق الرئيسي للتجارة يمر بشكل رئيسي عبر بحر قزوين."
    assert events(text, PUB) == []


def test_no_event_without_diplomatic_interaction() -> None:
    assert events("ارتفعت درجات الحرارة اليوم في معظم مناطق المملكة مع توقعات بهطول أمطار.", PUB) == []


def test_relative_date_without_publication_date_is_null() -> None:
    (e,) = events("تلقى الرئيس الإيراني اتصالا هاتفيا من نظيره الروسي فلاديمير بوتين مساء الأربعاء.")
    assert e.date.value is None and e.date.basis == "unresolved"


def test_event_id_is_deterministic_and_ignores_offsets() -> None:
    text = "تلقى الرئيس المصري عبد الفتاح السيسي اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين."
    a = events(text, PUB, "id-1")
    b = events("عاجل.\n\n" + text, PUB, "id-1")
    c = events(text, PUB, "id-2")
    assert a[0].event_id == b[0].event_id
    assert a[0].evidence[0].start != b[0].evidence[0].start
    assert a[0].event_id != c[0].event_id


def test_evidence_offsets_are_raw_offsets() -> None:
    text = "عاجل\u200f:\n\nتلقى الرئيس المصري عبد الفتاح السيسي اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين."
    art = article(text, PUB)
    (e,) = events(text, PUB)
    ev = e.evidence[0]
    assert text[ev.start : ev.end].startswith("تلقى")
    assert ev.end <= art.raw_text_length


def test_no_events_from_related_story_blocks() -> None:
    text = (
        "تلقى الرئيس المصري عبد الفتاح السيسي اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين.\n\n"
        "اقرأ أيضاً:\n- الرئيس التركي رجب طيب أردوغان يستقبل رئيس الوزراء العراقي في أنقرة\n- أمير قطر يزور باريس"
    )
    found = events(text, PUB)
    assert [(e.source.country, e.target and e.target.country) for e in found] == [("RUS", "EGY")]


def test_background_event_is_not_primary() -> None:
    text = (
        "التقى وزير الخارجية السعودي فيصل بن فرحان اليوم في الرياض وزير الخارجية التركي هاكان فيدان.\n"
        "وكان الوزيران قد التقيا الشهر الماضي في أنقرة."
    )
    found = events(text, PUB)
    assert found[0].primary
    assert all(not e.primary for e in found[1:])


def test_figures_and_attribution_reach_the_event() -> None:
    text = (
        "تلقى الرئيس الإيراني مسعود بزشكيان اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين، "
        "بحسب الرئاسة الإيرانية.\n"
        "وأشار بوتين إلى ارتفاع حجم التبادل التجاري بين البلدين بنسبة 13% العام الماضي."
    )
    (e,) = events(text, dt.date(2025, 1, 15))
    assert "الرئاسة الإيرانية" in e.attribution
    assert [(f.value, f.unit) for f in e.figures] == [(13.0, "percent")]
    assert "trade" in e.topics


def test_talks_alone_are_a_meeting_placed_by_the_dateline() -> None:
    text = "دمشق - بحث الرئيس السوري أحمد الشرع اليوم مع وزير الخارجية التركي هاكان فيدان العلاقات الثنائية."
    (e,) = events(text, dt.date(2025, 1, 15))
    assert (e.mode, e.cameo.code) == ("visit", "042")
    assert (e.source.country, e.target and e.target.country) == ("TUR", "SYR")


def test_dateline_city_yields_to_the_place_in_the_sentence() -> None:
    text = (
        "أنقرة (الأناضول) - التقى وزير الخارجية التركي هاكان فيدان نظيره المصري بدر عبد العاطي "
        "على هامش اجتماعات الجمعية العامة للأمم المتحدة في نيويورك."
    )
    (e,) = events(text, dt.date(2024, 9, 24))
    assert (e.mode, e.location and e.location.country) == ("third-party", "USA")


def test_cable_is_written_by_the_subject_of_the_opening_verb() -> None:
    text = "هنأ أمير قطر الشيخ تميم بن حمد آل ثاني الرئيس الإيراني في برقية بمناسبة فوزه في الانتخابات."
    (e,) = events(text, dt.date(2024, 5, 14))
    assert (e.mode, e.source.country, e.target and e.target.country) == ("message", "QAT", "IRN")


def test_a_denied_call_and_the_same_call_done_have_their_own_ids() -> None:
    """Found by the fuzz test: status was not part of an event's identity, so both got one id."""
    found = events("روسيا إيران لم اتصالاً . روسيا إيران اتصالاً", PUB)
    assert sorted(e.status for e in found) == sorted([Status.DENIED, Status.OCCURRED])
    assert len({e.event_id for e in found}) == 2
