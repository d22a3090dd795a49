"""deploy/kubernetes: kustomize builds base and overlay, and the manifests agree with the code's settings."""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.unit.ops import support

BUILDS = {"base": support.KUSTOMIZE_BASE, "overlay": support.KUSTOMIZE_OVERLAY}
PROCESSES = {"marsad-worker": "worker", "marsad-scraper": "scraper", "marsad-gateway": "gateway"}
SASL_FOR_KEDA = {"PLAIN": "plaintext", "SCRAM-SHA-256": "scram_sha256", "SCRAM-SHA-512": "scram_sha512"}


@functools.cache
def _build(path: Path) -> tuple[dict[str, Any], ...]:
    kubectl, kustomize = shutil.which("kubectl"), shutil.which("kustomize")
    command = [kubectl, "kustomize", str(path)] if kubectl else [kustomize or "kustomize", "build", str(path)]
    assert kubectl or kustomize, "neither kubectl nor kustomize is installed (see .ci/install-ops-tools)"
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return tuple(support.load_yaml_documents(result.stdout))


def _objects(build: str, kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for doc in _build(BUILDS[build]) if doc["kind"] == kind}


def _settings_env(build: str) -> dict[str, str]:
    (config,) = [doc for name, doc in _objects(build, "ConfigMap").items() if name.startswith("marsad-settings-")]
    return {key: str(value) for key, value in config["data"].items()}


def _settings(build: str) -> dict[str, Any]:
    return support.settings_from(_settings_env(build))


def _pod(build: str, deployment: str) -> dict[str, Any]:
    pod: dict[str, Any] = _objects(build, "Deployment")[deployment]["spec"]["template"]
    return pod


def _container(build: str, deployment: str) -> dict[str, Any]:
    containers = _pod(build, deployment)["spec"]["containers"]
    (container,) = [c for c in containers if c["name"] == PROCESSES[deployment]]
    assert isinstance(container, dict)
    return container


def _matches(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return all(labels.get(key) == value for key, value in selector.items())


@pytest.mark.parametrize("build", BUILDS)
def test_kustomize_builds_every_kind_needed(build: str) -> None:
    kinds = [doc["kind"] for doc in _build(BUILDS[build])]
    for kind, count in {
        "Deployment": 3,
        "Service": 3,
        "ServiceMonitor": 1,
        "ScaledObject": 1,
        "PodDisruptionBudget": 3,
        "PersistentVolumeClaim": 1,
        "ServiceAccount": 1,
    }.items():
        assert kinds.count(kind) == count, f"{build}: {kinds.count(kind)} {kind}, expected {count}"


@pytest.mark.parametrize("build", BUILDS)
def test_settings_configmap_and_secrets_hold_only_settings_variables_with_valid_values(build: str) -> None:
    env = _settings_env(build)
    names = support.settings_env_names()
    assert not sorted(set(env) - names), f"{build}: not settings variables: {sorted(set(env) - names)}"
    for secret in _objects(build, "Secret").values():
        assert not set(secret["data"]) - names, f"{build}: secret {secret['metadata']['name']}"
    _settings(build)  # every value validates
    for variable, topic in support.topic_defaults().items():
        assert env[variable] == topic
    assert env["MARSAD_WORKER_WEB_HOST"] == env["MARSAD_SCRAPER_WEB_HOST"] == env["MARSAD_GATEWAY_HOST"] == "0.0.0.0"


@pytest.mark.parametrize("build", BUILDS)
@pytest.mark.parametrize("deployment", PROCESSES)
def test_deployment_runs_the_right_command_with_probes_resources_and_no_root(build: str, deployment: str) -> None:
    pod = _pod(build, deployment)["spec"]
    container = _container(build, deployment)
    assert (
        container["args"][0] == {"worker": "worker", "scraper": "scrape", "gateway": "gateway"}[PROCESSES[deployment]]
    )
    assert pod["securityContext"]["runAsNonRoot"] is True and pod["securityContext"]["runAsUser"] != 0
    assert pod["securityContext"]["seccompProfile"]["type"] == "RuntimeDefault"
    assert pod["automountServiceAccountToken"] is False
    for each in [*pod.get("initContainers", []), *pod["containers"]]:
        resources = each["resources"]
        assert resources["requests"]["cpu"] and resources["requests"]["memory"] and resources["limits"]["memory"]
        security = each["securityContext"]
        assert security["allowPrivilegeEscalation"] is False and security["readOnlyRootFilesystem"] is True
        assert security["capabilities"]["drop"] == ["ALL"]
        assert each["image"].startswith(("marsad:", "registry.example.com/marsad/marsad:"))
        config_refs = [ref["configMapRef"]["name"] for ref in each.get("envFrom", []) if "configMapRef" in ref]
        assert config_refs and all(name in _objects(build, "ConfigMap") for name in config_refs)
        secrets = _objects(build, "Secret")
        for ref in each.get("envFrom", []):
            if "secretRef" in ref:
                assert ref["secretRef"].get("optional") or ref["secretRef"]["name"] in secrets
        env_names = {variable["name"] for variable in each.get("env", [])}
        assert env_names <= support.settings_env_names(), f"{deployment}: {env_names}"
    ports = {port["name"]: port["containerPort"] for port in container["ports"]}
    (port_name,) = ports
    assert container["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": port_name}
    assert container["startupProbe"]["httpGet"] == {"path": "/healthz", "port": port_name}
    assert container["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": port_name}
    settings = _settings(build)
    expected_port = {
        "worker": settings["Settings"].worker_web_port,
        "scraper": settings["ScraperSettings"].web_port,
        "gateway": settings["GatewaySettings"].port,
    }[PROCESSES[deployment]]
    assert ports[port_name] == expected_port, f"{deployment} listens on {expected_port}, declares {ports[port_name]}"


@pytest.mark.parametrize("build", BUILDS)
def test_worker_creates_topics_first_names_itself_and_leaves_replicas_to_keda(build: str) -> None:
    worker = _objects(build, "Deployment")["marsad-worker"]
    assert "replicas" not in worker["spec"], "KEDA owns the worker's replica count"
    rolling = worker["spec"]["strategy"]["rollingUpdate"]
    assert rolling == {"maxSurge": 0, "maxUnavailable": 1}, "a surge worker may get no partition and never be ready"
    pod = worker["spec"]["template"]["spec"]
    (init,) = pod["initContainers"]
    assert init["args"] == ["topics"]
    env = {variable["name"]: variable for variable in _container(build, "marsad-worker")["env"]}
    assert env["MARSAD_WORKER_NAME"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.name"
    data_dir = _settings(build)["Settings"].worker_data_dir
    mounts = {mount["mountPath"] for mount in _container(build, "marsad-worker")["volumeMounts"]}
    assert data_dir in mounts, "Faust's data dir must be writable with a read-only root filesystem"


@pytest.mark.parametrize("build", BUILDS)
def test_termination_grace_periods_cover_each_process_shutdown(build: str) -> None:
    settings = _settings(build)
    grace = {name: _pod(build, name)["spec"]["terminationGracePeriodSeconds"] for name in PROCESSES}
    assert grace["marsad-worker"] >= support.shutdown_timeout_seconds() + 10
    assert grace["marsad-scraper"] >= settings["ScraperSettings"].shutdown_grace + 10
    pre_stop = _container(build, "marsad-gateway")["lifecycle"]["preStop"]["exec"]["command"]
    assert pre_stop[0] == "sleep"
    assert grace["marsad-gateway"] >= int(pre_stop[1]) + settings["GatewaySettings"].publish_timeout + 5


@pytest.mark.parametrize("build", BUILDS)
def test_scraper_reads_its_sources_from_the_configmap_and_keeps_state_on_a_volume(build: str, tmp_path: Path) -> None:
    from services.scraper.config import load_sources

    deployment = _objects(build, "Deployment")["marsad-scraper"]
    assert deployment["spec"]["replicas"] == 1 and deployment["spec"]["strategy"]["type"] == "Recreate"
    container = _container(build, "marsad-scraper")
    config_path = container["args"][container["args"].index("--config") + 1]
    mounts = {mount["mountPath"]: mount for mount in container["volumeMounts"]}
    volumes = {volume["name"]: volume for volume in deployment["spec"]["template"]["spec"]["volumes"]}
    sources = volumes[mounts[config_path]["name"]]["configMap"]["name"]
    text = _objects(build, "ConfigMap")[sources]["data"][mounts[config_path]["subPath"]]
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    assert load_sources(path).sources
    state_dir = _settings(build)["ScraperSettings"].state_path.rsplit("/", 1)[0]
    assert "persistentVolumeClaim" in volumes[mounts[state_dir]["name"]]


@pytest.mark.parametrize("build", BUILDS)
def test_services_and_service_monitor_select_the_pods_and_match_prometheus_jobs(build: str) -> None:
    services = _objects(build, "Service")
    jobs = {job["job_name"] for job in support.load_yaml(support.PROMETHEUS_CONFIG)["scrape_configs"]}
    assert set(services) == set(PROCESSES) and set(PROCESSES) <= jobs, "job label = Service name = prometheus job"
    (monitor,) = _objects(build, "ServiceMonitor").values()
    (endpoint,) = monitor["spec"]["endpoints"]
    for name, service in services.items():
        pod = _pod(build, name)
        assert _matches(service["spec"]["selector"], pod["metadata"]["labels"]), name
        assert _matches(monitor["spec"]["selector"]["matchLabels"], service["metadata"]["labels"]), name
        ports = {port["name"]: port for port in service["spec"]["ports"]}
        assert endpoint["port"] in ports and endpoint["path"] == "/metrics", name
        container_ports = {port["name"] for port in _container(build, name)["ports"]}
        assert all(port["targetPort"] in container_ports for port in ports.values()), name


@pytest.mark.parametrize("build", BUILDS)
def test_disruption_budgets_cover_every_deployment(build: str) -> None:
    budgets = _objects(build, "PodDisruptionBudget")
    for name in PROCESSES:
        labels = _pod(build, name)["metadata"]["labels"]
        covering = [b for b in budgets.values() if _matches(b["spec"]["selector"]["matchLabels"], labels)]
        assert len(covering) == 1, name
    assert budgets["marsad-worker"]["spec"]["maxUnavailable"] == 1


@pytest.mark.parametrize("build", BUILDS)
def test_keda_scales_the_worker_on_its_group_lag_bounded_by_partitions(build: str) -> None:
    (scaled,) = _objects(build, "ScaledObject").values()
    settings = _settings(build)["Settings"]
    spec = scaled["spec"]
    assert spec["scaleTargetRef"]["name"] == "marsad-worker"
    assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] <= settings.topic_partitions
    (trigger,) = spec["triggers"]
    metadata = trigger["metadata"]
    assert trigger["type"] == "kafka"
    assert metadata["bootstrapServers"] == settings.kafka_bootstrap_servers
    assert metadata["consumerGroup"] == settings.worker_id, "Faust's app id is the consumer group"
    assert metadata["allowIdleConsumers"] == "false" and int(metadata["lagThreshold"]) > 0
    assert "topic" not in metadata, "lag of every topic the group reads (raw and normalized)"
    protocol = settings.kafka_security_protocol
    if protocol.startswith("SASL"):
        assert metadata["sasl"] == SASL_FOR_KEDA[str(settings.kafka_sasl_mechanism)]
    else:
        assert "sasl" not in metadata
    assert (metadata.get("tls") == "enable") == (protocol in ("SSL", "SASL_SSL"))
    if "authenticationRef" in trigger:
        auth = _objects(build, "TriggerAuthentication")[trigger["authenticationRef"]["name"]]
        secrets = _objects(build, "Secret")
        for ref in auth["spec"]["secretTargetRef"]:
            if ref["name"] in secrets:
                assert ref["key"] in secrets[ref["name"]]["data"], ref
            else:
                assert ref["name"] == "marsad-kafka-tls", f"unknown secret {ref['name']}"
    else:
        assert not protocol.startswith("SASL"), "SASL needs a TriggerAuthentication for KEDA"


def test_overlay_is_the_secured_example_documented_in_deploy_readme() -> None:
    settings = _settings("overlay")["Settings"]
    assert settings.kafka_security_protocol == "SASL_SSL" and settings.kafka_sasl_mechanism == "SCRAM-SHA-512"
    tls_mounts = {
        mount["mountPath"]
        for mount in _container("overlay", "marsad-worker")["volumeMounts"]
        if mount["name"] == "kafka-tls"
    }
    assert str(Path(str(settings.kafka_ssl_cafile)).parent) in tls_mounts
    (namespace,) = _objects("overlay", "Namespace").values()
    assert namespace["metadata"]["labels"]["pod-security.kubernetes.io/enforce"] == "restricted"
    assert all(
        doc["metadata"].get("namespace") == "marsad"
        for doc in _build(support.KUSTOMIZE_OVERLAY)
        if doc["kind"] not in ("Namespace",)
    )


# Custom resources have no schema in kubernetes-validate; their fields are checked by the tests above.
CUSTOM_KINDS = {"ScaledObject", "TriggerAuthentication", "ServiceMonitor"}
KUBERNETES_VERSION = "1.30.0"  # the oldest Kubernetes the manifests are meant for (deploy/README.md)


@pytest.mark.parametrize("build", BUILDS)
def test_built_in_kinds_validate_strictly_against_the_kubernetes_openapi_schemas(build: str) -> None:
    """kubernetes-validate ships the API's JSON schemas: unknown or misspelt fields fail (strict), offline."""
    import kubernetes_validate  # type: ignore[import-untyped]

    skipped = set()
    for doc in _build(BUILDS[build]):
        try:
            kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
        except kubernetes_validate.SchemaNotFoundError:
            skipped.add(doc["kind"])
        except kubernetes_validate.ValidationError as exc:
            pytest.fail(f"{build}: {doc['kind']}/{doc['metadata']['name']}: {exc.message} at {list(exc.path)}")
    assert skipped <= CUSTOM_KINDS, f"{build}: no schema for {sorted(skipped - CUSTOM_KINDS)}"
