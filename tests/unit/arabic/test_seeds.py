"""Golden tests on the five real seed articles (read from ../shared/seeds, never copied into the repo)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from schemas.normalized import NormalizedArticle
from services.arabic import (
    clean_span_to_match,
    clean_span_to_raw,
    clean_view,
    match_key,
    match_span_to_raw,
    match_view,
    raw_span_to_clean,
)
from tests.paths import SEED_FILES
from tests.unit.arabic.support import assert_valid_runs, normalized, seed_text

SEEDS = ["000", "001", "002", "003", "004"]


def test_all_five_seeds_are_present() -> None:
    assert [path.name[:3] for path in SEED_FILES] == SEEDS


def kinds(article: NormalizedArticle) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in article.removed]


def test_000_title_and_read_also_line() -> None:
    article = normalized(seed_text("000"))
    assert article.title == "رئيسي وبوتين يناقشان تعميق التعاون السياسي والاقتصادي بين روسيا وإيران"
    assert article.published_at is None and article.published_basis is None
    [(kind, text)] = kinds(article)
    assert kind == "related" and text.startswith('اقرأ أيضاً: "غازبروم"')
    assert "غازبروم" not in article.clean_text
    assert "بنسبة 81% من العام الماضي" in article.clean_text
    assert "شمال - جنوب" in article.clean_text  # en dash unified


def test_001_dateline_persian_yeh_and_trailing_chrome() -> None:
    text = seed_text("001")
    article = normalized(text)
    assert article.published_at == datetime(2024, 3, 19, 14, 37, tzinfo=UTC)
    assert article.published_basis == "dateline"
    assert "هاتفی" in article.clean_text  # clean keeps the letter as written
    assert "خلال اتصال هاتفي؛" in article.match_text  # ... the match key folds Farsi yeh
    assert "هاتفی" not in article.match_text
    assert article.title == (
        "الرئيس الإيراني والروسي يؤكدان على اهمية توسيع العلاقات الثنائية والتعاون في القضايا الدولية"
    )
    assert [kind for kind, _ in kinds(article)] == ["dateline", "duplicate", "chrome", "comments", "captcha"]
    removed = dict(kinds(article))
    assert removed["dateline"] == "١٩/٠٣/٢٠٢٤، ٢:٣٧ م"
    assert removed["chrome"].startswith("/انتهى/") and "رمز الخبر 1942574" in removed["chrome"]
    assert removed["captcha"] == "• captcha"
    assert "captcha" not in article.clean_text and "You are replying" not in article.clean_text
    assert "بنسبة 77% بين إيران وروسيا" in article.clean_text  # Arabic percent sign unified
    assert article.clean_text.count("يؤكدان على اهمية") == 1  # the repeated headline is cut


def test_002_byline_and_numbers_do_not_split_sentences() -> None:
    article = normalized(seed_text("002"))
    assert article.title is None  # the text opens with a paragraph, not a headline
    assert kinds(article) == [("byline", "manouchehr mahdavi")]
    sentences = [article.clean_text[s.start : s.end] for s in article.sentences]
    assert any("ارتفع بنسبة 13% العام الماضي، وبنسبة 8% أخرى هذا العام" in s for s in sentences)
    assert all(not s.startswith("%") for s in sentences)


def test_003_see_also_block_and_breadcrumb() -> None:
    article = normalized(seed_text("003"))
    assert article.title == "رئيسي وبوتين يلتقيان في عشق آباد"
    (crumb_kind, crumb), (related_kind, related) = kinds(article)
    assert crumb_kind == "chrome" and crumb.startswith("الرئيسية / أخبار وتقارير")
    assert related_kind == "related" and related.startswith("شاهد أيضاً")
    assert related.endswith("يوم 13 / 3 في ندوة ...")
    assert "الزهراء" not in article.clean_text and "13 / 3" not in article.clean_text
    assert '"علاقاتنا استراتيجية عميقة بطبيعتها.' in article.clean_text  # curly quotes unified
    assert "\u00a0" not in article.clean_text


def test_004_dateline_headers_and_read_more() -> None:
    article = normalized(seed_text("004"))
    assert article.published_at == datetime(2022, 1, 19, tzinfo=UTC)
    assert article.title == "رئيسي وبوتين يؤكدان على تطوير العلاقات الاستراتيجية بين بلديهما"
    assert kinds(article) == [
        ("header", "معركة أولي البأس\n\nالخليج والعالم"),
        ("dateline", "19/01/2022"),
        ("duplicate", "رئيسي وبوتين يؤكدان على تطوير العلاقات الاستراتيجية بين بلديهما"),
        ("chrome", "إقرأ المزيد في: الخليج والعالم"),
    ]
    assert article.clean_text.startswith(article.title + "\n")


def test_producer_date_and_title_win_over_detection() -> None:
    published = datetime(2024, 3, 19, 11, 0, tzinfo=UTC)
    article = normalized(seed_text("001"), published_at=published, title="عنوان\u200f  المنتج")
    assert article.published_at == published and article.published_basis == "producer"
    assert article.title == "عنوان المنتج"


@pytest.mark.parametrize("prefix", SEEDS)
def test_sentences_map_back_to_the_raw_text(prefix: str) -> None:
    text = seed_text(prefix)
    article = normalized(text)
    assert_valid_runs(article.clean_to_raw.segments, len(article.clean_text), len(text))
    assert_valid_runs(article.match_to_raw.segments, len(article.match_text), len(text))
    assert article.sentences
    for span in article.sentences:
        start, end = clean_span_to_raw(article, span.start, span.end)
        assert clean_view(text[start:end])[0] == article.clean_text[span.start : span.end]
        assert raw_span_to_clean(article, start, end) == (span.start, span.end)
        m_start, m_end = clean_span_to_match(article, span.start, span.end)
        assert match_span_to_raw(article, m_start, m_end) == (start, end)
        assert article.match_text[m_start:m_end] == match_key(text[start:end])


@pytest.mark.parametrize("prefix", SEEDS)
def test_removed_blocks_quote_the_raw_text_and_leave_the_views(prefix: str) -> None:
    text = seed_text(prefix)
    article = normalized(text)
    for block in article.removed:
        assert text[block.raw_start : block.raw_end] == block.text
        start, end = raw_span_to_clean(article, block.raw_start, block.raw_end)
        assert start == end, f"{block.kind} block still in the clean text"


@pytest.mark.parametrize("prefix", SEEDS)
def test_match_text_is_the_match_key_of_the_clean_text(prefix: str) -> None:
    article = normalized(seed_text(prefix))
    assert article.match_text == match_key(article.clean_text)
    assert article.match_text == match_view(article.clean_text)[0]


@pytest.mark.parametrize("prefix", SEEDS)
def test_normalising_the_clean_text_again_changes_nothing(prefix: str) -> None:
    article = normalized(seed_text(prefix))
    again = normalized(article.clean_text)
    assert again.clean_text == article.clean_text
    assert again.match_text == article.match_text
    assert again.removed == []


def test_lexicon_entries_fold_like_the_article() -> None:
    article = normalized(seed_text("003"))
    for entry in ("آية الله إبراهيم رئيسي", "الجمهورية الإسلامية الإيرانية", "عِشْق آباد", "المسئولين"):
        assert match_key(entry) in article.match_text, entry


def test_paragraphs_are_the_lines_of_the_clean_text() -> None:
    article = normalized(seed_text("001"))
    lines = article.clean_text.split("\n")
    assert [article.clean_text[p.start : p.end] for p in article.paragraphs] == lines
