"""The generated single-node KRaft configuration."""

from __future__ import annotations

from pathlib import Path

from services.localkafka.config import free_port, server_properties
from services.localkafka.jars import POM, kafka_version


def test_combined_node_on_loopback() -> None:
    text = server_properties(Path("/data/kraft"), 19092, 19093, 16 * 1024 * 1024)
    props = dict(line.split("=", 1) for line in text.splitlines())
    assert props["process.roles"] == "broker,controller"
    assert props["controller.quorum.voters"] == "1@127.0.0.1:19093"
    assert props["listeners"] == "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093"
    assert props["offsets.topic.replication.factor"] == "1" and props["offsets.topic.num.partitions"] == "1"
    assert int(props["log.cleaner.dedupe.buffer.size"]) >= 1024 * 1024
    assert props["message.max.bytes"] == str(16 * 1024 * 1024)


def test_free_ports_are_distinct_and_unprivileged() -> None:
    ports = {free_port() for _ in range(5)}
    assert len(ports) >= 4 and all(port > 1024 for port in ports)


def test_pom_pins_kafka_4_and_a_logging_backend() -> None:
    assert kafka_version().startswith("4.")
    pom = POM.read_text(encoding="utf-8")
    for artifact in ("kafka_2.13", "log4j-slf4j-impl", "log4j-core", "log4j-api"):
        assert f"<artifactId>{artifact}</artifactId>" in pom
