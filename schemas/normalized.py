"""NormalizedArticle: the normaliser's output, with both text views and the way back to the raw text."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.base import ArticleId, AwareDatetime, Message, Part


class Span(Part):
    start: int = Field(ge=0, description="Start offset (Unicode code points), inclusive.")
    end: int = Field(ge=0, description="End offset (Unicode code points), exclusive.")


class OffsetMap(Part):
    """Piecewise map from a view's offsets to raw-text offsets.

    `segments` holds [view_start, raw_start, view_len, raw_len] runs sorted by view_start; inside a run
    of equal lengths offsets map one to one, otherwise the run maps as a whole.
    """

    segments: list[tuple[int, int, int, int]]


class RemovedBlock(Part):
    kind: Literal["chrome", "related", "byline", "captcha", "dateline", "control", "other"]
    text: str
    raw_start: int = Field(ge=0)
    raw_end: int = Field(ge=0)


class NormalizedArticle(Message):
    article_id: ArticleId
    source: str
    url: str | None = None
    language: str = "ar"
    title: str | None = Field(default=None, description="Title from the producer, or detected in the text.")
    published_at: AwareDatetime | None = Field(
        default=None, description="Effective publication time: the producer's, else the dateline's."
    )
    published_basis: Literal["producer", "dateline"] | None = None
    fetched_at: AwareDatetime
    raw_text_length: int = Field(ge=0, description="Length of RawArticle.text in code points.")
    clean_text: str = Field(description="Display/evidence view: letters as written, digits ASCII, no controls.")
    match_text: str = Field(description="Lexicon-lookup view: clean plus the folds (no diacritics, alef, yeh ...).")
    clean_to_raw: OffsetMap
    match_to_raw: OffsetMap
    paragraphs: list[Span] = Field(description="Paragraph spans in clean_text.")
    sentences: list[Span] = Field(description="Sentence spans in clean_text.")
    removed: list[RemovedBlock] = Field(description="Page chrome and related-story blocks cut from the text.")
    normalizer_version: str
