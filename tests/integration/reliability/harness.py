"""Fault-injection harness: generated Arabic articles, real `marsad worker` processes, and the accounting.

The accounting rule every test applies: each raw message (topic, partition, offset) ends up as a
normalised article (by article_id) or as a dead letter (by source partition/offset), never neither; an
output that appears more than once must have been emitted before the fault (at-least-once replay).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from aiokafka.errors import KafkaError

from schemas import DeadLetter, DiplomaticEvent, NormalizedArticle, RawArticle
from schemas.raw import IngestMetadata
from services.commands.subprocesses import spawn_marsad, wait_http_ok
from services.kafkaio.topics import ensure_topics, topic_partitions
from services.localkafka.config import free_port
from services.settings import Settings
from services.worker.stages import StageLimits, process_raw
from tests.integration.kafka_helpers import reading_consumer, worker_env

REPO_ROOT = Path(__file__).resolve().parents[3]

COUNTRIES = ("إيران", "روسيا", "تركيا", "مصر", "قطر", "الصين", "أذربيجان", "تركمانستان", "العراق", "الأردن")
CITIES = ("طهران", "موسكو", "أنقرة", "القاهرة", "الدوحة", "بكين", "باكو", "عشق آباد", "بغداد", "عمّان")
DAYS = ("الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت")
MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر")
TEMPLATES = (
    "أجرى وزير خارجية {a} اتصالاً هاتفياً مع نظيره في {b} يوم {day} {n} {month} 2024، "
    "وبحث الجانبان العلاقات الثنائية وسبل تعزيزها.",
    "استقبل رئيس {a} في {city} سفير {b} يوم {day}، وأكد الطرفان أهمية التعاون الاقتصادي بين البلدين.",
    "أعلنت حكومة {a} في {n} {month} أنها ستوقع اتفاقية تجارية مع {b} خلال الشهر المقبل في {city}.",
    "زار وفد رسمي من {a} مدينة {city} يوم {day} والتقى مسؤولين من {b} لبحث ملف الطاقة.",
    "دانت وزارة الخارجية في {a} يوم {day} تصريحات مسؤول في {b}، واستدعت القائم بالأعمال في {city}.",
)


def article_text(i: int) -> str:
    a, b = COUNTRIES[i % 10], COUNTRIES[(i * 7 + 3) % 10]
    if a == b:
        b = COUNTRIES[(i + 1) % 10]
    first = TEMPLATES[i % len(TEMPLATES)]
    second = TEMPLATES[(i // len(TEMPLATES) + 2) % len(TEMPLATES)]
    values = {
        "a": a,
        "b": b,
        "city": CITIES[(i * 3) % 10],
        "day": DAYS[i % 7],
        "n": 1 + i % 28,
        "month": MONTHS[i % 10],
    }
    return first.format(**values) + "\n" + second.format(**{**values, "a": b, "b": a})


def raw_article(article_id: str, text: str, i: int = 0) -> RawArticle:
    fetched = datetime(2024, 3, 1, tzinfo=UTC) + timedelta(minutes=i)
    return RawArticle(
        article_id=article_id,
        source="reliability",
        title=f"خبر رقم {i}",
        text=text,
        fetched_at=fetched,
        published_at=fetched - timedelta(hours=1),
        ingest=IngestMetadata(channel="cli"),
    )


def articles(run: str, count: int, start: int = 0) -> list[tuple[bytes, bytes]]:
    """`count` valid raw articles as (key, value) pairs; ids rel-<run>-<n>."""
    out = []
    for i in range(start, start + count):
        article = raw_article(f"rel-{run}-{i:05d}", article_text(i), i)
        out.append((article.article_id.encode(), article.model_dump_json().encode()))
    return out


@dataclass(frozen=True)
class Expected:
    """What the worker must emit for some raw messages, computed offline with the same pure code."""

    event_ids: set[str]
    extract_rejected: set[str]  # article ids the extract stage dead-letters (e.g. too many events)
    by_article: dict[str, set[str]] = field(default_factory=dict)  # event ids per normalised article id


def expected_outputs(settings: Settings, messages: list[tuple[bytes, bytes]]) -> Expected:
    limits = StageLimits(settings.max_message_bytes, settings.max_text_chars, settings.max_events_per_article)
    rejected: set[str] = set()
    by_article: dict[str, set[str]] = {}
    for key, value in messages:
        result = process_raw(value, limits)
        if result.normalized is None:
            continue
        if result.rejection is None:
            events = {DiplomaticEvent.model_validate_json(event).event_id for event in result.events}
            by_article[key.decode()] = events
        else:
            rejected.add(key.decode())
    return Expected(set().union(*by_article.values()), rejected, by_article)


def expected_in_fresh_process(settings: Settings, messages: list[tuple[bytes, bytes]], work: Path) -> Expected:
    """`expected_outputs` in a new interpreter: the code the worker started last runs, not the code this
    test process imported (the extractor changes often while colleagues work)."""
    source = work / "expected-input.json"
    source.write_text(json.dumps([[k.hex(), v.hex()] for k, v in messages]), encoding="utf-8")
    script = (
        "import json, sys\n"
        "from services.settings import Settings\n"
        "from tests.integration.reliability.harness import expected_outputs\n"
        "settings = Settings.model_validate_json(sys.argv[2])\n"
        "pairs = [(bytes.fromhex(k), bytes.fromhex(v)) for k, v in json.load(open(sys.argv[1]))]\n"
        "e = expected_outputs(settings, pairs)\n"
        "print(json.dumps([sorted(e.extract_rejected), {k: sorted(v) for k, v in e.by_article.items()}]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(source), settings.model_dump_json()],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO_ROOT,
    )
    rejected, by_article = json.loads(result.stdout.strip().splitlines()[-1])
    events = {article: set(ids) for article, ids in by_article.items()}
    return Expected(set().union(*events.values()), set(rejected), events)


def assert_extracted(out: Outputs, expected: Expected) -> None:
    """Every event the extractor gives for these articles is on the events topic (deduplicated by id)."""
    missing = expected.event_ids - set(out.events)
    assert not missing, f"{len(missing)} of {len(expected.event_ids)} expected events missing"
    assert expected.extract_rejected <= {d.original_key for d in out.dead if d.stage == "extract"}


# --------------------------------------------------------------------------------------------- outputs


@dataclass
class Outputs:
    normalized: list[str] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    event_articles: dict[str, str] = field(default_factory=dict)
    #: Broker timestamp (ms, producer CreateTime) of the first copy of each output, keyed by its dedup key.
    first_ms: dict[tuple[str, object], int] = field(default_factory=dict)

    def first_seen(self, kind: str, key: object) -> int:
        return self.first_ms[(kind, key)]

    @property
    def normalized_ids(self) -> set[str]:
        return set(self.normalized)

    @property
    def dead_offsets(self) -> set[tuple[int, int]]:
        return {(letter.source_partition, letter.source_offset) for letter in self.dead if letter.stage == "normalize"}

    @property
    def accounted(self) -> int:
        return len(self.normalized_ids) + len(self.dead_offsets)

    def duplicates(self) -> Duplicates:
        dead = Counter((d.source_partition, d.source_offset) for d in self.dead)
        return Duplicates(
            normalized={k for k, n in Counter(self.normalized).items() if n > 1},
            dead={k for k, n in dead.items() if n > 1},
            events={k for k, n in Counter(self.events).items() if n > 1},
        )


@dataclass(frozen=True)
class Duplicates:
    normalized: set[str]
    dead: set[tuple[int, int]]
    events: set[str]


async def _snapshot(settings: Settings) -> Outputs:
    """Everything currently in the output topics (read up to the end offsets of the moment)."""
    topics = [settings.topic_normalized, settings.topic_deadletter, settings.topic_events]
    consumer = reading_consumer(settings)
    await consumer.start()
    out = Outputs()
    try:
        partitions = await topic_partitions(settings, topics)
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        ends = await consumer.end_offsets(partitions)
        remaining = {tp for tp in partitions if ends[tp] > 0}
        while remaining:
            for tp, records in (await consumer.getmany(*remaining, timeout_ms=1000)).items():
                for record in records:
                    if record.value is None:
                        continue
                    key: tuple[str, object]
                    if tp.topic == settings.topic_normalized:
                        article_id = NormalizedArticle.model_validate_json(record.value).article_id
                        out.normalized.append(article_id)
                        key = ("normalized", article_id)
                    elif tp.topic == settings.topic_deadletter:
                        letter = DeadLetter.model_validate_json(record.value)
                        out.dead.append(letter)
                        key = ("dead", (letter.source_partition, letter.source_offset))
                    else:
                        event = DiplomaticEvent.model_validate_json(record.value)
                        out.events.append(event.event_id)
                        out.event_articles[event.event_id] = event.article_id
                        key = ("events", event.event_id)
                    out.first_ms[key] = min(out.first_ms.get(key, record.timestamp), record.timestamp)
            remaining = {tp for tp in remaining if await consumer.position(tp) < ends[tp]}
    finally:
        await consumer.stop()
    return out


def snapshot(settings: Settings) -> Outputs:
    return asyncio.run(_snapshot(settings))


def wait_for_outputs(
    settings: Settings, done: Callable[[Outputs], bool], timeout: float, workers: list[Worker] | None = None
) -> Outputs:
    """Poll the output topics until `done` holds (or the timeout passes: the caller's asserts then fail)."""
    deadline = time.monotonic() + timeout
    out = _snapshot_when_reachable(settings, deadline)
    while not done(out) and time.monotonic() < deadline:
        for worker in workers or []:
            assert worker.alive(), f"{worker.name} died:\n{worker.log_tail()}"
        time.sleep(1.0)
        out = _snapshot_when_reachable(settings, deadline)
    return out


def _snapshot_when_reachable(settings: Settings, deadline: float) -> Outputs:
    """A snapshot; right after a broker fault this test's own client may not connect at once: try again."""
    while True:
        try:
            return snapshot(settings)
        except KafkaError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(1.0)


# --------------------------------------------------------------------------------------------- workers


@dataclass
class Worker:
    name: str
    settings: Settings
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.worker_web_port}"

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, chars: int = 4000) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.base_url + path, timeout=5) as response:
            return str(response.read().decode())

    def metric(self, name: str, **labels: str) -> float:
        return metric_value(self.get("/metrics"), name, **labels)

    def ready(self) -> dict[str, object]:
        try:
            body: dict[str, object] = json.loads(self.get("/readyz"))
        except Exception as exc:  # 503 while rebalancing
            body = {"ready": False, "error": str(exc)}
        return body

    def last_assignment_at(self) -> float:
        """Epoch seconds of the worker's last partition assignment (from its JSON log), 0.0 if none.

        At an assignment Faust seeks to the committed offsets, so outputs written before it may be replayed.
        """
        last = 0.0
        for line in self.log_path.read_text(encoding="utf-8", errors="replace").splitlines():
            if "Executing _on_partitions_assigned" in line:
                with suppress(ValueError):
                    last = datetime.fromisoformat(json.loads(line)["ts"]).timestamp()
        return last

    def partitions_of(self, topic: str) -> list[str]:
        """The partitions of `topic` this worker holds, from /readyz (empty while rebalancing)."""
        held = self.ready().get("assigned_partitions")
        return [str(p) for p in held if str(p).startswith(topic + ":")] if isinstance(held, list) else []

    def rss_mb(self) -> float:
        """Resident memory of the worker and its stage child processes, in MB."""
        return sum(_rss_kb(pid) for pid in _process_tree(self.process.pid)) / 1024

    def kill9(self) -> None:
        children = _process_tree(self.process.pid)[1:]
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        _assert_exited(children)

    def terminate(self, grace: float) -> tuple[int | None, float]:
        """SIGTERM; wait up to `grace` s for a clean exit; SIGKILL after. Returns (returncode, seconds)."""
        children = _process_tree(self.process.pid)[1:]
        started = time.monotonic()
        os.kill(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        seconds = time.monotonic() - started
        _assert_exited(children)
        return self.process.returncode, seconds

    def wait_processed(self, stage: str, at_least: float, timeout: float) -> float:
        """Wait until this worker emitted `at_least` outputs (normalised + dead letters) in `stage`."""
        deadline = time.monotonic() + timeout
        done = 0.0
        while time.monotonic() < deadline:
            assert self.alive(), f"{self.name} died:\n{self.log_tail()}"
            text = self.get("/metrics")
            done = metric_value(text, "marsad_messages_produced_total", stage=stage)
            if done >= at_least:
                break
            time.sleep(0.2)
        return done


def _process_tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with suppress(OSError):
            pids += [child for text in (task / "children").read_text().split() for child in _process_tree(int(text))]
    return pids


def _assert_exited(pids: list[int], timeout: float = 15.0) -> None:
    """The worker's stage processes must not outlive it (they are killed here if they do)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(_rss_kb(pid) for pid in pids):
        time.sleep(0.2)
    survivors = [pid for pid in pids if _rss_kb(pid)]
    for pid in survivors:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert not survivors, f"stage processes {survivors} outlived their worker"


def _rss_kb(pid: int) -> int:
    with suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def metric_value(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if not (line.startswith(name + "{") or line.startswith(name + " ")):
            continue
        if all(f'{key}="{value}"' in line for key, value in labels.items()):
            total += float(line.rsplit(" ", 1)[1])
    return total


class Workers:
    """Starts named worker processes for one test and always stops them (SIGKILL after 20 s)."""

    def __init__(self, settings: Settings, tmp_path: Path) -> None:
        self.settings = settings
        self.tmp_path = tmp_path
        self.started: list[Worker] = []

    def start(self, name: str, extra_env: dict[str, str] | None = None, ready_timeout: float = 120) -> Worker:
        settings = self.settings.model_copy(update={"worker_web_port": free_port(), "worker_name": name})
        log_path = self.tmp_path / f"{name}.log"
        env = {**worker_env(settings, self.tmp_path / name), **(extra_env or {})}
        process = spawn_marsad(["worker"], env, log_path)
        worker = Worker(name, settings, process, log_path)
        self.started.append(worker)
        if not wait_http_ok(f"{worker.base_url}/readyz", ready_timeout, process):
            raise AssertionError(f"{name} not ready; log:\n{worker.log_tail()}")
        return worker

    def stop_all(self) -> None:
        for worker in self.started:
            if worker.alive():
                worker.terminate(20)


@contextmanager
def worker_pool(settings: Settings, tmp_path: Path) -> Iterator[Workers]:
    asyncio.run(ensure_topics(settings))
    pool = Workers(settings, tmp_path)
    try:
        yield pool
    finally:
        pool.stop_all()


def assert_accounted(
    raw: list[tuple[bytes, bytes]], bad_keys: set[str], out: Outputs, fault_at: float | None = None
) -> None:
    """Nothing lost: each good article normalised, each bad one dead-lettered.

    Duplicates are allowed only as replays: the first copy of a duplicated output was written before
    `fault_at` (epoch seconds; None: no duplicates at all). A duplicated event may also come from a
    replayed article (extract saw two copies of it), so its article's first copy must predate the fault.
    """
    good = {key.decode() for key, _ in raw} - bad_keys
    assert out.normalized_ids == good, f"missing {sorted(good - out.normalized_ids)[:10]}"
    letters = [d for d in out.dead if d.stage == "normalize"]
    unexpected = [(d.original_key, d.reason, d.message) for d in letters if d.original_key not in bad_keys]
    assert not unexpected, f"good messages dead-lettered: {unexpected[:5]}"
    assert {letter.original_key for letter in letters} == bad_keys
    assert out.accounted == len(raw)
    duplicates = out.duplicates()
    limit_ms = -1 if fault_at is None else int(fault_at * 1000)
    late = [k for k in duplicates.normalized if out.first_seen("normalized", k) > limit_ms]
    late += [str(k) for k in duplicates.dead if out.first_seen("dead", k) > limit_ms]
    for event_id in duplicates.events:
        article = out.event_articles[event_id]
        if out.first_seen("events", event_id) > limit_ms and out.first_seen("normalized", article) > limit_ms:
            late.append(event_id)
    assert not late, f"{len(late)} duplicates of outputs first written after the fault: {late[:5]}"


def report(name: str, **values: object) -> None:
    """Measured numbers for docs/reliability.md: printed (pytest -s) and appended to a JSON-lines file."""
    line = json.dumps({"test": name, **values}, ensure_ascii=False, default=str)
    print(line)
    target = os.environ.get("MARSAD_RELIABILITY_REPORT")
    if target:
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(line + "\n")
