"""The premises the fast paths rest on: each shortcut gives what the plain rule gives.

The fast paths are checked end to end by the seed goldens and the properties; these tests pin why they
are exact, so a change to a table or a rule that breaks a premise fails here first.
"""

from __future__ import annotations

import re
from dataclasses import fields

from hypothesis import given
from hypothesis import strategies as st

from services.arabic import FoldOptions
from services.arabic import charsets as cs
from services.arabic.chrome import (
    COMMENT_HEADINGS,
    END_MARKERS,
    INLINE_END_MAX_CHARS,
    RELATED,
    SHARE_BUTTONS,
    SHARE_FIRST,
    _inline_end,
    classify_line,
    inline_end,
    line_rules,
)
from services.arabic.codeunits import run_bounds
from services.arabic.fold import _clean_folds, _delete_spans, _fold_one_to_one, _match_folds, match_lines
from services.arabic.normalize import _OTHER_LETTER, NEVER_OTHER_LETTER
from services.arabic.offsets import Edit, Run, apply_edits, compose, is_identity, tidy
from services.arabic.options import match_deletions
from services.arabic.presentation import LONGEST_FOLD, presentation_table
from services.arabic.related import STAMP_TAIL_CHARS, _stamp_regex, stamp_start
from tests.paths import SEED_FILES
from tests.unit.arabic.test_properties import PROPERTY_SETTINGS, texts

ALL_ON = FoldOptions()
EDIT_CHARS = re.compile(f"[{cs.INVISIBLES}{cs.PRESENTATION_FORMS}{cs.MADDA_ABOVE}{cs.HAMZA_ABOVE}{cs.HAMZA_BELOW}]")


def test_no_clean_fold_produces_a_code_point_another_clean_pass_reads() -> None:
    # So the one-to-one folds may run before the edits (and in any order) and give the same text.
    folds = _clean_folds(ALL_ON)
    for replacement in folds.table.values():
        assert replacement not in folds.table
        assert EDIT_CHARS.search(replacement) is None
    for folded in presentation_table().values():
        assert not any(char in folds.table for char in folded)
        assert EDIT_CHARS.search(folded) is None


def test_no_presentation_form_folds_longer_than_the_size_gate_assumes() -> None:
    assert max(map(len, presentation_table().values())) == LONGEST_FOLD


def test_presentation_span_holds_no_invisible() -> None:
    # The edit pass tells a presentation form from an invisible by the span U+FB50-FEFE alone.
    invisible = re.compile(f"[{cs.INVISIBLES}]")
    assert not any(invisible.match(chr(code)) for code in range(0xFB50, 0xFEFF))
    assert re.fullmatch(f"[{cs.PRESENTATION_FORMS}]+", "\ufb50\ufdff\ufe70\ufefe")
    assert not re.match(f"[{cs.PRESENTATION_FORMS}]", "\ufb4f") and not re.match(f"[{cs.PRESENTATION_FORMS}]", "\ufeff")


def test_match_folds_neither_chain_nor_touch_the_deletions() -> None:
    folds = _match_folds(ALL_ON)
    deletions = re.compile(f"[{cs.DIACRITICS}{cs.TATWEEL}]")
    for key, replacement in folds.table.items():
        assert replacement not in folds.table
        assert deletions.search(key + replacement) is None


def slow_one_to_one(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(char, char) for char in text)


@PROPERTY_SETTINGS
@given(texts, st.builds(FoldOptions, **{f.name: st.booleans() for f in fields(FoldOptions)}))
def test_fold_one_to_one_is_a_per_character_table(raw: str, options: FoldOptions) -> None:
    for folds in (_clean_folds(options), _match_folds(options)):
        folded, needs_edit = _fold_one_to_one(raw, folds)
        assert folded == slow_one_to_one(raw, folds.table)
        assert needs_edit == any(folds.changed.match(c) and c not in folds.table for c in raw)


@given(st.lists(st.integers(min_value=0, max_value=40), max_size=12), st.text(min_size=40, max_size=40))
def test_delete_spans_is_a_regex_deletion(bounds: list[int], text: str) -> None:
    points = sorted(set(bounds))
    spans = list(zip(points[::2], points[1::2], strict=False))
    expected = "".join(char for i, char in enumerate(text) if not any(s <= i < e for s, e in spans))
    assert _delete_spans(text, spans) == expected


mark_texts = st.lists(
    st.sampled_from(["\u0628", "\u064e", "\u0651", "\u0640", "\u08f0", "\u0670", " ", "\n", "a", "\U0001f600"])
    | st.just("\ud800"),  # a lone surrogate is one code unit too
    max_size=40,
).map("".join)


@PROPERTY_SETTINGS
@given(mark_texts)
def test_run_bounds_on_code_units_agree_with_the_regex(text: str) -> None:
    chars = match_deletions(ALL_ON)
    expected = [bound for m in re.finditer(f"[{chars}]+", text) for bound in m.span()]
    assert run_bounds(text, chars) == (None if any(ord(c) > 0xFFFF for c in text) else expected)


def test_never_other_letter_holds_no_letter_counted_as_other() -> None:
    never = re.compile(f"[{NEVER_OTHER_LETTER}]")
    blocks = (range(0x80), range(0x0600, 0x0700), range(0x0750, 0x0780), range(0x08A0, 0x0900), [0x2026])
    chars = [chr(code) for block in blocks for code in block if never.match(chr(code))]
    assert len(chars) == 0x80 - 52 + 0x100 - 2 + 0x30 + 0x60 + 1  # the class ranges, code point by code point
    assert [char for char in chars if _OTHER_LETTER.match(char)] == []


def corpus_lines() -> list[str]:
    lines = [line for path in SEED_FILES for line in match_lines(path.read_text(encoding="utf-8"))]
    lines += [f"{first}{rest}" for first in map(chr, range(0x0600, 0x0700)) for rest in ("", " نص", "ي ايضا")]
    lines += [phrase for phrase in RELATED + END_MARKERS] + [f"نص قصير {w} هنا" for w in ("captcha", "كابتشا")]
    lines += [f"{first} | {button}" for first in SHARE_FIRST for button in SHARE_BUTTONS[:3]]
    lines += [*COMMENT_HEADINGS, "تعليقات (3)", "التعليقات (12)"]
    lines += ["كتب اكتب الرمز", "رمز   التحقق", "ا" * 39 + " رمز التحقق", "ا" * 41 + " رمز التحقق", "CAPTCHA"]
    return lines


def test_classify_line_shortcut_agrees_with_the_rules() -> None:
    for line in corpus_lines():
        m = line_rules().match(line)
        assert classify_line(line) == (m.lastgroup if m else None), line


marker_texts = st.lists(
    st.sampled_from(["انتهى", "النهاية", "انتهي", "(", ")", "/", "-", ".", "؟", '"', " ", "ع", "ا", "نص", "قال"]),
    max_size=14,
).map("".join)


@PROPERTY_SETTINGS
@given(marker_texts)
def test_inline_end_shortcut_agrees_with_its_pattern(text: str) -> None:
    m = _inline_end().search(text, max(len(text) - INLINE_END_MAX_CHARS, 0))
    assert inline_end(text) == ((m.start(), "chrome" if m["end"] else "byline") if m else None)


stamp_texts = st.lists(
    st.sampled_from(["منذ", " ", "3", "12:30", "-", "|", "(", ")", "ساعات", "ص", "م", "PM", "am", "يناير", "2025"]),
    max_size=12,
).map("".join)


@PROPERTY_SETTINGS
@given(stamp_texts)
def test_stamp_shortcut_agrees_with_its_pattern(key: str) -> None:
    m = _stamp_regex().search(key, max(len(key) - STAMP_TAIL_CHARS, 0))
    assert stamp_start(key) == (m.start() if m else None)


def plain_compose(outer: list[Run], inner: list[Run]) -> list[Run]:
    """The composition before the constant-shift chunks: every outer run through the general merge."""
    if is_identity(inner):
        return outer
    result: list[Run] = []
    append = result.append
    j = 0
    partial = False  # set when a piece covers part of a whole inner run: pieces may then overlap in raw
    in_view, in_raw, in_len, in_raw_len = inner[0]
    in_end = in_view + in_len
    for view_start, mid_start, view_len, mid_len in outer:
        while in_end <= mid_start:
            j += 1
            in_view, in_raw, in_len, in_raw_len = inner[j]
            in_end = in_view + in_len
        mid_end = mid_start + mid_len
        if view_len != mid_len:  # a whole run: from the raw start of its first to the raw end of its last char
            raw_start = in_raw + mid_start - in_view if in_len == in_raw_len else in_raw
            partial = partial or (in_len != in_raw_len and mid_start != in_view)
            while in_end < mid_end:
                j += 1
                in_view, in_raw, in_len, in_raw_len = inner[j]
                in_end = in_view + in_len
            raw_end = in_raw + mid_end - in_view if in_len == in_raw_len else in_raw + in_raw_len
            partial = partial or (in_len != in_raw_len and mid_end != in_end)
            append((view_start, raw_start, view_len, raw_end - raw_start))
            continue
        pos = mid_start
        while True:  # a one-to-one run: split where the inner runs split
            stop = in_end if in_end < mid_end else mid_end
            if in_len == in_raw_len:
                append((view_start + pos - mid_start, in_raw + pos - in_view, stop - pos, stop - pos))
            else:
                append((view_start + pos - mid_start, in_raw, stop - pos, in_raw_len))
                partial = partial or pos != in_view or stop != in_end
            if stop == mid_end:
                break
            pos = stop
            j += 1
            in_view, in_raw, in_len, in_raw_len = inner[j]
            in_end = in_view + in_len
    return tidy(result) if partial else result


edit_lists = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 3), st.sampled_from(["", "x", "yz", "abc"])), max_size=8
)


def as_edits(length: int, picks: list[tuple[int, int, str]]) -> list[Edit]:
    edits: list[Edit] = []
    for start, size, replacement in sorted(picks):
        start = min(start, length)
        if (edits and start < edits[-1][1]) or start == length:
            continue
        edits.append((start, min(start + size, length), replacement))
    return edits


@PROPERTY_SETTINGS
@given(st.text(alphabet="abcdef", min_size=1, max_size=30), edit_lists, edit_lists)
def test_compose_agrees_with_the_general_merge(
    raw: str, first: list[tuple[int, int, str]], second: list[tuple[int, int, str]]
) -> None:
    middle, inner = apply_edits(raw, as_edits(len(raw), first))
    _, outer = apply_edits(middle, as_edits(len(middle), second))
    if inner and outer:
        assert compose(outer, inner) == plain_compose(outer, inner)
