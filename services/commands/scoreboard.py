"""`marsad eval GOLD GOLD ...`: the extractor scored on several gold sets at once, one row per set and a pooled row.

The pooled row is computed from the counts (events gold, predicted, matched; fields right), not averaged over the
sets' scores, so a large set weighs as much as its events. One gold file keeps `evaluate`'s own report, with the
per-article misses; with several, those are in the JSON (`--json`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from services.extraction.evaluate import FIELDS, EvalReport, GoldError, evaluate

COLUMNS = ("gold", "pred", "matched", "P", "R", "F1", *FIELDS)


@dataclass(frozen=True)
class Totals:
    """Event counts summed over sets, and the scores they give."""

    gold: int
    predicted: int
    matched: int
    field_correct: dict[str, int]

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float:
        return self.field_correct[name] / self.matched if self.matched else 0.0

    def to_json(self) -> dict[str, object]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "field_correct": self.field_correct,
            "field_accuracy": {name: round(self.field_accuracy(name), 4) for name in FIELDS},
        }


def totals(reports: Sequence[EvalReport]) -> Totals:
    return Totals(
        gold=sum(r.gold for r in reports),
        predicted=sum(r.predicted for r in reports),
        matched=sum(r.matched for r in reports),
        field_correct={name: sum(r.field_correct[name] for r in reports) for name in FIELDS},
    )


def set_names(gold_paths: Sequence[Path]) -> list[str]:
    """A set is named by its folder (`devset12`); by its path when two folders share a name."""
    folders = [path.parent.name or str(path) for path in gold_paths]
    return [name if folders.count(name) == 1 else str(path) for name, path in zip(folders, gold_paths, strict=True)]


def _row(name: str, scores: Totals) -> str:
    cells = [
        str(scores.gold),
        str(scores.predicted),
        str(scores.matched),
        f"{scores.precision:.3f}",
        f"{scores.recall:.3f}",
        f"{scores.f1:.3f}",
        *(f"{scores.field_accuracy(field):.3f}" for field in FIELDS),
    ]
    return f"| {name} | " + " | ".join(cells) + " |"


def format_table(named: Sequence[tuple[str, EvalReport]]) -> str:
    lines = ["| set | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    lines += [_row(name, totals([report])) for name, report in named]
    lines.append(_row("**pooled**", totals([report for _, report in named])))
    return "\n".join(lines)


def run(gold_paths: Sequence[Path], json_path: Path | None) -> int:
    named = []
    for name, path in zip(set_names(gold_paths), gold_paths, strict=True):
        try:
            named.append((name, evaluate(path)))
        except GoldError as exc:
            print(f"marsad eval: {exc}", file=sys.stderr)
            return 2
    print(format_table(named))
    print(f"extractor {named[0][1].extractor_version}; events matched on type, mode and the unordered country pair;")
    print("field columns are accuracies on matched events. Per-article errors: one gold file at a time, or --json.")
    if json_path is not None:
        document = {
            "extractor_version": named[0][1].extractor_version,
            "sets": {name: report.to_json() for name, report in named},
            "pooled": totals([report for _, report in named]).to_json(),
        }
        json_path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0
