"""The topic table: every Marsad topic, its key, its value model and who writes and reads it."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from schemas.deadletter import DeadLetter
from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle
from schemas.raw import RawArticle


@dataclass(frozen=True, slots=True)
class TopicSpec:
    default_name: str
    model: type[BaseModel]
    key: str
    producers: tuple[str, ...]
    consumers: tuple[str, ...]
    description: str


TOPICS: dict[str, TopicSpec] = {
    "raw": TopicSpec(
        "marsad.articles.raw",
        RawArticle,
        "article_id",
        ("scraper", "gateway", "upstream feeds", "marsad publish"),
        ("worker",),
        "Articles as fetched or pushed, before any processing.",
    ),
    "normalized": TopicSpec(
        "marsad.articles.normalized",
        NormalizedArticle,
        "article_id",
        ("worker",),
        ("worker", "archives"),
        "Articles after Arabic normalisation, with offsets back to the raw text.",
    ),
    "events": TopicSpec(
        "marsad.events",
        DiplomaticEvent,
        "article_id",
        ("worker",),
        ("dashboards", "marsad tail"),
        "Diplomatic events; deduplicate by event_id.",
    ),
    "deadletter": TopicSpec(
        "marsad.deadletter",
        DeadLetter,
        "article_id (or the original key)",
        ("worker",),
        ("ops",),
        "Messages that could not be processed, with reason and original bytes.",
    ),
}
