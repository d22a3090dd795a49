"""Wiring: the Faust app, its topics, agents, metrics and health views, built from one Settings object."""

from __future__ import annotations

import gc
import logging
from typing import Any

import faust
from faust.sensors.prometheus import setup_prometheus_sensors
from prometheus_client import CollectorRegistry

from services import native
from services.arabic.normalize import NORMALIZER_VERSION
from services.extraction import EXTRACTOR_VERSION
from services.kafkaio.client import faust_credentials
from services.logs import logging_config
from services.settings import Settings
from services.worker.agents import add_agents
from services.worker.health import add_health_views
from services.worker.lag import ProcessedOffsets, add_lag_timer
from services.worker.logfilter import limit_client_log_repeats
from services.worker.metrics import WorkerMetrics

log = logging.getLogger("marsad.worker")

# Backpressure and memory bounds (see docs/reliability.md). An agent holds at most
# `settings.worker_max_in_flight` messages between reading and acknowledging them; behind them the stream
# buffer fills up to STREAM_BUFFER_MAXSIZE messages, then the fetch loop waits for room
# (`keep_fetching_when_the_buffer_fills`). A fetch asks for at most CONSUMER_FETCH_BYTES per partition: the
# broker still returns a first record batch larger than that (fetch v3+, KIP-74), so a message up to
# max_message_bytes is consumed, in a fetch of its own. A 64-message stream buffer starved the pipeline
# (nothing in flight in 23% of the samples on a backlog, 167 articles/s, as Faust paused and resumed the
# partitions); 256 kept it fed at 242 articles/s, not at 340 (see `keep_fetching_when_the_buffer_fills`).
STREAM_BUFFER_MAXSIZE = 256
MAX_POLL_RECORDS = 100
CONSUMER_FETCH_BYTES = 1024 * 1024
# Records per partition are batched up to this size, and a produce request carries one batch per partition.
# aiokafka's default (16 KiB) holds one normalised article (~9.5 KB for 4 KB of text): each further send to
# that partition waited for the batch to be drained, and every round trip to the broker carried one article
# per partition. The buffer grows with what is sent (the in-flight window bounds it); it is not preallocated.
PRODUCER_BATCH_BYTES = 256 * 1024
# Producer batches expire (and the send is retried by services.worker.delivery) after this many seconds;
# Faust's default of 20 minutes would hide a missing output topic for that long.
PRODUCER_REQUEST_TIMEOUT_SECONDS = 30.0
# A worker killed without a goodbye keeps its partitions until the group coordinator misses its heartbeats
# for this long (Faust's default is 60 s); the survivors take over after it. Heartbeats go every 3 s.
SESSION_TIMEOUT_SECONDS = 10.0
# How soon a consumer notices a topic created after it subscribed (Faust's default is 5 minutes).
METADATA_MAX_AGE_MS = 30_000
# The longest a fetch request waits at the broker for new data (Faust hard-codes 1,500 ms): see
# `bound_the_fetch_wait`.
FETCH_MAX_WAIT_MS = 100


def keep_fetching_when_the_buffer_fills(app: faust.App) -> None:
    """A full stream buffer blocks the consumer's fetch loop instead of pausing the partitions.

    Faust's default takes a partition out of the fetch when an agent's stream buffer holds
    STREAM_BUFFER_MAXSIZE / 1.25 messages and puts it back when the buffer has drained to 40 %; but once
    every partition is out, its fetch loop sleeps a full second (`Consumer._wait_next_records`), however
    soon they come back. On a backlog the buffer fills in a moment, all partitions go out, and the
    pipeline drained the buffer and sat empty for the rest of that second: 200-480 ms of nothing to do
    every ~1.5 s, 15-18 % of the stage child's time at 340-400 articles/s (bench/feeding.py). Without
    the pause a message that finds the buffer full waits for room (Faust's own path for a full buffer),
    which holds the fetch loop, and the fetcher fetches a partition again only once its last fetch was
    taken: the bound on what is buffered is the same (docs/reliability.md).
    """
    app.consumer.on_buffer_full = _keep_partition  # type: ignore[method-assign]


def _keep_partition(tp: object) -> None:
    """The partition stays in the fetch (see `keep_fetching_when_the_buffer_fills`)."""


def bound_the_fetch_wait(app: faust.App) -> None:
    """The worker's consumer asks the broker to answer a fetch within `FETCH_MAX_WAIT_MS`, not Faust's 1.5 s.

    The consumer also holds Faust's assignor topic, a partition that never gets data. When the raw partitions
    still hold records fetched more than 100 ms ago that the agent has not taken (aiokafka's prefetch backoff:
    the event loop was held up), aiokafka fetches the assignor partition alone, the broker keeps that request
    for the full wait, and no raw partition is fetched until it returns (one request per broker at a time):
    nothing was fetched for up to 1.5 s while articles kept arriving (docs/benchmarks.md, "Latency at 50 %
    load"). An idle consumer now sends ~10 empty fetches a second instead of one every 1.5 s."""
    thread: Any = getattr(app.consumer, "_thread", None)
    create = getattr(thread, "_create_worker_consumer", None)
    if create is None:  # another Faust: its consumer keeps its own wait
        log.info("the consumer's fetch wait left at Faust's default")
        return

    def bounded(transport: Any) -> Any:
        consumer = create(transport)
        consumer._fetch_max_wait_ms = FETCH_MAX_WAIT_MS  # read by the fetcher the consumer starts
        return consumer

    thread._create_worker_consumer = bounded


def freeze_start_up_heap(app: faust.App) -> None:
    """Once the worker is up, move everything alive to the collector's permanent generation (`gc.freeze()`).

    The worker's heap after start-up (Faust, aiokafka, pydantic, prometheus-client: ~9x10^4 objects) lives as long
    as the process, yet every full collection walked all of it: 50-56 ms each, three in 30-40 s on a backlog, the
    event loop stalled meanwhile, 3-4 % of the process's CPU. Frozen, a full collection walks only what was made
    since (~2 ms). Reference counting still frees frozen objects; only cycles among them are never collected."""

    @app.task
    async def freeze_heap() -> None:
        gc.collect()
        gc.freeze()


def build_app(settings: Settings, registry: CollectorRegistry) -> faust.App:
    bootstrap = settings.require_bootstrap()
    app = faust.App(
        settings.worker_id,
        broker=[f"kafka://{host.strip()}" for host in bootstrap.split(",")],
        broker_credentials=faust_credentials(settings),
        key_serializer="raw",
        value_serializer="raw",
        store="memory://",
        autodiscover=False,
        datadir=settings.worker_data_dir,
        web_bind=settings.worker_web_host,
        web_host=settings.worker_web_host,
        web_port=settings.worker_web_port,
        topic_partitions=settings.topic_partitions,
        topic_replication_factor=settings.topic_replication_factor,
        producer_acks=-1,
        producer_request_timeout=PRODUCER_REQUEST_TIMEOUT_SECONDS,
        stream_buffer_maxsize=STREAM_BUFFER_MAXSIZE,
        broker_max_poll_records=MAX_POLL_RECORDS,
        broker_session_timeout=SESSION_TIMEOUT_SECONDS,
        broker_heartbeat_interval=3.0,
        consumer_metadata_max_age_ms=METADATA_MAX_AGE_MS,
        producer_max_request_size=settings.max_message_bytes + 1024 * 1024,
        producer_max_batch_size=PRODUCER_BATCH_BYTES,
        consumer_max_fetch_size=CONSUMER_FETCH_BYTES,
        logging_config=logging_config(settings.log_level, settings.log_format),
    )
    limit_client_log_repeats()
    metrics = WorkerMetrics.create(registry)
    metrics.info.info(
        {
            "normalizer": NORMALIZER_VERSION,
            "extractor": EXTRACTOR_VERSION,
            "worker": settings.worker_name,
            "code": "mypyc" if native.STATUS.enabled else "python",
        }
    )
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="marsad_faust")
    processed = ProcessedOffsets()
    add_health_views(app, metrics)
    add_lag_timer(app, metrics, processed)
    add_agents(app, settings, metrics, processed)
    keep_fetching_when_the_buffer_fills(app)
    bound_the_fetch_wait(app)
    freeze_start_up_heap(app)
    return app
