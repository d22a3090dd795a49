"""Read the raw topic of the scraper and gateway tests to its end: every record with key, article and headers."""

from __future__ import annotations

from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer

from schemas.raw import RawArticle
from services.kafkaio.client import aiokafka_options
from services.kafkaio.topics import topic_partitions
from services.settings import Settings


@dataclass(frozen=True)
class RawRecord:
    key: bytes
    article: RawArticle
    headers: dict[str, bytes]


async def read_raw_topic(settings: Settings, max_polls: int = 200) -> list[RawRecord]:
    """Everything acknowledged so far: reads each partition up to its end offset (bounded number of polls)."""
    consumer = AIOKafkaConsumer(**aiokafka_options(settings), group_id=None, enable_auto_commit=False)
    await consumer.start()
    records: list[RawRecord] = []
    try:
        partitions = await topic_partitions(settings, [settings.topic_raw])
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        for _ in range(max_polls):
            if all([await consumer.position(tp) >= end for tp, end in ends.items()]):
                break
            for messages in (await consumer.getmany(timeout_ms=500)).values():
                records += [
                    RawRecord(m.key or b"", RawArticle.model_validate_json(m.value or b""), dict(m.headers))
                    for m in messages
                ]
        else:
            raise AssertionError(f"raw topic not read to its end in {max_polls} polls")
    finally:
        await consumer.stop()
    return records
