"""Metric names for ops, the committed OpenAPI document, and the gateway's schemas match the code."""

from __future__ import annotations

import json
import re

from prometheus_client import CollectorRegistry

from schemas.raw import RawArticle
from services.scraper.errors import ERROR_KINDS
from services.scraper.gateway.metrics import GatewayMetrics
from services.scraper.gateway.openapi import OPENAPI_PATH, build_openapi, render
from services.scraper.metrics import ScraperMetrics

NAME = re.compile(r"^marsad_(scraper|gateway)_[a-z_]+$")


def _names(registry: CollectorRegistry) -> dict[str, str]:
    return {family.name: family.type for family in registry.collect()}


def test_scraper_metric_names() -> None:
    registry = CollectorRegistry()
    ScraperMetrics.create(registry)
    assert _names(registry) == {
        "marsad_scraper_fetches": "counter",
        "marsad_scraper_fetch_duration_seconds": "histogram",
        "marsad_scraper_received_bytes": "counter",
        "marsad_scraper_retries": "counter",
        "marsad_scraper_errors": "counter",
        "marsad_scraper_robots_refusals": "counter",
        "marsad_scraper_feed_entries": "counter",
        "marsad_scraper_articles_published": "counter",
        "marsad_scraper_duplicates_skipped": "counter",
        "marsad_scraper_polls": "counter",
        "marsad_scraper_last_poll_timestamp_seconds": "gauge",
        "marsad_scraper_ready": "gauge",
    }
    ScraperMetrics.create(CollectorRegistry())  # a second registry: nothing global


def test_gateway_metric_names() -> None:
    registry = CollectorRegistry()
    GatewayMetrics.create(registry)
    assert set(_names(registry)) == {
        "marsad_gateway_requests",
        "marsad_gateway_request_duration_seconds",
        "marsad_gateway_received_bytes",
        "marsad_gateway_articles_published",
        "marsad_gateway_ready",
    }
    assert all(NAME.match(name) for name in _names(registry))


def test_error_kinds_are_label_safe() -> None:
    assert len(ERROR_KINDS) == len(set(ERROR_KINDS)) >= 15
    assert all(re.fullmatch(r"[a-z0-9_]+", kind) for kind in ERROR_KINDS)


def test_committed_openapi_is_current() -> None:
    assert OPENAPI_PATH.read_text(encoding="utf-8") == render(), (
        "stale: run `.venv/bin/python -m services.scraper.gateway.openapi`"
    )


def test_openapi_article_schema_is_the_contract() -> None:
    document = build_openapi()
    schemas = document["components"]["schemas"]
    contract = RawArticle.model_json_schema()
    assert schemas["RawArticle"]["properties"].keys() == contract["properties"].keys()
    assert schemas["RawArticle"]["required"] == contract["required"]
    responses = document["paths"]["/articles"]["post"]["responses"]
    assert sorted(responses) == ["202", "400", "401", "413", "415", "503"]
    json.dumps(document)  # serialisable
    refs = re.findall(r'"\$ref": "#/components/schemas/([A-Za-z]+)"', json.dumps(document))
    assert set(refs) <= set(schemas)
