"""Round nine: rules found on the misses of eleven dev sets pooled (rule 33), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_a_tours_region_adjective_is_not_its_traveller() -> None:
    text = (
        "أجرى الرئيس الصيني شي جين بينغ، اليوم الأربعاء، محادثات مع رئيس الوزراء الإسباني بيدرو سانشيز في مدريد.\n\n"
        "ووصل الرئيس الصيني إلى مدريد مساء الثلاثاء قادماً من روما، في ثالث محطة من جولته الأوروبية التي تشمل "
        "أيضاً البرتغال."
    )
    found = events(text, PUB)
    assert ("AGREE", "036", "CHN", "PRT") in coded(found)
    assert not any("EEC" in (source, target) for _type, _code, source, target in coded(found))
    stop = next(e for e in found if e.target is not None and e.target.country == "PRT")
    assert stop.date.value is None  # the arrival's Tuesday is not the next stop's day


def test_the_tour_of_a_relative_clause_is_its_antecedents() -> None:
    text = (
        "استقبل أمير دولة قطر الشيخ تميم بن حمد آل ثاني، في الدوحة، أمس، الرئيس الفرنسي إيمانويل ماكرون، الذي "
        "يزور البلاد في مستهل جولة خليجية تشمل أيضاً الكويت والبحرين."
    )
    found = coded(events(text, PUB))
    assert {("AGREE", "036", "FRA", "KWT"), ("AGREE", "036", "FRA", "BHR")} <= found
    assert not any(source == "QAT" and code == "036" for _type, code, source, _target in found)


def test_a_tour_naming_no_traveller_is_the_visitors() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الأربعاء، في القاهرة رئيس الوزراء الماليزي أنور إبراهيم.\n\n"
        "ويقوم الضيف بجولة تشمل أيضا الأردن والعراق."
    )
    found = coded(events(text, PUB))
    assert {("AGREE", "036", "MYS", "JOR"), ("AGREE", "036", "MYS", "IRQ")} <= found
    assert not any(source == "EGY" and code == "036" for _type, code, source, _target in found)


def test_the_stops_of_a_tour_are_not_hosts_of_the_visit_made() -> None:
    text = (
        "استقبل رئيس الوزراء الإثيوبي آبي أحمد، اليوم الأربعاء، في أديس أبابا الرئيس الفرنسي إيمانويل ماكرون.\n\n"
        "وتأتي زيارة الرئيس ماكرون في إطار جولة إفريقية تشمل أيضاً كينيا وتنزانيا."
    )
    found = coded(events(text, PUB))
    assert {("AGREE", "036", "FRA", "KEN"), ("AGREE", "036", "FRA", "TZA")} <= found
    assert ("CONSULT", "042", "FRA", "KEN") not in found
    assert ("CONSULT", "042", "FRA", "TZA") not in found


def test_states_visited_during_a_tour_are_its_next_stops() -> None:
    text = (
        "استقبل العاهل الأردني الملك عبدالله الثاني، اليوم الأربعاء، في عمّان الرئيس الإندونيسي برابوو سوبيانتو.\n\n"
        "وتأتي الزيارة ضمن جولة عربية يزور خلالها الرئيس الإندونيسي دولة الكويت ومملكة البحرين."
    )
    found = coded(events(text, PUB))
    assert {("AGREE", "036", "IDN", "KWT"), ("AGREE", "036", "IDN", "BHR")} <= found
    assert ("CONSULT", "042", "IDN", "KWT") not in found
    assert ("CONSULT", "042", "IDN", "BHR") not in found


def test_a_tour_naming_no_traveller_is_not_the_visitor_of_an_earlier_visit() -> None:
    text = (
        "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الأربعاء، في القاهرة رئيس الوزراء الماليزي أنور إبراهيم.\n\n"
        "وكان السيسي قد زار كوالالمبور في العام الماضي.\n\n"
        "ويقوم الضيف بجولة تشمل أيضا الأردن والعراق."
    )
    found = coded(events(text, PUB))
    assert {("AGREE", "036", "MYS", "JOR"), ("AGREE", "036", "MYS", "IRQ")} <= found


def test_the_welcoming_party_of_an_arrival_is_no_meeting_of_its_own() -> None:
    text = (
        "استقبل أمير الكويت الشيخ مشعل الأحمد الجابر الصباح، اليوم الأربعاء، في قصر بيان الرئيس المصري عبد الفتاح "
        "السيسي.\n\n"
        "وكان في استقبال الرئيس المصري لدى وصوله إلى مطار الكويت الدولي ولي العهد الشيخ صباح خالد الحمد الصباح "
        "ووزير الخارجية."
    )
    found = events(text, PUB)
    assert coded(found) == {("CONSULT", "042", "EGY", "KWT")}
    assert len(found) == 1


def test_who_welcomed_an_earlier_arrival_is_not_another_host() -> None:
    text = (
        "استقبل الرئيس الإيراني مسعود بزشكيان، اليوم الأربعاء، في طهران رئيس الوزراء الباكستاني شهباز شريف.\n\n"
        "وكان شهباز شريف قد وصل إلى طهران صباح اليوم، حيث كان في استقباله وزير الخارجية عباس عراقجي."
    )
    found = events(text, PUB)
    assert [(e.source.name_en, e.target.name_en if e.target else None) for e in found] == [
        ("Shehbaz Sharif", "Masoud Pezeshkian")
    ]


def test_talks_a_state_is_thanked_for_hosting_are_between_the_delegations_after_them() -> None:
    text = (
        "تلقى سلطان عمان هيثم بن طارق، اليوم الأربعاء، اتصالاً هاتفياً من الرئيس الروسي فلاديمير بوتين.\n\n"
        "وأعرب الرئيس الروسي خلال الاتصال عن شكره لسلطنة عمان على استضافتها المحادثات التي جرت في مسقط الشهر "
        "الماضي بين الوفدين الإيراني والأمريكي."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "041", "RUS", "OMN"), ("CONSULT", "046", "IRN", "USA")}


def test_the_state_hosting_talks_reported_is_their_place_not_a_party() -> None:
    text = (
        "اختتم وفدا الولايات المتحدة والصين، اليوم الأربعاء، جولة محادثات تجارية في جنيف.\n\n"
        "واستضافت سويسرا المحادثات في مقر البعثة السويسرية لدى الأمم المتحدة."
    )
    found = coded(events(text, PUB))
    assert ("CONSULT", "046", "USA", "CHN") in found
    assert not any({"CHE", "UNO"} & {source, target} for _type, _code, source, target in found)


def _visits(text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return sorted(
        (
            e.cameo.code,
            e.source.name_en,
            e.target.name_en if e.target else None,
            e.location.name_en if e.location else None,
        )
        for e in events(text, PUB)
    )


def test_who_met_someone_where_he_had_gone_is_the_traveller() -> None:
    text = (
        "استقبل الرئيس الإماراتي الشيخ محمد بن زايد آل نهيان، اليوم الأربعاء، في أبوظبي رئيس الوزراء الهندي ناريندرا "
        "مودي.\n\n"
        "وكان مودي قد زار موسكو في يوليو الماضي، حيث التقى الرئيس الروسي فلاديمير بوتين، في خطوة أثارت انتقادات في "
        "كييف."
    )
    assert ("042", "Narendra Modi", "Vladimir Putin", "Moscow") in _visits(text)


def test_a_traveller_going_on_to_the_next_stop_meets_its_host() -> None:
    text = (
        "استقبل الرئيس الإماراتي الشيخ محمد بن زايد آل نهيان، اليوم الأربعاء، في أبوظبي وزير الخارجية الإيراني عباس "
        "عراقجي.\n\n"
        "وكان عراقجي قد زار الرياض الاثنين، حيث التقى ولي العهد الأمير محمد بن سلمان في جدة، ثم توجه الثلاثاء إلى "
        "الدوحة، حيث التقى أمير قطر الشيخ تميم بن حمد آل ثاني."
    )
    found = _visits(text)
    assert ("042", "Abbas Araghchi", "Tamim bin Hamad Al Thani", "Doha") in found
    assert not any(source == "Tamim bin Hamad Al Thani" for _code, source, _target, _place in found)


def test_a_meeting_the_pair_agreed_on_is_theirs_not_the_reporters() -> None:
    text = (
        "أعلنت وزارة الخارجية العمانية، اليوم الأربعاء، أن وفدي إيران والولايات المتحدة عقدا جولة من المحادثات غير "
        "المباشرة في مسقط.\n\n"
        "وأضافت الخارجية العمانية في بيانها أن الطرفين اتفقا كذلك على تشكيل لجنة فنية مشتركة، وعلى عقد اجتماع متابعة "
        "في جنيف الأسبوع المقبل."
    )
    found = events(text, PUB)
    assert ("AGREE", "036", "IRN", "USA") in coded(found)
    assert not any(e.source.country == "OMN" or (e.target and e.target.country == "OMN") for e in found)


def test_receiving_a_number_or_kind_of_people_or_things_is_no_visit() -> None:
    text = (
        "أجرى الرئيس الأمريكي دونالد ترامب، أمس الثلاثاء، اتصالاً هاتفياً مع الرئيس المصري عبد الفتاح السيسي، قال "
        "إنه طلب خلاله من مصر استقبال مزيد من اللاجئين السودانيين.\n\n"
        "وكانت كولومبيا قد رفضت استقبال طائرات المرحلين الأسبوع الماضي."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "041", "USA", "EGY")}


def test_a_summits_final_communique_speaks_for_its_organisation() -> None:
    text = (
        "انطلقت، اليوم الأربعاء، في الرياض أعمال القمة الخليجية الخامسة والأربعين برئاسة ولي العهد السعودي الأمير "
        "محمد بن سلمان.\n\n"
        "وأدان البيان الختامي للقمة استمرار الهجمات الإسرائيلية على الأراضي السورية واللبنانية، مطالباً المجتمع الدولي "
        "بالتحرك."
    )
    found = coded(events(text, PUB))
    assert ("ACCUSE", "111", "GCC", "ISR") in found
    assert not any(code == "111" and source == "SAU" for _type, code, source, _target in found)


def test_the_counts_of_the_sanctioned_do_not_part_them_from_their_nisba() -> None:
    words = "أعلنت الحكومة الكندية، اليوم الأربعاء، فرض عقوبات على سبعة أشخاص وأربع شركات روسية بسبب الحرب في أوكرانيا."
    digits = "وكان الاتحاد الأوروبي قد فرض الشهر الماضي عقوبات على 12 شخصاً و5 كيانات إيرانية."
    assert ("SANCTION", "163", "CAN", "RUS") in coded(events(words, PUB))
    assert ("SANCTION", "163", "EEC", "IRN") in coded(events(digits, PUB))


def test_in_his_turn_is_no_session() -> None:
    text = (
        "استقبل الرئيس اللبناني جوزيف عون، اليوم الأربعاء، في بيروت الرئيس القبرصي نيكوس خريستودوليدس.\n\n"
        "بدوره، أكد الرئيس القبرصي أن بلاده ستواصل نقل مواقف لبنان إلى شركائها في الاتحاد الأوروبي."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "CYP", "LBN")}


def test_a_nisba_after_a_place_noun_is_the_territory_attacked_not_a_party() -> None:
    text = "الجزائر تدين الاعتداءات الإسرائيلية على الأراضي اللبنانية"
    found = coded(events(text, PUB))
    assert not any("LBN" in (source, target) for _type, _code, source, target in found)


def test_what_something_is_due_to_or_has_reached_is_no_journey() -> None:
    text = (
        "استقبل الرئيس الجزائري عبد المجيد تبون، اليوم الأربعاء، في الجزائر العاصمة وزير الخارجية الإيطالي أنطونيو "
        "تاياني.\n\n"
        "وقال تبون إن جذور الأزمة في المنطقة تعود إلى التدخل العسكري الذي قادته فرنسا في ليبيا.\n\n"
        "وأعرب الوزير الإيطالي عن اعتزازه بما وصلت إليه علاقات إيطاليا مع الجزائر."
    )
    assert coded(events(text, PUB)) == {("CONSULT", "042", "ITA", "DZA")}


def test_without_a_dateline_the_ministry_is_of_the_state_whose_protest_it_conveys() -> None:
    text = (
        "صحيفة الوطن\n\n"
        "الخارجية تستدعي السفير الهولندي\n\n"
        "استدعت وزارة الخارجية، أمس الثلاثاء، سفير مملكة هولندا لدى البلاد.\n\n"
        "وذكرت الوزارة في بيان أنها أبلغت السفير احتجاج دولة قطر الشديد على التصريحات المسيئة."
    )
    assert coded(events(text, PUB)) == {("ACCUSE", "114", "QAT", "NLD")}


def test_talks_a_future_support_verb_carries_lie_ahead() -> None:
    talks = "وقال الرئيس الأمريكي دونالد ترامب إن واشنطن ستجري محادثات مع إيران قريباً."
    session = (
        "وأوضح الديوان الأميري أن سمو الأمير الشيخ تميم بن حمد آل ثاني سيعقد خلال زيارته جلسة مباحثات رسمية مع الرئيس "
        "الفرنسي إيمانويل ماكرون."
    )
    assert coded(events(talks, PUB)) == {("AGREE", "036", "USA", "IRN")}
    assert coded(events(session, PUB)) == {("AGREE", "036", "QAT", "FRA")}
