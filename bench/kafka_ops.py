"""Broker-side helpers for the benchmarks: topics, a fast backlog publisher, and end-offset counting."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Sequence
from contextlib import suppress

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError

MAX_BYTES = 17 * 1024 * 1024


def unique(prefix: str) -> str:
    return f"bench.{prefix}.{uuid.uuid4().hex[:8]}"


async def create_topics(
    bootstrap: str, names: Sequence[str], partitions: int, config: dict[str, str] | None = None
) -> None:
    """`config` adds topic settings to the size limit, e.g. message.timestamp.type=LogAppendTime."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        config = {"max.message.bytes": str(MAX_BYTES), **(config or {})}
        await admin.create_topics([NewTopic(name, partitions, 1, topic_configs=config) for name in names])
    finally:
        await admin.close()


async def delete_topics(bootstrap: str, names: Sequence[str]) -> None:
    """Best effort: keeps the broker's disk use bounded between repetitions."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        doomed = [name for name in names if name in existing]
        if doomed:
            with suppress(KafkaError):
                await admin.delete_topics(doomed)
    finally:
        await admin.close()


async def publish(bootstrap: str, topic: str, payloads: Sequence[tuple[bytes, bytes]]) -> None:
    """Send everything as fast as the producer batches it, then wait for every acknowledgement."""
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=10, max_batch_size=1024 * 1024, max_request_size=MAX_BYTES
    )
    await producer.start()
    try:
        futures = [await producer.send(topic, key=key, value=value) for key, value in payloads]
        for future in futures:
            await future
    finally:
        await producer.stop()


class OffsetCounter:
    """Total messages in a set of topics (sum of end offsets), read from the broker without consuming."""

    def __init__(self, bootstrap: str) -> None:
        self._consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
        self._partitions: dict[str, list[TopicPartition]] = {}

    async def start(self, topics: Sequence[str], timeout: float = 30.0) -> None:
        """Learn every topic's partitions; a topic created a moment ago may take a few metadata rounds."""
        await self._consumer.start()
        deadline = time.monotonic() + timeout
        for topic in topics:
            parts = self._consumer.partitions_for_topic(topic)
            while not parts:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no partitions known for topic {topic} after {timeout:.0f} s")
                await asyncio.sleep(0.2)
                await self._consumer._client.force_metadata_update()
                parts = self._consumer.partitions_for_topic(topic)
            self._partitions[topic] = [TopicPartition(topic, p) for p in sorted(parts)]

    async def count(self, topic: str) -> int:
        partitions = self._partitions[topic]
        if not partitions:
            return 0
        offsets = await self._consumer.end_offsets(partitions)
        return int(sum(offsets.values()))

    async def stop(self) -> None:
        await self._consumer.stop()
