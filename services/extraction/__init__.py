"""Pure diplomatic event extraction from normalised Arabic articles. No I/O at import; no Kafka/HTTP."""

from services.extraction.extract import EXTRACTOR_VERSION, extract_events

__all__ = ["EXTRACTOR_VERSION", "extract_events"]
