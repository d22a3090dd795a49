"""The ingest gateway as a real process over real HTTP, publishing to the real broker."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from schemas.raw import IngestMetadata, RawArticle
from services.commands.subprocesses import spawn_marsad, stop_process, wait_http_ok
from services.kafkaio.topics import ensure_topics
from services.localkafka.config import free_port
from services.settings import Settings
from tests.integration.kafka_helpers import isolated_settings
from tests.integration.scraper_kafka import read_raw_topic

pytestmark = pytest.mark.integration

TOKEN = "test-token-7f3a9c"  # not a secret: a test value
MAX_BODY = 64 * 1024
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@dataclass
class Gateway:
    settings: Settings
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def post(self, body: bytes, headers: dict[str, str] | None = None) -> httpx.Response:
        sent = {"Content-Type": "application/json", **AUTH, **(headers or {})}
        return httpx.post(f"{self.base}/articles", content=body, headers=sent, timeout=30)


@pytest.fixture(scope="module")
def gateway(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gateway]:
    settings = isolated_settings(kafka_bootstrap)
    asyncio.run(ensure_topics(settings))
    port = free_port()
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
        "MARSAD_TOPIC_RAW": settings.topic_raw,
        "MARSAD_GATEWAY_TOKEN": TOKEN,
        "MARSAD_GATEWAY_MAX_BODY_BYTES": str(MAX_BODY),
        "MARSAD_GATEWAY_MAX_BATCH": "5",
    }
    log_path = tmp_path_factory.mktemp("gateway") / "gateway.log"
    process = spawn_marsad(["gateway", "--host", "127.0.0.1", "--port", str(port)], env, log_path)
    try:
        assert wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, process), log_path.read_text(errors="replace")
        yield Gateway(settings, process, port, log_path)
    finally:
        stop_process(process)


def article(article_id: str, text: str = "وصل وزير الخارجية إلى العاصمة في زيارة رسمية.") -> dict[str, Any]:
    raw = RawArticle(
        article_id=article_id,
        url=f"https://example.org/news/{article_id}",
        source="upstream-wire",
        title="زيارة رسمية",
        text=text,
        published_at=datetime(2026, 11, 10, 7, 0, tzinfo=UTC),
        fetched_at=datetime(2026, 11, 10, 7, 5, tzinfo=UTC),
        ingest=IngestMetadata(channel="gateway", agent="wire-pusher/2.1"),
    )
    return raw.model_dump(mode="json", exclude_none=True)


def dumps(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def metrics(gateway: Gateway) -> dict[tuple[str, str], float]:
    """(outcome, status) -> marsad_gateway_requests_total."""
    found: dict[tuple[str, str], float] = {}
    for line in urllib.request.urlopen(f"{gateway.base}/metrics", timeout=5).read().decode().splitlines():
        if line.startswith("marsad_gateway_requests_total{"):
            labels = dict(part.split("=", 1) for part in line[line.index("{") + 1 : line.index("}")].split(","))
            found[(labels["outcome"].strip('"'), labels["status"].strip('"'))] = float(line.rsplit(" ", 1)[1])
    return found


def test_single_and_batch_are_published_exactly(gateway: Gateway) -> None:
    one = article("gw-single-1")
    batch = [article(f"gw-batch-{i}", f"نص الخبر رقم {i} عن محادثات السلام.") for i in range(3)]
    single = gateway.post(dumps(one))
    assert single.status_code == 202, single.text
    assert single.json() == {"accepted": 1, "article_ids": ["gw-single-1"]}
    many = gateway.post(dumps(batch), {"Content-Type": "application/json; charset=utf-8"})
    assert many.status_code == 202, many.text
    assert many.json() == {"accepted": 3, "article_ids": ["gw-batch-0", "gw-batch-1", "gw-batch-2"]}

    records = [r for r in asyncio.run(read_raw_topic(gateway.settings)) if r.article.article_id.startswith("gw-")]
    by_id = {record.article.article_id: record for record in records}
    assert sorted(by_id) == ["gw-batch-0", "gw-batch-1", "gw-batch-2", "gw-single-1"]
    assert len(records) == 4
    for sent in [one, *batch]:
        record = by_id[sent["article_id"]]
        assert record.article == RawArticle.model_validate(sent)
        assert record.key == sent["article_id"].encode()
        assert record.headers["marsad-channel"] == b"gateway"
        assert record.headers["marsad-source"] == b"upstream-wire"


def test_invalid_bodies_get_field_level_400_and_publish_nothing(gateway: Gateway) -> None:
    missing = article("bad-missing")
    del missing["text"], missing["fetched_at"]
    wrong_channel = article("bad-channel")
    wrong_channel["ingest"]["channel"] = "carrier-pigeon"
    cases: list[tuple[bytes, list[tuple[int | None, str, str]]]] = [
        (b'{"article_id": "bad-json", "text": ', [(None, "", "json_invalid")]),
        (b"\xff\xfe not utf-8", [(None, "", "json_invalid")]),
        (dumps(missing), [(None, "text", "missing"), (None, "fetched_at", "missing")]),
        (dumps([article("bad-batch-ok"), wrong_channel]), [(1, "ingest.channel", "literal_error")]),
        (dumps({**article("bad-extra"), "colour": "blue"}), [(None, "colour", "extra_forbidden")]),
        (dumps("just a string"), [(None, "", "body_type")]),
        (dumps([]), [(None, "", "batch_size")]),
        (dumps([article(f"bad-too-many-{i}") for i in range(6)]), [(None, "", "batch_size")]),
    ]
    for body, expected in cases:
        response = gateway.post(body)
        assert response.status_code == 400, (body[:60], response.text)
        answer = response.json()
        assert answer["error"] == "invalid_body"
        assert [(e["index"], e["loc"], e["type"]) for e in answer["errors"]] == expected, body[:60]
    published = {r.article.article_id for r in asyncio.run(read_raw_topic(gateway.settings))}
    assert not {i for i in published if i.startswith("bad-")}  # not even the valid half of the bad batch


def test_auth_and_media_type(gateway: Gateway) -> None:
    body = dumps(article("auth-probe"))
    assert gateway.post(body, {"Authorization": ""}).status_code == 401
    wrong = gateway.post(body, {"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"].startswith("Bearer")
    assert gateway.post(body, {"Content-Type": "text/plain"}).status_code == 415
    assert httpx.get(f"{gateway.base}/articles", timeout=10).status_code == 405


def test_oversized_bodies_are_refused_while_reading(gateway: Gateway) -> None:
    huge = dumps(article("too-big", "كلمة " * MAX_BODY))
    declared = gateway.post(huge)
    assert declared.status_code == 413 and declared.json()["error"] == "too_large"
    # Chunked, never finished: the answer comes once the limit is passed, before the body ends.
    head = (
        f"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {TOKEN}\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunk = b"[" + b" " * 16383
    with socket.create_connection(("127.0.0.1", gateway.port), timeout=20) as conn:
        conn.sendall(head)
        for _ in range(MAX_BODY // len(chunk) + 1):  # just past the limit; the end is never sent
            conn.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        status_line = conn.recv(4096).split(b"\r\n", 1)[0]
    assert status_line == b"HTTP/1.1 413 Request Entity Too Large"
    # A declared length far beyond the limit is refused from the headers alone (only 10 bytes ever sent).
    with socket.create_connection(("127.0.0.1", gateway.port), timeout=20) as conn:
        conn.sendall(
            f"POST /articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {TOKEN}\r\n".encode()
            + b'Content-Type: application/json\r\nContent-Length: 10000000000\r\n\r\n[{"a": 1}]'
        )
        assert conn.recv(4096).split(b"\r\n", 1)[0] == b"HTTP/1.1 413 Request Entity Too Large"
    assert gateway.post(dumps(article("after-413"))).status_code == 202  # still serving


def test_ops_endpoints_and_metrics(gateway: Gateway) -> None:
    assert httpx.get(f"{gateway.base}/healthz", timeout=10).json() == {"status": "alive"}
    assert httpx.get(f"{gateway.base}/readyz", timeout=10).json() == {"ready": True}
    before = metrics(gateway)
    gateway.post(b"{")
    gateway.post(dumps(article("metrics-probe")))
    after = metrics(gateway)
    assert after[("invalid", "400")] == before.get(("invalid", "400"), 0) + 1
    assert after[("accepted", "202")] == before.get(("accepted", "202"), 0) + 1


def test_sigterm_stops_cleanly(kafka_bootstrap: str, tmp_path: Path) -> None:
    settings = isolated_settings(kafka_bootstrap)
    asyncio.run(ensure_topics(settings))
    port = free_port()
    env = {"KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap, "MARSAD_TOPIC_RAW": settings.topic_raw}
    process = spawn_marsad(["gateway", "--port", str(port)], env, tmp_path / "gateway.log")
    try:
        assert wait_http_ok(f"http://127.0.0.1:{port}/readyz", 60, process)
        open_access = httpx.post(
            f"http://127.0.0.1:{port}/articles",
            content=dumps(article("no-token-needed")),
            timeout=30,
            headers={"Content-Type": "application/json"},
        )
        assert open_access.status_code == 202  # no MARSAD_GATEWAY_TOKEN: no auth
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        stop_process(process)
    assert [r.article.article_id for r in asyncio.run(read_raw_topic(settings))] == ["no-token-needed"]
