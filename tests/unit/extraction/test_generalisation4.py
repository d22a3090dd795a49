"""General rules of the fourth round of generalisation work (issue 4), checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from schemas.event import DiplomaticEvent
from services.extraction.gazetteer import load_gazetteer
from services.extraction.resolve import Cast
from services.extraction.text import build_doc
from services.extraction.views import sentence_slots, sentence_views
from tests.unit.extraction.conftest import article, events

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
    text = "بحث وزير الدفاع التركي خلوصي أكار اليوم في أنقرة مع رئيس الوزراء النرويجي يوناس غار ستوره التعاون الدفاعي."
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


def test_an_invitation_verb_to_a_visit_is_a_planned_intent_from_the_inviter() -> None:
    text = "دعا رئيس الوزراء الإسباني بيدرو سانشيز اليوم الرئيس الموريتاني محمد ولد الغزواني إلى زيارة مدريد."
    found = events(text, PUB)
    assert [(e.cameo.code, e.status.value) for e in found] == [("036", "planned")]
    assert _pairs(found) == {("ESP", "MRT")}


def test_the_invited_pronoun_after_a_call_is_the_other_party() -> None:
    text = (
        "تلقى الرئيس الموريتاني محمد ولد الغزواني اليوم اتصالا هاتفيا من رئيس الوزراء الإسباني بيدرو سانشيز "
        "دعاه فيه إلى زيارة إسبانيا."
    )
    found = events(text, PUB)
    assert {(e.cameo.code, e.source.country, e.target.country if e.target else None) for e in found} == {
        ("041", "ESP", "MRT"),
        ("036", "ESP", "MRT"),
    }


def test_a_call_to_act_is_no_invitation() -> None:
    text = "دعا رئيس الوزراء الإسباني بيدرو سانشيز اليوم إسرائيل إلى وقف إطلاق النار في غزة."
    assert all(e.cameo.code != "036" for e in events(text, PUB))


def test_yesterday_with_its_weekday_is_one_past_day_not_a_future_one() -> None:
    text = (
        "أجرى رئيس الوزراء الإسباني بيدرو سانشيز مساء أمس الثلاثاء اتصالا هاتفيا بالرئيس الموريتاني "
        "محمد ولد الغزواني، ودعاه إلى زيارة مدريد قريبا."
    )
    found = {e.cameo.code: e for e in events(text, PUB)}
    assert found["041"].date.value == "2025-03-11"
    assert found["036"].date.value is None


def test_the_kingdom_in_a_kingdoms_own_copy_is_that_state() -> None:
    text = "عمّان - بترا\n\nأعلنت المملكة اليوم استدعاء سفيرها لدى السويد للتشاور احتجاجا على حرق المصحف."
    assert _pairs(events(text, PUB)) == {("JOR", "SWE")}


def test_the_kingdom_in_a_republics_copy_is_no_party() -> None:
    text = "تونس - وات\n\nأعلنت المملكة اليوم استدعاء سفيرها لدى السويد للتشاور احتجاجا على حرق المصحف."
    assert all(e.source.country != "TUN" for e in events(text, PUB))


def test_the_same_decision_taken_by_a_list_is_one_event_each() -> None:
    text = (
        "أعلنت جزر المالديف أمس الثلاثاء قطع علاقاتها الدبلوماسية مع إيران، وهو القرار الذي اتخذته "
        "في اليوم ذاته كل من جيبوتي والصومال."
    )
    found = events(text, PUB)
    assert _pairs(found) == {("MDV", "IRN"), ("DJI", "IRN"), ("SOM", "IRN")}
    assert {e.date.value for e in found} == {"2025-03-11"}
    assert all(e.location is None for e in found)


def test_an_earlier_sanction_between_the_same_states_is_another_event() -> None:
    text = (
        "أعلنت بوليفيا اليوم قطع علاقاتها الدبلوماسية مع إسرائيل.\n\n"
        "وكانت بوليفيا قد استدعت سفيرها لدى إسرائيل للتشاور في نوفمبر الماضي."
    )
    found = [e for e in events(text, PUB) if e.cameo.code == "161"]
    assert len(found) == 2
    assert sorted(e.primary for e in found) == [False, True]


def test_a_background_arrival_is_the_visit_reported() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة الرئيس البرازيلي لويز إيناسيو لولا دا سيلفا.\n\n"
        "وكان الرئيس البرازيلي قد وصل إلى القاهرة مساء أمس في مستهل جولة أفريقية."
    )
    assert [e.cameo.code for e in events(text, dt.date(2024, 2, 15))] == ["042"]


def test_a_background_visit_the_other_way_is_another_visit() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة الرئيس البرازيلي لويز إيناسيو لولا دا سيلفا.\n\n"
        "وكان الرئيس السيسي قد زار البرازيل في العام الماضي."
    )
    found = [e for e in events(text, dt.date(2024, 2, 15)) if e.cameo.code == "042"]
    assert {(e.source.country, e.target.country if e.target else None) for e in found} == {
        ("BRA", "EGY"),
        ("EGY", "BRA"),
    }


def test_a_pledge_of_money_is_intent_to_provide_aid() -> None:
    found = events("تعهدت اليابان اليوم بتقديم 200 مليون دولار للأردن لدعم اللاجئين.", PUB)
    assert [(e.cameo.code, e.source.country, e.target.country if e.target else None) for e in found] == [
        ("033", "JPN", "JOR")
    ]


def test_a_promise_without_money_is_no_pledge() -> None:
    assert events("تعهد الرئيس الأردني اليوم أمام البرلمان بمواصلة الإصلاحات مع قطر.", PUB) == []


def test_two_states_summoning_the_envoys_of_a_third_is_a_summons_each() -> None:
    text = "وكانت الإمارات وقطر قد استدعتا أمس سفيري إيران لديهما احتجاجا على التصريحات."
    found = events(text, PUB)
    assert {(e.cameo.code, e.source.country) for e in found} == {("114", "ARE"), ("114", "QAT")}
    assert {e.target.country for e in found if e.target is not None} == {"IRN"}


def test_a_state_named_like_its_capital_before_a_comma_is_a_party() -> None:
    text = "أدانت الكويت، مساء أمس، الهجوم الإيراني على ناقلة نفط في الخليج."
    found = events(text, PUB)
    assert _pairs(found) == {("KWT", "IRN")}
    assert all(e.location is None for e in found)


def test_tit_for_tat_expulsions_are_two_events() -> None:
    text = (
        "طردت هولندا اليوم دبلوماسيين روسيين من السفارة الروسية، ردا على طرد روسيا أمس دبلوماسيين من السفارة الهولندية."
    )
    found = [e for e in events(text, PUB) if e.cameo.code == "161"]
    assert _pairs(found) == {("NLD", "RUS"), ("RUS", "NLD")}


def test_a_verb_joined_by_wa_keeps_the_first_verbs_subject() -> None:
    text = "الدوحة تستقبل وزير الخارجية الإيراني وتدين الهجوم الإسرائيلي على سوريا"
    assert ("QAT", "ISR") in _pairs(events(text, PUB))


def test_a_people_as_the_object_of_an_act_is_no_party_to_a_rejection() -> None:
    text = "وأكد وزير الخارجية الجزائري أحمد عطاف رفض الجزائر القاطع تهجير الفلسطينيين من أرضهم."
    assert events(text, PUB) == []


def test_a_states_affairs_are_no_party() -> None:
    assert events("رفضت الجزائر اليوم أي تدخل في شؤون ليبيا.", PUB) == []
    assert events("رفضت الجزائر اليوم التدخل في الشؤون الليبية.", PUB) == []


def test_a_rejection_never_targets_someone_named_before_it() -> None:
    text = (
        "التقى الرئيس الجزائري عبد المجيد تبون الرئيس الفرنسي إيمانويل ماكرون في باريس، حيث أكد رفض الجزائر "
        "تهجير الفلسطينيين من غزة."
    )
    assert all(e.event_type.value != "REJECT" for e in events(text, dt.date(2024, 5, 4)))


def test_diplomats_qualified_by_a_plural_nisba_still_name_their_state() -> None:
    text = "طردت هولندا اليوم الدبلوماسيين الروسيين المعتمدين لديها."
    assert ("NLD", "RUS") in _pairs(events(text, PUB))


def test_a_statement_is_not_placed_where_its_object_happened() -> None:
    text = (
        "استدعت وزارة الخارجية الإيرانية اليوم سفير الدنمارك لدى طهران احتجاجا على السماح بإحراق "
        "نسخة من المصحف أمام السفارة الإيرانية في كوبنهاغن."
    )
    found = events(text, PUB)
    assert found
    assert all(e.location is None for e in found)


def test_a_statement_made_in_a_named_city_keeps_it() -> None:
    text = "انتقد الرئيس التركي رجب طيب أردوغان في أنقرة اليوم إسرائيل بسبب الهجوم على رفح."
    (found,) = events(text, PUB)
    assert found.location is not None and found.location.name_en == "Ankara"


def test_visiting_a_list_of_states_is_one_visit_each() -> None:
    text = "يزور وزير الخارجية الصيني وانغ يي الأسبوع المقبل كلاً من مصر وتونس والمغرب."
    found = events(text, PUB)
    assert {(e.cameo.code, e.target.country if e.target else None) for e in found} == {
        ("036", "EGY"),
        ("036", "TUN"),
        ("036", "MAR"),
    }


def test_the_stops_of_a_tour_are_planned_visits_without_a_guessed_city() -> None:
    text = "وصل وزير الخارجية الصيني وانغ يي اليوم إلى القاهرة في مستهل جولة تشمل تونس والمغرب."
    found = {(e.cameo.code, e.target.country if e.target else None): e for e in events(text, PUB)}
    assert set(found) == {("042", "EGY"), ("036", "TUN"), ("036", "MAR")}
    assert found[("036", "TUN")].location is None
    assert found[("036", "TUN")].source.country == "CHN"


def test_a_tour_including_a_person_is_a_planned_meeting_by_the_traveller() -> None:
    text = (
        "ومن المنتظر أن يلتقي المبعوث الأممي غير بيدرسن الرئيس السوري أحمد الشرع في دمشق الأسبوع المقبل، "
        "في إطار جولة تشمل أيضا وزير الخارجية الأردني أيمن الصفدي."
    )
    pairs = {(e.source.name_en, e.target.name_en if e.target else None) for e in events(text, PUB)}
    assert ("Geir Pedersen", "Ayman Safadi") in pairs
    assert all(e.location is None or e.location.name_en == "Damascus" for e in events(text, PUB))


def test_a_visit_whose_host_is_named_but_no_city_has_no_location() -> None:
    text = "وصل الرئيس الفرنسي إيمانويل ماكرون اليوم إلى قطر في زيارة رسمية التقى خلالها الأمير تميم بن حمد."
    found = [e for e in events(text, PUB) if e.mode == "visit"]
    assert found
    assert all(e.location is None for e in found)


def test_a_past_event_dated_only_by_a_month_or_period_has_no_day() -> None:
    for when in ("الشهر الماضي", "في يناير الماضي", "العام الماضي"):
        (found,) = events(f"زار الرئيس الإيراني مسعود بزشكيان العراق {when}.", PUB)
        assert found.date.value is None, when
    (dated,) = events("زار الرئيس الإيراني مسعود بزشكيان العراق في 5 يناير الماضي.", PUB)
    assert dated.date.value == "2025-01-05"


def test_a_recall_naming_no_host_follows_the_break_reported_before_it() -> None:
    text = "وقطعت بوليفيا علاقاتها مع إسرائيل، فيما استدعت تشيلي وكولومبيا سفيريهما للتشاور."
    found = [e for e in events(text, PUB) if e.cameo.code == "161"]
    assert _pairs(found) == {("BOL", "ISR"), ("CHL", "ISR"), ("COL", "ISR")}
    assert events("استدعت تشيلي سفيرها للتشاور.", PUB) == []


def test_a_title_after_a_comma_is_the_named_persons_own() -> None:
    """'محمد بن زايد آل نهيان، رئيس الدولة،': the title is his, not a second actor the article may resolve to
    another president (it made the Iranian president the sender of a UAE cable)."""
    text = (
        "بعث صاحب السمو الشيخ محمد بن زايد آل نهيان، رئيس الدولة، اليوم برقية تعزية إلى "
        "محمد مخبر القائم بأعمال رئيس الجمهورية الإيرانية في وفاة الرئيس إبراهيم رئيسي."
    )
    on = dt.date(2024, 5, 20)
    doc = build_doc(article(text, on))
    gaz = load_gazetteer()
    views = sentence_views(doc, gaz, on)
    cast = Cast(gaz, on, [v.mentions for v in views])
    slots = sentence_slots(doc, views[0], 0, cast, None)
    assert [s.actor.name_en for s in slots][:2] == ["Mohamed bin Zayed Al Nahyan", "Mohammad Mokhber"]
