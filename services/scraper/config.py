"""The sources file (TOML): outlets with their feeds and sitemaps, poll intervals, limits, fallback selectors.

```toml
[defaults]
poll_interval_seconds = 600
max_articles_per_poll = 50

[[sources]]
name = "bbc-arabic"                       # becomes RawArticle.source and the article_id prefix
feeds = ["https://feeds.bbci.co.uk/arabic/rss.xml"]
sitemaps = []
poll_interval_seconds = 300               # overrides [defaults]
selectors = { text = "main article", title = "h1" }   # CSS fallback when trafilatura finds no text
```
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from services.scraper.errors import ScrapeError
from services.scraper.ssrf import check_url_shape

SourceName = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,62}$")]


class ConfigError(ValueError):
    """The sources file is missing, not TOML or invalid; the message names the file and the problem."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Selectors(_Strict):
    text: str | None = Field(default=None, min_length=1, description="CSS selector of the article body.")
    title: str | None = Field(default=None, min_length=1)


class Defaults(_Strict):
    poll_interval_seconds: float = Field(default=600.0, ge=10, le=7 * 86400)
    max_articles_per_poll: int = Field(default=50, ge=1, le=10_000)
    language: str = Field(default="ar", min_length=2, max_length=16)


class Source(_Strict):
    name: SourceName
    feeds: list[str] = Field(default_factory=list)
    sitemaps: list[str] = Field(default_factory=list)
    poll_interval_seconds: float | None = Field(default=None, ge=1, le=7 * 86400)
    max_articles_per_poll: int | None = Field(default=None, ge=1, le=10_000)
    language: str | None = Field(default=None, min_length=2, max_length=16)
    selectors: Selectors | None = None
    enabled: bool = True

    @field_validator("feeds", "sitemaps")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            try:
                check_url_shape(url)
            except ScrapeError as exc:
                raise ValueError(f"{url!r}: {exc}") from None
        return urls

    @model_validator(mode="after")
    def _has_a_feed(self) -> Source:
        if not self.feeds and not self.sitemaps:
            raise ValueError("needs at least one feed or sitemap")
        return self


class SourcesConfig(_Strict):
    defaults: Defaults = Field(default_factory=Defaults)
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_names(self) -> SourcesConfig:
        names = [source.name for source in self.sources]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"duplicate source names: {', '.join(duplicates)}")
        if not self.enabled():
            raise ValueError("every source is disabled")
        return self

    def interval(self, source: Source) -> float:
        return source.poll_interval_seconds or self.defaults.poll_interval_seconds

    def limit(self, source: Source) -> int:
        return source.max_articles_per_poll or self.defaults.max_articles_per_poll

    def language(self, source: Source) -> str:
        return source.language or self.defaults.language

    def enabled(self) -> list[Source]:
        return [source for source in self.sources if source.enabled]


def parse_sources(text: str, origin: str = "<string>") -> SourcesConfig:
    """Parse and validate; raise ConfigError with one line naming `origin`, the field and the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin}: not valid TOML: {exc}") from None
    try:
        return SourcesConfig.model_validate(data)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise ConfigError(f"{origin}: {where}: {error['msg']}{more}") from None


def load_sources(path: Path) -> SourcesConfig:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    return parse_sources(text, str(path))
