"""The contract folder: committed JSON Schemas are current and every example payload validates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas.normalized import OffsetMap
from schemas.topics import TOPICS
from services.commands.schemas_cmd import stale_files
from tests.paths import REPO

EXAMPLES = REPO / "schemas" / "examples"


def test_committed_schemas_and_derived_examples_are_current() -> None:
    """The JSON Schemas come from the models; the normalised and event examples from the real stages."""
    assert stale_files() == [], "run `marsad schemas` and commit schemas/json and schemas/examples"


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

    json_dir, examples_dir = tmp_path / "json", tmp_path / "examples"
    json_dir.mkdir()
    examples_dir.mkdir()
    for name, text in schemas.generate.rendered_schemas().items():
        (json_dir / name).write_text(text, encoding="utf-8")
    raw = EXAMPLES / cmd.RAW_EXAMPLE
    (examples_dir / raw.name).write_text(raw.read_text(encoding="utf-8"), encoding="utf-8")
    for name, text in cmd.rendered_examples(examples_dir).items():
        (examples_dir / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(cmd, "JSON_DIR", json_dir)
    monkeypatch.setattr(cmd, "EXAMPLES_DIR", examples_dir)
    assert cmd.stale_files() == []
    first = sorted(json_dir.iterdir())[0]
    first.write_text("{}", encoding="utf-8")
    event = examples_dir / cmd.EVENT_EXAMPLE
    changed = event.read_text(encoding="utf-8").replace('"extractor_version": "', '"extractor_version": "0')
    event.write_text(changed, encoding="utf-8")
    assert cmd.stale_files() == [first, event]


def test_offset_maps_serialise_any_sequence_of_runs_as_the_list_and_validate_to_a_list() -> None:
    """normalize_article constructs OffsetMaps around the C views' RunArrays (sequences of run tuples): on the
    wire and in dumps they are the list of runs, and whatever validates becomes that list."""
    runs = [(0, 0, 3, 3), (3, 4, 1, 2)]
    held = OffsetMap.model_construct(segments=tuple(runs))
    listed = OffsetMap(segments=runs)
    assert held.model_dump_json() == listed.model_dump_json() == '{"segments":[[0,0,3,3],[3,4,1,2]]}'
    assert held.model_dump() == listed.model_dump() == {"segments": runs}
    for source in (runs, tuple(runs), [list(run) for run in runs]):
        validated = OffsetMap.model_validate({"segments": source})
        assert type(validated.segments) is list and validated.segments == runs
    assert OffsetMap.model_validate_json(listed.model_dump_json()) == listed
