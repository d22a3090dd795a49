"""Render the JSON Schema of every topic's model; `marsad schemas` writes them, a test compares them."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.base import SCHEMA_VERSION
from schemas.topics import TOPICS

JSON_DIR = Path(__file__).parent / "json"


def rendered_schemas() -> dict[str, str]:
    """File name -> JSON text, for every topic."""
    out: dict[str, str] = {}
    for spec in TOPICS.values():
        schema = spec.model.model_json_schema(mode="serialization")
        schema["$id"] = f"https://marsad.dev/schemas/{spec.default_name}.v{SCHEMA_VERSION}.schema.json"
        schema["description"] = f"{spec.description} Key: {spec.key}."
        out[f"{spec.default_name}.v{SCHEMA_VERSION}.schema.json"] = (
            json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        )
    return out


def write_schemas(directory: Path = JSON_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rendered_schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
