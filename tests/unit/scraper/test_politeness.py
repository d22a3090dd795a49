from __future__ import annotations

import asyncio

from hypothesis import given
from hypothesis import strategies as st

from services.scraper.politeness import HostLimiter, backoff_delay, parse_retry_after
from services.scraper.robots import crawl_delay, parse_robots


@given(st.integers(0, 30), st.floats(0.01, 10), st.floats(0.1, 120), st.floats(0, 1))
def test_backoff_is_within_half_and_full_of_the_capped_exponential(
    attempt: int, base: float, cap: float, rand: float
) -> None:
    ceiling = min(cap, base * 2.0**attempt)
    delay = backoff_delay(attempt, base, cap, rand=rand)
    assert ceiling / 2 <= delay <= ceiling <= cap


def test_backoff_grows_and_honours_retry_after_up_to_the_cap() -> None:
    assert [backoff_delay(a, 1.0, 60.0, rand=1.0) for a in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert backoff_delay(0, 1.0, 60.0, retry_after=30, rand=0.0) == 30
    assert backoff_delay(0, 1.0, 60.0, retry_after=3600, rand=0.0) == 60


def test_retry_after_seconds_only() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2026 07:28:00 GMT") is None
    assert parse_retry_after(None) is None


def test_per_host_concurrency_is_capped_and_hosts_are_independent() -> None:
    limiter = HostLimiter(per_host=2, interval=0.0, total=10)
    in_flight: dict[str, int] = {"a": 0, "b": 0}
    peaks: dict[str, int] = {"a": 0, "b": 0}

    async def request(host: str) -> None:
        async with limiter.slot(host):
            in_flight[host] += 1
            peaks[host] = max(peaks[host], in_flight[host])
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            in_flight[host] -= 1

    async def main() -> None:
        await asyncio.gather(*(request(host) for host in "ab" * 10))

    asyncio.run(main())
    assert peaks == {"a": 2, "b": 2}


def test_global_cap() -> None:
    limiter = HostLimiter(per_host=5, interval=0.0, total=3)
    active = [0, 0]

    async def request(host: str) -> None:
        async with limiter.slot(host):
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0)
            active[0] -= 1

    async def main() -> None:
        await asyncio.gather(*(request(f"h{i % 4}") for i in range(20)))

    asyncio.run(main())
    assert active[1] == 3


def test_the_interval_is_waited_out_per_host() -> None:
    now = [100.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = HostLimiter(per_host=1, interval=2.0, total=10, clock=lambda: now[0], sleep=fake_sleep)

    async def main() -> None:
        for host in ("a", "a", "b", "a"):
            async with limiter.slot(host):
                pass

    asyncio.run(main())
    assert slept == [2.0, 2.0]  # the second and third request to "a"; "b" did not wait


def test_robots_rules_for_our_agent() -> None:
    robots = parse_robots("User-agent: *\nDisallow: /private/\n\nUser-agent: MarsadScraper\nDisallow: /archive/\n")
    agent = "MarsadScraper/0.1 (+https://example.org)"
    assert robots.can_fetch(agent, "https://x.org/news/a")
    assert not robots.can_fetch(agent, "https://x.org/archive/a")
    assert not robots.can_fetch("OtherBot/1.0", "https://x.org/private/a")


def test_crawl_delay_is_read_capped_and_widens_the_interval() -> None:
    agent = "MarsadScraper/0.1"
    assert crawl_delay(parse_robots("User-agent: *\nCrawl-delay: 5\n"), agent) == 5.0
    assert crawl_delay(parse_robots("User-agent: *\nCrawl-delay: 86400\n"), agent) == 60.0
    assert crawl_delay(parse_robots("User-agent: *\nDisallow:\n"), agent) is None
    now = [0.0]
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    limiter = HostLimiter(per_host=1, interval=1.0, total=4, clock=lambda: now[0], sleep=fake_sleep)
    limiter.slow_down("slow", 5.0)
    limiter.slow_down("eager", 0.1)  # never below the configured interval

    async def main() -> None:
        for host in ("slow", "slow", "eager", "eager"):
            async with limiter.slot(host):
                pass

    asyncio.run(main())
    assert slept == [5.0, 1.0]
