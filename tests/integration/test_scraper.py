"""The scraper against a local Arabic news site (every fault of issue 5) and the real broker."""

from __future__ import annotations

import asyncio
import json
import signal
import time
import urllib.request
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from schemas.raw import RawArticle
from services.commands.subprocesses import http_status, spawn_marsad, stop_process, wait_http_ok
from services.kafkaio.topics import ensure_topics
from services.localkafka.config import free_port
from services.scraper.config import SourcesConfig, load_sources, parse_sources
from services.scraper.metrics import sample_total
from services.scraper.sample_site import serve_samples
from services.scraper.service import run_scraper
from services.scraper.settings import DEFAULT_USER_AGENT, ScraperSettings
from services.settings import Settings
from tests.integration import scraper_pages as p
from tests.integration.kafka_helpers import isolated_settings
from tests.integration.scraper_expected import expected_articles
from tests.integration.scraper_kafka import RawRecord, read_raw_topic
from tests.integration.scraper_site import Site, running_site

pytestmark = pytest.mark.integration


def _scraper_settings(state: Path, **overrides: object) -> ScraperSettings:
    values: dict[str, object] = {
        "state_path": str(state),
        "web_enabled": False,
        "per_host_interval": 0.0,
        "per_host_concurrency": 4,
        "connect_timeout": 2.0,
        "read_timeout": 0.5,
        "total_timeout": 3.0,
        "max_retries": 1,
        "backoff_base": 0.05,
        "max_response_bytes": 256 * 1024,
        "max_redirects": 3,
        "allow_private_networks": ["127.0.0.0/8"],  # the site; 10/8, 192.168/16, 169.254/16, ::1 stay refused
    }
    values.update(overrides)
    return ScraperSettings(**values)  # type: ignore[arg-type]


def _sources(site: Site, interval: int = 600) -> str:
    return f"""
[defaults]
poll_interval_seconds = {interval}

[[sources]]
name = "site-rss"
feeds = ["{site.url("/feeds/main.rss")}"]
poll_interval_seconds = {interval}

[[sources]]
name = "site-atom"
feeds = ["{site.url("/feeds/main.atom")}"]
sitemaps = ["{site.url("/sitemap.xml")}"]
poll_interval_seconds = {interval}

[[sources]]
name = "bad-feeds"
feeds = ["{site.url("/feeds/broken.rss")}", "{site.url("/feeds/bomb.rss")}", "{site.url("/feeds/private.rss")}"]
poll_interval_seconds = {interval}
"""


def _scrape_once(settings: Settings, scraper: ScraperSettings, config: SourcesConfig) -> CollectorRegistry:
    registry = CollectorRegistry()
    asyncio.run(run_scraper(settings, scraper, config, registry, asyncio.Event(), once=True))
    return registry


def _errors(registry: CollectorRegistry) -> dict[str, float]:
    return {
        s.labels["kind"]: s.value
        for family in registry.collect()
        for s in family.samples
        if s.name == "marsad_scraper_errors_total" and s.value
    }


EXPECTED_REFUSALS = {
    "http_4xx": 1,  # /news/missing.html -> 404, not retried
    "timeout": 1,  # /news/slow.html, after one retry
    "too_large": 1,  # /news/endless.html cut off at 256 KiB
    "too_many_redirects": 1,  # /loop/a <-> /loop/b
    "robots_disallowed": 1,  # /private/secret.html
    "content_type": 1,  # /news/photo.png
    "feed_malformed": 1,  # /feeds/broken.rss
    "xml_forbidden": 1,  # /feeds/bomb.rss (billion laughs)
    "ssrf_refused": 4,  # 10.0.0.7, 169.254.169.254, [::1], 192.168.1.1
    "scheme_refused": 1,  # file:///etc/passwd
}


def test_scraper_publishes_exact_articles_refuses_faults_and_never_republishes(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    settings = isolated_settings(kafka_bootstrap)
    asyncio.run(ensure_topics(settings))
    scraper = _scraper_settings(tmp_path / "state.sqlite3")
    with running_site() as site:
        config = parse_sources(_sources(site))
        first = _scrape_once(settings, scraper, config)
        records = asyncio.run(read_raw_topic(settings))

        expected = expected_articles(site)
        assert len(records) == len(expected) == 10
        got = {record.article.article_id: record.article for record in records}
        assert set(got) == set(expected)
        for article_id, article in got.items():
            assert article.model_dump(exclude={"fetched_at"}) == expected[article_id], article_id
        for record in records:
            assert record.key == record.article.article_id.encode()
            assert record.headers["marsad-source"] == record.article.source.encode()
            assert record.headers["marsad-channel"] == b"scraper"
            assert record.headers["marsad-page-content-type"] == (record.article.ingest.content_type or "").encode()
        chrome = next(a for a in got.values() if a.url and a.url.endswith("/news/chrome.html"))
        assert [noise for noise in p.CHROME_NOISE if noise in chrome.text] == []  # menus, ads, footer: gone

        assert _errors(first) == EXPECTED_REFUSALS
        assert sample_total(first, "marsad_scraper_articles_published_total") == 10
        assert sample_total(first, "marsad_scraper_robots_refusals_total") == 1
        assert sample_total(first, "marsad_scraper_retries_total", kind="page") == 2  # flaky 500, slow timeout
        assert sample_total(first, "marsad_scraper_fetches_total", kind="page", status="500") == 0  # retried to 200
        assert site.hits["/news/flaky.html"] == 2
        assert site.hits["/private/secret.html"] == 0
        assert site.cookies_received == 0  # the site sets a cookie on every answer; none is ever sent back
        assert site.user_agents == {DEFAULT_USER_AGENT}

        # A restart (new process state, same SQLite file) republishes nothing.
        second = _scrape_once(settings, scraper, config)
        assert sample_total(second, "marsad_scraper_articles_published_total") == 0
        assert sample_total(second, "marsad_scraper_fetches_total", kind="feed", outcome="not_modified") == 1  # atom
        assert sample_total(second, "marsad_scraper_duplicates_skipped_total", reason="not_modified") == 1  # visit
        assert sample_total(second, "marsad_scraper_duplicates_skipped_total", reason="unchanged") == 7  # no ETag
        assert _errors(second) == EXPECTED_REFUSALS
        assert len(asyncio.run(read_raw_topic(settings))) == 10

        # A changed page is republished once, under the same article_id, with the new hash.
        site.visit_paragraphs = (*p.VISIT_PARAGRAPHS, p.VISIT_UPDATE)
        third = _scrape_once(settings, scraper, config)
        assert sample_total(third, "marsad_scraper_articles_published_total") == 1
        records = asyncio.run(read_raw_topic(settings))
    assert len(records) == 11
    updated = records_by_id(records)
    visit_id = next(i for i, a in expected.items() if a["url"].endswith("/news/visit.html"))
    versions = updated[visit_id]
    assert len(versions) == 2 and versions[1].text.endswith(p.VISIT_UPDATE)
    assert versions[0].ingest.content_sha256 != versions[1].ingest.content_sha256


def records_by_id(records: list[RawRecord]) -> dict[str, list[RawArticle]]:
    grouped: dict[str, list[RawArticle]] = {}
    for article in sorted((record.article for record in records), key=lambda a: a.fetched_at):
        grouped.setdefault(article.article_id, []).append(article)
    return grouped


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_scrape_command_serves_metrics_and_stops_cleanly_on_signal(
    kafka_bootstrap: str, tmp_path: Path, signum: signal.Signals
) -> None:
    settings = isolated_settings(kafka_bootstrap)
    asyncio.run(ensure_topics(settings))
    port = free_port()
    with running_site() as site:
        config_path = tmp_path / "sources.toml"
        config_path.write_text(_sources(site, interval=3600), encoding="utf-8")
        env = {
            "KAFKA_BOOTSTRAP_SERVERS": kafka_bootstrap,
            "MARSAD_TOPIC_RAW": settings.topic_raw,
            "MARSAD_SCRAPER_STATE_PATH": str(tmp_path / "state.sqlite3"),
            "MARSAD_SCRAPER_WEB_PORT": str(port),
            "MARSAD_SCRAPER_READ_TIMEOUT": "0.5",
            "MARSAD_SCRAPER_MAX_RETRIES": "1",
            "MARSAD_SCRAPER_BACKOFF_BASE": "0.05",
            "MARSAD_SCRAPER_PER_HOST_INTERVAL": "0",
            "MARSAD_SCRAPER_MAX_RESPONSE_BYTES": str(256 * 1024),
            "MARSAD_SCRAPER_ALLOW_PRIVATE_NETWORKS": json.dumps(["127.0.0.0/8"]),
        }
        log_path = tmp_path / "scrape.log"
        process = spawn_marsad(["scrape", "--config", str(config_path)], env, log_path)
        try:
            base = f"http://127.0.0.1:{port}"
            assert wait_http_ok(f"{base}/readyz", 60, process), log_path.read_text(errors="replace")[-3000:]
            assert http_status(f"{base}/healthz") == 200
            metrics: dict[str, float] = {}
            for _ in range(240):  # bounded: until the three sources were polled once
                metrics = _metrics_from_http(f"{base}/metrics")
                if metrics.get("marsad_scraper_polls_total", 0) >= 3 or process.poll() is not None:
                    break
                time.sleep(0.25)
            assert metrics.get("marsad_scraper_articles_published_total") == 10
            assert metrics.get("marsad_scraper_ready") == 1
            process.send_signal(signum)
            assert process.wait(timeout=60) == 0
        finally:
            stop_process(process)
    log = log_path.read_text(errors="replace")
    assert "scrape: published 10," in log
    assert len(asyncio.run(read_raw_topic(settings))) == 10


def _metrics_from_http(url: str) -> dict[str, float]:
    """Metric name -> sum over its label sets, from the Prometheus text format."""
    totals: dict[str, float] = {}
    for line in urllib.request.urlopen(url, timeout=5).read().decode().splitlines():
        if line and not line.startswith("#"):
            name = line.split("{", 1)[0].split(" ", 1)[0]
            totals[name] = totals.get(name, 0.0) + float(line.rsplit(" ", 1)[1])
    return totals


def test_demo_sample_site_reaches_the_raw_topic(kafka_bootstrap: str, tmp_path: Path) -> None:
    """The path the demo shows: sample pages on a loopback site -> scraper -> raw topic."""
    samples = [(p.VISIT_TITLE, "\n".join(p.VISIT_PARAGRAPHS)), (p.FLAKY_TITLE, "\n".join(p.FLAKY_PARAGRAPHS))]
    settings = isolated_settings(kafka_bootstrap)
    asyncio.run(ensure_topics(settings))
    with serve_samples(samples) as sample_site:
        config = load_sources(sample_site.write_sources(tmp_path / "demo.toml"))
        registry = _scrape_once(settings, _scraper_settings(tmp_path / "state.sqlite3"), config)
    assert sample_total(registry, "marsad_scraper_articles_published_total") == 2
    texts = sorted(record.article.text for record in asyncio.run(read_raw_topic(settings)))
    assert texts == sorted(f"{title}\n{text}" for title, text in samples)
