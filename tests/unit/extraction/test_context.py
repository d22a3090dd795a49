"""Figures, attribution, topics, status markers, agreements; regexes stay linear on hostile input."""

from __future__ import annotations

from schemas.event import Status
from services.arabic import match_key
from services.extraction.context import agency_spans, agreements, attribution, figures, status_at, topics
from services.extraction.text import Token


def words(text: str) -> list[str]:
    return [match_key(w) for w in text.split()]


def toks(text: str) -> tuple[list[Token], str]:
    out, pos = [], 0
    for i, w in enumerate(text.split()):
        start = text.index(w, pos)
        out.append(Token(match_key(w), start, start + len(w), i, 0))
        pos = start + len(w)
    return out, text


def test_figures_with_what_they_measure() -> None:
    (f,) = figures("وأشار إلى ارتفاع حجم التبادل التجاري بنسبة 13% خلال العام الماضي")
    assert (f.value, f.unit, f.measure) == (13.0, "percent", "trade volume")
    assert "13%" in f.text
    (g,) = figures("تستثمر الشركة 40 مليار دولار في القطاع")
    assert (g.value, g.unit) == (40.0, "usd_billion")


def test_a_figure_starts_at_its_lead_in() -> None:
    """The lead-in (بنسبة، بأقل من، نحو …) before a number, one space or none between, opens the figure; two
    spaces do not join it, and the text before reaches back past the lead-in (as when the pattern read it)."""
    found = [(f.text, f.value, f.unit) for f in figures("بنسبة 5% وبأقل من 3 مليار دولار")]
    assert found == [("بنسبة 5%", 5.0, "percent"), ("بنسبة 5% وبأقل من 3 مليار دولار", 3.0, "usd_billion")]
    found = [(f.text, f.value, f.unit) for f in figures("نما بنسبة5% نحو  7 سنة")]
    assert found == [("نما بنسبة5%", 5.0, "percent"), ("بنسبة5% نحو  7 سنة", 7.0, "years")]


def test_figures_read_a_bounded_prefix_of_hostile_input() -> None:
    """The figure regex reads the first 5,000 characters of a sentence only (its time on runs of digits is
    measured by `bench.extract_bench`, hostile_figures_ms)."""
    assert [f.value for f in figures("بنسبة 5% " + "1" * 5000 + " بنسبة 7%")] == [5.0]
    assert figures(("بنسبة " + "1" * 5000 + " ") * 20 + "٪" * 1000) == []


def test_attribution_cues_and_agencies() -> None:
    tokens, text = toks("وبحسب الرئاسة الإيرانية فإن الاتصال تناول التعاون")
    assert attribution([t.key for t in tokens], tokens, text, 0) == ["الرئاسة الإيرانية"]
    tokens, text = toks("وأفادت وكالة مهر للأنباء أن الرئيس بحث")
    assert "وكالة مهر للأنباء" in attribution([t.key for t in tokens], tokens, text, 0)
    tokens, text = toks("قال الرئيس الروسي في اللقاء وفقا لإرنا إن العلاقات جيدة")
    assert any("ارنا" in match_key(a) for a in attribution([t.key for t in tokens], tokens, text, 0))


def test_agency_names_are_masked_as_actors() -> None:
    assert agency_spans(words("إيران برس - آسيا: خلال اللقاء")) == [(0, 2)]


def test_topics_in_order_of_mention() -> None:
    assert topics([words("بحث الجانبان التبادل التجاري وقطاع الطاقة والأوضاع في غزة")]) == ["trade", "energy", "gaza"]


def test_status_markers() -> None:
    w = words("ومن المقرر أن يزور الرئيس القاهرة")
    assert status_at(w, 3, future=False, planned_word=False) == Status.PLANNED
    w = words("نفت الوزارة أن يكون الوزير التقى نظيره")
    assert status_at(w, 5, future=False, planned_word=False) == Status.DENIED
    w = words("الوزير لم يلتق نظيره")
    assert status_at(w, 2, future=False, planned_word=False) == Status.DENIED
    w = words("لا مانع من لقاء نظيره إذا تم الاتفاق")
    assert status_at(w, 3, future=False, planned_word=False) == Status.HYPOTHETICAL
    w = words("التقى الوزير نظيره أمس")
    assert status_at(w, 0, future=False, planned_word=False) == Status.OCCURRED


def test_named_agreements() -> None:
    tokens, text = toks("وقع الجانبان اتفاقية الشراكة الاستراتيجية الشاملة بين البلدين")
    assert agreements(tokens, text, 0) == ["اتفاقية الشراكة الاستراتيجية الشاملة"]
