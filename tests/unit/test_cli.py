"""The `marsad` command as a user runs it: one-line errors, exit status 2, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import REPO


def marsad(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "services.cli", *args],
        cwd=REPO,
        env={**os.environ, "KAFKA_BOOTSTRAP_SERVERS": "", **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("extract", "no/such/file.txt"), "no/such/file.txt: no such file"),
        (("publish", "no/such/file.txt"), "no/such/file.txt: no such file"),
        (("extract", "services"), "is a directory"),
        (("tail",), "KAFKA_BOOTSTRAP_SERVERS is not set"),
    ],
)
def test_user_errors_are_one_line(args: tuple[str, ...], message: str) -> None:
    result = marsad(*args)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "Traceback" not in result.stderr
    assert message in result.stderr and result.stderr.startswith("marsad: error:")


def test_invalid_jsonl_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    bad = tmp_path / "feed.jsonl"
    bad.write_text('{"article_id": "a1", "source": "s"}\n', encoding="utf-8")
    result = marsad("publish", str(bad), env={"KAFKA_BOOTSTRAP_SERVERS": "127.0.0.1:1"})
    assert result.returncode == 2
    assert "feed.jsonl:1: not a RawArticle" in result.stderr and "text: Field required" in result.stderr


def test_invalid_setting_is_a_one_line_error() -> None:
    result = marsad("extract", "x.txt", env={"MARSAD_TOPIC_PARTITIONS": "many"})
    assert result.returncode == 2 and "invalid settings" in result.stderr and "Traceback" not in result.stderr


def test_extract_prints_one_json_line_per_article(tmp_path: Path) -> None:
    arabic = tmp_path / "call.txt"
    arabic.write_text("بحث وزير الخارجية هاتفياً مع نظيره العلاقات الثنائية بين البلدين.", encoding="utf-8")
    english = tmp_path / "english.txt"
    english.write_text("Nothing in Arabic here at all, just an English sentence.", encoding="utf-8")
    result = marsad("extract", str(arabic), str(english))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["article_id"] for line in lines] == ["file:call", "file:english"]
    assert all({"file", "article_id", "published", "events"} <= set(line) for line in lines)
    assert lines[1]["rejected"]["reason"] == "not_arabic"


def test_schemas_check_passes_on_the_committed_files() -> None:
    result = marsad("schemas", "--check")
    assert result.returncode == 0, result.stdout


def test_eval_of_several_sets_pools_their_counts(tmp_path: Path) -> None:
    sets = [REPO / "tests" / "fixtures" / name / "gold.jsonl" for name in ("devset", "devset2")]
    singles = []
    for gold in sets:
        out = tmp_path / f"{gold.parent.name}.json"
        assert marsad("eval", str(gold), "--json", str(out)).returncode == 0
        singles.append(json.loads(out.read_text(encoding="utf-8")))
    pooled_json = tmp_path / "pooled.json"
    result = marsad("eval", *map(str, sets), "--json", str(pooled_json))
    assert result.returncode == 0, result.stderr
    document = json.loads(pooled_json.read_text(encoding="utf-8"))
    assert list(document["sets"]) == ["devset", "devset2"]
    pooled = document["pooled"]
    for count in ("gold", "predicted", "matched"):
        assert pooled[count] == sum(single[count] for single in singles)
    precision, recall = pooled["matched"] / pooled["predicted"], pooled["matched"] / pooled["gold"]
    assert pooled["f1"] == round(2 * precision * recall / (precision + recall), 4)
    assert pooled["field_correct"]["date"] == sum(single["field_correct"]["date"] for single in singles)
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert [row.split(" | ")[0] for row in rows] == ["| set", "| devset", "| devset2", "| **pooled**"]
    assert rows[-1].split(" | ")[1:4] == [str(pooled["gold"]), str(pooled["predicted"]), str(pooled["matched"])]


def test_eval_of_several_sets_names_a_missing_one_in_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "gold.jsonl"
    result = marsad("eval", str(REPO / "tests" / "fixtures" / "devset" / "gold.jsonl"), str(missing))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0 and str(missing) in result.stderr
