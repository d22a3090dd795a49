"""Settings from the environment, and the Kafka client options (TLS, SASL/SCRAM) built from them."""

from __future__ import annotations

import socket

import faust
import pytest

from services.kafkaio.client import aiokafka_options, faust_credentials
from services.settings import Settings


def test_conventional_bootstrap_variable_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092")
    monkeypatch.setenv("MARSAD_TOPIC_PARTITIONS", "12")
    settings = Settings()
    assert settings.kafka_bootstrap_servers == "kafka-1:9092,kafka-2:9092"
    assert settings.topic_partitions == 12


def test_worker_settings_for_operators(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_WORKER_NAME", raising=False)
    assert Settings().worker_name == socket.gethostname()  # the pod's name in Kubernetes
    monkeypatch.setenv("MARSAD_WORKER_NAME", "worker-7")
    monkeypatch.setenv("MARSAD_STAGE_TIMEOUT_SECONDS", "2.5")
    monkeypatch.setenv("MARSAD_WORKER_MAX_IN_FLIGHT", "8")
    monkeypatch.setenv("MARSAD_TOPIC_NORMALIZED_INPUT", "partner.normalized")
    settings = Settings()
    assert (settings.worker_name, settings.stage_timeout_seconds, settings.worker_max_in_flight) == ("worker-7", 2.5, 8)
    assert settings.topic_normalized_input == "partner.normalized"
    with pytest.raises(ValueError, match="must differ from topic_normalized"):
        Settings(topic_normalized_input=Settings().topic_normalized)
    with pytest.raises(ValueError):
        Settings(worker_max_in_flight=0)
    with pytest.raises(ValueError):
        Settings(stage_timeout_seconds=0)


def test_missing_bootstrap_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="KAFKA_BOOTSTRAP_SERVERS is not set"):
        aiokafka_options(Settings(kafka_bootstrap_servers=""))


def test_plaintext_options_have_no_api_version() -> None:
    options = aiokafka_options(Settings(kafka_bootstrap_servers="k:9092"))
    assert options == {"bootstrap_servers": "k:9092", "security_protocol": "PLAINTEXT"}
    assert faust_credentials(Settings(kafka_bootstrap_servers="k:9092")) is None


def test_sasl_scram_is_wired_to_aiokafka_and_faust() -> None:
    settings = Settings(
        kafka_bootstrap_servers="k:9093",
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="SCRAM-SHA-512",
        kafka_sasl_username="marsad",
        kafka_sasl_password="s3cret",
    )
    options = aiokafka_options(settings)
    assert options["sasl_mechanism"] == "SCRAM-SHA-512"
    assert (options["sasl_plain_username"], options["sasl_plain_password"]) == ("marsad", "s3cret")
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    assert "s3cret" not in repr(settings)


def test_sasl_without_credentials_is_refused() -> None:
    settings = Settings(kafka_bootstrap_servers="k:9093", kafka_security_protocol="SASL_SSL")
    with pytest.raises(ValueError, match="SASL needs"):
        aiokafka_options(settings)


def test_tls_builds_an_ssl_context() -> None:
    settings = Settings(kafka_bootstrap_servers="k:9093", kafka_security_protocol="SSL")
    assert "ssl_context" in aiokafka_options(settings)
    assert isinstance(faust_credentials(settings), faust.SSLCredentials)
