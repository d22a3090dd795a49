"""Dateline detection: a line that is only a publication date (and maybe a weekday, a time, a zone).

Runs on the match key of a clean line, so digits are ASCII and month names are folded (أيار -> ايار).
Accepted: `dd/mm/yyyy` (also `-` `.`; read day first, month first only when day-first is impossible),
`yyyy-mm-dd`, and `d <month> yyyy` with Gregorian (يناير), Levantine/Iraqi (كانون الثاني) or Maghrebi
(جانفي, يوليوز) month names, optionally `month/month` (تموز/يوليو). A time `h:mm` may follow, with ص/م,
صباحا/مساء or am/pm. Zone: UTC unless the line names one (GMT/UTC/غرينتش with an optional +h or +h:mm).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from functools import cache

MONTHS: dict[str, int] = {
    # Gregorian (Egypt, Gulf)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi (Syriac names)
    "كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
    "ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
    # Maghrebi (Algeria, Tunisia; Morocco)
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8, "يوليوز": 7, "غشت": 8,
    "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}
WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت")
PREFIXES = ("تاريخ النشر", "نشر بتاريخ", "نشر في", "نشر", "بتاريخ")
PM_MARKERS = ("م", "مساء", "pm")
AM_MARKERS = ("ص", "صباحا", "am")


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _dateline_regex() -> re.Pattern[str]:
    month = f"(?:{_alt(list(MONTHS))})"
    sep = r"\s*[/.\-]\s*"
    date = (
        rf"(?P<d1>\d{{1,2}}){sep}(?P<m1>\d{{1,2}}){sep}(?P<y1>\d{{4}})"
        rf"|(?P<y2>\d{{4}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}})"
        rf"|(?P<d3>\d{{1,2}}) (?P<mn>{month})(?: ?/ ?{month}| ?\({month}\))?[ ,،]+(?P<y3>\d{{4}})"
    )
    markers = _alt(PM_MARKERS + AM_MARKERS)
    time = rf"(?P<hh>\d{{1,2}}):(?P<mm>\d{{2}})(?::\d{{2}})? ?(?P<ampm>{markers})?"
    zone = r"(?:gmt|utc|بتوقيت غرينتش|بتوقيت جرينتش|غرينتش)(?: ?(?P<sign>[+-]) ?(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?)?"
    return re.compile(
        rf"(?:(?:{_alt(PREFIXES)}) ?:? ?)?(?:(?:يوم )?(?:{_alt(WEEKDAYS)})[ ,،\-]*)?(?:{date})"
        rf"(?:[ ,،\-|]*(?:الساعه )?{time})?(?:[ ,،\-|]*\(?{zone}\)?)?[ .]*",
        re.IGNORECASE,
    )


def parse_dateline(key: str) -> datetime | None:
    """Publication datetime if the match-key line `key` is a dateline, else None."""
    m = _dateline_regex().fullmatch(key)
    if m is None:
        return None
    g = m.groupdict()
    if g["y1"]:
        day, month, year = int(g["d1"]), int(g["m1"]), int(g["y1"])
        if month > 12 >= day:  # month-first spelling (03/19/2024)
            day, month = month, day
    elif g["y2"]:
        day, month, year = int(g["d2"]), int(g["m2"]), int(g["y2"])
    else:
        day, month, year = int(g["d3"]), MONTHS[g["mn"]], int(g["y3"])
    hour, minute = _clock(g)
    offset = _zone(g)
    if not 1900 <= year <= 2100 or hour is None or offset is None:
        return None
    try:
        return datetime(year, month, day, hour, minute, tzinfo=offset).astimezone(UTC)
    except ValueError:
        return None


def _clock(g: dict[str, str | None]) -> tuple[int | None, int]:
    if not g["hh"] or not g["mm"]:
        return 0, 0
    hour, minute = int(g["hh"]), int(g["mm"])
    marker = (g["ampm"] or "").lower()
    if marker and not 1 <= hour <= 12:
        return None, 0
    if marker in PM_MARKERS and hour < 12:
        hour += 12
    elif marker in AM_MARKERS and hour == 12:
        hour = 0
    return (hour, minute) if hour <= 23 and minute <= 59 else (None, 0)


def _zone(g: dict[str, str | None]) -> timezone | None:
    if not g["zh"]:
        return UTC
    delta = timedelta(hours=int(g["zh"]), minutes=int(g["zm"] or 0))
    if delta > timedelta(hours=14):
        return None
    return timezone(-delta if g["sign"] == "-" else delta)
