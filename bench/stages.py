"""Stage microbenchmarks, no Kafka: normalisation MB/s, extraction articles/s, and the worker's per-message path.

Everything runs in this process pinned to one core, with one untimed warm-up pass and `passes` timed
passes over the corpus. Per-article times are pooled over the timed passes (median, p99); throughput is
the median over passes. The reference chains run on the same texts in the same process.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from bench.corpus import Sources, fixed_size_corpus, stage_corpus
from bench.reference import reference_chains
from bench.stats import distribution, spread
from schemas.normalized import NormalizedArticle
from schemas.raw import RawArticle
from services.arabic import NormalizeLimits, normalize_article
from services.extraction import extract_events
from services.worker.stages import StageLimits, process_raw

T = TypeVar("T")
LIMITS = StageLimits(max_message_bytes=16 * 1024 * 1024, max_text_chars=200_000, max_events_per_article=200)


@contextmanager
def one_core() -> Iterator[int | None]:
    """Pin this process to its last allowed CPU for the duration; yields the CPU (None if not supported)."""
    if not hasattr(os, "sched_setaffinity"):
        yield None
        return
    before = os.sched_getaffinity(0)
    cpu = max(before)
    os.sched_setaffinity(0, {cpu})
    try:
        yield cpu
    finally:
        os.sched_setaffinity(0, before)


@dataclass(frozen=True, slots=True)
class Timing:
    """Per pass and per item, in wall-clock and in this thread's CPU time (immune to a busy neighbour)."""

    wall_totals: list[float]
    cpu_totals: list[float]
    wall_items: list[float]
    cpu_items: list[float]

    def rates(self, amount: float) -> dict[str, Any]:
        return {
            "cpu": spread([amount / t for t in self.cpu_totals if t > 0]),
            "wall": spread([amount / t for t in self.wall_totals if t > 0]),
        }

    def per_item(self) -> dict[str, dict[str, float]]:
        return {"cpu": _ms(self.cpu_items), "wall": _ms(self.wall_items)}


def timed_passes(items: Sequence[T], fn: Callable[[T], object], passes: int) -> Timing:
    """Times of `passes` passes over `items`, after one untimed warm-up pass."""
    for item in items:
        fn(item)
    timing = Timing([], [], [], [])
    wall, cpu = time.perf_counter_ns, time.thread_time_ns
    for _ in range(passes):
        wall_total = cpu_total = 0
        for item in items:
            started, cpu_started = wall(), cpu()
            fn(item)
            cpu_elapsed, elapsed = cpu() - cpu_started, wall() - started
            wall_total += elapsed
            cpu_total += cpu_elapsed
            timing.wall_items.append(elapsed / 1e9)
            timing.cpu_items.append(cpu_elapsed / 1e9)
        timing.wall_totals.append(wall_total / 1e9)
        timing.cpu_totals.append(cpu_total / 1e9)
    return timing


def _ms(values: list[float]) -> dict[str, float]:
    dist = distribution(values)
    return {"p50_ms": dist["p50"] * 1000, "p99_ms": dist["p99"] * 1000, "max_ms": dist["max"] * 1000}


def normalisation(articles: list[RawArticle], passes: int) -> list[dict[str, Any]]:
    texts = [a.text for a in articles]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    limits = NormalizeLimits(max_chars=LIMITS.max_text_chars)
    rows: list[dict[str, Any]] = []
    timing = timed_passes(articles, lambda raw: normalize_article(raw, limits), passes)
    rows.append(
        {
            "name": "marsad normalize_article (full: views, offset maps, segmentation, model)",
            "mb_per_s": timing.rates(megabytes),
            "per_article": timing.per_item(),
        }
    )
    for name, chain in reference_chains().items():
        timing = timed_passes(texts, chain, passes)
        rows.append({"name": name, "mb_per_s": timing.rates(megabytes), "per_article": timing.per_item()})
    return rows


def extraction(articles: list[RawArticle], passes: int) -> dict[str, Any]:
    limits = NormalizeLimits(max_chars=LIMITS.max_text_chars)
    normalized = [n for n in (normalize_article(a, limits) for a in articles) if isinstance(n, NormalizedArticle)]
    events = [len(extract_events(n)) for n in normalized]
    timing = timed_passes(normalized, extract_events, passes)
    return {
        "articles": len(normalized),
        "rejected_by_normaliser": len(articles) - len(normalized),
        "events_per_article": statistics.mean(events) if events else 0.0,
        "articles_with_events": sum(1 for e in events if e),
        "articles_per_s": timing.rates(len(normalized)),
        "per_article": timing.per_item(),
    }


def worker_message(value: bytes) -> None:
    """What the worker's stage child does per message, minus Kafka and Faust: `process_raw` itself."""
    process_raw(value, LIMITS)


def message_sizes(payloads: list[bytes]) -> dict[str, float]:
    """Mean bytes per article on each topic: what the broker stores and ships per article."""
    raw = normalized = events = count = 0
    for value in payloads:
        result = process_raw(value, LIMITS)
        if result.normalized is None:
            continue
        raw, normalized, count = raw + len(value), normalized + len(result.normalized), count + 1
        events += sum(len(event) for event in result.events)
    n = max(count, 1)
    return {"raw_bytes": raw / n, "normalized_bytes": normalized / n, "event_bytes_per_article": events / n}


def worker_path(payloads: list[bytes], passes: int) -> dict[str, Any]:
    timing = timed_passes(payloads, worker_message, passes)
    return {
        "message_sizes": message_sizes(payloads),
        "articles": len(payloads),
        "articles_per_s": timing.rates(len(payloads)),
        "per_article": timing.per_item(),
    }


def run_stages(sources: Sources, count: int, passes: int) -> dict[str, Any]:
    articles = stage_corpus(sources, count)
    sizes = [len(a.text.encode()) for a in articles]
    four_kb = fixed_size_corpus(sources, max(count // 2, 20))
    payloads = [a.model_dump_json(exclude_none=True).encode() for a in four_kb]
    with one_core() as cpu:
        return {
            "cpu": cpu,
            "passes": passes,
            "corpus": {
                "articles": len(articles),
                "megabytes": sum(sizes) / 1e6,
                "min_kb": min(sizes) / 1024,
                "median_kb": statistics.median(sizes) / 1024,
                "max_kb": max(sizes) / 1024,
                "seed_files": sources.seed_count,
                "filler_paragraphs": len(sources.filler),
            },
            "normalize": normalisation(articles, passes),
            "extract": extraction(articles, passes),
            "worker_path_4kb": worker_path(payloads, passes),
        }
