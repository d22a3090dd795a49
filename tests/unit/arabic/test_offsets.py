"""The offset-run machinery on small hand-made maps."""

from __future__ import annotations

import pytest

from services.arabic.offsets import apply_edits, attached_deletion, compose, identity, raw_to_span, span_to_raw


def test_apply_edits_builds_text_and_compact_runs() -> None:
    text, runs = apply_edits("ab  cd\u200fe", [(2, 4, " "), (6, 7, ""), (7, 8, "E")])
    assert text == "ab cdE"
    assert runs == [(0, 0, 2, 2), (2, 2, 1, 2), (3, 4, 2, 2), (5, 7, 1, 1)]


def test_one_to_one_edits_merge_with_their_neighbours() -> None:
    assert apply_edits("abc", [(1, 2, "B")]) == ("aBc", [(0, 0, 3, 3)])


def test_attached_deletion_joins_marks_to_the_letter_before() -> None:
    # "\u064eبَتْ" : a leading mark (a gap), then two letters carrying one mark each
    text = "\u064e\u0628\u064e\u062a\u0652x"
    assert attached_deletion(text, [(0, 1), (2, 3), (4, 5)]) == [(0, 1, 1, 2), (1, 3, 1, 2), (2, 5, 1, 1)]


def test_compose_splits_one_to_one_runs_and_keeps_whole_runs_whole() -> None:
    inner = [(0, 0, 2, 2), (2, 3, 2, 1)]  # view1 "ab" + "لا" from raw "ab" + gap + "ﻻ"
    outer = [(0, 0, 4, 4)]  # view2 == view1
    assert compose(outer, inner) == [(0, 0, 2, 2), (2, 3, 2, 1)]
    assert compose([(0, 0, 1, 3)], [(0, 0, 3, 3)]) == [(0, 0, 1, 3)]
    assert compose(outer, identity(4)) == outer


def test_overlapping_pieces_of_a_whole_run_are_merged() -> None:
    inner = [(0, 0, 2, 1), (2, 1, 1, 1)]  # "لا" <- "ﻻ", then a mark
    outer = [(0, 0, 1, 1), (1, 1, 1, 2)]  # "ل" and "ا" + mark
    assert compose(outer, inner) == [(0, 0, 2, 2)]


@pytest.mark.parametrize(
    ("span", "raw"),
    [((0, 2), (0, 2)), ((2, 3), (2, 4)), ((1, 4), (1, 6)), ((3, 3), (5, 5)), ((5, 5), (7, 7)), ((0, 5), (0, 7))],
)
def test_span_to_raw(span: tuple[int, int], raw: tuple[int, int]) -> None:
    runs = [(0, 0, 2, 2), (2, 2, 1, 2), (3, 5, 2, 2)]  # raw 2-3 -> view 2 as a whole; raw 4 deleted
    assert span_to_raw(runs, *span) == raw


@pytest.mark.parametrize("span", [(-1, 1), (2, 1), (0, 6)])
def test_span_to_raw_refuses_spans_outside_the_view(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError):
        span_to_raw([(0, 0, 5, 5)], *span)


def test_empty_view() -> None:
    assert span_to_raw([], 0, 0) == (0, 0)
    assert raw_to_span([], 0, 3) == (0, 0)


def test_raw_to_span_covers_what_the_raw_span_became() -> None:
    runs = [(0, 0, 2, 2), (2, 2, 1, 2), (3, 5, 2, 2)]  # raw 4 was deleted
    assert raw_to_span(runs, 0, 2) == (0, 2)
    assert raw_to_span(runs, 3, 4) == (2, 3)  # inside a whole run: the whole run
    assert raw_to_span(runs, 4, 5) == (3, 3)  # deleted: an empty span where it was
    assert raw_to_span(runs, 5, 7) == (3, 5)
    with pytest.raises(ValueError):
        raw_to_span(runs, 3, 2)


def test_attached_deletion_merges_adjacent_spans() -> None:
    assert attached_deletion("\u0628\u064e\u0651x", [(1, 2), (2, 3)]) == [(0, 0, 1, 3), (1, 3, 1, 1)]
    assert attached_deletion("\u064e\u0651\u0628", [(0, 1), (1, 2)]) == [(0, 2, 1, 1)]
