"""The gateway's answers, as pydantic models: used by the handlers and by the generated OpenAPI document."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Answer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Accepted(_Answer):
    """202: every article was validated and acknowledged by the broker (acks=all)."""

    accepted: int = Field(ge=1, description="Number of articles published.")
    article_ids: list[str] = Field(description="Their ids (the Kafka keys), in request order.")


class FieldError(_Answer):
    index: int | None = Field(default=None, description="Position in a batch; null for a single object.")
    loc: str = Field(description="Dotted path of the offending field, e.g. 'ingest.channel'; empty for the body.")
    msg: str
    type: str = Field(description="pydantic error type, e.g. 'missing', 'string_too_short', 'json_invalid'.")


class Invalid(_Answer):
    """400: the body is not JSON, not a RawArticle or array of them, or the batch is empty or too long."""

    error: str = "invalid_body"
    errors: list[FieldError] = Field(description="At most 50 field-level errors.")


class Problem(_Answer):
    """401, 413, 415 and 503 answers."""

    error: str = Field(description="unauthorized | too_large | unsupported_media_type | unavailable")
    detail: str
