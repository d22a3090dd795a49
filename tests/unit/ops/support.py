"""Shared helpers of the ops checks: repository paths, YAML loading, the code's metric registry, PromQL names."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml
from faust.sensors.prometheus import FaustMetrics
from prometheus_client import CollectorRegistry
from prometheus_client.metrics import MetricWrapperBase

from services.scraper.gateway.metrics import GatewayMetrics
from services.scraper.metrics import ScraperMetrics
from services.worker.metrics import WorkerMetrics

ROOT = Path(__file__).resolve().parents[3]
DEPLOY = ROOT / "deploy"
RULES = DEPLOY / "prometheus" / "rules" / "marsad.rules.yml"
PROMETHEUS_CONFIG = DEPLOY / "prometheus" / "prometheus.yml"
RULE_TESTS = DEPLOY / "prometheus" / "tests" / "marsad.rules.test.yml"
DASHBOARDS = sorted((DEPLOY / "grafana" / "dashboards").glob("*.json"))
COMPOSE = ROOT / "docker-compose.yml"
DOCKERFILE = DEPLOY / "Dockerfile"
KUSTOMIZE_BASE = DEPLOY / "kubernetes" / "base"
KUSTOMIZE_OVERLAY = DEPLOY / "kubernetes" / "overlays" / "example"
METRICS_DOC = ROOT / "docs" / "metrics.md"
OPS_README = DEPLOY / "README.md"


def load_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def load_yaml_documents(text: str) -> list[dict[str, Any]]:
    return [doc for doc in yaml.safe_load_all(text) if doc]


# ---- the code's registry ---------------------------------------------------------------------------------------


def faust_name_prefix() -> str:
    """The name_prefix the worker passes to Faust's Prometheus sensor, read from the wiring module."""
    source = (ROOT / "services" / "worker" / "app.py").read_text(encoding="utf-8")
    match = re.search(r'name_prefix\s*=\s*"([A-Za-z_][A-Za-z0-9_]*)"', source)
    assert match, "services/worker/app.py no longer passes a literal name_prefix to setup_prometheus_sensors"
    return match.group(1)


def _metrics_of(group: object) -> Iterator[MetricWrapperBase]:
    values: Iterable[object] = (
        tuple(group)  # FaustMetrics is a NamedTuple
        if isinstance(group, tuple)
        else (getattr(group, field.name) for field in dataclasses.fields(group))  # type: ignore[arg-type]
    )
    for value in values:
        if isinstance(value, MetricWrapperBase):
            yield value


@dataclasses.dataclass(frozen=True)
class Family:
    """One exported metric family: its type, help text, label names (without `le`) and sample names."""

    name: str
    type: str
    documentation: str
    labels: frozenset[str]
    samples: frozenset[str]

    @property
    def exposed_name(self) -> str:
        """The name a user types in PromQL for the family's main series (as documented in docs/metrics.md)."""
        return {"counter": f"{self.name}_total", "info": f"{self.name}_info"}.get(self.type, self.name)


def code_registry() -> CollectorRegistry:
    """Every metric the code exports, on one registry, with one child per labelled metric so samples exist."""
    registry = CollectorRegistry()
    groups: list[object] = [
        WorkerMetrics.create(registry),
        FaustMetrics.create(registry, faust_name_prefix()),
        ScraperMetrics.create(registry),
        GatewayMetrics.create(registry),
    ]
    for group in groups:
        metrics = list(_metrics_of(group))
        assert metrics, f"{type(group).__name__} declares no metric"
        for metric in metrics:
            labelnames: tuple[str, ...] = tuple(metric._labelnames)
            if labelnames:
                metric.labels(*["x"] * len(labelnames))
    return registry


def code_families() -> dict[str, Family]:
    families: dict[str, Family] = {}
    for family in code_registry().collect():
        labels = frozenset(name for sample in family.samples for name in sample.labels if name != "le")
        samples = frozenset(sample.name for sample in family.samples)
        assert family.name not in families, f"{family.name} declared twice"
        families[family.name] = Family(family.name, family.type, family.documentation, labels, samples)
    return families


def code_sample_names() -> dict[str, Family]:
    """Sample name (what PromQL selects) -> its family."""
    return {sample: family for family in code_families().values() for sample in family.samples}


# ---- PromQL --------------------------------------------------------------------------------------------------

_KEYWORDS = frozenset(
    [
        "by",
        "without",
        "on",
        "ignoring",
        "group_left",
        "group_right",
        "and",
        "or",
        "unless",
        "bool",
        "offset",
        "inf",
        "nan",
        "Inf",
        "NaN",
        "atan2",
    ]
)
_GRAFANA_VARIABLE = re.compile(r"\$\{[^}]*\}|\$\w+")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|`[^`]*`')
_MATCHERS = re.compile(r"\{([^}]*)\}")
_RANGE = re.compile(r"\[[^\]]*\]")
_GROUPING = re.compile(r"\b(?:by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)")
_IDENTIFIER = re.compile(r"(?<![\w.])[A-Za-z_:][A-Za-z0-9_:]*")
_MATCHER = re.compile(r'\s*([A-Za-z_][A-Za-z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*')
_LABEL_VALUES = re.compile(r"label_values\(\s*([A-Za-z_:][A-Za-z0-9_:]*)\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)")

# What Grafana substitutes for its variables, so that a dashboard query becomes plain PromQL for promtool.
GRAFANA_SUBSTITUTIONS = {
    "$__rate_interval": "5m",
    "$__interval": "1m",
    "$__range": "1h",
}


def grafana_to_promql(expr: str) -> str:
    for variable, value in GRAFANA_SUBSTITUTIONS.items():
        expr = expr.replace(variable, value)
    return _GRAFANA_VARIABLE.sub(".*", expr)  # the remaining ones are label-value variables inside =~ matchers


def metric_names(expr: str) -> set[str]:
    """Metric names selected by a PromQL expression (functions, keywords, labels and durations left out)."""
    if match := _LABEL_VALUES.fullmatch(expr.strip()):
        return {match.group(1)}
    text = _STRING.sub('""', grafana_to_promql(expr))
    text = _MATCHERS.sub(" ", text)
    text = _RANGE.sub(" ", text)
    text = _GROUPING.sub(" ", text)
    names: set[str] = set()
    for match in _IDENTIFIER.finditer(text):
        token = match.group()
        if token in _KEYWORDS or text[match.end() :].lstrip().startswith("("):
            continue
        names.add(token)
    return names


def grouping_labels(expr: str) -> set[str]:
    """Label names in by(...)/without(...)/on(...) clauses."""
    text = _STRING.sub('""', grafana_to_promql(expr))
    return {label.strip() for group in _GROUPING.findall(text) for label in group.split(",") if label.strip()}


def label_matchers(expr: str) -> list[tuple[str, str, str]]:
    """(label, operator, value) of every selector matcher, Grafana variables left in place."""
    found: list[tuple[str, str, str]] = []
    for body in _MATCHERS.findall(expr):
        for part in _split_matchers(body):
            match = _MATCHER.fullmatch(part)
            assert match, f"cannot parse label matcher {part!r} in {expr!r}"
            found.append((match.group(1), match.group(2), match.group(3)))
    if match := _LABEL_VALUES.fullmatch(expr.strip()):
        found.append((match.group(2), "label_values", ""))
    return found


def _split_matchers(body: str) -> list[str]:
    parts: list[str] = []
    current = ""
    in_string = False
    for char in body:
        if char == '"' and not current.endswith("\\"):
            in_string = not in_string
        if char == "," and not in_string:
            parts.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current)
    return [part for part in parts if part.strip()]


def rule_expressions() -> dict[str, str]:
    """Alert/record name -> PromQL expression, from the rules file."""
    rules: dict[str, str] = {}
    for group in load_yaml(RULES)["groups"]:
        for rule in group["rules"]:
            rules[rule.get("alert") or rule["record"]] = rule["expr"]
    return rules


def dashboard_expressions() -> dict[str, str]:
    """'<dashboard file>: <panel title> [refId]' (or the templating variable) -> PromQL expression."""
    import json

    found: dict[str, str] = {}
    for path in DASHBOARDS:
        board = json.loads(path.read_text(encoding="utf-8"))
        for panel in iter_panels(board):
            for target in panel.get("targets", []):
                if target.get("expr"):
                    found[f"{path.name}: {panel.get('title')} [{target['refId']}]"] = target["expr"]
        for variable in board.get("templating", {}).get("list", []):
            query = variable.get("query")
            text = query.get("query") if isinstance(query, dict) else query
            if variable.get("type") == "query" and text:
                found[f"{path.name}: variable ${variable['name']}"] = text
    return found


def iter_panels(board: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in board.get("panels", []):
        yield panel
        yield from panel.get("panels", [])  # panels inside collapsed rows


def compose_mounts(service: dict[str, Any]) -> dict[str, str]:
    """source -> target of a compose service's short-syntax volumes (`src:dst` or `src:dst:mode`)."""
    mounts: dict[str, str] = {}
    for volume in service.get("volumes", []):
        parts = volume.split(":")
        assert len(parts) in (2, 3), f"unexpected volume syntax {volume!r}"
        mounts[parts[0]] = parts[1]
    return mounts


# ---- settings ------------------------------------------------------------------------------------------------

# Read by the image's HEALTHCHECK (deploy/Dockerfile), not by the settings models.
IMAGE_ONLY_VARIABLES = frozenset({"MARSAD_HEALTHCHECK_URL"})


def settings_models() -> list[type[Any]]:
    from services.scraper.gateway.settings import GatewaySettings
    from services.scraper.settings import ScraperSettings
    from services.settings import Settings

    return [Settings, ScraperSettings, GatewaySettings]


def settings_env_names() -> set[str]:
    """Every environment variable a settings model reads: `<env_prefix><FIELD>` plus validation aliases."""
    from pydantic import AliasChoices

    names: set[str] = set()
    for model in settings_models():
        prefix = str(model.model_config.get("env_prefix", ""))
        for field_name, field in model.model_fields.items():
            names.add(f"{prefix}{field_name}".upper())
            alias = field.validation_alias
            if isinstance(alias, str):
                names.add(alias.upper())
            elif isinstance(alias, AliasChoices):
                names.update(str(choice).upper() for choice in alias.choices)
    return names


def settings_from(env: dict[str, str]) -> dict[str, Any]:
    """Validate `env` with every settings model (as the processes would read it); model name -> instance."""
    import os
    from unittest import mock

    clean = {key: value for key, value in os.environ.items() if not key.startswith(("MARSAD_", "KAFKA_"))}
    with mock.patch.dict(os.environ, {**clean, **env}, clear=True):
        return {model.__name__: model() for model in settings_models()}


def shutdown_timeout_seconds() -> float:
    """How long Faust's services wait for a clean stop after SIGTERM (mode.Service.shutdown_timeout)."""
    from mode import Service

    return float(Service.shutdown_timeout)


def topic_defaults() -> dict[str, str]:
    """MARSAD_TOPIC_<KEY> -> the topic name of the contract (schemas/topics.py)."""
    from schemas.topics import TOPICS

    return {f"MARSAD_TOPIC_{key.upper()}": spec.default_name for key, spec in TOPICS.items()}
