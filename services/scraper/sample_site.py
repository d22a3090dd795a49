"""A loopback news site for the demo: serves sample articles as Arabic HTML pages plus an RSS feed, and writes
the sources file that points the scraper at it (page -> scraper -> raw topic -> worker -> events).

    with serve_samples([("عنوان", "نص ..."), ...]) as site:
        site.write_sources(path)   # then: MARSAD_SCRAPER_ALLOW_PRIVATE_NETWORKS='["127.0.0.0/8"]'
                                   #       marsad scrape --config path --once
"""

from __future__ import annotations

import html
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

ALLOW_LOOPBACK_ENV = {"MARSAD_SCRAPER_ALLOW_PRIVATE_NETWORKS": '["127.0.0.0/8"]'}


@dataclass(frozen=True)
class SampleSite:
    base_url: str
    source: str

    @property
    def feed_url(self) -> str:
        return f"{self.base_url}/feed.rss"

    def write_sources(self, path: Path, poll_interval_seconds: int = 60) -> Path:
        path.write_text(
            f'[[sources]]\nname = "{self.source}"\nfeeds = ["{self.feed_url}"]\n'
            f"poll_interval_seconds = {poll_interval_seconds}\n",
            encoding="utf-8",
        )
        return path


def render_page(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
        f"</head><body><nav><a href='/'>الرئيسية</a></nav><article><h1>{html.escape(title)}</h1>{paragraphs}"
        f"</article><footer>موقع تجريبي</footer></body></html>"
    ).encode()


def render_feed(base_url: str, titles: Sequence[str]) -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{base_url}/news/{n}.html</link></item>"
        for n, title in enumerate(titles)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


@contextmanager
def serve_samples(articles: Sequence[tuple[str, str]], source: str = "demo-site") -> Iterator[SampleSite]:
    """Serve (title, text) pairs on 127.0.0.1 (a free port) until the block ends."""
    bodies: dict[str, tuple[str, bytes]] = {
        f"/news/{n}.html": ("text/html; charset=utf-8", render_page(title, text))
        for n, (title, text) in enumerate(articles)
    }
    bodies["/robots.txt"] = ("text/plain", b"User-agent: *\nAllow: /\n")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            content_type, body = bodies.get(self.path, ("text/plain", b"not found"))
            self.send_response(200 if self.path in bodies else 404)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site = SampleSite(f"http://127.0.0.1:{server.server_address[1]}", source)
    bodies["/feed.rss"] = ("application/rss+xml", render_feed(site.base_url, [title for title, _ in articles]))
    thread = threading.Thread(target=server.serve_forever, name="sample-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
