"""Main text, title, author, date and rel=canonical of an article page. Pure: HTML string in, `Extracted` out.

Order of preference: trafilatura's main text, then the source's CSS selectors, then the feed entry's summary.
The date is the feed entry's (exact, with a zone) when it has one, else htmldate's reading of the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import lxml.html  # type: ignore[import-untyped]
import trafilatura
from htmldate import find_date
from lxml.cssselect import CSSSelector  # type: ignore[import-untyped]
from lxml.etree import ParserError  # type: ignore[import-untyped]

from services.scraper.config import Selectors
from services.scraper.errors import ScrapeError
from services.scraper.feeds import FeedEntry

log = logging.getLogger(__name__)
Method = Literal["trafilatura", "selector", "feed_summary"]


@dataclass(frozen=True)
class Extracted:
    text: str
    method: Method
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    canonical: str | None = None


def extract_article(html: str, url: str, entry: FeedEntry | None, selectors: Selectors | None = None) -> Extracted:
    tree = _parse(html)
    canonical = _canonical(tree) if tree is not None else None
    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    text = _clean(getattr(document, "text", None))
    title = _clean(getattr(document, "title", None))
    author = _clean(getattr(document, "author", None))
    method: Method = "trafilatura"
    if not text and selectors is not None and tree is not None:
        text, method = _select(tree, selectors.text), "selector"
        title = title or _select(tree, selectors.title)
    if not text and entry is not None and entry.summary:
        text, method = html_to_text(entry.summary), "feed_summary"
    if not text:
        raise ScrapeError("extract_empty", "no article text in the page or the feed entry")
    published = entry.published_at if entry is not None and entry.published_at else page_date(html, url)
    return Extracted(
        text=text,
        method=method,
        title=title or (entry.title if entry else None) or _page_title(tree),
        author=author or (entry.author if entry else None),
        published_at=published,
        canonical=canonical,
    )


def page_date(html: str, url: str) -> datetime | None:
    try:
        found = find_date(html, url=url, original_date=True, extensive_search=False, outputformat="%Y-%m-%dT%H:%M:%S%z")
    except Exception:  # htmldate is best effort; a bad date must not lose the article
        log.debug("htmldate failed", exc_info=True)
        return None
    if not found:
        return None
    try:
        parsed = datetime.strptime(found, "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        parsed = datetime.strptime(found[:19], "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    return parsed


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (feed summaries often carry <p> and <img>)."""
    if "<" not in fragment:
        return _clean(fragment) or ""
    tree = _parse(f"<div>{fragment}</div>")
    return (_clean(tree.text_content()) if tree is not None else None) or ""


def _parse(html: str) -> Any:
    try:
        return lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return None


def _canonical(tree: Any) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            return str(link.get("href")).strip()
    return None


def _select(tree: Any, selector: str | None) -> str:
    if not selector:
        return ""
    try:
        nodes = CSSSelector(selector)(tree)
    except Exception:  # an invalid selector in the config
        log.warning("invalid CSS selector %r", selector)
        return ""
    return "\n".join(filter(None, (_clean(node.text_content()) for node in nodes)))


def _page_title(tree: Any) -> str | None:
    if tree is None:
        return None
    title = tree.find(".//title")
    return _clean(title.text_content()) if title is not None else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    lines = (" ".join(line.split()) for line in value.splitlines())
    joined = "\n".join(line for line in lines if line)
    return joined or None
