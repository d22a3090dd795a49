"""Quality gate: the extractor's scores on each development set may not fall below the pinned floors.

Each `eval_baseline*.json` next to this file pins one set: the floors, and the sha256 of the gold file
they were measured on (`eval_baseline.json`: the first dev set, `eval_baseline_devset2.json`: the
second, written blind). A changed gold file fails the gate until someone re-pins deliberately;
re-pinning never lowers a floor unless asked to:

    .venv/bin/python -m tests.unit.extraction.test_eval_gate --pin                # raise/keep all floors
    .venv/bin/python -m tests.unit.extraction.test_eval_gate --pin --allow-lower  # accept a drop
    .venv/bin/python -m tests.unit.extraction.test_eval_gate --pin --new devset3 tests/fixtures/devset3/gold.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from pathlib import Path

import pytest

from services.extraction.evaluate import EvalReport, evaluate

ROOT = Path(__file__).resolve().parents[3]
HERE = Path(__file__).parent
MARGIN = 0.01
METRICS = ("f1", "precision", "recall", "date", "location", "source", "target", "status")
BASELINES = sorted(HERE.glob("eval_baseline*.json"))
_REPORTS: dict[Path, EvalReport] = {}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _baseline(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _gold(baseline: Path) -> Path:
    return ROOT / str(_baseline(baseline)["gold"])


def _scores(report: EvalReport) -> dict[str, float]:
    out = {"f1": report.f1, "precision": report.precision, "recall": report.recall}
    out.update(report.field_accuracy)
    return out


def _report(baseline: Path) -> EvalReport:
    """One evaluation per gold file for the whole test session."""
    gold = _gold(baseline)
    if gold not in _REPORTS:
        _REPORTS[gold] = evaluate(gold)
    return _REPORTS[gold]


def test_every_set_is_pinned() -> None:
    assert {p.name for p in BASELINES} >= {"eval_baseline.json", "eval_baseline_devset2.json"}


@pytest.mark.parametrize("baseline", BASELINES, ids=lambda p: p.stem)
def test_gold_file_is_the_one_the_floors_were_measured_on(baseline: Path) -> None:
    assert _digest(_gold(baseline)) == _baseline(baseline)["gold_sha256"], (
        f"the gold of {baseline.name} changed since the floors were pinned; re-pin deliberately with "
        "`.venv/bin/python -m tests.unit.extraction.test_eval_gate --pin`"
    )


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("baseline", BASELINES, ids=lambda p: p.stem)
def test_score_is_not_below_its_floor(baseline: Path, metric: str) -> None:
    floors = _baseline(baseline)["floors"]
    assert isinstance(floors, dict)
    score = _scores(_report(baseline))[metric]
    assert score >= float(floors[metric]), f"{baseline.name}: {metric} fell below its floor {floors[metric]}"


def pin(path: Path, gold_rel: str | None, allow_lower: bool) -> int:
    old = _baseline(path) if path.exists() else {"gold": gold_rel, "floors": {}}
    gold = ROOT / str(old["gold"])
    scores = _scores(evaluate(gold))
    # a small margin under the measured score absorbs harmless churn (a gazetteer name fixed upstream);
    # anything larger is a regression the gate should catch
    new = {k: max(0.0, math.floor((v - MARGIN) * 1000) / 1000) for k, v in scores.items() if k in METRICS}
    old_floors = old.get("floors", {})
    assert isinstance(old_floors, dict)
    below = {k: (old_floors[k], scores[k]) for k in new if k in old_floors and scores[k] < float(old_floors[k])}
    if below and not allow_lower:
        print(f"{path.name}: scores below their floors {below}; pass --allow-lower to accept", file=sys.stderr)
        return 1
    if not allow_lower:  # re-pinning never lowers a floor by itself
        new = {k: max(v, float(old_floors.get(k, 0.0))) for k, v in new.items()}
    data = {
        "gold": old["gold"],
        "gold_sha256": _digest(gold),
        "floors": new,
        "measured": {k: round(v, 4) for k, v in scores.items() if k in METRICS},
        "note": f"floors = measured - {MARGIN} when pinned; they only go down with --allow-lower",
    }
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(data, indent=2))
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tests.unit.extraction.test_eval_gate")
    parser.add_argument("--pin", action="store_true", help="measure and write the floors of every pinned set")
    parser.add_argument("--allow-lower", action="store_true", help="accept floors lower than the pinned ones")
    parser.add_argument("--new", nargs=2, metavar=("NAME", "GOLD"), help="pin a new set: eval_baseline_NAME.json")
    args = parser.parse_args()
    if not args.pin:
        sys.exit(0)
    if args.new:
        sys.exit(pin(HERE / f"eval_baseline_{args.new[0]}.json", args.new[1], args.allow_lower))
    sys.exit(max(pin(path, None, args.allow_lower) for path in BASELINES))
