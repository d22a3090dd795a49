"""A local news site on 127.0.0.1 for the scraper tests: feeds, Arabic pages and every fault the issue lists."""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.integration import scraper_pages as p

FEED_DATE = "Tue, 10 Nov 2026 09:{:02d}:00 +0300"
Route = Callable[["Handler"], None]


class Site:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.closing = threading.Event()
        self.visit_paragraphs: tuple[str, ...] = p.VISIT_PARAGRAPHS
        self.base = ""
        self.cookies_received = 0
        self.user_agents: set[str] = set()

    def url(self, path: str) -> str:
        return f"{self.base}{path}"


class Handler(BaseHTTPRequestHandler):
    site: Site
    routes: dict[str, Route]

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        self.site.hits[path] += 1
        self.site.cookies_received += "Cookie" in self.headers
        self.site.user_agents.add(self.headers.get("User-Agent", ""))
        route = self.routes.get(path)
        try:
            if route is None:
                self.send(404, "text/html; charset=utf-8", "<h1>الصفحة غير موجودة</h1>".encode())
            else:
                route(self)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the scraper gave up (timeout, size limit): expected

    def send(self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Set-Cookie", "session=secret-from-site; Path=/")  # must never be sent back
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def send_cached(self, content_type: str, body: bytes) -> None:
        """ETag + Last-Modified, and 304 when the client's If-None-Match matches."""
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send(200, content_type, body, {"ETag": etag, "Last-Modified": "Tue, 10 Nov 2026 06:00:00 GMT"})

    def html(self, text: str) -> None:
        self.send(200, "text/html; charset=utf-8", text.encode())


def _rss_feed(h: Handler) -> None:
    s = h.site
    items = [
        (p.VISIT_TITLE, s.url("/news/visit.html"), FEED_DATE.format(1), None),
        (p.CP1256_TITLE, s.url("/news/cp1256.html"), FEED_DATE.format(2), None),
        (p.META_TITLE, "/news/cp1256-meta.html", FEED_DATE.format(3), None),  # relative link
        (p.CHROME_TITLE, s.url("/news/chrome.html"), FEED_DATE.format(4), None),
        (p.FLAKY_TITLE, s.url("/news/flaky.html"), FEED_DATE.format(5), None),
        (
            p.TRACKED_TITLE,
            s.url("/news/tracked.html?utm_source=rss&utm_medium=feed&id=7&fbclid=x"),
            FEED_DATE.format(6),
            None,
        ),
        (p.SUMMARY_TITLE, s.url("/news/empty.html"), FEED_DATE.format(7), f"<p>{p.SUMMARY_TEXT}</p>"),
        ("صفحة محذوفة", s.url("/news/missing.html"), FEED_DATE.format(8), None),
        ("صفحة بطيئة", s.url("/news/slow.html"), FEED_DATE.format(9), None),
        ("صفحة لا تنتهي", s.url("/news/endless.html"), FEED_DATE.format(10), None),
        ("تحويل دائري", s.url("/loop/a"), FEED_DATE.format(11), None),
        ("صفحة ممنوعة", s.url("/private/secret.html"), FEED_DATE.format(12), None),
        ("صورة", s.url("/news/photo.png"), FEED_DATE.format(13), None),
    ]
    h.send(200, "application/rss+xml; charset=utf-8", p.rss(items).encode())


def _atom_feed(h: Handler) -> None:
    s = h.site
    entries = [
        (p.ATOM_ONE_TITLE, s.url("/news/atom-1.html"), "2026-11-10T08:00:00+02:00"),
        (p.ATOM_TWO_TITLE, s.url("/news/atom-2.html"), "2026-11-10T08:30:00Z"),
    ]
    h.send_cached("application/atom+xml", p.atom(entries).encode())


def _sitemap(h: Handler) -> None:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{h.site.url('/news/sitemap-only.html')}</loc><lastmod>2026-11-09T20:15:00+03:00</lastmod></url>"
        "</urlset>"
    )
    h.send(200, "application/xml", body.encode())


def _private_feed(h: Handler) -> None:
    links = [
        "http://10.0.0.7/news/internal.html",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/news/loopback-v6.html",
        "http://192.168.1.1/admin",
        "file:///etc/passwd",
    ]
    items = [(f"رابط {i}", link, FEED_DATE.format(i), None) for i, link in enumerate(links)]
    h.send(200, "application/rss+xml", p.rss(items).encode())


def _flaky(h: Handler) -> None:
    if h.site.hits["/news/flaky.html"] == 1:
        h.send(500, "text/html", b"<h1>Internal Server Error</h1>")
    else:
        h.html(p.article_html(p.FLAKY_TITLE, p.FLAKY_PARAGRAPHS))


def _slow(h: Handler) -> None:
    h.site.closing.wait(5.0)  # far past the scraper's read timeout; released when the site closes
    if not h.site.closing.is_set():
        h.html(p.article_html("متأخر", ("نص متأخر جداً.",)))


def _endless(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.end_headers()
    chunk = ("<p>" + "كلام بلا نهاية " * 500 + "</p>").encode()
    try:
        for _ in range(4096):  # bounded: at most ~60 MB, far beyond the scraper's limit
            if h.site.closing.is_set():
                return
            h.wfile.write(chunk)
    except (BrokenPipeError, ConnectionResetError):
        return


def _redirect(target: str) -> Route:
    def route(h: Handler) -> None:
        h.send(302, "text/html", b"", {"Location": target})

    return route


def _routes(site: Site) -> dict[str, Route]:
    canonical = f'<link rel="canonical" href="{site.url("/news/tracked.html?id=7&utm_campaign=share")}">'
    return {
        "/robots.txt": lambda h: h.send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n"),
        "/feeds/main.rss": _rss_feed,
        "/feeds/main.atom": _atom_feed,
        "/sitemap.xml": _sitemap,
        "/feeds/private.rss": _private_feed,
        "/feeds/broken.rss": lambda h: h.send(200, "application/rss+xml", p.MALFORMED_FEED.encode()),
        "/feeds/bomb.rss": lambda h: h.send(200, "application/rss+xml", p.BILLION_LAUGHS.encode()),
        "/news/visit.html": lambda h: h.send_cached(
            "text/html; charset=utf-8",
            p.article_html(p.VISIT_TITLE, h.site.visit_paragraphs, author="سارة المحمد").encode(),
        ),
        "/news/cp1256.html": lambda h: h.send(
            200, "text/html; charset=windows-1256", p.article_html(p.CP1256_TITLE, p.CP1256_PARAGRAPHS).encode("cp1256")
        ),
        "/news/cp1256-meta.html": lambda h: h.send(
            200,
            "text/html",
            p.article_html(p.META_TITLE, p.META_PARAGRAPHS, '<meta charset="windows-1256">').encode("cp1256"),
        ),
        "/news/chrome.html": lambda h: h.html(p.chrome_html()),
        "/news/flaky.html": _flaky,
        "/news/tracked.html": lambda h: h.html(p.article_html(p.TRACKED_TITLE, p.TRACKED_PARAGRAPHS, canonical)),
        "/news/empty.html": lambda h: h.html('<html><body><div id="app"></div></body></html>'),
        "/news/slow.html": _slow,
        "/news/endless.html": _endless,
        "/loop/a": _redirect("/loop/b"),
        "/loop/b": _redirect("/loop/a"),
        "/private/secret.html": lambda h: h.html(p.article_html("سري", ("لا ينبغي جلب هذه الصفحة.",))),
        "/news/photo.png": lambda h: h.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
        "/news/atom-1.html": lambda h: h.send_cached(
            "text/html", p.article_html(p.ATOM_ONE_TITLE, p.ATOM_ONE_PARAGRAPHS).encode()
        ),
        "/news/atom-2.html": lambda h: h.send_cached(
            "text/html", p.article_html(p.ATOM_TWO_TITLE, p.ATOM_TWO_PARAGRAPHS).encode()
        ),
        "/news/sitemap-only.html": lambda h: h.html(p.article_html(p.SITEMAP_TITLE, p.SITEMAP_PARAGRAPHS)),
    }


@contextmanager
def running_site() -> Iterator[Site]:
    site = Site()
    handler: type[Handler] = type("SiteHandler", (Handler,), {"site": site, "routes": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    handler.routes = _routes(site)
    thread = threading.Thread(target=server.serve_forever, name="scraper-site", daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.closing.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
