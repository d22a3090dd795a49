"""Find trigger words (verbs and verbal nouns of the lexicon) in a sentence's folded words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from services.extraction.lexicon import Trigger, trigger_index
from services.extraction.memo import remember
from services.extraction.morph import noun_readings, verb_readings


@dataclass(frozen=True, slots=True, init=False)
class Clue:
    index: int  # sentence-local token index of the trigger's first word
    end: int
    trigger: Trigger
    future: bool  # the verb carries the future prefix سـ

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(self, index: int, end: int, trigger: Trigger, future: bool) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "future", future)


def _first_readings(word: str) -> list[tuple[str, bool, bool]]:
    """(stem, future, is_noun_reading) readings of a word."""
    out = [(stem, fut, False) for stem, fut in verb_readings(word)]
    out.extend((stem, False, True) for stem in noun_readings(word))
    return out


def _rest_matches(words: Sequence[str], i: int, form: tuple[str, ...]) -> bool:
    if i + len(form) > len(words):
        return False
    return all(form[k] in noun_readings(words[i + k]) for k in range(1, len(form)))


_NEAR_WINDOW = 8
_CLOSE_WINDOW = 3  # a `close` trigger's near= word: the object itself, not a word of a later phrase


_PUNCT = "\x00"  # a punctuation token: commas around a time adjunct do not count as words


def _near_ok(words: Sequence[str], i: int, trig: Trigger) -> bool:
    """A `near=WORD` flag: WORD (any reading) must follow within a few words, punctuation not counted
    ("أقر الاتحاد الأوروبي، الاثنين، الحزمة … من العقوبات"); `near=A|B`: A or B."""
    for flag in trig.flags:
        if flag.startswith("near="):
            wanted = flag[5:].split("|")
            size = _CLOSE_WINDOW if "close" in trig.flags else _NEAR_WINDOW
            window = words[i + 1 : i + 1 + size]
            extra = sum(1 for w in window if w == _PUNCT)
            if extra:
                window = words[i + 1 : i + 1 + size + extra]
            if not any(x in noun_readings(w) for w in window for x in wanted):
                return False
    return True


_STARTING: Final[dict[str, tuple[tuple[Trigger, bool], ...]]] = {}


def _starting(word: str) -> tuple[tuple[Trigger, bool], ...]:
    """(trigger, future) pairs whose first word is a reading of `word`, longest form first (memoised)."""
    found = _STARTING.get(word)
    return found if found is not None else remember(_STARTING, word, _starting_new(word), 200_000)


def _starting_new(word: str) -> tuple[tuple[Trigger, bool], ...]:
    index = trigger_index()
    out: list[tuple[Trigger, bool]] = []
    for stem, future, is_noun in _first_readings(word):
        for trig in index.get(stem, ()):
            if (trig.pos == "noun") != is_noun and not (trig.pos == "verb" and stem == word):
                continue
            if future and trig.pos != "verb":
                continue
            out.append((trig, future))
    return tuple(sorted(dict.fromkeys(out), key=lambda e: -len(e[0].form)))


def may_start_clue(word: str) -> bool:
    """May a trigger start at this (folded) word?"""
    return bool(_starting(word))


def find_clues(words: Sequence[str], starts: Sequence[int] | None = None) -> list[Clue]:
    """The triggers of a sentence's words, left to right, non-overlapping (`starts`: the positions where
    `may_start_clue` holds, when the caller has them)."""
    out: list[Clue] = []
    free = 0  # the first position after the last trigger found
    memo = _STARTING
    for i in range(len(words)) if starts is None else starts:
        word = words[i]
        entries = memo.get(word)  # looked up here: map(_starting, …) made a Python-level call per word
        if entries is None:
            entries = _starting(word)
        if not entries or i < free:
            continue
        best: Clue | None = None
        for trig, future in entries:
            if best is not None and len(trig.form) <= len(best.trigger.form):
                break
            if _near_ok(words, i, trig) and _rest_matches(words, i, trig.form):
                best = Clue(i, i + len(trig.form), trig, future)
        if best is not None:
            out.append(best)
            free = best.end
    return out
