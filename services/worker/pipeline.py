"""Pipelined processing of a stream: a bounded window of messages in flight, acknowledged in input order.

Three steps run concurrently: reading (up to `window` messages taken and not yet acknowledged), the stage
(batches of whatever has been read, within `BatchLimits`, one stage call each) and the deliveries (one
task per message, so the stage works on the next batch while the broker acknowledges the outputs of the
previous ones). Deliveries of messages with the same key (article id) run one after the other, in input order,
so an article's outputs are never reordered; messages with different keys deliver concurrently.
Acknowledgement follows input order strictly: a message is acknowledged only after its
own delivery and every earlier message's acknowledgement, so the committed offset of a partition never
passes a message whose outputs are not on the broker (at-least-once). A delivery that raises stops the
whole pipeline without acknowledging it or anything after it.

Knows nothing of Kafka or Faust: the agents plug in the stage call, the delivery and the acknowledgement.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, Awaitable, Callable, Coroutine, Hashable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, TypeVar

ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")


@dataclass(frozen=True, slots=True)
class Steps(Generic[ItemT, ResultT]):
    process: Callable[[list[ItemT]], Awaitable[list[ResultT]]]  # one result per item, in order
    deliver: Callable[[ItemT, ResultT], Coroutine[Any, Any, None]]
    acknowledge: Callable[[ItemT], Awaitable[None]]
    key: Callable[[ItemT], Hashable]  # deliveries of one key keep input order
    size: Callable[[ItemT], int]  # bytes, for the batch limit


@dataclass(frozen=True, slots=True)
class BatchLimits:
    """A batch holds at most `items` messages and, unless it is a single message, at most `size` bytes."""

    items: int
    size: int


class WindowedPipeline(Generic[ItemT, ResultT]):
    def __init__(self, steps: Steps[ItemT, ResultT], window: int, batch: BatchLimits) -> None:
        if window < 1 or batch.items < 1:
            raise ValueError("the window and the batch must hold at least one message")
        self._steps = steps
        self._window = window
        self._batch = BatchLimits(min(batch.items, window), batch.size)

    async def run(self, items: AsyncIterable[ItemT]) -> None:
        """Until `items` ends and everything read is acknowledged (a Kafka stream never ends: until cancelled)."""
        slots = asyncio.Semaphore(self._window)
        staged: asyncio.Queue[ItemT] = asyncio.Queue()
        delivering: asyncio.Queue[tuple[ItemT, asyncio.Task[None]]] = asyncio.Queue()
        async with asyncio.TaskGroup() as tasks:
            stage = tasks.create_task(self._stage(staged, delivering, tasks))
            acks = tasks.create_task(self._acknowledge(delivering, slots))
            iterator = aiter(items)
            while True:
                await slots.acquire()  # before reading: at most `window` messages are out of the stream
                try:
                    item = await anext(iterator)
                except StopAsyncIteration:
                    slots.release()
                    break
                staged.put_nowait(item)
            for _ in range(self._window):  # the end of a finite input: wait until all is acknowledged
                await slots.acquire()
            stage.cancel()
            acks.cancel()

    async def _stage(
        self,
        staged: asyncio.Queue[ItemT],
        delivering: asyncio.Queue[tuple[ItemT, asyncio.Task[None]]],
        tasks: asyncio.TaskGroup,
    ) -> None:
        latest: dict[Hashable, asyncio.Task[None]] = {}  # the last delivery started per key, while it runs
        carried: list[ItemT] = []  # read for a batch that was full: it starts the next one
        while True:
            batch = [carried.pop() if carried else await staged.get()]
            size = self._steps.size(batch[0])
            while len(batch) < self._batch.items and not staged.empty():
                item = staged.get_nowait()
                size += self._steps.size(item)
                if size > self._batch.size:
                    carried.append(item)
                    break
                batch.append(item)
            results = await self._steps.process(batch)
            for item, result in zip(batch, results, strict=True):
                key = self._steps.key(item)
                task = tasks.create_task(self._deliver_after(latest.get(key), item, result))
                latest[key] = task
                task.add_done_callback(partial(_forget, latest, key))
                delivering.put_nowait((item, task))

    async def _deliver_after(self, previous: asyncio.Task[None] | None, item: ItemT, result: ResultT) -> None:
        if previous is not None:
            await previous
        await self._steps.deliver(item, result)

    async def _acknowledge(
        self, delivering: asyncio.Queue[tuple[ItemT, asyncio.Task[None]]], slots: asyncio.Semaphore
    ) -> None:
        while True:
            item, delivered = await delivering.get()
            await delivered
            await self._steps.acknowledge(item)
            slots.release()


def _forget(latest: dict[Hashable, asyncio.Task[None]], key: Hashable, done: asyncio.Task[None]) -> None:
    if latest.get(key) is done:
        del latest[key]
