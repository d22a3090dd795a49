"""Read article files given on the command line: plain .txt articles or JSONL of RawArticle."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from schemas.raw import IngestMetadata, RawArticle
from services.commands import UserError
from services.worker.records import describe_validation_error

Channel = Literal["cli", "demo"]


def article_id_for(path: Path) -> str:
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-.") or "article"
    return f"file:{slug}"


def text_article(path: Path, text: str, channel: Channel = "cli") -> RawArticle:
    return RawArticle(
        article_id=article_id_for(path),
        source=f"file:{path.parent.name or '.'}",
        text=text,
        fetched_at=datetime.now(UTC),
        ingest=IngestMetadata(channel=channel, agent="marsad-cli"),
    )


def read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UserError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UserError(f"{path}: is a directory, expected a .txt or .jsonl file") from None
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot read ({exc.strerror})") from None


def jsonl_articles(path: Path, text: str) -> list[RawArticle]:
    articles = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            articles.append(RawArticle.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            raise UserError(f"{path}:{number}: invalid JSON ({exc.msg} at column {exc.colno})") from None
        except ValidationError as exc:
            raise UserError(f"{path}:{number}: not a RawArticle ({describe_validation_error(exc, 3)})") from None
    if not articles:
        raise UserError(f"{path}: no articles in the file")
    return articles


def load_articles(paths: list[Path], channel: Channel = "cli") -> list[RawArticle]:
    """Every article of every file, validated; the first problem raises UserError naming file and line."""
    articles: list[RawArticle] = []
    for path in paths:
        text = read_text(path)
        if path.suffix in (".jsonl", ".ndjson"):
            articles.extend(jsonl_articles(path, text))
        elif not text.strip():
            raise UserError(f"{path}: the file is empty")
        else:
            articles.append(text_article(path, text, channel))
    return articles
