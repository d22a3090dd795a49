"""General rules found with the second development set, checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from schemas.event import PloverType, Role
from services.extraction.gazetteer import load_gazetteer
from services.extraction.text import build_doc
from services.extraction.views import sentence_views
from tests.unit.extraction.conftest import article, events

PUB = dt.date(2025, 5, 20)  # a Tuesday


def test_a_name_after_an_airport_is_the_venue_not_a_party() -> None:
    text = "استقبل ولي العهد الأمير مولاي الحسن أمس بمطار محمد الخامس الدولي الرئيس الصيني شي جين بينغ."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert {e.source.name_en, e.target.name_en} == {"Xi Jinping", "Moulay Hassan"}


def test_the_day_before_yesterday_written_after_yesterday() -> None:
    (e,) = events("التقى وزير الخارجية المصري بدر عبد العاطي أمس الأول نظيره الأردني أيمن الصفدي في عمان.", PUB)
    assert e.date.value == "2025-05-18"


def test_a_meeting_on_the_sidelines_takes_the_summit_date() -> None:
    text = (
        "شارك الرئيس المصري عبد الفتاح السيسي أمس الاثنين في القمة العربية في بغداد إلى جانب القادة العرب. "
        "وعلى هامش القمة، التقى السيسي رئيس الوزراء العراقي محمد شياع السوداني."
    )
    found = events(text, PUB)
    meeting = next(e for e in found if e.event_type == PloverType.CONSULT and e.target and e.target.country == "IRQ")
    assert meeting.date.value == "2025-05-19"


def test_a_signing_during_the_visit_takes_the_visit_date() -> None:
    text = (
        "أجرى الرئيس التركي رجب طيب أردوغان أمس الاثنين زيارة رسمية إلى الدوحة "
        "التقى خلالها أمير قطر الشيخ تميم بن حمد. "
        "وتم خلال الزيارة توقيع اتفاقية للتعاون الدفاعي بين البلدين."
    )
    found = events(text, PUB)
    signing = next(e for e in found if e.event_type == PloverType.COOPERATE or e.event_type == PloverType.AGREE)
    assert signing.date.value == "2025-05-19"


def test_an_earlier_meeting_on_sidelines_keeps_no_date_of_its_own() -> None:
    text = (
        "استقبل الرئيس اللبناني جوزاف عون اليوم في بيروت وزير الخارجية الإيراني عباس عراقجي. "
        "وكان عون قد التقى عراقجي على هامش أعمال الجمعية العامة للأمم المتحدة الشهر الماضي."
    )
    found = events(text, PUB)
    earlier = [e for e in found if not e.primary and e.event_type == PloverType.CONSULT]
    assert earlier
    assert all(e.date.value is None for e in earlier)


def test_a_defence_minister_is_not_the_crown_prince_who_shares_his_fathers_name() -> None:
    text = "التقى وزير الدفاع السعودي الأمير خالد بن سلمان أمس في أنقرة نظيره التركي يشار غولر."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert {e.source.name_en, e.target.name_en} == {"Khalid bin Salman Al Saud", "Yasar Guler"}


def test_a_deputy_prime_minister_is_not_the_prime_minister() -> None:
    text = "التقى نائب رئيس الوزراء الروسي ألكسندر نوفاك أمس في موسكو وزير الطاقة السعودي الأمير عبدالعزيز بن سلمان."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert {e.source.name_en, e.target.name_en} == {"Alexander Novak", "Abdulaziz bin Salman Al Saud"}


def test_until_now_is_not_a_surname() -> None:
    text = (
        "التقى وزير الخارجية التركي هاكان فيدان اليوم في أنقرة نظيره السوري. وتعمل روسيا على تقريب "
        "وجهات النظر بين البلدين، من دون أن تسفر جهودها حتى الآن عن لقاء على مستوى رفيع."
    )
    names = {a.name_en for e in events(text, PUB) for a in (e.source, e.target) if a is not None}
    assert "Nassif Hitti" not in names


def test_an_awaited_visit_is_planned() -> None:
    text = (
        "أعلنت الخارجية أن وزير الخارجية التركي هاكان فيدان سيلتقي نظيره المصري. "
        "وينتظر البلدان زيارة مرتقبة للرئيس التركي رجب طيب أردوغان إلى القاهرة."
    )
    found = [e for e in events(text, PUB) if e.source.name_en == "Recep Tayyip Erdogan" or e.source.country == "TUR"]
    assert found
    assert all(e.status.value in ("planned", "hypothetical") for e in found)


def test_chinas_premier_is_the_head_of_its_state_council() -> None:
    text = (
        "التقى رئيس مجلس الدولة الصيني لي تشيانغ اليوم في بكين رئيس الوزراء المصري مصطفى مدبولي، "
        "الذي ينقل رسالة من الرئيس عبد الفتاح السيسي."
    )
    pairs = [{e.source.name_en, e.target.name_en} for e in events(text, PUB) if e.target is not None]
    assert {"Li Qiang", "Mostafa Madbouly"} in pairs


def test_the_visitor_after_la_in_an_awaited_visit() -> None:
    text = (
        "قال مستشار المرشد الإيراني علي أكبر ولايتي أمس إن بلاده تدعم لبنان. "
        "ويأتي ذلك قبل زيارة مرتقبة لوزير الخارجية الإيراني عباس عراقجي إلى بيروت الأسبوع المقبل."
    )
    visits = [e for e in events(text, PUB) if e.target is not None and e.target.country == "LBN"]
    assert [e.source.name_en for e in visits] == ["Abbas Araghchi"]


def test_deploring_is_an_accusation() -> None:
    (e,) = events("استهجنت وزارة الخارجية الأردنية اليوم تصريحات رئيس الوزراء الإسرائيلي بنيامين نتنياهو.", PUB)
    assert (e.event_type, e.cameo.code, e.source.country, e.target and e.target.country) == (
        PloverType.ACCUSE,
        "111",
        "JOR",
        "ISR",
    )


def test_a_call_to_act_is_not_an_invitation() -> None:
    text = "رفضت الكويت اليوم دعوة الرئيس الأمريكي دونالد ترامب إلى نقل سكان قطاع غزة إلى دول الجوار."
    assert not [e for e in events(text, PUB) if e.event_type == PloverType.AGREE]


def test_an_invitation_to_take_part_is_still_an_invitation() -> None:
    text = "تلقى أمير قطر الشيخ تميم بن حمد اليوم دعوة من الرئيس العراقي للمشاركة في القمة العربية في بغداد."
    assert [e for e in events(text, PUB) if e.event_type == PloverType.AGREE]


def test_states_listed_after_fi_are_topics_not_parties() -> None:
    text = (
        "وكان لامي قد عقد في وقت سابق اليوم جلسة مباحثات رسمية مع الوزير اليحيا، "
        "تناولت العلاقات بين البلدين والمستجدات في غزة وسوريا ولبنان."
    )
    parties = {a.country for e in events(text, PUB) for a in (e.source, e.target) if a is not None}
    assert not parties & {"SYR", "LBN"}


def test_a_hijri_first_date_line_still_dates_the_article() -> None:
    text = (
        "صحيفة الخليج\n"
        "الخميس - 14 شعبان 1446 هـ - 13 فبراير 2025 مـ\n\n"
        "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان، أمس الأربعاء، نظيره التركي هاكان فيدان في أنقرة."
    )
    (e,) = events(text)
    assert e.date.value == "2025-02-12"


def test_a_long_first_sentence_with_a_date_is_not_a_date_line() -> None:
    text = (
        "التقى وزير الخارجية السعودي الأمير فيصل بن فرحان في 13 فبراير 2025 في أنقرة نظيره التركي "
        "هاكان فيدان، وبحث الجانبان العلاقات الثنائية. وكان فيدان قد التقى أمس الأربعاء نظيره الأردني أيمن الصفدي."
    )
    later = [e for e in events(text) if e.target is not None and "JOR" in (e.source.country, e.target.country)]
    assert later
    assert all(e.date.value is None for e in later)


def test_a_headline_signing_takes_the_date_of_the_meeting_it_closed() -> None:
    text = (
        "مصر والأردن يوقعان اتفاقية للربط الكهربائي\n\n"
        "التقى وزير الخارجية المصري بدر عبد العاطي، أمس الاثنين في عمان، نظيره الأردني أيمن الصفدي.\n\n"
        "ووقع عبد العاطي والصفدي في ختام الاجتماع اتفاقية للربط الكهربائي بين البلدين."
    )
    signing = [e for e in events(text, PUB) if e.event_type == PloverType.AGREE and e.status.value == "occurred"]
    assert signing
    assert {e.date.value for e in signing} == {"2025-05-19"}


def test_the_un_envoy_is_the_envoy_the_article_names() -> None:
    text = (
        "أجرى وزير الخارجية المغربي ناصر بوريطة اليوم بالرباط مباحثات مع المبعوث الأممي ستافان دي ميستورا. "
        "ومن المنتظر أن يتوجه المبعوث الأممي بعد ذلك إلى نواكشوط."
    )
    planned = [e for e in events(text, PUB) if e.target is not None and "MRT" in (e.source.country, e.target.country)]
    assert [e.source.name_en for e in planned] == ["Staffan de Mistura"]


def test_the_acting_president_is_not_a_charge_d_affaires() -> None:
    text = "التقى وزير الخارجية العماني اليوم في طهران القائم بأعمال رئيس الجمهورية الإيرانية محمد مخبر."
    (view,) = sentence_views(build_doc(article(text, PUB)), load_gazetteer(), PUB)
    roles = {m.actor.role for m in view.mentions if m.actor is not None and m.actor.country == "IRN"}
    assert roles
    assert Role.AMBASSADOR not in roles


def test_the_au_commission_chair_stands_for_the_african_union() -> None:
    text = "استقبل الرئيس الجزائري عبد المجيد تبون اليوم بالجزائر العاصمة رئيس مفوضية الاتحاد الإفريقي محمود علي يوسف."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert {e.source.country, e.target.country} == {"DZA", "AFU"}


def test_a_meeting_in_the_accusative() -> None:
    text = "عقد وزير الخارجية المصري بدر عبد العاطي اليوم في القاهرة اجتماعاً مع نظيره الأردني أيمن الصفدي."
    (e,) = events(text, PUB)
    assert e.target is not None
    assert {e.source.name_en, e.target.name_en} == {"Badr Abdelatty", "Ayman Safadi"}


def test_an_envoy_named_after_the_comma_that_closes_his_title() -> None:
    text = (
        "أجرى وزير الخارجية المغربي ناصر بوريطة اليوم بالرباط مباحثات مع المبعوث الشخصي للأمين العام "
        "للأمم المتحدة للصحراء، ستافان دي ميستورا."
    )
    (e,) = events(text, PUB)
    assert e.target is not None
    assert {e.source.name_en, e.target.name_en} == {"Nasser Bourita", "Staffan de Mistura"}


def test_holding_responsible_in_the_present_tense() -> None:
    (e,) = events("الخارجية الأردنية تحمّل إسرائيل مسؤولية التصعيد في الضفة الغربية", PUB)
    assert (e.event_type, e.cameo.code, e.source.country, e.target and e.target.country) == (
        PloverType.ACCUSE,
        "112",
        "JOR",
        "ISR",
    )


def test_an_envoy_expected_to_return_plans_a_visit() -> None:
    text = (
        "التقت الموفدة الأميركية مورغان أورتاغوس أمس في بيروت الرئيس اللبناني جوزاف عون. "
        "ومن المنتظر أن تعود الموفدة الأميركية إلى لبنان في وقت لاحق."
    )
    planned = [e for e in events(text, PUB) if e.status.value == "planned"]
    assert [(e.event_type, e.source.name_en, e.target and e.target.country) for e in planned] == [
        (PloverType.AGREE, "Morgan Ortagus", "LBN")
    ]


def test_european_sanctions_are_the_european_unions() -> None:
    (e,) = events("رفضت طهران اليوم العقوبات الأوروبية الجديدة ووصفتها بأنها غير قانونية.", PUB)
    assert (e.event_type, e.source.country, e.target and e.target.country) == (PloverType.REJECT, "IRN", "EEC")
