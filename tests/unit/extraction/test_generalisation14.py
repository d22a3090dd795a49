"""Round eleven: rules found on the misses of thirteen dev sets pooled (rule 35), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 4, 15)  # a Tuesday


def test_each_envoy_presenting_credentials_calls_on_the_head_of_state() -> None:
    text = (
        "تسلم رئيس الجمهورية التونسية قيس سعيد، اليوم الثلاثاء بقصر قرطاج في تونس العاصمة، أوراق اعتماد كل "
        "من سفير المكسيك لدى تونس، وسفير جمهورية فنلندا لدى تونس."
    )
    found = coded(events(text, PUB))
    assert {("CONSULT", "042", "MEX", "TUN"), ("CONSULT", "042", "FIN", "TUN")} <= found


def test_states_listed_after_the_credentials_stand_for_their_ambassadors() -> None:
    text = (
        "تسلم العاهل الأردني الملك عبدالله الثاني، اليوم الثلاثاء في عمّان، أوراق اعتماد سفراء كل من جمهورية "
        "البيرو ومملكة النرويج المعتمدين لدى المملكة."
    )
    found = coded(events(text, PUB))
    assert {("CONSULT", "042", "PER", "JOR"), ("CONSULT", "042", "NOR", "JOR")} <= found
    assert not any(source == "JOR" for _type, _code, source, _target in found)


def test_an_envoy_presenting_his_credentials_to_the_president_calls_on_him() -> None:
    text = (
        "قدم سفير البرتغال الجديد، اليوم الثلاثاء في الجزائر العاصمة، أوراق اعتماده إلى الرئيس الجزائري "
        "عبد المجيد تبون."
    )
    assert ("CONSULT", "042", "PRT", "DZA") in coded(events(text, PUB))


def test_credentials_ceremony_without_envoys_named_is_no_event() -> None:
    text = "وجرت مراسم تقديم أوراق الاعتماد بحضور وزير الخارجية التونسي محمد علي النفطي."
    assert not coded(events(text, PUB))


def test_an_organisations_council_meeting_is_the_organisations_gathering() -> None:
    text = (
        "شارك وزير الخارجية الأردني أيمن الصفدي، اليوم الثلاثاء، في اجتماع مجلس جامعة الدول العربية على "
        "المستوى الوزاري بالقاهرة."
    )
    assert ("CONSULT", "040", "JOR", "ARL") in coded(events(text, PUB))


def test_an_organisations_ministerial_meeting_past_its_adjectives_is_the_organisations() -> None:
    text = (
        "شارك وزير الخارجية العماني بدر البوسعيدي، اليوم الثلاثاء، في الاجتماع الوزاري الطارئ لمنظمة التعاون "
        "الإسلامي في جدة."
    )
    assert ("CONSULT", "040", "OMN", "OIC") in coded(events(text, PUB))


def test_an_organisation_named_past_another_noun_or_a_relative_is_not_the_gatherings() -> None:
    guest = (
        "شارك وزير الخارجية الأردني أيمن الصفدي، اليوم الثلاثاء، في الاجتماع السنوي للمنتدى الاقتصادي العربي "
        "بالقاهرة بحضور ممثلين عن جامعة الدول العربية."
    )
    caller = "شارك وزير الخارجية الأردني أيمن الصفدي، اليوم الثلاثاء، في الاجتماع الذي دعت إليه جامعة الدول العربية."
    for text in (guest, caller):
        found = coded(events(text, PUB))
        assert ("CONSULT", "040", "JOR", None) in found
        assert not any(target == "ARL" for _type, _code, _source, target in found)


TALKS = "أجرى وزير الخارجية المغربي ناصر بوريطة، اليوم الثلاثاء في الرباط، محادثات مع نظيره البرتغالي باولو رانجيل. "


def test_a_new_round_the_pair_agreed_on_is_planned_between_them() -> None:
    text = TALKS + "واتفق الجانبان على عقد جولة جديدة من الحوار السياسي بين البلدين في لشبونة العام المقبل."
    assert ("AGREE", "036", "MAR", "PRT") in coded(events(text, PUB))


def test_talks_the_pair_agreed_to_resume_are_new_talks_not_a_recap() -> None:
    text = TALKS + "واتفق الوزيران على استئناف المحادثات في لشبونة الشهر المقبل."
    assert ("AGREE", "036", "MAR", "PRT") in coded(events(text, PUB))


def test_talks_named_again_or_an_agreement_on_no_meeting_plan_nothing() -> None:
    for after in (
        "واتفق الجانبان على أهمية تعزيز التعاون الاقتصادي بين البلدين.",
        "وتناولت المحادثات سبل تعزيز التعاون الاقتصادي بين البلدين.",
    ):
        assert coded(events(TALKS + after, PUB)) == {("CONSULT", "042", "PRT", "MAR")}


def test_joining_a_conference_named_by_an_organisation_is_a_gathering() -> None:
    text = "ومن المقرر أن يشارك رئيس الوزراء الباكستاني شهباز شريف الأسبوع المقبل في مؤتمر الأمم المتحدة للمياه."
    assert ("AGREE", "036", "PAK", "UNO") in coded(events(text, PUB))


def test_a_press_conference_is_still_no_gathering() -> None:
    text = "وشارك رئيس الوزراء الباكستاني شهباز شريف، اليوم الثلاثاء، في مؤتمر صحفي مشترك."
    assert not coded(events(text, PUB))


def test_a_trip_before_a_gathering_in_another_state_is_a_visit_of_its_own() -> None:
    text = (
        "ومن المقرر أن يتوجه الرئيس الكيني وليام روتو غداً إلى الدوحة قبل أن يشارك في مؤتمر الأمم المتحدة "
        "للمياه في نيويورك."
    )
    assert {("AGREE", "036", "KEN", "QAT"), ("AGREE", "036", "KEN", "UNO")} <= coded(events(text, PUB))


def test_a_trip_to_join_a_gathering_is_the_gathering_alone() -> None:
    text = "ومن المقرر أن يتوجه الرئيس الكيني وليام روتو غداً إلى نيويورك للمشاركة في مؤتمر الأمم المتحدة للمياه."
    assert coded(events(text, PUB)) == {("AGREE", "036", "KEN", "UNO")}


def test_the_two_who_hold_a_meeting_are_its_parties() -> None:
    for text in (
        "وعقد وزير الخارجية المصري ونظيره التركي اجتماعاً، اليوم الثلاثاء في أنقرة.",
        "وعقد وزير الخارجية المصري بدر عبد العاطي ونظيره التركي هاكان فيدان، اليوم الثلاثاء في أنقرة، اجتماعاً ثنائياً.",
    ):
        assert ("CONSULT", "042", "EGY", "TUR") in coded(events(text, PUB))


def test_a_meeting_a_statement_provides_for_lies_ahead() -> None:
    text = (
        "ونص البيان المشترك على أن يعقد وزيرا خارجية البلدين عباس عراقجي وبدر البوسعيدي اجتماعاً في مسقط الشهر المقبل."
    )
    assert coded(events(text, PUB)) == {("AGREE", "036", "IRN", "OMN")}


def test_a_meeting_held_by_one_state_alone_has_no_parties_from_its_subject() -> None:
    text = "وعقد مجلس الوزراء المصري اجتماعه الأسبوعي اليوم الثلاثاء برئاسة رئيس الوزراء مصطفى مدبولي."
    assert not coded(events(text, PUB))


def test_shanghai_reached_is_the_city_not_the_organisation() -> None:
    text = "وصل الرئيس البرازيلي لويس إيناسيو لولا دا سيلفا، اليوم الثلاثاء، إلى شنغهاي في مستهل زيارة دولة إلى الصين."
    found = coded(events(text, PUB))
    assert ("CONSULT", "042", "BRA", "CHN") in found
    assert not any(target == "SCO" for _type, _code, _source, target in found)


def test_a_shanghai_summit_is_still_the_organisations() -> None:
    text = "شارك رئيس الوزراء الباكستاني شهباز شريف، اليوم الثلاثاء، في قمة شنغهاي."
    assert ("CONSULT", "040", "PAK", "SCO") in coded(events(text, PUB))


def test_a_meeting_of_an_organisations_defence_ministers_is_the_organisations() -> None:
    text = "شارك وزير الدفاع الهندي راجناث سينغ، اليوم الثلاثاء، في اجتماع وزراء دفاع منظمة شنغهاي للتعاون."
    assert ("CONSULT", "040", "IND", "SCO") in coded(events(text, PUB))


def test_the_organisation_and_its_head_in_an_envoys_title_are_not_more_guests() -> None:
    text = (
        "استقبل رئيس المجلس الرئاسي الليبي محمد المنفي، اليوم الثلاثاء في طرابلس، الممثلة الخاصة للأمين العام "
        "للأمم المتحدة رئيسة بعثة الأمم المتحدة للدعم في ليبيا هانا تيتيه."
    )
    found = events(text, PUB)
    assert [(e.source.country, e.source.name_en) for e in found] == [("UNO", "Hanna Tetteh")]


def test_its_own_envoy_named_before_the_others_is_recalled() -> None:
    for text in (
        "الهند تستدعي سفيرها من دكا وتمنع عودة السفير البنغلاديشي",
        "استدعت الهند، الأربعاء، سفيرها من بنغلاديش، فيما أبلغت السفير البنغلاديشي احتجاجها الشديد.",
    ):
        assert coded(events(text, PUB)) == {("SANCTION", "161", "IND", "BGD")}


def test_the_other_states_envoy_summoned_is_still_a_summons() -> None:
    text = "استدعت الهند، الأربعاء، السفير البنغلاديشي وأبلغته احتجاجها الشديد."
    assert coded(events(text, PUB)) == {("ACCUSE", "114", "IND", "BGD")}


RECEIVED = (
    "استقبل رئيس الوزراء الكندي مارك كارني، اليوم الثلاثاء في أوتاوا، وزير الخارجية الهندي سوبرامانيام "
    "جايشانكار، وبحث الجانبان "
)


def test_negotiations_discussed_are_a_topic_not_talks_held() -> None:
    text = RECEIVED + "العلاقات الثنائية، إضافة إلى سير مفاوضات اتفاقية التجارة الحرة بين البلدين."
    assert coded(events(text, PUB)) == {("CONSULT", "042", "IND", "CAN")}


def test_a_round_of_the_negotiations_discussed_put_ahead_is_still_planned() -> None:
    text = (
        RECEIVED + "مسار مفاوضات اتفاقية التجارة الحرة بين البلدين، والجولة المقبلة منها المقرر عقدها في نيودلهي "
        "الشهر المقبل."
    )
    assert ("AGREE", "036", "CAN", "IND") in coded(events(text, PUB))


def test_negotiations_held_with_no_verb_of_discussing_are_talks() -> None:
    text = "أجرى وفدا كندا والهند، اليوم الثلاثاء في أوتاوا، مفاوضات حول اتفاقية التجارة الحرة بين البلدين."
    assert ("CONSULT", "046", "CAN", "IND") in coded(events(text, PUB))


def test_a_named_conference_or_forum_joined_is_a_gathering() -> None:
    for text, state in (
        ("شارك العاهل الأردني الملك عبدالله الثاني، اليوم الثلاثاء، في أعمال مؤتمر بغداد للتعاون والشراكة.", "JOR"),
        ("وكان رئيس الوزراء الإسباني بيدرو سانشيز قد شارك في مارس الماضي في منتدى بوآو الآسيوي.", "ESP"),
    ):
        assert ("CONSULT", "040", state, None) in coded(events(text, PUB))


def test_a_business_forum_is_no_gathering_joined() -> None:
    text = "ومن المنتظر أن يشارك الرئيس النيجيري بولا تينوبو غداً في منتدى اقتصادي يجمع رجال أعمال من البلدين."
    assert not coded(events(text, PUB))


def test_the_organisation_hosting_a_conference_is_the_conferences() -> None:
    text = (
        "شارك وزير الخارجية اللبناني يوسف رجي، اليوم الثلاثاء، في مؤتمر بروكسل لدعم لبنان الذي يستضيفه الاتحاد "
        "الأوروبي."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "040", "LBN", "EEC")}


def test_a_state_organising_a_forum_with_an_organisation_leaves_it_no_ones() -> None:
    text = (
        "شارك الرئيس السنغالي باسيرو ديوماي فاي، اليوم الثلاثاء، في منتدى حول إنتاج اللقاحات نظمته باريس "
        "بالشراكة مع الاتحاد الأفريقي."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "040", "SEN", None)}


KAZAN = (
    "التقى الرئيس الروسي فلاديمير بوتين، اليوم الأربعاء، نظيره الجنوب أفريقي سيريل رامافوزا في مدينة قازان، على "
    "هامش قمة مجموعة بريكس. "
)


def test_joining_the_organisations_summit_named_with_its_ordinal_is_no_recap() -> None:
    text = KAZAN + "ويشارك الرئيس الجنوب أفريقي في أعمال القمة السادسة عشرة لمجموعة بريكس."
    assert coded(events(text, PUB)) == {("CONSULT", "042", "ZAF", "RUS"), ("CONSULT", "040", "ZAF", None)}


def test_the_summit_named_again_without_anyone_joining_is_no_gathering() -> None:
    text = KAZAN + "وتناول اللقاء التحضيرات للقمة."
    assert coded(events(text, PUB)) == {("CONSULT", "042", "ZAF", "RUS")}


def test_talks_of_others_discussed_in_a_call_are_a_topic() -> None:
    text = (
        "تلقى رئيس الوزراء العراقي محمد شياع السوداني، اليوم الثلاثاء، اتصالاً هاتفياً من الرئيس الإيراني "
        "مسعود بزشكيان، وناقش الجانبان مسار المحادثات الإيرانية الأمريكية الجارية بوساطة عمانية."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "041", "IRN", "IRQ")}


def test_the_dateline_the_normaliser_cut_still_names_the_home_ministry() -> None:
    text = (
        "وزارة الخارجية تدين الاعتداء على المسجد الأقصى\n15/04/2025\nعمان 15 نيسان (بترا)- دانت وزارة الخارجية، "
        "بأشد العبارات، الاعتداء الإسرائيلي على المسجد الأقصى المبارك."
    )
    assert coded(events(text, PUB)) == {("ACCUSE", "111", "JOR", "ISR")}


def test_foreign_ministers_name_no_home_ministry() -> None:
    text = (
        "الملك يشارك في القمة الثلاثية\n15/04/2025\nالقاهرة 15 نيسان (بترا)- شارك العاهل الأردني الملك عبدالله "
        "الثاني، اليوم الثلاثاء، في القمة الثلاثية الأردنية المصرية العراقية. واتفق القادة على عقد القمة المقبلة "
        "في بغداد، على أن يسبقها اجتماع لوزراء الخارجية في عمان."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "040", "JOR", None), ("AGREE", "036", "JOR", None)}


def test_a_people_after_lam_is_what_an_act_is_done_to() -> None:
    text = "وأصدر وزيرا خارجية الصين ومصر بياناً مشتركاً أكدا فيه رفض التهجير القسري للفلسطينيين من قطاع غزة."
    assert not any(target == "PSE" for _type, _code, _source, target in coded(events(text, PUB)))


def test_a_states_diplomats_still_name_the_state() -> None:
    text = "وقررت الحكومة الألبانية، اليوم الثلاثاء، طرد الدبلوماسيين الإيرانيين من أراضيها."
    assert coded(events(text, PUB)) == {("SANCTION", "161", "ALB", "IRN")}


def _visits(text: str) -> list[tuple[str | None, str | None]]:
    return sorted((e.source.name_en, e.target.name_en if e.target else None) for e in events(text, PUB))


def test_the_greeter_of_an_earlier_arrival_is_no_second_host() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الثلاثاء بقصر الاتحادية في القاهرة، رئيس الوزراء الياباني "
        "شيغيرو إيشيبا. وكان إيشيبا قد وصل إلى القاهرة أمس الاثنين، حيث كان الدكتور مصطفى مدبولي رئيس مجلس "
        "الوزراء في مقدمة مستقبليه."
    )
    assert _visits(text) == [("Shigeru Ishiba", "Abdel Fattah el-Sisi")]


def test_the_greeter_of_the_arrival_reported_is_its_host() -> None:
    text = (
        "وصل رئيس الوزراء الياباني شيغيرو إيشيبا، اليوم الثلاثاء، إلى القاهرة في زيارة رسمية، حيث كان الرئيس "
        "عبد الفتاح السيسي في مقدمة مستقبليه."
    )
    assert _visits(text) == [("Shigeru Ishiba", "Abdel Fattah el-Sisi")]


def test_the_dateline_the_normaliser_cut_places_a_meeting_with_no_place_of_its_own() -> None:
    text = (
        "الملك يلتقي رئيس الوزراء العراقي\n15/04/2025\nبغداد 15 نيسان (بترا)- التقى العاهل الأردني الملك "
        "عبدالله الثاني، اليوم الثلاثاء، على هامش المؤتمر، رئيس الوزراء العراقي محمد شياع السوداني."
    )
    found = events(text, PUB)
    assert [(e.cameo.code, e.location.name_en if e.location else None) for e in found] == [("042", "Baghdad")]


def _placed(text: str) -> list[tuple[str, str | None]]:
    return [(e.cameo.code, e.location.name_en if e.location else None) for e in events(text, PUB)]


def test_a_palace_named_after_a_town_is_no_place() -> None:
    text = (
        "عقد الرئيس المصري عبد الفتاح السيسي، اليوم الثلاثاء، جلسة مباحثات مع رئيس الوزراء الهندي ناريندرا مودي في "
        "قصر حيدر آباد بالعاصمة الهندية نيودلهي."
    )
    assert _placed(text) == [("042", "New Delhi")]


def test_a_palace_named_after_the_capital_it_stands_in_places_the_meeting() -> None:
    text = "استقبل الرئيس العراقي عبد اللطيف رشيد، اليوم الثلاثاء، الرئيس الإيراني مسعود بزشكيان في قصر بغداد."
    assert _placed(text) == [("042", "Baghdad")]


def test_a_delegation_from_a_states_body_is_that_states() -> None:
    text = (
        "استقبل الرئيس السوري أحمد الشرع، اليوم الثلاثاء في دمشق، وفداً من الكونغرس الأمريكي يضم عضوين في مجلس النواب."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "USA", "SYR")}


def test_european_affairs_in_a_ministers_portfolio_name_no_organisation() -> None:
    text = (
        "الجزائر - استقبل وزير الخارجية الجزائري أحمد عطاف، اليوم الثلاثاء بالجزائر العاصمة، نائبة رئيس الوزراء "
        "ووزيرة الشؤون الخارجية والأوروبية لجمهورية سلوفينيا، تانيا فايون."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "SVN", "DZA")}
