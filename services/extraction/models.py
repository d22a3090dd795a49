"""The contract's models built by their pydantic-core validators.

`Model(**fields)` runs pydantic's `BaseModel.__init__`, a Python function (interpreted even when compiled
code calls it) that packs the keywords into a dict and hands it to the model's validator. Handing the
validator the dict directly skips that frame: the same validation and the same instance (its fields set
are the keys given), about 2 µs less per model; the extractor builds ~25 per article.
"""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

M = TypeVar("M", bound=BaseModel)


def build(model: type[M], fields: dict[str, object]) -> M:
    """`model(**fields)`, validated, without pydantic's interpreted `__init__`."""
    built: M = model.__pydantic_validator__.validate_python(fields)
    return built
