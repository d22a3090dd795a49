"""Out-of-fold calibration of the confidence model against the hand-set formula it replaced, and the
honest test of a confidence threshold: chosen on the training sets only, scored on the held-out one."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import pairwise

from services.extraction.confidence import score
from services.extraction.confidence_fit import Article, f1, fit, legacy, matched, out_of_fold, pick_threshold

Scored = list[tuple[float, bool]]  # (confidence, matched a gold event)


def brier(pairs: Scored) -> float:
    return sum((p - y) ** 2 for p, y in pairs) / len(pairs) if pairs else 0.0


def log_loss(pairs: Scored) -> float:
    clipped = [(min(max(p, 0.01), 0.99), y) for p, y in pairs]
    return -sum(math.log(p if y else 1.0 - p) for p, y in clipped) / len(pairs) if pairs else 0.0


def auc(pairs: Scored) -> float:
    """The chance that a matched event is scored above an unmatched one (ties count half): how well the
    scores rank, which calibration alone does not say."""
    right = [p for p, y in pairs if y]
    wrong = [p for p, y in pairs if not y]
    if not right or not wrong:
        return 0.5
    above = sum((p > q) + 0.5 * (p == q) for p in right for q in wrong)
    return above / (len(right) * len(wrong))


def reliability(pairs: Scored) -> list[str]:
    lines = ["| confidence | events | mean confidence | share matched |", "|---|---|---|---|"]
    for decile in range(10):
        inside = [(p, y) for p, y in pairs if min(int(p * 10 + 1e-9), 9) == decile]
        if inside:
            mean = sum(p for p, _y in inside) / len(inside)
            share = sum(y for _p, y in inside) / len(inside)
            lines.append(f"| {decile / 10:.1f}-{(decile + 1) / 10:.1f} | {len(inside)} | {mean:.2f} | {share:.2f} |")
    return lines


COARSE_BINS = (0.0, 0.6, 0.8, 0.9)  # lower bounds: each set has only ~100 events, too few for deciles


def reliability_by_set(by_set: dict[str, Scored]) -> list[str]:
    """Per held-out set, the events and the share matched in each coarse confidence bin."""
    bounds = [*COARSE_BINS, 1.01]
    names = [f"{low:.1f}-{high:.1f}" if high <= 1 else f">= {low:.1f}" for low, high in pairwise(bounds)]
    lines = [f"| held-out set | {' | '.join(names)} |", "|---|" + "---|" * len(names)]
    for fold, pairs in by_set.items():
        cells = []
        for low, high in pairwise(bounds):
            inside = [y for p, y in pairs if low <= p < high]
            cells.append(f"{sum(inside) / len(inside):.2f} of {len(inside)}" if inside else "-")
        lines.append(f"| {fold} | {' | '.join(cells)} |")
    return lines


def calibration(articles: Sequence[Article]) -> list[str]:
    """Per held-out set and pooled: Brier score and log-loss of the formula and of the model."""
    oof = out_of_fold(articles)
    old: dict[str, Scored] = {}
    new: dict[str, Scored] = {}
    for n, a in enumerate(articles):
        labels = matched(a.gold, a.events)
        old.setdefault(a.fold, []).extend(zip([legacy(f) for f in a.features], labels, strict=True))
        new.setdefault(a.fold, []).extend(zip(oof[n], labels, strict=True))
    lines = [
        "| held-out set | events | matched | Brier formula | Brier model | log-loss formula | log-loss model |",
        "|---|---|---|---|---|---|---|",
    ]
    for fold in [*old, "pooled"]:
        o = old[fold] if fold in old else [x for v in old.values() for x in v]
        m = new[fold] if fold in new else [x for v in new.values() for x in v]
        share = sum(y for _p, y in o)
        lines.append(
            f"| {fold} | {len(o)} | {share} | {brier(o):.3f} | {brier(m):.3f} | {log_loss(o):.3f} | {log_loss(m):.3f} |"
        )
    pooled_old = [x for v in old.values() for x in v]
    pooled_new = [x for v in new.values() for x in v]
    return [
        *lines,
        "",
        f"AUC (all sets): formula {auc(pooled_old):.3f}, model {auc(pooled_new):.3f}",
        "",
        "Reliability, hand-set formula (all sets):",
        "",
        *reliability(pooled_old),
        "",
        "Reliability, model (out of fold, all sets):",
        "",
        *reliability(pooled_new),
        "",
        "Reliability, model, per held-out set (share matched of the events in each confidence bin):",
        "",
        *reliability_by_set(new),
    ]


def filtering(articles: Sequence[Article]) -> tuple[list[str], int, bool]:
    """F1 of the rules alone and with a threshold picked by cross-validation on the other sets; the
    lines, the number of held-out sets it helped, and whether it helped pooled."""
    lines = ["| held-out set | threshold (from training sets) | F1 rules | F1 rules + threshold |", "|---|---|---|---|"]
    helped = 0
    held: list[Article] = []
    held_scores: list[list[float]] = []
    thresholds: list[float | None] = []
    for fold in list(dict.fromkeys(a.fold for a in articles)):
        train = [a for a in articles if a.fold != fold]
        test = [a for a in articles if a.fold == fold]
        threshold = pick_threshold(train)
        model = fit(train)
        scores = [[score(f, model) for f in a.features] for a in test]
        before, after = f1(test, scores, [None] * len(test)), f1(test, scores, [threshold] * len(test))
        helped += after > before
        shown = "-" if threshold is None else f"{threshold:.2f}"
        lines.append(f"| {fold} | {shown} | {before:.3f} | {after:.3f} |")
        held, held_scores, thresholds = [*held, *test], [*held_scores, *scores], [*thresholds, *[threshold] * len(test)]
    pooled_before = f1(held, held_scores, [None] * len(held))
    pooled_after = f1(held, held_scores, thresholds)
    lines.append(f"| pooled | | {pooled_before:.4f} | {pooled_after:.4f} |")
    return lines, helped, pooled_after > pooled_before
