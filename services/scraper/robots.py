"""robots.txt per host (RFC 9309): fetched once per TTL, 4xx means 'allow all', 5xx or no answer 'disallow all'."""

from __future__ import annotations

import asyncio
import time
from collections import defaultdict
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

from services.scraper.charset import decode
from services.scraper.errors import ScrapeError
from services.scraper.fetch import Fetcher, Guard
from services.scraper.urls import host_key

UNREACHABLE_TTL = 300.0  # retry an unreachable robots.txt sooner than a good one
MAX_CRAWL_DELAY = 60.0  # a larger Crawl-delay is capped: one page a minute is polite enough for news


@dataclass(frozen=True)
class _Entry:
    parser: RobotFileParser
    expires: float


def parse_robots(text: str) -> RobotFileParser:
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return parser


def _everything(allowed: bool) -> RobotFileParser:
    return parse_robots("" if allowed else "User-agent: *\nDisallow: /\n")


class RobotsPolicy:
    def __init__(self, fetcher: Fetcher, guard: Guard, user_agent: str, ttl: float, enabled: bool = True) -> None:
        self._fetcher = fetcher
        self._guard = guard
        self._agent = user_agent
        self._ttl = ttl
        self._enabled = enabled
        self._cache: dict[str, _Entry] = {}
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def allowed(self, url: str) -> bool:
        if not self._enabled:
            return True
        host = host_key(url)
        async with self._locks[host]:
            entry = self._cache.get(host)
            if entry is None or entry.expires < time.monotonic():
                entry = await self._load(host)
                self._cache[host] = entry
        return entry.parser.can_fetch(self._agent, url)

    async def _load(self, host: str) -> _Entry:
        try:
            page = await self._fetcher.fetch(f"{host}/robots.txt", "robots", None, self._guard)
        except ScrapeError as exc:
            if exc.kind == "http_4xx":
                return _Entry(_everything(True), time.monotonic() + self._ttl)
            return _Entry(_everything(False), time.monotonic() + min(self._ttl, UNREACHABLE_TTL))
        parser = parse_robots(decode(page.body, page.content_type, "utf-8"))
        delay = crawl_delay(parser, self._agent)
        if delay is not None:
            self._fetcher.limiter.slow_down(host, delay)
        return _Entry(parser, time.monotonic() + self._ttl)


def crawl_delay(parser: RobotFileParser, agent: str) -> float | None:
    """The Crawl-delay for our agent in seconds, capped at MAX_CRAWL_DELAY; None when there is none."""
    delay = parser.crawl_delay(agent)
    return None if delay is None else min(float(delay), MAX_CRAWL_DELAY)
