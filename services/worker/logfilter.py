"""Rate-limit repeated client log lines: a broker outage must not flood the logs (or fill the disk).

While the broker is unreachable aiokafka logs "Unable connect to node ..." and "Unable to update metadata"
on every reconnect attempt: about 4,000 lines a second in our broker-restart test. This filter lets the
first line of each kind through, drops repeats for `interval` seconds, and then notes how many it dropped.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

CLIENT_LOGGERS = (
    "aiokafka",
    "aiokafka.conn",
    "aiokafka.cluster",
    "aiokafka.consumer.consumer",
    "aiokafka.consumer.fetcher",
    "aiokafka.consumer.group_coordinator",
    "aiokafka.producer.producer",
    "aiokafka.producer.sender",
    "marsad.worker.delivery",  # one retry warning per message in flight: up to worker_max_in_flight at once
)


class RepeatFilter(logging.Filter):
    def __init__(self, interval: float = 10.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._interval = interval
        self._clock = clock
        self._last: dict[tuple[str, int, str], float] = {}
        self._dropped: dict[tuple[str, int, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.levelno, str(record.msg))
        now = self._clock()
        last = self._last.get(key)
        if last is not None and now - last < self._interval:
            self._dropped[key] = self._dropped.get(key, 0) + 1
            return False
        self._last[key] = now
        dropped = self._dropped.pop(key, 0)
        if dropped:
            record.msg = f"{record.msg} [{dropped} similar lines suppressed in the last {self._interval:.0f} s]"
        if len(self._last) > 1000:  # templates are a bounded set; this only guards against surprises
            self._last.clear()
        return True


_installed: list[RepeatFilter] = []


def limit_client_log_repeats(interval: float = 10.0) -> RepeatFilter:
    """Install one RepeatFilter on the client loggers (idempotent: build_app may run more than once)."""
    if not _installed:
        _installed.append(RepeatFilter(interval))
        for name in CLIENT_LOGGERS:
            logging.getLogger(name).addFilter(_installed[0])
    return _installed[0]
