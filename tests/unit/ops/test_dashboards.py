"""Grafana: dashboards are valid JSON with unique ids, wired to the provisioned datasource, covering what ops need."""

from __future__ import annotations

import json
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from tests.unit.ops import support

GRAFANA = support.DEPLOY / "grafana"


def _board(name: str) -> dict[str, Any]:
    board: dict[str, Any] = json.loads((GRAFANA / "dashboards" / name).read_text(encoding="utf-8"))
    return board


def _datasource_uid() -> str:
    (datasource,) = support.load_yaml(GRAFANA / "provisioning" / "datasources" / "prometheus.yml")["datasources"]
    assert datasource["type"] == "prometheus" and datasource["url"] == "http://prometheus:9090"
    return str(datasource["uid"])


def _metrics_of(board: dict[str, Any]) -> set[str]:
    return {
        name
        for panel in support.iter_panels(board)
        for target in panel.get("targets", [])
        for name in support.metric_names(target.get("expr", ""))
    }


def test_the_two_dashboards_exist() -> None:
    assert [path.name for path in support.DASHBOARDS] == ["marsad-content.json", "marsad-ops.json"]


@pytest.mark.parametrize("path", support.DASHBOARDS, ids=lambda path: path.name)
def test_dashboard_is_valid_json_with_unique_panel_ids(path: Path) -> None:
    board = json.loads(path.read_text(encoding="utf-8"))
    assert board["uid"] == path.stem and board["title"] and board["schemaVersion"] >= 36
    ids = [panel["id"] for panel in support.iter_panels(board)]
    assert ids and all(isinstance(panel_id, int) for panel_id in ids)
    assert len(ids) == len(set(ids)), f"duplicate panel ids in {path.name}"
    for panel in support.iter_panels(board):
        refs = [target["refId"] for target in panel.get("targets", [])]
        assert len(refs) == len(set(refs)), f"{path.name}: duplicate refId in {panel['title']}"


@pytest.mark.parametrize("path", support.DASHBOARDS, ids=lambda path: path.name)
def test_panels_use_the_provisioned_datasource_and_do_not_overlap(path: Path) -> None:
    board = json.loads(path.read_text(encoding="utf-8"))
    uid = _datasource_uid()
    boxes = []
    for panel in support.iter_panels(board):
        if panel.get("targets"):
            assert panel["datasource"]["uid"] == uid, panel["title"]
            assert all(target["datasource"]["uid"] == uid for target in panel["targets"]), panel["title"]
        grid = panel["gridPos"]
        assert grid["x"] >= 0 and grid["x"] + grid["w"] <= 24, panel["title"]
        boxes.append((panel["title"], grid["x"], grid["y"], grid["x"] + grid["w"], grid["y"] + grid["h"]))
    for (title_a, ax, ay, aw, ah), (title_b, bx, by, bw, bh) in combinations(boxes, 2):
        assert aw <= bx or bw <= ax or ah <= by or bh <= ay, f"{path.name}: '{title_a}' overlaps '{title_b}'"


def test_ops_dashboard_covers_stages_latency_lag_dead_letters_errors_and_scraper() -> None:
    metrics = _metrics_of(_board("marsad-ops.json"))
    for needed in (
        "marsad_messages_consumed_total",
        "marsad_messages_produced_total",
        "marsad_end_to_end_latency_seconds_bucket",
        "marsad_consumer_lag_messages",
        "marsad_dead_letters_total",
        "marsad_faust_total_error_messages_sent_total",
        "marsad_scraper_fetches_total",
        "marsad_scraper_errors_total",
        "marsad_gateway_requests_total",
    ):
        assert needed in metrics, f"the ops dashboard does not show {needed}"


def test_content_dashboard_shows_events_per_type_and_explains_country_pairs() -> None:
    board = _board("marsad-content.json")
    exprs = [target["expr"] for panel in support.iter_panels(board) for target in panel.get("targets", [])]
    assert any("marsad_events_total" in expr and "by (event_type)" in expr for expr in exprs)
    description = board["description"].lower()
    assert "country pair" in description and "sink" in description
    assert not any("country" in label for family in support.code_families().values() for label in family.labels)


def test_grafana_provisioning_points_at_the_mounted_dashboards() -> None:
    (provider,) = support.load_yaml(GRAFANA / "provisioning" / "dashboards" / "marsad.yml")["providers"]
    grafana = support.load_yaml(support.COMPOSE)["services"]["grafana"]
    mounts = support.compose_mounts(grafana)
    assert mounts["./deploy/grafana/dashboards"] == provider["options"]["path"]
    assert mounts["./deploy/grafana/provisioning"] == "/etc/grafana/provisioning"
