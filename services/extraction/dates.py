"""Event dates: explicit (day month year, dd/mm/yyyy) and relative to the publication date.

Relative words are resolved against the publication date only: a weekday of a past event is the most
recent such day on or before publication, of a planned event the next one on or after it. Without a
publication date, a relative date stays null (basis 'unresolved'): never guessed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from schemas.event import EventDate
from services.extraction.lexicon import data_lines, fold_words
from services.extraction.memo import remember
from services.extraction.models import build
from services.extraction.text import Doc, Token

_NUMERIC = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_LOOKBACK_FUTURE = ("المقبل", "القادم")


@dataclass(frozen=True, slots=True, init=False)
class DateHit:
    index: int  # token index where the expression starts
    date: EventDate

    # written out: mypyc compiles this one, the dataclass-generated __init__ runs interpreted (~30x slower)
    def __init__(self, index: int, date: EventDate) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "date", date)


@functools.cache
def calendar() -> dict[str, dict[tuple[str, ...], int]]:
    out: dict[str, dict[tuple[str, ...], int]] = {}
    for kind, number, words in data_lines("calendar.tsv"):
        out.setdefault(kind, {})[fold_words(words)] = int(number)
    return out


def _strip(word: str) -> str:
    """Drop a conjunction or ب/ل before a date word (وأمس، بالأمس -> الأمس)."""
    for prefix in ("وب", "ول", "و", "ب", "ل", "ف"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            return word[len(prefix) :]
    return word


def _lookup(kind: str, words: list[str], i: int) -> tuple[int, int] | None:
    """(value, length) of the longest calendar phrase of this kind at words[i]."""
    table = calendar()[kind]
    for n in (2, 1):
        if i + n <= len(words):
            seq = (_strip(words[i]), *words[i + 1 : i + n])
            if seq in table:
                return table[seq], n
            if n == 1 and (words[i],) in table:
                return table[(words[i],)], 1
    return None


def _day_month(
    words: list[str], i: int, j: int, day: int, month: int, published: dt.date | None, planned: bool
) -> tuple[EventDate | None, int]:
    """'19 يناير 2022', 'الرابع من آذار الماضي': without a year, the occurrence on or before the
    publication date (on or after it for planned events)."""
    year = _year(words[j]) if j < len(words) else None
    used = j - i + (1 if year else 0)
    text = " ".join(words[i : i + used])
    if year is None:
        if published is None:
            return build(EventDate, {"basis": "unresolved", "text": text}), used
        year = published.year
        # "28 مايو/ أيار الجاري": the publication's year, before or after it
        candidate = None if _this_month(words, j) else _safe_date(year, month, day)
        if candidate is not None and not planned and candidate > published:
            year -= 1
        elif candidate is not None and planned and candidate < published:
            year += 1
    d = _safe_date(year, month, day)
    if d is None:
        return None, 1
    basis: Literal["explicit", "relative"] = "explicit" if used > j - i else "relative"
    return build(EventDate, {"value": d.isoformat(), "precision": "day", "basis": basis, "text": text}), used


_CURRENT = frozenset({"الجاري", "الحالي"})  # folded
_ALT_MONTH = 3  # "مايو/ أيار الجاري": a second name of the month between


def _this_month(words: list[str], j: int) -> bool:
    """Is the month just read (ending before words[j]) marked as the current one ('الجاري')?"""
    return any(w in _CURRENT for w in words[j : j + _ALT_MONTH])


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_GREGORIAN_ERA = "م"  # "2016م": the year of the Common Era, as date lines write it beside a Hijri one


def _year(word: str) -> int | None:
    """A four-digit year, bare or with the Gregorian era letter ("2016"، "2016م")."""
    digits = word.removesuffix(_GREGORIAN_ERA)
    return int(digits) if _is_number(digits) and len(digits) == 4 else None


def _is_number(word: str) -> bool:
    """ASCII digits only ('²' and other Unicode digits are not numbers here; the clean view has ASCII)."""
    return word.isascii() and word.isdigit()


_MAY_START: Final[dict[str, bool]] = {}


def may_start_date(word: str) -> bool:
    """May a date start at this (folded) word?"""
    found = _MAY_START.get(word)
    return found if found is not None else remember(_MAY_START, word, _may_start_new(word), 100_000)


def _may_start_new(word: str) -> bool:
    if _is_number(word):
        return True
    firsts = _calendar_firsts()
    return word in firsts or _strip(word) in firsts


@functools.cache
def _calendar_firsts() -> frozenset[str]:
    return frozenset(k[0] for table in calendar().values() for k in table)


def find_dates(
    tokens: tuple[Token, ...], published: dt.date | None, *, planned: bool, starts: Sequence[int] | None = None
) -> list[DateHit]:
    """The dates of a sentence's tokens, left to right (`starts`: the positions where `may_start_date` holds,
    when the caller has them)."""
    words = [t.key for t in tokens]
    hits: list[DateHit] = []
    free = 0  # the first position after the last date read
    for i in range(len(words)) if starts is None else starts:
        if i < free or (starts is None and not may_start_date(words[i])):
            continue
        hit, used = _date_at(words, i, published, planned=planned)
        if hit is not None:
            hits.append(DateHit(tokens[i].at, hit))
            free = i + used
    return hits


_SAME = frozenset({"ذاته", "نفسه"})  # folded
_MONTH_CUES = frozenset({"في", "خلال", "شهر", "منذ", "مطلع", "منتصف", "اواخر", "نهايه", "بدايه", "اواءل"})  # folded
_MONTH_AFTER = frozenset({"الماضي", "المقبل", "القادم", "الجاري", "المنصرم"})


def _month_named(words: list[str], i: int) -> bool:
    """A month named without a day ("في يناير الماضي"، "منذ مايو 2024"), not a word that looks like one."""
    month = _lookup("month", words, i)
    if month is None:
        return False
    if any(_is_number(w) or _lookup("month", words, k) for k, w in enumerate(words[max(0, i - 2) : i], max(0, i - 2))):
        return False  # "30 فبراير" (a day that failed), "28 مارس/ آذار الجاري" (the same month named twice)
    after = words[i + month[1]] if i + month[1] < len(words) else ""
    year = after.isascii() and after.isdigit() and len(after) == 4
    return (i > 0 and words[i - 1] in _MONTH_CUES) or after in _MONTH_AFTER or year


def _date_at(words: list[str], i: int, published: dt.date | None, *, planned: bool) -> tuple[EventDate | None, int]:
    w = words[i]
    joined = "".join(words[i : i + 5])
    m = _NUMERIC.match(joined) if _is_number(w) else None
    if m:
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return (
            build(EventDate, {"value": d.isoformat(), "precision": "day", "basis": "explicit", "text": joined})
            if d
            else None
        ), 5
    day, k = (int(w), i + 1) if _is_number(w) and len(w) <= 2 else (None, i)
    if day is None:
        ordinal = _lookup("ordinal", words, i)
        if ordinal is not None and i + ordinal[1] < len(words) and words[i + ordinal[1]] == "من":
            day, k = ordinal[0], i + ordinal[1] + 1
    if day is not None and k < len(words) and words[k] == "الجاري" and published is not None:
        d = _safe_date(published.year, published.month, day)  # "28 الجاري": this month
        if d is not None:
            return build(
                EventDate, {"value": d.isoformat(), "precision": "day", "basis": "relative", "text": f"{w} {words[k]}"}
            ), 2
    if day is not None and k < len(words):
        month = _lookup("month", words, k)
        if month is not None:
            return _day_month(words, i, k + month[1], day, month[0], published, planned)
    offset = _lookup("offset", words, i)
    if offset is not None:
        delta, n = offset
        if i + n < len(words) and words[i + n] in _SAME:
            return None, n + 1  # "في اليوم ذاته": the day of the act just reported, not today
        named = _lookup("weekday", words, i + n) if i + n < len(words) else None
        n += named[1] if named is not None else 0  # "أمس الخميس"، "اليوم الثلاثاء": one day, named twice
        text = " ".join(words[i : i + n])
        if published is None:
            return build(EventDate, {"basis": "unresolved", "text": text}), n
        return _relative_day(published, delta, text), n
    vague = _lookup("period", words, i) or (_lookup("month", words, i) if _month_named(words, i) else None)
    if vague is not None:  # "الشهر الماضي"، "في يناير الماضي": no day, and not the day of the report either
        return build(EventDate, {"basis": "unresolved", "text": " ".join(words[i : i + vague[1]])}), vague[1]
    weekday = _lookup("weekday", words, i)
    if weekday is not None:
        wd, n = weekday
        text = " ".join(words[i : i + n])
        if published is None:
            return build(EventDate, {"basis": "unresolved", "text": text}), n
        forward = planned or (i + n < len(words) and words[i + n] in _LOOKBACK_FUTURE)
        diff = (wd - published.weekday()) % 7 if forward else -((published.weekday() - wd) % 7)
        if forward and i + n < len(words) and words[i + n] in _LOOKBACK_FUTURE and diff == 0:
            diff = 7
        return _relative_day(published, diff, text), n
    return None, 1


_HEADER_SENTENCES = 3  # the lines a date line may be among (outlet name, date line, headline)
_HEADER_TOKENS = 16  # a date line is short: "الخميس - 14 شعبان 1446 هـ - 13 فبراير 2025 مـ"


def header_date(doc: Doc) -> dt.date | None:
    """The full Gregorian date of a short date line among the article's first lines, for articles whose
    date line the normaliser could not read (a Hijri or Solar Hijri date before the Gregorian one)."""
    for k in range(min(len(doc.sentences), _HEADER_SENTENCES)):
        tokens = doc.sentence_tokens(k)
        if len(tokens) > _HEADER_TOKENS:
            continue
        for hit in find_dates(tokens, None, planned=False):
            if hit.date.basis == "explicit" and hit.date.precision == "day" and hit.date.value is not None:
                return dt.date.fromisoformat(hit.date.value)
    return None


def _relative_day(published: dt.date, days: int, text: str) -> EventDate:
    """The day `days` after the publication date, read from relative words ("أمس"، "الخميس")."""
    return build(
        EventDate,
        {
            "value": (published + dt.timedelta(days=days)).isoformat(),
            "precision": "day",
            "basis": "relative",
            "text": text,
        },
    )
