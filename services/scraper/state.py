"""What the scraper has seen, in SQLite so that a restart neither loses nor republishes.

`http_cache`: per fetched URL (feeds and pages), the ETag/Last-Modified for conditional GETs.
`articles`:   per article_id, the hash of the text last published and its canonical URL.
A page's validators are stored only after its article is acknowledged by the broker.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from services.scraper.fetch import Validators

SCHEMA = """
CREATE TABLE IF NOT EXISTS http_cache (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, checked_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY, content_sha256 TEXT NOT NULL, url TEXT NOT NULL, published_at REAL NOT NULL
);
"""


class ScrapeState:
    def __init__(self, path: str | Path) -> None:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), isolation_level=None)  # autocommit: every write is durable at once
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)

    def close(self) -> None:
        self._db.close()

    def validators(self, url: str) -> Validators | None:
        row = self._db.execute("SELECT etag, last_modified FROM http_cache WHERE url = ?", (url,)).fetchone()
        return Validators(row[0], row[1]) if row else None

    def remember_validators(self, url: str, validators: Validators) -> None:
        if not (validators.etag or validators.last_modified):
            self._db.execute("DELETE FROM http_cache WHERE url = ?", (url,))
            return
        self._db.execute(
            "INSERT INTO http_cache (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, "
            "checked_at = excluded.checked_at",
            (url, validators.etag, validators.last_modified, time.time()),
        )

    def is_unchanged(self, article_id: str, content_sha256: str) -> bool:
        row = self._db.execute("SELECT content_sha256 FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        return row is not None and row[0] == content_sha256

    def remember_article(self, article_id: str, content_sha256: str, url: str) -> None:
        self._db.execute(
            "INSERT INTO articles (article_id, content_sha256, url, published_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(article_id) DO UPDATE SET content_sha256 = excluded.content_sha256, url = excluded.url, "
            "published_at = excluded.published_at",
            (article_id, content_sha256, url, time.time()),
        )

    def article_count(self) -> int:
        row = self._db.execute("SELECT COUNT(*) FROM articles").fetchone()
        return int(row[0])
