"""docker-compose.yml agrees with the code: settings variables, ports, topics, start order, grace periods."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.unit.ops import support

MARSAD_SERVICES = ("topics", "worker", "scraper", "gateway")


def _compose() -> dict[str, Any]:
    compose: dict[str, Any] = support.load_yaml(support.COMPOSE)
    return compose


def _service(name: str) -> dict[str, Any]:
    service: dict[str, Any] = _compose()["services"][name]
    return service


def _env(name: str) -> dict[str, str]:
    return {key: str(value) for key, value in _service(name).get("environment", {}).items()}


def _command(name: str) -> str:
    service = _service(name)
    return " ".join([*service.get("entrypoint", ["marsad"]), *service.get("command", [])])


def _seconds(duration: str) -> float:
    match = re.fullmatch(r"(?:(\d+)m)?(?:(\d+)s)?", duration)
    assert match and duration, f"unexpected duration {duration!r}"
    return int(match.group(1) or 0) * 60 + int(match.group(2) or 0)


def _compose_client() -> list[str]:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True, check=False).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    assert legacy, "neither `docker compose` nor `docker-compose` is installed: run .ci/install-ops-tools"
    return [legacy]


def test_compose_config_validates_the_file() -> None:
    """`docker compose config` needs no engine; where the plugin is absent, docker-compose v1 validates instead."""
    client = _compose_client()
    result = subprocess.run(
        [*client, "--project-directory", str(support.ROOT), "-f", str(support.COMPOSE), "config", "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=support.ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_stack_has_every_service() -> None:
    assert set(_compose()["services"]) == {*MARSAD_SERVICES, "kafka", "prometheus", "grafana"}


@pytest.mark.parametrize("name", MARSAD_SERVICES)
def test_marsad_services_read_only_variables_that_the_settings_define(name: str) -> None:
    env = _env(name)
    unknown = sorted(set(env) - support.settings_env_names() - support.IMAGE_ONLY_VARIABLES)
    assert not unknown, f"{name}: not a settings variable: {unknown}"
    assert "KAFKA_BOOTSTRAP_SERVERS" in env
    support.settings_from(env)  # raises if a value does not validate


@pytest.mark.parametrize("name", MARSAD_SERVICES)
def test_marsad_services_use_the_contract_topics_and_the_built_image(name: str) -> None:
    env = _env(name)
    for variable, topic in support.topic_defaults().items():
        assert env.get(variable) == topic, f"{name}: {variable} is {env.get(variable)!r}, the contract says {topic}"
    service = _service(name)
    assert service["build"] == {"context": ".", "dockerfile": "deploy/Dockerfile"}
    assert service["image"] == "marsad:local"


def test_kafka_is_the_official_image_in_kraft_mode_at_the_version_of_the_local_broker() -> None:
    kafka = _service("kafka")
    pom = (support.DEPLOY / "kafka" / "pom.xml").read_text(encoding="utf-8")
    version = re.search(r"<kafka\.version>([^<]+)</kafka\.version>", pom)
    assert version and kafka["image"] == f"apache/kafka:{version.group(1)}"
    env = {key: str(value) for key, value in kafka["environment"].items()}
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert not any("ZOOKEEPER" in key for key in env)
    cluster_id = env["CLUSTER_ID"]  # Kafka's Uuid: 16 bytes as 22 characters of URL-safe base64, no padding
    assert len(cluster_id) == 22 and len(base64.urlsafe_b64decode(cluster_id + "==")) == 16
    advertised = dict(item.split("://", 1) for item in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    for name in MARSAD_SERVICES:
        assert _env(name)["KAFKA_BOOTSTRAP_SERVERS"] == advertised["PLAINTEXT"]
    settings = support.settings_from(_env("topics"))["Settings"]
    assert int(env["KAFKA_MESSAGE_MAX_BYTES"]) >= settings.max_message_bytes + 64 * 1024
    assert int(env["KAFKA_NUM_PARTITIONS"]) == settings.topic_partitions
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"  # `marsad topics` decides partitions and retention
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])


def test_start_order_kafka_healthy_then_topics_once_then_the_processes() -> None:
    topics = _service("topics")
    assert _command("topics") == "marsad topics"
    assert topics["depends_on"] == {"kafka": {"condition": "service_healthy"}}
    assert topics["restart"] == "no"
    for name in ("worker", "scraper", "gateway"):
        assert _service(name)["depends_on"] == {"topics": {"condition": "service_completed_successfully"}}


def test_worker_is_scalable_and_serves_metrics_where_prometheus_looks() -> None:
    worker = _service("worker")
    env = _env("worker")
    assert "ports" not in worker and "container_name" not in worker, "`--scale worker=N` needs no fixed host port"
    settings = support.settings_from(env)["Settings"]
    assert settings.worker_web_host == "0.0.0.0"
    assert [str(port) for port in worker["expose"]] == [str(settings.worker_web_port)]
    assert _command("worker").endswith("exec marsad worker")
    assert "MARSAD_WORKER_NAME" in _command("worker"), "each replica should name itself"
    url = urlsplit(env["MARSAD_HEALTHCHECK_URL"])
    assert url.port == settings.worker_web_port and url.path == "/readyz"


def test_worker_stop_grace_period_covers_faust_shutdown() -> None:
    grace = _seconds(_service("worker")["stop_grace_period"])
    assert grace >= support.shutdown_timeout_seconds() + 10


def test_scraper_serves_metrics_and_reads_a_valid_mounted_sources_file() -> None:
    from services.scraper.config import load_sources

    scraper = _service("scraper")
    settings = support.settings_from(_env("scraper"))["ScraperSettings"]
    assert settings.web_enabled and settings.web_host == "0.0.0.0"
    assert [str(port) for port in scraper["expose"]] == [str(settings.web_port)]
    command = scraper["command"]
    assert command[:2] == ["scrape", "--config"]
    mounts = support.compose_mounts(scraper)
    source = next(src for src, target in mounts.items() if target == command[2])
    assert source.startswith("./")
    assert load_sources(support.ROOT / source).sources
    state_dir = settings.state_path.rsplit("/", 1)[0]
    assert state_dir in mounts.values(), "the scraper's state should live on a volume"
    assert _seconds(scraper["stop_grace_period"]) >= settings.shutdown_grace + 5
    assert urlsplit(_env("scraper")["MARSAD_HEALTHCHECK_URL"]).port == settings.web_port


def test_gateway_publishes_its_port_and_leaves_the_token_unset() -> None:
    gateway = _service("gateway")
    env = _env("gateway")
    settings = support.settings_from(env)["GatewaySettings"]
    assert settings.host == "0.0.0.0" and settings.token is None
    assert gateway["ports"] == [f"{settings.port}:{settings.port}"]
    assert urlsplit(env["MARSAD_HEALTHCHECK_URL"]).port == settings.port
    assert _seconds(gateway["stop_grace_period"]) >= settings.publish_timeout


def test_prometheus_and_grafana_mount_the_repository_config() -> None:
    prometheus = _service("prometheus")
    assert support.compose_mounts(prometheus)["./deploy/prometheus"] == "/etc/prometheus"
    assert "--config.file=/etc/prometheus/prometheus.yml" in prometheus["command"]
    for source in (*support.compose_mounts(prometheus), *support.compose_mounts(_service("grafana"))):
        if source.startswith("./"):
            assert (support.ROOT / source).exists(), source
