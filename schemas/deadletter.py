"""DeadLetter: every message the worker could not turn into output, with the reason and the original bytes."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from schemas.base import AwareDatetime, Message


class DeadLetterReason(StrEnum):
    """Why a message was dead-lettered. Bounded set: it is a Prometheus label."""

    EMPTY_BODY = "empty_body"
    INVALID_UTF8 = "invalid_utf8"
    INVALID_JSON = "invalid_json"
    SCHEMA_VIOLATION = "schema_violation"
    UNSUPPORTED_SCHEMA_VERSION = "unsupported_schema_version"
    MESSAGE_TOO_LARGE = "message_too_large"
    EMPTY_TEXT = "empty_text"
    NOT_ARABIC = "not_arabic"
    TOO_LARGE = "too_large"
    TOO_MANY_EVENTS = "too_many_events"
    PROCESSING_ERROR = "processing_error"
    PROCESSING_TIMEOUT = "processing_timeout"


class Stage(StrEnum):
    NORMALIZE = "normalize"
    EXTRACT = "extract"


class DeadLetter(Message):
    reason: DeadLetterReason
    message: str = Field(max_length=2000, description="Human-readable explanation, one line.")
    stage: Stage
    article_id: str | None = Field(default=None, description="Key of the original message, when it had one.")
    source_topic: str
    source_partition: int = Field(ge=0)
    source_offset: int = Field(ge=0)
    original_key: str | None = Field(default=None, description="Original key, decoded as UTF-8 with replacement.")
    original_value_b64: str = Field(
        description="Original value bytes, base64. Truncated to the configured limit for huge messages."
    )
    original_size: int = Field(ge=0, description="Size of the original value in bytes.")
    original_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="Hash of the full original value.")
    truncated: bool = Field(description="True when original_value_b64 holds only a prefix of the value.")
    worker: str = Field(description="Worker instance that dead-lettered the message.")
    dead_lettered_at: AwareDatetime
