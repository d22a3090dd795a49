"""Year-less wire prefixes (`الكويت - 14 - 3 (كونا) --`): detected, cut like a dateline, dated from context.

The samples are written for these tests in the style of agency copy; none is a real article.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.arabic import clean_span_to_raw, match_key
from services.arabic.dateline import WirePrefix, parse_wire_prefix, wire_date
from tests.unit.arabic.support import normalized

TITLE = "وزير الخارجية يبحث مع نظيره العماني تعزيز التعاون"
BODY = "بحث وزير الخارجية مع نظيره العماني اليوم الجمعة سبل تعزيز التعاون الثنائي."
MORE = "وأكد الجانبان أهمية مواصلة التنسيق في القضايا الإقليمية."


@pytest.mark.parametrize(
    ("prefix", "day", "month"),
    [
        ("الكويت - 14 - 3 (كونا) --", 14, 3),
        ("بغداد - 7 - 11 (كونا) --", 7, 11),
        ("القاهرة - 20 مايو (كونا) -", 20, 5),
        ("عمان - 2 تموز/يوليو (كونا) --", 2, 7),
        ("الكويت - ١٤ - ٣ (كونا) --", 14, 3),  # Eastern digits fold first
        ("الكويت - 29 - 2 (كونا)", 29, 2),
    ],
)
def test_wire_prefixes_are_parsed(prefix: str, day: int, month: int) -> None:
    found = parse_wire_prefix(match_key(f"{prefix} {BODY}"))
    assert found == WirePrefix(len(match_key(prefix)), day, month)


@pytest.mark.parametrize(
    "line",
    [
        "الكويت - 31 - 2 (كونا) -- نص",  # no such day
        "الكويت - 14 - 13 (كونا) -- نص",
        "الكويت - 14 - 3 -- نص بلا وكالة",  # no agency in brackets
        "الكويت 14 مارس 2025 (كونا) - نص",  # has a year: a place-and-date line (kept)
        "قال المتحدث في بيان صادر عن الوزارة اليوم - 14 - 3 (كونا) -- نص",  # more than a place before
        "الكويت - 14 - 3 (كونا)--نص",  # glued to the text
    ],
)
def test_other_lines_are_not_wire_prefixes(line: str) -> None:
    assert parse_wire_prefix(match_key(line)) is None


@pytest.mark.parametrize(
    ("day", "month", "context", "expected"),
    [
        (14, 3, datetime(2025, 3, 14, 9, 30, tzinfo=UTC), datetime(2025, 3, 14, tzinfo=UTC)),
        (31, 12, datetime(2025, 1, 1, 2, 0, tzinfo=UTC), datetime(2024, 12, 31, tzinfo=UTC)),
        (1, 1, datetime(2024, 12, 31, 22, 0, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC)),
        (29, 2, datetime(2024, 3, 2, tzinfo=UTC), datetime(2024, 2, 29, tzinfo=UTC)),
        (29, 2, datetime(2025, 3, 2, tzinfo=UTC), datetime(2024, 2, 29, tzinfo=UTC)),
    ],
)
def test_wire_date_takes_the_nearest_year(day: int, month: int, context: datetime, expected: datetime) -> None:
    assert wire_date(day, month, context) == expected


def test_prefix_is_cut_and_kept_for_audit_with_raw_offsets() -> None:
    prefix = "الكويت - 14 - 3 (كونا) --"
    raw = f"2025/03/14 09:30\n\n{TITLE}\n\n{prefix} {BODY}\n{MORE}"
    article = normalized(raw)
    assert article.clean_text == f"{TITLE}\n{BODY}\n{MORE}"
    assert [(b.kind, b.text) for b in article.removed] == [("dateline", "2025/03/14 09:30"), ("dateline", prefix)]
    for block in article.removed:
        assert raw[block.raw_start : block.raw_end] == block.text
    first = article.sentences[1]
    start, end = clean_span_to_raw(article, first.start, first.end)
    assert raw[start:end] == BODY
    # The header's date agrees with the wire date: it is kept, with its time.
    assert article.published_at == datetime(2025, 3, 14, 9, 30, tzinfo=UTC)
    assert article.title == TITLE


def test_prefix_with_a_month_name_and_marks() -> None:
    prefix = "القاهرة - 20 مايو (كونا) -"
    article = normalized(f"2024/05/20 14:35\n{prefix} {BODY}")
    assert article.clean_text == BODY
    assert [b.text for b in article.removed] == [f"2024/05/20 14:35\n{prefix}"]
    vocalised = "الكُوَيْت - 14 - 3 (كونا) --"
    assert normalized(f"{vocalised} {BODY}").clean_text == BODY


def test_wire_date_differing_from_the_header_wins_in_the_nearest_year() -> None:
    article = normalized(f"2025/01/01 02:10\nالكويت - 31 - 12 (كونا) -- {BODY}")
    assert article.published_at == datetime(2024, 12, 31, tzinfo=UTC)
    assert article.published_basis == "dateline"


def test_without_another_date_the_prefix_is_cut_and_the_date_left_unset() -> None:
    article = normalized(f"الكويت - 14 - 3 (كونا) -- {BODY}\n{MORE}")
    assert article.clean_text == f"{BODY}\n{MORE}"
    assert article.published_at is None and article.published_basis is None


def test_producer_date_still_wins() -> None:
    published = datetime(2025, 3, 15, 6, 0, tzinfo=UTC)
    article = normalized(f"الكويت - 14 - 3 (كونا) -- {BODY}", published_at=published)
    assert article.published_at == published and article.published_basis == "producer"
    assert article.clean_text == BODY


def test_only_the_first_wire_prefix_in_the_head_is_cut() -> None:
    later = "الكويت - 15 - 3 (كونا) -- وفي خبر آخر استقبل الوزير سفير اليابان."
    article = normalized(f"الكويت - 14 - 3 (كونا) -- {BODY}\n{later}")
    assert article.clean_text == f"{BODY}\n{later}"


def test_a_line_that_is_only_a_prefix_goes_whole() -> None:
    article = normalized(f"{TITLE}\nالكويت - 14 - 3 (كونا) --\n{BODY}")
    assert article.clean_text == f"{TITLE}\n{BODY}"
    assert [(b.kind, b.text) for b in article.removed] == [("dateline", "الكويت - 14 - 3 (كونا) --")]
