"""Shared helpers of the normaliser tests: raw articles, seed texts, offset-map invariants."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from schemas.normalized import NormalizedArticle
from schemas.outcome import Rejection
from schemas.raw import IngestMetadata, RawArticle
from services.arabic import NormalizeLimits, normalize_article
from services.arabic.offsets import Run
from tests.paths import SEED_FILES

FETCHED = datetime(2024, 3, 20, 8, 0, tzinfo=UTC)
DEFAULT_LIMITS = NormalizeLimits()


def raw_article(text: str, **fields: object) -> RawArticle:
    values: dict[str, object] = {
        "article_id": "test:1",
        "source": "test",
        "text": text,
        "fetched_at": FETCHED,
        "ingest": IngestMetadata(channel="cli"),
    }
    values.update(fields)
    return RawArticle.model_validate(values)


def normalized(text: str, limits: NormalizeLimits = DEFAULT_LIMITS, **fields: object) -> NormalizedArticle:
    result = normalize_article(raw_article(text, **fields), limits)
    assert isinstance(result, NormalizedArticle), result
    return result


# A story's opening and its later paragraphs, for tests of what the structure pass cuts between them.
STORY_OPENING = "قال الوزير إن المحادثات كانت مثمرة وبناءة.\nوأضاف أن البلدين اتفقا على مواصلة التشاور."
STORY_PARAGRAPHS = "\n".join(f"وفي الفقرة {i} قال المتحدث إن الاجتماع تناول قضايا كثيرة تهم البلدين." for i in range(4))


def removed(article: NormalizedArticle) -> list[tuple[str, str]]:
    """The blocks the normaliser cut, as (kind, text)."""
    return [(block.kind, block.text) for block in article.removed]


def rejected(text: str, limits: NormalizeLimits = DEFAULT_LIMITS) -> Rejection:
    result = normalize_article(raw_article(text), limits)
    assert isinstance(result, Rejection), result
    return result


def seed_text(prefix: str) -> str:
    matches = [path for path in SEED_FILES if path.name.startswith(prefix)]
    assert len(matches) == 1, f"seed {prefix} not found in {SEED_FILES}"
    return matches[0].read_text(encoding="utf-8")


def assert_valid_runs(runs: Sequence[Run], view_len: int, raw_len: int) -> None:
    """Runs tile [0, view_len) in order; raw ranges are ordered, disjoint, non-empty and inside the raw text;
    the map is compact (no two one-to-one runs that could be one)."""
    view_pos, raw_pos, previous_exact = 0, 0, False
    for view_start, raw_start, view_len_run, raw_len_run in runs:
        assert view_start == view_pos, runs
        assert view_len_run > 0 and raw_len_run > 0, runs
        assert raw_start >= raw_pos, runs
        exact = view_len_run == raw_len_run
        assert not (exact and previous_exact and raw_start == raw_pos), f"uncompacted runs {runs}"
        previous_exact = exact
        view_pos, raw_pos = view_start + view_len_run, raw_start + raw_len_run
    assert view_pos == view_len
    assert raw_pos <= raw_len


def boundaries(runs: Sequence[Run]) -> list[int]:
    """View offsets where runs start or end (every offset inside a one-to-one run is one too)."""
    points = {0}
    for view_start, _raw_start, view_len, raw_len in runs:
        if view_len == raw_len:
            points.update(range(view_start, view_start + view_len + 1))
        else:
            points.update((view_start, view_start + view_len))
    return sorted(points)
