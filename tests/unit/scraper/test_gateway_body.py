from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest

from services.scraper.gateway.body import InvalidBody, TooLarge, parse_articles, read_limited

VALID: dict[str, Any] = {
    "article_id": "wire:1",
    "source": "wire",
    "text": "نص الخبر",
    "fetched_at": "2026-11-10T07:05:00Z",
    "ingest": {"channel": "gateway"},
}


def errors(body: bytes, max_batch: int = 5) -> list[tuple[int | None, str, str]]:
    with pytest.raises(InvalidBody) as caught:
        parse_articles(body, max_batch)
    return [(e.index, e.loc, e.type) for e in caught.value.errors]


def test_one_article_or_a_batch() -> None:
    assert [a.article_id for a in parse_articles(json.dumps(VALID).encode(), 5)] == ["wire:1"]
    batch = [{**VALID, "article_id": f"wire:{i}"} for i in range(3)]
    assert [a.article_id for a in parse_articles(json.dumps(batch).encode(), 5)] == ["wire:0", "wire:1", "wire:2"]


def test_field_level_errors_name_the_index_and_path() -> None:
    bad = {**VALID, "fetched_at": "2026-11-10T07:05:00", "ingest": {"channel": "fax"}}
    assert errors(json.dumps([VALID, bad]).encode()) == [
        (1, "fetched_at", "value_error"),
        (1, "ingest.channel", "literal_error"),
    ]


def test_body_level_errors() -> None:
    assert errors(b"{") == [(None, "", "json_invalid")]
    assert errors(b"\xff") == [(None, "", "json_invalid")]
    assert errors(b"[" * 100_000) == [(None, "", "json_invalid")]  # nesting bomb
    assert errors(b"42") == [(None, "", "body_type")]
    assert errors(b"[]") == [(None, "", "batch_size")]
    assert errors(json.dumps([VALID] * 6).encode()) == [(None, "", "batch_size")]


def test_error_lists_are_capped() -> None:
    assert len(errors(json.dumps([{}] * 5).encode())) == 5 * 5  # five required fields missing in each
    many = json.dumps([{}] * 100).encode()
    assert len(errors(many, max_batch=100)) == 50


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


def test_read_limited() -> None:
    assert asyncio.run(read_limited(_chunks(b"ab", b"cd"), "4", 4)) == b"abcd"
    with pytest.raises(TooLarge):
        asyncio.run(read_limited(_chunks(b"ab"), "5", 4))  # the declared length alone is enough
    consumed: list[bytes] = []

    async def endless() -> AsyncIterator[bytes]:
        while True:
            consumed.append(b"x" * 3)
            yield b"x" * 3

    with pytest.raises(TooLarge):
        asyncio.run(read_limited(endless(), None, 10))
    assert len(consumed) == 4  # stopped at the first chunk past the limit


def test_an_empty_token_setting_means_no_auth() -> None:
    from services.scraper.gateway.settings import GatewaySettings

    assert GatewaySettings(token="").token is None
    assert GatewaySettings(token="  ").token is None
    token = GatewaySettings(token="s3cret").token
    assert token is not None and token.get_secret_value() == "s3cret"
