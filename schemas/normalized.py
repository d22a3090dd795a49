"""NormalizedArticle: the normaliser's output, with both text views and the way back to the raw text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field, GetPydanticSchema, PlainSerializer

from schemas.base import ArticleId, AwareDatetime, Message, Part


class Span(Part):
    start: int = Field(ge=0, description="Start offset (Unicode code points), inclusive.")
    end: int = Field(ge=0, description="End offset (Unicode code points), exclusive.")


Run = tuple[int, int, int, int]  # view_start, raw_start, view_len, raw_len


def _listed(runs: Sequence[Run]) -> list[Run]:
    return runs if isinstance(runs, list) else list(runs)


# The runs validate as a list of 4-tuples (JSON, or a model built by hand) and serialise as one, whatever
# sequence holds them: `normalize_article` constructs the maps around the C views' RunArrays (a flat array
# read as a sequence of the same tuples) without listing them, and the extractor reads any Sequence[Run].
Runs = Annotated[
    Sequence[Run],
    GetPydanticSchema(lambda _source, handler: handler(list[Run])),
    PlainSerializer(_listed, return_type=list[Run]),
]


class OffsetMap(Part):
    """Piecewise map from a view's offsets to raw-text offsets (services.arabic.offsets).

    `segments` holds [view_start, raw_start, view_len, raw_len] runs sorted by view_start. The runs tile
    the view without gaps; their raw ranges are in order and never overlap; raw text between two runs was
    deleted. Inside a run of equal lengths offsets map one to one, otherwise the run maps as a whole
    (a ligature expanded to two letters, a letter with its diacritics, a collapsed run of spaces).
    Only changed places create runs, so an article needs a few dozen.
    """

    segments: Runs = Field(description="[view_start, raw_start, view_len, raw_len] runs tiling the view, in order.")


RemovedKind = Literal["chrome", "related", "comments", "captcha", "header", "dateline", "duplicate", "byline"]


class RemovedBlock(Part):
    """Lines cut from the text, kept for audit: consecutive lines removed for the same reason form a block."""

    kind: RemovedKind = Field(
        description=(
            "chrome: site furniture (tags, share, news id, breadcrumbs, end marker and what follows); "
            "related: read-also links and related-story blocks; comments: comment-form prompts; "
            "captcha; header: section names above the headline; dateline: the publication-date line; "
            "duplicate: the headline printed a second time; byline: the author line at the end."
        )
    )
    text: str = Field(description="The removed raw text, as written.")
    raw_start: int = Field(ge=0, description="Start offset into RawArticle.text (code points).")
    raw_end: int = Field(ge=0, description="End offset into RawArticle.text (code points), exclusive.")


class NormalizedArticle(Message):
    article_id: ArticleId
    source: str
    url: str | None = None
    language: str = "ar"
    title: str | None = Field(
        default=None, description="Title from the producer (clean-folded), or detected in the text."
    )
    published_at: AwareDatetime | None = Field(
        default=None, description="Effective publication time: the producer's, else the dateline's."
    )
    published_basis: Literal["producer", "dateline"] | None = Field(
        default=None, description="Where published_at came from; a dateline without a zone is read as UTC."
    )
    fetched_at: AwareDatetime
    raw_text_length: int = Field(ge=0, description="Length of RawArticle.text in code points.")
    clean_text: str = Field(description="Display/evidence view: letters as written, digits ASCII, no controls.")
    match_text: str = Field(description="Lexicon-lookup view: clean plus the folds (no diacritics, alef, yeh ...).")
    clean_to_raw: OffsetMap
    match_to_raw: OffsetMap
    paragraphs: list[Span] = Field(description="Paragraph spans in clean_text.")
    sentences: list[Span] = Field(description="Sentence spans in clean_text.")
    removed: list[RemovedBlock] = Field(
        description="Page chrome, related-story blocks, dateline, repeated headline and byline cut from the text."
    )
    normalizer_version: str
