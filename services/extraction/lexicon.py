"""Versioned data files of the extractor (trigger lexicon, context markers), loaded lazily and once."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Final

from schemas.event import PloverType
from services.arabic import match_key
from services.extraction.memo import remember
from services.extraction.morph import proclitic_readings

FRAMES = frozenset({"sv", "recv", "host", "visit", "summon", "multi", "chair", "recognise", "aid"})
FLAGS = frozenset(
    {
        "weak",
        "planned",
        "needs_actor2",
        "dual",
        "invite",
        "solo",
        "exchange",
        "itinerary",
        "withdraw",
        "mission",
        "close",
        "package",
        "participle",
        "arrival",
        "credentials",
    }
)
POS = frozenset({"verb", "noun"})


@dataclass(frozen=True, slots=True)
class Trigger:
    form: tuple[str, ...]  # folded words
    surface: str
    pos: str
    event_type: PloverType
    mode: str | None
    cameo: str
    frame: str
    flags: frozenset[str]


def data_lines(name: str) -> Iterator[list[str]]:
    """Non-comment, non-empty lines of a package data file, split on tabs."""
    text = resources.files("services.extraction").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


_FOLDED_WORDS: Final[dict[str, tuple[str, ...]]] = {}


def fold_words(text: str) -> tuple[str, ...]:
    found = _FOLDED_WORDS.get(text)
    return found if found is not None else remember(_FOLDED_WORDS, text, _fold_words_new(text), 65536)


def _fold_words_new(text: str) -> tuple[str, ...]:
    return tuple(match_key(w) for w in text.split())


@functools.cache
def triggers() -> tuple[Trigger, ...]:
    out: list[Trigger] = []
    for cols in data_lines("triggers.tsv"):
        if cols[0] == "form":
            continue
        if len(cols) != 7:
            raise ValueError(f"triggers.tsv: expected 7 columns, got {len(cols)}: {cols!r}")
        form, pos, etype, mode, cameo, frame, flags = cols
        flag_set = frozenset() if flags == "-" else frozenset(flags.split(","))
        plain = {f for f in flag_set if not f.startswith("near=")}
        near = {"near=" + "|".join(match_key(w) for w in f[5:].split("|")) for f in flag_set - plain}
        flag_set = frozenset(plain | near)
        if pos not in POS or frame not in FRAMES or not plain <= FLAGS:
            raise ValueError(f"triggers.tsv: bad pos/frame/flags in {cols!r}")
        plover = PloverType(etype)
        out.append(Trigger(fold_words(form), form, pos, plover, None if mode == "-" else mode, cameo, frame, flag_set))
    return tuple(out)


@functools.cache
def trigger_index() -> dict[str, tuple[Trigger, ...]]:
    """First folded word -> triggers starting with it, longest form first."""
    index: dict[str, list[Trigger]] = {}
    for trig in triggers():
        index.setdefault(trig.form[0], []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: -len(t.form))) for k, v in index.items()}


@functools.cache
def markers() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Marker kind -> folded word sequences."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cols in data_lines("markers.tsv"):
        if len(cols) != 2:
            raise ValueError(f"markers.tsv: expected 2 columns: {cols!r}")
        out.setdefault(cols[0], []).append(fold_words(cols[1]))
    return {k: tuple(v) for k, v in out.items()}


def _follows(words: Sequence[str], i: int, seq: tuple[str, ...]) -> bool:
    """Do words[i + 1 :] begin with seq[1:]? (compared in place: no slices on the per-word path)"""
    if i + len(seq) > len(words):
        return False
    return all(words[i + k] == seq[k] for k in range(1, len(seq)))


@dataclass(frozen=True, slots=True)
class PhraseIndex:
    """Word sequences of several kinds, indexed by their first word for O(1) lookup per position."""

    by_first: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    _by_word: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)

    def _starting(self, word: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Phrases whose first word is some proclitic reading of `word` (memoised per word)."""
        found = self._by_word.get(word)
        if found is None:
            found = tuple(e for stem, _p in proclitic_readings(word) for e in self.by_first.get(stem, ()))
            if len(self._by_word) < _WORD_CACHE:
                self._by_word[word] = found
        return found

    def may_start(self, word: str) -> bool:
        """May some phrase start at `word` (its first word is a reading of the word)?"""
        return bool(self._starting(word))

    def starts(self, words: Sequence[str]) -> list[int]:
        """Positions of `words` where some phrase may start (its first word is a reading of the word)."""
        known = self._by_word
        out: list[int] = []
        for i, w in enumerate(words):
            found = known.get(w)
            if found is None:
                found = self._starting(w)
            if found:
                out.append(i)
        return out

    def at(self, words: Sequence[str], i: int) -> list[tuple[str, int]]:
        """(kind, length) of every phrase starting at words[i]; proclitics allowed on the first word."""
        out: list[tuple[str, int]] = []
        starting = self._by_word.get(words[i])
        for kind, seq in self._starting(words[i]) if starting is None else starting:
            if len(seq) == 1 or _follows(words, i, seq):
                out.append((kind, len(seq)))
        return out

    def kinds_at(self, words: Sequence[str], i: int) -> dict[str, int]:
        """Kind -> length of the longest phrase of that kind starting at words[i] (kinds in the order of
        their longest phrase): what `at` gives, folded without building its list."""
        out: dict[str, int] = {}
        starting = self._by_word.get(words[i])
        for kind, seq in self._starting(words[i]) if starting is None else starting:
            n = len(seq)
            if (n == 1 or _follows(words, i, seq)) and n > out.get(kind, 0):
                out[kind] = n
        return out

    def longest(self, words: Sequence[str], i: int, kind: str) -> int:
        return max((n for k, n in self.at(words, i) if k == kind), default=0)


_WORD_CACHE = 200_000


def phrase_index(table: Mapping[str, Iterable[tuple[str, ...]]]) -> PhraseIndex:
    by_first: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for kind, seqs in table.items():
        for seq in seqs:
            if seq:
                by_first.setdefault(seq[0], []).append((kind, seq))
    return PhraseIndex({k: tuple(sorted(v, key=lambda e: -len(e[1]))) for k, v in by_first.items()})


@functools.cache
def marker_index() -> PhraseIndex:
    return phrase_index(markers())
