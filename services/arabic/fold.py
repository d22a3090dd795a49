"""The two text views, each with its runs back to its input.

`clean_view` (display, evidence): invisibles deleted, presentation forms folded, hamza composed, digits,
quotes, dashes and whitespace unified, space runs collapsed. `match_view` (lexicon lookup) runs on a clean text: the
letter folds of `options.match_table`, then diacritics and tatweel deleted (each run attached to the letter
before it, so evidence spans keep their marks), then whitespace again. `match_key` chains both for any string.

Every pass finds the few characters it changes with one compiled regex and edits only those; one-to-one
replacements never move offsets, so only deletions, expansions and space runs create runs.

`python_clean_view` and `python_match_view` are the reference. When a current compiled build carries the
C views (`cviews.py`), `clean_view` and `match_view` run those instead: the same text and the same runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from services.arabic import charsets as cs
from services.arabic import cviews
from services.arabic.codeunits import run_bounds
from services.arabic.offsets import Edit, Run, apply_edits, attached_deletion, identity, python_compose
from services.arabic.options import DEFAULT_FOLDS, FoldOptions, clean_table, match_deletions, match_table
from services.arabic.presentation import expanding_forms, presentation_table

# Space runs to fold, once odd whitespace is folded to " " and "\n" (cs.SPACES). Speed: sre scans fast only
# for a literal prefix or a lone character class, so the common case (blank lines, no double spaces) uses
# the pattern with the literal prefix "\n"; the general one runs only when a quick `in` test needs it.
_NEWLINE_RUN = re.compile("\n[\n ]+")
_SPACE_RUN = re.compile("[ \n][ \n]+")
_HAMZA_MARK = re.compile(f"[{cs.MADDA_ABOVE}{cs.HAMZA_ABOVE}{cs.HAMZA_BELOW}]")
_NOTHING = re.compile("(?!)")
_PRESENTATION_FIRST, _PRESENTATION_LAST = "\ufb50", "\ufefe"  # the span of cs.PRESENTATION_FORMS
C_VIEWS = cviews.load()  # None without a current compiled build (or with MARSAD_NATIVE=0): Python runs


@cache
def _class_regex(chars: str) -> re.Pattern[str] | None:
    return re.compile(f"[{chars}]") if chars else None


def _replace_one_to_one(text: str, table: dict[str, str]) -> str:
    """Apply a single-code-point table; offsets do not move. (`in` + `replace` beat `str.translate` 20x.)"""
    for char, replacement in table.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


@dataclass(frozen=True, slots=True)
class _OneToOne:
    changed: re.Pattern[str]  # every code point a clean pass other than the space runs may change
    table: dict[str, str]  # the one-to-one folds among them (no replacement is a key)
    keys: re.Pattern[str]  # the table's code points


def _fold_one_to_one(text: str, folds: _OneToOne) -> tuple[str, bool]:
    """Replace every code point of `folds.table` (offsets do not move); return the text and whether a code
    point outside the table (one that needs an edit) was seen. One scan: each search stops at a code point
    not seen yet, `str.replace` removes all its copies at C speed, and once an edit is known to be needed
    only table keys are sought."""
    pattern, needs_edit, pos = folds.changed, False, 0
    while (m := pattern.search(text, pos)) is not None:
        char = m.group()
        pos = m.end()
        replacement = folds.table.get(char)
        if replacement is not None:
            text = text.replace(char, replacement)
        elif not needs_edit:
            needs_edit, pattern = True, folds.keys
    return text, needs_edit


def _pass(text: str, runs: Sequence[Run], edits: list[Edit]) -> tuple[str, Sequence[Run]]:
    if not edits:
        return text, runs
    new_text, new_runs = apply_edits(text, edits)
    return new_text, python_compose(new_runs, runs)  # the reference stays Python throughout


def _invisible_and_presentation_edits(text: str, options: FoldOptions) -> list[Edit]:
    chars = (cs.INVISIBLES if options.invisibles else "") + (
        cs.PRESENTATION_FORMS if options.presentation_forms else ""
    )
    pattern = _class_regex(chars)
    if pattern is None:
        return []
    table = presentation_table() if options.presentation_forms else {}
    edits: list[Edit] = []
    for m in pattern.finditer(text):
        char = m.group()
        replacement = table.get(char)
        if replacement is not None:
            edits.append((m.start(), m.end(), replacement))
        elif options.invisibles and not _PRESENTATION_FIRST <= char <= _PRESENTATION_LAST:  # no invisible there
            edits.append((m.start(), m.end(), ""))
    return edits


def _hamza_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    for m in _HAMZA_MARK.finditer(text, 1):
        pair = text[m.start() - 1 : m.end()]
        if pair in cs.HAMZA_COMPOSITION and (not edits or edits[-1][1] < m.start()):
            edits.append((m.start() - 1, m.end(), cs.HAMZA_COMPOSITION[pair]))
    return edits


def space_edits(text: str) -> list[Edit]:
    """Collapse runs of spaces and newlines to one space (one newline if the run holds one); strip the ends.
    The text holds no other whitespace (cs.SPACES folded it)."""
    head = len(text) - len(text.lstrip(" \n")) if text[:1] in (" ", "\n") else 0  # (strip copies the text)
    if head == len(text):
        return [(0, len(text), "")] if text else []
    tail = len(text.rstrip(" \n")) if text[-1] in " \n" else len(text)
    edits: list[Edit] = [(0, head, "")] if head else []
    pattern = _SPACE_RUN if "  " in text or " \n" in text else _NEWLINE_RUN
    for m in pattern.finditer(text, head, tail):
        start, end = m.span()
        edits.append((start, end, "\n" if "\n" in m.group() else " "))
    if tail < len(text):
        edits.append((tail, len(text), ""))
    return edits


@cache
def _clean_folds(options: FoldOptions) -> _OneToOne:
    """The clean view's one-to-one folds: digits, quotes, dashes, odd whitespace and the presentation forms
    that fold to one code point (ﺑ -> ب); the other changed code points (invisibles, expanding forms,
    hamza marks) need edits."""
    table = dict(clean_table(options))
    if options.spaces:
        table |= cs.SPACES
    if options.presentation_forms:
        table |= {char: folded for char, folded in presentation_table().items() if len(folded) == 1}
    keys = "".join(re.escape(char) for char in sorted(table))
    changed = keys + (cs.PRESENTATION_FORMS if options.presentation_forms else "")
    changed += cs.INVISIBLES if options.invisibles else ""
    changed += f"{cs.MADDA_ABOVE}{cs.HAMZA_ABOVE}{cs.HAMZA_BELOW}" if options.compose_hamza else ""
    return _OneToOne(_class_regex(changed) or _NOTHING, table, _class_regex(keys) or _NOTHING)


def clean_view(text: str, options: FoldOptions = DEFAULT_FOLDS) -> tuple[str, Sequence[Run]]:
    """The clean view of `text` and its runs back to `text`."""
    if C_VIEWS is not None:
        return C_VIEWS.clean_view(text, options)
    return python_clean_view(text, options)


def python_clean_view(text: str, options: FoldOptions = DEFAULT_FOLDS) -> tuple[str, Sequence[Run]]:
    """The clean view in Python.

    One-to-one folds go first, at C speed and without runs: no fold produces a code point another pass
    reads (tested), so doing them before the edits gives the same text as the documented order."""
    runs: Sequence[Run] = identity(len(text))
    text, needs_edit = _fold_one_to_one(text, _clean_folds(options))
    if needs_edit:
        text, runs = _pass(text, runs, _invisible_and_presentation_edits(text, options))
        if options.compose_hamza and (cs.MADDA_ABOVE in text or cs.HAMZA_ABOVE in text or cs.HAMZA_BELOW in text):
            text, runs = _pass(text, runs, _hamza_edits(text))
    if options.spaces:
        text, runs = _pass(text, runs, space_edits(text))
    return text, runs


def clean_growth(text: str, options: FoldOptions = DEFAULT_FOLDS) -> int:
    """How many code points the clean view of `text` can add: only presentation forms expand (every other
    clean pass keeps or shrinks the length), so `len(text) + clean_growth(text)` bounds the clean view and
    the match view (which never grows). One regex scan; nothing is built."""
    if not options.presentation_forms:
        return 0
    pattern, growth = expanding_forms()
    found = pattern.findall(text)
    return sum(map(growth.__getitem__, found)) if found else 0


def _unsettled_spaces(text: str) -> bool:
    """Whether a clean text minus some characters needs the space pass again: a deleted run that stood
    between spaces, newlines or text edges (a tatweel used as a dash, a mark on a space) leaves a space run."""
    return bool(text) and (
        text[0] in " \n" or text[-1] in " \n" or "  " in text or "\n\n" in text or " \n" in text or "\n " in text
    )


_FEW_SPANS = 100  # up to this many deletions, joining the kept slices beats two more full scans
_PROBE_CHARS, _DENSE = 64, 8  # marks are dense when more than one code point in 8 of the text's first 64 is one


def _delete_spans(text: str, spans: list[tuple[int, int]]) -> str:
    kept = [0, *(bound for span in spans for bound in span), len(text)]
    return "".join(text[start:end] for start, end in zip(kept[::2], kept[1::2], strict=True))


def _delete_all(text: str, pattern: re.Pattern[str]) -> str:
    """`text` without the code points of the one-code-point class `pattern`: one `str.replace` per distinct
    code point present (a vocalised text has a handful), each search resuming where the last one stopped."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        pos = m.start()
        text = text.replace(m.group(), "")
    return text


def _dense_deletion(text: str, chars: str, deletions: re.Pattern[str]) -> tuple[str, list[Run], bool] | None:
    """Deletions in a text where they are dense (a vocalised text has a mark after nearly every letter): the
    text without them, its runs and whether its spaces may be unsettled; None for a sparse text or one with
    code points past the BMP. The runs of marks are found on the code units (codeunits.py), without a
    `re.Match` per mark, and each distinct mark is deleted with one `str.replace`."""
    if len(deletions.findall(text, 0, _PROBE_CHARS)) * _DENSE <= min(len(text), _PROBE_CHARS):
        return None
    bounds = run_bounds(text, chars)
    if bounds is None:
        return None
    starts = bounds[0::2]
    runs = attached_deletion(text, zip(starts, bounds[1::2], strict=True))
    stripped = _delete_all(text, deletions)
    # As in `match_view`: past a few deletions the spaces are checked whatever.
    unsettled = len(text) - len(stripped) > _FEW_SPANS or starts[0] == 0 or any(text[i - 1] in " \n" for i in starts)
    return stripped, runs, unsettled


@cache
def _match_folds(options: FoldOptions) -> _OneToOne:
    """The match key's letter folds (one to one); the deleted code points (diacritics, tatweel) are the rest."""
    table = match_table(options)
    keys = "".join(re.escape(char) for char in sorted(table))
    changed = _class_regex(keys + match_deletions(options))
    return _OneToOne(changed or _NOTHING, table, _class_regex(keys) or _NOTHING)


def match_view(clean: str, options: FoldOptions = DEFAULT_FOLDS) -> tuple[str, Sequence[Run]]:
    """The match view of a clean text and its runs back to the clean text."""
    if C_VIEWS is not None:
        return C_VIEWS.match_view(clean, options)
    return python_match_view(clean, options)


def python_match_view(clean: str, options: FoldOptions = DEFAULT_FOLDS) -> tuple[str, Sequence[Run]]:
    """The match view in Python."""
    runs: Sequence[Run] = identity(len(clean))
    text, deleted = _fold_one_to_one(clean, _match_folds(options))
    chars = match_deletions(options)
    deletions = _class_regex(chars)  # one code point at a time: sre scans a lone class fast
    if deleted and deletions is not None:
        # Diacritics and tatweel go with the letter before them, so evidence spans keep their marks.
        dense = _dense_deletion(text, chars, deletions)
        if dense is not None:
            text, runs, unsettled = dense
        else:
            spans = [m.span() for m in deletions.finditer(text)]
            runs = attached_deletion(text, spans)
            if len(spans) <= _FEW_SPANS:
                # A deletion can only unsettle a clean text's spaces if it starts the text or follows a space.
                unsettled = spans[0][0] == 0 or any(text[start - 1] in " \n" for start, _ in spans)
                text = _delete_spans(text, spans)
            else:
                unsettled, text = True, deletions.sub("", text)
        if options.spaces and unsettled and _unsettled_spaces(text):
            text, runs = _pass(text, runs, space_edits(text))
    return text, runs


def match_lines(clean: str, options: FoldOptions = DEFAULT_FOLDS) -> list[str]:
    """The match key of each line of a clean text, line for line (the letter folds and deletions of
    `match_view`, without its offsets; a deletion between two spaces may leave both)."""
    text, deleted = _fold_one_to_one(clean, _match_folds(options))
    deletions = _class_regex(match_deletions(options))
    if deleted and deletions is not None:
        text = deletions.sub("", text)
    return text.split("\n")


def match_key(text: str, options: FoldOptions = DEFAULT_FOLDS) -> str:
    """Match-key fold of any string (a lexicon entry, a word): the same text the article's match view has."""
    return match_view(clean_view(text, options)[0], options)[0]
