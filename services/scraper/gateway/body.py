"""Reading and validating request bodies: the size limit is enforced while streaming; parsing is pure."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

from pydantic import TypeAdapter, ValidationError

from schemas.raw import RawArticle
from services.scraper.gateway.models import FieldError

MAX_ERRORS = 50
_ONE = TypeAdapter(RawArticle)


class TooLarge(Exception):
    pass


class InvalidBody(Exception):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


async def read_limited(chunks: AsyncIterator[bytes], declared_length: str | None, limit: int) -> bytes:
    """The whole body, or TooLarge as soon as the declared or received length passes `limit`."""
    if declared_length is not None and declared_length.isdigit() and int(declared_length) > limit:
        raise TooLarge(f"Content-Length {declared_length} exceeds {limit} bytes")
    received = bytearray()
    async for chunk in chunks:
        received += chunk
        if len(received) > limit:
            raise TooLarge(f"body exceeds {limit} bytes")
    return bytes(received)


def parse_articles(body: bytes, max_batch: int) -> list[RawArticle]:
    """One RawArticle object or a non-empty JSON array of them; InvalidBody with field-level errors otherwise."""
    try:
        data: Any = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InvalidBody([FieldError(loc="", msg=f"body is not JSON: {exc}", type="json_invalid")]) from None
    if isinstance(data, dict):
        return [_validate(data, None)]
    if not isinstance(data, list):
        raise InvalidBody([FieldError(loc="", msg="expected a RawArticle object or an array", type="body_type")])
    if not data or len(data) > max_batch:
        message = f"a batch holds 1 to {max_batch} articles, got {len(data)}"
        raise InvalidBody([FieldError(loc="", msg=message, type="batch_size")])
    articles: list[RawArticle] = []
    errors: list[FieldError] = []
    for index, item in enumerate(data):
        try:
            articles.append(_validate(item, index))
        except InvalidBody as exc:
            errors.extend(exc.errors)
    if errors:
        raise InvalidBody(errors[:MAX_ERRORS])
    return articles


def _validate(item: object, index: int | None) -> RawArticle:
    try:
        return _ONE.validate_python(item)
    except ValidationError as exc:
        errors = [
            FieldError(index=index, loc=".".join(str(p) for p in error["loc"]), msg=error["msg"], type=error["type"])
            for error in exc.errors(include_url=False)
        ]
        raise InvalidBody(errors[:MAX_ERRORS]) from None
