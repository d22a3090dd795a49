"""Dateline detection on the head lines of an article.

Runs on the match key of a clean line, so digits are ASCII and month names are folded (أيار -> ايار).
A date is `dd/mm/yyyy` (also `-` `.`, spaces around them; read day first, month first only when day-first
is impossible), `yyyy/mm/dd`, or `d <month> yyyy` with Gregorian (يناير), Levantine/Iraqi (كانون الثاني)
or Maghrebi (جانفي, يوليوز) month names, optionally `month/month` (تموز/يوليو); a weekday may precede it
and a time `h:mm` (ص/م, صباحا/مساء, am/pm) may follow. Zone: UTC unless the line names one
(GMT/UTC/غرينتش with an optional +h or +h:mm).

Three shapes: `parse_dateline` accepts a line that is only a date (it is cut from the text);
`parse_head_date` accepts a date near the start of a line after a place name (`أبوظبي في 14 فبراير 2024
/ وام /`, `تونس 4 جوان 2024 (وات) - ...`) or after a Hijri date and الموافق (the line is kept);
`parse_wire_prefix` accepts a wire prefix without a year opening the first paragraph (`الكويت - 14 - 3
(كونا) --`, `القاهرة - 20 مايو (كونا) -`): the prefix is cut and its day and month take the year of the
article's other date (`wire_date`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from functools import cache

# Lexicon tables keep several entries a line (ruff format would put one per line).
# fmt: off
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
# Months of the other calendars a date line may print beside the Gregorian date: lunar Hijri (Gulf, Egypt)
# and Solar Hijri (Iranian sites). They are only recognised, never converted: the Gregorian date beside
# them gives the day, and a line with only a Hijri date gives none (converting one would need the
# Umm al-Qura tables, and countries that sight the moon differ from them by a day or two).
HIJRI_MONTHS = (
    "محرم", "صفر", "ربيع الاول", "ربيع اول", "ربيع الثاني", "ربيع ثاني", "ربيع الاخر", "ربيع اخر",
    "جمادي الاولي", "جمادي الاول", "جمادي اولي", "جمادي الثانيه", "جمادي الثاني", "جمادي الاخره", "جمادي الاخر",
    "جمادي ثاني", "رجب", "شعبان", "رمضان", "شوال", "ذو القعده", "ذي القعده", "ذو الحجه", "ذي الحجه",
)
SOLAR_HIJRI_MONTHS = (
    "فروردين", "ارديبهشت", "خرداد", "تير", "مرداد", "شهريور", "مهر", "ابان", "اذر", "دي", "بهمن", "اسفند",
)
# fmt: on
# Era marks after a year: هـ, هجري, هـ.ش (Hijri); مـ (Gregorian, ميلادي).
HIJRI_ERA = ("ه", "هجري", "هجريه", "ه.ش", "ه ش", "ش")
WEEKDAYS = ("الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت")
PREFIXES = ("تاريخ النشر", "نشر بتاريخ", "نشر في", "نشر", "بتاريخ", "التاريخ", "اخر تحديث")
# A newspaper's issue number before or after the date (`العدد 12431 الخميس 13 أبريل 2023`).
ISSUE_NUMBER = r"العدد \d{1,6}"
METADATA_FIELD_WORDS = 8  # a metadata field (`آخر تحديث: 09 ديسمبر 2024 - 15:02`) is a label and a value
SPACED_DASH = re.compile(" [-\u2013\u2014] ")  # a hyphen, en or em dash between two parts of a line
PM_MARKERS = ("م", "مساء", "pm")
AM_MARKERS = ("ص", "صباحا", "am")


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _date_source() -> str:
    month = f"(?:{_alt(list(MONTHS))})"
    sep = r"\s*[/.\-]\s*"
    date = (
        rf"(?P<d1>\d{{1,2}}){sep}(?P<m1>\d{{1,2}}){sep}(?P<y1>\d{{4}})"
        rf"|(?P<y2>\d{{4}})[/.\-](?P<m2>\d{{1,2}})[/.\-](?P<d2>\d{{1,2}})"
        rf"|(?P<d3>\d{{1,2}})(?: | ?/ ?)(?P<mn>{month})(?: ?/ ?{month}| ?\({month}\))?(?:[ ,،]+| ?/ ?)(?P<y3>\d{{4}})"
    )
    markers = _alt(PM_MARKERS + AM_MARKERS)
    time = rf"(?P<hh>\d{{1,2}}):(?P<mm>\d{{2}})(?::\d{{2}})? ?(?P<ampm>{markers})?"
    zone = r"(?:gmt|utc|بتوقيت غرينتش|بتوقيت جرينتش|غرينتش)(?: ?(?P<sign>[+-]) ?(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?)?"
    other = _other_calendar_source()
    # The other calendar's date before the Gregorian one (`14 شعبان 1446 هـ - 13 فبراير 2025 مـ`, `۲۵ دی
    # ۱۴۰۳ - 15 يناير 2025`, `12 رمضان 1446 هـ / الموافق 12 مارس 2025`) or after it (`19 مارس 2025م -
    # 19 رمضان 1446هـ`, `12 مارس 2025 (12 رمضان 1446 هـ)`), joined by - / | , brackets or الموافق.
    join = r"[ .,،\-|/(]*(?:الموافق[ ,،\-:]*)?"
    return (
        rf"(?:(?:يوم )?(?:{_alt(WEEKDAYS)})[ ,،\-]*)?(?:{other}{join})?(?:{date})(?: ?م(?![^\W_]))?\)?"
        rf"(?:{join}{other}\)?)?"
        rf"(?:[ ,،\-|]*(?:الساعه )?{time})?(?:[ ,،\-|]*\(?{zone}\)?)?"
    )


def _other_calendar_source() -> str:
    """A lunar or Solar Hijri date (`14 شعبان 1446 هـ`, `۲۵ دی ۱۴۰۳`, `12/09/1446 هـ`, `1403/10/25`):
    years 1300-1499, an optional era mark. No named groups: it is matched and skipped, never read."""
    months = _alt(HIJRI_MONTHS + SOLAR_HIJRI_MONTHS)
    date = rf"\d{{1,2}} (?:{months}),? 1[34]\d\d|\d{{1,2}}/\d{{1,2}}/1[34]\d\d|1[34]\d\d/\d{{1,2}}/\d{{1,2}}"
    return rf"(?:{date})(?: ?(?:{_alt(HIJRI_ERA)})(?![^\W_]))?"


@cache
def _line_regex() -> re.Pattern[str]:
    issue = ISSUE_NUMBER
    return re.compile(
        rf"(?:{issue} )?(?:(?:{_alt(PREFIXES)}) ?:? ?)?{_date_source()}[ .]*(?:[,،\-|]? ?{issue})?", re.IGNORECASE
    )


@cache
def _head_regex() -> re.Pattern[str]:
    # A place (no digits, at most 30 characters) or a Hijri date with الموافق, then the date. Bounded: no
    # nested repetition, so matching is linear in the line length.
    hijri = r"\d{1,2} \D{2,20}? 1[34]\d\d ?ه? ?الموافق ?"
    return re.compile(rf"[^\d\n]{{0,30}}?(?:{hijri})?{_date_source()}", re.IGNORECASE)


@cache
def _day_month_regex() -> re.Pattern[str]:
    return re.compile(rf"[^\d\n]{{0,30}}?\d{{1,2}} (?:{_alt(list(MONTHS))})")


@cache
def _wire_regex() -> re.Pattern[str]:
    # A place (no digits or brackets, at most 30 characters), the day, the month as a number or a name,
    # the agency in brackets, optional dashes, then a space or the line end. Bounded, linear.
    month = f"(?:{_alt(list(MONTHS))})"
    return re.compile(
        rf"[^\d\n()/]{{2,30}}?[ ,،\-]+(?P<day>\d{{1,2}})"
        rf"(?: ?- ?(?P<month>\d{{1,2}})| (?P<mn>{month})(?: ?/ ?{month})?)"
        rf" ?\([^\d\n()]{{2,20}}\)(?: ?-+)?(?= |$)"
    )


@dataclass(frozen=True, slots=True)
class WirePrefix:
    end: int  # end of the prefix in the match-key line
    day: int
    month: int


def parse_wire_prefix(key: str) -> WirePrefix | None:
    """A year-less wire prefix opening the match-key line `key` (`الكويت - 14 - 3 (كونا) --`), or None."""
    m = _wire_regex().match(key)
    if m is None:
        return None
    day = int(m["day"])
    month = int(m["month"]) if m["month"] else MONTHS[m["mn"]]
    try:
        datetime(2000, month, day)  # a leap year: 29/2 exists
    except ValueError:
        return None
    return WirePrefix(m.end(), day, month)


def wire_date(day: int, month: int, context: datetime) -> datetime | None:
    """The day and month in the year that puts them nearest to `context` (31/12 read on 1 January is last
    year's), at midnight UTC; None if that day does not exist (29/2 off a leap year)."""
    candidates = []
    for year in (context.year - 1, context.year, context.year + 1):
        try:
            candidates.append(datetime(year, month, day, tzinfo=UTC))
        except ValueError:
            continue
    return min(candidates, key=lambda date: abs(date - context), default=None)


def looks_like_dateline(key: str) -> bool:
    """True when a match-key line starts with a place and a day and month (year or not): not a headline."""
    return _day_month_regex().match(key) is not None or _head_regex().match(key) is not None


@dataclass(frozen=True, slots=True)
class MetadataDate:
    date: datetime
    names_a_place: bool  # another field is a place and an agency or writer around a dash (`الدوحة - قنا`)


def metadata_date(key: str) -> MetadataDate | None:
    """The first date of a page's metadata line: short fields joined by `|`, one of them only a date
    (`اقتصاد | 2021/06/02`, `المصدر: أبوظبي - وام | التاريخ: 13 سبتمبر 2023`); else None."""
    fields = [part.strip() for part in key.split("|")]
    if len(fields) < 2 or any(len(part.split()) > METADATA_FIELD_WORDS for part in fields):
        return None
    dates = [parse_dateline(part) for part in fields]
    first = next((date for date in dates if date is not None), None)
    if first is None:
        return None
    others = (part for part, date in zip(fields, dates, strict=True) if date is None)
    return MetadataDate(first, any(SPACED_DASH.search(part) for part in others))


def parse_dateline(key: str) -> datetime | None:
    """Publication datetime if the match-key line `key` is only a date, else None."""
    m = _line_regex().fullmatch(key)
    return _to_datetime(m.groupdict()) if m else None


def parse_head_date(key: str) -> datetime | None:
    """Publication datetime of a date near the start of the match-key line `key` (after a place), or None."""
    m = _head_regex().match(key)
    return _to_datetime(m.groupdict()) if m else None


def _to_datetime(g: dict[str, str | None]) -> datetime | None:
    if g["y1"]:
        day, month, year = int(g["d1"] or 0), int(g["m1"] or 0), int(g["y1"])
        if month > 12 >= day:  # month-first spelling (03/19/2024)
            day, month = month, day
    elif g["y2"]:
        day, month, year = int(g["d2"] or 0), int(g["m2"] or 0), int(g["y2"])
    else:
        day, month, year = int(g["d3"] or 0), MONTHS[str(g["mn"])], int(g["y3"] or 0)
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
