"""Pure Arabic text handling: normalisation, structure, segmentation. No I/O, stdlib only.

Public API: `normalize_article`, `NormalizeLimits`, `FoldOptions`, `match_key`, the span mappers
(`clean_span_to_raw`, `match_span_to_raw`, `raw_span_to_clean`, `raw_span_to_match`, `clean_span_to_match`)
and the text-level views (`clean_view`, `match_view`) with their runs.
"""

from services.arabic.fold import clean_view, match_key, match_view
from services.arabic.normalize import NORMALIZER_VERSION, NormalizeLimits, normalize_article
from services.arabic.options import FoldOptions
from services.arabic.spans import (
    clean_span_to_match,
    clean_span_to_raw,
    match_span_to_raw,
    raw_span_to_clean,
    raw_span_to_match,
)

__all__ = [
    "NORMALIZER_VERSION",
    "FoldOptions",
    "NormalizeLimits",
    "clean_span_to_match",
    "clean_span_to_raw",
    "clean_view",
    "match_key",
    "match_span_to_raw",
    "match_view",
    "normalize_article",
    "raw_span_to_clean",
    "raw_span_to_match",
]
