"""The clean and match views in C (`_cviews.c`), fed with the tables of this package.

Fully vocalised or PDF text makes nearly every code point an edit, and per-edit Python work caps the views
far below the issue's speed target, so a current compiled build (`services/native.py`) also carries a
hand-written C module that gives the text and runs of the passes of `fold.py` (one fused scan per view,
with the run arithmetic of `offsets.py`), and `offsets.compose` itself (which maps the match view back to
the raw text). Its runs are a `RunArray` (one flat array read as a sequence of tuples), not a list of
tuples: making a tuple per run was most of the views' time. The C holds no
table: at first use per FoldOptions, `CViews` asks the Python definitions (charsets, options,
presentation) what each pass does to each code point and hands that over as one lookup structure.
`fold.clean_view`, `fold.match_view` and `offsets.compose` use it when it is present; the Python functions
stay the reference (tests/unit/arabic/test_native_views.py compares both) and run everywhere else.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Protocol, cast

from services.arabic import charsets as cs
from services.arabic.options import FoldOptions, clean_table, match_deletions, match_table
from services.arabic.presentation import presentation_table

MODULE = "services.arabic._cviews"
# What a pass does to a code point (the flags of _cviews.c): a one-to-one fold; a code point outside the
# fold table that makes the edit passes run (fold.py's `needs_edit` / `deleted`); a deletion; a replacement
# by a text (presentation forms, hamza compositions); a combining hamza mark.
FOLD, GATE, DELETE, EXPAND, HAMZA_MARK = 1, 2, 4, 8, 16
HAMZA_MARKS = f"{cs.MADDA_ABOVE}{cs.HAMZA_ABOVE}{cs.HAMZA_BELOW}"
_PRESENTATION_SPAN = range(0xFB50, 0xFEFF)  # fold.py tells a presentation form from an invisible by it

Entry = tuple[int, int, int, int]  # code point, flags, fold, expansion index
Run = tuple[int, int, int, int]  # offsets.Run, restated: offsets.py imports this module to dispatch `compose`
Columns = tuple[list[int], list[int], list[int], list[int]]  # offsets.Columns, restated likewise


class _Module(Protocol):
    def tables(
        self, entries: list[Entry], expansions: list[str], compositions: list[tuple[int, int, int]], spaces: bool
    ) -> object: ...

    def clean_view(self, text: str, tables: object) -> tuple[str, Sequence[Run]]: ...

    def match_view(self, text: str, tables: object) -> tuple[str, Sequence[Run]]: ...

    def compose(self, outer: Sequence[Run], inner: Sequence[Run]) -> Sequence[Run] | None: ...

    def columns(self, runs: Sequence[Run]) -> Columns | None: ...


@cache
def members(chars: str) -> frozenset[int]:
    """The code points of the regex class body `chars`, as `re` reads it: every code point from the lowest
    to the highest one written in the body is tried (a class of literals and ranges has no member outside)."""
    if "\\" in chars or chars.startswith("^"):
        raise ValueError("class bodies with escapes or negation are not supported")
    if not chars:
        return frozenset()
    low, high = min(map(ord, chars)), max(map(ord, chars))
    span = "".join(map(chr, range(low, high + 1)))
    return frozenset(low + m.start() for m in re.finditer(f"[{chars}]", span))


@dataclass(frozen=True, slots=True)
class ViewTables:
    """One view's lookup structure for one FoldOptions, as `_cviews.tables` takes it."""

    entries: list[Entry]
    expansions: list[str]
    compositions: list[tuple[int, int, int]]
    spaces: bool


def _entries(flags: dict[int, int], folds: dict[str, str], expansion_of: dict[int, int]) -> list[Entry]:
    for key, value in folds.items():
        if len(key) != 1 or len(value) != 1:
            raise ValueError(f"fold {key!r} -> {value!r} is not one code point to one")
        if value in folds or flags.get(ord(value), 0) & (GATE | DELETE | EXPAND | HAMZA_MARK):
            raise ValueError(f"fold {key!r} -> {value!r} produces a code point another pass reads")
    return [
        (code, flag, ord(folds[chr(code)]) if flag & FOLD else 0, expansion_of.get(code, 0))
        for code, flag in sorted(flags.items())
    ]


def clean_tables(options: FoldOptions) -> ViewTables:
    """`fold.clean_view`'s passes as flags: `_clean_folds` (FOLD; GATE for the rest of its `changed`),
    `_invisible_and_presentation_edits` (EXPAND, DELETE), `_hamza_edits` (HAMZA_MARK and the compositions)."""
    folds = dict(clean_table(options))
    if options.spaces:
        folds |= cs.SPACES
    presentation = presentation_table() if options.presentation_forms else {}
    folds |= {char: folded for char, folded in presentation.items() if len(folded) == 1}
    edited = members(
        (cs.INVISIBLES if options.invisibles else "") + (cs.PRESENTATION_FORMS if options.presentation_forms else "")
    )
    marks = members(HAMZA_MARKS) if options.compose_hamza else frozenset()
    flags = dict.fromkeys(map(ord, folds), FOLD)
    for code in edited | marks:
        if chr(code) not in folds:
            flags[code] = GATE
    expansions: list[str] = []
    expansion_of: dict[int, int] = {}
    for code in edited:
        replacement = presentation.get(chr(code))
        if replacement is not None:
            flags[code] |= EXPAND
            expansion_of[code] = len(expansions)
            expansions.append(replacement)
        elif options.invisibles and code not in _PRESENTATION_SPAN:
            flags[code] |= DELETE
    for code in marks:
        flags[code] |= HAMZA_MARK
    compositions = []
    for pair, composed in cs.HAMZA_COMPOSITION.items():
        if len(pair) == 2 and ord(pair[1]) in marks:  # `_hamza_edits` reads a mark and the code point before
            compositions.append((ord(pair[0]), ord(pair[1]), len(expansions)))
            expansions.append(composed)
    return ViewTables(_entries(flags, folds, expansion_of), expansions, compositions, options.spaces)


def match_tables(options: FoldOptions) -> ViewTables:
    """`fold.match_view`'s passes as flags: `_match_folds` (FOLD; GATE for the deletions) and the deletions."""
    folds = match_table(options)
    deleted = members(match_deletions(options))
    if deleted & {ord(" "), ord("\n")}:
        raise ValueError("the match view's space check assumes it deletes neither space nor newline")
    flags = dict.fromkeys(map(ord, folds), FOLD)
    for code in deleted:
        flags[code] = flags.get(code, 0) | DELETE | (0 if chr(code) in folds else GATE)
    return ViewTables(_entries(flags, folds, {}), [], [], options.spaces)


class CViews:
    """The views of the C module `module`, with its lookup structures built at first use per FoldOptions."""

    def __init__(self, module: ModuleType) -> None:
        self.module = module
        self._module = cast(_Module, module)
        Sequence.register(module.RunArray)  # what the views' runs are, as the type hints say
        self._clean: dict[FoldOptions, object] = {}
        self._match: dict[FoldOptions, object] = {}
        # The options of the last call and their tables: hashing a FoldOptions (15 fields) costs about 0.6 µs,
        # a tenth of a short article's views, and callers pass the same object every time.
        self._last_clean: tuple[FoldOptions, object] | None = None
        self._last_match: tuple[FoldOptions, object] | None = None

    def _tables(self, view: ViewTables) -> object:
        return self._module.tables(view.entries, view.expansions, view.compositions, view.spaces)

    def clean_view(self, text: str, options: FoldOptions) -> tuple[str, Sequence[Run]]:
        last = self._last_clean
        if last is None or last[0] is not options:
            tables = self._clean.get(options)
            if tables is None:
                tables = self._clean[options] = self._tables(clean_tables(options))
            last = self._last_clean = (options, tables)
        return self._module.clean_view(text, last[1])

    def match_view(self, clean: str, options: FoldOptions) -> tuple[str, Sequence[Run]]:
        last = self._last_match
        if last is None or last[0] is not options:
            tables = self._match.get(options)
            if tables is None:
                tables = self._match[options] = self._tables(match_tables(options))
            last = self._last_match = (options, tables)
        return self._module.match_view(clean, last[1])

    def compose(self, outer: Sequence[Run], inner: Sequence[Run]) -> Sequence[Run] | None:
        """`offsets.compose` as a RunArray, or None for runs the C does not take (neither RunArrays nor lists of
        4-tuples of ints below 2**60, or runs that do not tile: the Python function then raises its own error)."""
        return self._module.compose(outer, inner)

    def columns(self, runs: Sequence[Run]) -> Columns | None:
        """`offsets.columns` from C, or None for runs the C does not take (as `compose`)."""
        return self._module.columns(runs)


_LOADED: list[CViews | None] = []  # one instance for fold.py and offsets.py (not @cache: mypyc cannot type it here)


def load() -> CViews | None:
    """The C views of a current compiled build (`services/native.py` serves the module only then), else None."""
    if not _LOADED:
        try:
            module = importlib.import_module(MODULE)
        except ImportError:
            _LOADED.append(None)
        else:
            _LOADED.append(CViews(module))
    return _LOADED[0]
