"""From an extracted page to the RawArticle contract. Pure."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError

from schemas.raw import IngestMetadata, RawArticle
from services.scraper.errors import ScrapeError
from services.scraper.extract import Extracted

AGENT = "marsad-scraper/0.1"


@dataclass(frozen=True)
class Origin:
    """Where a page came from: the source name and language, its feed and the page's content type."""

    source: str
    language: str
    feed_url: str | None
    content_type: str | None


def content_hash(text: str) -> str:
    """sha256 of the extracted text with whitespace runs collapsed, so re-rendered markup is not a change."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def build_article(
    article_id: str, canonical_url: str, extracted: Extracted, origin: Origin, fetched_at: datetime, html: str | None
) -> RawArticle:
    try:
        return RawArticle(
            article_id=article_id,
            url=canonical_url,
            source=origin.source,
            title=extracted.title[:2000] if extracted.title else None,
            text=extracted.text,
            html=html,
            language=origin.language,
            author=extracted.author[:500] if extracted.author else None,
            published_at=extracted.published_at,
            fetched_at=fetched_at,
            ingest=IngestMetadata(
                channel="scraper",
                agent=AGENT,
                feed_url=origin.feed_url[:2048] if origin.feed_url else None,
                content_type=origin.content_type[:200] if origin.content_type else None,
                content_sha256=content_hash(extracted.text),
            ),
        )
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"])
        raise ScrapeError("invalid_article", f"{where}: {error['msg']}") from None
