"""Dashboards, alert rules and docs/metrics.md name only what the code's registries export, and document all of it."""

from __future__ import annotations

import re

import pytest

from tests.unit.ops import support
from tests.unit.ops.support import Family

# Series Prometheus makes itself for every target, and the labels it attaches to every scraped series.
PROMETHEUS_SERIES = frozenset({"up", "scrape_duration_seconds", "scrape_samples_scraped"})
TARGET_LABELS = frozenset({"job", "instance"})
# Where the vocabulary of a label value lives: the package that declares the metric (docstrings included).
VALUE_SOURCES = {
    "marsad_scraper_": [support.ROOT / "services" / "scraper"],
    "marsad_gateway_": [support.ROOT / "services" / "scraper" / "gateway"],
    "marsad_faust_": [],
    "marsad_": [support.ROOT / "services" / "worker", support.ROOT / "schemas"],
}
DOC_ROW = re.compile(r"^\|\s*`([a-z_:]+)`\s*\|\s*(\w+)\s*\|([^|]*)\|\s*(.+?)\s*\|\s*$")

ALL_EXPRESSIONS = {**support.rule_expressions(), **support.dashboard_expressions()}


def _documented() -> dict[str, tuple[str, frozenset[str]]]:
    rows: dict[str, tuple[str, frozenset[str]]] = {}
    for line in support.METRICS_DOC.read_text(encoding="utf-8").splitlines():
        if match := DOC_ROW.match(line):
            name, kind, labels, _meaning = match.groups()
            assert name not in rows, f"docs/metrics.md documents {name} twice"
            rows[name] = (kind, frozenset(re.findall(r"`([a-z_]+)`", labels)))
    return rows


def _families_in(expr: str, samples: dict[str, Family]) -> list[Family]:
    return [samples[name] for name in support.metric_names(expr) if name in samples]


def _vocabulary(family: Family) -> str:
    prefix = next(prefix for prefix in VALUE_SOURCES if family.name.startswith(prefix))
    return "\n".join(
        path.read_text(encoding="utf-8") for folder in VALUE_SOURCES[prefix] for path in sorted(folder.glob("*.py"))
    )


def test_the_registry_holds_worker_faust_scraper_and_gateway_metrics() -> None:
    names = set(support.code_families())
    for prefix in ("marsad_faust_", "marsad_scraper_", "marsad_gateway_"):
        assert any(name.startswith(prefix) for name in names), prefix
    assert "marsad_events" in names and "marsad_consumer_lag_messages" in names


def test_there_are_expressions_to_check() -> None:
    assert len(support.rule_expressions()) >= 6
    assert len(support.dashboard_expressions()) >= 20


def test_metric_name_parser_on_known_shapes() -> None:
    expr = (
        'histogram_quantile(0.99, sum by (le, stage) (rate(foo_bucket{stage=~"a|b", x="1e3"}[$__rate_interval])))'
        " / ignoring(stage) group_left bar_total offset 5m > 1e-3 and on () (baz or vector(0))"
    )
    assert support.metric_names(expr) == {"foo_bucket", "bar_total", "baz"}
    assert support.grouping_labels(expr) == {"le", "stage"}
    assert support.label_matchers(expr) == [("stage", "=~", "a|b"), ("x", "=", "1e3")]
    assert support.metric_names("label_values(marsad_events_total, event_type)") == {"marsad_events_total"}


@pytest.mark.parametrize("where", sorted(ALL_EXPRESSIONS))
def test_every_metric_named_exists_in_the_code(where: str) -> None:
    samples = support.code_sample_names()
    names = support.metric_names(ALL_EXPRESSIONS[where])
    assert names, f"{where}: no metric found in {ALL_EXPRESSIONS[where]!r}"
    unknown = sorted(name for name in names if name not in samples and name not in PROMETHEUS_SERIES)
    assert not unknown, f"{where}: not exported by the code: {unknown}"


@pytest.mark.parametrize("where", sorted(ALL_EXPRESSIONS))
def test_every_label_used_exists_on_the_metrics_named(where: str) -> None:
    expr = ALL_EXPRESSIONS[where]
    samples = support.code_sample_names()
    families = _families_in(expr, samples)
    known = set(TARGET_LABELS)
    for family in families:
        known |= family.labels
        if family.type == "histogram":
            known.add("le")
    used = support.grouping_labels(expr) | {label for label, _op, _value in support.label_matchers(expr)}
    unknown = sorted(used - known)
    assert not unknown, f"{where}: labels {unknown} are not on {[family.name for family in families] or 'up'}"


@pytest.mark.parametrize("where", sorted(ALL_EXPRESSIONS))
def test_every_label_value_matched_belongs_to_the_label_vocabulary(where: str) -> None:
    expr = ALL_EXPRESSIONS[where]
    families = _families_in(expr, support.code_sample_names())
    jobs = {job["job_name"] for job in support.load_yaml(support.PROMETHEUS_CONFIG)["scrape_configs"]}
    for label, op, value in support.label_matchers(expr):
        if op == "label_values" or value.startswith("$"):
            continue  # a Grafana variable, filled from label_values()
        for alternative in value.split("|"):
            if label == "job":
                assert alternative in jobs, f"{where}: job {alternative!r} is not scraped by prometheus.yml"
                continue
            owners = [family for family in families if label in family.labels]
            assert owners, f"{where}: no metric with label {label}"
            for family in owners:
                word = re.compile(rf"(?<![\w.]){re.escape(alternative)}(?![\w])")
                assert word.search(_vocabulary(family)), (
                    f"{where}: {label}={alternative!r} does not occur in the code that declares {family.name}"
                )


def test_every_exported_metric_is_documented_with_its_type_and_labels() -> None:
    documented = _documented()
    for family in support.code_families().values():
        assert family.exposed_name in documented, f"docs/metrics.md does not document {family.exposed_name}"
        kind, labels = documented[family.exposed_name]
        assert kind == family.type, f"{family.exposed_name}: documented as {kind}, exported as {family.type}"
        assert labels == family.labels, (
            f"{family.exposed_name}: documented labels {sorted(labels)}, code {sorted(family.labels)}"
        )


def test_docs_document_nothing_the_code_does_not_export() -> None:
    exposed = {family.exposed_name for family in support.code_families().values()}
    stale = sorted(set(_documented()) - exposed)
    assert not stale, f"docs/metrics.md documents metrics the code does not export: {stale}"


def test_only_bounded_labels_are_exported() -> None:
    unbounded = {"article_id", "event_id", "url", "country", "country_pair", "actor", "target", "source", "outlet"}
    for family in support.code_families().values():
        assert not family.labels & unbounded, f"{family.name} has an unbounded label: {family.labels & unbounded}"


def test_sample_names_follow_the_type() -> None:
    """The docs/PromQL naming rule (counter -> _total, histogram -> _bucket/_sum/_count) matches the samples."""
    for family in support.code_families().values():
        if family.type == "counter":
            assert f"{family.name}_total" in family.samples
        elif family.type == "histogram":
            assert {f"{family.name}_bucket", f"{family.name}_sum", f"{family.name}_count"} <= family.samples
        elif family.type == "info":
            assert family.samples == {f"{family.name}_info"}
        else:
            assert family.name in family.samples
