"""Fitting the confidence model (`data/confidence.tsv`) on the development sets, and scoring it by
leave-one-set-out cross-validation (`train_confidence` is the command).

An emitted event is labelled "matched" exactly as `evaluate` matches it (type, mode, unordered country
pair; gold events taken in order, each by the free prediction with most right fields). The fit is an
L2-regularised logistic regression by Newton's method in plain Python: deterministic, no dependency.
Each set is one fold (each was written by another person); the seeds are one more set when present.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from schemas.event import DiplomaticEvent
from services.extraction.confidence import FEATURES, ConfidenceModel, score
from services.extraction.evaluate import match, normalized, read_gold
from services.extraction.extract import extract_scored

PACKAGE = Path(str(resources.files("services.extraction")))
ROOT = PACKAGE.parents[1]
DATA_FILE = PACKAGE / "data" / "confidence.tsv"
DEV_SETS = ("devset", *(f"devset{n}" for n in range(2, 15)), "devset16")  # devset15 and devset17: blind until scored
SEEDS = ROOT.parent / "shared" / "seeds"
L2 = 2.0  # prior precision on each weight: ~960 events, 50 mostly rare facts
ITERATIONS = 30
THRESHOLDS: tuple[float | None, ...] = (None, *(round(0.05 * n, 2) for n in range(1, 15)))
_COLUMN = {name: n + 1 for n, name in enumerate(FEATURES)}  # column 0 is the intercept


@dataclass
class Article:
    fold: str
    gold: list[dict[str, Any]]
    events: list[DiplomaticEvent]
    features: list[list[str]]


def load_sets(seeds: Path | None, names: Sequence[str] = DEV_SETS) -> list[Article]:
    """The articles of the named dev sets, and of the seeds when given, with their gold and scored events."""
    folders = [(name, ROOT / "tests" / "fixtures" / name) for name in names]
    if seeds is not None and (seeds / "gold.jsonl").exists():
        folders.append(("seeds", seeds))
    out: list[Article] = []
    for fold, folder in folders:
        for item in read_gold(folder / "gold.jsonl"):
            article = normalized(item["id"], (folder / f"{item['id']}.txt").read_text(encoding="utf-8"))
            scored = [] if article is None else extract_scored(article)
            out.append(Article(fold, item["events"], [e for e, _f in scored], [f for _e, f in scored]))
    return out


def matched(gold: list[dict[str, Any]], events: Sequence[DiplomaticEvent]) -> list[bool]:
    """Which predictions `evaluate` matches to a gold event."""
    taken = set(match(gold, events))
    return [k in taken for k in range(len(events))]


def legacy(features: list[str]) -> float:
    """The hand-set formula this model replaces (cues, a strong cue, an unnamed party)."""
    cues = 3 if "cues:3+" in features else 2 if "cues:2" in features else 1
    value = 0.5 + 0.1 * cues + 0.1 * ("strong_cue" in features) - 0.2 * ("unnamed_party" in features)
    return round(max(0.05, min(value, 0.99)), 2)


def labelled(articles: Sequence[Article]) -> list[tuple[list[str], bool]]:
    """Every emitted event's facts and whether it matched a gold event."""
    return [pair for a in articles for pair in zip(a.features, matched(a.gold, a.events), strict=True)]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b (Gaussian elimination, partial pivoting; `a` is positive definite here)."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            if factor:
                for c in range(col, n + 1):
                    m[r][c] -= factor * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit(articles: Sequence[Article]) -> ConfidenceModel:
    return fit_rows(labelled(articles))


def fit_rows(examples: Sequence[tuple[list[str], bool]]) -> ConfidenceModel:
    """Maximum a posteriori weights: log-likelihood minus L2/2 times the squared weights (not the intercept)."""
    rows = [([_COLUMN[name] for name in names], float(y)) for names, y in examples]
    n = len(FEATURES) + 1
    w = [0.0] * n
    for _ in range(ITERATIONS):
        grad = [L2 * v for v in w]
        hess = [[0.0] * n for _ in range(n)]
        grad[0] = 0.0  # the intercept is not shrunk
        for c in range(1, n):
            hess[c][c] = L2
        for cols, y in rows:
            active = [0, *cols]
            p = _sigmoid(sum(w[c] for c in active))
            for a in active:
                grad[a] += p - y
                row = hess[a]
                for b in active:
                    row[b] += p * (1.0 - p)
        step = solve(hess, grad)
        w = [v - s for v, s in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return ConfidenceModel(w[0], {name: w[_COLUMN[name]] for name in FEATURES})


def model_lines(model: ConfidenceModel) -> list[str]:
    """The data file: rounded weights, so that a refit on the same data writes the same bytes."""
    header = [
        "# Marsad event confidence, a logistic model: sigmoid(intercept + the weights of the facts that hold).",
        "# Written by `python -m scripts.train_confidence` from the development sets; do not edit.",
    ]
    rows = [f"intercept\t{model.intercept:.4f}"]
    rows += [f"{name}\t{model.weights[name]:.4f}" for name in FEATURES]
    return [*header, *rows]


def _folds(articles: Sequence[Article]) -> list[str]:
    return list(dict.fromkeys(a.fold for a in articles))


def out_of_fold(articles: Sequence[Article]) -> dict[int, list[float]]:
    """Each article's event scores from a model fitted without its set (by article position)."""
    scores: dict[int, list[float]] = {}
    for fold in _folds(articles):
        model = fit([a for a in articles if a.fold != fold])
        for n, a in enumerate(articles):
            if a.fold == fold:
                scores[n] = [score(f, model) for f in a.features]
    return scores


def f1(articles: Sequence[Article], scores: Sequence[list[float]], thresholds: Sequence[float | None]) -> float:
    """F1 over `articles` once each drops its events scored below its threshold (None keeps all)."""
    gold = predicted = hits = 0
    for a, s, t in zip(articles, scores, thresholds, strict=True):
        kept = [e for e, p in zip(a.events, s, strict=True) if t is None or p >= t]
        gold, predicted, hits = gold + len(a.gold), predicted + len(kept), hits + sum(matched(a.gold, kept))
    return 2 * hits / (gold + predicted) if gold + predicted else 0.0


def pick_threshold(articles: Sequence[Article]) -> float | None:
    """The threshold with the best F1 over `articles`, each scored by a model fitted without its set."""
    oof = out_of_fold(articles)
    scores = [oof[n] for n in range(len(articles))]
    return max(THRESHOLDS, key=lambda t: (round(f1(articles, scores, [t] * len(articles)), 4), t is None, -(t or 0.0)))
