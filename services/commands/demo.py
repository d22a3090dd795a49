"""`marsad demo`: a local broker, topics, a worker, the bundled sample articles, events printed live."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from importlib import resources
from pathlib import Path

from aiokafka import AIOKafkaConsumer

from services.commands import UserError
from services.commands.inputs import load_articles
from services.commands.subprocesses import spawn_marsad, stop_process, wait_http_ok
from services.commands.summary import summarize
from services.kafkaio.client import aiokafka_options
from services.kafkaio.produce import publish_articles
from services.kafkaio.topics import ensure_topics, topic_partitions
from services.localkafka import kafka_broker
from services.localkafka.config import free_port
from services.settings import Settings

QUIET_SECONDS = 4.0


def sample_paths() -> list[Path]:
    folder = resources.files("services.demo") / "samples"
    return sorted(Path(str(item)) for item in folder.iterdir() if item.name.endswith(".txt"))


async def _follow(settings: Settings, stop_after_quiet: bool, duration: float | None, expected: set[str]) -> None:
    consumer = AIOKafkaConsumer(**aiokafka_options(settings), group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        topics = [settings.topic_normalized, settings.topic_events, settings.topic_deadletter]
        partitions = await topic_partitions(settings, topics)
        consumer.assign(partitions)
        await consumer.seek_to_end(*partitions)
        await publish_articles(settings, load_articles(sample_paths(), channel="demo"))
        print(f"published {len(expected)} sample articles to {settings.topic_raw}; events follow (Ctrl-C stops)\n")
        seen: set[str] = set()
        started = last = time.monotonic()
        while duration is None or time.monotonic() - started < duration:
            batch = await consumer.getmany(timeout_ms=500)
            for tp, messages in batch.items():
                for message in messages:
                    key = message.key.decode("utf-8", "replace") if message.key else ""
                    if tp.topic == settings.topic_normalized:
                        seen.add(key)
                    elif tp.topic == settings.topic_deadletter:
                        seen.add(key)
                        print(summarize(message.value, "deadletter"), flush=True)
                    else:
                        print(summarize(message.value, "event"), flush=True)
                    last = time.monotonic()
            if stop_after_quiet and expected <= seen and time.monotonic() - last > QUIET_SECONDS:
                break
    finally:
        await consumer.stop()


def run(settings: Settings, once: bool, duration: float | None) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="marsad-demo-"))
    samples = load_articles(sample_paths(), channel="demo")
    try:
        with kafka_broker(settings.kafka_bootstrap_servers, workdir / "kafka") as bootstrap:
            print(f"Kafka ready at {bootstrap}")
            port = free_port()
            settings = settings.model_copy(update={"kafka_bootstrap_servers": bootstrap, "worker_web_port": port})
            asyncio.run(ensure_topics(settings))
            env = {
                "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
                "MARSAD_WORKER_WEB_PORT": str(port),
                "MARSAD_WORKER_DATA_DIR": str(workdir / "worker"),
                "MARSAD_LOG_FORMAT": "json",
            }
            worker = spawn_marsad(["worker"], env, workdir / "worker.log")
            try:
                if not wait_http_ok(f"http://127.0.0.1:{port}/readyz", timeout=90, process=worker):
                    raise UserError(f"the worker did not become ready; see {workdir / 'worker.log'}")
                print(f"worker ready; metrics at http://127.0.0.1:{port}/metrics (health: /healthz, /readyz)")
                asyncio.run(_follow(settings, once, duration, {a.article_id for a in samples}))
            finally:
                code = stop_process(worker)
                print(f"\nworker stopped (exit {code}); stopping Kafka")
    except KeyboardInterrupt:
        print("\ninterrupted; everything was shut down")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0
