from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from services.scraper.errors import ScrapeError
from services.scraper.feeds import iso_date, parse_feed, rfc822_date

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>أخبار</title>
<item><title>لقاء وزاري</title><link> https://example.org/a </link><pubDate>Tue, 10 Nov 2026 09:01:00 +0300</pubDate>
<description>ملخص قصير</description><content:encoded><![CDATA[<p>النص الكامل</p>]]></content:encoded>
<dc:creator>مراسلنا</dc:creator></item>
<item><title>بلا رابط</title></item>
<item><title>بلا تاريخ</title><link>/relative/b</link><pubDate>not a date</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>قمة</title><link rel="self" href="https://example.org/self"/><link href="https://example.org/summit"/>
<updated>2026-11-10T08:00:00Z</updated><summary>ملخص</summary><author><name>قسم الأخبار</name></author></entry>
<entry><title>بلا رابط</title></entry></feed>"""

RDF = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>c</title></channel>
<item><title>خبر</title><link>https://example.org/rdf</link><dc:date>2026-11-10T10:00:00+01:00</dc:date></item></rdf:RDF>"""

SITEMAP = """<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://example.org/s1</loc>
<news:news><news:publication_date>2026-11-09T20:15:00+03:00</news:publication_date><news:title>عنوان</news:title>
</news:news></url><url><loc>https://example.org/s2</loc><lastmod>2026-11-08</lastmod></url></urlset>"""

INDEX = """<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://example.org/sitemap-news.xml</loc></sitemap></sitemapindex>"""


def test_rss_items_with_links_are_read() -> None:
    entries = parse_feed(RSS.encode())
    assert [e.link for e in entries] == ["https://example.org/a", "/relative/b"]
    first = entries[0]
    assert first.title == "لقاء وزاري" and first.author == "مراسلنا"
    assert first.summary == "<p>النص الكامل</p>"  # content:encoded preferred over description
    assert first.published_at == datetime(2026, 11, 10, 6, 1, tzinfo=UTC)
    assert entries[1].published_at is None


def test_atom_uses_the_alternate_link() -> None:
    entries = parse_feed(ATOM.encode())
    assert len(entries) == 1
    assert entries[0].link == "https://example.org/summit"
    assert entries[0].author == "قسم الأخبار" and entries[0].summary == "ملخص"
    assert entries[0].published_at == datetime(2026, 11, 10, 8, 0, tzinfo=UTC)


def test_rss_1_rdf() -> None:
    (entry,) = parse_feed(RDF.encode())
    assert entry.link == "https://example.org/rdf"
    assert entry.published_at == datetime(2026, 11, 10, 9, 0, tzinfo=UTC)


def test_news_sitemap_and_plain_sitemap() -> None:
    entries = parse_feed(SITEMAP.encode())
    assert [(e.link, e.title, e.is_sitemap) for e in entries] == [
        ("https://example.org/s1", "عنوان", False),
        ("https://example.org/s2", None, False),
    ]
    assert entries[0].published_at == datetime(2026, 11, 9, 17, 15, tzinfo=UTC)
    assert entries[1].published_at == datetime(2026, 11, 8, tzinfo=UTC)


def test_sitemap_index_entries_are_sitemaps() -> None:
    (entry,) = parse_feed(INDEX.encode())
    assert entry.is_sitemap and entry.link == "https://example.org/sitemap-news.xml"


def test_windows_1256_feed() -> None:
    body = '<?xml version="1.0" encoding="windows-1256"?><rss><channel><item><title>سلام</title>'
    body += "<link>https://example.org/x</link></item></channel></rss>"
    assert parse_feed(body.encode("cp1256"))[0].title == "سلام"


BILLION_LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title><link>https://e.org/</link></item>
</channel></rss>"""
XXE = b"""<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss><channel><item><title>&x;</title><link>https://e.org/</link></item></channel></rss>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://169.254.169.254/evil.dtd"><rss><channel/></rss>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, XXE])
def test_entity_declarations_are_refused(body: bytes) -> None:
    with pytest.raises(ScrapeError) as caught:
        parse_feed(body)
    assert caught.value.kind == "xml_forbidden"


def test_an_external_dtd_is_never_fetched() -> None:
    assert parse_feed(EXTERNAL_DTD) == []  # the DTD reference is ignored, not loaded


@pytest.mark.parametrize(
    "body",
    [b"<rss><channel><item>", b"", b"not xml at all", b"<html><body>page</body></html>", b"<feed/>"],
)
def test_malformed_or_foreign_documents(body: bytes) -> None:
    with pytest.raises(ScrapeError) as caught:
        parse_feed(body)
    assert caught.value.kind == "feed_malformed"


def test_date_helpers() -> None:
    assert rfc822_date("Tue, 10 Nov 2026 09:01:00 GMT") == datetime(2026, 11, 10, 9, 1, tzinfo=UTC)
    assert rfc822_date("garbage") is None and rfc822_date(None) is None
    assert iso_date("2026-11-10T09:01:00+03:30") == datetime(2026, 11, 10, 9, 1, tzinfo=timezone(timedelta(hours=3.5)))
    assert iso_date("2026-11-10") == datetime(2026, 11, 10, tzinfo=UTC)
    assert iso_date("yesterday") is None
