"""A worker with two stage processes: every message accounted for, each article's outputs in input order, and
a stage child killed with SIGKILL mid-run costs nothing (its batch runs again in a fresh child)."""

from __future__ import annotations

import asyncio
import os
import signal
import time
import uuid
from pathlib import Path

import pytest

from schemas import NormalizedArticle
from schemas.deadletter import DeadLetterReason
from tests.integration.kafka_helpers import drain, isolated_settings, send_raw
from tests.integration.reliability.harness import (
    Worker,
    _process_tree,
    article_text,
    articles,
    assert_extracted,
    expected_in_fresh_process,
    raw_article,
    report,
    wait_for_outputs,
    worker_pool,
)

pytestmark = pytest.mark.integration

ARTICLES = 1500
REVISED = range(0, ARTICLES, 10)  # these articles come again later, revised: v2 must follow v1 on the outputs
BAD = range(25, ARTICLES, 125)  # invalid JSON instead of the article
REVISED_SOURCE = "reliability-revised"


def stage_children(worker: Worker) -> set[int]:
    """The worker's stage processes: the children of its forkserver (the template they are forked from)."""
    tree = set(_process_tree(worker.process.pid))
    forkservers = [pid for pid in tree if b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    return {child for server in forkservers for child in _process_tree(server)[1:]} & tree


def busy_one(children: set[int], patience: float = 10.0) -> int:
    """A child caught running (under a batch, most likely), else any: the kill should land mid-batch."""
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        for pid in sorted(children):
            stat = Path(f"/proc/{pid}/stat").read_text()
            if stat[stat.rindex(")") + 2] == "R":
                return pid
        time.sleep(0.005)
    return min(children)


def test_two_stage_processes_keep_each_article_in_order_and_a_killed_child_loses_nothing(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    run = uuid.uuid4().hex[:6]
    settings = isolated_settings(kafka_bootstrap, partitions=4)
    first = articles(run, ARTICLES)
    for index in BAD:
        first[index] = (first[index][0], b'{"article_id": ')
    bad = {first[index][0].decode() for index in BAD}
    revised = [  # same article id (so the same partition and lane), another source: the second version
        (key, raw_article(key.decode(), article_text(i), i).model_copy(update={"source": REVISED_SOURCE}))
        for i, (key, _) in ((i, first[i]) for i in REVISED)
        if key.decode() not in bad
    ]
    messages = first + [(key, article.model_dump_json().encode()) for key, article in revised]
    outputs = ARTICLES - len(bad) + len(revised)  # normalised copies expected
    with worker_pool(settings, tmp_path) as pool:
        worker = pool.start("worker", extra_env={"MARSAD_WORKER_STAGE_PROCESSES": "2"})
        asyncio.run(send_raw(settings, messages))
        expected = expected_in_fresh_process(settings, messages, tmp_path)  # the code the worker runs
        worker.wait_processed("normalize", ARTICLES * 0.3, timeout=240)
        children = stage_children(worker)
        assert len(children) == 2, f"expected two stage children, found {children}"
        victim = busy_one(children)
        (survivor,) = children - {victim}
        os.kill(victim, signal.SIGKILL)
        out = wait_for_outputs(settings, lambda o: len(o.normalized) + len(o.dead) >= len(messages), 240, [worker])
        after = stage_children(worker)
        # The call the kill lands on runs again, one message at a time, in a fresh child: nothing is abandoned.
        copies = asyncio.run(drain(settings, [settings.topic_normalized], outputs, 60))
        errors = worker.metric("marsad_dead_letters_total", reason="processing_error")
        log = worker.log_tail(10**8)
    good = {key.decode() for key, _ in first} - bad
    revised_keys = {key.decode() for key, _ in revised}
    assert errors == 0
    assert {d.original_key for d in out.dead if d.reason is DeadLetterReason.INVALID_JSON} == bad
    assert len(out.dead) == len(bad) and not out.duplicates().dead
    assert_extracted(out, expected)
    sources: dict[str, list[str]] = {}
    for _, value in copies[settings.topic_normalized]:  # read partition by partition, in offset order
        article = NormalizedArticle.model_validate_json(value)
        sources.setdefault(article.article_id, []).append(article.source)
    assert sum(map(len, sources.values())) == outputs
    for article_id in good:  # one copy each, no replays; a revised article's second version after its first
        assert sources[article_id] == ["reliability", REVISED_SOURCE][: 1 + (article_id in revised_keys)]
    assert victim not in after and survivor in after  # the other child untouched
    # A child is replaced when its runner next calls it: one killed idle after its runner's last call stays gone
    # (seen on a loaded box: the victim's lanes had drained); a death the runner noticed was replaced.
    noticed = any(line in log for line in ("running each alone", "died before a call", "died between calls"))
    assert len(after) == 2 or (len(after) == 1 and not noticed)
    report(
        "two_stage_processes_child_killed",
        articles=len(messages),
        revised=len(revised),
        accounted_at_end=out.accounted,
        stage_children_before=sorted(children),
        stage_children_after=sorted(after),
        killed_under_a_call=log.count("running each alone"),
        death_noticed=noticed,
        killed_between_calls="died between calls" in log,
    )
