from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.scraper.article import Origin, build_article, content_hash
from services.scraper.config import Selectors
from services.scraper.errors import ScrapeError
from services.scraper.extract import extract_article, html_to_text
from services.scraper.feeds import FeedEntry

SECOND = "وأوضح المتحدث باسم الوزارة أن الزيارة تأتي تلبية لدعوة رسمية وتتضمن توقيع عدد من الاتفاقيات."
BODY = (
    "أعلنت وزارة الخارجية اليوم أن الوزير سيتوجه إلى العاصمة المجاورة في زيارة رسمية تستمر ثلاثة أيام "
    "يبحث خلالها مع نظيره ملفات التعاون الثنائي والأوضاع الإقليمية."
)
PAGE = f"""<html lang="ar"><head><title>زيارة رسمية | الموقع</title>
<link rel="canonical" href="https://www.example.org/news/visit?utm_source=x">
<meta property="article:published_time" content="2026-11-10T09:30:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a><a href="/sport">رياضة</a></nav>
<article><h1>زيارة رسمية</h1><p>{BODY}</p><p>{SECOND}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_main_text_title_canonical_and_page_date() -> None:
    extracted = extract_article(PAGE, "https://m.example.org/news/visit", None)
    assert extracted.method == "trafilatura"
    assert extracted.text == f"زيارة رسمية\n{BODY}\n{SECOND}"
    assert extracted.title == "زيارة رسمية"
    assert extracted.canonical == "https://www.example.org/news/visit?utm_source=x"
    assert extracted.published_at == datetime(2026, 11, 10, 6, 30, tzinfo=UTC)


def test_the_feed_date_is_preferred() -> None:
    entry = FeedEntry(link="x", published_at=datetime(2026, 11, 10, 6, 31, 15, tzinfo=UTC), author="مراسل")
    extracted = extract_article(PAGE, "https://example.org/a", entry)
    assert extracted.published_at == datetime(2026, 11, 10, 6, 31, 15, tzinfo=UTC)
    assert extracted.author == "مراسل"


def test_css_selectors_are_the_fallback() -> None:
    """A legacy table layout: trafilatura (tables excluded) finds nothing, the configured selectors do."""
    text = "نص قصير عن زيارة رسمية للوزير إلى العاصمة."
    page = f'<html><body><table><tr><td class="t">عنوان</td></tr><tr><td class="story">{text}</td></tr></table>'
    selectors = Selectors(text="td.story", title="td.t")
    extracted = extract_article(page, "https://example.org/a", None, selectors)
    assert (extracted.method, extracted.text, extracted.title) == ("selector", text, "عنوان")
    with pytest.raises(ScrapeError):
        extract_article(page, "https://example.org/a", None, None)


def test_feed_summary_is_the_last_resort() -> None:
    entry = FeedEntry(link="x", title="بيان", summary="<p>صدر <b>بيان</b> مشترك.</p><img src='a.png'>")
    extracted = extract_article("<html><body></body></html>", "https://example.org/a", entry)
    assert (extracted.method, extracted.text, extracted.title) == ("feed_summary", "صدر بيان مشترك.", "بيان")


def test_nothing_to_extract() -> None:
    with pytest.raises(ScrapeError) as caught:
        extract_article("<html><body><div></div></body></html>", "https://example.org/a", FeedEntry(link="x"))
    assert caught.value.kind == "extract_empty"


def test_html_to_text() -> None:
    assert html_to_text("نص   بلا وسوم") == "نص بلا وسوم"
    assert html_to_text("<p>سطر <b>أول</b></p>") == "سطر أول"


def test_content_hash_ignores_whitespace_only_changes() -> None:
    assert content_hash("نص  عربي\n") == content_hash("نص عربي")
    assert content_hash("نص عربي") != content_hash("نص عربي جديد")


def test_build_article_fills_the_contract_and_truncates_long_titles() -> None:
    extracted = extract_article(PAGE, "https://example.org/a", None)
    long_title = type(extracted)(text=extracted.text, method="trafilatura", title="ع" * 5000)
    origin = Origin("example", "ar", "https://example.org/rss", "text/html; charset=utf-8")
    article = build_article("example:abc", "https://example.org/a", long_title, origin, datetime.now(UTC), None)
    assert article.title is not None and len(article.title) == 2000
    assert article.ingest.channel == "scraper" and article.ingest.content_sha256 == content_hash(extracted.text)


def test_an_invalid_article_is_a_scrape_error() -> None:
    extracted = extract_article(PAGE, "https://example.org/a", None)
    origin = Origin("example", "ar", None, None)
    with pytest.raises(ScrapeError) as caught:
        build_article("example:abc", "https://example.org/" + "a" * 3000, extracted, origin, datetime.now(UTC), None)
    assert caught.value.kind == "invalid_article"
