"""Start, probe and stop a real local Kafka broker; reuse a configured one instead when there is one."""

from __future__ import annotations

import asyncio
import base64
import ctypes
import json
import logging
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from aiokafka import AIOKafkaClient

from services.localkafka.config import LOG4J2, free_port, server_properties
from services.localkafka.jars import ensure_jars

STATE_FILE = "broker.json"
_PR_SET_PDEATHSIG = 1


class BrokerError(RuntimeError):
    pass


async def _metadata_ok(bootstrap: str) -> bool:
    client = AIOKafkaClient(bootstrap_servers=bootstrap, request_timeout_ms=3000)
    aiokafka_log = logging.getLogger("aiokafka")
    level = aiokafka_log.level
    aiokafka_log.setLevel(logging.CRITICAL)  # "connection refused" is the expected answer while booting
    try:
        await client.bootstrap()
        metadata = await client.fetch_all_metadata()
        return bool(metadata.brokers())
    except Exception:
        return False
    finally:
        await client.close()
        aiokafka_log.setLevel(level)


def wait_until_ready(bootstrap: str, timeout: float = 90.0, process: subprocess.Popen[bytes] | None = None) -> float:
    """Block until a metadata request to `bootstrap` succeeds; return the seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if process is not None and process.poll() is not None:
            raise BrokerError(f"the Kafka process exited with code {process.returncode} before it was ready")
        if asyncio.run(_metadata_ok(bootstrap)):
            return time.monotonic() - started
        time.sleep(0.3)
    raise BrokerError(f"Kafka at {bootstrap} did not answer a metadata request within {timeout:.0f} s")


def _die_with_parent() -> None:
    """Runs in the child before exec: the JVM gets SIGTERM if the Python process that started it dies."""
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass
class LocalBroker:
    data_dir: Path
    heap_mb: int = 512
    max_message_bytes: int = 32 * 1024 * 1024
    detached: bool = False
    port: int = field(default_factory=free_port)
    controller_port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    start_seconds: float = 0.0
    #: SCRAM users (name -> password) for an extra SASL_PLAINTEXT listener on `sasl_port`; empty: none.
    scram_users: dict[str, str] = field(default_factory=dict)
    sasl_port: int = field(default_factory=free_port)

    @property
    def sasl_bootstrap(self) -> str:
        return f"127.0.0.1:{self.sasl_port}"

    @property
    def bootstrap(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "server.log"

    def _java(self, libs: Path, *args: str, heap: bool = False) -> list[str]:
        java = shutil.which("java")
        if java is None:
            raise BrokerError("java is not installed; the local Kafka broker needs Java >= 17")
        jvm = [f"-Xms{min(256, self.heap_mb)}m", f"-Xmx{self.heap_mb}m", "-XX:+UseSerialGC"] if heap else ["-Xmx256m"]
        log4j = f"-Dlog4j2.configurationFile={self.data_dir / 'log4j2.properties'}"
        return [java, *jvm, log4j, "-cp", f"{libs}/*", *args]

    def start(self, timeout: float = 90.0) -> str:
        started = time.monotonic()
        libs = ensure_jars()
        log_dir = self.data_dir / "kraft"
        (self.data_dir / "logs").mkdir(parents=True, exist_ok=True)
        (self.data_dir / "log4j2.properties").write_text(LOG4J2.format(log_file=self.log_file), encoding="utf-8")
        properties = self.data_dir / "server.properties"
        properties.write_text(
            server_properties(
                log_dir,
                self.port,
                self.controller_port,
                self.max_message_bytes,
                self.sasl_port if self.scram_users else None,
            ),
            encoding="utf-8",
        )
        if not (log_dir / "meta.properties").is_file():
            scram = [
                arg
                for name, password in self.scram_users.items()
                for mechanism in ("SCRAM-SHA-256", "SCRAM-SHA-512")
                for arg in ("--add-scram", f"{mechanism}=[name={name},password={password}]")
            ]
            fmt = subprocess.run(
                self._java(
                    libs, "kafka.tools.StorageTool", "format", "-t", _base64_uuid(), "-c", str(properties), *scram
                ),
                capture_output=True,
                text=True,
                check=False,
            )
            if fmt.returncode != 0:
                raise BrokerError(f"kafka-storage format failed: {fmt.stderr.strip()[-500:]}")
        with open(self.data_dir / "logs" / "stdout.log", "ab") as out:
            self.process = subprocess.Popen(
                self._java(libs, "kafka.Kafka", str(properties), heap=True),
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=None if self.detached else _die_with_parent,
            )
        try:
            wait_until_ready(self.bootstrap, timeout, self.process)
        except BaseException:
            self.stop()
            raise
        self.start_seconds = time.monotonic() - started
        self._write_state()
        return self.bootstrap

    def _write_state(self) -> None:
        assert self.process is not None
        state = {"pid": self.process.pid, "bootstrap": self.bootstrap, "data_dir": str(self.data_dir)}
        (self.data_dir / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")

    def stop(self, grace: float = 20.0) -> None:
        if self.process is not None:
            terminate_pid(self.process.pid, grace, self.process)
            self.process = None
        with suppress(FileNotFoundError):
            (self.data_dir / STATE_FILE).unlink()


def _base64_uuid() -> str:
    """A Kafka cluster id. One in 64 random ids starts with '-', which kafka-storage's argument parser
    takes for an option ("argument --cluster-id/-t: expected one argument"): draw again, as Kafka's
    own Uuid.randomUuid() does."""
    while True:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        if not cluster_id.startswith("-"):
            return cluster_id


def terminate_pid(pid: int, grace: float = 20.0, process: subprocess.Popen[bytes] | None = None) -> None:
    """SIGTERM, wait up to `grace` seconds, then SIGKILL: no orphaned JVMs."""
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _alive(pid, process):
            return
        time.sleep(0.1)
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    if process is not None:
        process.wait(timeout=10)


def _alive(pid: int, process: subprocess.Popen[bytes] | None) -> bool:
    return process.poll() is None if process is not None else pid_alive(pid)


def pid_alive(pid: int) -> bool:
    """True while `pid` runs; a zombie (exited, not yet reaped by its parent) counts as gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "State:\tZ" not in status


@contextmanager
def kafka_broker(bootstrap: str, data_dir: Path) -> Iterator[str]:
    """Yield a ready bootstrap address: the configured broker if `bootstrap` is set, else a local one."""
    if bootstrap:
        wait_until_ready(bootstrap, timeout=30)
        yield bootstrap
        return
    broker = LocalBroker(data_dir=data_dir)
    try:
        yield broker.start()
    finally:
        broker.stop()
