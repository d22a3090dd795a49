"""Shared helpers: build a NormalizedArticle from our own sample text, as the worker would."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle
from schemas.raw import IngestMetadata, RawArticle
from services.arabic import normalize_article
from services.extraction import extract_events

FETCHED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def article(text: str, published: dt.date | None = None, article_id: str = "t-1") -> NormalizedArticle:
    when = dt.datetime(published.year, published.month, published.day, 12, tzinfo=dt.UTC) if published else None
    raw = RawArticle(
        article_id=article_id,
        source="test",
        text=text,
        fetched_at=FETCHED,
        published_at=when,
        ingest=IngestMetadata(channel="cli"),
    )
    out = normalize_article(raw)
    assert isinstance(out, NormalizedArticle), out
    return out


def events(text: str, published: dt.date | None = None, article_id: str = "t-1") -> list[DiplomaticEvent]:
    return extract_events(article(text, published, article_id))


def coded(found: list[DiplomaticEvent]) -> set[tuple[str, str, str | None, str | None]]:
    """Events as (PLOVER type, CAMEO code, source country, target country)."""
    return {(e.event_type.value, e.cameo.code, e.source.country, e.target.country if e.target else None) for e in found}


@pytest.fixture(name="extract")
def _extract() -> object:
    return events
