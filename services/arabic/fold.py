"""The two text views, each with its runs back to its input.

`clean_view` (display, evidence): invisibles deleted, presentation forms folded, hamza composed, digits,
quotes, dashes and whitespace unified, space runs collapsed. `match_view` (lexicon lookup) runs on a clean text: the
letter folds of `options.match_table`, then diacritics and tatweel deleted (each run attached to the letter
before it, so evidence spans keep their marks), then whitespace again. `match_key` chains both for any string.

Every pass finds the few characters it changes with one compiled regex and edits only those; one-to-one
replacements never move offsets, so only deletions, expansions and space runs create runs.
"""

from __future__ import annotations

import re
from functools import cache

from services.arabic import charsets as cs
from services.arabic.offsets import Edit, Run, apply_edits, attached_deletion, compose, identity
from services.arabic.options import DEFAULT_FOLDS, FoldOptions, clean_table, match_deletions, match_table
from services.arabic.presentation import expanding_forms, presentation_table

# Space runs to fold, once odd whitespace is folded to " " and "\n" (cs.SPACES). Speed: sre scans fast only
# for a literal prefix or a lone character class, so the common case (blank lines, no double spaces) uses
# the pattern with the literal prefix "\n"; the general one runs only when a quick `in` test needs it.
_NEWLINE_RUN = re.compile("\n[\n ]+")
_SPACE_RUN = re.compile("[ \n][ \n]+")
_INVISIBLE = re.compile(f"[{cs.INVISIBLES}]")
_HAMZA_MARK = re.compile(f"[{cs.MADDA_ABOVE}{cs.HAMZA_ABOVE}{cs.HAMZA_BELOW}]")


@cache
def _class_regex(chars: str) -> re.Pattern[str] | None:
    return re.compile(f"[{chars}]") if chars else None


def _replace_one_to_one(text: str, table: dict[str, str]) -> str:
    """Apply a single-code-point table; offsets do not move. (`in` + `replace` beat `str.translate` 20x.)"""
    for char, replacement in table.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


def _pass(text: str, runs: list[Run], edits: list[Edit]) -> tuple[str, list[Run]]:
    if not edits:
        return text, runs
    new_text, new_runs = apply_edits(text, edits)
    return new_text, compose(new_runs, runs)


def _invisible_and_presentation_edits(text: str, options: FoldOptions) -> list[Edit]:
    chars = (cs.INVISIBLES if options.invisibles else "") + (
        cs.PRESENTATION_FORMS if options.presentation_forms else ""
    )
    pattern = _class_regex(chars)
    if pattern is None or pattern.search(text) is None:
        return []
    table = presentation_table() if options.presentation_forms else {}
    edits: list[Edit] = []
    for m in pattern.finditer(text):
        replacement = table.get(m.group())
        if replacement is not None:
            edits.append((m.start(), m.end(), replacement))
        elif options.invisibles and _INVISIBLE.match(m.group()):
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
    head = len(text) - len(text.lstrip(" \n"))
    if head == len(text):
        return [(0, len(text), "")] if text else []
    tail = len(text.rstrip(" \n"))
    edits: list[Edit] = [(0, head, "")] if head else []
    pattern = _SPACE_RUN if "  " in text or " \n" in text else _NEWLINE_RUN
    for m in pattern.finditer(text, head, tail):
        edits.append((m.start(), m.end(), "\n" if "\n" in m.group() else " "))
    if tail < len(text):
        edits.append((tail, len(text), ""))
    return edits


@cache
def _clean_trigger(options: FoldOptions) -> re.Pattern[str]:
    """Every code point a clean-view pass other than spaces may change: one fast scan skips them all."""
    chars = (cs.INVISIBLES if options.invisibles else "") + (
        cs.PRESENTATION_FORMS if options.presentation_forms else ""
    )
    chars += f"{cs.MADDA_ABOVE}{cs.HAMZA_ABOVE}{cs.HAMZA_BELOW}" if options.compose_hamza else ""
    chars += "".join(re.escape(char) for char in clean_table(options))
    return re.compile(f"[{chars}]" if chars else "(?!)")


def clean_view(text: str, options: FoldOptions = DEFAULT_FOLDS) -> tuple[str, list[Run]]:
    """The clean view of `text` and its runs back to `text`."""
    runs = identity(len(text))
    if _clean_trigger(options).search(text) is not None:
        text, runs = _pass(text, runs, _invisible_and_presentation_edits(text, options))
        if options.compose_hamza:
            text, runs = _pass(text, runs, _hamza_edits(text))
        text = _replace_one_to_one(text, clean_table(options))
    if options.spaces:
        text = _replace_one_to_one(text, cs.SPACES)
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


def match_view(clean: str, options: FoldOptions = DEFAULT_FOLDS) -> tuple[str, list[Run]]:
    """The match view of a clean text and its runs back to the clean text."""
    runs = identity(len(clean))
    text = _replace_one_to_one(clean, match_table(options))
    deletions = _class_regex(match_deletions(options))  # one code point at a time: sre scans a lone class fast
    first = deletions.search(text) if deletions is not None else None
    if deletions is not None and first is not None:
        # Diacritics and tatweel go with the letter before them, so evidence spans keep their marks.
        runs = attached_deletion(text, map(re.Match.span, deletions.finditer(text, first.start())))
        text = deletions.sub("", text)
        if options.spaces and _unsettled_spaces(text):
            text, runs = _pass(text, runs, space_edits(text))
    return text, runs


def match_lines(clean: str, options: FoldOptions = DEFAULT_FOLDS) -> list[str]:
    """The match key of each line of a clean text, line for line (the letter folds and deletions of
    `match_view`, without its offsets; a deletion between two spaces may leave both)."""
    text = _replace_one_to_one(clean, match_table(options))
    deletions = _class_regex(match_deletions(options))
    if deletions is not None and deletions.search(text) is not None:
        text = deletions.sub("", text)
    return text.split("\n")


def match_key(text: str, options: FoldOptions = DEFAULT_FOLDS) -> str:
    """Match-key fold of any string (a lexicon entry, a word): the same text the article's match view has."""
    return match_view(clean_view(text, options)[0], options)[0]
