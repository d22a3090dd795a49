"""Create Marsad's topics with the partitions, retention and size limits from settings."""

from __future__ import annotations

from contextlib import suppress

from aiokafka import TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from services.kafkaio.client import aiokafka_options
from services.settings import Settings


def topic_names(settings: Settings) -> list[str]:
    names = [settings.topic_raw, settings.topic_normalized, settings.topic_events, settings.topic_deadletter]
    return [*names, settings.topic_normalized_input] if settings.topic_normalized_input else names


async def ensure_topics(settings: Settings) -> list[str]:
    """Create missing topics; return the names created. Existing topics are left as they are."""
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        config = {
            "retention.ms": str(settings.topic_retention_ms),
            "max.message.bytes": str(settings.max_message_bytes + 64 * 1024),
        }
        missing = [name for name in topic_names(settings) if name not in existing]
        new = [
            NewTopic(name, settings.topic_partitions, settings.topic_replication_factor, topic_configs=config)
            for name in missing
        ]
        if new:
            with suppress(TopicAlreadyExistsError):  # another process created it meanwhile
                await admin.create_topics(new)
        return missing
    finally:
        await admin.close()


async def topic_partitions(settings: Settings, topics: list[str]) -> list[TopicPartition]:
    """Every partition of the given topics, from the broker's metadata."""
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        described = await admin.describe_topics(topics)
    finally:
        await admin.close()
    return sorted(
        TopicPartition(topic["topic"], partition["partition"])
        for topic in described
        for partition in topic["partitions"]
    )
