"""The gateway's OpenAPI 3.1 document, generated from the pydantic models it validates and answers with.

`python -m services.scraper.gateway.openapi` rewrites schemas/openapi/gateway.v1.json; a test fails when
the committed file differs from what this module generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from schemas.raw import RawArticle
from services.scraper.gateway.models import Accepted, Invalid, Problem

OPENAPI_PATH = Path(__file__).resolve().parents[3] / "schemas" / "openapi" / "gateway.v1.json"
REF = "#/components/schemas/{model}"


def _schemas() -> dict[str, Any]:
    components: dict[str, Any] = {}
    for model in (RawArticle, Accepted, Invalid, Problem):
        schema = model.model_json_schema(
            ref_template=REF, mode="validation" if model is RawArticle else "serialization"
        )
        components.update(schema.pop("$defs", {}))
        components[model.__name__] = schema
    return dict(sorted(components.items()))


def _json(model: type[BaseModel], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": REF.format(model=model.__name__)}}},
    }


def _ingest_operation() -> dict[str, Any]:
    article = {"$ref": REF.format(model="RawArticle")}
    return {
        "summary": "Publish one RawArticle or a batch to the raw topic",
        "description": (
            "Validates every article against the RawArticle contract (schemas/json/marsad.articles.raw.v1.schema.json) "
            "and publishes them with key article_id on an idempotent acks=all producer. A batch is all-or-nothing "
            "for validation: one invalid article rejects the request. The body size limit "
            "(MARSAD_GATEWAY_MAX_BODY_BYTES) is enforced while the body is read."
        ),
        "operationId": "publishArticles",
        "security": [{}, {"bearer": []}],
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"oneOf": [article, {"type": "array", "items": article, "minItems": 1}]}}
            },
        },
        "responses": {
            "202": _json(Accepted, "Published: every article acknowledged by the broker."),
            "400": _json(Invalid, "Not JSON, not a RawArticle or array, or a batch of the wrong size."),
            "401": _json(Problem, "A token is configured and the request did not carry it."),
            "413": _json(Problem, "The body exceeds the limit (answered as soon as the limit is passed)."),
            "415": _json(Problem, "Content-Type is not application/json."),
            "503": _json(Problem, "The broker did not acknowledge in time; retry after the Retry-After delay."),
        },
    }


def _ops(summary: str, ok: str, media: str = "application/json") -> dict[str, Any]:
    return {"get": {"summary": summary, "responses": {"200": {"description": ok, "content": {media: {}}}}}}


def build_openapi() -> dict[str, Any]:
    readyz = _ops("Ready: the producer is connected", "Ready")
    readyz["get"]["responses"]["503"] = {"description": "Not ready", "content": {"application/json": {}}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Marsad ingest gateway",
            "version": "1.0.0",
            "description": "Push Arabic news articles into Marsad's raw topic (marsad.articles.raw).",
        },
        "paths": {
            "/articles": {"post": _ingest_operation()},
            "/healthz": _ops("Alive", "The process answers"),
            "/readyz": readyz,
            "/metrics": _ops("Prometheus metrics", "Text exposition format", "text/plain"),
        },
        "components": {
            "schemas": _schemas(),
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "MARSAD_GATEWAY_TOKEN"}},
        },
    }


def render() -> str:
    return json.dumps(build_openapi(), indent=2, ensure_ascii=False) + "\n"


def main() -> int:
    OPENAPI_PATH.parent.mkdir(parents=True, exist_ok=True)
    OPENAPI_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {OPENAPI_PATH}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
