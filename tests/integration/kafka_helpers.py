"""Helpers for integration tests: isolated topics per test, raw publishing, draining topics, a worker process."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient

from services.commands.subprocesses import spawn_marsad, stop_process, wait_http_ok
from services.kafkaio.client import aiokafka_options
from services.kafkaio.topics import ensure_topics, topic_partitions
from services.localkafka.config import free_port
from services.settings import Settings


def isolated_settings(bootstrap: str, partitions: int = 2, **overrides: object) -> Settings:
    """Settings with topic and group names unique to one test, so tests never see each other's messages."""
    run = uuid.uuid4().hex[:8]
    values: dict[str, object] = {
        "kafka_bootstrap_servers": bootstrap,
        "topic_raw": f"t{run}.raw",
        "topic_normalized": f"t{run}.normalized",
        "topic_events": f"t{run}.events",
        "topic_deadletter": f"t{run}.deadletter",
        "topic_partitions": partitions,
        "worker_id": f"marsad-test-{run}",
        "worker_web_port": free_port(),
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


def worker_env(settings: Settings, data_dir: Path) -> dict[str, str]:
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
        "MARSAD_WORKER_DATA_DIR": str(data_dir),
        "MARSAD_LOG_FORMAT": "json",
    }
    for name in (
        "topic_raw",
        "topic_normalized",
        "topic_events",
        "topic_deadletter",
        "topic_partitions",
        "worker_id",
        "worker_name",
        "worker_web_port",
        "max_message_bytes",
        "max_text_chars",
        "topic_normalized_input",
    ):
        env[f"MARSAD_{name.upper()}"] = str(getattr(settings, name))
    return env


@dataclass
class WorkerProcess:
    settings: Settings
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.worker_web_port}"


@contextmanager
def running_worker(settings: Settings, tmp_path: Path, name: str = "worker") -> Iterator[WorkerProcess]:
    asyncio.run(ensure_topics(settings))
    log_path = tmp_path / f"{name}.log"
    process = spawn_marsad(["worker"], worker_env(settings, tmp_path / name), log_path)
    try:
        if not wait_http_ok(f"http://127.0.0.1:{settings.worker_web_port}/readyz", 120, process):
            raise AssertionError(f"worker not ready; log:\n{log_path.read_text(errors='replace')[-3000:]}")
        yield WorkerProcess(settings, log_path)
    finally:
        stop_process(process)


async def send_raw(settings: Settings, messages: Sequence[tuple[bytes | None, bytes | None]]) -> None:
    producer = AIOKafkaProducer(
        **aiokafka_options(settings), acks="all", max_request_size=settings.max_message_bytes + 1024 * 1024
    )
    await producer.start()
    try:
        futures = [await producer.send(settings.topic_raw, key=key, value=value) for key, value in messages]
        for future in futures:
            await future
    finally:
        await producer.stop()


async def committed_offsets(settings: Settings, topic: str) -> dict[int, int]:
    """The worker group's committed offset per partition of `topic` (absent: nothing committed)."""
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        offsets = await admin.list_consumer_group_offsets(settings.worker_id)
    finally:
        await admin.close()
    return {tp.partition: meta.offset for tp, meta in offsets.items() if tp.topic == topic}


def reading_consumer(settings: Settings) -> AIOKafkaConsumer:
    """A consumer outside any group, for reading whole topics (large messages included)."""
    return AIOKafkaConsumer(
        **aiokafka_options(settings),
        group_id=None,
        enable_auto_commit=False,
        fetch_max_bytes=64 * 1024 * 1024,
        max_partition_fetch_bytes=32 * 1024 * 1024,
    )


async def drain(
    settings: Settings, topics: list[str], until: int, timeout: float
) -> dict[str, list[tuple[bytes | None, bytes]]]:
    """Read the topics from the beginning until `until` messages in total arrived or `timeout` passed."""
    consumer = reading_consumer(settings)
    await consumer.start()
    got: dict[str, list[tuple[bytes | None, bytes]]] = {topic: [] for topic in topics}
    try:
        partitions = await topic_partitions(settings, topics)
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        deadline = time.monotonic() + timeout
        while sum(map(len, got.values())) < until and time.monotonic() < deadline:
            for tp, messages in (await consumer.getmany(timeout_ms=500)).items():
                got[tp.topic].extend((m.key, m.value) for m in messages if m.value is not None)
    finally:
        await consumer.stop()
    return got
