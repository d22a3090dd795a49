"""Chrome rules, related blocks, datelines, titles and bylines on hand-written articles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.arabic import match_key
from services.arabic.chrome import (
    CAPTCHA_WORDS,
    CHROME_LINES,
    CHROME_PREFIXES,
    COMMENT_HEADINGS,
    COMMENT_PREFIXES,
    END_MARKERS,
    RELATED,
    SHARE_BUTTONS,
    SHARE_FIRST,
)
from services.arabic.dateline import MONTHS, WEEKDAYS, parse_dateline, parse_head_date
from services.arabic.related import AGO_UNITS
from tests.unit.arabic.support import STORY_OPENING as BODY
from tests.unit.arabic.support import STORY_PARAGRAPHS as PARAGRAPHS
from tests.unit.arabic.support import normalized, removed


@pytest.mark.parametrize(
    "phrase",
    RELATED
    + CHROME_LINES
    + CHROME_PREFIXES
    + COMMENT_PREFIXES
    + END_MARKERS
    + COMMENT_HEADINGS
    + SHARE_FIRST
    + SHARE_BUTTONS
    + AGO_UNITS,
)
def test_rule_phrases_are_written_as_match_keys(phrase: str) -> None:
    assert match_key(phrase) == phrase
    assert phrase == phrase.lower()


def test_calendar_words_are_written_as_match_keys() -> None:
    for word in (*MONTHS, *WEEKDAYS, *CAPTCHA_WORDS):
        assert match_key(word) == word


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("إقرأ أيضاً: الوزير يستقبل نظيره", "related"),
        ("اقرا ايضا - الوزير يستقبل نظيره", "related"),
        ("• شاهد كذلك: زيارة الرئيس", "related"),
        ("رمز الخبر: 123456", "chrome"),
        ("الوسوم", "chrome"),
        ("شارك", "chrome"),
        ("الرئيسية / سياسة / عربي", "chrome"),
        ("Home > World", "chrome"),
        ("أضف تعليقك", "comments"),
        ("You are replying to: .", "comments"),
        ("  • captcha", "captcha"),
        ("اكتب الرمز الظاهر في الصورة", "captcha"),
    ],
)
def test_chrome_lines_are_cut_and_kept_for_audit(line: str, kind: str) -> None:
    article = normalized(BODY.replace("\n", f"\n{line}\n"))
    assert removed(article) == [(kind, line.strip())]
    assert article.clean_text == BODY


def test_chrome_words_inside_a_sentence_stay() -> None:
    text = "شارك الوزير في الاجتماع وأضاف أن الوسوم الجديدة مفيدة.\nسمات المرحلة المقبلة واضحة."
    assert normalized(text).removed == []


def test_bare_related_heading_cuts_a_short_tail_to_the_end() -> None:
    article = normalized(f"{BODY}\nاقرأ أيضاً\nعنوان خبر آخر\nعنوان خبر ثالث")
    assert removed(article) == [("related", "اقرأ أيضاً\nعنوان خبر آخر\nعنوان خبر ثالث")]
    assert article.clean_text == BODY


@pytest.mark.parametrize("heading", ["موضوعات متعلقة", "موضوعات ذات صلة", "أخبار مرتبطة", "قد يهمك أيضاً"])
def test_other_outlets_related_headings_cut_their_block(heading: str) -> None:
    article = normalized(f"{BODY}\n{heading}\nعنوان خبر آخر عن اتصال هاتفي\nعنوان خبر ثالث")
    assert removed(article) == [("related", f"{heading}\nعنوان خبر آخر عن اتصال هاتفي\nعنوان خبر ثالث")]
    assert article.clean_text == BODY


def test_bare_related_heading_before_a_long_tail_cuts_one_link() -> None:
    tail = "\n".join(f"وفي الفقرة {i} قال المتحدث إن الاجتماع تناول قضايا كثيرة." for i in range(4))
    article = normalized(f"{BODY}\nشاهد أيضا\nعنوان خبر آخر\n{tail}")
    assert removed(article) == [("related", "شاهد أيضا\nعنوان خبر آخر")]
    assert article.clean_text == f"{BODY}\n{tail}"


def test_end_marker_cuts_everything_after_it() -> None:
    article = normalized(f"{BODY}\n(انتهى)\nرابط مختصر\nتعليقك")
    assert removed(article) == [("chrome", "(انتهى)\nرابط مختصر\nتعليقك")]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("19/01/2022", datetime(2022, 1, 19, tzinfo=UTC)),
        ("١٩/٠٣/٢٠٢٤، ٢:٣٧ م", datetime(2024, 3, 19, 14, 37, tzinfo=UTC)),
        ("۲۲ / ۰۴ / ۲۰۲۵ - ۱۰:۱۵", datetime(2025, 4, 22, 10, 15, tzinfo=UTC)),
        ("2024/05/20 14:35", datetime(2024, 5, 20, 14, 35, tzinfo=UTC)),
        ("03/19/2024", datetime(2024, 3, 19, tzinfo=UTC)),  # month first only when day first is impossible
        ("الثلاثاء 18 آذار 2025 الساعة 13:40", datetime(2025, 3, 18, 13, 40, tzinfo=UTC)),
        ("الجمعة 04 تشرين الأول 2024", datetime(2024, 10, 4, tzinfo=UTC)),
        ("8 جويلية 2025", datetime(2025, 7, 8, tzinfo=UTC)),
        ("12 دجنبر 2024", datetime(2024, 12, 12, tzinfo=UTC)),
        ("نشر في: 5 مايو 2024 12:05 ص", datetime(2024, 5, 5, 0, 5, tzinfo=UTC)),
        ("14 تموز/يوليو 2023", datetime(2023, 7, 14, tzinfo=UTC)),
        ("1/2/2024 10:00 GMT+3", datetime(2024, 2, 1, 10, tzinfo=timezone(timedelta(hours=3)))),
        ("الخميس 6/مارس/2025 - 09:45 م", datetime(2025, 3, 6, 21, 45, tzinfo=UTC)),  # month name between slashes
        ("العدد 9876 الأحد 2 يونيو 2024", datetime(2024, 6, 2, tzinfo=UTC)),  # a newspaper's issue number
        ("السبت 3 مايو 2025 العدد 4410", datetime(2025, 5, 3, tzinfo=UTC)),
        ("التاريخ: 21 يوليو 2022", datetime(2022, 7, 21, tzinfo=UTC)),
        # the Hijri date first, its era mark with a full stop
        ("الاثنين 12 رجب 1445 هـ. الموافق 22 يناير 2024", datetime(2024, 1, 22, tzinfo=UTC)),
    ],
)
def test_dateline_lines(line: str, expected: datetime) -> None:
    assert parse_dateline(match_key(line)) == expected
    article = normalized(f"{line}\n{BODY}")
    assert article.published_at == expected and article.published_basis == "dateline"
    assert removed(article) == [("dateline", line)]


@pytest.mark.parametrize("line", ["31/02/2024", "19/13/2024", "25:10 19/01/2022", "1/1/1850", "13:61 م 1/1/2024"])
def test_impossible_or_partial_dates_are_not_datelines(line: str) -> None:
    assert parse_dateline(match_key(line)) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("أبوظبي في 14 فبراير 2024 / وام /", datetime(2024, 2, 14, tzinfo=UTC)),
        ("الرياض 27 ربيع الأول 1445 هـ الموافق 12 أكتوبر 2023 م واس", datetime(2023, 10, 12, tzinfo=UTC)),
        ("تونس 4 جوان 2024 (وات) - استقبل الرئيس وزير الخارجية.", datetime(2024, 6, 4, tzinfo=UTC)),
    ],
)
def test_place_and_date_lines_give_the_date_and_stay(line: str, expected: datetime) -> None:
    assert parse_head_date(match_key(line)) == expected
    article = normalized(f"{line}\n{BODY}")
    assert article.published_at == expected
    assert article.removed == [] and article.clean_text.startswith(line)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("سياسة | الأحد 3 مارس 2024", datetime(2024, 3, 3, tzinfo=UTC)),
        ("نشر في: 5 مايو 2024 - 10:15 | آخر تحديث: 5 مايو 2024 - 12:00", datetime(2024, 5, 5, 10, 15, tzinfo=UTC)),
    ],
)
def test_a_metadata_line_with_a_date_field_is_the_dateline(line: str, expected: datetime) -> None:
    article = normalized(f"{line}\n{BODY}")
    assert article.published_at == expected
    assert removed(article) == [("dateline", line)]


@pytest.mark.parametrize("line", ["صنعاء - سبأ | الثلاثاء 8 أبريل 2025", "المصدر: صنعاء - سبأ | التاريخ: 8 أبريل 2025"])
def test_a_metadata_line_naming_a_place_gives_its_date_and_stays(line: str) -> None:
    article = normalized(f"{line}\nالرئيس يستقبل وزير الخارجية في قصر السلام\n{BODY}")
    assert article.published_at == datetime(2025, 4, 8, tzinfo=UTC)
    assert article.removed == [] and article.clean_text.startswith(line)
    assert article.title == "الرئيس يستقبل وزير الخارجية في قصر السلام"


def test_a_line_with_a_bar_and_a_long_field_is_no_metadata_line() -> None:
    line = "5 مايو 2024 | قال الوزير إن المحادثات التي جرت في العاصمة كانت مثمرة وبناءة"
    assert removed(normalized(f"{line}\n{BODY}")) == []


def test_a_date_deep_in_the_body_is_not_a_dateline() -> None:
    text = "قال الوزير في مؤتمر صحفي عقده في العاصمة يوم 14 فبراير 2024 إن المحادثات مستمرة."
    assert normalized(text).published_at is None


def test_repeated_headline_is_the_title_and_headers_above_it_go() -> None:
    title = "الوزير يبحث مع نظيره تعزيز العلاقات الثنائية"
    article = normalized(f"سياسة\nأخبار عربية\n{title}\n19/01/2022\n{title}\n{BODY}")
    assert article.title == title
    assert removed(article) == [
        ("header", "سياسة\nأخبار عربية"),
        ("dateline", "19/01/2022"),
        ("duplicate", title),
    ]
    assert article.clean_text == f"{title}\n{BODY}"


def test_first_headline_like_line_is_the_title_after_place_agency_and_kicker() -> None:
    text = f"بغداد - واع\nعلى هامش القمة؛\nالرئيس يستقبل وزير الخارجية في قصر السلام\n{BODY}"
    assert normalized(text).title == "الرئيس يستقبل وزير الخارجية في قصر السلام"


@pytest.mark.parametrize(
    "head",
    [
        "كتب: سامي الأحمد",
        "بقلم رئيس التحرير",
        "كتب محرر الشؤون السياسية",
        "وكالة الجنوب للأنباء",
        "وكالة أنباء الخليج",
        "وكالة الأنباء الوطنية المستقلة - ونا",  # an agency and its acronym
        "قناة الساحل الإخبارية - نواكشوط",  # an outlet and a place around a dash
        "عمّان – جريدة الأفق الأردنية",
    ],
)
def test_writer_lines_and_agency_mastheads_are_not_titles(head: str) -> None:
    text = f"{head}\nالرئيس يستقبل وزير الخارجية في قصر السلام\n{BODY}"
    assert normalized(text).title == "الرئيس يستقبل وزير الخارجية في قصر السلام"


@pytest.mark.parametrize(
    "title",
    [
        "كتب التاريخ المدرسية تصل إلى المدارس قبل العام الدراسي الجديد",
        "وكالة الطاقة الذرية تحذر من نقص الوقود",
        "مباحثات أردنية - مصرية في عمّان حول الممرات التجارية",  # a dash, but one side is a sentence
    ],
)
def test_headlines_opening_with_such_words_stay_titles(title: str) -> None:
    assert normalized(f"{title}\n{BODY}").title == title


@pytest.mark.parametrize(
    "first_line",
    [
        "قال الوزير إن المحادثات كانت مثمرة وبناءة وإن البلدين سيواصلان التشاور.",  # a sentence
        "القاهرة في 24 أكتوبر /أ ش أ/",  # a dateline without year
        "يستقبل الوزير",  # too short
    ],
)
def test_no_title_when_the_text_opens_with_something_else(first_line: str) -> None:
    assert normalized(f"{first_line}\nوأضاف أن البلدين اتفقا على مواصلة التشاور.").title is None


@pytest.mark.parametrize(
    "byline", ["manouchehr mahdavi", "أحمد دريملي / الأناضول", "م ع ن / ع ج", "--(بترا) ح ح/ ب ط", "بقلم: سالم علي"]
)
def test_bylines_after_the_last_sentence(byline: str) -> None:
    article = normalized(f"{BODY}\n{byline}")
    assert removed(article) == [("byline", byline)]


@pytest.mark.parametrize(
    "last_line",
    ["الوزير يستقبل نظيره", "Reuters 2024", "نقاط رئيسية في الاتفاق:"],
)
def test_short_last_lines_that_are_not_bylines_stay(last_line: str) -> None:
    assert normalized(f"{BODY}\n{last_line}").removed == []


def test_byline_needs_a_finished_sentence_before_it() -> None:
    assert normalized("الوزير يستقبل نظيره ويبحث العلاقات\nmanouchehr mahdavi").removed == []


@pytest.mark.parametrize("marker", ["(النهاية)", "/انتهى/", "-انتهى-", "(انتهي)"])
def test_end_marker_closing_a_paragraph_cuts_the_marker_and_what_follows(marker: str) -> None:
    last = "وأضاف أن البلدين اتفقا على مواصلة التشاور."
    article = normalized(f"قال الوزير إن المحادثات كانت مثمرة.\n{last} {marker}\nم ع ن / ع ج")
    assert removed(article) == [("chrome", f" {marker}\nم ع ن / ع ج")]
    assert article.clean_text == f"قال الوزير إن المحادثات كانت مثمرة.\n{last}"


def test_end_word_inside_a_sentence_stays() -> None:
    text = "قال الوزير إن الاجتماع انتهى.\nوأضاف أن النهاية (النهاية السعيدة) قريبة."
    assert normalized(text).removed == []


def test_related_heading_cuts_its_whole_list_of_headlines_and_stops_at_the_story() -> None:
    links = "- الوزير يستقبل سفير اليابان\n• الرئيس يتلقى اتصالا من نظيره\nالحكومة تقر مشروع الموازنة الجديدة"
    article = normalized(f"{BODY}\nأخبار ذات صلة\n{links}\n{PARAGRAPHS}")
    assert removed(article) == [("related", f"أخبار ذات صلة\n{links}")]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"


def test_related_heading_before_a_real_paragraph_cuts_only_itself() -> None:
    article = normalized(f"{BODY}\nالأكثر قراءة\n{PARAGRAPHS}")
    assert removed(article) == [("related", "الأكثر قراءة")]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"


@pytest.mark.parametrize(
    "line",
    [
        "وزير الخارجية يستقبل نظيره الأردني في عمان - 15 يناير 2025",
        "الرئيس يتلقى اتصالا هاتفيا من أمير قطر | 12:30",
        "مجلس الوزراء يقر خطة لدعم المزارعين (منذ 3 ساعات)",
        "البرلمان يصادق على قانون الانتخابات الجديد - ١٥/٠١/٢٠٢٥ ١٠:٤٥ ص",
    ],
)
def test_a_headline_with_a_date_or_time_stamp_after_the_story_is_a_related_link(line: str) -> None:
    article = normalized(f"{BODY}\n{line}\n{PARAGRAPHS}")
    assert removed(article) == [("related", line)]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"


@pytest.mark.parametrize(
    "line",
    [
        "وقال الوزير إن الاجتماع المقبل سيعقد في الرياض يوم 15 يناير 2025",  # a date without a separator
        "وأكد الجانبان أهمية التنسيق. - 15 يناير 2025",  # a finished sentence before the stamp
        "القاهرة - 15 يناير 2025",  # a place, not a headline
    ],
)
def test_lines_ending_with_a_date_that_are_not_headline_links_stay(line: str) -> None:
    assert normalized(f"{BODY}\n{line}\n{PARAGRAPHS}").removed == []


def test_a_stamped_line_above_the_story_stays() -> None:
    line = "سكاي نيوز عربية من أبوظبي - 15 يناير 2025 - 10:30"
    article = normalized(f"{line}\n{BODY}")
    assert all(block.text != line for block in article.removed)
    assert article.published_at == datetime(2025, 1, 15, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    "line", ["شارك   |   طباعة", "شارك هذا المقال: فيسبوك | إكس | واتساب | نسخ الرابط", "Share on: Facebook | X"]
)
def test_share_bars_are_chrome(line: str) -> None:
    article = normalized(f"{BODY}\n{line}\n{PARAGRAPHS}")
    assert removed(article) == [("chrome", line)]


def test_a_comments_heading_after_the_story_cuts_the_comments() -> None:
    comments = "تعليقات الزوار (2)\n1 - قارئ من الرباط: خبر مهم\n2 - زائر: شكرا على المتابعة."
    article = normalized(f"{BODY}\n{PARAGRAPHS}\n{comments}")
    assert removed(article) == [("comments", comments)]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"


def test_a_comment_count_above_the_story_cuts_only_itself() -> None:
    article = normalized(f"التعليقات (0)\n{BODY}\n{PARAGRAPHS}")
    assert removed(article) == [("comments", "التعليقات (0)")]
    assert article.clean_text == f"{BODY}\n{PARAGRAPHS}"
