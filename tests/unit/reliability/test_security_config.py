"""SASL/SCRAM and TLS from settings to the clients; secrets never in reprs; metric labels bounded by design."""

from __future__ import annotations

import ssl
from typing import Any

import faust
import pytest
from faust.transport.drivers.aiokafka import credentials_to_aiokafka_auth
from prometheus_client import CollectorRegistry

from services.kafkaio.client import aiokafka_options, faust_credentials
from services.settings import Settings
from services.worker.app import build_app
from services.worker.metrics import WorkerMetrics

SECRET = "s3cr3t-Pa55-do-not-log"


def _settings(**values: object) -> Settings:
    return Settings(kafka_bootstrap_servers="broker-1:9093,broker-2:9093", **values)  # type: ignore[arg-type]


def _scram_tls() -> Settings:
    return _settings(
        kafka_security_protocol="SASL_SSL",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="marsad",
        kafka_sasl_password=SECRET,
    )


def test_scram_over_tls_options_for_aiokafka() -> None:
    options = aiokafka_options(_scram_tls())
    assert options["bootstrap_servers"] == "broker-1:9093,broker-2:9093"
    assert options["security_protocol"] == "SASL_SSL"
    assert options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("marsad", SECRET)
    context = options["ssl_context"]
    assert isinstance(context, ssl.SSLContext)
    assert context.verify_mode is ssl.CERT_REQUIRED and context.check_hostname


def test_scram_over_tls_reaches_faust_consumer_and_producer() -> None:
    settings = _scram_tls()
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    auth = credentials_to_aiokafka_auth(credentials)  # what Faust passes to its aiokafka consumer
    assert auth["security_protocol"] == "SASL_SSL" and auth["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (auth["sasl_plain_username"], auth["sasl_plain_password"]) == ("marsad", SECRET)
    assert isinstance(auth["ssl_context"], ssl.SSLContext)
    app = build_app(settings, CollectorRegistry())
    configured = app.conf.broker_credentials
    assert isinstance(configured, faust.SASLCredentials)
    assert (configured.username, configured.password) == ("marsad", SECRET)
    producer: Any = app.producer  # Faust's aiokafka Producer; _settings_auth() is what it passes to aiokafka
    producer_auth = producer._settings_auth()
    assert producer_auth["security_protocol"] == "SASL_SSL"
    assert producer_auth["sasl_mechanism"] == "SCRAM-SHA-512"


def test_scram_without_tls_and_tls_without_sasl() -> None:
    plain = _settings(
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="SCRAM-SHA-256",
        kafka_sasl_username="u",
        kafka_sasl_password=SECRET,
    )
    assert "ssl_context" not in aiokafka_options(plain)
    assert credentials_to_aiokafka_auth(faust_credentials(plain))["security_protocol"] == "SASL_PLAINTEXT"
    tls = _settings(kafka_security_protocol="SSL")
    assert isinstance(faust_credentials(tls), faust.SSLCredentials)
    assert aiokafka_options(tls)["security_protocol"] == "SSL"
    assert faust_credentials(_settings()) is None


@pytest.mark.parametrize("missing", ["kafka_sasl_mechanism", "kafka_sasl_username", "kafka_sasl_password"])
def test_incomplete_sasl_settings_fail_at_start(missing: str) -> None:
    values: dict[str, object] = {
        "kafka_security_protocol": "SASL_SSL",
        "kafka_sasl_mechanism": "SCRAM-SHA-512",
        "kafka_sasl_username": "marsad",
        "kafka_sasl_password": SECRET,
    }
    del values[missing]
    with pytest.raises(ValueError, match="SASL needs"):
        aiokafka_options(_settings(**values))


def test_the_password_never_appears_in_settings_reprs_or_dumps() -> None:
    settings = _scram_tls()
    for text in (repr(settings), str(settings), settings.model_dump_json(), repr(settings.model_dump())):
        assert SECRET not in text


FORBIDDEN_LABELS = {"article_id", "event_id", "url", "source", "key", "offset", "message", "worker"}
ALLOWED_LABELS = {"stage", "output", "reason", "event_type", "topic", "partition"}


def test_metric_labels_are_bounded_sets() -> None:
    metrics = WorkerMetrics.create(CollectorRegistry())
    names: set[str] = set()
    for metric in vars(metrics).values():
        names.update(getattr(metric, "_labelnames", ()))
    assert names <= ALLOWED_LABELS and not names & FORBIDDEN_LABELS
