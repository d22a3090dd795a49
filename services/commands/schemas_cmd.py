"""`marsad schemas`: write schemas/json from the models and the derived examples from the real stages, or check
that the committed files are current."""

from __future__ import annotations

import json
from pathlib import Path

from schemas.generate import JSON_DIR, rendered_schemas, write_schemas
from schemas.normalized import NormalizedArticle
from schemas.raw import RawArticle
from services.arabic import normalize_article
from services.extraction import extract_events

EXAMPLES_DIR = JSON_DIR.parent / "examples"
RAW_EXAMPLE = "marsad.articles.raw.v1.example.json"
NORMALIZED_EXAMPLE = "marsad.articles.normalized.v1.example.json"
EVENT_EXAMPLE = "marsad.events.v1.example.json"


def _render(document: dict[str, object]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def rendered_examples(directory: Path = EXAMPLES_DIR) -> dict[str, str]:
    """The normalised-article and event examples, as the current normaliser and extractor make them from the
    hand-written raw example (its first event): they can never show an output or a version the code lacks."""
    raw = RawArticle.model_validate_json((directory / RAW_EXAMPLE).read_text(encoding="utf-8"))
    article = normalize_article(raw)
    if not isinstance(article, NormalizedArticle):
        raise ValueError(f"the raw example is rejected by the normaliser: {article}")
    events = extract_events(article)
    if not events:
        raise ValueError("the extractor finds no event in the raw example")
    return {
        NORMALIZED_EXAMPLE: _render(article.model_dump(mode="json", exclude_none=True)),
        EVENT_EXAMPLE: _render(events[0].model_dump(mode="json", exclude_none=True)),
    }


def stale_files() -> list[Path]:
    expected = {JSON_DIR / name: text for name, text in rendered_schemas().items()}
    expected |= {EXAMPLES_DIR / name: text for name, text in rendered_examples(EXAMPLES_DIR).items()}
    return [path for path, text in expected.items() if _read(path) != text]


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.is_file() else None


def run(check: bool) -> int:
    if check:
        stale = stale_files()
        for path in stale:
            print(f"stale: {path} (run `marsad schemas` and commit it)")
        return 1 if stale else 0
    written = write_schemas()
    for name, text in rendered_examples().items():
        (EXAMPLES_DIR / name).write_text(text, encoding="utf-8")
        written.append(EXAMPLES_DIR / name)
    for path in written:
        print(f"wrote {path}")
    return 0
