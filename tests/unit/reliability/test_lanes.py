"""Several stage children per agent: routing by key, the setting, and real children forked from the template."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from pydantic import ValidationError

from schemas.deadletter import Stage
from services.settings import Settings
from services.worker.lanes import StageLanes, route
from services.worker.records import SourceRecord
from services.worker.stages import StageLimits, StageResult

LIMITS = StageLimits(1024, 1000, 10)
REPO_ROOT = Path(__file__).resolve().parents[3]


def _record(key: bytes | None, partition: int = 0) -> SourceRecord:
    return SourceRecord("marsad.articles.raw", partition, 0, key, b"{}")


def lane_of(record: SourceRecord, lanes: int) -> int:
    """The lane `WindowedPipeline` gives a message: its route modulo the lanes."""
    return route(record) % lanes


def test_every_message_of_one_article_goes_to_one_lane_and_articles_spread_evenly() -> None:
    keys = [f"article-{n}".encode() for n in range(3000)]
    for lanes in (2, 3, 4):
        assigned = [lane_of(_record(key, partition=n % 4), lanes) for n, key in enumerate(keys)]
        again = [lane_of(_record(key, partition=3), lanes) for key in keys]  # the partition does not matter
        assert assigned == again
        counts = Counter(assigned)
        assert set(counts) == set(range(lanes))
        assert max(counts.values()) < 1.15 * len(keys) / lanes, counts
    assert {lane_of(_record(key), 1) for key in keys} == {0}


def test_a_message_without_a_key_goes_by_its_partition() -> None:
    assert [lane_of(_record(None, partition), 3) for partition in range(6)] == [0, 1, 2, 0, 1, 2]


def test_lanes_are_the_same_in_every_process() -> None:
    """Not Python's salted hash(): another interpreter with another hash seed routes every key the same."""
    keys = [f"rel-{n:05d}" for n in range(200)]
    here = [lane_of(_record(key.encode()), 3) for key in keys]
    script = (
        "import sys\n"
        "from services.worker.lanes import route\n"
        "from services.worker.records import SourceRecord\n"
        "print(*[route(SourceRecord('t', 0, 0, k.encode(), b'')) % 3 for k in sys.argv[1:]])\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", script, *keys], capture_output=True, text=True, check=True, cwd=REPO_ROOT, env=env
    )
    assert [int(lane) for lane in out.stdout.split()] == here


def test_the_stage_processes_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings().worker_stage_processes == 1
    monkeypatch.setenv("MARSAD_WORKER_STAGE_PROCESSES", "3")
    assert Settings().worker_stage_processes == 3
    monkeypatch.setenv("MARSAD_WORKER_STAGE_PROCESSES", "0")
    with pytest.raises(ValidationError):
        Settings()
    with pytest.raises(ValueError):
        StageLanes(0, 1.0, Stage.NORMALIZE)


# A stage function for the children (module level: pickled by reference).
def whoami_stage(value: bytes | None, limits: StageLimits) -> StageResult:
    """Reports the child's pid and how many objects it inherited frozen from its template; b"nap" sleeps."""
    if value == b"nap":
        time.sleep(1.5)
    return StageResult(key=str(os.getpid()).encode(), normalized=str(gc.get_freeze_count()).encode())


def test_each_lane_has_its_own_child_forked_from_the_template_and_a_killed_child_loses_nothing() -> None:
    async def scenario() -> tuple[list[StageResult], ...]:
        lanes = StageLanes(2, timeout=20.0, stage=Stage.NORMALIZE)
        try:
            first = await lanes.run(0, whoami_stage, [b"a"], LIMITS)
            second = await lanes.run(1, whoami_stage, [b"b"], LIMITS)
            victim = int(first[0].key or b"0")
            napping = asyncio.create_task(lanes.run(0, whoami_stage, [b"nap", b"x", b"y"], LIMITS))
            await asyncio.sleep(0.5)
            os.kill(victim, signal.SIGKILL)  # the lane-0 child dies under its batch
            other = await lanes.run(1, whoami_stage, [b"c"], LIMITS)
            rerun = await napping
            napping_alone = asyncio.create_task(lanes.run(0, whoami_stage, [b"nap"], LIMITS))
            await asyncio.sleep(0.5)
            os.kill(int(rerun[0].key or b"0"), signal.SIGKILL)  # the child dies under a call of one message
            alone = await napping_alone
            os.kill(int(other[0].key or b"0"), signal.SIGKILL)  # the lane-1 child dies while idle
            await asyncio.sleep(0.5)
            after_idle_death = await lanes.run(1, whoami_stage, [b"d"], LIMITS)
        finally:
            lanes.close(kill=True)
        return first, second, other, rerun, alone, after_idle_death

    first, second, other, rerun, alone, after_idle_death = asyncio.run(scenario())
    assert first[0].key != second[0].key  # two children
    assert int(first[0].normalized or b"0") > 10_000  # the template's objects arrive frozen (gc.freeze)
    assert other[0].key == second[0].key  # the other lane's child went on untouched
    assert [r.rejection for r in rerun] == [None, None, None]  # the batch was run again, one at a time
    assert first[0].key not in {r.key for r in rerun}  # by the replacement child
    # A message alone in a call whose child is killed runs again, in a fresh child: it is not blamed.
    assert alone[0].rejection is None and alone[0].key != rerun[0].key
    # A child that died between calls is replaced; the next message is not blamed for it.
    assert after_idle_death[0].rejection is None and after_idle_death[0].key != other[0].key
