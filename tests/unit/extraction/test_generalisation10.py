"""Round seven: conventions settled across the gold files (rule 29) and rules found on the misses of all nine
dev sets pooled (rule 30), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def _parties(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return sorted(
        (e.cameo.code, e.source.name_en, e.target.name_en if e.target else None, e.target.country if e.target else None)
        for e in events(text, PUB)
    )


def test_a_ministry_spokesperson_denying_a_letter_is_not_its_addressee() -> None:
    text = (
        "نفى المتحدث باسم وزارة الخارجية الإيرانية إسماعيل بقائي، اليوم الأربعاء، صحة الأنباء عن تسلم "
        "الرئيس مسعود بزشكيان رسالة من الرئيس الأمريكي دونالد ترامب."
    )
    assert _parties(text) == [("040", "Donald Trump", "Masoud Pezeshkian", "IRN")]


def test_a_government_spokesperson_stands_for_his_state_when_the_principal_is_unnamed() -> None:
    text = "نفت المتحدثة باسم الحكومة الإيرانية فاطمة مهاجراني تسلم الرئيس رسالة من الرئيس الأمريكي دونالد ترامب."
    assert _parties(text) == [("040", "Donald Trump", "Iran", "IRN")]


def test_a_presidential_spokesperson_reporting_a_call_is_no_party() -> None:
    text = (
        "قال الناطق الرسمي باسم الرئاسة الفلسطينية نبيل أبو ردينة إن الرئيس تلقى اتصالا هاتفيا من العاهل "
        "الأردني الملك عبدالله الثاني."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "041", "JOR", "PSE")}
    assert "Nabil Abu Rudeineh" not in {e.target.name_en for e in events(text, PUB) if e.target}


def test_a_foreign_ministry_spokesperson_reporting_his_ministers_call_is_no_party() -> None:
    text = (
        "وأشار المتحدث الرسمي باسم وزارة الخارجية ماجد الأنصاري إلى أن رئيس مجلس الوزراء وزير الخارجية "
        "تلقى اتصالا هاتفيا من وزير الخارجية الأمريكي ماركو روبيو."
    )
    assert _parties(text) == [("041", "Marco Rubio", "Qatar", "QAT")]


def test_a_spokesperson_still_voices_a_condemnation() -> None:
    text = "أدان المتحدث باسم وزارة الخارجية الإيرانية إسماعيل بقائي اليوم الغارات الإسرائيلية على لبنان."
    assert [(e.cameo.code, e.source.name_en) for e in events(text, PUB)] == [("111", "Esmaeil Baghaei")]


def _gatherings(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return sorted(
        (e.source.country, e.target.country if e.target else None, e.target.organization if e.target else None)
        for e in events(text, PUB)
        if e.mode == "multilateral"
    )


def test_the_shanghai_organisation_has_its_own_code() -> None:
    text = "شارك رئيس الوزراء الهندي ناريندرا مودي اليوم في قمة منظمة شنغهاي للتعاون في مدينة تيانجين الصينية."
    assert _gatherings(text) == [("IND", "SCO", "SCO")]


def test_an_organisations_full_name_in_quotes_names_the_gathering() -> None:
    text = 'حضر الرئيس الإيراني مسعود بزشكيان اليوم اجتماع "منظمة شنغهاي للتعاون" في مدينة أستانا.'
    assert _gatherings(text) == [("IRN", "SCO", "SCO")]


def test_a_quoted_acronym_with_a_plus_is_no_organisation() -> None:
    text = 'شارك وزير الطاقة الروسي اليوم في اجتماع "أوبك+" عبر الفيديو.'
    assert [org for _, _, org in _gatherings(text)] == [None]


def test_those_after_bimusharaka_attend_along_with_the_one_who_joins() -> None:
    text = (
        "شارك الرئيس التركي رجب طيب أردوغان، اليوم، في قمة مجلس التعاون الخليجي في الدوحة بمشاركة الأمين العام "
        "للأمم المتحدة أنطونيو غوتيريش."
    )
    assert _gatherings(text) == [("TUR", "GCC", "GCC")]


def _visit_hosts(text: str) -> list[tuple[str | None, str | None, bool]]:
    return sorted(
        (e.target.name_en if e.target else None, e.target.role if e.target else None, e.primary)
        for e in events(text, PUB)
        if e.cameo.code == "042"
    )


def test_an_earlier_visit_whose_sentence_names_no_host_is_to_the_state() -> None:
    text = (
        "استقبل الرئيس التونسي قيس سعيد اليوم في قصر قرطاج رئيسة الوزراء الإيطالية جورجيا ميلوني. "
        "وكانت ميلوني قد زارت تونس في يونيو 2023."
    )
    assert _visit_hosts(text) == [("Kais Saied", "head_of_state", True), ("Tunisia", "state", False)]


def test_an_earlier_visit_whose_sentence_names_its_host_is_to_that_person() -> None:
    text = (
        "وصل رئيس الوزراء الهندي ناريندرا مودي اليوم إلى كييف والتقى الرئيس الأوكراني فولوديمير زيلينسكي. "
        "وكان مودي قد زار موسكو في يوليو الماضي، حيث التقى الرئيس الروسي فلاديمير بوتين."
    )
    assert ("Vladimir Putin", "head_of_state", False) in _visit_hosts(text)


def test_a_visit_to_a_capital_names_no_host_even_when_the_article_names_its_leader() -> None:
    text = (
        "تلقى رئيس الوزراء العراقي محمد شياع السوداني اليوم اتصالاً هاتفياً من الرئيس التركي رجب طيب أردوغان. "
        "وكان أردوغان قد زار بغداد في أبريل 2024."
    )
    assert _visit_hosts(text) == [("Iraq", "state", False)]


def _planned_gatherings(text: str) -> list[tuple[str | None, str | None, str]]:
    return sorted(
        (e.source.country, e.target.country if e.target else None, e.status.value)
        for e in events(text, PUB)
        if e.cameo.code == "036" and e.target is not None and e.target.role == "organization"
    )


def test_a_gathering_joined_ahead_after_a_visit_is_its_own_planned_event() -> None:
    text = (
        "استقبل الملك سلمان بن عبدالعزيز اليوم في الرياض الرئيس الصيني شي جين بينغ. "
        "ومن المقرر أن يشارك الرئيس الصيني يوم غد الخميس في القمة الخليجية الصينية."
    )
    assert _planned_gatherings(text) == [("CHN", "GCC", "planned")]


def test_a_join_verb_after_a_planned_opener_opens_the_clause() -> None:
    text = (
        "ومن المنتظر أن يشارك رئيس الوزراء المصري مصطفى مدبولي، نيابة عن الرئيس، في قمة منتدى التعاون الصيني "
        "الأفريقي التي تستضيفها بكين يوم الخميس المقبل."
    )
    assert [(e.cameo.code, e.source.country, e.status.value) for e in events(text, PUB)] == [("036", "EGY", "planned")]


def test_a_join_verb_with_the_future_prefix_joins_a_gathering_ahead() -> None:
    text = "سيشارك الرئيس الإيراني مسعود بزشكيان الأسبوع المقبل في قمة منظمة شنغهاي للتعاون."
    assert _planned_gatherings(text) == [("IRN", "SCO", "planned")]


def _joined_gatherings(text: str) -> list[tuple[str | None, str | None, bool]]:
    return sorted(
        (e.source.name_en, e.target.country if e.target else None, e.primary)
        for e in events(text, PUB)
        if e.mode == "multilateral"
    )


def test_a_gathering_joined_earlier_is_no_restatement_of_the_visit() -> None:
    text = (
        "التقى الرئيس الكولومبي غوستافو بيترو اليوم الرئيس الصيني شي جين بينغ في بكين. "
        "وكان بيترو قد شارك، أمس، في الاجتماع الوزاري الرابع لمنتدى الصين ودول أمريكا اللاتينية في بكين."
    )
    assert _joined_gatherings(text) == [("Gustavo Petro", None, False)]


def test_a_state_joining_a_gathering_earlier_is_its_party() -> None:
    text = (
        "استقبل الرئيس التونسي قيس سعيد اليوم السفير العراقي في تونس. "
        "وكانت تونس قد شاركت في القمة العربية الأخيرة التي احتضنتها المنامة في مايو الماضي."
    )
    assert [
        (e.source.country, e.target.country if e.target else None)
        for e in events(text, PUB)
        if e.mode == "multilateral"
    ] == [("TUN", "ARL")]


def test_joining_a_gatherings_opening_is_joining_it() -> None:
    text = (
        "وشارك رئيس جمهورية كولومبيا غوستافو بيترو، صباح أمس الثلاثاء، في افتتاح الاجتماع الوزاري لمنتدى الصين "
        "ودول أمريكا اللاتينية."
    )
    assert _joined_gatherings(text) == [("Gustavo Petro", None, True)]


def test_xi_by_his_surname_once_the_article_names_him() -> None:
    text = (
        "استقبل رئيس كازاخستان قاسم جومارت توكاييف اليوم في أستانا الرئيس الصيني شي جين بينغ. "
        "ومن المقرر أن يحضر شي غداً القمة الثانية بين الصين وآسيا الوسطى في أستانا."
    )
    assert [(e.source.name_en, e.status.value) for e in events(text, PUB) if e.cameo.code == "036"] == [
        ("Xi Jinping", "planned")
    ]


def test_shi_alone_is_no_one() -> None:
    text = "قال وزير الخارجية الروسي سيرغي لافروف إن شي لم يتغير في العلاقات، بعد اتصاله بنظيره التركي هاكان فيدان."
    assert all(
        e.source.name_en != "Xi Jinping" and (e.target is None or e.target.name_en != "Xi Jinping")
        for e in events(text, PUB)
    )


def _held(text: str) -> list[tuple[str | None, str | None]]:
    return [
        (e.source.country, e.target.organization if e.target else None)
        for e in events(text, PUB)
        if e.mode == "multilateral"
    ]


def test_a_gathering_held_under_a_chair_has_the_chair_as_its_party() -> None:
    text = (
        "انطلقت اليوم في مدينة جوهانسبورغ أعمال قمة مجموعة العشرين، برئاسة رئيس جنوب أفريقيا سيريل رامافوزا، "
        "وبمشاركة رئيس الوزراء الهندي ناريندرا مودي."
    )
    assert _held(text) == [("ZAF", "G20")]


def test_an_organisations_summit_held_under_a_chair() -> None:
    assert _held("عقدت اليوم في الرياض القمة الخليجية برئاسة ولي العهد السعودي الأمير محمد بن سلمان.") == [
        ("SAU", "GCC")
    ]


def test_a_summits_name_may_go_on_with_an_ordinal_before_its_chair() -> None:
    text = (
        "انطلقت اليوم أعمال القمة السابعة عشرة لمجموعة بريكس في ريو دي جانيرو، برئاسة الرئيس البرازيلي لويز "
        "إيناسيو لولا دا سيلفا."
    )
    assert _held(text) == [("BRA", "BRICS")]


def test_a_joint_summit_under_a_chair_is_no_one_organisations() -> None:
    text = (
        "انعقدت في الرياض اليوم أعمال القمة العربية الإسلامية المشتركة غير العادية، برئاسة ولي العهد السعودي "
        "الأمير محمد بن سلمان."
    )
    assert all(org is None for _, org in _held(text))


def test_a_pair_noun_after_an_acts_two_parties_is_those_two() -> None:
    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان اليوم في أنقرة المستشار الألماني فريدريش ميرتس. "
        "وكان رئيس الوزراء البريطاني كير ستارمر قد زار أنقرة الاثنين الماضي، ووقّع البلدان خلال زيارته اتفاقاً "
        "لبيع 20 مقاتلة لتركيا."
    )
    assert [
        (e.source.country, e.target.country if e.target else None) for e in events(text, PUB) if e.cameo.code == "057"
    ] == [("GBR", "TUR")]


def test_the_two_ministers_are_the_ones_just_named() -> None:
    text = (
        "استقبل الرئيس الإيراني مسعود بزشكيان اليوم في طهران وزير الخارجية العماني بدر البوسعيدي. "
        "وعلى هامش الزيارة، عقد وزير الخارجية الإيراني عباس عراقجي جلسة مباحثات مع نظيره العماني، ووقع الوزيران "
        "في ختامها مذكرة تفاهم."
    )
    signed = [
        (e.source.name_en, e.target.name_en if e.target else None) for e in events(text, PUB) if e.cameo.code == "057"
    ]
    assert signed and set(signed[0]) == {"Abbas Araghchi", "Badr Albusaidi"}


def _signed(text: str) -> list[set[str | None]]:
    return [
        {e.source.country, e.target.country if e.target else None} for e in events(text, PUB) if e.cameo.code == "057"
    ]


def test_the_two_leaders_are_of_the_two_countries_the_article_is_about() -> None:
    text = (
        "استقبل الرئيس الصومالي حسن شيخ محمود اليوم في مقديشو رئيس الوزراء الإثيوبي آبي أحمد. "
        "وكان الرئيسان قد وقعا في أنقرة، في ديسمبر الماضي، إعلاناً مشتركاً برعاية الرئيس التركي رجب طيب أردوغان."
    )
    assert _signed(text) == [{"SOM", "ETH"}]


def test_the_one_who_reports_a_pairs_act_is_not_one_of_the_pair() -> None:
    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان اليوم في أنقرة الرئيس الصومالي حسن شيخ محمود ورئيس الوزراء "
        "الإثيوبي آبي أحمد. وأوضح الرئيس التركي أن البلدين وقعا على إعلان أنقرة."
    )
    assert _signed(text) == [{"SOM", "ETH"}]
