"""Latency from publish to event at fixed offered loads (fractions of the measured capacity).

One Marsad worker runs on a fresh, empty raw topic. A paced, open-loop publisher sends 4 KB articles at
the offered rate; each message carries its publish time (wall clock, ns) in the `bench-sent-ns` header, and
the same time is kept here by article_id, because the worker keys every output by article_id but does not
forward headers. A consumer in the same process reads the normalized and events topics and stamps the
time each message is seen there. Latency = seen - published, per event (and per normalized article).
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from bench.corpus import make_article
from bench.kafka_ops import MAX_BYTES, OffsetCounter, create_topics, delete_topics, unique
from bench.machine import load_average
from bench.stats import distribution
from bench.systems import System, start_marsad

_NO_COUNTER = cast(OffsetCounter, None)  # Marsad's progress comes from its /metrics, not from offsets


class Listener:
    def __init__(self, bootstrap: str, topics: dict[str, str], partitions: int) -> None:
        self.seen: dict[str, dict[bytes, list[float]]] = {kind: defaultdict(list) for kind in topics}
        self._kinds = {topic: kind for kind, topic in topics.items()}
        self._parts = [TopicPartition(t, p) for t in topics.values() for p in range(partitions)]
        self._consumer = AIOKafkaConsumer(
            bootstrap_servers=bootstrap,
            group_id=None,
            enable_auto_commit=False,
            fetch_max_wait_ms=100,
            max_partition_fetch_bytes=MAX_BYTES,
        )
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._consumer.start()
        self._consumer.assign(self._parts)
        await self._consumer.seek_to_beginning(*self._parts)
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            batches = await self._consumer.getmany(timeout_ms=200)
            now = time.time()
            for tp, messages in batches.items():
                kind = self._kinds[tp.topic]
                for message in messages:
                    if message.key is not None:
                        self.seen[kind][message.key].append(now)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
        await self._consumer.stop()


async def paced_publish(
    producer: AIOKafkaProducer, topic: str, payloads: list[tuple[bytes, bytes]], rate: float, sent: dict[bytes, float]
) -> float:
    """Open loop: message i goes out at start + i/rate (never waiting on acks); returns the worst lateness (s)."""
    start = time.monotonic()
    worst = 0.0
    for i, (key, value) in enumerate(payloads):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        else:
            worst = max(worst, -delay)
        now_ns = time.time_ns()
        sent[key] = now_ns / 1e9
        await producer.send(topic, key=key, value=value, headers=[("bench-sent-ns", str(now_ns).encode())])
    await producer.flush()
    return worst


def _payloads(texts: list[str], tag: str, count: int) -> list[tuple[bytes, bytes]]:
    out = []
    for i in range(count):
        article = make_article(f"bench-lat-{tag}-{i:06d}", texts[i % len(texts)])
        out.append((article.article_id.encode(), article.model_dump_json(exclude_none=True).encode()))
    return out


def _latencies(listener: Listener, kind: str, sent: dict[bytes, float]) -> tuple[list[float], int]:
    values = [(seen - sent[key]) * 1000 for key in sent for seen in listener.seen[kind].get(key, [])]
    missing = sum(1 for key in sent if key not in listener.seen[kind])
    return values, missing


async def _wait_for(system: System, total_sent: int, timeout: float) -> None:
    """Until the worker has finished (extracted or dead-lettered) every article sent so far."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (await system.progress(_NO_COUNTER))[0] < total_sent:
        await asyncio.sleep(0.2)
    await asyncio.sleep(0.5)  # the consumer here sees the last events a moment after they are produced


async def _ready_worker(
    bootstrap: str, raw: str, partitions: int, workdir: Path, log: Callable[[str], None], root: Path | None
) -> System:
    """A ready worker on `raw`, run from the checkout `root` (this one by default); a second try when the first
    does not get ready (its log is kept in workdir)."""
    for attempt in (1, 2):
        system = await start_marsad(bootstrap, raw, 1, partitions, workdir, root=root)
        if await asyncio.to_thread(system.wait_ready, 90.0):
            return system
        system.stop()
        await delete_topics(bootstrap, system.sink_topics)
        log(f"latency worker not ready after 90 s (attempt {attempt}); see the worker logs")
    raise RuntimeError("the latency worker did not become ready twice")


async def latency_sweep(
    bootstrap: str,
    texts: list[str],
    capacity: float,
    fractions: list[float],
    seconds: float,
    workdir: Path,
    log: Callable[[str], None],
    partitions: int = 4,
    warmup_seconds: float = 5.0,
    root: Path | None = None,
) -> list[dict[str, Any]]:
    raw = unique("lat-raw")
    await create_topics(bootstrap, [raw], partitions)
    system = await _ready_worker(bootstrap, raw, partitions, workdir, log, root)
    topics = dict(zip(("normalized", "events", "deadletter"), system.sink_topics, strict=True))
    listener = Listener(bootstrap, {"normalized": topics["normalized"], "events": topics["events"]}, partitions)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0, max_request_size=MAX_BYTES)
    results: list[dict[str, Any]] = []
    try:
        await listener.start()
        await producer.start()
        warm: dict[bytes, float] = {}
        warm_rate = max(capacity * min(fractions), 1.0)
        await paced_publish(
            producer, raw, _payloads(texts, "warm", int(warm_rate * warmup_seconds) + 1), warm_rate, warm
        )
        total_sent = len(warm)
        await _wait_for(system, total_sent, 120)
        for fraction in fractions:
            rate = max(capacity * fraction, 1.0)
            sent: dict[bytes, float] = {}
            load_before = load_average()
            payloads = _payloads(texts, f"{int(fraction * 100)}", max(int(rate * seconds), 10))
            lateness = await paced_publish(producer, raw, payloads, rate, sent)
            total_sent += len(sent)
            await _wait_for(system, total_sent, 120)
            events, events_missing = _latencies(listener, "events", sent)
            normalized, norm_missing = _latencies(listener, "normalized", sent)
            row: dict[str, Any] = {
                "fraction": fraction,
                "offered_per_s": rate,
                "articles": len(sent),
                "publisher_worst_lateness_ms": lateness * 1000,
                "event_ms": distribution(events),
                "articles_without_event": events_missing,
                "normalized_ms": distribution(normalized),
                "articles_not_normalized": norm_missing,
                "loadavg_before": list(load_before),
                "loadavg_after": list(load_average()),
            }
            results.append(row)
            log(
                f"latency at {fraction:.0%} ({rate:.0f}/s): event p50 {row['event_ms']['p50']:.1f} ms "
                f"p99 {row['event_ms']['p99']:.1f} ms (n={len(events)}), normalized p99 "
                f"{row['normalized_ms']['p99']:.1f} ms"
            )
    finally:
        await producer.stop()
        await listener.stop()
        system.stop()
        await delete_topics(bootstrap, [raw, *system.sink_topics])
    return results
