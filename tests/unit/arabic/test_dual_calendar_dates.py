"""Date lines that print a Hijri (lunar or Solar) date beside the Gregorian one, in any digits.

The Gregorian date gives the publication date; the other calendar is recognised and skipped, never converted:
a line with only a Hijri date leaves `published_at` unset.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.arabic import match_key
from services.arabic.dateline import HIJRI_ERA, HIJRI_MONTHS, SOLAR_HIJRI_MONTHS, parse_dateline, parse_head_date
from tests.unit.arabic.support import normalized

BODY = "استقبل الوزير اليوم نظيره في العاصمة وبحثا العلاقات الثنائية.\nوأكد الجانبان أهمية مواصلة التنسيق بينهما."
HEADLINE = "الوزير يستقبل نظيره ويبحثان العلاقات الثنائية"


def test_other_calendar_words_are_written_as_match_keys() -> None:
    for word in (*HIJRI_MONTHS, *SOLAR_HIJRI_MONTHS, *HIJRI_ERA):
        assert match_key(word) == word


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الأحد 12 رمضان 1446 هـ - الموافق 12 مارس 2025 م", datetime(2025, 3, 12, tzinfo=UTC)),
        ("الخميس - 14 شعبان 1446 هـ - 13 فبراير 2025 مـ", datetime(2025, 2, 13, tzinfo=UTC)),
        ("الأحد 02 رمضان 1446 هـ - 02 مارس 2025", datetime(2025, 3, 2, tzinfo=UTC)),
        ("الاثنين 3 ذو الحجة 1445 هـ / 10 يونيو 2024 م", datetime(2024, 6, 10, tzinfo=UTC)),
        ("السبت 1 جمادى الآخرة 1446هـ | 30 نوفمبر 2024م", datetime(2024, 11, 30, tzinfo=UTC)),
        ("الأحد 12 رمضان 1446هـ (12 مارس 2025م)", datetime(2025, 3, 12, tzinfo=UTC)),
        ("الأربعاء، 19 مارس 2025 م (19 رمضان 1446 هـ)", datetime(2025, 3, 19, tzinfo=UTC)),
        ("الأربعاء 19 مارس 2025م - 19 رمضان 1446هـ", datetime(2025, 3, 19, tzinfo=UTC)),
        ("12/09/1446 هـ الموافق 12/03/2025 م", datetime(2025, 3, 12, tzinfo=UTC)),
        ("١٢ رمضان ١٤٤٦ هـ - ١٢ مارس ٢٠٢٥ م - ١٠:٣٠ ص", datetime(2025, 3, 12, 10, 30, tzinfo=UTC)),
        ("۲۵ دی ۱۴۰۳ - 15 يناير 2025 - ۱۳:۴۰", datetime(2025, 1, 15, 13, 40, tzinfo=UTC)),
        ("۲۱ خرداد ۱۴۰۴ - ۱۱ يونيو ۲۰۲۵ - ۱۲:۵۵", datetime(2025, 6, 11, 12, 55, tzinfo=UTC)),
        ("۱۴۰۳/۱۰/۲۵ - ۲۰۲۵/۰۱/۱۴ - ۱۳:۴۰", datetime(2025, 1, 14, 13, 40, tzinfo=UTC)),
    ],
)
def test_a_date_line_with_a_hijri_date_beside_the_gregorian_one_is_the_dateline(line: str, expected: datetime) -> None:
    assert parse_dateline(match_key(line)) == expected
    article = normalized(f"{line}\n{HEADLINE}\n{BODY}")
    assert article.published_at == expected and article.published_basis == "dateline"
    assert [(block.kind, block.text) for block in article.removed] == [("dateline", line)]
    assert article.title == HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        "الأحد 12 رمضان 1446 هـ",  # a Hijri date alone is not converted
        "12/09/1446 هـ",
        "۱۴۰۳/۱۰/۲۵ - ۱۳:۴۰",  # a Solar Hijri date alone
        "۲۵ دی ۱۴۰۳",
        "12 رمضان 1446 هـ - 31 فبراير 2025 م",  # the Gregorian date must exist
    ],
)
def test_a_hijri_date_alone_gives_no_publication_date(line: str) -> None:
    assert parse_dateline(match_key(line)) is None
    assert normalized(f"{line}\n{BODY}").published_at is None


def test_a_place_with_both_calendars_gives_the_date_and_stays() -> None:
    line = "الرياض 9 صفر 1446 هـ الموافق 13 أغسطس 2024 م واس"
    assert parse_head_date(match_key(line)) == datetime(2024, 8, 13, tzinfo=UTC)
    article = normalized(f"{line}\n{BODY}")
    assert article.published_at == datetime(2024, 8, 13, tzinfo=UTC)
    assert article.removed == [] and article.clean_text.startswith(line)


def test_a_month_name_in_a_sentence_is_not_a_date() -> None:
    text = "وهنأ الرئيس نظيره بحلول شهر رمضان المبارك في اتصال هاتفي.\nوبحث الجانبان العلاقات الثنائية في 12 مارس."
    assert normalized(text).published_at is None
