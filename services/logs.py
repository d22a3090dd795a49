"""Structured JSON logs: one object per line, with article_id/event_id when the caller passes them."""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any

CORRELATION_FIELDS = ("article_id", "event_id", "stage", "reason", "topic", "partition", "offset")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for name in CORRELATION_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """A dictConfig for every Marsad process (Faust's worker applies it to its own loggers too)."""
    formatter = (
        {"()": "services.logs.JsonFormatter"}
        if fmt == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"default": formatter},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "default", "stream": "ext://sys.stderr"}
        },
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {"aiokafka": {"level": "WARNING"}},
    }
