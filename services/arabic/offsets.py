"""Offset maps from a text view back to the raw text, as sorted runs.

A run is `(view_start, raw_start, view_len, raw_len)`. Runs tile the view without gaps and in order; their
raw ranges are ordered and never overlap; raw text between two runs was deleted (controls, chrome lines,
collapsed spaces). A run with `view_len == raw_len` maps offset by offset; any other run maps as a whole
(e.g. a ligature expanded to two letters, a letter with the diacritics folded away, a run of spaces).
"""

from __future__ import annotations

from bisect import bisect_right

Run = tuple[int, int, int, int]
Edit = tuple[int, int, str]  # replace text[start:end] with the string (maybe empty)


def identity(length: int) -> list[Run]:
    return [(0, 0, length, length)] if length else []


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Run]]:
    """Apply sorted, non-overlapping edits; return the new text and its runs back to `text`."""
    parts: list[str] = []
    runs: list[Run] = []
    pos = out = 0
    for start, end, replacement in edits:
        if start > pos:
            parts.append(text[pos:start])
            runs.append((out, pos, start - pos, start - pos))
            out += start - pos
        if replacement:
            parts.append(replacement)
            runs.append((out, start, len(replacement), end - start))
            out += len(replacement)
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
        runs.append((out, pos, len(text) - pos, len(text) - pos))
    return "".join(parts), runs


def compose(outer: list[Run], inner: list[Run]) -> list[Run]:
    """Runs of view2 -> raw, given `outer` (view2 -> view1) and `inner` (view1 -> raw)."""
    result: list[Run] = []
    j = 0
    for view_start, mid_start, view_len, mid_len in outer:
        mid_end = mid_start + mid_len
        while inner[j][0] + inner[j][2] <= mid_start:
            j += 1
        if view_len != mid_len:
            raw_start = _raw_at(inner[j], mid_start, start=True)
            while inner[j][0] + inner[j][2] < mid_end:
                j += 1
            result.append((view_start, raw_start, view_len, _raw_at(inner[j], mid_end - 1, start=False) - raw_start))
            continue
        pos = mid_start
        while pos < mid_end:
            in_view, in_raw, in_len, in_raw_len = inner[j]
            stop = min(mid_end, in_view + in_len)
            if in_len == in_raw_len:
                result.append((view_start + pos - mid_start, in_raw + pos - in_view, stop - pos, stop - pos))
            else:
                result.append((view_start + pos - mid_start, in_raw, stop - pos, in_raw_len))
            pos = stop
            if pos == in_view + in_len and j + 1 < len(inner):
                j += 1
    return tidy(result)


def _raw_at(run: Run, offset: int, *, start: bool) -> int:
    """Raw start (or exclusive end) of the view character at `offset` inside `run`."""
    view_start, raw_start, view_len, raw_len = run
    if view_len == raw_len:
        return raw_start + offset - view_start + (0 if start else 1)
    return raw_start if start else raw_start + raw_len


def tidy(runs: list[Run]) -> list[Run]:
    """Merge runs whose raw ranges overlap (parts of one whole run) and contiguous one-to-one runs."""
    out: list[Run] = []
    for run in runs:
        if out:
            p_view, p_raw, p_len, p_raw_len = out[-1]
            _, raw_start, view_len, raw_len = run
            contiguous = p_raw + p_raw_len == raw_start
            if raw_start < p_raw + p_raw_len or (contiguous and p_len == p_raw_len and view_len == raw_len):
                end = max(p_raw + p_raw_len, raw_start + raw_len)
                out[-1] = (p_view, p_raw, p_len + view_len, end - p_raw)
                continue
        out.append(run)
    return out


def span_to_raw(runs: list[Run], start: int, end: int) -> tuple[int, int]:
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


def raw_to_span(runs: list[Run], raw_start: int, raw_end: int) -> tuple[int, int]:
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


def _insertion_point(runs: list[Run], raw_pos: int) -> tuple[int, int]:
    for view_start, run_raw, _view_len, _raw_len in runs:
        if run_raw >= raw_pos:
            return view_start, view_start
    end = runs[-1][0] + runs[-1][2] if runs else 0
    return end, end


def _find(runs: list[Run], offset: int) -> int:
    return bisect_right(runs, offset, key=lambda run: run[0]) - 1
