"""Round ten: rules found on the misses of twelve dev sets pooled (rule 34), on sentences of our own."""

from __future__ import annotations

import datetime as dt

from tests.unit.extraction.conftest import coded, events

PUB = dt.date(2025, 3, 12)  # a Wednesday


def test_the_dateline_city_does_not_make_the_tour() -> None:
    text = (
        "الدوحة- وصل رئيس الوزراء الماليزي أنور إبراهيم، اليوم الأربعاء، إلى العاصمة القطرية الدوحة، في مستهل "
        "جولة خليجية تشمل أيضاً الكويت والبحرين."
    )
    found = coded(events(text, PUB))
    assert {("AGREE", "036", "MYS", "KWT"), ("AGREE", "036", "MYS", "BHR")} <= found
    assert not any(source == "QAT" and code == "036" for _type, code, source, _target in found)


def test_a_dated_dateline_city_does_not_make_the_tour() -> None:
    text = (
        "القاهرة 12 مارس 2025 (وكالات) أجرى وزير الخارجية الياباني تاكيشي إيوايا، اليوم الأربعاء في القاهرة، "
        "محادثات مع وزير الخارجية المصري بدر عبد العاطي، في مستهل جولة أفريقية تشمل أيضاً كينيا وتنزانيا."
    )
    found = coded(events(text, PUB))
    assert {("AGREE", "036", "JPN", "KEN"), ("AGREE", "036", "JPN", "TZA")} <= found
    assert not any(source == "EGY" and code == "036" for _type, code, source, _target in found)
