"""Scraper throughput: `python -m bench.scrape_bench [--pages N] [--per-host N] [--no-kafka] [--json PATH]`.

Serves N generated Arabic article pages (~5 KB of HTML each, nav/aside/footer chrome included) and an RSS
feed listing them from a threaded HTTP server on 127.0.0.1, then times one scraper round over the feed:
fetch (httpx, robots.txt, SSRF check), decode, trafilatura + htmldate extraction, content hash, SQLite state
and publishing with acks=all to a real broker (KAFKA_BOOTSTRAP_SERVERS, else a local one is started).
`--no-kafka` replaces the producer by a no-op, isolating the fetch + extract part. Politeness is relaxed
(no per-host interval, `--per-host` requests in flight) because every page lives on one host.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from prometheus_client import CollectorRegistry

from schemas.raw import RawArticle
from services.scraper.agent import ScrapeAgent
from services.scraper.config import parse_sources
from services.scraper.metrics import ScraperMetrics, sample_total
from services.scraper.service import run_scraper
from services.scraper.settings import ScraperSettings
from services.scraper.wiring import scraper_parts
from services.settings import Settings

SENTENCES = (
    "استقبل وزير الخارجية نظيره في مقر الوزارة وبحث الجانبان تعزيز العلاقات الثنائية.",
    "وأكد الطرفان أهمية التنسيق بشأن القضايا الإقليمية وحل الخلافات بالطرق الدبلوماسية.",
    "ومن المقرر أن يوقع البلدان مذكرة تفاهم للتعاون في مجالي الطاقة والنقل خلال الزيارة.",
    "وقال المتحدث الرسمي إن المحادثات جرت في أجواء إيجابية وبناءة.",
)


def _page(n: int) -> bytes:
    paragraphs = "".join(f"<p>{SENTENCES[(n + i) % 4]} ({n}-{i})</p>" for i in range(12))
    chrome = "".join(f"<li><a href='/s/{i}'>قسم {i}</a></li>" for i in range(20))
    return (
        f"<html lang='ar'><head><title>خبر {n}</title></head><body><nav><ul>{chrome}</ul></nav>"
        f"<article><h1>خبر رقم {n}</h1>{paragraphs}</article><aside>{chrome}</aside>"
        f"<footer>جميع الحقوق محفوظة</footer></body></html>"
    ).encode()


def _feed(base: str, pages: int) -> bytes:
    items = "".join(
        f"<item><title>خبر {n}</title><link>{base}/news/{n}.html</link>"
        f"<pubDate>Tue, 10 Nov 2026 09:00:00 +0300</pubDate></item>"
        for n in range(pages)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


@contextmanager
def _site(pages: int) -> Iterator[str]:
    bodies: dict[str, bytes] = {f"/news/{n}.html": _page(n) for n in range(pages)}
    bodies["/robots.txt"] = b"User-agent: *\nAllow: /\n"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = bodies.get(self.path)
            kind = "application/rss+xml" if self.path == "/feed.rss" else "text/html; charset=utf-8"
            status = 200 if body is not None else 404
            body = body if body is not None else b"missing"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    bodies["/feed.rss"] = _feed(base, pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


class _NullPublisher:
    async def publish(self, article: RawArticle) -> None:
        return None


def _settings(state: Path, per_host: int) -> ScraperSettings:
    return ScraperSettings(
        state_path=str(state),
        web_enabled=False,
        per_host_interval=0.0,
        per_host_concurrency=per_host,
        concurrency=max(per_host, 16),
        allow_private_networks=["127.0.0.0/8"],
    )


async def _round(base: str, pages: int, scraper: ScraperSettings, settings: Settings | None) -> CollectorRegistry:
    config = parse_sources(f'[[sources]]\nname = "bench"\nfeeds = ["{base}/feed.rss"]\nmax_articles_per_poll = {pages}')
    registry = CollectorRegistry()
    if settings is not None:
        await run_scraper(settings, scraper, config, registry, asyncio.Event(), once=True)
        return registry
    metrics = ScraperMetrics.create(registry)
    async with scraper_parts(scraper, metrics, _NullPublisher()) as parts:
        await ScrapeAgent(config, parts).run_once()
    return registry


def run(pages: int, per_host: int, kafka: bool) -> dict[str, object]:
    with _site(pages) as base, tempfile.TemporaryDirectory() as tmp, _broker(kafka, Path(tmp)) as settings:
        scraper = _settings(Path(tmp) / "state.sqlite3", per_host)
        started = time.perf_counter()
        registry = asyncio.run(_round(base, pages, scraper, settings))
        elapsed = time.perf_counter() - started
    published = sample_total(registry, "marsad_scraper_articles_published_total")
    errors = sample_total(registry, "marsad_scraper_errors_total")
    return {
        "pages": pages,
        "published": int(published),
        "errors": int(errors),
        "seconds": round(elapsed, 3),
        "pages_per_second": round(pages / elapsed, 1),
        "per_host_concurrency": per_host,
        "kafka": kafka,
        "cpus": os.cpu_count(),
    }


@contextmanager
def _broker(kafka: bool, tmp: Path) -> Iterator[Settings | None]:
    if not kafka:
        yield None
        return
    from services.kafkaio.topics import ensure_topics
    from services.localkafka import kafka_broker

    with kafka_broker(os.environ.get("KAFKA_BOOTSTRAP_SERVERS", ""), tmp / "kafka") as bootstrap:
        settings = Settings(kafka_bootstrap_servers=bootstrap, topic_raw=f"bench.raw.{int(time.time())}")
        asyncio.run(ensure_topics(settings))
        yield settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--per-host", type=int, default=8, help="requests in flight to the one host")
    parser.add_argument("--no-kafka", action="store_true", help="no-op publisher: fetch + extract only")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    report = run(args.pages, args.per_host, not args.no_kafka)
    print(json.dumps(report, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0 if report["published"] == args.pages and report["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
