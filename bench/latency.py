"""Latency from publish to event at fixed offered loads (fractions of the measured capacity).

One Marsad worker runs on a fresh, empty raw topic. A paced, open-loop publisher sends 4 KB articles at
the offered rate; each message carries its publish time (wall clock, ns) in the `bench-sent-ns` header, and
the same time is kept here by article_id, because the worker keys every output by article_id but does not
forward headers. A consumer in the same process reads the normalized and events topics and stamps the
time each message is seen there. Latency = seen - published, per event (and per normalized article).

The offered loads are fractions of the measured capacity (which moves from run to run) and, to compare runs
like with like, fixed rates in articles/s.
"""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from functools import partial
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
    producer: AIOKafkaProducer,
    topic: str,
    payloads: list[tuple[bytes, bytes]],
    rate: float,
    sent: dict[bytes, float],
    acked: dict[bytes, float] | None = None,
) -> float:
    """Open loop: message i goes out at start + i/rate (never waiting on acks); returns the worst lateness (s).
    With `acked`, the time the broker acknowledged each message is kept there too."""
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
        future = await producer.send(topic, key=key, value=value, headers=[("bench-sent-ns", str(now_ns).encode())])
        if acked is not None:
            future.add_done_callback(partial(_stamp, acked, key))
    await producer.flush()
    return worst


def _stamp(acked: dict[bytes, float], key: bytes, _: object) -> None:
    acked[key] = time.time()


def article_payloads(texts: list[str], tag: str, count: int) -> list[tuple[bytes, bytes]]:
    out = []
    for i in range(count):
        article = make_article(f"bench-lat-{tag}-{i:06d}", texts[i % len(texts)])
        out.append((article.article_id.encode(), article.model_dump_json(exclude_none=True).encode()))
    return out


def _latencies(listener: Listener, kind: str, sent: dict[bytes, float]) -> tuple[list[float], int]:
    values = [(seen - sent[key]) * 1000 for key in sent for seen in listener.seen[kind].get(key, [])]
    missing = sum(1 for key in sent if key not in listener.seen[kind])
    return values, missing


async def wait_for(system: System, total_sent: int, timeout: float) -> None:
    """Until the worker has finished (extracted or dead-lettered) every article sent so far."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and (await system.progress(_NO_COUNTER))[0] < total_sent:
        await asyncio.sleep(0.2)
    await asyncio.sleep(0.5)  # the consumer here sees the last events a moment after they are produced


async def ready_worker(
    bootstrap: str,
    raw: str,
    partitions: int,
    workdir: Path,
    log: Callable[[str], None],
    root: Path | None,
    env: dict[str, str] | None = None,
) -> System:
    """A ready worker on `raw`, run from the checkout `root` (this one by default) with `env` added to its
    settings; a second try when the first does not get ready (its log is kept in workdir)."""
    for attempt in (1, 2):
        system = await start_marsad(bootstrap, raw, 1, partitions, workdir, env, root=root)
        if await asyncio.to_thread(system.wait_ready, 90.0):
            return system
        system.stop()
        await delete_topics(bootstrap, system.sink_topics)
        log(f"latency worker not ready after 90 s (attempt {attempt}); see the worker logs")
    raise RuntimeError("the latency worker did not become ready twice")


@dataclass(frozen=True, slots=True)
class Load:
    """One offered load: a fraction of the measured capacity, or a fixed rate (then `fraction` is None)."""

    rate: float
    fraction: float | None = None

    @property
    def label(self) -> str:
        return f"{self.fraction:.0%}" if self.fraction is not None else f"{self.rate:.0f}/s"


def loads(capacity: float, fractions: list[float], rates: list[float]) -> list[Load]:
    return [Load(max(capacity * f, 1.0), f) for f in fractions] + [Load(rate) for rate in rates]


@dataclass
class Measured:
    """What one offered load produced: publish and acknowledgement times by key, and the row of the table."""

    sent: dict[bytes, float] = field(default_factory=dict)
    acked: dict[bytes, float] = field(default_factory=dict)
    row: dict[str, Any] = field(default_factory=dict)


async def measure_load(
    system: System,
    producer: AIOKafkaProducer,
    listener: Listener,
    raw: str,
    texts: list[str],
    load: Load,
    seconds: float,
    total_sent: int,
) -> Measured:
    """Publish `load` for `seconds`, wait until the worker finished it (it had finished `total_sent` before)."""
    measured = Measured()
    load_before = load_average()
    tag = load.label.replace("%", "pct").replace("/s", "ps")
    payloads = article_payloads(texts, tag, max(int(load.rate * seconds), 10))
    lateness = await paced_publish(producer, raw, payloads, load.rate, measured.sent, measured.acked)
    await wait_for(system, total_sent + len(measured.sent), 120)
    events, events_missing = _latencies(listener, "events", measured.sent)
    normalized, norm_missing = _latencies(listener, "normalized", measured.sent)
    measured.row = {
        "load": load.label,
        "fraction": load.fraction,
        "offered_per_s": load.rate,
        "articles": len(measured.sent),
        "publisher_worst_lateness_ms": lateness * 1000,
        "event_ms": distribution(events),
        "articles_without_event": events_missing,
        "normalized_ms": distribution(normalized),
        "articles_not_normalized": norm_missing,
        "loadavg_before": list(load_before),
        "loadavg_after": list(load_average()),
    }
    return measured


@dataclass
class Rig:
    """A ready worker on `raw` with a producer into it and a listener on its outputs; `sent` counts what was
    published so far (the warm-up first)."""

    system: System
    producer: AIOKafkaProducer
    listener: Listener
    sent: int


@asynccontextmanager
async def warm_rig(
    bootstrap: str,
    raw: str,
    partitions: int,
    workdir: Path,
    log: Callable[[str], None],
    root: Path | None,
    texts: list[str],
    warm_rate: float,
    warmup_seconds: float,
    env: dict[str, str] | None = None,
) -> AsyncIterator[Rig]:
    """The worker started and warmed up (`warmup_seconds` at `warm_rate`, every warm article through), then
    everything stopped and the topics deleted."""
    system = await ready_worker(bootstrap, raw, partitions, workdir, log, root, env)
    topics = dict(zip(("normalized", "events", "deadletter"), system.sink_topics, strict=True))
    listener = Listener(bootstrap, {"normalized": topics["normalized"], "events": topics["events"]}, partitions)
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", linger_ms=0, max_request_size=MAX_BYTES)
    try:
        await listener.start()
        await producer.start()
        warm: dict[bytes, float] = {}
        await paced_publish(
            producer, raw, article_payloads(texts, "warm", int(warm_rate * warmup_seconds) + 1), warm_rate, warm
        )
        await wait_for(system, len(warm), 120)
        yield Rig(system, producer, listener, len(warm))
    finally:
        await producer.stop()
        await listener.stop()
        system.stop()
        await delete_topics(bootstrap, [raw, *system.sink_topics])


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
    rates: list[float] | None = None,
) -> list[dict[str, Any]]:
    """One row per offered load: the `fractions` of `capacity`, then the fixed `rates` (articles/s)."""
    raw = unique("lat-raw")
    await create_topics(bootstrap, [raw], partitions)
    offered = loads(capacity, fractions, rates or [])
    results: list[dict[str, Any]] = []
    warm_rate = min(load.rate for load in offered)
    async with warm_rig(bootstrap, raw, partitions, workdir, log, root, texts, warm_rate, warmup_seconds) as rig:
        for load in offered:
            measured = await measure_load(rig.system, rig.producer, rig.listener, raw, texts, load, seconds, rig.sent)
            rig.sent += len(measured.sent)
            row = measured.row
            results.append(row)
            log(
                f"latency at {load.label} ({load.rate:.0f}/s): event p50 {row['event_ms']['p50']:.1f} ms "
                f"p99 {row['event_ms']['p99']:.1f} ms (n={row['event_ms']['n']:.0f}), normalized p99 "
                f"{row['normalized_ms']['p99']:.1f} ms"
            )
    return results
