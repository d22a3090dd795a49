"""Shared pieces of every Marsad message: the schema version and strict model config."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal[1] = 1

ArticleId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=200,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:/@+=-]*$",
        description="Stable id of the article; the Kafka key on every topic.",
        examples=["aljazeera:2024-03-19:iran-russia-call"],
    ),
]


def _require_timezone(value: datetime) -> datetime:
    """Naive datetimes are ambiguous across outlets in different zones: refuse them."""
    if value.tzinfo is None:
        raise ValueError("datetime must carry a timezone (e.g. 2024-03-19T14:37:00+03:30 or ...Z)")
    return value.astimezone(UTC)


AwareDatetime = Annotated[datetime, AfterValidator(_require_timezone)]


class Message(BaseModel):
    """Base of every message on a Marsad topic."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)

    schema_version: Literal[1] = Field(
        default=SCHEMA_VERSION,
        description="Major version of this message's schema. Bumped only on breaking changes.",
    )


class Part(BaseModel):
    """Base of nested objects inside messages."""

    model_config = ConfigDict(extra="forbid", frozen=True)
