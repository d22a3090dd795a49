"""Extraction benchmark: `python -m bench.extract_bench [--rounds N] [--json PATH]`.

Reports wall and thread-CPU time (the CPU figure is immune to other processes on a shared box), the
one-off load time of everything the extractor reads (gazetteer, lexicons, GeoNames index,
CAMEO table), the median and p99 time of `extract_events` on ~4 KB articles (single core, normalisation
excluded), its mean CPU time (what throughput depends on) and the process RSS after loading. Articles:
the dev set's texts, concatenated to ~4 KB each, plus the seed articles when /work/shared/seeds is present.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

from bench.paths import REPO, SEEDS_DIR

DEVSET = REPO / "tests" / "fixtures" / "devset"
TARGET_CHARS = 4096


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _texts() -> list[str]:
    dev = [p.read_text(encoding="utf-8") for p in sorted(DEVSET.glob("*.txt"))]
    out: list[str] = []
    chunk = ""
    for text in dev:
        chunk = f"{chunk}\n\n{text}" if chunk else text
        if len(chunk) >= TARGET_CHARS:
            out.append(chunk)
            chunk = ""
    if SEEDS_DIR.is_dir():
        out.extend(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract_bench")
    parser.add_argument("--rounds", type=int, default=50, help="extractions per article")
    parser.add_argument("--json", type=Path, default=None, dest="json_path")
    args = parser.parse_args(argv)

    rss_start = _rss_mb()
    t0 = time.perf_counter()
    from schemas.normalized import NormalizedArticle
    from schemas.raw import IngestMetadata, RawArticle
    from services.arabic import normalize_article
    from services.extraction import extract_events
    from services.extraction.cameo import cameo_table
    from services.extraction.gazetteer import load_gazetteer
    from services.extraction.lexicon import markers, triggers
    from services.extraction.places import _index
    from services.native import read_status

    t_import = time.perf_counter()
    load_gazetteer()
    t_gaz = time.perf_counter()
    triggers(), markers(), cameo_table()
    _index()
    t_load = time.perf_counter()

    articles: list[NormalizedArticle] = []
    for n, text in enumerate(_texts()):
        raw = RawArticle(
            article_id=f"bench-{n}",
            source="bench",
            text=text,
            fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
            ingest=IngestMetadata(channel="cli"),
        )
        art = normalize_article(raw)
        if isinstance(art, NormalizedArticle):
            articles.append(art)
    for art in articles:  # warm the lazily built per-word caches once
        extract_events(art)
    samples: list[float] = []
    cpu: list[float] = []
    per_kb: list[float] = []
    events = 0
    for _ in range(args.rounds):
        for art in articles:
            start, start_cpu = time.perf_counter(), time.thread_time()
            found = extract_events(art)
            took = time.perf_counter() - start
            cpu.append((time.thread_time() - start_cpu) * 1000)
            samples.append(took * 1000)
            per_kb.append(took * 1000 * TARGET_CHARS / max(art.raw_text_length, 1))
            events += len(found)
    samples.sort()
    per_kb.sort()
    cpu.sort()
    hostile_ms = _hostile_ms()
    result = {
        "articles": len(articles),
        "mean_chars": round(statistics.mean(a.raw_text_length for a in articles)),
        "rounds": args.rounds,
        "events_per_round": events // max(args.rounds, 1),
        "extract_ms_median": round(statistics.median(samples), 3),
        "extract_cpu_ms_median": round(statistics.median(cpu), 3),
        # throughput is the mean, tail included: one process extracts 1000 / mean articles per CPU-second
        "extract_cpu_ms_mean": round(statistics.mean(cpu), 3),
        "articles_per_cpu_s": round(1000 / statistics.mean(cpu)) if cpu else 0,
        "extract_ms_p99": round(samples[int(0.99 * (len(samples) - 1))], 3),
        "extract_ms_per_4kb_median": round(statistics.median(per_kb), 3),
        "extract_ms_per_4kb_p99": round(per_kb[int(0.99 * (len(per_kb) - 1))], 3),
        "hostile_extract_ms": hostile_ms["extract"],
        "hostile_figures_ms": hostile_ms["figures"],
        "import_s": round(t_import - t0, 3),
        "gazetteer_load_s": round(t_gaz - t_import, 3),
        "lexicons_geonames_load_s": round(t_load - t_gaz, 3),
        "total_load_s": round(t_load - t_import, 3),
        "rss_start_mb": round(rss_start, 1),
        "rss_after_load_and_runs_mb": round(_rss_mb(), 1),
        "targets": {"extract_ms_median": 2.0, "total_load_s": 1.0, "rss_mb": 300},
        "code": read_status().line(),
    }
    width = max(len(k) for k in result)
    for key, value in result.items():
        print(f"{key:<{width}}  {value}")
    if args.json_path is not None:
        args.json_path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def _hostile_ms() -> dict[str, float]:
    """Inputs built to blow up the work (the unit tests check they give right answers, not how fast): one
    unpunctuated "sentence" of ~75k characters through normalise + extract, and the figure regex on runs of
    digits and percent signs."""
    from schemas.normalized import NormalizedArticle
    from schemas.raw import IngestMetadata, RawArticle
    from services.arabic import normalize_article
    from services.extraction import extract_events
    from services.extraction.context import figures

    raw = RawArticle(
        article_id="hostile",
        source="bench",
        text="زيارة الرئيس الإيراني التقى بوتين رئيسي في موسكو و " * 1500,
        published_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC),
        fetched_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        ingest=IngestMetadata(channel="cli"),
    )
    start = time.perf_counter()
    article = normalize_article(raw)
    if isinstance(article, NormalizedArticle):
        extract_events(article)
    extract_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    figures(("بنسبة " + "1" * 5000 + " ") * 20 + "٪" * 1000)
    return {"extract": round(extract_ms, 1), "figures": round((time.perf_counter() - start) * 1000, 1)}


if __name__ == "__main__":
    sys.exit(main())
