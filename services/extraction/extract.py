"""Placeholder extractor (pipeline issue): the contract only. Issue 4 replaces it with the real one."""

from __future__ import annotations

from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle

EXTRACTOR_VERSION = "0.0.1-placeholder"


def extract_events(article: NormalizedArticle) -> list[DiplomaticEvent]:
    return []
