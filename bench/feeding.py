"""Where a stage child's time goes between its calls: the time line written by `bench/feeding_probe`.

`summarize(trace_dir, n)` reads the probe's JSON lines (see `bench/feeding_probe/sitecustomize.py`) and reports,
over the window between 5 % and 95 % of the acknowledgements, the child's wall time in parts: in its calls
running or waiting for a CPU, between calls running (unpickling, pipes) or waiting for a CPU, and asleep between
calls, which is what the parent's feeding costs. The sleep after a call is put down to what the child waited for:
- hand-off: the next call was already handed over when the child finished (the executor's threads, the pipes);
- stream empty: the lane had no message left and the window had room: nothing came from the stream (the
  consumer's fetching);
- window full: the lane had no message left and the window was full of messages waiting for their deliveries;
- partial batch: the lane had messages, but not a full batch, and sent them only when the call returned (and the
  event loop got to it).
Also batch sizes, the time from a child's end to its results on the event loop, delivery times, the loop's lag.
"""

from __future__ import annotations

import bisect
import itertools
import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from bench.e2e import HIGH, LOW

CAUSES = ("hand-off", "stream empty", "window full", "partial batch")


@dataclass(frozen=True, slots=True)
class ChildCall:
    start: float
    end: float
    size: int
    running: tuple[float, float]  # the thread's seconds on a CPU at start and end
    waiting: tuple[float, float]  # its seconds runnable, waiting for a CPU, at start and end


@dataclass(frozen=True, slots=True)
class ParentCall:
    handed_over: float
    returned: float
    size: int


@dataclass
class Trace:
    child_calls: dict[int, list[ChildCall]] = field(default_factory=dict)  # by the child's pid
    calls: list[ParentCall] = field(default_factory=list)
    taken: list[float] = field(default_factory=list)
    delivered: list[tuple[float, float]] = field(default_factory=list)
    acked: list[float] = field(default_factory=list)
    lag: list[tuple[float, float]] = field(default_factory=list)


def load(trace_dir: Path) -> Trace:
    trace = Trace()
    for path in sorted(trace_dir.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            kind, *values = json.loads(line)
            if kind == "child":
                start, end, size, run0, wait0, run1, wait1 = values
                call = ChildCall(start, end, size, (run0, run1), (wait0, wait1))
                trace.child_calls.setdefault(int(path.stem), []).append(call)
            elif kind == "call":
                trace.calls.append(ParentCall(*values))
            elif kind == "take":
                trace.taken.append(values[0])
            elif kind == "deliver":
                trace.delivered.append((values[0], values[1]))
            elif kind == "ack":
                trace.acked.append(values[0])
            elif kind == "lag":
                trace.lag.append((values[0], values[1]))
    trace.taken.sort()
    trace.acked.sort()
    trace.calls.sort(key=lambda call: call.handed_over)
    for calls in trace.child_calls.values():
        calls.sort(key=lambda call: call.start)
    return trace


def quantiles(values: Sequence[float]) -> str:
    if not values:
        return "none"
    ordered = sorted(values)
    p50, p90, p99 = (1000 * ordered[min(int(q * len(ordered)), len(ordered) - 1)] for q in (0.5, 0.9, 0.99))
    return f"p50 {p50:.2f} / p90 {p90:.2f} / p99 {p99:.2f} / max {1000 * ordered[-1]:.2f} ms"


@dataclass
class Gaps:
    """A child's wall time, in seconds, summed over the calls that end inside the window."""

    in_calls_running: float = 0.0
    in_calls_waiting: float = 0.0
    between_running: float = 0.0
    between_waiting: float = 0.0
    asleep: dict[str, float] = field(default_factory=lambda: dict.fromkeys(CAUSES, 0.0))
    late: list[tuple[int, int, int]] = field(default_factory=list)  # size, taken not acked, not handed over
    stalls: list[float] = field(default_factory=list)  # each sleep for want of anything read (stream empty)


def child_gaps(
    child: list[ChildCall], parent: list[ParentCall], trace: Trace, window: tuple[float, float], slots: int
) -> Gaps:
    """`child[k]` ran the call `parent[k]` handed over (one lane: the child runs its calls in order); `slots` is
    the pipeline's window (messages taken and not acknowledged)."""
    gaps = Gaps()
    handed = 0
    for k, (call, next_call) in enumerate(itertools.pairwise(child)):
        handed += parent[k].size
        if not window[0] <= call.end <= window[1]:
            continue
        asleep = _count_call(gaps, call, next_call)
        if parent[k + 1].handed_over <= call.end:
            gaps.asleep["hand-off"] += asleep
            continue
        taken = bisect.bisect_right(trace.taken, call.end)
        in_window = taken - bisect.bisect_right(trace.acked, call.end)
        gaps.late.append((parent[k + 1].size, in_window, taken - handed))
        if taken > handed:
            gaps.asleep["partial batch"] += asleep
        elif in_window >= slots:
            gaps.asleep["window full"] += asleep
        else:
            gaps.asleep["stream empty"] += asleep
            gaps.stalls.append(asleep)
    return gaps


def window_size(trace: Trace) -> int:
    """The most messages ever taken and not acknowledged: the pipeline's window, on a backlog."""
    events = sorted([(t, 1) for t in trace.taken] + [(t, -1) for t in trace.acked])
    held = most = 0
    for _, change in events:
        held += change
        most = max(most, held)
    return most


def summarize(trace_dir: Path, n: int) -> list[str]:
    trace = load(trace_dir)
    if len(trace.acked) < 2 or not trace.child_calls:
        return [f"  feeding: no trace in {trace_dir}"]
    lo = trace.acked[min(int(LOW * n), len(trace.acked) - 1)]
    hi = trace.acked[min(int(HIGH * n), len(trace.acked) - 1)]
    lines = []
    if len(trace.child_calls) > 1:  # the lanes' calls interleave in the parent: only the children's own view
        parents: list[list[ParentCall]] = [[] for _ in trace.child_calls]
    else:
        parents = [trace.calls]
    for (pid, child), parent in zip(trace.child_calls.items(), parents, strict=True):
        inside = [call for call in child if lo <= call.end <= hi]
        if len(inside) < 2:
            continue
        wall = inside[-1].end - inside[0].end
        sizes = [call.size for call in inside]
        lines.append(
            f"  child {pid}: {len(inside)} calls in {wall:.1f} s, batch median {statistics.median(sizes):.0f} "
            f"(mean {statistics.mean(sizes):.1f}, max {max(sizes)})"
        )
        if parent and len(parent) != len(child):
            lines.append(f"    {len(child)} calls in the child, {len(parent)} in the parent (re-runs): not matched")
            parent = []
        gaps = child_gaps(child, parent, trace, (lo, hi), window_size(trace)) if parent else _child_only(child, lo, hi)
        shares = [
            ("in calls, running", gaps.in_calls_running),
            ("in calls, waiting for a CPU", gaps.in_calls_waiting),
            ("between calls, running", gaps.between_running),
            ("between calls, waiting for a CPU", gaps.between_waiting),
            *((f"asleep: {cause}", seconds) for cause, seconds in gaps.asleep.items()),
        ]
        lines.extend(f"    {name:34s} {seconds / wall:6.1%}" for name, seconds in shares)
        if gaps.late:
            late_sizes, in_window, unhanded = zip(*gaps.late, strict=True)
            lines.append(
                f"    late hand-overs: {len(gaps.late)} of {len(inside)} calls, batch median "
                f"{statistics.median(late_sizes):.0f}; when the child finished: median "
                f"{statistics.median(in_window):.0f} taken and not acknowledged, "
                f"{statistics.median(unhanded):.0f} read and not handed over"
            )
        if gaps.stalls:
            lines.append(f"    stream-empty sleeps: {len(gaps.stalls)}, {quantiles(gaps.stalls)}")
        if parent:
            returns = [p.returned - c.end for c, p in zip(child, parent, strict=True) if lo <= c.end <= hi]
            lines.append(f"    child's end -> results on the loop: {quantiles(returns)}")
    deliveries = [end - start for start, end in trace.delivered if lo <= start <= hi]
    lines.append(f"  delivery of one message's outputs (to the broker's ack): {quantiles(deliveries)}")
    lags = [lag for t, lag in trace.lag if lo <= t <= hi]
    late = sum(1 for lag in lags if lag > 0.005)
    lines.append(f"  event loop lag (5 ms probe): {quantiles(lags)}; > 5 ms in {late / max(len(lags), 1):.0%}")
    return lines


def _child_only(child: list[ChildCall], lo: float, hi: float) -> Gaps:
    """Without the parent's side (several lanes): the sleep between calls is all counted as hand-off."""
    gaps = Gaps()
    for call, next_call in itertools.pairwise(child):
        if not lo <= call.end <= hi:
            continue
        gaps.asleep["hand-off"] += _count_call(gaps, call, next_call)
    return gaps


def _count_call(gaps: Gaps, call: ChildCall, next_call: ChildCall) -> float:
    """Adds `call` and the time up to `next_call` (running, waiting for a CPU) to `gaps`; returns the sleep between."""
    gaps.in_calls_running += call.running[1] - call.running[0]
    gaps.in_calls_waiting += call.waiting[1] - call.waiting[0]
    running = next_call.running[0] - call.running[1]
    waiting = next_call.waiting[0] - call.waiting[1]
    gaps.between_running += running
    gaps.between_waiting += waiting
    return max(next_call.start - call.end - running - waiting, 0.0)
