"""General rules checked on sentences of our own, worded unlike the dev set (guards against overfitting it)."""

from __future__ import annotations

import datetime as dt

from schemas.event import DiplomaticEvent, PloverType, Role, Status
from tests.unit.extraction.conftest import events

PUB = dt.date(2025, 5, 20)  # a Tuesday


def _pair(e: DiplomaticEvent) -> tuple[str | None, str | None]:
    return e.source.country, e.target.country if e.target else None


# --- Israel under the names Arab outlets give it -------------------------------------------------


def test_the_zionist_entity_is_israel() -> None:
    (e,) = events("استنكرت دولة الكويت اليوم الاعتداءات التي يرتكبها الكيان الصهيوني في الضفة الغربية.", PUB)
    assert (e.event_type, e.cameo.code, _pair(e)) == (PloverType.ACCUSE, "111", ("KWT", "ISR"))


def test_the_occupation_authorities_are_israel() -> None:
    (e,) = events("نددت سلطنة عمان بقرار سلطات الاحتلال مصادرة أراض فلسطينية.", PUB)
    assert _pair(e) == ("OMN", "ISR")


def test_the_israeli_occupation_forces_are_israel() -> None:
    (e,) = events("أدانت وزارة الخارجية الأردنية بشدة اقتحام قوات الاحتلال الإسرائيلي المسجد الأقصى اليوم.", PUB)
    assert (e.event_type, _pair(e)) == (PloverType.ACCUSE, ("JOR", "ISR"))


# --- envoys named after their title --------------------------------------------------------------


def test_us_envoy_is_named_after_title_and_nisba() -> None:
    (e,) = events("وصل المبعوث الأمريكي ويتكوف إلى القاهرة اليوم والتقى الرئيس عبد الفتاح السيسي.", PUB)
    assert (e.source.name_en, e.target and e.target.country) == ("Steve Witkoff", "EGY")


def test_us_envoy_is_named() -> None:
    (e,) = events(
        "استقبل رئيس الوزراء القطري الشيخ محمد بن عبدالرحمن آل ثاني في الدوحة اليوم المبعوث الأمريكي ستيف ويتكوف.", PUB
    )
    assert (e.mode, e.source.name_en, e.source.role, e.source.country) == ("visit", "Steve Witkoff", Role.ENVOY, "USA")


def test_un_envoy_is_the_person_not_the_country_of_the_mission() -> None:
    text = "التقى وزير الخارجية العماني بدر البوسعيدي في مسقط اليوم المبعوث الأممي إلى اليمن هانس غروندبرغ."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert {e.source.name_en, e.target.name_en} == {"Badr Albusaidi", "Hans Grundberg"}
    assert "YEM" not in _pair(e)


def test_un_envoy_for_syria() -> None:
    (e,) = events("استقبل وزير الخارجية السوري في دمشق المبعوث الأممي غير بيدرسن.", PUB)
    assert (e.source.name_en, e.source.country) == ("Geir Pedersen", "UNO")


def test_chaired_is_not_liz_truss() -> None:
    found = events("ترأس رئيس الوزراء القطري اجتماع مجلس التعاون لدول الخليج العربية في الرياض.", dt.date(2022, 10, 3))
    assert all("Truss" not in (a.name_en or "") for e in found for a in (e.source, *e.participants))


# --- planned trips: intent to meet only, never also an occurred visit ----------------------------


def _kinds(found: list[DiplomaticEvent]) -> list[tuple[PloverType, str, Status]]:
    return [(e.event_type, e.cameo.code, e.status) for e in found]


def test_intends_to_visit_a_capital() -> None:
    (e,) = events("يعتزم الرئيس الفرنسي إيمانويل ماكرون زيارة القاهرة الأسبوع المقبل.", PUB)
    assert (e.event_type, e.status, _pair(e)) == (PloverType.AGREE, Status.PLANNED, ("FRA", "EGY"))


def test_intends_to_make_a_visit_to_a_country() -> None:
    found = events("يعتزم الرئيس الفرنسي إيمانويل ماكرون القيام بزيارة إلى الجزائر في الخريف.", PUB)
    assert _kinds(found) == [(PloverType.AGREE, "036", Status.PLANNED)]
    assert found[0].target is not None and found[0].target.name_en == "Algeria"


def test_present_tense_visit_tomorrow_is_planned() -> None:
    found = events("يزور وزير الخارجية الإيراني عباس عراقجي الرياض غدا حيث يلتقي ولي العهد السعودي.", PUB)
    assert _kinds(found) == [(PloverType.AGREE, "036", Status.PLANNED)]
    assert found[0].date.value == "2025-05-21"


def test_present_tense_trip_with_the_day_after_the_destination() -> None:
    text = "يتوجه رئيس الوزراء العراقي إلى أنقرة الأحد المقبل في زيارة رسمية يلتقي خلالها الرئيس التركي."
    found = events(text, PUB)
    assert _kinds(found) == [(PloverType.AGREE, "036", Status.PLANNED)]
    assert _pair(found[0]) == ("IRQ", "TUR") and found[0].date.value == "2025-05-25"


def test_present_tense_visit_today_occurs() -> None:
    (e,) = events("يزور الرئيس الفلسطيني محمود عباس القاهرة اليوم ويلتقي الرئيس عبد الفتاح السيسي.", PUB)
    assert (e.mode, e.status, _pair(e)) == ("visit", Status.OCCURRED, ("PSE", "EGY"))


def test_to_meet_with_li_before_laam() -> None:
    (e,) = events("يعتزم وزير الخارجية التركي هاكان فيدان التوجه إلى بغداد غدا للقاء نظيره العراقي.", PUB)
    assert (e.event_type, e.status, _pair(e)) == (PloverType.AGREE, Status.PLANNED, ("TUR", "IRQ"))


# --- talks between delegations: the delegations' states negotiate, the host is the place ----------


def test_talks_between_the_two_delegations_named_by_nisbas() -> None:
    text = "انطلقت في مسقط اليوم جولة جديدة من المفاوضات بين الوفدين الإيراني والأمريكي بوساطة عمانية."
    (e,) = events(text, PUB)
    assert (e.mode, e.cameo.code, _pair(e)) == ("negotiation", "046", ("IRN", "USA"))
    assert e.location is not None and e.location.name_en == "Muscat"


def test_a_capital_hosting_talks_is_the_place_not_a_party() -> None:
    (e,) = events("استضافت الدوحة اليوم محادثات بين وفدي السودان وجنوب السودان.", PUB)
    assert (e.mode, e.cameo.code, _pair(e)) == ("negotiation", "046", ("SDN", "SSD"))
    assert e.location is not None and e.location.country == "QAT"


def test_talks_held_with_no_subject() -> None:
    (e,) = events("عقدت في القاهرة اليوم جولة مفاوضات بين وفدي مصر وإثيوبيا حول سد النهضة.", PUB)
    assert (e.mode, _pair(e)) == ("negotiation", ("EGY", "ETH"))


def test_two_delegations_holding_talks_in_a_third_country() -> None:
    text = "أجرى وفدا إيران والولايات المتحدة في مسقط اليوم جولة رابعة من المحادثات غير المباشرة بوساطة عمانية."
    (e,) = events(text, PUB)
    assert (e.mode, e.cameo.code, _pair(e)) == ("negotiation", "046", ("IRN", "USA"))


def test_talks_during_a_reception_stay_a_visit() -> None:
    (e,) = events("استقبل الملك عبدالله الثاني الرئيس اللبناني جوزاف عون وأجرى معه مباحثات في عمان اليوم.", PUB)
    assert (e.mode, _pair(e)) == ("visit", ("LBN", "JOR"))


# --- a summit of an organisation with an outside participant -----------------------------------


def test_china_attends_a_gulf_summit() -> None:
    (e,) = events("شارك الرئيس الصيني شي جين بينغ في القمة الخليجية الصينية التي عقدت في الرياض اليوم.", PUB)
    assert (e.mode, e.cameo.code, _pair(e)) == ("multilateral", "040", ("CHN", "GCC"))
    assert e.target is not None and e.target.role == Role.ORGANIZATION


def test_arab_summit_with_one_named_participant() -> None:
    (e,) = events("انطلقت في الرياض أعمال القمة العربية الصينية بمشاركة الرئيس الصيني شي جين بينغ والقادة العرب.", PUB)
    assert (e.mode, _pair(e)) == ("multilateral", ("CHN", "ARL"))
    assert e.location is not None and e.location.name_en == "Riyadh"


def test_summit_named_by_its_organisation_and_guest() -> None:
    text = "عقدت في الرياض اليوم قمة مجلس التعاون الخليجي والصين بمشاركة الرئيس الصيني شي جين بينغ."
    (e,) = events(text, PUB)
    assert (e.mode, _pair(e)) == ("multilateral", ("CHN", "GCC"))


def test_chairing_the_gulf_summit() -> None:
    (e,) = events("ترأس ولي العهد السعودي الأمير محمد بن سلمان القمة الخليجية الصينية في الرياض اليوم.", PUB)
    assert (e.mode, _pair(e)) == ("multilateral", ("SAU", "GCC"))


# --- messages and cables: the sender is the source, each cable its own event --------------------


def _dyads(found: list[DiplomaticEvent]) -> list[tuple[str | None, str | None]]:
    return [_pair(e) for e in found if e.mode == "message"]


def test_cable_sent_to_a_president() -> None:
    found = events("بعث أمير دولة قطر الشيخ تميم بن حمد آل ثاني برقية تهنئة إلى الرئيس اللبناني جوزاف عون.", PUB)
    assert [(e.cameo.code, _pair(e)) for e in found] == [("040", ("QAT", "LBN"))]


def test_cable_received_from_a_sender() -> None:
    text = "تلقى ملك البحرين حمد بن عيسى آل خليفة برقية تهنئة من الرئيس الإماراتي محمد بن زايد آل نهيان."
    assert _dyads(events(text, PUB)) == [("ARE", "BHR")]


def test_letter_handed_over_by_an_envoy_is_from_its_writer() -> None:
    text = "سلم السفير السعودي في بيروت رسالة خطية من الملك سلمان إلى الرئيس اللبناني جوزاف عون."
    assert _dyads(events(text, PUB)) == [("SAU", "LBN")]


def test_oral_message_carried_by_a_minister() -> None:
    text = "نقل وزير الخارجية المصري بدر عبد العاطي رسالة شفهية من الرئيس السيسي إلى العاهل الأردني."
    assert _dyads(events(text, PUB)) == [("EGY", "JOR")]


def test_two_cables_in_one_sentence_are_two_events() -> None:
    text = (
        "بعث أمير دولة الكويت الشيخ مشعل الأحمد الجابر الصباح ببرقية تهنئة إلى الرئيس التونسي قيس سعيد، "
        "كما بعث ببرقية مماثلة إلى الرئيس الموريتاني محمد ولد الغزواني."
    )
    assert _dyads(events(text, PUB)) == [("KWT", "TUN"), ("KWT", "MRT")]


def test_a_similar_cable_from_another_sender_goes_to_the_same_addressee() -> None:
    text = (
        "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز برقية تهنئة للرئيس السوري أحمد الشرع.\n"
        "وبعث ولي العهد السعودي الأمير محمد بن سلمان برقية تهنئة مماثلة."
    )
    found = events(text, PUB)
    assert [(e.source.name_en, e.target and e.target.country) for e in found] == [
        ("Salman bin Abdulaziz", "SYR"),
        ("Mohammed bin Salman", "SYR"),
    ]


# --- summoned envoys: ACCUSE/114 against the envoy's country, the protest handed over folded in -----


def test_summoned_charge_d_affaires_of_an_embassy() -> None:
    text = "استدعت الخارجية المصرية القائم بأعمال السفارة التركية وأبلغته رفض مصر للتصريحات."
    found = events(text, PUB)
    assert [(e.event_type, e.cameo.code, _pair(e)) for e in found] == [(PloverType.ACCUSE, "114", ("EGY", "TUR"))]


def test_protest_note_in_the_next_sentence_is_the_same_event() -> None:
    text = (
        "استدعت وزارة الخارجية الكويتية اليوم السفير الإيراني لدى البلاد.\n"
        "وأبلغته الوزارة إدانة الكويت واستنكارها للتصريحات الإيرانية."
    )
    (e,) = events(text, PUB)
    assert (e.cameo.code, _pair(e), len(e.evidence)) == ("114", ("KWT", "IRN"), 2)


def test_summoned_ambassador_handed_a_protest_note() -> None:
    text = "استدعت الخارجية العراقية السفير التركي في بغداد وسلمته مذكرة احتجاج شديدة اللهجة على القصف."
    (e,) = events(text, PUB)
    assert (e.cameo.code, _pair(e)) == ("114", ("IRQ", "TUR"))
    assert e.target is not None and e.target.role == Role.AMBASSADOR


# --- denied calls, sanctions by an organisation --------------------------------------------------


def test_denied_call_between_named_leaders() -> None:
    (e,) = events("نفى الكرملين إجراء أي اتصال هاتفي بين الرئيس بوتين والرئيس الأوكراني زيلينسكي.", PUB)
    assert (e.mode, e.status, _pair(e)) == ("phone", Status.DENIED, ("RUS", "UKR"))


def test_denied_call_reported_by_a_ministry() -> None:
    text = "نفت وزارة الخارجية المغربية أن يكون الوزير ناصر بوريطة قد أجرى أي اتصال مع نظيره الجزائري."
    (e,) = events(text, PUB)
    assert (e.status, _pair(e)) == (Status.DENIED, ("MAR", "DZA"))


def test_eu_sanctions_package() -> None:
    (e,) = events("فرض الاتحاد الأوروبي حزمة جديدة من العقوبات على روسيا.", PUB)
    assert (e.event_type, e.cameo.code, _pair(e)) == (PloverType.SANCTION, "163", ("EEC", "RUS"))
    assert e.source.role == Role.ORGANIZATION


# --- names written with 'عبد' compounds joined or apart ------------------------------------------


def test_abd_compounds_match_joined_or_apart() -> None:
    from services.extraction.gazetteer import load_gazetteer
    from services.extraction.gazetteer.index import key_of

    gz = load_gazetteer()
    for written in (
        "سالم عبدالله الجابر الصباح",
        "سالم عبد الله الجابر الصباح",
        "عبد الفتاح السيسي",
        "عبدالفتاح السيسي",
    ):
        assert gz.persons_by_name(key_of(written)), written


def test_a_named_minister_beats_the_office_holder_of_the_date() -> None:
    text = "استقبل وزير الخارجية الكويتي الشيخ سالم عبدالله الجابر الصباح اليوم في الكويت السفير السعودي."
    (e,) = events(text, dt.date(2024, 6, 1))
    assert e.target is not None and e.target.name_en == "Salem Abdullah Al-Jaber Al-Sabah"


def test_sanctions_on_people_and_entities_of_a_nationality() -> None:
    (e,) = events("أعلن الاتحاد الأوروبي فرض عقوبات على أفراد وكيانات إيرانية.", PUB)
    assert (e.event_type, _pair(e)) == (PloverType.SANCTION, ("EEC", "IRN"))


def test_extending_sanctions_is_a_sanction() -> None:
    (e,) = events("قرر الاتحاد الأوروبي تمديد العقوبات المفروضة على روسيا ستة أشهر.", PUB)
    assert (e.event_type, e.cameo.code, _pair(e)) == (PloverType.SANCTION, "163", ("EEC", "RUS"))


# --- places: a dateline or a place noun does not make a place a party or the place of a statement ---


def test_statement_is_not_placed_by_the_dateline() -> None:
    (e,) = events("تونس - وات: أدانت تونس بشدة العدوان الإسرائيلي على الأراضي السورية.", PUB)
    assert (_pair(e), e.location) == (("TUN", "ISR"), None)


def test_a_state_after_a_place_noun_is_not_the_condemned_party() -> None:
    text = "أدانت مملكة البحرين الهجوم الذي استهدف سفينة تجارية قبالة سواحل اليمن."
    assert all("YEM" not in _pair(e) for e in events(text, PUB))


def test_strikes_on_south_lebanon_are_blamed_on_israel() -> None:
    found = events("أدانت وزارة الخارجية المصرية الغارات الإسرائيلية على جنوب لبنان.", PUB)
    assert [_pair(e) for e in found] == [("EGY", "ISR")]


def test_dateline_city_is_not_a_visit_next_to_a_call() -> None:
    text = (
        "الرياض 12/05/2025\n\n"
        "تلقى ولي العهد السعودي الأمير محمد بن سلمان اتصالا هاتفيا اليوم من الرئيس التركي رجب طيب أردوغان."
    )
    found = events(text, PUB)
    assert [(e.mode, _pair(e), e.location) for e in found] == [("phone", ("TUR", "SAU"), None)]


def test_crown_prince_named_without_the_article_and_a_speaker_of_parliament() -> None:
    text = (
        "الكويت - كونا: استقبل سمو ولي العهد الشيخ صباح خالد الحمد الصباح في قصر بيان اليوم "
        "رئيس مجلس النواب اللبناني نبيه بري."
    )
    (e,) = events(text, PUB)
    assert e.target is not None
    assert (e.source.name_en, e.target.name_en) == ("Nabih Berri", "Sabah Al-Khalid Al-Hamad Al-Sabah")


# --- more wordings: denied contacts, jussive verbs, "غد", delegations named by الوفد ----------------


def test_denied_contact_with_an_administration() -> None:
    (e,) = events("نفى المتحدث باسم الخارجية الإيرانية وجود أي اتصال مباشر مع الإدارة الأمريكية.", PUB)
    assert (e.status, _pair(e)) == (Status.DENIED, ("IRN", "USA"))


def test_jussive_meeting_verb_after_lam_is_denied() -> None:
    (e,) = events("لم يلتق وزير الخارجية الجزائري أحمد عطاف بنظيره المغربي خلال اجتماع الجامعة العربية.", PUB)
    assert (e.event_type, e.status, _pair(e)) == (PloverType.CONSULT, Status.DENIED, ("DZA", "MAR"))


def test_arrival_tomorrow_evening_is_planned() -> None:
    found = events("يصل الرئيس الفرنسي إيمانويل ماكرون إلى القاهرة مساء غد في زيارة تستمر يومين.", PUB)
    assert _kinds(found) == [(PloverType.AGREE, "036", Status.PLANNED)]
    assert found[0].date.value == "2025-05-21"


def test_talks_between_delegations_named_with_al_wafd() -> None:
    (e,) = events("عقدت في مسقط محادثات بين الوفد الإيراني والوفد الأمريكي.", PUB)
    assert (e.mode, _pair(e)) == ("negotiation", ("IRN", "USA"))


# --- agents after relative verbs, blamed groups of a nationality, holding responsible -------------


def test_call_received_in_a_relative_clause() -> None:
    text = "وفي اتصال هاتفي تلقاه الرئيس اللبناني جوزاف عون من الرئيس الفرنسي إيمانويل ماكرون، جرى بحث الأوضاع."
    (e,) = events(text, PUB)
    assert (e.mode, _pair(e)) == ("phone", ("FRA", "LBN"))


def test_condemning_settlers_of_a_nationality() -> None:
    text = "أعربت المملكة العربية السعودية عن إدانتها الشديدة لاقتحام مستوطنين إسرائيليين باحات المسجد الأقصى."
    (e,) = events(text, PUB)
    assert (e.event_type, e.cameo.code, _pair(e)) == (PloverType.ACCUSE, "111", ("SAU", "ISR"))


def test_denouncing_statements_of_officials() -> None:
    (e,) = events("أعربت وزارة الخارجية الإماراتية عن استنكارها للتصريحات الصادرة عن مسؤولين إسرائيليين.", PUB)
    assert _pair(e) == ("ARE", "ISR")


def test_holding_a_state_responsible_is_an_accusation() -> None:
    (e,) = events("حملت الحكومة السودانية دولة الإمارات مسؤولية دعم قوات الدعم السريع.", PUB)
    assert (e.event_type, e.cameo.code, _pair(e)) == (PloverType.ACCUSE, "112", ("SDN", "ARE"))


# --- cables of several senders, postings of envoys, future rounds of talks ----------------------


def test_dual_similar_cables_of_a_second_sender() -> None:
    text = (
        "بعث الملك عبدالله الثاني اليوم برقية تهنئة إلى الرئيس الجزائري عبد المجيد تبون.\n"
        "كما بعث برقية تهنئة إلى الرئيس التونسي قيس سعيد.\n"
        "وبعث ولي العهد الأمير الحسين بن عبدالله الثاني برقيتي تهنئة مماثلتين."
    )
    found = events(text, PUB)
    assert sorted((e.source.name_en or "", e.target.country if e.target else "") for e in found) == [
        ("Abdullah II", "DZA"),
        ("Abdullah II", "TUN"),
        ("Hussein bin Abdullah", "DZA"),
        ("Hussein bin Abdullah", "TUN"),
    ]


def test_an_envoys_posting_is_not_the_place_of_the_summons() -> None:
    text = "الجزائر - 10 ماي 2025 (واج)\n\nاستدعت وزارة الشؤون الخارجية اليوم القائم بأعمال سفارة فرنسا بالجزائر."
    (e,) = events(text, dt.date(2025, 5, 10))
    assert (e.cameo.code, _pair(e), e.location) == ("114", ("DZA", "FRA"), None)


def test_a_protest_note_handed_over_is_an_official_complaint() -> None:
    (e,) = events("سلمت وزارة الخارجية العراقية السفير التركي مذكرة احتجاج على القصف.", PUB)
    assert (e.event_type, e.cameo.code, _pair(e)) == (PloverType.ACCUSE, "114", ("IRQ", "TUR"))


def test_a_round_of_talks_that_will_be_held_is_planned() -> None:
    text = (
        "أعلنت الخارجية الإيرانية أن الجولة الثالثة من المفاوضات غير المباشرة بين إيران والولايات المتحدة ستعقد السبت."
    )
    (e,) = events(text, PUB)
    assert (e.event_type, e.status, _pair(e)) == (PloverType.AGREE, Status.PLANNED, ("IRN", "USA"))


def test_meeting_his_counterpart_keeps_the_speaker_as_source() -> None:
    text = "وقال وزير الخارجية الأردني أيمن الصفدي إنه يأمل لقاء نظيره السوري أسعد الشيباني قريبا."
    (e,) = events(text, PUB)
    assert (e.event_type, e.source.name_en, e.target and e.target.name_en) == (
        PloverType.AGREE,
        "Ayman Safadi",
        "Asaad al-Shaibani",
    )


def test_verb_with_counterpart_object_and_carried_subject() -> None:
    text = "وصل وزير الخارجية التركي هاكان فيدان إلى القاهرة اليوم.\nوالتقى نظيره المصري بدر عبد العاطي في مقر الوزارة."
    found = events(text, PUB)
    assert {(e.source.name_en, e.target and e.target.name_en) for e in found} == {("Hakan Fidan", "Badr Abdelatty")}


def test_an_organisation_summit_on_whose_sidelines_leaders_meet_is_not_a_party() -> None:
    text = (
        "التقى رئيس الجمهورية عبد المجيد تبون على هامش أشغال القمة الأفريقية في أديس أبابا الرئيس الكيني ويليام روتو."
    )
    (e,) = events(text, PUB)
    assert (e.mode, _pair(e)) == ("third-party", ("DZA", "KEN"))


def test_will_not_attend_a_summit_is_a_denied_intent() -> None:
    (e,) = events("لن يشارك الرئيس السوري في القمة العربية المقبلة في بغداد.", PUB)
    assert (e.event_type, e.cameo.code, e.status, _pair(e)) == (PloverType.AGREE, "036", Status.DENIED, ("SYR", "ARL"))


def test_did_not_attend_a_summit_is_a_denied_gathering() -> None:
    (e,) = events("لم يحضر أمير قطر القمة الخليجية في الكويت.", PUB)
    assert (e.mode, e.status, _pair(e)) == ("multilateral", Status.DENIED, ("QAT", "GCC"))


def test_a_capital_after_bi_is_where_leaders_meet() -> None:
    text = "التقى رئيس الجمهورية عبد المجيد تبون على هامش أشغال القمة الأفريقية بأديس أبابا الرئيس الكيني."
    (e,) = events(text, PUB)
    assert (e.mode, _pair(e)) == ("third-party", ("DZA", "KEN"))
    assert e.location is not None and e.location.name_en == "Addis Ababa"
