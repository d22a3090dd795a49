"""Bounded per-word memos: a plain dict, cleared when full.

`functools.lru_cache(maxsize=N)` keeps its entries in recency order and relinks one on every hit; on the
extractor's per-token paths (thousands of hits per article) that bookkeeping cost more than the lookup itself.
News vocabulary repeats heavily, so emptying a full memo (rare) loses little, and memory stays bounded.
Callers look up with `memo.get(word)` and store a miss with `remember`; memoised values are never None.
"""

from __future__ import annotations

from typing import TypeVar

V = TypeVar("V")


def remember(memo: dict[str, V], key: str, value: V, limit: int) -> V:
    """Store `value` under `key` (emptying `memo` first when it holds `limit` entries) and return it."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value
