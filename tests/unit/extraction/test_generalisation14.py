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
