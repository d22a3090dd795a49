"""The scraper's metrics, declared once against an injected registry. Labels are bounded sets only.

kind:    feed | sitemap | page | robots
outcome: ok | not_modified | http_error | failed | refused
status:  the HTTP status code, or "none" when no response arrived
reason/error kind: the closed vocabulary in `services.scraper.errors.ErrorKind`
"""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

FETCH_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)


@dataclass(frozen=True)
class ScraperMetrics:
    fetches: Counter
    fetch_seconds: Histogram
    received_bytes: Counter
    retries: Counter
    errors: Counter
    robots_refusals: Counter
    feed_entries: Counter
    published: Counter
    duplicates: Counter
    polls: Counter
    last_poll: Gauge
    ready: Gauge

    @classmethod
    def create(cls, registry: CollectorRegistry) -> ScraperMetrics:
        return cls(
            fetches=Counter(
                "marsad_scraper_fetches_total",
                "HTTP fetches by kind, outcome and status code.",
                ["kind", "outcome", "status"],
                registry=registry,
            ),
            fetch_seconds=Histogram(
                "marsad_scraper_fetch_duration_seconds",
                "Time of one fetch including retries and the streamed body.",
                ["kind"],
                buckets=FETCH_BUCKETS,
                registry=registry,
            ),
            received_bytes=Counter(
                "marsad_scraper_received_bytes_total", "Response body bytes received.", ["kind"], registry=registry
            ),
            retries=Counter(
                "marsad_scraper_retries_total", "Retries after a transient failure.", ["kind"], registry=registry
            ),
            errors=Counter(
                "marsad_scraper_errors_total", "Failures and refusals by error kind.", ["kind"], registry=registry
            ),
            robots_refusals=Counter(
                "marsad_scraper_robots_refusals_total",
                "URLs not fetched because robots.txt disallows them.",
                registry=registry,
            ),
            feed_entries=Counter(
                "marsad_scraper_feed_entries_total", "Entries read from feeds and sitemaps.", registry=registry
            ),
            published=Counter(
                "marsad_scraper_articles_published_total", "RawArticles acknowledged by the broker.", registry=registry
            ),
            duplicates=Counter(
                "marsad_scraper_duplicates_skipped_total",
                "Pages not republished: not_modified (HTTP 304) or unchanged (same content hash).",
                ["reason"],
                registry=registry,
            ),
            polls=Counter(
                "marsad_scraper_polls_total",
                "Source polling rounds by outcome (ok, partial).",
                ["outcome"],
                registry=registry,
            ),
            last_poll=Gauge(
                "marsad_scraper_last_poll_timestamp_seconds",
                "Unix time the last polling round ended.",
                registry=registry,
            ),
            ready=Gauge("marsad_scraper_ready", "1 when the producer is connected, else 0.", registry=registry),
        )


def sample_total(registry: CollectorRegistry, name: str, **labels: str) -> float:
    """Sum of a metric's samples named `name` whose labels include `labels` (for summaries, tests, the bench)."""
    return sum(
        sample.value
        for family in registry.collect()
        for sample in family.samples
        if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items())
    )
