"""`marsad extract FILE...`: normalise and extract offline, no Kafka; one JSON line per article."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from schemas.outcome import Rejection
from schemas.raw import RawArticle
from services.arabic import normalize_article
from services.commands.inputs import load_articles
from services.extraction import extract_events


def extract_line(file: str, raw: RawArticle) -> dict[str, Any]:
    normalized = normalize_article(raw)
    if isinstance(normalized, Rejection):
        return {
            "file": file,
            "article_id": raw.article_id,
            "published": None,
            "events": [],
            "rejected": {"reason": normalized.reason.value, "message": normalized.message},
        }
    events = extract_events(normalized)
    published = normalized.published_at.date().isoformat() if normalized.published_at else None
    return {
        "file": file,
        "article_id": raw.article_id,
        "published": published,
        "events": [event.model_dump(mode="json") for event in events],
    }


def run(paths: list[Path], out: TextIO = sys.stdout) -> int:
    for path in paths:
        for raw in load_articles([path]):
            out.write(json.dumps(extract_line(str(path), raw), ensure_ascii=False) + "\n")
    return 0
