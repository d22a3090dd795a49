"""Round eight: one event per interaction, gatherings' names (rule 31), and rules found on the misses of ten
dev sets pooled (rule 32), on sentences of our own."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def _parties(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return sorted(
        (e.cameo.code, e.source.name_en, e.target.name_en if e.target else None, e.date.value)
        for e in events(text, PUB)
    )


def test_a_host_the_background_sentence_names_is_that_person_not_the_main_one() -> None:
    text = (
        "عقد وزير الخارجية الروسي سيرغي لافروف، اليوم الأربعاء، في موسكو جلسة مباحثات مع نظيره المصري بدر عبد "
        "العاطي الذي يزور روسيا.\n\n"
        "وكان عبد العاطي قد اجتمع في وقت سابق اليوم، في مقر الحكومة الروسية، مع النائب الأول لرئيس الوزراء الروسي "
        "دينيس مانتوروف."
    )
    found = _parties(text)
    assert ("042", "Badr Abdelatty", "Denis Manturov", "2025-03-12") in found
    assert ("042", "Badr Abdelatty", "Sergey Lavrov", "2025-03-12") in found


def test_a_reception_noun_naming_another_host_is_another_meeting() -> None:
    text = (
        "أجرى وزير الخارجية الأردني أيمن الصفدي، اليوم الأربعاء، في القاهرة مباحثات مع نظيره المصري بدر عبد "
        "العاطي، وسلمه رسالة من الملك عبدالله الثاني إلى الرئيس المصري.\n\n"
        "وجاء ذلك خلال استقبال الرئيس عبد الفتاح السيسي للصفدي في قصر الاتحادية."
    )
    found = _parties(text)
    assert ("042", "Ayman Safadi", "Abdel Fattah el-Sisi", "2025-03-12") in found
    assert ("042", "Ayman Safadi", "Badr Abdelatty", "2025-03-12") in found


def test_a_demonstrative_reception_noun_still_refers_back() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الأربعاء، في القاهرة وزير الخارجية الأردني أيمن الصفدي.\n\n"
        "وأكد الصفدي، خلال هذا الاستقبال، حرص الملك عبدالله الثاني على تعزيز العلاقات."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "JOR", "EGY")}


def test_talks_in_the_headline_and_again_in_the_background_are_one_event() -> None:
    text = (
        "الصفدي يجري مباحثات مع عبد العاطي في القاهرة\n\n"
        "القاهرة 12 آذار 2025 - استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الأربعاء، وزير الخارجية الأردني "
        "أيمن الصفدي.\n\n"
        "وكان الصفدي قد أجرى في وقت سابق اليوم مباحثات مع نظيره المصري عبد العاطي في مقر وزارة الخارجية."
    )
    found = events(text, PUB)
    ids = Counter(e.event_id for e in found)
    assert max(ids.values()) == 1
    talks = [e for e in found if e.target is not None and e.target.name_en == "Badr Abdelatty"]
    assert len(talks) == 1
    assert talks[0].primary
    assert len(talks[0].evidence) == 2


def _codes(text: str) -> set[tuple[str, str, str | None, str | None]]:
    return coded(events(text, PUB))


def test_the_ministry_named_again_recalls_its_own_charge_d_affaires() -> None:
    text = (
        "بغداد 12 آذار 2025 (واع) - قررت وزارة الخارجية، اليوم الأربعاء، استدعاء القائم بأعمال السفارة التركية في "
        "بغداد وتسليمه مذكرة احتجاج.\n\n"
        "كما قررت الوزارة استدعاء القائم بالأعمال العراقي في أنقرة للتشاور."
    )
    assert _codes(text) == {("ACCUSE", "114", "IRQ", "TUR"), ("SANCTION", "161", "IRQ", "TUR")}


def test_the_council_named_again_is_the_home_states_when_no_organisation_is_a_council() -> None:
    text = (
        "مقديشو 12 آذار 2025 - أعلنت الحكومة الصومالية، اليوم الأربعاء، طرد السفير الإثيوبي لدى مقديشو.\n\n"
        "كما قرر المجلس استدعاء سفير الصومال لدى إثيوبيا للتشاور."
    )
    assert _codes(text) == {("SANCTION", "161", "SOM", "ETH")}


def test_the_council_named_again_is_the_organisation_named_as_a_council() -> None:
    text = (
        "الرياض 12 آذار 2025 - رحب مجلس التعاون لدول الخليج العربية، اليوم الأربعاء، بقرار وقف إطلاق النار.\n\n"
        "وأدان المجلس الهجوم الإيراني على ناقلات النفط."
    )
    found = events(text, PUB)
    assert [(e.event_type.value, e.source.organization, e.target.country if e.target else None) for e in found] == [
        ("ACCUSE", "GCC", "IRN")
    ]


def test_a_circumstantial_phrase_does_not_part_a_verb_of_blame_from_the_nisba_of_its_object() -> None:
    text = (
        "تلقى وزير الخارجية القطري اتصالا هاتفيا من نظيره التركي هاكان فيدان.\n\n"
        "وأدان فيدان خلال الاتصال الغارات الإسرائيلية على الأراضي السورية."
    )
    assert ("ACCUSE", "111", "TUR", "ISR") in _codes(text)
    assert ("ACCUSE", "111", "TUR", "SYR") not in _codes(text)


def test_the_nisba_of_whoever_did_it_in_a_relative_clause_names_the_party_blamed() -> None:
    text = "نددت وزارة الخارجية الكويتية بالغارات التي شنتها الطائرات الإسرائيلية على مواقع في جنوب سوريا."
    assert _codes(text) == {("ACCUSE", "111", "KWT", "ISR")}


def test_a_name_and_its_title_in_apposition_are_one_subject_of_a_verb_of_blame() -> None:
    text = (
        "أدان جاسم محمد البديوي، الأمين العام لمجلس التعاون لدول الخليج العربية، بأشد العبارات، الهجوم الصاروخي "
        "الإيراني على قاعدة جوية في دولة قطر."
    )
    found = events(text, PUB)
    assert [(e.event_type.value, e.source.name_en, e.target.country if e.target else None) for e in found] == [
        ("ACCUSE", "Jasem Mohamed Albudaiwi", "IRN")
    ]


def test_an_aside_recalling_an_earlier_agreement_is_not_the_signing_reported() -> None:
    text = (
        "وقعت مصر والأردن، اليوم الأربعاء في عمان، مذكرة تفاهم للتعاون في مجال الطاقة.\n\n"
        "ويذكر أن البلدين وقعا اتفاق تجارة حرة في 2019."
    )
    signings = sorted((e.primary, len(e.evidence)) for e in events(text, PUB) if e.cameo.code == "057")
    assert signings == [(False, 1), (True, 1)]


def test_money_given_by_a_verb_or_noun_of_giving_is_a_pledge_by_each_giver() -> None:
    text = "أعلنت قطر والكويت، اليوم الأربعاء، تقديم دعم مشترك بقيمة مليار دولار لجمهورية لبنان."
    assert _codes(text) == {("AGREE", "033", "QAT", "LBN"), ("AGREE", "033", "KWT", "LBN")}
    assert _codes("اليابان تقدم 100 مليون دولار مساعدات للأردن") == {("AGREE", "033", "JPN", "JOR")}


def test_a_pledge_announced_in_a_statement_is_not_placed_by_the_dateline() -> None:
    text = "الرياض 12 آذار 2025 - أعلنت السعودية، اليوم الأربعاء، تقديم دعم اقتصادي لليمن بقيمة 500 مليون دولار."
    assert [(e.cameo.code, e.location) for e in events(text, PUB)] == [("033", None)]


def test_giving_money_named_as_what_is_condemned_is_no_pledge() -> None:
    text = "وأدانت بكين قرار واشنطن تقديم مساعدات عسكرية جديدة لتايوان بقيمة 500 مليون دولار."
    assert all(e.cameo.code != "033" for e in events(text, PUB))


def test_leaders_overseeing_a_signing_watch_it_and_their_states_sign() -> None:
    text = (
        "استقبل الرئيس السنغالي باسيرو ديوماي فاي، اليوم الأربعاء، رئيس الحكومة الإسبانية بيدرو سانشيث.\n\n"
        "وأشرف الرئيس السنغالي ورئيس الحكومة الإسبانية في ختام المحادثات على توقيع عدد من الاتفاقيات بين البلدين."
    )
    found = events(text, PUB)
    signings = [(e.source.name_en, e.target.name_en if e.target else None) for e in found if e.cameo.code == "057"]
    assert signings == [("Senegal", "Spain")]


def test_a_former_holder_named_after_the_title_is_that_person_not_todays() -> None:
    text = (
        "استقبل المستشار الألماني فريدريش ميرتس، اليوم الأربعاء في برلين، رئيس الوزراء البريطاني كير ستارمر.\n\n"
        "وكان ستارمر قد زار برلين في 28 أغسطس 2024 والتقى المستشار السابق أولاف شولتس."
    )
    found = sorted((e.date.value or "", e.target.name_en if e.target else None) for e in events(text, PUB))
    assert found == [("2024-08-28", "Olaf Scholz"), ("2025-03-12", "Friedrich Merz")]


def test_an_act_asked_about_after_whether_is_no_event() -> None:
    text = (
        "أعلن الرئيس الأوكراني استعداده للقاء نظيره الروسي في إسطنبول الخميس المقبل.\n\n"
        "ولم يؤكد الكرملين حتى الآن ما إذا كان الرئيس الروسي سيتوجه شخصياً إلى إسطنبول."
    )
    assert [e for e in events(text, PUB) if e.target is not None and e.target.country == "TUR"] == []
    assert _codes("ولم يعلن البيت الأبيض ما إذا كان ترامب سيزور الرياض الشهر المقبل.") == set()


def test_ur_in_dhi_qar_is_no_city_of_belgium() -> None:
    text = (
        "ومن المقرر أن يلتقي البابا فرنسيس غداً الخميس في النجف المرجع الشيعي الأعلى علي السيستاني، قبل أن يتوجه "
        "إلى مدينة أور التاريخية في محافظة ذي قار."
    )
    found = events(text, PUB)
    assert all(e.target is None or e.target.country != "BEL" for e in found)
    assert all(e.location is None or e.location.country != "BEL" for e in found)


def test_the_subject_after_a_verb_of_recognising_recognises_not_whoever_praises_it() -> None:
    text = "وأشاد الوزير المصري بالموقف الإسباني، خاصة بعد أن اعترفت مدريد بدولة فلسطين في مايو الماضي."
    assert [(e.cameo.code, e.source.country) for e in events(text, PUB) if e.cameo.code == "054"] == [("054", "ESP")]


def test_an_ambassador_named_once_is_the_one_his_bare_title_means_elsewhere() -> None:
    text = (
        "طهران تستدعي السفير الفرنسي احتجاجاً على تصريحات باريس\n\n"
        "استدعت وزارة الخارجية الإيرانية، اليوم الأربعاء، السفير الفرنسي في طهران نيكولا روش، احتجاجاً على "
        "تصريحات مسؤولين فرنسيين."
    )
    assert _parties(text) == [("114", "Iran", "Nicolas Roche", "2025-03-12")]
