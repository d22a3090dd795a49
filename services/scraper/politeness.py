"""Per-host politeness: at most N requests in flight per host, a minimum interval between their starts,
and a global cap; plus the exponential backoff with jitter used between retries."""

from __future__ import annotations

import asyncio
import random
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager


class HostLimiter:
    def __init__(
        self,
        per_host: int,
        interval: float,
        total: int,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._per_host = per_host
        self._interval = interval
        self._clock = clock
        self._sleep = sleep
        self._global = asyncio.Semaphore(total)
        self._slots: defaultdict[str, asyncio.Semaphore] = defaultdict(lambda: asyncio.Semaphore(self._per_host))
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._next_start: dict[str, float] = {}
        self._host_interval: dict[str, float] = {}

    def slow_down(self, host: str, interval: float) -> None:
        """A longer interval for one host (robots.txt Crawl-delay); never shorter than the configured one."""
        self._host_interval[host] = max(self._interval, interval)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        async with self._slots[host], self._global:
            async with self._locks[host]:
                wait = self._next_start.get(host, 0.0) - self._clock()
                if wait > 0:
                    await self._sleep(wait)
                self._next_start[host] = self._clock() + self._host_interval.get(host, self._interval)
            yield


def backoff_delay(
    attempt: int, base: float, cap: float, retry_after: float | None = None, rand: float | None = None
) -> float:
    """Equal-jitter exponential backoff: half of min(cap, base*2^attempt) fixed, half random.

    A server's Retry-After (seconds) is honoured when it is longer, still capped at `cap`.
    """
    ceiling = min(cap, base * 2.0**attempt)
    jitter = random.random() if rand is None else rand
    delay = ceiling / 2 + jitter * ceiling / 2
    if retry_after is not None:
        delay = max(delay, retry_after)
    return min(delay, cap)


def parse_retry_after(value: str | None) -> float | None:
    if value is None or not value.strip().isdigit():
        return None  # the HTTP-date form is rare on 5xx; ignored
    return float(value.strip())
