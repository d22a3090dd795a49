"""Pipelined processing of a stream: a bounded window of messages in flight, acknowledged in input order.

Three steps run concurrently: reading (up to `window` messages taken and not yet acknowledged), the stage
(batches of whatever has been read, within `BatchLimits`, one stage call each) and the deliveries (one
task per message, so the stage works on the next batch while the broker acknowledges the outputs of the
previous ones). The stage has one or more lanes (one per stage process): each message goes to lane
`route(message) % lanes`, and each lane batches and calls the stage on its own, concurrently with the
others; within a lane, messages keep input order (so messages of one key must share a route). Deliveries of
messages with the same key (article id) run one after the other, in input order, so an article's outputs
are never reordered; messages with different keys deliver concurrently. Acknowledgement follows input
order strictly, whatever lane a message took: a message is acknowledged only after its own delivery and
every earlier message's acknowledgement, so the committed offset of a partition never passes a message
whose outputs are not on the broker (at-least-once). A delivery that raises stops the
whole pipeline without acknowledging it or anything after it.

Knows nothing of Kafka or Faust: the agents plug in the stage call, the delivery and the acknowledgement.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Awaitable, Callable, Coroutine, Hashable
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Generic, TypeVar

ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Steps(Generic[ItemT, ResultT]):
    process: Callable[[int, list[ItemT]], Awaitable[list[ResultT]]]  # (lane, batch): one result per item, in order
    deliver: Callable[[ItemT, ResultT], Coroutine[Any, Any, None]]
    acknowledge: Callable[[ItemT], Awaitable[None]]
    key: Callable[[ItemT], Hashable]  # deliveries of one key keep input order
    size: Callable[[ItemT], int]  # bytes, for the batch limit
    route: Callable[[ItemT], int] = lambda _: 0  # the lane is route(item) % lanes; equal keys need equal routes


@dataclass(frozen=True, slots=True)
class BatchLimits:
    """A batch holds at most `items` messages and, unless it is a single message, at most `size` bytes."""

    items: int
    size: int


Staged = tuple[ItemT, asyncio.Future[asyncio.Task[None]]]  # an item and, once staged, its delivery

# Stage calls a lane keeps open: the one its stage process works on and the next one, already handed over,
# so that the process starts it the moment it finishes the first, instead of waiting while its results
# travel back, the worker starts their deliveries and hands over the next batch.
CALLS_PER_LANE = 2


class WindowedPipeline(Generic[ItemT, ResultT]):
    def __init__(self, steps: Steps[ItemT, ResultT], window: int, batch: BatchLimits, lanes: int = 1) -> None:
        if window < 1 or batch.items < 1 or lanes < 1:
            raise ValueError("the window, the batch and the lanes must hold at least one message")
        self._steps = steps
        self._window = window
        # Room for three batches per lane in the window: one in the stage, one waiting in the stage's queue,
        # the next one being read. With fewer, every lane waits for the slowest batch's acknowledgements
        # before it can read again.
        self._batch = BatchLimits(min(batch.items, max(1, window // ((CALLS_PER_LANE + 1) * lanes))), batch.size)
        self._lanes = lanes

    async def run(self, items: AsyncIterable[ItemT]) -> None:
        """Until `items` ends and everything read is acknowledged (a Kafka stream never ends: until cancelled)."""
        slots = asyncio.Semaphore(self._window)
        lanes: list[asyncio.Queue[Staged[ItemT]]] = [asyncio.Queue() for _ in range(self._lanes)]
        delivering: asyncio.Queue[Staged[ItemT]] = asyncio.Queue()  # in input order: the acknowledgement order
        latest: dict[Hashable, asyncio.Task[None]] = {}  # the last delivery started per key, while it runs
        loop = asyncio.get_running_loop()
        async with asyncio.TaskGroup() as tasks:
            stages = [tasks.create_task(self._stage(lane, queue, latest, tasks)) for lane, queue in enumerate(lanes)]
            acks = tasks.create_task(self._acknowledge(delivering, slots))
            iterator = aiter(items)
            while True:
                await slots.acquire()  # before reading: at most `window` messages are out of the stream
                try:
                    item = await anext(iterator)
                except StopAsyncIteration:
                    slots.release()
                    break
                staged: Staged[ItemT] = (item, loop.create_future())
                delivering.put_nowait(staged)
                lanes[self._steps.route(item) % self._lanes].put_nowait(staged)
            for _ in range(self._window):  # the end of a finite input: wait until all is acknowledged
                await slots.acquire()
            for stage in stages:
                stage.cancel()
            acks.cancel()

    async def _stage(
        self,
        lane: int,
        staged: asyncio.Queue[Staged[ItemT]],
        latest: dict[Hashable, asyncio.Task[None]],
        tasks: asyncio.TaskGroup,
    ) -> None:
        """One lane: batches of what it was given, up to `CALLS_PER_LANE` stage calls at a time, deliveries
        started in input order (by `_start_deliveries`).

        While a call is open, the next batch is sent only once it is full (or when that call returns): on a
        backlog the stage finds its next batch waiting; at a low rate a lone message is not queued behind a
        running call, and the messages that arrive meanwhile still go together in the next call."""
        calls: asyncio.Queue[tuple[list[Staged[ItemT]], asyncio.Task[list[ResultT]]]] = asyncio.Queue()
        open_calls = _OpenCalls(asyncio.Semaphore(CALLS_PER_LANE))
        results = tasks.create_task(self._start_deliveries(calls, open_calls, latest, tasks))
        carried: list[Staged[ItemT]] = []  # read for a batch that was full: it starts the next one
        try:
            while True:
                await open_calls.room.acquire()
                batch = [carried.pop() if carried else await staged.get()]
                size = self._steps.size(batch[0][0])
                while len(batch) < self._batch.items:
                    if not staged.empty():
                        entry: Staged[ItemT] | None = staged.get_nowait()
                    elif open_calls.idle.is_set():
                        entry = None
                    else:
                        entry = await _next_unless(staged, open_calls.idle)
                    if entry is None:
                        break  # the stage would wait: send what there is
                    size += self._steps.size(entry[0])
                    if size > self._batch.size:
                        carried.append(entry)
                        break
                    batch.append(entry)
                open_calls.opened()
                call = tasks.create_task(self._call(lane, [item for item, _ in batch]))
                calls.put_nowait((batch, call))
        finally:
            results.cancel()

    async def _call(self, lane: int, items: list[ItemT]) -> list[ResultT]:
        return await self._steps.process(lane, items)

    async def _start_deliveries(
        self,
        calls: asyncio.Queue[tuple[list[Staged[ItemT]], asyncio.Task[list[ResultT]]]],
        open_calls: _OpenCalls,
        latest: dict[Hashable, asyncio.Task[None]],
        tasks: asyncio.TaskGroup,
    ) -> None:
        """A lane's calls in the order they were made: each one's deliveries start when it returns."""
        while True:
            batch, call = await calls.get()
            results = await call
            open_calls.returned()
            for (item, delivery), result in zip(batch, results, strict=True):
                key = self._steps.key(item)
                task = tasks.create_task(self._deliver_after(latest.get(key), item, result))
                latest[key] = task
                task.add_done_callback(partial(_forget, latest, key))
                delivery.set_result(task)

    async def _deliver_after(self, previous: asyncio.Task[None] | None, item: ItemT, result: ResultT) -> None:
        if previous is not None:
            await previous
        await self._steps.deliver(item, result)

    async def _acknowledge(self, delivering: asyncio.Queue[Staged[ItemT]], slots: asyncio.Semaphore) -> None:
        while True:
            item, delivery = await delivering.get()
            await (await delivery)
            await self._steps.acknowledge(item)
            slots.release()


@dataclass
class _OpenCalls:
    """A lane's stage calls that have not returned: at most `CALLS_PER_LANE` (`room`); `idle` when none."""

    room: asyncio.Semaphore
    idle: asyncio.Event = field(default_factory=asyncio.Event)
    count: int = 0

    def __post_init__(self) -> None:
        self.idle.set()

    def opened(self) -> None:
        self.count += 1
        self.idle.clear()

    def returned(self) -> None:
        self.count -= 1
        if not self.count:
            self.idle.set()
        self.room.release()


async def _next_unless(queue: asyncio.Queue[T], idle: asyncio.Event) -> T | None:
    """The next item of `queue`, or None if `idle` is set first."""
    getter = asyncio.ensure_future(queue.get())
    waiter = asyncio.ensure_future(idle.wait())
    try:
        await asyncio.wait((getter, waiter), return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
        if not getter.done():
            getter.cancel()  # a cancelled get leaves its item in the queue
    return getter.result() if getter.done() else None


def _forget(latest: dict[Hashable, asyncio.Task[None]], key: Hashable, done: asyncio.Task[None]) -> None:
    if latest.get(key) is done:
        del latest[key]
