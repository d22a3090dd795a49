"""The contract folder: committed JSON Schemas are current and every example payload validates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas.topics import TOPICS
from services.commands.schemas_cmd import stale_files
from tests.paths import REPO

EXAMPLES = REPO / "schemas" / "examples"


def test_committed_json_schemas_are_current() -> None:
    assert stale_files() == [], "run `marsad schemas` and commit schemas/json"


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_topic_has_a_valid_arabic_example(topic: str) -> None:
    spec = TOPICS[topic]
    path = EXAMPLES / f"{spec.default_name}.v1.example.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    message = spec.model.model_validate(document)
    assert message.model_dump(mode="json", exclude_none=True) == {k: v for k, v in document.items() if v is not None}


def test_examples_carry_arabic() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.json"))]
    assert len(texts) == len(TOPICS)
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in text) for text in texts)


def test_stale_check_notices_a_changed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import schemas.generate
    import services.commands.schemas_cmd as cmd

    for name, text in schemas.generate.rendered_schemas().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(cmd, "JSON_DIR", tmp_path)
    assert cmd.stale_files() == []
    first = sorted(tmp_path.iterdir())[0]
    first.write_text("{}", encoding="utf-8")
    assert cmd.stale_files() == [first.name]
