"""Unit tests of the worker's reliability pieces: delivery retries, stage isolation, log flood control."""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Coroutine
from pathlib import Path
from typing import Any, cast

import pytest
from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError, NotLeaderForPartitionError
from faust.exceptions import ProducerSendError
from faust.transport.consumer import Consumer
from faust.types import TP
from prometheus_client import CollectorRegistry

from schemas.deadletter import DeadLetterReason, Stage
from services.localkafka.broker import pid_alive
from services.settings import Settings
from services.worker.app import FETCH_MAX_WAIT_MS, build_app, freeze_start_up_heap
from services.worker.delivery import Delivery, OutputRejected, RetryPolicy, is_permanent
from services.worker.isolation import StageRunner
from services.worker.logfilter import RepeatFilter
from services.worker.metrics import WorkerMetrics
from services.worker.stages import StageLimits, StageResult, process_batch

LIMITS = StageLimits(1024, 1000, 10)
REPO_ROOT = Path(__file__).resolve().parents[3]
FAST = RetryPolicy(first_backoff=0.001, max_backoff=0.002)


class FlakyTopic:
    """Fails the first `failures` sends (raising in send, or in the acknowledgement), then accepts."""

    def __init__(self, failures: int, error: Exception, in_ack: bool) -> None:
        self.failures = failures
        self.error = error
        self.in_ack = in_ack
        self.acked: list[bytes] = []

    async def send(self, *, key: bytes | None, value: bytes) -> Awaitable[Any]:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        if self.failures > 0:
            self.failures -= 1
            if not self.in_ack:
                raise self.error
            future.set_exception(self.error)
        else:
            self.acked.append(value)
            future.set_result(None)
        return future


def _delivery() -> tuple[Delivery, WorkerMetrics]:
    metrics = WorkerMetrics.create(CollectorRegistry())
    return Delivery(metrics, FAST), metrics


@pytest.mark.parametrize("in_ack", [False, True])
def test_transient_failures_are_retried_until_acknowledged(in_ack: bool) -> None:
    delivery, metrics = _delivery()
    topic = FlakyTopic(3, KafkaTimeoutError(), in_ack)
    asyncio.run(delivery.send(topic, "normalized", [(b"k", b"a"), (b"k", b"b")]))
    assert sorted(topic.acked) == [b"a", b"b"]
    assert metrics.send_retries.labels("normalized")._value.get() >= 2


def test_failed_acknowledgement_of_one_message_resends_only_that_one() -> None:
    delivery, _ = _delivery()
    topic = FlakyTopic(1, NotLeaderForPartitionError(), in_ack=True)
    asyncio.run(delivery.send(topic, "events", [(b"k", b"1"), (b"k", b"2"), (b"k", b"3")]))
    assert sorted(topic.acked) == [b"1", b"2", b"3"]


def test_a_record_the_broker_can_never_accept_is_rejected_not_retried_forever() -> None:
    delivery, _ = _delivery()
    wrapped = ProducerSendError("Error while sending")
    wrapped.__cause__ = MessageSizeTooLargeError()
    topic = FlakyTopic(1, wrapped, in_ack=False)
    with pytest.raises(OutputRejected) as caught:
        asyncio.run(delivery.send(topic, "normalized", [(b"k", b"x")]))
    assert caught.value.rejection.reason is DeadLetterReason.TOO_LARGE
    assert is_permanent(wrapped) and not is_permanent(KafkaTimeoutError())


def test_backoff_is_capped() -> None:
    policy = RetryPolicy(first_backoff=0.2, max_backoff=5.0)
    assert [policy.backoff(n) for n in (1, 2, 3, 10, 100)] == [0.2, 0.4, 0.8, 5.0, 5.0]


# Stage functions for the child process (module level: they are pickled by reference).
def echo_stage(value: bytes | None, limits: StageLimits) -> StageResult:
    """Spins forever on b"spin", raises on b"raise", echoes anything else."""
    if value == b"spin":
        while True:
            pass
    if value == b"raise":
        raise ZeroDivisionError("boom")
    return StageResult(normalized=(value or b"") + b"!")


def test_stage_runner_isolates_the_runaway_and_the_failing_message_of_a_batch() -> None:
    async def scenario() -> tuple[list[StageResult], list[StageResult]]:
        runner = StageRunner(timeout=3.0, stage=Stage.NORMALIZE)
        try:
            batch = await runner.run(echo_stage, [b"a", b"spin", b"c", b"raise", b"e"], LIMITS)
            after = await runner.run(echo_stage, [b"f"], LIMITS)  # a fresh child took over
        finally:
            runner.close(kill=True)
        return batch, after

    batch, after = asyncio.run(scenario())
    assert [r.normalized for r in batch] == [b"a!", None, b"c!", None, b"e!"]
    runaway, failed = batch[1].rejection, batch[3].rejection
    assert runaway is not None and runaway.reason is DeadLetterReason.PROCESSING_TIMEOUT
    assert "longer than 3 s" in runaway.message and batch[1].rejected_at is Stage.NORMALIZE
    assert failed is not None and failed.reason is DeadLetterReason.PROCESSING_ERROR
    assert failed.message == "ZeroDivisionError: boom"
    assert after[0].normalized == b"f!"


def test_a_call_queued_behind_a_runaway_is_sent_again_not_blamed() -> None:
    """Calls overlap (the next batch waits in the child's queue): when the child is killed for the runaway
    of the call before, the queued call's messages run again, including while that runaway is retried alone."""

    async def scenario() -> tuple[list[StageResult], list[StageResult]]:
        runner = StageRunner(timeout=3.0, stage=Stage.NORMALIZE)
        try:
            with_runaway = asyncio.create_task(runner.run(echo_stage, [b"spin", b"a"], LIMITS))
            behind = asyncio.create_task(runner.run(echo_stage, [b"b", b"c"], LIMITS))
            return await with_runaway, await behind
        finally:
            runner.close(kill=True)

    with_runaway, behind = asyncio.run(scenario())
    runaway = with_runaway[0].rejection
    assert runaway is not None and runaway.reason is DeadLetterReason.PROCESSING_TIMEOUT
    assert with_runaway[1].normalized == b"a!"
    assert [r.normalized for r in behind] == [b"b!", b"c!"]


def _record(msg: str) -> logging.LogRecord:
    return logging.LogRecord("aiokafka", logging.ERROR, __file__, 1, msg, ("x",), None)


def test_repeat_filter_lets_one_line_per_kind_through_per_interval() -> None:
    now = [0.0]
    repeat = RepeatFilter(interval=10.0, clock=lambda: now[0])
    passed = [repeat.filter(_record("Unable connect to node %s")) for _ in range(1000)]
    assert passed.count(True) == 1
    assert repeat.filter(_record("Unable to update metadata %s"))  # another kind of line
    now[0] = 10.5
    summary = _record("Unable connect to node %s")
    assert repeat.filter(summary)
    assert "999 similar lines suppressed" in summary.getMessage()


def test_stage_child_exits_when_the_worker_is_killed(tmp_path: Path) -> None:
    """SIGKILL the process that owns a StageRunner: its child must not live on as an orphan."""
    script = (
        "import asyncio, os, sys\n"
        "from services.worker.isolation import StageRunner\n"
        "from tests.unit.reliability.test_worker_units import LIMITS, echo_stage\n"
        "from schemas.deadletter import Stage\n"
        "runner = StageRunner(timeout=30.0, stage=Stage.NORMALIZE)\n"
        "asyncio.run(runner.run(echo_stage, [b'x'], LIMITS))\n"
        "print(' '.join(str(p) for p in runner._pool._processes), flush=True)\n"
        "sys.stdin.read()\n"
    )
    owner = subprocess.Popen(
        [sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO_ROOT, text=True
    )
    assert owner.stdout is not None
    children = [int(pid) for pid in owner.stdout.readline().split()]
    assert children
    owner.kill()
    owner.wait(timeout=10)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(pid_alive(pid) for pid in children):
        time.sleep(0.2)
    survivors = [pid for pid in children if pid_alive(pid)]
    for pid in survivors:
        os.kill(pid, signal.SIGKILL)
    assert not survivors, f"orphaned stage processes {survivors}"


def _collector_state_in(fn: Callable[[bytes | None], StageResult]) -> list[bool]:
    seen: list[bool] = []

    def stage(value: bytes | None, _limits: StageLimits) -> StageResult:
        seen.append(gc.isenabled())
        return fn(value)

    process_batch(stage, [b"a", b"b"], LIMITS)
    return seen


def test_a_batch_runs_with_the_collector_paused_and_restores_it() -> None:
    assert gc.isenabled()
    assert _collector_state_in(lambda value: StageResult(key=value)) == [False, False]
    assert gc.isenabled()
    gc.disable()
    try:
        assert _collector_state_in(lambda value: StageResult(key=value)) == [False, False]
        assert not gc.isenabled()  # paused by someone else: left paused
    finally:
        gc.enable()


def test_a_batch_that_raises_restores_the_collector() -> None:
    def fail(_value: bytes | None) -> StageResult:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        _collector_state_in(fail)
    assert gc.isenabled()


class TaskRecorder:
    """The part of `faust.App` that `freeze_start_up_heap` uses: it records the start-up task."""

    def __init__(self) -> None:
        self.tasks: list[Callable[[], Coroutine[Any, Any, None]]] = []

    def task(self, fn: Callable[[], Coroutine[Any, Any, None]]) -> Callable[[], Coroutine[Any, Any, None]]:
        self.tasks.append(fn)
        return fn


def test_the_worker_freezes_its_start_up_heap_once_it_runs() -> None:
    app = TaskRecorder()
    freeze_start_up_heap(app)  # type: ignore[arg-type]
    assert len(app.tasks) == 1
    gc.unfreeze()
    try:
        asyncio.run(app.tasks[0]())
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_full_stream_buffer_keeps_the_partition_in_the_fetch() -> None:
    """Faust's default takes the partition out of the fetch, and once all are out its fetch loop sleeps a
    second; the worker's consumer keeps fetching and lets a full buffer hold the fetch loop instead."""
    app = build_app(Settings(kafka_bootstrap_servers="127.0.0.1:9"), CollectorRegistry())
    consumer = cast(Consumer, app.consumer)
    tp = TP("marsad.articles.raw", 0)
    consumer._set_active_tps({tp})
    consumer.on_buffer_full(tp)
    assert tp in consumer._get_active_partitions()


def test_the_worker_consumer_asks_the_broker_to_answer_a_fetch_within_the_bound() -> None:
    """Faust builds the consumer with a 1.5 s fetch wait; a fetch of the assignor partition alone then held every
    raw partition back that long. Built here as the consumer thread builds it at start (no connection yet)."""
    app = build_app(Settings(kafka_bootstrap_servers="127.0.0.1:9"), CollectorRegistry())
    thread: Any = app.consumer._thread  # type: ignore[attr-defined]

    async def create() -> Any:
        return thread._create_worker_consumer(thread.transport)

    consumer = asyncio.run(create())
    assert consumer._fetch_max_wait_ms == FETCH_MAX_WAIT_MS < 1500
