"""The three systems under test as real processes: Marsad workers, the no-op Faust agent, the aiokafka loop.

Each `System` knows its processes (for /proc accounting), the topics it writes, and how to count the
articles it has finished and the events it has put out.
"""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bench.kafka_ops import OffsetCounter, create_topics, unique
from services.commands.subprocesses import spawn_marsad, stop_process, wait_http_ok
from services.localkafka.config import free_port

REPO = Path(__file__).resolve().parents[1]
_SPAWNED: list[subprocess.Popen[bytes]] = []  # every child, so an interrupted run can still stop them all


def stop_all() -> None:
    """Stop every process this run started that is still running (SIGTERM, then SIGKILL after a grace)."""
    for process in _SPAWNED:
        stop_process(process, grace=10.0)
    _SPAWNED.clear()


@dataclass
class System:
    name: str
    bootstrap: str
    processes: list[subprocess.Popen[bytes]]
    sink_topics: list[str]  # every topic it writes (deleted afterwards)
    done_topic: str = ""  # for ceilings: one output message == one finished article
    metrics_urls: list[str] = field(default_factory=list)  # for Marsad: finished articles come from /metrics
    started: float = field(default_factory=time.monotonic)  # when its processes were spawned
    article_topics: list[str] = field(default_factory=list)  # Marsad: one message per article (normalised or dead)

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.processes]

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.processes)

    async def progress(self, counter: OffsetCounter) -> tuple[int, int]:
        """(articles finished, events out)."""
        if not self.metrics_urls:
            done = await counter.count(self.done_topic)
            return done, done
        articles = events = 0
        # Finished = extracted (one extract observation per article that normalised, in the worker's single
        # stage child) or dead-lettered before extraction (stage normalize, which includes timeouts).
        for url in self.metrics_urls:
            text = _get(url)
            articles += int(_metric(text, "marsad_stage_duration_seconds_count", 'stage="extract"'))
            articles += int(_metric(text, "marsad_dead_letters_total", 'stage="normalize"'))
            events += int(_metric(text, "marsad_messages_produced_total", 'output="events"'))
        return articles, events

    def wait_ready(self, timeout: float = 120.0) -> bool:
        return all(
            wait_http_ok(url.replace("/metrics", "/readyz"), timeout, process)
            for url, process in zip(self.metrics_urls, self.processes, strict=False)
        )

    def stop(self) -> None:
        for process in self.processes:
            stop_process(process, grace=15.0)


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode()
    except OSError:
        return ""


def _metric(text: str, name: str, label: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") and label in line:
            total += float(line.rsplit(" ", 1)[1])
    return total


def marsad_topics() -> dict[str, str]:
    return {kind: unique(kind) for kind in ("normalized", "events", "deadletter")}


async def start_marsad(
    bootstrap: str,
    raw_topic: str,
    workers: int,
    partitions: int,
    workdir: Path,
    extra_env: dict[str, str] | None = None,
    name: str = "",
    root: Path | None = None,
) -> System:
    """`workers` Marsad workers in one consumer group over `raw_topic`, run from the checkout `root` (this
    one by default)."""
    topics = marsad_topics()
    await create_topics(bootstrap, list(topics.values()), partitions)
    group = unique("marsad")
    processes: list[subprocess.Popen[bytes]] = []
    urls: list[str] = []
    for index in range(workers):
        port = free_port()
        env = {
            "KAFKA_BOOTSTRAP_SERVERS": bootstrap,
            "MARSAD_TOPIC_RAW": raw_topic,
            "MARSAD_TOPIC_NORMALIZED": topics["normalized"],
            "MARSAD_TOPIC_EVENTS": topics["events"],
            "MARSAD_TOPIC_DEADLETTER": topics["deadletter"],
            "MARSAD_TOPIC_PARTITIONS": str(partitions),
            "MARSAD_WORKER_ID": group,
            "MARSAD_WORKER_NAME": f"bench-{index + 1}",
            "MARSAD_WORKER_WEB_PORT": str(port),
            "MARSAD_WORKER_DATA_DIR": str(workdir / f"{group}-{index}"),
            "MARSAD_LOG_FORMAT": "json",
            **(extra_env or {}),
        }
        processes.append(spawn_marsad(["worker"], env, workdir / f"{group}-{index}.log", cwd=root))
        _SPAWNED.append(processes[-1])
        urls.append(f"http://127.0.0.1:{port}/metrics")
    return System(
        name or f"marsad x{workers}",
        bootstrap,
        processes,
        list(topics.values()),
        metrics_urls=urls,
        article_topics=[topics["normalized"], topics["deadletter"]],
    )


def _spawn_module(module: str, args: list[str], log_path: Path) -> subprocess.Popen[bytes]:
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", module, *args],
            cwd=REPO,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    _SPAWNED.append(process)
    return process


async def start_noop(bootstrap: str, raw_topic: str, hops: int, partitions: int, workdir: Path) -> System:
    group, sink, mid = unique("noop"), unique("noop-out"), unique("noop-mid")
    await create_topics(bootstrap, [sink, mid] if hops == 2 else [sink], partitions)
    args = ["--bootstrap", bootstrap, "--group", group, "--source", raw_topic, "--sink", sink, "--hops", str(hops)]
    args += ["--mid", mid, "--partitions", str(partitions), "--web-port", str(free_port())]
    args += ["--data-dir", str(workdir / group)]
    process = _spawn_module("bench.noop_worker", args, workdir / f"{group}.log")
    sinks = [sink, mid] if hops == 2 else [sink]
    return System(f"faust no-op ({hops} hop)", bootstrap, [process], sinks, done_topic=sink)


async def start_client_loop(bootstrap: str, raw_topic: str, partitions: int, workdir: Path) -> System:
    group, sink = unique("client"), unique("client-out")
    await create_topics(bootstrap, [sink], partitions)
    args = ["--bootstrap", bootstrap, "--group", group, "--source", raw_topic, "--sink", sink]
    process = _spawn_module("bench.client_loop", args, workdir / f"{group}.log")
    return System("aiokafka loop", bootstrap, [process], [sink], done_topic=sink)
