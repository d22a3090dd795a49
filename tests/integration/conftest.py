"""The real local Kafka broker for the whole session (or the one named by KAFKA_BOOTSTRAP_SERVERS)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from services.localkafka import kafka_broker


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with kafka_broker(os.environ.get("KAFKA_BOOTSTRAP_SERVERS", ""), tmp_path_factory.mktemp("kafka")) as bootstrap:
        yield bootstrap
