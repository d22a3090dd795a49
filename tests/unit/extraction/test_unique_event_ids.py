"""Invariant: an article's events have unique event_ids (rule 5: one event per interaction), over the seeds and
every dev set. The sets are listed by name: a set scored blind is never run here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from services.extraction.confidence_fit import DEV_SETS
from services.extraction.evaluate import predict, read_gold

ROOT = Path(__file__).resolve().parents[3]
SEEDS = ROOT.parent / "shared" / "seeds" / "gold.jsonl"
GOLD_FILES = [ROOT / "tests" / "fixtures" / name / "gold.jsonl" for name in DEV_SETS] + [SEEDS]


@pytest.mark.parametrize("gold", [g for g in GOLD_FILES if g.exists()], ids=lambda g: g.parent.name)
def test_no_article_has_two_events_with_one_id(gold: Path) -> None:
    repeated = {}
    for item in read_gold(gold):
        found = predict(item["id"], (gold.parent / f"{item['id']}.txt").read_text(encoding="utf-8"))
        twice = [k for k, n in Counter(e.event_id for e in found).items() if n > 1]
        if twice:
            repeated[item["id"]] = twice
    assert repeated == {}
