"""RawArticle: what scrapers, the gateway and upstream feeds put on the raw topic."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import Field, field_validator

from schemas.base import ArticleId, AwareDatetime, Message, Part

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class IngestMetadata(Part):
    channel: Literal["scraper", "gateway", "feed", "cli", "demo"] = Field(description="How the article entered Marsad.")
    agent: str | None = Field(default=None, max_length=200, description="Name/version of the producer.")
    feed_url: str | None = Field(default=None, max_length=2048, description="Feed the article came from.")
    content_type: str | None = Field(default=None, max_length=200, description="HTTP content type of the page.")
    content_sha256: str | None = Field(
        default=None, pattern=r"^[0-9a-f]{64}$", description="Hash of the extracted text, for change detection."
    )


class RawArticle(Message):
    article_id: ArticleId
    url: str | None = Field(default=None, max_length=2048, description="Canonical URL of the article.")
    source: str = Field(min_length=1, max_length=200, description="Outlet or feed name, e.g. 'mehrnews'.")
    title: str | None = Field(default=None, max_length=2000)
    text: str = Field(description="Article body as extracted (may still hold page chrome).")
    html: str | None = Field(default=None, description="Original HTML, when the producer kept it.")
    language: str = Field(default="ar", min_length=2, max_length=16, description="BCP 47 tag claimed by the producer.")
    author: str | None = Field(default=None, max_length=500)
    published_at: AwareDatetime | None = Field(
        default=None, description="Publication time claimed by the producer (feed or page metadata)."
    )
    fetched_at: AwareDatetime = Field(description="When the producer fetched or received the article.")
    ingest: IngestMetadata

    @field_validator("source", "title", "text", "html", "author", "url")
    @classmethod
    def _no_lone_surrogates(cls, value: str | None) -> str | None:
        """JSON may escape a lone UTF-16 surrogate (\\ud800); it is not a character and cannot be re-encoded."""
        if value is not None and (match := _LONE_SURROGATE.search(value)):
            raise ValueError(f"contains a lone surrogate U+{ord(match.group()):04X} at position {match.start()}")
        return value
