"""Publish validated messages: idempotent producer, acks=all, key = article_id, headers for routing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiokafka import AIOKafkaProducer

from schemas.raw import RawArticle
from services.kafkaio.client import aiokafka_options
from services.settings import Settings


def article_headers(article: RawArticle) -> list[tuple[str, bytes]]:
    return [
        ("content-type", b"application/json"),
        ("marsad-schema", f"RawArticle/v{article.schema_version}".encode()),
        ("marsad-source", article.source.encode()),
        ("marsad-channel", article.ingest.channel.encode()),
    ]


def make_producer(settings: Settings) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        **aiokafka_options(settings),
        acks="all",
        enable_idempotence=True,
        max_request_size=settings.max_message_bytes + 1024 * 1024,
        linger_ms=5,
    )


async def send_articles(producer: AIOKafkaProducer, topic: str, articles: Iterable[RawArticle]) -> int:
    """Send and wait for the broker's acknowledgement of every article; return how many were sent."""
    futures = [
        await producer.send(
            topic,
            key=article.article_id.encode(),
            value=article.model_dump_json(exclude_none=True).encode(),
            headers=article_headers(article),
        )
        for article in articles
    ]
    for future in futures:
        await future
    return len(futures)


async def publish_articles(settings: Settings, articles: Sequence[RawArticle]) -> int:
    producer = make_producer(settings)
    await producer.start()
    try:
        return await send_articles(producer, settings.topic_raw, articles)
    finally:
        await producer.stop()
