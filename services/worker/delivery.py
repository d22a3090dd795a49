"""Send outputs and wait for the broker's acknowledgement, retrying transient failures until they succeed.

At-least-once hinges on this module: the worker acknowledges a source message (and so lets Faust commit
its offset) only after `Delivery.send` returned, i.e. after the broker acknowledged every output. A send
that fails for a reason the broker or network may fix (broker down, leader moving, topic missing, request
timed out) is retried with capped exponential backoff, forever: the partition stalls instead of losing
data, and the stream buffer bounds what waits behind it. A send the broker can never accept (the record
is too large) raises `OutputRejected`, which the caller turns into a dead letter.

Faust's own `Topic.send` only logs a failed delivery (`_on_published`) and would let the offset be
committed afterwards; awaiting the delivery future here closes that hole.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from aiokafka.errors import MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError

from schemas.deadletter import DeadLetterReason
from schemas.outcome import Rejection
from services.worker.metrics import WorkerMetrics

log = logging.getLogger("marsad.worker.delivery")

PERMANENT_ERRORS: tuple[type[BaseException], ...] = (
    MessageSizeTooLargeError,
    RecordTooLargeError,
    RecordListTooLargeError,
)

Output = tuple[bytes | None, bytes]


class SendTopic(Protocol):
    """The part of `faust.TopicT` this module uses (a fake implements it in unit tests)."""

    async def send(self, *, key: bytes | None, value: bytes) -> Awaitable[Any]: ...


class OutputRejected(Exception):
    """The broker can never accept this output; the source message becomes a dead letter."""

    def __init__(self, rejection: Rejection) -> None:
        super().__init__(rejection.message)
        self.rejection = rejection


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    first_backoff: float = 0.2
    max_backoff: float = 5.0

    def backoff(self, attempt: int) -> float:
        return float(min(self.first_backoff * 2 ** max(attempt - 1, 0), self.max_backoff))


def is_permanent(error: BaseException) -> bool:
    """True when retrying cannot help. Faust wraps client errors in ProducerSendError: look at the cause."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, PERMANENT_ERRORS):
            return True
        seen = seen.__cause__
    return False


class Delivery:
    def __init__(self, metrics: WorkerMetrics, policy: RetryPolicy = RetryPolicy()) -> None:
        self._metrics = metrics
        self._policy = policy

    async def send(self, topic: SendTopic, output: str, messages: Sequence[Output]) -> None:
        """Return once the broker acknowledged every message; retry the failed ones until it does."""
        pending = list(messages)
        attempt = 0
        while pending:
            failed, error = await self._send_once(topic, pending)
            if error is None:
                return
            if is_permanent(error):
                raise OutputRejected(
                    Rejection(DeadLetterReason.TOO_LARGE, f"{output} output refused by the broker: {error!r}"[:500])
                )
            attempt += 1
            delay = self._policy.backoff(attempt)
            self._metrics.send_retries.labels(output).inc()
            log.warning(
                "send to %s failed (%s: %s); retry %d of %d message(s) in %.1f s",
                output,
                type(error).__name__,
                str(error)[:300],
                attempt,
                len(failed),
                delay,
            )
            await asyncio.sleep(delay)
            pending = failed

    @staticmethod
    async def _send_once(topic: SendTopic, pending: list[Output]) -> tuple[list[Output], BaseException | None]:
        """Queue all, then await all acks. Returns the messages not acknowledged and the last error."""
        queued: list[tuple[Output, Awaitable[Any]]] = []
        failed: list[Output] = []
        error: BaseException | None = None
        for index, message in enumerate(pending):
            try:
                queued.append((message, await topic.send(key=message[0], value=message[1])))
            except Exception as exc:  # e.g. metadata for the topic not available within the request timeout
                failed.extend(pending[index:])
                error = exc
                break
        for message, acknowledgement in queued:
            try:
                await acknowledgement
            except Exception as exc:
                failed.append(message)
                error = exc
        return failed, error
