"""The message contract: one pydantic model per topic; `schemas/json/` holds the generated JSON Schema."""

from schemas.base import SCHEMA_VERSION
from schemas.deadletter import DeadLetter, DeadLetterReason, Stage
from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle
from schemas.outcome import Rejection
from schemas.raw import IngestMetadata, RawArticle

__all__ = [
    "SCHEMA_VERSION",
    "DeadLetter",
    "DeadLetterReason",
    "DiplomaticEvent",
    "IngestMetadata",
    "NormalizedArticle",
    "RawArticle",
    "Rejection",
    "Stage",
]
