"""Explicit and relative dates; never a guess without a publication date."""

from __future__ import annotations

import datetime as dt

from services.arabic import match_key
from services.extraction.dates import find_dates
from services.extraction.text import Token

TUESDAY = dt.date(2024, 3, 19)


def tokens(text: str) -> tuple[Token, ...]:
    words = text.replace("/", " / ").split()
    return tuple(Token(match_key(w), 0, 0, i, 0) for i, w in enumerate(words))


def first(text: str, published: dt.date | None = TUESDAY, planned: bool = False) -> tuple[str | None, str]:
    hits = find_dates(tokens(text), published, planned=planned)
    assert hits, text
    return hits[0].date.value, hits[0].date.basis


def test_explicit_day_month_year() -> None:
    assert first("التقى الوزيران يوم 19 يناير 2022") == ("2022-01-19", "explicit")
    assert first("في 3 كانون الثاني 2023") == ("2023-01-03", "explicit")
    assert first("الرباط في 12 دجنبر 2024") == ("2024-12-12", "explicit")
    assert first("تونس 4 جوان 2024") == ("2024-06-04", "explicit")


def test_numeric_date() -> None:
    assert first("صدر في 19/01/2022") == ("2022-01-19", "explicit")


def test_impossible_date_is_dropped() -> None:
    assert find_dates(tokens("في 31 فبراير 2024"), TUESDAY, planned=False) == []


def test_relative_days() -> None:
    assert first("اتصال هاتفي اليوم") == ("2024-03-19", "relative")
    assert first("التقى أمس") == ("2024-03-18", "relative")


def test_weekday_past_goes_back_planned_goes_forward() -> None:
    assert first("مساء الأربعاء") == ("2024-03-13", "relative")
    assert first("الثلاثاء") == ("2024-03-19", "relative")
    assert first("يزور الخميس", planned=True) == ("2024-03-21", "relative")
    assert first("الثلاثاء المقبل") == ("2024-03-26", "relative")


def test_day_month_without_year_is_the_last_occurrence() -> None:
    assert first("في الرابع من آذار الماضي") == ("2024-03-04", "relative")
    assert first("في 28 ديسمبر") == ("2023-12-28", "relative")
    assert first("في 28 ديسمبر", planned=True) == ("2024-12-28", "relative")
    assert first("في 28 الجاري") == ("2024-03-28", "relative")


def test_no_publication_date_means_unresolved() -> None:
    assert first("اليوم السبت", published=None) == (None, "unresolved")
    assert first("مساء الأربعاء", published=None) == (None, "unresolved")


def test_no_date_words() -> None:
    assert find_dates(tokens("بحث الجانبان العلاقات الثنائية"), TUESDAY, planned=False) == []
