"""SASL/SCRAM for real: a broker with a SCRAM listener, a worker that authenticates with the password from
settings; the password appears in no log line (at DEBUG) and no metric; metric labels stay bounded."""

from __future__ import annotations

import asyncio
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import KafkaError
from pydantic import SecretStr

from services.kafkaio.client import aiokafka_options
from services.kafkaio.topics import ensure_topics
from services.localkafka import LocalBroker
from services.settings import Settings
from tests.integration.kafka_helpers import isolated_settings, send_raw
from tests.integration.reliability.harness import Workers, articles, report, wait_for_outputs

pytestmark = pytest.mark.integration

SECRET = "Scram-Secret-4d1f9e"
USER = "marsad"
ARTICLES = 40


@pytest.fixture
def scram_broker(tmp_path: Path) -> Iterator[LocalBroker]:
    broker = LocalBroker(data_dir=tmp_path / "broker", heap_mb=384, scram_users={USER: SECRET})
    broker.start()
    try:
        yield broker
    finally:
        broker.stop()


async def _can_list_topics(settings: Settings) -> bool:
    admin = AIOKafkaAdminClient(**aiokafka_options(settings), request_timeout_ms=5000)
    try:
        await admin.start()
        await admin.list_topics()
        return True
    except KafkaError:
        return False
    finally:
        await admin.close()


def test_worker_over_sasl_scram_without_leaking_the_password(scram_broker: LocalBroker, tmp_path: Path) -> None:
    sasl = {
        "kafka_security_protocol": "SASL_PLAINTEXT",
        "kafka_sasl_mechanism": "SCRAM-SHA-512",
        "kafka_sasl_username": USER,
    }
    settings = isolated_settings(scram_broker.sasl_bootstrap, partitions=2, **sasl, kafka_sasl_password=SECRET)
    wrong = settings.model_copy(update={"kafka_sasl_password": SecretStr("wrong")})
    assert asyncio.run(_can_list_topics(settings))
    assert not asyncio.run(_can_list_topics(wrong)), "the SCRAM listener accepted a wrong password"
    run = uuid.uuid4().hex[:6]
    messages: list[tuple[bytes | None, bytes | None]] = [*articles(run, ARTICLES)]
    messages += [(b"bad-1", b"{not json"), (f"https://example.com/{run}".encode(), b"")]
    asyncio.run(ensure_topics(settings))
    asyncio.run(send_raw(settings, messages))
    env = {
        "MARSAD_KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "MARSAD_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "MARSAD_KAFKA_SASL_USERNAME": USER,
        "MARSAD_KAFKA_SASL_PASSWORD": SECRET,
        "MARSAD_LOG_LEVEL": "DEBUG",
    }
    pool = Workers(settings, tmp_path)
    try:
        worker = pool.start("worker", extra_env=env)
        out = wait_for_outputs(settings, lambda o: o.accounted >= len(messages), 120, [worker])
        metrics = worker.get("/metrics")
        health = worker.get("/readyz")
    finally:
        pool.stop_all()
    log = worker.log_tail(100_000_000)
    assert out.accounted == len(messages) and len(out.normalized_ids) == ARTICLES
    assert SECRET not in log and SECRET not in metrics and SECRET not in health
    # Bounded labels: no article id, key or URL is a label value; a handful of series per family.
    assert run not in metrics and "example.com" not in metrics
    series = [line for line in metrics.splitlines() if line.startswith("marsad_") and "{" in line]
    families = {line.split("{", 1)[0] for line in series}
    label_values = set(re.findall(r'="([^"]*)"', "\n".join(series)))
    assert len(series) <= 60 * len(families)
    report(
        "sasl_scram",
        articles=ARTICLES,
        log_bytes=len(log),
        metric_series=len(series),
        metric_families=len(families),
        distinct_label_values=len(label_values),
        broker_start_seconds=round(scram_broker.start_seconds, 1),
    )
