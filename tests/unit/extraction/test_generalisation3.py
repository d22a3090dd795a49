"""General rules found with the third round of generalisation work, checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from services.extraction.dates import find_dates
from services.extraction.text import build_doc
from tests.unit.extraction.conftest import article, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_negotiations_named_as_a_topic_are_no_event_of_their_own() -> None:
    text = (
        "تلقى الرئيس المصري عبد الفتاح السيسي اليوم اتصالا هاتفيا من العاهل الأردني الملك عبدالله الثاني "
        "تناول آخر تطورات مفاوضات التهدئة في السودان."
    )
    found = events(text, PUB)
    assert [e.mode for e in found] == ["phone"]


def test_negotiations_between_two_states_are_still_an_event() -> None:
    text = "بدأت اليوم في الدوحة جولة جديدة من المفاوضات بين وفدي السودان وتشاد حول أمن الحدود."
    found = events(text, PUB)
    assert [e.mode for e in found] == ["negotiation"]


def test_an_indefinite_european_state_is_neither_the_eu_nor_a_city() -> None:
    text = (
        "استقبل رئيس الوزراء الإيطالي جورجيا ميلوني اليوم في روما الرئيس اللبناني جوزاف عون، "
        "في أول زيارة يقوم بها إلى دولة أوروبية منذ انتخابه."
    )
    found = events(text, PUB)
    assert len(found) == 1
    assert found[0].target is not None
    assert {found[0].source.country, found[0].target.country} == {"ITA", "LBN"}


def test_the_definite_european_adjective_still_names_the_eu() -> None:
    text = "فرضت الدول الأوروبية اليوم عقوبات جديدة على إيران بسبب برنامجها الصاروخي."
    (e,) = events(text, PUB)
    assert e.source.country == "EEC"


def test_the_state_across_a_border_is_a_topic_not_a_party() -> None:
    text = (
        "استقبل الرئيس العراقي عبد اللطيف رشيد اليوم في بغداد وزير الخارجية الأردني أيمن الصفدي، "
        "في محادثات تناولت التجارة والطاقة والحدود مع سوريا."
    )
    found = events(text, PUB)
    assert all(e.target is not None and "SYR" not in (e.source.country, e.target.country) for e in found)
    assert len(found) == 1


def test_a_state_after_the_word_province_is_a_place() -> None:
    text = (
        "هنأ الرئيس الجزائري عبد المجيد تبون اليوم في برقية الرئيس الإيراني مسعود بزشكيان "
        "بافتتاح مطار دولي في محافظة أذربيجان الشرقية."
    )
    found = events(text, PUB)
    assert len(found) == 1
    assert found[0].target is not None
    assert {found[0].source.country, found[0].target.country} == {"DZA", "IRN"}


def test_joining_a_gathering_after_a_long_subject_is_an_event_with_its_own_day() -> None:
    text = (
        "شارك وزير الخارجية العماني السيد بدر البوسعيدي، وزير الخارجية، أمس الثلاثاء، في الاجتماع الوزاري "
        "الخليجي التشاوري الذي عقد في الكويت لبحث أمن الملاحة."
    )
    (e,) = events(text, PUB)
    assert e.mode == "multilateral"
    assert e.source.country == "OMN"
    assert e.date.value == "2025-03-11"


def test_a_headline_gathering_takes_the_day_of_the_lead_that_restates_it() -> None:
    text = (
        "البوسعيدي يشارك في الاجتماع الوزاري الخليجي بالكويت\n\n"
        "شارك وزير الخارجية العماني السيد بدر البوسعيدي، أمس الثلاثاء، في الاجتماع الوزاري الخليجي "
        "الذي عقد في الكويت."
    )
    (e,) = events(text, PUB)
    assert e.date.value == "2025-03-11"


def test_a_summit_named_by_two_organisations_is_not_one_organisations_summit() -> None:
    text = "شارك الرئيس المصري عبد الفتاح السيسي اليوم في القمة العربية الأوروبية في القاهرة."
    (e,) = events(text, PUB)
    assert e.mode == "multilateral"
    assert e.target is not None
    assert e.target.country is None


def test_a_headline_gathering_cut_by_a_quote_is_the_one_the_lead_names() -> None:
    text = (
        'لافروف يشارك في اجتماع "مجموعة الاتصال" بشأن ليبيا في الجزائر\n\n'
        "شارك وزير الخارجية الروسي سيرغي لافروف اليوم في اجتماع مجموعة الاتصال بشأن ليبيا الذي عقد في الجزائر "
        "بمشاركة نظيره التركي هاكان فيدان ونظيره المصري بدر عبد العاطي."
    )
    found = [e for e in events(text, PUB) if e.mode == "multilateral"]
    assert len(found) == 1


def test_delegations_qualified_by_adjectives_before_their_nisba_negotiate() -> None:
    text = (
        "بدأت اليوم في جنيف جولة من المحادثات غير المباشرة بين الوفد العسكري - الفني المصري "
        "ووفد الجيش الإثيوبي حول أمن الحدود."
    )
    found = events(text, PUB)
    assert [e.mode for e in found] == ["negotiation"]
    assert found[0].target is not None
    assert {found[0].source.country, found[0].target.country} == {"EGY", "ETH"}


def test_a_round_the_ministers_agreed_to_hold_lies_ahead() -> None:
    text = (
        "أجرى وزير الخارجية الأردني أيمن الصفدي اليوم اتصالا هاتفيا مع نظيره القبرصي كونستانتينوس كومبوس. "
        "واتفق الوزيران على عقد الجولة الثانية من الحوار السياسي في نيقوسيا."
    )
    found = events(text, PUB)
    assert sorted((e.event_type.value, e.status.value) for e in found) == [
        ("AGREE", "planned"),
        ("CONSULT", "occurred"),
    ]


def test_an_invitation_the_visit_was_made_on_is_no_new_invitation() -> None:
    text = (
        "استقبل الرئيس الجزائري عبد المجيد تبون اليوم في الجزائر الرئيس التونسي قيس سعيد "
        "الذي يقوم بزيارة للبلاد بناءً على دعوة من الرئيس تبون."
    )
    found = events(text, PUB)
    assert [e.event_type.value for e in found] == ["CONSULT"]


def test_a_national_team_hosting_another_is_a_match_not_a_visit() -> None:
    text = (
        "يستضيف المنتخب الأردني نظيره العراقي الأسبوع المقبل في عمان، قبل أن يحل ضيفاً على منتخب الكويت. "
        "ووصلت بعثة المنتخب السعودي إلى الدوحة أمس لخوض المباراة الودية أمام قطر."
    )
    assert events(text, PUB) == []


def test_a_city_named_in_a_sentence_restating_the_talks_does_not_move_the_visit() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم بقصر الاتحادية رئيس الوزراء الهندي ناريندرا مودي. "
        "وبحث الرئيسان خلال المباحثات الأوضاع في السودان، كما ناقشا الاستعدادات لقمة العشرين التي تستضيفها "
        "مدينة نيودلهي."
    )
    found = events(text, PUB)
    visit = next(e for e in found if e.mode == "visit")
    assert visit.source.country == "IND"
    assert visit.location is None or visit.location.country == "EGY"


def test_a_ceasefire_is_no_place() -> None:
    text = "أدانت وزارة الخارجية الأردنية اليوم الغارات الإسرائيلية على لبنان، ودعت إلى وقف فوري لإطلاق النار."
    found = events(text, PUB)
    assert found
    assert all(e.location is None for e in found)


def test_recognising_a_state_is_support_054_from_each_recogniser() -> None:
    text = "أعلنت سلوفينيا ومالطا اليوم اعترافهما رسمياً بدولة فلسطين."
    found = events(text, PUB)
    assert sorted((e.source.country, e.target.country if e.target else None) for e in found) == [
        ("MLT", "PSE"),
        ("SVN", "PSE"),
    ]
    assert all((e.event_type.value, e.cameo.code) == ("SUPPORT", "054") for e in found)


def test_admitting_something_is_no_recognition() -> None:
    assert events("واعترف وزير الخارجية الأردني أيمن الصفدي اليوم بأن الوضع في غزة صعب.", PUB) == []


def test_a_day_of_the_current_month_keeps_the_publication_year() -> None:
    text = "على أن يدخل القرار حيز التنفيذ في 28 مارس/ آذار الجاري."
    doc = build_doc(article(text, PUB))
    (hit,) = find_dates(doc.sentence_tokens(0), PUB, planned=False)
    assert hit.date.value == "2025-03-28"


def test_nato_carries_its_cameo_code() -> None:
    (e,) = events("شارك الرئيس التركي رجب طيب أردوغان اليوم في قمة حلف شمال الأطلسي في لاهاي.", PUB)
    assert e.target is not None
    assert e.target.country == "NAT"


def test_a_state_named_with_its_formal_word_is_that_state() -> None:
    text = "استدعت وزارة الخارجية الكويتية اليوم القائم بأعمال سفارة مملكة الدنمارك، وسلمته مذكرة احتجاج."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert (e.source.country, e.target.country) == ("KWT", "DNK")


def test_two_delegations_holding_a_meeting_negotiate() -> None:
    text = "عقد وفدا مملكة البحرين ودولة قطر أمس في الرياض اجتماعاً ثنائياً لبحث استئناف العلاقات."
    found = events(text, PUB)
    assert [e.mode for e in found] == ["negotiation"]
    assert found[0].target is not None
    assert {found[0].source.country, found[0].target.country} == {"BHR", "QAT"}


def test_the_eu_leaders_are_coded_with_the_eu() -> None:
    text = (
        "يلتقي العاهل الأردني الملك عبدالله الثاني غداً في بروكسل رئيسة المفوضية الأوروبية أورسولا فون دير لاين "
        "ورئيس المجلس الأوروبي أنطونيو كوستا."
    )
    found = events(text, PUB)
    assert sorted((e.target.name_en, e.target.country) for e in found if e.target) == [
        ("Antonio Costa", "EEC"),
        ("Ursula von der Leyen", "EEC"),
    ]


def test_a_present_tense_meeting_said_to_come_later_is_planned() -> None:
    text = "كما يلتقي الرئيس التونسي قيس سعيد في وقت لاحق من زيارته الرئيس الجزائري عبد المجيد تبون."
    (e,) = events(text, PUB)
    assert (e.event_type.value, e.status.value) == ("AGREE", "planned")


def test_a_past_meeting_later_that_day_took_place() -> None:
    text = "والتقى الرئيس التونسي قيس سعيد في وقت لاحق الرئيس الجزائري عبد المجيد تبون في الجزائر."
    (e,) = events(text, PUB)
    assert (e.event_type.value, e.status.value) == ("CONSULT", "occurred")


def test_a_summoned_charge_d_affaires_is_named_as_such() -> None:
    text = "استدعت وزارة الخارجية الجزائرية اليوم القائم بأعمال السفارة الإسبانية في الجزائر وأبلغته احتجاجها."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert e.target.name_en == "Charge d'affaires of Spain to Algeria"


def test_agreements_the_leaders_witness_are_signed_between_their_states() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة الرئيس الكيني ويليام روتو، "
        "وشهد الرئيسان عقب المباحثات توقيع عدد من مذكرات التفاهم بين البلدين."
    )
    signing = next(e for e in events(text, PUB) if e.event_type.value == "AGREE")
    assert signing.target is not None
    assert (signing.source.name_en, signing.target.name_en) == ("Egypt", "Kenya")


def test_a_summit_an_invitation_is_for_is_not_attended() -> None:
    text = (
        "وجه الرئيس العراقي عبد اللطيف رشيد اليوم دعوة إلى الرئيس التونسي قيس سعيد "
        "لحضور أعمال القمة العربية المقررة في بغداد الشهر المقبل."
    )
    found = events(text, PUB)
    assert [e.event_type.value for e in found] == ["AGREE"]


def test_a_meeting_on_the_sidelines_of_a_visit_is_where_the_visit_was() -> None:
    text = (
        "وصل الرئيس الفرنسي إيمانويل ماكرون اليوم إلى السعودية في زيارة رسمية التقى خلالها ولي العهد "
        "السعودي الأمير محمد بن سلمان. "
        "وعلى هامش الزيارة، عقد وزير الخارجية الفرنسي جان نويل بارو جلسة مباحثات مع نظيره السعودي."
    )
    found = events(text, PUB)
    side = next(e for e in found if e.source.name_en != "Emmanuel Macron")
    assert side.mode == "visit"
    assert side.location is None  # the text names Saudi Arabia, no city: no guessed capital (lead's ruling)


def test_a_dateline_on_the_fourth_line_gives_the_home_ministry_its_country() -> None:
    text = (
        "الوطن\n\nالأربعاء 12 مارس 2025\n\nالخارجية تستدعي السفير الإيراني وتسلمه مذكرة احتجاج\n\n"
        "الكويت - كونا:\n\n"
        "استدعت وزارة الخارجية اليوم سفير الجمهورية الإسلامية الإيرانية لدى البلاد، وسلمته مذكرة احتجاج."
    )
    found = events(text, PUB)
    assert [(e.event_type.value, e.source.country) for e in found] == [("ACCUSE", "KWT")]


def test_a_three_sided_meeting_is_one_multilateral_event() -> None:
    text = (
        "استضاف الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة لقاءً ثلاثياً جمعه مع العاهل الأردني "
        "الملك عبدالله الثاني والرئيس الفلسطيني محمود عباس."
    )
    (e,) = events(text, PUB)
    assert e.mode == "multilateral"
    assert e.source.country == "EGY"
    assert e.target is not None and e.target.country is None
    assert {p.country for p in e.participants} == {"EGY", "JOR", "PSE"}


def test_a_called_off_visit_is_a_denied_intent_to_meet() -> None:
    text = (
        "أعلن وزير الخارجية المغربي ناصر بوريطة اليوم إلغاء زيارة كان من المقرر أن يجريها "
        "نظيره الإسباني خوسيه مانويل ألباريس إلى الرباط الأسبوع المقبل."
    )
    (e,) = events(text, PUB)
    assert (e.event_type.value, e.cameo.code, e.status.value) == ("AGREE", "036", "denied")


def test_cancelling_does_not_deny_a_condemnation_beside_it() -> None:
    text = "أنقرة تلغي زيارة وزير الدفاع السويدي وتدين السماح بحرق المصحف في ستوكهولم"
    found = events(text, PUB)
    assert all(e.status.value == "occurred" for e in found if e.event_type.value == "ACCUSE")


def test_the_meeting_after_a_summons_is_the_summons() -> None:
    text = (
        "الخارجية الإيرانية تستدعي القائم بالأعمال الدنماركي\n\n"
        "طهران - إرنا: استدعت وزارة الخارجية الإيرانية، اليوم الأربعاء، القائم بأعمال السفارة الدنماركية في "
        "طهران، وأبلغته احتجاج إيران الشديد. وأكد المدير العام لشؤون أوروبا في الخارجية، خلال اللقاء، أن هذه "
        "الأعمال مرفوضة."
    )
    found = events(text, PUB)
    assert [e.cameo.code for e in found] == ["114"]


def test_the_un_envoy_to_libya_and_the_eastern_commander_are_known() -> None:
    text = "ومن المنتظر أن يلتقي المبعوث الأممي عبدالله باتيلي المشير خليفة حفتر في بنغازي الأسبوع المقبل."
    (e,) = events(text, dt.date(2023, 5, 16))
    assert e.target is not None
    assert (e.source.name_en, e.target.name_en) == ("Abdoulaye Bathily", "Khalifa Haftar")


def test_the_subject_of_the_join_verb_attends_the_gathering() -> None:
    text = (
        "استقبل رئيس جنوب أفريقيا سيريل رامافوزا اليوم في جوهانسبورغ الرئيس البرازيلي لويز إيناسيو لولا دا سيلفا. "
        "وشارك الرئيس الروسي فلاديمير بوتين في أعمال القمة العربية عبر الفيديو."
    )
    summit = next(e for e in events(text, PUB) if e.mode == "multilateral")
    assert summit.source.country == "RUS"


def test_joining_a_summit_by_video_link_is_no_call() -> None:
    text = (
        "وشارك رئيس الوزراء الهندي ناريندرا مودي في أعمال القمة عبر الاتصال المرئي، "
        "بسبب التزامات داخلية مع الرئيس الأمريكي دونالد ترامب."
    )
    found = events(text, PUB)
    assert all(e.mode != "phone" for e in found)


def test_an_invitation_to_join_an_organisation_after_a_long_list_is_a_call() -> None:
    text = (
        "أعلن الرئيس الروسي فلاديمير بوتين اليوم دعوة كل من السعودية والإمارات ومصر وإثيوبيا وإيران "
        "والأرجنتين للانضمام إلى المجموعة كأعضاء كاملي العضوية."
    )
    assert all(e.cameo.code != "036" for e in events(text, PUB))


def test_the_verb_of_a_relative_clause_belongs_to_its_antecedent() -> None:
    text = "وبذلك تنضم كولومبيا إلى بوليفيا، التي كانت قد قطعت علاقاتها مع إسرائيل في أكتوبر الماضي."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert (e.source.country, e.target.country) == ("BOL", "ISR")


def test_the_occupation_in_arab_copy_is_israel() -> None:
    (e,) = events("أعلن الرئيس التركي رجب طيب أردوغان اليوم قطع العلاقات الدبلوماسية مع الاحتلال.", PUB)
    assert e.target is not None and e.target.country == "ISR"


def test_latin_america_is_no_united_states() -> None:
    text = "أدانت وزارة الخارجية الكوبية اليوم العدوان على غزة، ودعت دول أمريكا اللاتينية إلى قطع علاقاتها."
    assert all("USA" not in (e.source.country, e.target.country if e.target else None) for e in events(text, PUB))


def test_states_listed_after_alongside_did_the_same() -> None:
    text = "وكانت موريتانيا قد قطعت علاقاتها الدبلوماسية مع إيران عام 2018، إلى جانب المغرب والأردن."
    found = events(text, PUB)
    assert sorted((e.source.country, e.target.country if e.target else None) for e in found) == [
        ("JOR", "IRN"),
        ("MAR", "IRN"),
        ("MRT", "IRN"),
    ]


def test_states_recalling_their_own_ambassadors_each_sanction_the_host() -> None:
    text = "استدعت تشيلي وهندوراس سفيريهما لدى إسرائيل للتشاور اليوم."
    found = events(text, PUB)
    assert sorted((e.source.country, e.cameo.code) for e in found) == [("CHL", "161"), ("HND", "161")]
    assert all(e.target is not None and e.target.country == "ISR" for e in found)


def test_a_minister_present_at_an_audience_is_no_party() -> None:
    text = (
        "استقبل ولي العهد السعودي الأمير محمد بن سلمان اليوم في الرياض وزير الخارجية الهندي سوبراهمانيام "
        "جايشانكار، بمناسبة زيارته الرسمية للمملكة، بحضور وزير الخارجية الأمير فيصل بن فرحان."
    )
    found = events(text, PUB)
    assert len(found) == 1
    assert found[0].target is not None and found[0].target.name_en == "Mohammed bin Salman"


def test_the_outlet_el_khabar_is_no_saudi_dateline() -> None:
    text = (
        "الخبر | الوطن\n\nالرئيس تبون يستقبل وزير الخارجية الإيطالي\n\n"
        "استقبل الرئيس الجزائري عبد المجيد تبون اليوم وزير الخارجية الإيطالي أنطونيو تاياني. "
        "وكان تاياني قد أجرى أمس محادثات مع الوزير أحمد عطاف بمقر وزارة الشؤون الخارجية."
    )
    found = events(text, PUB)
    assert all("SAU" not in (e.source.country, e.target.country if e.target else None) for e in found)


def test_an_exchange_of_messages_is_one_message_each_way() -> None:
    text = (
        "تبادل الرئيس الجزائري عبد المجيد تبون والرئيس التونسي قيس سعيد، اليوم الأربعاء، برقيات التهنئة "
        "بمناسبة عيد الاستقلال. كما تبادل الرئيسان بهذه المناسبة وجهات النظر حول التعاون."
    )
    found = events(text, PUB)
    assert sorted((e.source.country, e.target.country if e.target else None) for e in found) == [
        ("DZA", "TUN"),
        ("TUN", "DZA"),
    ]
    assert all(e.mode == "message" and e.date.value == "2025-03-12" for e in found)


def test_an_exchange_on_the_same_occasion_takes_its_day() -> None:
    text = (
        "تبادل الرئيس الجزائري عبد المجيد تبون والرئيس التونسي قيس سعيد، أمس الثلاثاء، برقيات التهنئة. "
        "كما تبادل وزير الخارجية الجزائري أحمد عطاف ونظيره التونسي محمد علي النفطي برقيات التهنئة بهذه المناسبة."
    )
    found = events(text, PUB)
    assert len(found) == 4
    assert all(e.date.value == "2025-03-11" for e in found)


def test_the_two_sides_named_by_nisbas_sign() -> None:
    text = "ووقّع الجانبان الأردني والعراقي اليوم عدداً من مذكرات التفاهم في مجال الطاقة."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert (e.cameo.code, e.source.country, e.target.country) == ("057", "JOR", "IRQ")
