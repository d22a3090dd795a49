"""One readable line per event or dead letter, for the demo's live output."""

from __future__ import annotations

import json
from typing import Any, Literal


def _actor(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "?"
    name = actor.get("name_en") or actor.get("name_ar") or actor.get("text") or "?"
    return f"{name} ({actor.get('country') or '?'})"


def summarize(value: bytes | None, kind: Literal["event", "deadletter"]) -> str:
    try:
        message: dict[str, Any] = json.loads(value or b"")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return f"[{kind}] undecodable message"
    if kind == "deadletter":
        return f"  DEAD LETTER  {message.get('article_id')}: {message.get('reason')} - {message.get('message')}"
    cameo = message.get("cameo") or {}
    location = (message.get("location") or {}).get("name_en") or "-"
    mode = f"/{message['mode']}" if message.get("mode") else ""
    return (
        f"  EVENT  {message.get('event_type')}{mode} CAMEO {cameo.get('code')}  "
        f"{_actor(message.get('source'))} -> {_actor(message.get('target'))}  "
        f"date {(message.get('date') or {}).get('value') or '-'}  at {location}  [{message.get('status')}]  "
        f"{message.get('article_id')}"
    )
