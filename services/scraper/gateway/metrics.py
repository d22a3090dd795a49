"""The gateway's metrics, declared once against an injected registry. Labels are bounded sets only.

outcome: accepted | invalid | too_large | unauthorized | unsupported_media_type | unavailable | client_disconnected
status:  the HTTP status code answered
"""

from __future__ import annotations

from dataclasses import dataclass

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)


@dataclass(frozen=True)
class GatewayMetrics:
    requests: Counter
    request_seconds: Histogram
    received_bytes: Counter
    published: Counter
    ready: Gauge

    @classmethod
    def create(cls, registry: CollectorRegistry) -> GatewayMetrics:
        return cls(
            requests=Counter(
                "marsad_gateway_requests_total",
                "POST /articles requests by outcome and status code.",
                ["outcome", "status"],
                registry=registry,
            ),
            request_seconds=Histogram(
                "marsad_gateway_request_duration_seconds",
                "Time to answer POST /articles, broker acks included.",
                buckets=REQUEST_BUCKETS,
                registry=registry,
            ),
            received_bytes=Counter(
                "marsad_gateway_received_bytes_total", "Request body bytes read.", registry=registry
            ),
            published=Counter(
                "marsad_gateway_articles_published_total",
                "RawArticles acknowledged by the broker.",
                registry=registry,
            ),
            ready=Gauge("marsad_gateway_ready", "1 when the producer is connected, else 0.", registry=registry),
        )
