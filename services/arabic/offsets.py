"""Offset maps from a text view back to the raw text, as sorted runs.

A run is `(view_start, raw_start, view_len, raw_len)`. Runs tile the view without gaps and in order; their
raw ranges are ordered and never overlap; raw text between two runs was deleted (controls, chrome lines,
collapsed spaces). A run with `view_len == raw_len` maps offset by offset; any other run maps as a whole
(e.g. a ligature expanded to two letters, a letter with the diacritics folded away, a run of spaces).

Runs come as a list of tuples from the Python functions and as a `RunArray` (`_cviews.c`: one flat array,
a read-only sequence of the same tuples) from the C views and `compose`; the functions here take either,
and so does the published OffsetMap. `columns` reads them as four lists of ints without a tuple per run.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from operator import itemgetter

from services.arabic import cviews

Run = tuple[int, int, int, int]
Edit = tuple[int, int, str]  # replace text[start:end] with the string (maybe empty)
_MID_START = itemgetter(1)  # a run's start in the text it maps to
_C_VIEWS = cviews.load()  # None without a current compiled build: `python_compose` runs


def identity(length: int) -> list[Run]:
    return [(0, 0, length, length)] if length else []


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Run]]:
    """Apply sorted, non-overlapping edits; return the new text and its (tidy) runs back to `text`."""
    parts: list[str] = []
    runs: list[Run] = []
    append = runs.append
    pos = out = 0
    exact_end = -1  # raw end of the last run when it is one-to-one: a one-to-one run from there extends it
    for start, end, replacement in edits:
        if start > pos:
            parts.append(text[pos:start])
            out = _exact(runs, out, pos, start - pos, exact_end)
            exact_end = start
        if replacement:
            parts.append(replacement)
            if len(replacement) == end - start:
                out = _exact(runs, out, start, end - start, exact_end)
                exact_end = end
            else:
                append((out, start, len(replacement), end - start))
                out += len(replacement)
                exact_end = -1
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        _exact(runs, out, pos, len(text) - pos, exact_end)
    return "".join(parts), runs


def _exact(runs: list[Run], view_start: int, raw_start: int, length: int, exact_end: int) -> int:
    """Append a one-to-one run, or extend the last one if it is one-to-one and ends at `raw_start`; return
    the view offset after it."""
    if exact_end == raw_start:
        p_view, p_raw, p_len, _ = runs[-1]
        runs[-1] = (p_view, p_raw, p_len + length, p_len + length)
    else:
        runs.append((view_start, raw_start, length, length))
    return view_start + length


def attached_deletion(text: str, spans: Iterable[tuple[int, int]]) -> list[Run]:
    """Runs of `text` with the sorted, disjoint `spans` deleted, each joined to the character before it
    (that character's run covers the deleted code points too); a span at 0 is a plain gap. Adjacent spans
    (one per code point, as a lone-class regex finds them) merge."""
    runs: list[Run] = []
    append = runs.append
    out = consumed = 0
    for start, end in spans:
        if start == consumed and start:  # continues the span before
            if runs and runs[-1][1] + runs[-1][3] == start:
                view_start, raw_start, _, raw_len = runs[-1]
                runs[-1] = (view_start, raw_start, 1, raw_len + end - start)
            consumed = end
            continue
        if start:
            if start - 1 > consumed:
                append((out, consumed, start - 1 - consumed, start - 1 - consumed))
                out += start - 1 - consumed
            append((out, start - 1, 1, end - start + 1))
            out += 1
        consumed = end
    if consumed < len(text):
        append((out, consumed, len(text) - consumed, len(text) - consumed))
    return runs


Columns = tuple[list[int], list[int], list[int], list[int]]  # view starts, raw starts, view lens, raw lens


def columns(runs: Sequence[Run]) -> Columns:
    """The runs as four columns, for readers that bisect or walk them (the extractor)."""
    if _C_VIEWS is not None:
        read = _C_VIEWS.columns(runs)
        if read is not None:
            return read
    return [run[0] for run in runs], [run[1] for run in runs], [run[2] for run in runs], [run[3] for run in runs]


def compose(outer: Sequence[Run], inner: Sequence[Run]) -> Sequence[Run]:
    """Runs of view2 -> raw, given tidy `outer` (view2 -> view1) and `inner` (view1 -> raw)."""
    if _C_VIEWS is not None:
        composed = _C_VIEWS.compose(outer, inner)
        if composed is not None:
            return composed
    return python_compose(outer, inner)


def python_compose(outer: Sequence[Run], inner: Sequence[Run]) -> Sequence[Run]:
    """`compose` in Python, in one merge pass."""
    if is_identity(inner):
        return outer
    result: list[Run] = []
    append = result.append
    j = 0
    partial = False  # set when a piece covers part of a whole inner run: pieces may then overlap in raw
    in_view, in_raw, in_len, in_raw_len = inner[0]
    in_end = in_view + in_len
    i, count = 0, len(outer)
    while i < count:
        view_start, mid_start, view_len, mid_len = outer[i]
        while in_end <= mid_start:
            j += 1
            in_view, in_raw, in_len, in_raw_len = inner[j]
            in_end = in_view + in_len
        if in_len == in_raw_len and mid_start >= in_view:
            # The outer runs that end inside this one-to-one inner run shift by a constant (most runs): those
            # starting inside it but the last, which may reach past its end.
            last = bisect_left(outer, in_end, i, key=_MID_START)
            if last > i and outer[last - 1][1] + outer[last - 1][3] > in_end:
                last -= 1
            if last > i:
                shift = in_raw - in_view
                if shift:
                    result.extend([(v, m + shift, v_len, m_len) for v, m, v_len, m_len in outer[i:last]])
                else:
                    result.extend(outer[i:last])
                i = last
                continue
        i += 1
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


def is_identity(runs: Sequence[Run]) -> bool:
    return len(runs) == 1 and runs[0][0] == runs[0][1] == 0 and runs[0][2] == runs[0][3]


def _raw_at(run: Run, offset: int, *, start: bool) -> int:
    """Raw start (or exclusive end) of the view character at `offset` inside `run`."""
    view_start, raw_start, view_len, raw_len = run
    if view_len == raw_len:
        return raw_start + offset - view_start + (0 if start else 1)
    return raw_start if start else raw_start + raw_len


def tidy(runs: Sequence[Run]) -> list[Run]:
    """Merge runs whose raw ranges overlap (parts of one whole run) and contiguous one-to-one runs."""
    if not runs:
        return []
    out: list[Run] = [runs[0]]
    p_view, p_raw, p_len, p_raw_len = runs[0]
    p_end = p_raw + p_raw_len
    for run in runs[1:]:
        _, raw_start, view_len, raw_len = run
        if raw_start < p_end or (raw_start == p_end and p_len == p_raw_len and view_len == raw_len):
            p_end = max(p_end, raw_start + raw_len)
            p_len += view_len
            p_raw_len = p_end - p_raw
            out[-1] = (p_view, p_raw, p_len, p_raw_len)
        else:
            out.append(run)
            p_view, p_raw, p_len, p_raw_len = run
            p_end = p_raw + p_raw_len
    return out


def span_to_raw(runs: Sequence[Run], start: int, end: int) -> tuple[int, int]:
    """Raw span `[raw_start, raw_end)` of the view span `[start, end)`; whole runs widen to their edges."""
    total = runs[-1][0] + runs[-1][2] if runs else 0
    if not 0 <= start <= end <= total:
        raise ValueError(f"span [{start}, {end}) outside view of length {total}")
    if not runs:
        return 0, 0
    if start == end:
        if start == total:
            last = runs[-1]
            return last[1] + last[3], last[1] + last[3]
        point = _raw_at(runs[_find(runs, start)], start, start=True)
        return point, point
    return (
        _raw_at(runs[_find(runs, start)], start, start=True),
        _raw_at(runs[_find(runs, end - 1)], end - 1, start=False),
    )


def raw_to_span(runs: Sequence[Run], raw_start: int, raw_end: int) -> tuple[int, int]:
    """View span covering every view character whose raw source overlaps `[raw_start, raw_end)`.

    An empty result (start == end) means that raw text has no trace in the view (it was deleted).
    """
    if raw_start > raw_end:
        raise ValueError(f"raw span [{raw_start}, {raw_end}) is reversed")
    first = last = -1
    for view_start, run_raw, view_len, raw_len in runs:  # linear, runs are few; bisect not needed here
        if run_raw >= raw_end and first >= 0:
            break
        lo, hi = max(raw_start, run_raw), min(raw_end, run_raw + raw_len)
        if lo >= hi:
            continue
        if view_len == raw_len:
            s, e = view_start + lo - run_raw, view_start + hi - run_raw
        else:
            s, e = view_start, view_start + view_len
        first = s if first < 0 else first
        last = e
    if first < 0:
        return _insertion_point(runs, raw_start)
    return first, last


def _insertion_point(runs: Sequence[Run], raw_pos: int) -> tuple[int, int]:
    for view_start, run_raw, _view_len, _raw_len in runs:
        if run_raw >= raw_pos:
            return view_start, view_start
    end = runs[-1][0] + runs[-1][2] if runs else 0
    return end, end


def _find(runs: Sequence[Run], offset: int) -> int:
    return bisect_right(runs, offset, key=lambda run: run[0]) - 1
