"""The windowed pipeline (in-order acks, bounded window, failure stops acking) and the stage child's results."""

from __future__ import annotations

import asyncio
import json
import random
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from schemas.deadletter import DeadLetterReason, Stage
from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle
from services.worker.pipeline import BatchLimits, Steps, WindowedPipeline
from services.worker.stages import StageLimits, process_batch, process_normalized, process_raw

EXAMPLE = Path(__file__).resolve().parents[3] / "schemas" / "examples" / "marsad.articles.raw.v1.example.json"
LIMITS = StageLimits(1024 * 1024, 200_000, 200)


class Recorder:
    """Fake stage/delivery/ack steps: deliveries finish in a random order; records what happened when."""

    def __init__(self, fail_at: int | None = None, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.batches: list[list[int]] = []
        self.delivered: list[int] = []
        self.acked: list[int] = []
        self.open = 0  # taken from the input and not yet acknowledged
        self.peak_open = 0
        self.fail_at = fail_at
        self.keys = 1_000_000  # items with equal `item % keys` share a key
        self.lanes: list[int] = []  # the lane of each batch
        self.busy: Counter[int] = Counter()  # stage calls running, per lane
        self.peak_busy = 0  # most lanes in a stage call at once
        self.peak_calls_per_lane = 0  # most stage calls open at once in one lane

    async def items(self, n: int) -> AsyncIterator[int]:
        for item in range(n):
            self.open += 1
            self.peak_open = max(self.peak_open, self.open)
            yield item
            await asyncio.sleep(0)

    async def process(self, lane: int, batch: list[int]) -> list[int]:
        self.batches.append(batch)
        self.lanes.append(lane)
        self.busy[lane] += 1
        self.peak_busy = max(self.peak_busy, sum(1 for n in self.busy.values() if n))
        self.peak_calls_per_lane = max(self.peak_calls_per_lane, self.busy[lane])
        await asyncio.sleep(0.001 * self.rng.randint(1, 5))  # lanes finish their batches out of order
        self.busy[lane] -= 1
        return [item * 10 for item in batch]

    async def deliver(self, item: int, result: int) -> None:
        assert result == item * 10
        await asyncio.sleep(self.rng.random() * 0.01)
        if item == self.fail_at:
            raise RuntimeError(f"delivery of {item} failed")
        self.delivered.append(item)

    async def acknowledge(self, item: int) -> None:
        assert item in self.delivered, "acknowledged before its outputs were delivered"
        self.acked.append(item)
        self.open -= 1

    def pipeline(
        self, window: int, batch_max: int, batch_bytes: int = 10**9, lanes: int = 1
    ) -> WindowedPipeline[int, int]:
        """Item n is n bytes long (for the batch size limit); its route is its key."""
        steps = Steps(
            self.process,
            self.deliver,
            self.acknowledge,
            key=lambda item: item % self.keys,
            size=lambda item: item,
            route=lambda item: item % self.keys,
        )
        return WindowedPipeline(steps, window, BatchLimits(batch_max, batch_bytes), lanes)


def test_acks_follow_input_order_although_deliveries_finish_out_of_order() -> None:
    recorder = Recorder()
    asyncio.run(recorder.pipeline(window=16, batch_max=4).run(recorder.items(200)))
    assert recorder.acked == list(range(200))
    assert recorder.delivered != sorted(recorder.delivered)  # the deliveries really overlapped
    assert max(len(batch) for batch in recorder.batches) > 1  # and the stage took batches
    assert all(len(batch) <= 4 for batch in recorder.batches)


def test_deliveries_of_one_key_keep_input_order() -> None:
    recorder = Recorder()
    recorder.keys = 3
    asyncio.run(recorder.pipeline(window=16, batch_max=8).run(recorder.items(120)))
    assert recorder.acked == list(range(120))
    for key in range(3):
        same_key = [item for item in recorder.delivered if item % 3 == key]
        assert same_key == sorted(same_key)
    assert recorder.delivered != sorted(recorder.delivered)  # different keys still overlapped


def test_the_window_bounds_what_is_taken_and_not_acknowledged() -> None:
    recorder = Recorder()
    asyncio.run(recorder.pipeline(window=5, batch_max=32).run(recorder.items(100)))
    assert recorder.peak_open == 5
    assert all(len(batch) <= 5 for batch in recorder.batches)


def test_a_failed_delivery_stops_the_pipeline_and_nothing_from_it_on_is_acknowledged() -> None:
    recorder = Recorder(fail_at=37)
    with pytest.raises(ExceptionGroup) as raised:
        asyncio.run(recorder.pipeline(window=16, batch_max=4).run(recorder.items(200)))
    assert raised.group_contains(RuntimeError, match="delivery of 37 failed")
    assert recorder.acked == list(range(len(recorder.acked)))
    assert 37 not in recorder.acked and len(recorder.acked) <= 37


def test_batches_stay_within_the_byte_limit_unless_one_message_exceeds_it() -> None:
    recorder = Recorder()
    asyncio.run(recorder.pipeline(window=32, batch_max=32, batch_bytes=100).run(recorder.items(150)))
    assert recorder.acked == list(range(150))
    assert [item for batch in recorder.batches for item in batch] == list(range(150))  # none lost or reordered
    assert all(sum(batch) <= 100 or len(batch) == 1 for batch in recorder.batches)
    assert [batch for batch in recorder.batches if batch[0] > 100] == [[item] for item in range(101, 150)]


def test_window_and_batch_must_be_positive() -> None:
    recorder = Recorder()
    with pytest.raises(ValueError):
        recorder.pipeline(window=0, batch_max=1)
    with pytest.raises(ValueError):
        recorder.pipeline(window=8, batch_max=1, lanes=0)


def test_lanes_run_concurrently_each_key_stays_in_one_lane_and_acks_keep_input_order() -> None:
    recorder = Recorder()
    recorder.keys = 7
    asyncio.run(recorder.pipeline(window=24, batch_max=4, lanes=3).run(recorder.items(300)))
    assert recorder.acked == list(range(300))
    assert sorted(item for batch in recorder.batches for item in batch) == list(range(300))  # each staged once
    for batch, lane in zip(recorder.batches, recorder.lanes, strict=True):
        assert {item % 7 % 3 for item in batch} == {lane}  # the lane is route % lanes
    staged = [item for batch in recorder.batches for item in batch]
    for key in range(7):
        assert [item for item in staged if item % 7 == key] == list(range(key, 300, 7))  # a lane keeps input order
        same_key = [item for item in recorder.delivered if item % 7 == key]
        assert same_key == sorted(same_key)
    assert recorder.peak_busy > 1  # lanes really were in their stage calls at the same time
    assert set(recorder.lanes) == {0, 1, 2}


def test_with_lanes_the_window_holds_three_batches_per_lane() -> None:
    recorder = Recorder()
    recorder.keys = 4
    asyncio.run(recorder.pipeline(window=24, batch_max=32, lanes=2).run(recorder.items(400)))
    assert recorder.acked == list(range(400))
    assert max(len(batch) for batch in recorder.batches) == 4  # 24 / (3 x 2), not 24: no lane waits for a full window


def test_a_lane_hands_over_its_next_batch_while_the_stage_works_on_one_and_results_keep_input_order() -> None:
    recorder = Recorder()
    asyncio.run(recorder.pipeline(window=30, batch_max=5).run(recorder.items(300)))
    assert recorder.peak_calls_per_lane == 2  # the next call is open while one runs; never a third
    assert [item for batch in recorder.batches for item in batch] == list(range(300))
    assert recorder.acked == list(range(300))


def test_with_lanes_a_failed_delivery_still_stops_acknowledgement_at_it() -> None:
    recorder = Recorder(fail_at=41)
    recorder.keys = 5
    with pytest.raises(ExceptionGroup):
        asyncio.run(recorder.pipeline(window=16, batch_max=4, lanes=2).run(recorder.items(200)))
    assert recorder.acked == list(range(len(recorder.acked))) and len(recorder.acked) <= 41


def test_while_a_call_runs_a_batch_that_is_not_full_waits_for_it_instead_of_queueing_behind_it() -> None:
    calls: list[list[int]] = []
    open_while_running: list[list[list[int]]] = []
    gate = asyncio.Event()

    async def process(lane: int, batch: list[int]) -> list[int]:
        calls.append(batch)
        await gate.wait()
        return batch

    async def nothing(*_: int) -> None:
        return None

    async def items() -> AsyncIterator[int]:
        yield 0
        while not calls:
            await asyncio.sleep(0)
        yield 1
        yield 2
        for _ in range(50):
            await asyncio.sleep(0)
        open_while_running.append([list(batch) for batch in calls])
        gate.set()

    steps = Steps(process, nothing, nothing, key=lambda item: item, size=lambda item: 1)
    asyncio.run(WindowedPipeline(steps, window=30, batch=BatchLimits(8, 10**9)).run(items()))
    assert open_while_running == [[[0]]]  # 1 and 2 did not make a second call while the first ran
    assert calls == [[0], [1, 2]]  # they went together once it returned


def test_raw_message_gives_the_normalised_article_and_its_events_as_bytes() -> None:
    value = EXAMPLE.read_bytes()
    result = process_raw(value, LIMITS)
    assert result.rejection is None
    article = NormalizedArticle.model_validate_json(result.normalized or b"")
    events = [DiplomaticEvent.model_validate_json(event) for event in result.events]
    assert result.key == article.article_id.encode() == json.loads(value)["article_id"].encode()
    assert events and [event.event_type.value for event in events] == list(result.event_types)
    assert result.fetched_at == article.fetched_at.timestamp()
    assert [stage for stage, _ in result.seconds] == [Stage.NORMALIZE, Stage.EXTRACT]
    assert process_normalized(result.normalized, LIMITS).events == result.events


def test_rejections_name_their_stage_and_keep_the_normalised_article_when_extraction_refuses() -> None:
    value = EXAMPLE.read_bytes()
    invalid = process_raw(b"{", LIMITS)
    assert invalid.rejection is not None and invalid.rejection.reason is DeadLetterReason.INVALID_JSON
    assert invalid.rejected_at is Stage.NORMALIZE and invalid.normalized is None
    too_many = process_raw(value, StageLimits(LIMITS.max_message_bytes, LIMITS.max_text_chars, 0))
    assert too_many.rejection is not None and too_many.rejection.reason is DeadLetterReason.TOO_MANY_EVENTS
    assert too_many.rejected_at is Stage.EXTRACT and too_many.normalized is not None and not too_many.events
    normalized_size = len(process_raw(value, LIMITS).normalized or b"")
    assert len(value) < normalized_size
    too_large = process_raw(value, StageLimits(len(value), LIMITS.max_text_chars, 200))
    assert too_large.rejection is not None and too_large.rejection.reason is DeadLetterReason.TOO_LARGE
    assert too_large.rejected_at is Stage.NORMALIZE and too_large.normalized is None
    not_normalized = process_normalized(value, LIMITS)  # a raw article on the normalised input topic
    assert not_normalized.rejection is not None and not_normalized.rejected_at is Stage.EXTRACT


def test_a_batch_gives_one_result_per_message_in_order() -> None:
    value = EXAMPLE.read_bytes()
    results = process_batch(process_raw, [value, None, value], LIMITS)
    assert [r.rejection is None for r in results] == [True, False, True]
    assert results[1].rejection is not None and results[1].rejection.reason is DeadLetterReason.EMPTY_BODY
