"""`marsad demo`: a local broker, topics, a worker, scraper and gateway feeding sample articles, events live."""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from aiokafka import AIOKafkaConsumer

from services.commands import UserError
from services.commands.demo_feed import feeding
from services.commands.subprocesses import spawn_marsad, stop_process, wait_http_ok
from services.commands.summary import summarize
from services.kafkaio.client import aiokafka_options
from services.kafkaio.topics import ensure_topics, topic_partitions
from services.localkafka import kafka_broker
from services.localkafka.config import free_port
from services.settings import Settings

QUIET_SECONDS = 4.0
Feeder = Callable[[], AbstractContextManager[int]]


async def _follow(settings: Settings, feed: Feeder, stop_when_done: bool, duration: float | None) -> None:
    consumer = AIOKafkaConsumer(**aiokafka_options(settings), group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        topics = [settings.topic_normalized, settings.topic_events, settings.topic_deadletter]
        partitions = await topic_partitions(settings, topics)
        consumer.assign(partitions)
        await consumer.seek_to_end(*partitions)
        with feed() as expected:
            print(f"{expected} sample articles on their way; events follow (Ctrl-C stops)\n")
            accounted = 0
            started = last = time.monotonic()
            while duration is None or time.monotonic() - started < duration:
                for tp, messages in (await consumer.getmany(timeout_ms=500)).items():
                    for message in messages:
                        if tp.topic == settings.topic_events:
                            print(summarize(message.value, "event"), flush=True)
                        else:  # every article ends as a normalised article or a dead letter
                            accounted += 1
                            if tp.topic == settings.topic_deadletter:
                                print(summarize(message.value, "deadletter"), flush=True)
                        last = time.monotonic()
                if stop_when_done and accounted >= expected and time.monotonic() - last > QUIET_SECONDS:
                    print(f"\nall {expected} articles accounted for")
                    break
    finally:
        await consumer.stop()


def run(settings: Settings, once: bool, duration: float | None) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="marsad-demo-"))
    keep_logs = False
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
                    keep_logs = True
                    raise UserError(f"the worker did not become ready; see {workdir / 'worker.log'}")
                print(f"worker ready; metrics at http://127.0.0.1:{port}/metrics (health: /healthz, /readyz)")
                asyncio.run(_follow(settings, lambda: feeding(env, workdir), once, duration))
            finally:
                code = stop_process(worker)
                print(f"worker stopped (exit {code}); stopping Kafka")
    except KeyboardInterrupt:
        print("\ninterrupted; everything was shut down")
    except UserError:
        keep_logs = True
        raise
    finally:
        if not keep_logs:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0
