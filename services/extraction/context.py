"""Context of an event: status markers, background markers, topics, figures, attribution, agreements."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from schemas.event import Figure, Status
from services.extraction.lexicon import PhraseIndex, data_lines, fold_words, marker_index, phrase_index
from services.extraction.morph import proclitic_readings
from services.extraction.text import Token

_STATUS_WINDOW = 25  # tokens before the trigger a planned/hypothetical marker may govern
_NEG_WINDOW = 3  # لم / لن directly before the trigger
_HYPOTHETICAL_AFTER = 12  # "لا مانع من لقاء X إذا تم الاتفاق": the condition may follow the event


def _seq_at(words: Sequence[str], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(words):
        return False
    first = {stem for stem, _p in proclitic_readings(words[i])}
    return seq[0] in first and tuple(words[i + 1 : i + len(seq)]) == seq[1:]


_MARKS: list[tuple[Sequence[str], list[frozenset[str]]]] = []  # recent sentences (by identity) -> kinds


def _marks(words: Sequence[str]) -> list[frozenset[str]]:
    """Marker kinds starting at each position of a sentence, computed once per sentence object."""
    for seen, marks in _MARKS:
        if seen is words:
            return marks
    index = marker_index()
    marks = [frozenset(k for k, _n in index.at(words, i)) for i in range(len(words))]
    _MARKS.insert(0, (words, marks))
    del _MARKS[4:]
    return marks


def find_marker(words: Sequence[str], kind: str, lo: int, hi: int) -> int | None:
    """Index of the first marker of `kind` starting in words[lo:hi], or None."""
    marks = _marks(words)
    for i in range(max(lo, 0), min(hi, len(words))):
        if kind in marks[i]:
            return i
    return None


def status_at(words: Sequence[str], trigger: int, *, future: bool, planned_word: bool) -> Status:
    """Status of the event whose trigger is words[trigger] (indices local to the sentence)."""
    lo = max(0, trigger - _STATUS_WINDOW)
    if find_marker(words, "denied", trigger - _NEG_WINDOW, trigger) is not None:
        return Status.DENIED
    denial = find_marker(words, "denied", 0, trigger)
    if denial is not None and words[denial] not in ("لم", "لن") and trigger - denial <= _STATUS_WINDOW:
        return Status.DENIED
    if find_marker(words, "hypothetical", lo, trigger + _HYPOTHETICAL_AFTER) is not None:
        return Status.HYPOTHETICAL
    if future or planned_word or find_marker(words, "planned", lo, trigger + 3) is not None:
        return Status.PLANNED
    return Status.OCCURRED


def future_negation(words: Sequence[str], trigger: int) -> bool:
    """'لن يزور': a denied future act (coded like a planned one, status denied)."""
    return any(w == "لن" for w in words[max(0, trigger - _NEG_WINDOW) : trigger])


def is_background(words: Sequence[str]) -> bool:
    """A sentence reporting an earlier event: 'وكان ... قد', 'كان ... قال خلال', 'في وقت سابق'."""
    if words and words[0] in ("وكان", "كان", "وكانت", "كانت"):
        return True
    return find_marker(words, "background", 0, len(words)) is not None


@functools.cache
def _topic_index() -> PhraseIndex:
    table: dict[str, list[tuple[str, ...]]] = {}
    for tag, words in data_lines("topics.tsv"):
        table.setdefault(tag, []).append(fold_words(words))
    return phrase_index(table)


def topics(words: Sequence[str]) -> list[str]:
    """Topic tags in order of first mention."""
    index = _topic_index()
    found: dict[str, None] = {}
    for i in range(len(words)):
        for tag, _n in index.at(words, i):
            found.setdefault(tag)
    return list(found)


# A figure: a number (ASCII digits in clean text) with a unit. Bounded quantifiers only: no backtracking.
_FIGURE = re.compile(
    r"(?:(?:بنسبة|بأكثر من|بأقل من|نحو|حوالي)\s?)?([0-9]{1,12}(?:[.,][0-9]{1,4})?)\s?"
    r"(%|٪|في المئة|في المائة|بالمئة|مليار دولار|مليون دولار|مليار يورو|مليون يورو|عاما|عامًا|عاماً|سنة)"
)
_UNITS = {
    "%": "percent",
    "٪": "percent",
    "في المئة": "percent",
    "في المائة": "percent",
    "بالمئة": "percent",
    "مليار دولار": "usd_billion",
    "مليون دولار": "usd_million",
    "مليار يورو": "eur_billion",
    "مليون يورو": "eur_million",
    "عاما": "years",
    "عامًا": "years",
    "عاماً": "years",
    "سنة": "years",
}
_MEASURES = (
    ("التبادل التجاري", "trade volume"),
    ("التجارة", "trade"),
    ("تجارة", "trade"),
    ("الاستثمار", "investment"),
    ("تستثمر", "investment"),
    ("التعاون", "cooperation horizon"),
)


def figures(sentence: str) -> list[Figure]:
    out: list[Figure] = []
    for m in _FIGURE.finditer(sentence[:5000]):
        before = sentence[max(0, m.start() - 60) : m.start()]
        measure = next((name for word, name in _MEASURES if word in before), None)
        start = max(before.rfind(" ", 0, max(0, len(before) - 12)) + 1, 0) if before else 0
        text = (before[start:] + m.group(0)).strip()
        value = float(m.group(1).replace(",", "."))
        out.append(Figure(text=text, value=value, unit=_UNITS[m.group(2)], measure=measure))
    return out


@functools.cache
def _attribution_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for kind, words in data_lines("attribution.tsv"):
        out.setdefault(kind, []).append(fold_words(words))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _attribution_index() -> PhraseIndex:
    return phrase_index(_attribution_table())


def agency_spans(words: Sequence[str]) -> list[tuple[int, int]]:
    """Token spans of news-agency names ('إيران برس', 'وكالة مهر'): never actors of an event."""
    index = _attribution_index()
    out = []
    for i in range(len(words)):
        n = index.longest(words, i, "agency")
        if n:
            out.append((i, i + n))
    return out


def attribution(tokens: Sequence[Token], surface: str, base: int) -> list[str]:
    """Sources a sentence cites. `surface` is the sentence's clean text, `base` its first token's raw start."""
    table = _attribution_table()
    words = [t.key for t in tokens]
    stops = {s[0] for s in table["stop"]}
    found: list[str] = []
    index = _attribution_index()
    for i in range(len(words)):
        agency = index.longest(words, i, "agency")
        if agency:
            name = _surface(tokens, i, i + agency, surface, base)
            found.append(name[_clitic_length(words[i], index) :])  # "لارنا" -> "ارنا"
        for kind, n in index.at(words, i):
            if kind == "cue":
                j = i + n
                k = j
                while k < len(words) and k < j + 4 and words[k].isalnum() and words[k] not in stops:
                    k += 1
                if k > j and k - j >= 1 and words[j].startswith(("ال", "وكال", "لل")):
                    found.append(_surface(tokens, j, k, surface, base))
    return list(dict.fromkeys(f for f in found if f))


def _clitic_length(word: str, index: PhraseIndex) -> int:
    """Letters of the proclitic a phrase's first word carries (و، ب، ل، لل), 0 if none."""
    for stem, prep in proclitic_readings(word):
        if stem in index.by_first:
            return len(word) - len(stem) if prep or stem != word else 0
    return 0


def _surface(tokens: Sequence[Token], i: int, j: int, surface: str, base: int) -> str:
    return surface[tokens[i].start - base : tokens[j - 1].end - base]


_AGREEMENT_HEADS = ("اتفاقيه", "اتفاق", "مذكره", "معاهده", "وثيقه")
_AGREEMENT_STOPS = frozenset({"مع", "بين", "في", "التي", "الذي", "على", "خلال", "من"})


def agreements(tokens: Sequence[Token], surface: str, base: int) -> list[str]:
    words = [t.key for t in tokens]
    out: list[str] = []
    for i, w in enumerate(words):
        stems = {s for s, _p in proclitic_readings(w)}
        if not any(s in _AGREEMENT_HEADS or s in {"ال" + h for h in _AGREEMENT_HEADS} for s in stems):
            continue
        k = i + 1
        while k < len(words) and k < i + 5 and words[k].isalnum() and words[k] not in _AGREEMENT_STOPS:
            k += 1
        if k - i >= 3:  # a head noun and at least two qualifying words: a named agreement
            out.append(_surface(tokens, i, k, surface, base))
    return out
