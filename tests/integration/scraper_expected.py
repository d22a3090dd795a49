"""The exact RawArticles (minus fetched_at) the scraper must publish for the local site of `scraper_site`."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from services.scraper.urls import article_id_for
from tests.integration import scraper_pages as p
from tests.integration.scraper_site import Site

UTF8_HTML = "text/html; charset=utf-8"
RSS_AUTHOR = "مراسل الموقع"


def _sha(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _article(
    site: Site,
    source: str,
    path: str,
    feed: str,
    title: str,
    text: str,
    published: datetime,
    content_type: str,
    author: str | None,
) -> dict[str, Any]:
    url = site.url(path)
    return {
        "schema_version": 1,
        "article_id": article_id_for(source, url),
        "url": url,
        "source": source,
        "title": title,
        "text": text,
        "html": None,
        "language": "ar",
        "author": author,
        "published_at": published,
        "ingest": {
            "channel": "scraper",
            "agent": "marsad-scraper/0.1",
            "feed_url": site.url(feed),
            "content_type": content_type,
            "content_sha256": _sha(text),
        },
    }


def _body(title: str, paragraphs: tuple[str, ...]) -> str:
    """trafilatura keeps the article's <h1> as the first line of the text."""
    return "\n".join((title, *paragraphs))


def _rss_time(minute: int) -> datetime:
    return datetime(2026, 11, 10, 6, minute, tzinfo=UTC)  # 09:mm +03:00


def expected_articles(site: Site) -> dict[str, dict[str, Any]]:
    rss, atom, sitemap = "/feeds/main.rss", "/feeds/main.atom", "/sitemap.xml"
    cp1256_type = "text/html; charset=windows-1256"
    articles = [
        _article(site, "site-rss", "/news/visit.html", rss, p.VISIT_TITLE,
                 _body(p.VISIT_TITLE, p.VISIT_PARAGRAPHS), _rss_time(1), UTF8_HTML, "سارة المحمد"),
        _article(site, "site-rss", "/news/cp1256.html", rss, p.CP1256_TITLE,
                 _body(p.CP1256_TITLE, p.CP1256_PARAGRAPHS), _rss_time(2), cp1256_type, RSS_AUTHOR),
        _article(site, "site-rss", "/news/cp1256-meta.html", rss, p.META_TITLE,
                 _body(p.META_TITLE, p.META_PARAGRAPHS), _rss_time(3), "text/html", RSS_AUTHOR),
        _article(site, "site-rss", "/news/chrome.html", rss, p.CHROME_TITLE,
                 _body(p.CHROME_TITLE, p.CHROME_PARAGRAPHS), _rss_time(4), UTF8_HTML, RSS_AUTHOR),
        _article(site, "site-rss", "/news/flaky.html", rss, p.FLAKY_TITLE,
                 _body(p.FLAKY_TITLE, p.FLAKY_PARAGRAPHS), _rss_time(5), UTF8_HTML, RSS_AUTHOR),
        # fetched with utm_*/fbclid stripped; rel=canonical (with utm_campaign) names the same page
        _article(site, "site-rss", "/news/tracked.html?id=7", rss, p.TRACKED_TITLE,
                 _body(p.TRACKED_TITLE, p.TRACKED_PARAGRAPHS), _rss_time(6), UTF8_HTML, RSS_AUTHOR),
        # an empty shell page: the feed entry's summary is the text
        _article(site, "site-rss", "/news/empty.html", rss, p.SUMMARY_TITLE,
                 p.SUMMARY_TEXT, _rss_time(7), UTF8_HTML, RSS_AUTHOR),
        _article(site, "site-atom", "/news/atom-1.html", atom, p.ATOM_ONE_TITLE,
                 _body(p.ATOM_ONE_TITLE, p.ATOM_ONE_PARAGRAPHS), datetime(2026, 11, 10, 6, 0, tzinfo=UTC),
                 "text/html", "قسم الأخبار"),
        _article(site, "site-atom", "/news/atom-2.html", atom, p.ATOM_TWO_TITLE,
                 _body(p.ATOM_TWO_TITLE, p.ATOM_TWO_PARAGRAPHS), datetime(2026, 11, 10, 8, 30, tzinfo=UTC),
                 "text/html", "قسم الأخبار"),
        _article(site, "site-atom", "/news/sitemap-only.html", sitemap, p.SITEMAP_TITLE,
                 _body(p.SITEMAP_TITLE, p.SITEMAP_PARAGRAPHS), datetime(2026, 11, 9, 17, 15, tzinfo=UTC),
                 UTF8_HTML, None),
    ]  # fmt: skip
    return {article["article_id"]: article for article in articles}
