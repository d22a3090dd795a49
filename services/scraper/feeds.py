"""Parse RSS 2.0, RSS 1.0 (RDF), Atom and sitemaps with defusedxml: no DTD entities, no external references.

Pure: bytes in, `FeedEntry` list out, or ScrapeError("xml_forbidden" | "feed_malformed").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from services.scraper.errors import ScrapeError

ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None = None
    summary: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    is_sitemap: bool = False  # a <sitemap> of a sitemap index: fetch and parse it as a sitemap, not a page


def parse_xml(body: bytes) -> Element:
    try:
        root: Element = fromstring(body, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ScrapeError("xml_forbidden", f"feed refused: {type(exc).__name__}") from exc
    except ParseError as exc:
        raise ScrapeError("feed_malformed", f"not well-formed XML: {exc}") from exc
    return root


def parse_feed(body: bytes) -> list[FeedEntry]:
    root = parse_xml(body)
    tag = root.tag
    if tag == "rss":
        return [_rss_item(item) for item in root.iter("item") if _text(item, "link")]
    if tag == f"{ATOM}feed":
        return [entry for entry in map(_atom_entry, root.iter(f"{ATOM}entry")) if entry.link]
    if tag.endswith("}RDF"):
        return [_rss_item(item, RSS1) for item in root.iter(f"{RSS1}item") if _text(item, f"{RSS1}link")]
    if tag in (f"{SITEMAP}urlset", f"{SITEMAP}sitemapindex"):
        return _sitemap(root)
    raise ScrapeError("feed_malformed", f"not RSS, Atom or a sitemap (root element {tag!r})")


def _text(element: Element, path: str) -> str | None:
    found = element.find(path)
    if found is None:
        return None
    text = "".join(found.itertext()).strip()
    return text or None


def _rss_item(item: Element, ns: str = "") -> FeedEntry:
    return FeedEntry(
        link=_text(item, f"{ns}link") or "",
        title=_text(item, f"{ns}title"),
        summary=_text(item, f"{CONTENT}encoded") or _text(item, f"{ns}description"),
        published_at=rfc822_date(_text(item, "pubDate")) or iso_date(_text(item, f"{DC}date")),
        author=_text(item, f"{DC}creator") or _text(item, "author"),
    )


def _atom_entry(entry: Element) -> FeedEntry:
    links = entry.findall(f"{ATOM}link")
    alternate = [link for link in links if link.get("rel", "alternate") == "alternate"] or links
    return FeedEntry(
        link=(alternate[0].get("href") or "").strip() if alternate else "",
        title=_text(entry, f"{ATOM}title"),
        summary=_text(entry, f"{ATOM}content") or _text(entry, f"{ATOM}summary"),
        published_at=iso_date(_text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")),
        author=_text(entry, f"{ATOM}author/{ATOM}name"),
    )


def _sitemap(root: Element) -> list[FeedEntry]:
    index = root.tag == f"{SITEMAP}sitemapindex"
    entries = []
    for node in root.findall(f"{SITEMAP}sitemap" if index else f"{SITEMAP}url"):
        link = _text(node, f"{SITEMAP}loc")
        if link:
            published = _text(node, f"{NEWS}news/{NEWS}publication_date") or _text(node, f"{SITEMAP}lastmod")
            title = _text(node, f"{NEWS}news/{NEWS}title")
            entries.append(FeedEntry(link=link, title=title, published_at=iso_date(published), is_sitemap=index))
    return entries


def rfc822_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def iso_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
