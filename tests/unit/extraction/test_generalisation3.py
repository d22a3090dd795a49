"""General rules found with the third round of generalisation work, checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from tests.unit.extraction.conftest import events

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
