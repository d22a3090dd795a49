"""`marsad tail`: print a topic's messages as JSON lines (events by default)."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import TextIO

from aiokafka import AIOKafkaConsumer

from services.kafkaio.client import aiokafka_options
from services.settings import Settings


def topic_for(settings: Settings, name: str) -> str:
    return {
        "raw": settings.topic_raw,
        "normalized": settings.topic_normalized,
        "events": settings.topic_events,
        "deadletter": settings.topic_deadletter,
    }.get(name, name)


def render(value: bytes | None) -> str:
    if value is None:
        return "null"
    try:
        return json.dumps(json.loads(value), ensure_ascii=False)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return json.dumps({"undecodable_bytes": len(value)})


async def tail(
    settings: Settings,
    topic: str,
    from_beginning: bool,
    limit: int | None,
    idle_timeout: float | None,
    out: TextIO = sys.stdout,
) -> int:
    consumer = AIOKafkaConsumer(
        topic_for(settings, topic),
        **aiokafka_options(settings),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        fetch_max_bytes=settings.max_message_bytes + 1024 * 1024,
        max_partition_fetch_bytes=settings.max_message_bytes + 1024 * 1024,
    )
    await consumer.start()
    printed = 0
    try:
        while limit is None or printed < limit:
            try:
                message = await asyncio.wait_for(consumer.getone(), timeout=idle_timeout)
            except TimeoutError:
                break
            out.write(render(message.value) + "\n")
            out.flush()
            printed += 1
    finally:
        await consumer.stop()
    return printed
