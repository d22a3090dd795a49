"""`models.build` is the model's own constructor without its interpreted `__init__`: same validation, same instance."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from schemas.event import Actor, EventDate, Role
from services.extraction.models import build


def test_build_equals_the_constructor() -> None:
    fields: dict[str, object] = {"text": "الخارجية المصرية", "name_en": "Egypt", "country": "EGY", "role": Role.STATE}
    built = build(Actor, fields)
    made = Actor(text="الخارجية المصرية", name_en="Egypt", country="EGY", role=Role.STATE)
    assert built == made
    assert built.model_fields_set == made.model_fields_set == set(fields)
    assert built.model_dump_json() == made.model_dump_json()


def test_build_validates() -> None:
    with pytest.raises(ValidationError):
        build(EventDate, {"value": "7 December", "precision": "day", "basis": "explicit"})
    with pytest.raises(ValidationError):
        build(Actor, {"text": "x", "wikidata": "not a qid"})
