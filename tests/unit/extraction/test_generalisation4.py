"""General rules of the fourth round of generalisation work (issue 4), checked on sentences of our own."""

from __future__ import annotations

import datetime as dt

from tests.unit.extraction.conftest import events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_a_visit_to_a_country_without_a_city_has_no_location() -> None:
    text = (
        "يعتزم الرئيس الموريتاني محمد ولد الغزواني القيام بزيارة رسمية إلى السنغال الشهر المقبل "
        "تلبية لدعوة من نظيره السنغالي."
    )
    found = [e for e in events(text, PUB) if {e.source.country, e.target and e.target.country} == {"MRT", "SEN"}]
    assert found
    assert all(e.location is None for e in found)


def test_a_visit_to_a_named_capital_keeps_the_city() -> None:
    text = "يزور الرئيس الموريتاني محمد ولد الغزواني داكار الأسبوع المقبل في زيارة رسمية."
    found = [e for e in events(text, PUB) if e.target is not None and e.target.country == "SEN"]
    assert found
    assert all(e.location is not None and e.location.name_en == "Dakar" for e in found)
