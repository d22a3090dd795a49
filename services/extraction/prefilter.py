"""Per-word pre-checks ("can a phrase start at this word?"), memoised next to the word set they test against.

An `lru_cache` keyed on `(word, frozenset)` compares the whole frozenset on every hit once an equal set has
been rebuilt (a second gazetteer object): one worst-case article went from 1 s to 32 s that way. Here each
set owns its memo, so a lookup hashes only the word.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from services.extraction.memo import remember

MEMO_LIMIT = 200_000


class StartFilter:
    def __init__(self, firsts: frozenset[str], test: Callable[[str, frozenset[str]], bool]) -> None:
        self.firsts = firsts
        self._test = test
        self._memo: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        known = self._memo.get(word)
        if known is None:
            known = remember(self._memo, word, self._test(word, self.firsts), MEMO_LIMIT)
        return known

    def starts(self, words: Sequence[str], skip: str | None = None) -> list[int]:
        """Positions of `words` where a phrase may start (words equal to `skip` excluded): one pass, one
        memo lookup per word."""
        memo = self._memo
        out: list[int] = []
        for i, w in enumerate(words):
            if w == skip:
                continue
            known = memo.get(w)
            if known is None:
                known = self(w)
            if known:
                out.append(i)
        return out
