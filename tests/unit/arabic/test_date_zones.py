"""Time zones named by a city on a date line: only cities without daylight saving are read."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.arabic import match_key
from services.arabic.dateline import CITY_OFFSETS, parse_dateline, parse_head_date


def test_city_names_are_written_as_match_keys() -> None:
    for city in CITY_OFFSETS:
        assert match_key(city) == city


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الأحد 9 مارس 2025 - 10:30 ص بتوقيت أبوظبي", datetime(2025, 3, 9, 6, 30, tzinfo=UTC)),
        ("9/3/2025 10:30 م (توقيت مكة المكرمة)", datetime(2025, 3, 9, 19, 30, tzinfo=UTC)),
        ("9 مارس 2025 01:15 بتوقيت الدوحة", datetime(2025, 3, 8, 22, 15, tzinfo=UTC)),  # the day before in UTC
    ],
)
def test_a_city_zone_without_daylight_saving_sets_the_offset(line: str, expected: datetime) -> None:
    assert parse_dateline(match_key(line)) == expected


@pytest.mark.parametrize("city", ["طهران", "القاهرة", "بيروت"])
def test_cities_that_changed_clocks_in_summer_are_not_read(city: str) -> None:
    line = f"الجمعة 14 مارس 2025 - 16:05 بتوقيت {city}"
    assert parse_dateline(match_key(line)) is None  # the line is not only a date
    assert parse_head_date(match_key(line)) == datetime(2025, 3, 14, 16, 5, tzinfo=UTC)  # read as UTC
