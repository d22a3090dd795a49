"""Pure Arabic text handling: normalisation, structure, segmentation. No I/O, stdlib only."""

from services.arabic.fold import match_key
from services.arabic.normalize import NormalizeLimits, normalize_article

__all__ = ["NormalizeLimits", "match_key", "normalize_article"]
