"""Small statistics: percentiles, medians over repetitions, and how much the repetitions disagree."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile, q in [0, 100]; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def distribution(values: Sequence[float]) -> dict[str, float]:
    return {
        "n": float(len(values)),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "max": max(values) if values else 0.0,
    }


def spread(values: Sequence[float]) -> dict[str, Any]:
    """Median of repetitions plus min, max and the relative range ((max-min)/median) as the noise figure."""
    if not values:
        return {"median": 0.0, "min": 0.0, "max": 0.0, "rel_range": 0.0, "reps": []}
    median = statistics.median(values)
    rel = (max(values) - min(values)) / median if median else 0.0
    return {"median": median, "min": min(values), "max": max(values), "rel_range": rel, "reps": list(values)}


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0
