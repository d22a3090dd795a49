"""The pure stages' failure value: a reason the worker turns into a dead letter (never `None`)."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.deadletter import DeadLetterReason


@dataclass(frozen=True, slots=True)
class Rejection:
    reason: DeadLetterReason
    message: str
