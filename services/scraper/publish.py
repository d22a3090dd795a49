"""Publishing RawArticles: the Kafka edge (idempotent producer, acks=all, key article_id) behind a small protocol."""

from __future__ import annotations

from typing import Protocol

from aiokafka import AIOKafkaProducer

from schemas.raw import RawArticle
from services.kafkaio.produce import article_headers


class Publisher(Protocol):
    async def publish(self, article: RawArticle) -> None:
        """Return once the broker acknowledged the article; raise otherwise."""


def scraper_headers(article: RawArticle) -> list[tuple[str, bytes]]:
    """The shared headers (content-type, schema, source, channel) plus the page's own content type."""
    headers = article_headers(article)
    if article.ingest.content_type:
        headers.append(("marsad-page-content-type", article.ingest.content_type.encode()))
    return headers


class KafkaPublisher:
    def __init__(self, producer: AIOKafkaProducer, topic: str) -> None:
        self._producer = producer
        self._topic = topic

    async def publish(self, article: RawArticle) -> None:
        future = await self._producer.send(
            self._topic,
            key=article.article_id.encode(),
            value=article.model_dump_json(exclude_none=True).encode(),
            headers=scraper_headers(article),
        )
        await future
