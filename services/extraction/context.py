"""Context of an event: status markers, background markers, topics, figures, attribution, agreements."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from schemas.event import Figure, Status
from services.extraction.codes import STATUS_DENIED, STATUS_HYPOTHETICAL, STATUS_OCCURRED, STATUS_PLANNED
from services.extraction.lexicon import PhraseIndex, data_lines, fold_words, markers, phrase_index
from services.extraction.models import build
from services.extraction.morph import proclitic_readings, reads_as
from services.extraction.text import Token

_STATUS_WINDOW = 25  # tokens before the trigger a planned/hypothetical marker may govern
_NEG_WINDOW = 3  # لم / لن directly before the trigger
_PLANNED_AFTER = 6  # "زيارة إلى تونس الأسبوع القادم"
_IMPERFECT_AFTER = 12  # "يتوجه رئيس الوزراء العراقي إلى أنقرة الأحد المقبل": a present-tense verb, a future time
_HYPOTHETICAL_AFTER = 12  # "لا مانع من لقاء X إذا تم الاتفاق": the condition may follow the event


def _seq_at(words: Sequence[str], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(words):
        return False
    first = {stem for stem, _p in proclitic_readings(words[i])}
    return seq[0] in first and tuple(words[i + 1 : i + len(seq)]) == seq[1:]


class _Marks:
    """The phrases starting in one sentence: at each position where one starts, kind -> longest length; and
    per marker kind (without its "m:") the positions where one starts, in order, so that a search for a
    marker reads a few positions instead of probing every word of its window."""

    def __init__(self, starts: list[int], kinds: list[dict[str, int]], markers: dict[str, list[int]]) -> None:
        self.starts = starts
        self.kinds = kinds  # parallel to starts
        self.markers = markers


_MARKS: dict[int, tuple[Sequence[str], _Marks]] = {}  # id(sentence words) -> its phrases
_MARKS_MAX = 2048


@functools.cache
def _all_index() -> PhraseIndex:
    """Markers (m:), attribution words (a:) and topic words (t:) in one index: one lookup per word."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for kind, seqs in markers().items():
        table[f"m:{kind}"] = list(seqs)
    for kind, seqs in _attribution_table().items():
        table[f"a:{kind}"] = list(seqs)
    for tag, words in data_lines("topics.tsv"):
        table.setdefault(f"t:{tag}", []).append(fold_words(words))
    return phrase_index(table)


def may_start_phrase(word: str) -> bool:
    """May a marker, attribution or topic phrase start at this (folded) word?"""
    return _all_index().may_start(word)


def _marks(words: Sequence[str], positions: Sequence[int] | None = None) -> _Marks:
    """The phrases of a sentence, computed once per sentence object (`positions`: where
    `may_start_phrase` holds, when the caller has them)."""
    cached = _MARKS.get(id(words))
    if cached is not None and cached[0] is words:
        return cached[1]
    index = _all_index()
    starts: list[int] = []
    kinds: list[dict[str, int]] = []
    found: dict[str, list[int]] = {}
    for i in index.starts(words) if positions is None else positions:
        here = index.kinds_at(words, i)
        if not here:
            continue
        starts.append(i)
        kinds.append(here)
        for kind in here:
            if kind.startswith("m:"):
                found.setdefault(kind[2:], []).append(i)
    marks = _Marks(starts, kinds, found)
    if len(_MARKS) >= _MARKS_MAX:
        _MARKS.clear()
    _MARKS[id(words)] = (words, marks)  # the words object is kept alive, so its id is not reused
    return marks


def find_marker(words: Sequence[str], kind: str, lo: int, hi: int) -> int | None:
    """Index of the first marker of `kind` starting in words[lo:hi], or None."""
    positions = _marks(words).markers.get(kind)
    if positions is None:
        return None
    hi = min(hi, len(words))
    for i in positions:
        if i >= hi:
            return None
        if i >= lo:
            return i
    return None


def status_at(words: Sequence[str], trigger: int, *, future: bool, planned_word: bool) -> Status:
    """Status of the event whose trigger is words[trigger] (indices local to the sentence)."""
    lo = max(0, trigger - _STATUS_WINDOW)
    if find_marker(words, "denied", trigger - _NEG_WINDOW, trigger) is not None:
        return STATUS_DENIED
    denial = find_marker(words, "denied", 0, trigger)
    if denial is not None and words[denial] not in ("لم", "لن") and trigger - denial <= _STATUS_WINDOW:
        return STATUS_DENIED
    if find_marker(words, "hypothetical", lo, trigger + _HYPOTHETICAL_AFTER) is not None:
        return STATUS_HYPOTHETICAL
    if (
        future
        or planned_word
        or find_marker(words, "planned", _past_occasion(words, lo, trigger), trigger + 3) is not None
        or find_marker(words, "planned_after", trigger + 1, trigger + _after_window(words[trigger])) is not None
        or find_marker(words, "future_verb", trigger + 1, trigger + _IMPERFECT_AFTER) is not None
        or _agreed_on(words, trigger)
        or find_marker(words, "future_support", max(0, trigger - _SUPPORT_REACH), trigger) is not None
        or _later(words, trigger)
    ):
        return STATUS_PLANNED
    return STATUS_OCCURRED


def _past_occasion(words: Sequence[str], lo: int, trigger: int) -> int:
    """Where a word of planning before the trigger may stand: after the last clause naming the occasion of what
    precedes it (`occasion_clause` in `markers.tsv`: 'أن السودان وإسرائيل اتفقا على إنهاء حالة العداء، وذلك بعد اتصال
    هاتفي أجراه ترامب': the call took place, the agreement is not about it; rule 36)."""
    k = find_marker(words, "occasion_clause", lo, trigger)
    while k is not None:
        lo = k + 1
        k = find_marker(words, "occasion_clause", lo, trigger)
    return lo


_AGREED_ON = 2  # "اتفقا على عقد الجولة"، "اتفق الوزيران على إجراء زيارة"
_SUPPORT_REACH = 5  # "سيعقد خلال الزيارة جلسة مباحثات": a future support verb before the noun it carries


def _agreed_on(words: Sequence[str], trigger: int) -> bool:
    """'واتفق الوزيران على عقد الجولة المقبلة': an act a verb of agreeing governs through على lies ahead."""
    return agreeing_verb(words, trigger) is not None


_ON = frozenset({"علي", "وعلي"})  # folded على، وعلى: "اتفقا على إنشاء آليات …، وعلى عقد اجتماع متابعة"


def agreeing_verb(words: Sequence[str], trigger: int) -> int | None:
    """Where the verb of agreeing that governs the act at `trigger` through على (or a second وعلى) stands."""
    on = next((k for k in range(trigger - 1, max(-1, trigger - 1 - _AGREED_ON), -1) if words[k] in _ON), None)
    return None if on is None else find_marker(words, "agree_verb", max(0, on - _STATUS_WINDOW), on)


def _later(words: Sequence[str], trigger: int) -> bool:
    """'كما يلتقي الملك في وقت لاحق من الزيارة': a present-tense verb with 'later' after it lies ahead (a past
    verb with it, 'والتقى في وقت لاحق', took place)."""
    bare = words[trigger][1:] if words[trigger][:1] in ("و", "ف") else words[trigger]
    if not bare.startswith(("ي", "ت")) or bare.startswith("تم"):
        return False
    return find_marker(words, "later", trigger + 1, trigger + _IMPERFECT_AFTER) is not None


def _after_window(word: str) -> int:
    """How far after its trigger a future time word still dates the act: further for an imperfect verb (يـ)."""
    bare = word[1:] if word[:1] in ("و", "ف") else word
    return _IMPERFECT_AFTER if bare.startswith("ي") else _PLANNED_AFTER


_CANCEL_WINDOW = 5  # "أُلغيت في ديسمبر الماضي قمة": words between the cancelling word and the act


def cancelled(words: Sequence[str], trigger: int) -> bool:
    """'أعلن إلغاء زيارة كان من المقرر أن يجريها': a called-off act lay ahead and will not happen."""
    return find_marker(words, "cancel", max(0, trigger - _CANCEL_WINDOW), trigger) is not None


def future_negation(words: Sequence[str], trigger: int) -> bool:
    """'لن يزور': a denied future act (coded like a planned one, status denied)."""
    return any(w == "لن" for w in words[max(0, trigger - _NEG_WINDOW) : trigger])


_WAS = frozenset({"وكان", "كان", "وكانت", "كانت"})
_AS = frozenset({"كما", "وكما"})
_QAD_WINDOW = 10  # words from كان to its قد: "كما كان الرئيس حسن شيخ محمود قد زار"


def is_background(words: Sequence[str]) -> bool:
    """A sentence reporting an earlier event: 'وكان ... قد', 'كان ... قال خلال', 'في وقت سابق', and 'كما
    كان ... قد' ("كما كان أردوغان قد زار برلين"), but not 'كما كان مقرراً' (as planned)."""
    if words and words[0] in _WAS:
        return True
    if len(words) > 1 and words[0] in _AS and words[1] in _WAS and "قد" in words[2 : 2 + _QAD_WINDOW]:
        return True
    return find_marker(words, "background", 0, len(words)) is not None


def topics(sentences: Sequence[Sequence[str]]) -> list[str]:
    """Topic tags of an article's sentences, in order of first mention."""
    found: dict[str, None] = {}
    for words in sentences:
        for here in _marks(words).kinds:
            for kind in here:
                if kind.startswith("t:"):
                    found.setdefault(kind[2:])
    return list(found)


# A figure: a number (ASCII digits in clean text) with a unit, and the lead-in word before it if any.
# Bounded quantifiers only: no backtracking. The pattern opens with one digit (`[0-9][0-9]{0,11}`, not
# `[0-9]{1,12}`: a leading character class is what lets the regex engine skip ahead to the next digit)
# instead of trying the optional lead-ins at every position; the lead-in is read off after a match.
_FIGURE = re.compile(
    r"([0-9][0-9]{0,11}(?:[.,][0-9]{1,4})?)\s?"
    r"(%|٪|في المئة|في المائة|بالمئة|مليار دولار|مليون دولار|مليار يورو|مليون يورو|عاما|عامًا|عاماً|سنة)"
)
_LEAD_INS = ("بنسبة", "بأكثر من", "بأقل من", "نحو", "حوالي")  # none ends another: at most one fits
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
    free = 0  # where the previous figure ended: a lead-in starts no earlier
    for m in _FIGURE.finditer(sentence[:5000]):
        first = _lead_in_start(sentence, free, m.start())
        free = m.end()
        before = sentence[max(0, first - 60) : first]
        measure = next((name for word, name in _MEASURES if word in before), None)
        start = max(before.rfind(" ", 0, max(0, len(before) - 12)) + 1, 0) if before else 0
        text = (before[start:] + sentence[first:free]).strip()
        value = float(m.group(1).replace(",", "."))
        out.append(build(Figure, {"text": text, "value": value, "unit": _UNITS[m.group(2)], "measure": measure}))
    return out


def _lead_in_start(sentence: str, free: int, number: int) -> int:
    """Where a figure whose number starts at `number` begins: at its lead-in ("بنسبة 5%", "نحو 3 مليار دولار",
    one optional space between) when one lies in sentence[free:number], else at the number."""
    end = number - 1 if number > free and sentence[number - 1].isspace() else number
    for lead in _LEAD_INS:
        if sentence.endswith(lead, free, end):
            return end - len(lead)
    return number


@functools.cache
def _attribution_table() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for kind, words in data_lines("attribution.tsv"):
        out.setdefault(kind, []).append(fold_words(words))
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def _attribution_stops() -> frozenset[str]:
    """Words that end the name of a cited source."""
    return frozenset(seq[0] for seq in _attribution_table()["stop"])


def agency_spans(words: Sequence[str], positions: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Token spans of news-agency names ('إيران برس', 'وكالة مهر'): never actors of an event. `positions`:
    where `may_start_phrase` holds, when the caller has them."""
    marks = _marks(words, positions)
    return [(i, i + here["a:agency"]) for i, here in zip(marks.starts, marks.kinds, strict=True) if "a:agency" in here]


def attribution(words: Sequence[str], tokens: Sequence[Token], surface: str, base: int) -> list[str]:
    """Sources a sentence cites. `words` are the sentence's folded words (as in its view), `tokens` its
    tokens, `surface` its clean text and `base` the raw offset of its first token."""
    found: list[str] = []  # most sentences cite no one: nothing below runs for them but the loop
    marks = _marks(words)
    for i, here in zip(marks.starts, marks.kinds, strict=True):
        agency = here.get("a:agency", 0)
        if agency:
            name = _surface(tokens, i, i + agency, surface, base)
            found.append(name[_clitic_length(words[i]) :])  # "لارنا" -> "ارنا"
        cue = here.get("a:cue", 0)
        if cue:
            stops = _attribution_stops()
            j = i + cue
            k = j
            while k < len(words) and k < j + 4 and words[k].isalnum() and words[k] not in stops:
                k += 1
            if k > j and words[j].startswith(("ال", "وكال", "لل")):
                found.append(_surface(tokens, j, k, surface, base))
    return list(dict.fromkeys(f for f in found if f)) if found else found


def _clitic_length(word: str) -> int:
    """Letters of the proclitic a phrase's first word carries (و، ب، ل، لل), 0 if none."""
    firsts = _all_index().by_first
    for stem, prep in proclitic_readings(word):
        if stem in firsts:
            return len(word) - len(stem) if prep or stem != word else 0
    return 0


def _surface(tokens: Sequence[Token], i: int, j: int, surface: str, base: int) -> str:
    return surface[tokens[i].start - base : tokens[j - 1].end - base]


_AGREEMENT_HEADS = ("اتفاقيه", "اتفاق", "مذكره", "معاهده", "وثيقه")
_AGREEMENT_KEYS = frozenset((*_AGREEMENT_HEADS, *("ال" + h for h in _AGREEMENT_HEADS)))  # built once
_AGREEMENT_STOPS = frozenset({"مع", "بين", "في", "التي", "الذي", "على", "خلال", "من"})


_AGREEMENT_HINTS = ("اتفاق", "مذكر", "معاهد", "وثيق", "إتفاق")


def agreements(tokens: Sequence[Token], surface: str, base: int) -> list[str]:
    if not any(h in surface for h in _AGREEMENT_HINTS):
        return []
    words = [t.key for t in tokens]
    out: list[str] = []
    for i, w in enumerate(words):
        if not reads_as(w, _AGREEMENT_KEYS):
            continue
        k = i + 1
        while k < len(words) and k < i + 5 and words[k].isalnum() and words[k] not in _AGREEMENT_STOPS:
            k += 1
        if k - i >= 3:  # a head noun and at least two qualifying words: a named agreement
            out.append(_surface(tokens, i, k, surface, base))
    return out
