"""The feeding analysis of `bench.feeding`: where a stage child's sleep between calls is put down."""

from __future__ import annotations

import pytest

from bench.feeding import ChildCall, ParentCall, Trace, child_gaps, window_size


def child_calls(*spans: tuple[float, float, int]) -> list[ChildCall]:
    """Calls that ran on a CPU all their wall time: the time between calls is all sleep."""
    calls, ran = [], 0.0
    for start, end, size in spans:
        calls.append(ChildCall(start, end, size, (ran, ran + end - start), (0.0, 0.0)))
        ran += end - start
    return calls


def test_the_sleep_after_each_call_goes_to_what_the_child_waited_for() -> None:
    # Call 1 was handed over while call 0 ran (hand-off); call 2 came after everything read had been handed
    # over and acknowledged (stream empty); call 3 after a window full of unacknowledged messages (window
    # full); call 4 while messages were read but waited for the call before to return (partial batch).
    child = child_calls((0.0, 1.0, 2), (1.1, 2.0, 2), (2.5, 3.0, 2), (3.3, 4.0, 2), (4.2, 5.0, 1))
    parent = [
        ParentCall(0.0, 1.0, 2),
        ParentCall(0.5, 2.0, 2),
        ParentCall(2.5, 3.0, 2),
        ParentCall(3.3, 4.0, 2),
        ParentCall(4.2, 5.0, 1),
    ]
    trace = Trace(
        child_calls={1: child},
        calls=parent,
        taken=[0.0, 0.0, 0.4, 0.4, 2.4, 2.4, 3.25, 3.25, 3.5],
        acked=[1.5, 1.5, 3.2, 3.2, 3.6, 3.6],
    )
    gaps = child_gaps(child, parent, trace, (0.0, 10.0), slots=4)
    assert gaps.asleep["hand-off"] == pytest.approx(0.1)
    assert gaps.asleep["stream empty"] == pytest.approx(0.5)
    assert gaps.asleep["window full"] == pytest.approx(0.3)
    assert gaps.asleep["partial batch"] == pytest.approx(0.2)
    assert gaps.stalls == [pytest.approx(0.5)]
    assert gaps.in_calls_running == pytest.approx(3.1)  # the four calls followed by another
    assert gaps.between_running == pytest.approx(0.0)


def test_the_window_is_the_most_messages_ever_taken_and_not_acknowledged() -> None:
    trace = Trace(taken=[0.0, 0.1, 0.2, 0.5], acked=[0.3, 0.4, 0.6, 0.7])
    assert window_size(trace) == 3
