"""The evaluation: matching, field accuracy, the table, the JSON and the CLI's errors."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from services.extraction.evaluate import GoldError, evaluate, format_report, main, read_gold, same_name

ARTICLE = (
    "القاهرة في 5 مايو 2024\n\n"
    "تلقى الرئيس المصري عبد الفتاح السيسي اليوم اتصالا هاتفيا من الرئيس الروسي فلاديمير بوتين."
)


def gold_line(**overrides: object) -> str:
    event = {
        "primary": True,
        "type": "CONSULT",
        "mode": "phone",
        "cameo": "041",
        "source": {"name_en": "Vladimir Putin", "country": "RUS"},
        "target": {"name_en": "Abdel Fattah el-Sisi", "country": "EGY"},
        "date": "2024-05-05",
        "location": None,
        "status": "occurred",
    }
    event.update(overrides)
    return json.dumps({"id": "a1", "events": [event]}, ensure_ascii=False)


def write(tmp_path: Path, line: str, article: str = ARTICLE) -> Path:
    (tmp_path / "a1.txt").write_text(article, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(line + "\n", encoding="utf-8")
    return gold


def test_a_correct_event_scores_one(tmp_path: Path) -> None:
    report = evaluate(write(tmp_path, gold_line()))
    assert (report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0)
    assert report.field_accuracy["source"] == 1.0
    assert "F1" in format_report(report)


def test_wrong_direction_still_matches_but_costs_actor_accuracy(tmp_path: Path) -> None:
    line = gold_line(
        source={"name_en": "Abdel Fattah el-Sisi", "country": "EGY"},
        target={"name_en": "Vladimir Putin", "country": "RUS"},
    )
    report = evaluate(write(tmp_path, line))
    assert report.f1 == 1.0
    assert report.field_accuracy["source"] == 0.0


def test_wrong_mode_is_a_miss_and_a_false_positive(tmp_path: Path) -> None:
    report = evaluate(write(tmp_path, gold_line(mode="visit", cameo="042")))
    assert (report.matched, report.precision, report.recall) == (0, 0.0, 0.0)


TRILATERAL = (
    "القاهرة في 5 مايو 2024\n\n"
    "عقد الرئيس المصري عبد الفتاح السيسي والملك عبد الله الثاني ملك الأردن والرئيس الفرنسي إيمانويل ماكرون اليوم "
    "قمة ثلاثية في القاهرة."
)
G20 = "القاهرة في 5 مايو 2024\n\nشارك الرئيس الروسي فلاديمير بوتين اليوم في قمة مجموعة العشرين في ريو دي جانيرو."


def gathering_line(source: Mapping[str, object], target: Mapping[str, object] | None, location: str) -> str:
    return gold_line(mode="multilateral", cameo="040", source=source, target=target, location=location)


SISI = {"name_en": "Abdel Fattah el-Sisi", "country": "EGY"}
PUTIN = {"name_en": "Vladimir Putin", "country": "RUS"}


def test_a_null_target_is_right_against_a_gathering_of_no_organisation(tmp_path: Path) -> None:
    report = evaluate(write(tmp_path, gathering_line(SISI, None, "Cairo"), TRILATERAL))
    assert report.f1 == 1.0
    assert report.field_accuracy["target"] == 1.0


def test_a_null_target_against_a_name_is_wrong_both_ways(tmp_path: Path) -> None:
    summit = {"name_en": "Cairo trilateral summit (Egypt, France, Jordan)", "country": None}
    named_gold = evaluate(write(tmp_path, gathering_line(SISI, summit, "Cairo"), TRILATERAL))
    assert (named_gold.f1, named_gold.field_accuracy["target"]) == (1.0, 0.0)
    null_gold = evaluate(write(tmp_path, gathering_line(PUTIN, None, "Rio de Janeiro"), G20))
    assert (null_gold.f1, null_gold.field_accuracy["target"]) == (1.0, 0.0)
    g20 = {"name_en": "Group of Twenty", "country": None}
    named_right = evaluate(write(tmp_path, gathering_line(PUTIN, g20, "Rio de Janeiro"), G20))
    assert named_right.field_accuracy["target"] == 1.0


def test_name_matching_is_tolerant_of_long_forms_only() -> None:
    assert same_name("Faisal bin Farhan Al Saud", "Faisal bin Farhan")
    assert same_name("New York", "New York City")
    assert same_name("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan")
    assert same_name("Mohammed bin Abdulrahman Al Thani", "Mohammed bin Abdulrahman bin Jassim Al Thani")
    assert not same_name("Tamim bin Hamad Al Thani", "Mohammed bin Abdulrahman Al Thani")
    assert not same_name("Abdullah II", "Abdullah")
    assert same_name(None, None) and not same_name("Moscow", None)


def test_cli_json_and_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = write(tmp_path, gold_line())
    out = tmp_path / "report.json"
    assert main([str(gold), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["f1"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert main([str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "invalid JSON" in err[0]
    assert main([str(tmp_path / "missing.jsonl")]) == 2


def test_gold_shape_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"id": "x", "events": [{"mode": "phone"}]}) + "\n", encoding="utf-8")
    with pytest.raises(GoldError):
        read_gold(path)


def test_names_match_across_latin_letters_that_carry_their_mark() -> None:
    assert same_name("Radosław Sikorski", "Radoslaw Sikorski")
    assert same_name("Lars Løkke Rasmussen", "Lars Lokke Rasmussen")
    assert not same_name("Radosław Sikorski", "Radoslav Sikorski")
