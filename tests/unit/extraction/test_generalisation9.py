"""Round six: rules found on the misses of all eight dev sets pooled, on sentences of our own."""

from __future__ import annotations

import datetime as dt

from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def _visits(text: str) -> list[tuple[str | None, str | None, str | None, bool]]:
    return sorted(
        (e.source.country, e.target.country if e.target else None, e.date.value, e.primary)
        for e in events(text, PUB)
        if e.cameo.code == "042"
    )


def test_an_earlier_visit_to_the_hosts_country_is_another_visit() -> None:
    text = (
        "استقبل الرئيس التونسي قيس سعيد اليوم رئيسة الوزراء الإيطالية جورجيا ميلوني. "
        "وكانت ميلوني قد زارت تونس في 6 يونيو 2023."
    )
    assert _visits(text) == [("ITA", "TUN", "2023-06-06", False), ("ITA", "TUN", "2025-03-12", True)]


def test_an_earlier_visit_named_by_its_noun_is_another_visit() -> None:
    text = (
        "استقبل الرئيس السوري بشار الأسد اليوم وزير الخارجية العماني بدر البوسعيدي. "
        "وكان البوسعيدي قد أجرى زيارة إلى دمشق في 3 أكتوبر 2023."
    )
    assert _visits(text) == [("OMN", "SYR", "2023-10-03", False), ("OMN", "SYR", "2025-03-12", True)]


def test_an_earlier_arrival_still_belongs_to_the_visit_reported() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة العاهل الأردني الملك عبدالله الثاني. "
        "وكان العاهل الأردني قد وصل إلى القاهرة أمس."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "JOR", "EGY")}
    assert len(events(text, PUB)) == 1


def test_an_earlier_visit_opened_by_kama_kana_is_background() -> None:
    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان اليوم المستشار الألماني فريدريش ميرتس في أنقرة. "
        "كما كان أردوغان قد زار برلين في 17 نوفمبر 2023."
    )
    assert _visits(text) == [("DEU", "TUR", "2025-03-12", True), ("TUR", "DEU", "2023-11-17", False)]


def test_as_planned_is_no_background() -> None:
    text = "كما كان مقرراً، التقى وزير الخارجية السعودي فيصل بن فرحان اليوم في الرياض نظيره الأردني أيمن الصفدي."
    assert _visits(text) == [("JOR", "SAU", "2025-03-12", True)]


def test_an_earlier_arrival_by_halla_belongs_to_the_visit_reported() -> None:
    text = (
        "استقبل الملك محمد السادس اليوم في الدار البيضاء الرئيس الموريتاني محمد ولد الغزواني. "
        "وكان الرئيس الموريتاني قد حل بالمغرب أمس الثلاثاء، في زيارة هي الأولى له إلى المملكة."
    )
    assert [v[:2] for v in _visits(text)] == [("MRT", "MAR")]


def test_a_solution_is_no_arrival() -> None:
    assert events("دعا الوزير المصري إلى حل سياسي للأزمة في سوريا.", PUB) == []


def test_a_background_arrival_met_by_the_host_named_is_the_visit_reported() -> None:
    text = (
        "استقبل الرئيس الجزائري عبد المجيد تبون اليوم في الجزائر العاصمة الرئيس التركي رجب طيب أردوغان. "
        "وكان أردوغان قد وصل إلى الجزائر مساء أمس، حيث كان الرئيس تبون في مقدمة مستقبليه."
    )
    assert [v[:2] for v in _visits(text)] == [("TUR", "DZA")]


def test_a_background_arrival_by_halla_at_an_airport_is_the_visit_reported() -> None:
    text = (
        "أجرى الملك محمد السادس اليوم في الرباط مباحثات مع الرئيس الفرنسي إيمانويل ماكرون. "
        "وكان ماكرون قد حل بمطار الرباط سلا مساء أمس، حيث خصص له الملك محمد السادس استقبالا رسميا."
    )
    assert [v[:2] for v in _visits(text)] == [("FRA", "MAR")]


def test_a_two_state_solution_is_no_arrival() -> None:
    text = (
        "استقبل وزير الخارجية الأردني أيمن الصفدي اليوم في عمان نظيره الإسباني خوسيه مانويل ألباريس. "
        "وكان الوزيران قد التقيا في مدريد في مايو الماضي، خلال اجتماع وزاري حول حل الدولتين."
    )
    assert [v[:2] for v in _visits(text)] == [("ESP", "JOR"), ("JOR", "ESP")]


def test_a_bilateral_cooperation_council_is_not_the_gcc() -> None:
    text = (
        "استقبل الرئيس التركي رجب طيب أردوغان اليوم في أنقرة أمير قطر الشيخ تميم بن حمد آل ثاني. "
        "وترأس الزعيمان الاجتماع الأول لمجلس التعاون الاستراتيجي رفيع المستوى بين البلدين."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "QAT", "TUR")}


def test_the_gulf_cooperation_council_by_its_short_name_is_still_the_gcc() -> None:
    condemned = events("أدان مجلس التعاون اليوم الهجوم الإسرائيلي على الدوحة.", PUB)
    assert coded(condemned) == {("ACCUSE", "111", "GCC", "ISR")}
    text = "أكد وزير الخارجية السعودي اليوم أن دول مجلس التعاون الست تدين الهجوم الإسرائيلي على الدوحة."
    assert ("ACCUSE", "111", "GCC", "ISR") in coded(events(text, PUB))


def test_a_summit_named_by_two_organisations_adjectives_is_no_one_organisations() -> None:
    chaired = events("ترأس أمير قطر الشيخ تميم بن حمد آل ثاني اليوم أعمال القمة العربية الإسلامية في الدوحة.", PUB)
    joined = events("شارك الرئيس المصري عبد الفتاح السيسي اليوم في أعمال القمة العربية الإسلامية في الرياض.", PUB)
    assert coded(chaired) == {("CONSULT", "040", "QAT", None)}
    assert coded(joined) == {("CONSULT", "040", "EGY", None)}


def test_one_organisations_summit_stays_its_own() -> None:
    chaired = events("ترأس أمير قطر الشيخ تميم بن حمد آل ثاني اليوم أعمال القمة الخليجية في الدوحة.", PUB)
    joined = events("شارك الرئيس المصري عبد الفتاح السيسي اليوم في أعمال القمة العربية في بغداد.", PUB)
    assert coded(chaired) == {("CONSULT", "040", "QAT", "GCC")}
    assert coded(joined) == {("CONSULT", "040", "EGY", "ARL")}


def test_a_summit_between_two_organisations_is_no_one_organisations() -> None:
    text = (
        "ترأس ولي العهد السعودي الأمير محمد بن سلمان اليوم أعمال القمة الأولى بين دول مجلس التعاون "
        "لدول الخليج العربية ورابطة دول جنوب شرق آسيا في الرياض."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "040", "SAU", None)}


def test_a_meeting_noun_after_a_match_report_is_the_match() -> None:
    text = (
        "فاز منتخب المغرب على مضيفه منتخب مصر بهدفين دون رد، مساء أمس، على ملعب القاهرة الدولي. "
        "وحضر اللقاء السفير المغربي لدى مصر وآلاف المشجعين."
    )
    assert events(text, PUB) == []


def test_a_meeting_noun_after_a_reported_meeting_still_refers_to_it() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة وزير الخارجية المغربي ناصر بوريطة. "
        "وحضر اللقاء وزير الخارجية المصري بدر عبد العاطي."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "MAR", "EGY")}


def _invitations(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [
        (e.source.country, e.target.country if e.target else None, e.location.name_en if e.location else None)
        for e in events(text, PUB)
        if e.cameo.code == "036"
    ]


def test_an_invitation_is_not_placed_where_it_was_handed_over() -> None:
    text = (
        "استقبل الرئيس الروسي فلاديمير بوتين اليوم في موسكو العاهل البحريني الملك حمد بن عيسى آل خليفة. "
        "ووجه الملك حمد الدعوة للرئيس بوتين لزيارة مملكة البحرين."
    )
    assert _invitations(text) == [("BHR", "RUS", None)]


def test_a_planned_meeting_during_a_visit_is_still_placed_there() -> None:
    text = (
        "استقبل الرئيس الروسي فلاديمير بوتين اليوم في موسكو العاهل البحريني الملك حمد بن عيسى آل خليفة. "
        "ومن المقرر أن يلتقي الملك حمد غداً رئيس الوزراء الروسي ميخائيل ميشوستين."
    )
    assert [loc for *_, loc in _invitations(text)] == ["Moscow"]


def test_zelensky_is_spelled_as_every_dev_set_spells_him() -> None:
    found = events("استقبل الرئيس التركي رجب طيب أردوغان اليوم في أنقرة الرئيس الأوكراني فولوديمير زيلينسكي.", PUB)
    assert [e.source.name_en for e in found] == ["Volodymyr Zelensky"]


def test_a_cable_sent_alongside_another_takes_its_day() -> None:
    text = (
        "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة للرئيس السنغالي باسيرو ديوماي فاي "
        "بمناسبة ذكرى استقلال بلاده. كما بعث صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز آل سعود ولي العهد "
        "رئيس مجلس الوزراء برقية تهنئة مماثلة للرئيس السنغالي."
    )
    assert sorted((e.source.name_en, e.date.value) for e in events(text, PUB)) == [
        ("Mohammed bin Salman", "2025-03-12"),
        ("Salman bin Abdulaziz", "2025-03-12"),
    ]


def test_a_cable_sent_alongside_a_background_one_keeps_no_date() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي اليوم في القاهرة وزير الخارجية السعودي فيصل بن فرحان. "
        "وكان الملك سلمان بن عبدالعزيز قد بعث برقية تهنئة للرئيس السيسي. "
        "كما بعث الأمير محمد بن سلمان برقية تهنئة مماثلة للرئيس السيسي."
    )
    assert [e.date.value for e in events(text, PUB) if e.cameo.code == "040"] == [None, None]
