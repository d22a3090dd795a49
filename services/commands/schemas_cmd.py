"""`marsad schemas`: write schemas/json from the models, or check that the committed files are current."""

from __future__ import annotations

from schemas.generate import JSON_DIR, rendered_schemas, write_schemas


def stale_files() -> list[str]:
    stale = []
    for name, text in rendered_schemas().items():
        path = JSON_DIR / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def run(check: bool) -> int:
    if check:
        stale = stale_files()
        for name in stale:
            print(f"stale: schemas/json/{name} (run `marsad schemas`)")
        return 1 if stale else 0
    for path in write_schemas():
        print(f"wrote {path}")
    return 0
