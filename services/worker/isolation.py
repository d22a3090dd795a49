"""Run the pure stages in a child process with a time bound per message.

The stages are CPU-bound Python. Run on the event loop, one slow message (the extractor needs ~90 s for
one 200,000-character sentence full of actors and triggers) blocks the loop: no heartbeats, so the group
coordinator expels the worker after the session timeout, the partition is reassigned, the message is
replayed, and the pipeline never gets past it. In a child process the loop stays free, and a message that
exceeds `timeout` seconds is abandoned (the child is killed and replaced) and dead-lettered as a
processing error: bounded time per message, whatever the input.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import TypeVar

from schemas.deadletter import DeadLetterReason
from schemas.outcome import Rejection
from services.worker.stages import StageLimits

log = logging.getLogger("marsad.worker.isolation")

ResultT = TypeVar("ResultT")
StageFn = Callable[[bytes | None, StageLimits], ResultT | Rejection]


def _exit_with_parent(parent: int) -> None:
    """Runs in the child at start: exit as soon as the worker is gone.

    A ProcessPoolExecutor child holds both ends of its call queue, so it never sees EOF when the worker
    dies without closing the pool (SIGKILL, OOM): it would wait forever as an orphan. A watchdog thread
    notices the re-parenting within a second.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def guarded(fn: StageFn[ResultT], value: bytes | None, limits: StageLimits) -> ResultT | Rejection:
    """Runs in the child: any exception of the pure code is this message's processing error."""
    try:
        return fn(value, limits)
    except Exception as exc:
        return Rejection(DeadLetterReason.PROCESSING_ERROR, f"{type(exc).__name__}: {exc}"[:500])


class StageRunner:
    """One child process ('spawn': no inherited event loop, threads or sockets), replaced when it must die."""

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._pool: ProcessPoolExecutor | None = None

    def _ensure_pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
        return self._pool

    async def run(self, fn: StageFn[ResultT], value: bytes | None, limits: StageLimits) -> ResultT | Rejection:
        pool = self._ensure_pool()
        call: Callable[[], ResultT | Rejection] = partial(guarded, fn, value, limits)
        future = asyncio.get_running_loop().run_in_executor(pool, call)
        try:
            return await asyncio.wait_for(future, self._timeout)
        except TimeoutError:
            log.error("stage exceeded %.0f s; child process killed, message dead-lettered", self._timeout)
            self.close(kill=True)
            return Rejection(
                DeadLetterReason.PROCESSING_ERROR, f"processing took longer than {self._timeout:.0f} s; abandoned"
            )
        except BrokenProcessPool as exc:  # the child died under this message (e.g. out of memory)
            log.error("stage process died: %s", exc)
            self.close(kill=True)
            return Rejection(DeadLetterReason.PROCESSING_ERROR, f"the stage process died: {exc}"[:500])

    def close(self, kill: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if kill:
            # ProcessPoolExecutor cannot cancel a running call; killing its process is the only way out.
            for process in list(getattr(pool, "_processes", {}).values()):
                process.kill()
        pool.shutdown(wait=not kill, cancel_futures=True)
