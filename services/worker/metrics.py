"""The worker's domain metrics, declared once against an injected registry. Labels are bounded sets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, Info
from prometheus_client.metrics import MetricWrapperBase

STAGE_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0, 3600.0)

MetricT = TypeVar("MetricT", bound=MetricWrapperBase)


@dataclass(frozen=True)
class Children(Generic[MetricT]):
    """The labelled children of one metric, each looked up once: `labels()` validates its arguments and takes
    a lock on every call, several times per message on the worker's hot path. Labels are bounded sets, so
    is this cache."""

    metric: MetricT
    _children: dict[tuple[str, ...], MetricT] = field(default_factory=dict)

    def __call__(self, *values: str) -> MetricT:
        child = self._children.get(values)
        if child is None:
            child = self._children[values] = self.metric.labels(*values)
        return child


@dataclass(frozen=True)
class WorkerMetrics:
    consumed: Counter
    produced: Counter
    events: Counter
    dead_letters: Counter
    stage_seconds: Histogram
    end_to_end_seconds: Histogram
    consumer_lag: Gauge
    send_retries: Counter
    in_flight: Gauge
    ready: Gauge
    info: Info

    @classmethod
    def create(cls, registry: CollectorRegistry) -> WorkerMetrics:
        return cls(
            consumed=Counter(
                "marsad_messages_consumed_total", "Messages read, by stage.", ["stage"], registry=registry
            ),
            produced=Counter(
                "marsad_messages_produced_total",
                "Messages written, by stage and output (normalized, events, deadletter).",
                ["stage", "output"],
                registry=registry,
            ),
            events=Counter(
                "marsad_events_total", "Diplomatic events emitted, by PLOVER type.", ["event_type"], registry=registry
            ),
            dead_letters=Counter(
                "marsad_dead_letters_total",
                "Messages dead-lettered, by stage and reason.",
                ["stage", "reason"],
                registry=registry,
            ),
            stage_seconds=Histogram(
                "marsad_stage_duration_seconds",
                "Processing time of one message in a stage, in the stage child (sends not included).",
                ["stage"],
                buckets=STAGE_BUCKETS,
                registry=registry,
            ),
            end_to_end_seconds=Histogram(
                "marsad_end_to_end_latency_seconds",
                "Event emission time minus the article's fetched_at.",
                buckets=LATENCY_BUCKETS,
                registry=registry,
            ),
            consumer_lag=Gauge(
                "marsad_consumer_lag_messages",
                "High watermark minus next offset to process.",
                ["topic", "partition"],
                registry=registry,
            ),
            send_retries=Counter(
                "marsad_send_retries_total",
                "Output sends that failed transiently and were retried, by output.",
                ["output"],
                registry=registry,
            ),
            in_flight=Gauge(
                "marsad_messages_in_flight",
                "Messages taken from a stream whose outputs are not yet acknowledged, by stage.",
                ["stage"],
                registry=registry,
            ),
            ready=Gauge("marsad_worker_ready", "1 when connected with partitions assigned, else 0.", registry=registry),
            info=Info("marsad_worker", "Versions of the worker and its pure stages.", registry=registry),
        )
