"""promtool accepts the config, the rules and every dashboard query; the rule unit tests pass; runbooks exist."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import yaml

from tests.unit.ops import support


def _promtool(*args: str) -> subprocess.CompletedProcess[str]:
    promtool = shutil.which("promtool")
    assert promtool, "promtool is missing: run .ci/install-ops-tools (Debian package `prometheus`)"
    return subprocess.run([promtool, *args], capture_output=True, text=True, timeout=120, check=False)


def _alerts() -> list[dict[str, object]]:
    return [rule for group in support.load_yaml(support.RULES)["groups"] for rule in group["rules"] if "alert" in rule]


def test_promtool_check_rules() -> None:
    result = _promtool("check", "rules", str(support.RULES))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(_alerts())} rules found" in result.stdout


def test_promtool_check_config_including_its_rule_files() -> None:
    result = _promtool("check", "config", str(support.PROMETHEUS_CONFIG))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SUCCESS: 1 rule files found" in result.stdout


def test_promtool_rule_unit_tests() -> None:
    """deploy/prometheus/tests: each alert fires on a synthetic incident and stays quiet when it should."""
    result = _promtool("test", "rules", str(support.RULE_TESTS))
    assert result.returncode == 0, result.stdout + result.stderr
    tested = {
        case["alertname"]
        for test in support.load_yaml(support.RULE_TESTS)["tests"]
        for case in test.get("alert_rule_test", [])
        if case["exp_alerts"]
    }
    untested = {str(alert["alert"]) for alert in _alerts()} - tested
    assert not untested, f"alerts without a firing unit test: {sorted(untested)}"


def test_promtool_parses_every_dashboard_query(tmp_path: Path) -> None:
    """Dashboard queries (Grafana variables substituted) as recording rules: promtool parses each one."""
    expressions = support.dashboard_expressions()
    rules = [
        {"record": f"marsad:dashboard_query:{index}", "expr": support.grafana_to_promql(expr)}
        for index, (where, expr) in enumerate(sorted(expressions.items()))
        if not where.split(": ", 1)[1].startswith("variable ")  # label_values() is Grafana's, not PromQL
    ]
    path = tmp_path / "dashboard-queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboards", "rules": rules}]}), encoding="utf-8")
    result = _promtool("check", "rules", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"SUCCESS: {len(rules)} rules found" in result.stdout


def test_every_alert_has_severity_summary_and_a_runbook_in_deploy_readme() -> None:
    readme = support.OPS_README.read_text(encoding="utf-8")
    headings = {line[4:].strip() for line in readme.splitlines() if line.startswith("### ")}
    for alert in _alerts():
        name = str(alert["alert"])
        labels = alert["labels"]
        annotations = alert["annotations"]
        assert isinstance(labels, dict) and labels.get("severity") in {"warning", "critical"}, name
        assert isinstance(annotations, dict) and annotations.get("summary"), name
        assert annotations.get("runbook_url") == f"deploy/README.md#{name.lower()}", name
        assert name in headings, f"deploy/README.md has no runbook section '### {name}'"
        section = readme.split(f"### {name}\n", 1)[1].split("\n#", 1)[0]
        assert len(section.split()) >= 40, f"the runbook of {name} is too short to act on"


def test_prometheus_scrapes_each_service_on_the_port_the_settings_give_it() -> None:
    from services.scraper.gateway.settings import GatewaySettings
    from services.scraper.settings import ScraperSettings
    from services.settings import Settings

    jobs = {job["job_name"]: job for job in support.load_yaml(support.PROMETHEUS_CONFIG)["scrape_configs"]}
    expected = {
        "marsad-worker": ("worker", "MARSAD_WORKER_WEB_PORT", Settings.model_fields["worker_web_port"].default),
        "marsad-scraper": ("scraper", "MARSAD_SCRAPER_WEB_PORT", ScraperSettings.model_fields["web_port"].default),
        "marsad-gateway": ("gateway", "MARSAD_GATEWAY_PORT", GatewaySettings.model_fields["port"].default),
    }
    compose_services = support.load_yaml(support.COMPOSE)["services"]
    for job_name, (service, variable, default) in expected.items():
        assert service in compose_services, f"prometheus.yml scrapes {service}, which docker-compose.yml lacks"
        port = int(compose_services[service].get("environment", {}).get(variable, default))
        (discovery,) = jobs[job_name]["dns_sd_configs"]
        assert discovery["names"] == [service] and discovery["type"] == "A", job_name
        assert discovery["port"] == port, f"{job_name} scraped on {discovery['port']}, the service listens on {port}"
