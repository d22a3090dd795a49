"""Article structure on the lines of a clean text: chrome, related blocks, dateline, title, byline.

Rules, in order (docs/normalization.md has the reasons):
1. An end marker (/انتهى/, (النهاية), after a finished sentence also a bare انتهى.) on its own line or
   closing a paragraph ends the story: it and every later line are chrome. Editors' initials with a slash
   closing a paragraph (`... التشاور. ع ا/`) are cut alone, as a byline.
2. A bare related heading (اقرأ أيضاً, شاهد أيضاً ...) cuts itself and the rest of the text when at most
   `RELATED_TAIL_LINES` lines (`RELATED_TAIL_CHARS` characters) follow, else itself and the list of link
   items under it (related.py); a comments heading after the story cuts itself and the rest.
3. Other lines matching a chrome rule (chrome.py) go alone; after the story has started, so does a line
   that is only a headline and a date or time stamp (related.py).
4. In the first `HEAD_LINES` kept lines, a line that is only a date is the dateline (cut), and so is a page's
   metadata line of short fields joined by `|` when one field is only a date (`اقتصاد | 2021/06/02`,
   `نشر في: 9 ديسمبر 2024 - 14:10 | آخر تحديث: ...`: the first date); such a line that also names a place
   and an agency (`الدوحة - قنا | 12 مارس 2025`) gives its date as a place-and-date line does; failing that,
   the first line starting with a place and a date (`أبوظبي في 14 فبراير 2024 / وام /`) gives the date
   and stays (it names the place and the agency). A wire prefix without a year opening a head line
   (`الكويت - 14 - 3 (كونا) -- ...`) is cut from it as a dateline; its day and month replace the date
   found so far when they differ, in the year nearest to it (no other date: no year, the date stays unset).
5. Title: a line of the head repeated verbatim a little later (pages print the headline twice); the short
   unpunctuated lines before it are section headers and the repeat is dropped. Otherwise the first head
   line that looks like a headline: 4 to `TITLE_MAX_WORDS` words, no final punctuation, no place-and-date
   or agency tag; place/agency lines (`بغداد - واع`) and kickers (`على هامش قمة بريكس؛`) are skipped,
   any other line stops the search.
6. Byline: a last line of at most six words, no digits and no final punctuation, after a line that ends a
   sentence, that has no Arabic letters, or a `/` (`أحمد دريملي / الأناضول`, `م ع ن / ع ج`), or starts
   with `--` or بقلم/كتب/إعداد/تحرير/ترجمة/مراسل.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from schemas.normalized import RemovedKind
from services.arabic import charsets as cs
from services.arabic.chrome import END_STEMS, classify_line, inline_end
from services.arabic.dateline import metadata_date, parse_dateline, parse_head_date, parse_wire_prefix, wire_date
from services.arabic.fold import match_lines
from services.arabic.headline import mark_byline, mark_title
from services.arabic.lines import DATELINE_MAX_CHARS, HEAD_KEY_CHARS, HEAD_LINES, Line, head_key
from services.arabic.related import RELATED_MAX_ITEMS, ends_a_sentence, link_item, stamped_headline

RELATED_TAIL_LINES = 3
RELATED_TAIL_CHARS = 400
_MARKS = re.compile(f"[{cs.DIACRITICS}{cs.TATWEEL}]")  # what a line's match key lacks


@dataclass
class Structure:
    lines: list[Line]
    title: str | None = None
    dateline: datetime | None = None
    kept: list[Line] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    if not text:
        return []
    lines, start = [], 0
    for part, key in zip(text.split("\n"), match_lines(text), strict=True):
        lines.append(Line(start, start + len(part), part, key))
        start += len(part) + 1
    return lines


def split_inline_end(lines: list[Line]) -> list[Line]:
    """Split an end marker or editors' initials closing a paragraph (`... المقبلة. (النهاية)`, `... ع ا/`,
    `chrome.inline_end`) into a line of its own, marked with its kind: `_mark_chrome` then cuts an end
    marker and what follows like a marker on its own line, and the initials alone. The split line has no
    newline before it; `normalize._cut_lines` knows."""
    out: list[Line] = []
    for line in lines:
        found = inline_end(line.text)
        if found is None:
            out.append(line)
            continue
        start, kind = found
        if start == 0:
            line.kind = kind
            out.append(line)
            continue
        cut = line.start + start
        out.append(Line(line.start, cut, line.text[:start], line.key))
        tail = line.text[start:]
        out.append(Line(cut, line.end, tail, match_lines(tail)[0], kind))
    return out


def analyse(text: str) -> Structure:
    lines = split_lines(text)
    if "/" in text or END_STEMS[0] in text or END_STEMS[1] in text:  # (what every inline end holds)
        lines = split_inline_end(lines)
    _mark_chrome(lines)
    kept = [line for line in lines if line.kind is None]
    structure = Structure(lines)
    _mark_dateline(kept, structure)
    kept = [line for line in kept if line.kind is None]
    kept = _cut_wire_prefix(kept, structure)
    structure.title = mark_title(kept)
    kept = [line for line in kept if line.kind is None]
    mark_byline(kept)
    structure.kept = [line for line in kept if line.kind is None]
    return structure


def _mark_chrome(lines: list[Line]) -> None:
    i = 0
    body = False  # whether a line of the story (a finished sentence) has been seen
    while i < len(lines):
        if lines[i].kind == "byline":  # initials split off a paragraph's end
            i += 1
            continue
        rule = "end_marker" if lines[i].kind == "chrome" else classify_line(lines[i].key)
        if rule == "end_marker":
            for line in lines[i:]:
                line.kind = _removed_kind(classify_line(line.key))
            return
        if rule == "comments_heading" and body:  # the comments follow the story
            for line in lines[i:]:
                line.kind = "comments"
            return
        if rule == "related_heading":
            tail = lines[i + 1 :] if len(lines) - i - 1 <= RELATED_TAIL_LINES else None  # (no O(n) copy)
            if tail is not None and sum(len(line.text) for line in tail) <= RELATED_TAIL_CHARS:
                for line in lines[i:]:
                    line.kind = "related"
                return
            lines[i].kind = "related"
            i = _mark_link_items(lines, i + 1)
            continue
        if rule is None and body and stamped_headline(lines[i].text, lines[i].key):
            rule = "related"
        lines[i].kind = _removed_kind(rule) if rule else None
        body = body or (rule is None and ends_a_sentence(lines[i].text))
        i += 1


def _mark_link_items(lines: list[Line], start: int) -> int:
    """Mark the link items under a related heading (at most `RELATED_MAX_ITEMS`, up to the first line that
    is not one or that another rule claims; empty lines, left when the `spaces` fold is off, go with them);
    return the index after them."""
    end = min(len(lines), start + RELATED_MAX_ITEMS)
    i = start
    while (
        i < end
        and lines[i].kind is None
        and (link_item(lines[i].text) or not lines[i].text.strip())
        and classify_line(lines[i].key) is None
    ):
        lines[i].kind = "related"
        i += 1
    return i


_RULE_KIND: dict[str | None, RemovedKind] = {
    "related_heading": "related",
    "related": "related",
    "comments": "comments",
    "comments_heading": "comments",
    "captcha": "captcha",
}


def _removed_kind(rule: str | None) -> RemovedKind:
    return _RULE_KIND.get(rule, "chrome")


def _mark_dateline(kept: list[Line], structure: Structure) -> None:
    keys = [head_key(line) for line in kept[:HEAD_LINES]]
    staying: dict[int, datetime] = {}  # dates of metadata lines that stay, by line
    for index, (line, key) in enumerate(zip(kept, keys, strict=False)):
        found = parse_dateline(key) if len(key) <= DATELINE_MAX_CHARS else None
        if found is None and "|" in key:
            metadata = metadata_date(key)
            if metadata is not None and metadata.names_a_place:
                staying[index] = metadata.date
            elif metadata is not None:
                found = metadata.date
        if found is not None:
            line.kind = "dateline"
            structure.dateline = found
            return
    head_dates = (staying.get(index) or parse_head_date(key) for index, key in enumerate(keys))
    structure.dateline = next((d for d in head_dates if d is not None), None)


def _cut_wire_prefix(kept: list[Line], structure: Structure) -> list[Line]:
    """Split a year-less wire prefix (`الكويت - 14 - 3 (كونا) --`) off the first head line that opens with
    one, as a dateline of its own (`normalize._cut_lines` then deletes it with the space after it)."""
    for index, line in enumerate(kept[:HEAD_LINES]):
        if "(" not in line.key[:HEAD_KEY_CHARS]:
            continue  # every wire prefix names its agency in brackets (and head_key reads no further)
        found = parse_wire_prefix(head_key(line))
        if found is None:
            continue
        cut = _clean_offset(line.text, found.end)
        if cut < len(line.text) and line.text[cut] != " ":
            return kept  # a mark after the dashes: the prefix does not end on a word boundary
        known = structure.dateline
        if known is not None and (known.day, known.month) != (found.day, found.month):
            structure.dateline = wire_date(found.day, found.month, known)
        if cut == len(line.text):
            line.kind = "dateline"
            return kept[:index] + kept[index + 1 :]
        head = Line(line.start, line.start + cut, line.text[:cut], line.key[: found.end], "dateline")
        rest = Line(line.start + cut, line.end, line.text[cut:], line.key[found.end :])
        at = structure.lines.index(line)
        structure.lines[at : at + 1] = [head, rest]
        return [*kept[:index], rest, *kept[index + 1 :]]
    return kept


def _clean_offset(text: str, key_offset: int) -> int:
    """Offset in a clean line of `key_offset` in its match key (the key only lacks marks and tatweel)."""
    pos = seen = 0
    while seen < key_offset:
        if _MARKS.match(text, pos) is None:
            seen += 1
        pos += 1
    return pos
