"""The event confidence: the shipped weights file, the pure scorer, the features the extractor hands it,
and the fit and report that regenerate the file (`python -m scripts.train_confidence`)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from scripts.train_confidence import shipped_text
from services.extraction.confidence import FEATURES, ConfidenceModel, load_model, parse_model, score
from services.extraction.confidence_fit import (
    DATA_FILE,
    SEEDS,
    Article,
    fit_rows,
    labelled,
    legacy,
    load_sets,
    matched,
    solve,
)
from services.extraction.confidence_report import auc, brier, log_loss, reliability, reliability_by_set
from services.extraction.evaluate import evaluate
from services.extraction.lexicon import data_lines

DEVSET = Path(__file__).resolve().parents[2] / "fixtures" / "devset"


def _sigmoid(z: float) -> float:
    return min(max(1.0 / (1.0 + math.exp(-z)), 0.01), 0.99)


@pytest.fixture(scope="module")
def devset() -> list[Article]:
    return load_sets(None, ["devset"])


def test_shipped_file_has_an_intercept_and_exactly_every_feature_in_order() -> None:
    names = [cols[0] for cols in data_lines("confidence.tsv")]
    assert names == ["intercept", *FEATURES]


def test_a_hand_written_example_scores_as_the_shipped_weights_say() -> None:
    rows = {cols[0]: float(cols[1]) for cols in data_lines("confidence.tsv")}
    facts = ["type:ACCUSE", "noun_trigger", "article_events:4+", "target_state", "attributed"]
    expected = _sigmoid(rows["intercept"] + sum(rows[name] for name in facts))
    assert score(facts, load_model()) == round(expected, 2)
    assert score([], load_model()) == round(_sigmoid(rows["intercept"]), 2)


def test_parse_model_skips_removed_features_and_weighs_missing_ones_nothing() -> None:
    model = parse_model([["intercept", "-1.5"], ["primary", "2.0"], ["no_longer_a_feature", "9.0"]])
    assert model.intercept == -1.5
    assert model.weights["primary"] == 2.0
    assert model.weights["located"] == 0.0
    assert set(model.weights) == set(FEATURES)
    assert score(["primary"], model) == round(_sigmoid(0.5), 2)


def test_score_stays_inside_the_open_unit_interval() -> None:
    weights = dict.fromkeys(FEATURES, 0.0)
    assert score([], ConfidenceModel(50.0, weights)) == 0.99
    assert score([], ConfidenceModel(-50.0, weights)) == 0.01


def test_extractor_scores_each_event_on_known_facts(devset: list[Article]) -> None:
    model = load_model()
    known = set(FEATURES)
    pairs = [(e, f) for a in devset for e, f in zip(a.events, a.features, strict=True)]
    assert pairs
    for event, facts in pairs:
        assert set(facts) <= known
        assert len(set(facts)) == len(facts)
        assert event.confidence == score(facts, model)
    assert any("primary" in f for _e, f in pairs) and any("primary" not in f for _e, f in pairs)


def test_labels_match_evaluate_on_a_whole_set(devset: list[Article]) -> None:
    report = evaluate(DEVSET / "gold.jsonl")
    assert sum(sum(matched(a.gold, a.events)) for a in devset) == report.matched
    assert len(labelled(devset)) == report.predicted


def test_legacy_formula() -> None:
    assert legacy([]) == 0.6
    assert legacy(["cues:2", "strong_cue"]) == 0.8
    assert legacy(["cues:3+", "strong_cue"]) == 0.9
    assert legacy(["unnamed_party"]) == 0.4


def test_solve_a_small_system() -> None:
    x = solve([[4.0, 1.0], [1.0, 3.0]], [1.0, 2.0])
    assert x == pytest.approx([1 / 11, 7 / 11])


def test_fit_learns_the_direction_and_size_of_a_fact() -> None:
    examples = [(["primary"], True)] * 90 + [(["primary"], False)] * 10 + [([], True), ([], False)] * 50
    model = fit_rows(examples)
    assert 0.0 < model.intercept < 0.3  # 0 without the prior; it makes up for the shrunk weight
    assert 1.5 < model.weights["primary"] < math.log(9)  # log(9) without the prior, shrunk towards 0 by it
    assert model.weights["located"] == 0.0
    assert fit_rows(examples) == model  # deterministic


def test_calibration_measures() -> None:
    pairs = [(0.9, True), (0.9, True), (0.2, False), (0.55, False)]
    assert brier(pairs) == pytest.approx((0.01 + 0.01 + 0.04 + 0.3025) / 4)
    assert log_loss(pairs) == pytest.approx(-(2 * math.log(0.9) + math.log(0.8) + math.log(0.45)) / 4)
    table = reliability(pairs)
    assert "| 0.9-1.0 | 2 | 0.90 | 1.00 |" in table
    assert "| 0.5-0.6 | 1 | 0.55 | 0.00 |" in table
    assert auc(pairs) == 1.0
    # of the four (matched, unmatched) pairs only (0.3, 0.3) counts, half: a tie
    assert auc([(0.3, True), (0.3, False), (0.1, True), (0.6, False)]) == 0.5 / 4
    assert auc([(0.9, True)]) == 0.5
    by_set = reliability_by_set({"a": pairs, "b": [(0.65, True)]})
    assert by_set[0] == "| held-out set | 0.0-0.6 | 0.6-0.8 | 0.8-0.9 | >= 0.9 |"
    assert by_set[2:] == ["| a | 0.00 of 2 | - | - | 1.00 of 2 |", "| b | - | 1.00 of 1 | - | - |"]


@pytest.mark.skipif(not (SEEDS / "gold.jsonl").exists(), reason=f"seed articles not present at {SEEDS}")
def test_shipped_file_is_what_the_training_script_writes() -> None:
    assert DATA_FILE.read_text(encoding="utf-8") == shipped_text(load_sets(SEEDS))
