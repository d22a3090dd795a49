"""Run the pure stages in a child process with a time bound per message.

The stages are CPU-bound Python. Run on the event loop, one slow message (the extractor needs ~90 s for
one 200,000-character sentence full of actors and triggers) blocks the loop: no heartbeats, so the group
coordinator expels the worker after the session timeout, the partition is reassigned, the message is
replayed, and the pipeline never gets past it. In a child process the loop stays free.

Messages go to the child in batches (one call and one pickle each way per batch). A batch that exceeds
the timeout, or kills the child, is run again one message at a time with the same timeout (a batch of one
message too), so only the message that is slow (or kills the child) on its own is abandoned and
dead-lettered (`processing_timeout`, `processing_error`); its neighbours are processed normally.

A worker may run several children (`services.worker.lanes`); each is one `StageRunner`, handled exactly
as a single one. Several children are forked by a forkserver that has already built the stages' tables
(`services.worker.zygote`), so they share those pages copy-on-write and a replacement starts in
milliseconds. A lone child is spawned and builds its tables itself: the template would be a third process
holding a second copy of them (~100 MB of RSS) that only pays off once two children share it.
"""

from __future__ import annotations

import asyncio
import fcntl
import gc
import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial

from schemas.deadletter import DeadLetterReason, Stage
from schemas.outcome import Rejection
from services.worker.stages import StageFn, StageLimits, StageResult, process_batch, warm_up

log = logging.getLogger("marsad.worker.isolation")

# Start-up of a stage child (interpreter, imports, tables; or the template's, once): ~1-2 s; children
# forked from a ready template start in milliseconds. The bound only catches a broken child.
WARM_UP_TIMEOUT_SECONDS = 120.0
TEMPLATE_MODULE = "services.worker.zygote"
# Capacity of the pipes that carry a child's calls and results (Linux's default is 64 KiB; 1 MiB is the
# default fs.pipe-max-size). A batch is up to 1 MiB of messages and its results are ~3x the raw article
# (the normalised article with its offset maps, and the events), e.g. ~300 KB for 21 articles of 4 KB.
# Through a 64 KiB pipe such a transfer goes in 64 KiB steps, each waiting until the other process is
# scheduled and reads: the child sat idle, its results written only as fast as the worker drained them
# and its next call read only as fast as the worker's feeder thread wrote it.
PIPE_BYTES = 1024 * 1024


def stage_context(shared_template: bool) -> multiprocessing.context.BaseContext:
    """Where a stage child comes from; never a fork of the worker itself (its event loop, threads, sockets).

    With `shared_template`, forked from a forkserver that has imported `TEMPLATE_MODULE` (one per worker
    process, started on first use); otherwise a fresh interpreter that imports the stages itself."""
    if not shared_template:
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([TEMPLATE_MODULE])
    return context


def _exit_with_parent() -> None:
    """Runs in the child at start: exit as soon as the worker is gone.

    A ProcessPoolExecutor child holds both ends of its call queue, so it never sees EOF when the worker
    dies without closing the pool (SIGKILL, OOM): it would wait forever as an orphan. Forked from the
    template, its parent is the forkserver, which lives as long as any child does, so re-parenting says
    nothing either. The worker holds the write end of each child's sentinel pipe
    (`multiprocessing.parent_process()`), however the child was started: a watchdog thread waits for its EOF.
    """
    parent = multiprocessing.parent_process()
    if parent is None:  # not started by multiprocessing: nothing to watch
        return

    def watch() -> None:
        parent.join()
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _prepare_child(limits: StageLimits) -> bool:
    """Runs once in a fresh child, before its first message: the warm-up article (imports, tables), then
    everything alive moves to the collector's permanent generation (`gc.freeze()`), as in the template.
    Otherwise every full collection walks the tables' millions of objects: a spawned child without it
    used ~1.5 ms more CPU per 4 KB article than one forked from the frozen template."""
    warmed = warm_up(limits)
    gc.collect()
    gc.freeze()
    return warmed


class StageRunner:
    """One child process, replaced when it must die; forked from the shared template when `shared_template`."""

    def __init__(self, timeout: float, stage: Stage, shared_template: bool = False) -> None:
        self._timeout = timeout
        self._stage = stage  # where a message it must abandon is dead-lettered: no output of it exists yet
        self._context = stage_context(shared_template)
        self._pool: ProcessPoolExecutor | None = None
        self._starting = asyncio.Lock()  # calls overlap: only the first of them starts a missing child
        self._last_call: tuple[ProcessPoolExecutor, asyncio.Future[list[StageResult]]] | None = None

    async def _ready_pool(self, limits: StageLimits) -> ProcessPoolExecutor:
        """The child, started and warmed up (`stages.warm_up`) outside any message's time bound."""
        async with self._starting:
            return await self._start_pool(limits)

    async def _start_pool(self, limits: StageLimits) -> ProcessPoolExecutor:
        if self._pool is None:
            pool = ProcessPoolExecutor(max_workers=1, mp_context=self._context, initializer=_exit_with_parent)
            _widen_pipes(pool)
            # The first submit starts the child, which then imports the stages and builds their tables (or waits
            # for the template to have done so): ~1-2 s, so it runs off the event loop.
            try:
                submitted = await asyncio.to_thread(pool.submit, _prepare_child, limits)
                if not await asyncio.wait_for(asyncio.wrap_future(submitted), WARM_UP_TIMEOUT_SECONDS):
                    log.warning("the stage child's warm-up article was rejected; the first message pays the start-up")
            except BaseException:
                _kill(pool)
                raise
            self._pool = pool
        return self._pool

    async def run(self, fn: StageFn, values: list[bytes | None], limits: StageLimits) -> list[StageResult]:
        """One result per value, in order; never raises for what a message does to the child."""
        outcome = await self._call(fn, values, limits)
        if isinstance(outcome, list):
            return outcome
        # Even a call of one message runs again, alone, in a fresh child: a child killed from outside (or by
        # a neighbour's memory) must not cost the message it held. A message is abandoned only when it fails
        # on its own, after the call it was in failed: at most twice the bound.
        log.warning("a call of %d message(s) failed (%s); running each alone", len(values), outcome.reason)
        results = []
        for value in values:
            single = await self._call(fn, [value], limits)
            results.append(
                single[0] if isinstance(single, list) else StageResult(rejection=single, rejected_at=self._stage)
            )
        return results

    async def _call(
        self, fn: StageFn, values: list[bytes | None], limits: StageLimits
    ) -> list[StageResult] | Rejection:
        call: Callable[[], list[StageResult]] = partial(process_batch, fn, values, limits)
        loop = asyncio.get_running_loop()
        pool = await self._ready_pool(limits)
        try:
            future = loop.run_in_executor(pool, call)
        except BrokenProcessPool as exc:  # the child died while idle (killed, out of memory): no message to blame
            log.error("stage process died between calls (%s); replaced", exc)
            self._close(pool, kill=True)
            pool = await self._ready_pool(limits)
            future = loop.run_in_executor(pool, call)
        # The child runs its calls one after the other: this one's time bound starts when the previous ends.
        previous, self._last_call = self._last_call, (pool, future)
        if previous is not None and previous[0] is pool:
            await asyncio.wait([previous[1]])
            queued_behind_a_failure = _failed(previous[1])
        else:
            queued_behind_a_failure = False
        try:
            return await asyncio.wait_for(future, self._timeout)
        except TimeoutError:
            log.error("stage call exceeded %.0f s; child process killed and replaced", self._timeout)
            self._close(pool, kill=True)
            return Rejection(
                DeadLetterReason.PROCESSING_TIMEOUT, f"processing took longer than {self._timeout:g} s; abandoned"
            )
        except BrokenProcessPool as exc:
            if queued_behind_a_failure:  # the child died under the call before, or was killed after it
                log.warning("stage process died before a call of %d message(s) started; sent again", len(values))
                return await self._call(fn, values, limits)
            log.error("stage process died: %s", exc)
            self._close(pool, kill=True)
            return Rejection(DeadLetterReason.PROCESSING_ERROR, f"the stage process died: {exc}"[:500])
        except Exception as exc:  # the stage function raised past its own guards (or a result did not pickle)
            return Rejection(DeadLetterReason.PROCESSING_ERROR, f"{type(exc).__name__}: {exc}"[:500])

    def close(self, kill: bool = False) -> None:
        if self._pool is not None:
            self._close(self._pool, kill)

    def _close(self, pool: ProcessPoolExecutor, kill: bool) -> None:
        """Stop `pool`'s child; when it is the current one, the next call starts a new child. A call that
        fails because an earlier one killed the child must not kill the child started since."""
        if pool is self._pool:
            self._pool = None
        if kill:
            _kill(pool)
        else:
            pool.shutdown(wait=True, cancel_futures=True)


def _widen_pipes(pool: ProcessPoolExecutor) -> None:
    """Raise the capacity of the pool's call and result pipes to `PIPE_BYTES` (before its child starts).
    The pool's queues are private attributes: when they are not there, or the kernel refuses the size, the
    pipes keep their default and only the hand-off is slower."""
    for queue in (getattr(pool, "_call_queue", None), getattr(pool, "_result_queue", None)):
        writer = getattr(queue, "_writer", None)
        try:
            fcntl.fcntl(writer.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)  # type: ignore[union-attr]
        except (AttributeError, OSError) as exc:
            log.info("stage pipe capacity left at the default: %s", exc)


def _failed(call: asyncio.Future[list[StageResult]]) -> bool:
    return call.cancelled() or call.exception() is not None


def _kill(pool: ProcessPoolExecutor) -> None:
    # ProcessPoolExecutor cannot cancel a running call; killing its process is the only way out. A pool
    # already shut down (killed for an earlier call) has no processes left.
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
