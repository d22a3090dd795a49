"""Arbitrary text never crashes the extractor, and events always satisfy the contract."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas.normalized import NormalizedArticle
from schemas.raw import IngestMetadata, RawArticle
from services.arabic import normalize_article
from services.extraction import extract_events
from tests.unit.extraction.conftest import events

WORDS = [
    "التقى",
    "الرئيس",
    "الإيراني",
    "بوتين",
    "وبوتين",
    "رئيسي",
    "اتصالا",
    "هاتفيا",
    "من",
    "مع",
    "في",
    "موسكو",
    "العاصمة",
    "التركمانية",
    "زيارة",
    "إلى",
    "الجانبان",
    "نظيره",
    "الروسي",
    "اليوم",
    "أمس",
    "الثلاثاء",
    "من المقرر",
    "لن",
    "يزور",
    "سفير",
    "استدعت",
    "الخارجية",
    "قمة",
    "بمشاركة",
    "،",
    ".",
    "\n",
    "19/01/2022",
    "الرابع",
    "آذار",
    "13%",
    "بنسبة",
    "عمان",
    "بعمان",
    "ترأس",
    "فيصل",
    "بين",
    "و",
    "دعوة",
    "لزيارة",
    "طهران",
]
text = st.lists(st.sampled_from(WORDS) | st.text(min_size=1, max_size=6), min_size=1, max_size=80).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=text, published=st.none() | st.dates(dt.date(2015, 1, 1), dt.date(2026, 12, 31)))
def test_extractor_never_crashes(body: str, published: dt.date | None) -> None:
    when = dt.datetime(published.year, published.month, published.day, tzinfo=dt.UTC) if published else None
    raw = RawArticle(
        article_id="fuzz",
        source="fuzz",
        text=body,
        published_at=when,
        fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        ingest=IngestMetadata(channel="cli"),
    )
    article = normalize_article(raw)
    if not isinstance(article, NormalizedArticle):
        return
    for event in extract_events(article):
        assert event.evidence and all(0 <= e.start <= e.end <= len(body) for e in event.evidence)
        assert event.source.country is not None
        assert event.cameo.root == event.cameo.code[:2]


def test_a_pair_noun_ending_an_unpunctuated_headline() -> None:
    """'بين البلدين' as a headline's last words: the pair's second party starts past the line's last word (an
    IndexError crashed the article before)."""
    headline = "السيسي وماكرون يبحثان العلاقات الثنائية وتوقيع 5 وثائق تعاون بين البلدين"
    body = "وصل الرئيس الفرنسي ماكرون إلى القاهرة اليوم في زيارة رسمية إلى مصر، والتقى الرئيس عبد الفتاح السيسي."
    found = events(f"{headline}\n{body}", dt.date(2024, 3, 3))
    assert {(e.event_type.value, e.source.country) for e in found} >= {("CONSULT", "FRA")}


def test_hostile_unpunctuated_input_is_coded_within_the_text() -> None:
    """One "sentence" of ~75k characters: cut into windows and budgeted (its time is measured by
    `bench.extract_bench`, hostile_extract_ms, not here)."""
    body = "زيارة الرئيس الإيراني التقى بوتين رئيسي في موسكو و " * 1500  # ~75k characters, one "sentence"
    raw = RawArticle(
        article_id="big",
        source="fuzz",
        text=body,
        published_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        ingest=IngestMetadata(channel="cli"),
    )
    article = normalize_article(raw)
    assert isinstance(article, NormalizedArticle)
    found = extract_events(article)
    assert found and all(0 <= e.start <= e.end <= len(body) for event in found for e in event.evidence)
