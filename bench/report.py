"""Turn the raw results into the summary (medians, ratios, noise, targets) and a markdown report."""

from __future__ import annotations

from typing import Any

from bench.stats import ratio, spread

SYSTEM_LABELS = {
    "marsad_1_worker": "Marsad, 1 worker (normalise + extract)",
    "marsad_1_worker_2_stage_processes": "Marsad, 1 worker, 2 stage processes (window 192)",
    "marsad_2_workers": "Marsad, 2 workers, one group",
    "faust_noop_1_hop": "Faust no-op agent, 1 hop (framework ceiling)",
    "faust_noop_2_hops": "Faust no-op agents, 2 hops (Marsad's shape before the one-child worker)",
    "aiokafka_loop": "plain aiokafka consume-produce loop (client ceiling)",
}


def _median(runs: list[dict[str, Any]], key: str) -> float:
    value: float = spread([float(r[key]) for r in runs])["median"]
    return value


def summarise(results: dict[str, Any]) -> dict[str, Any]:
    throughput: dict[str, list[dict[str, Any]]] = results["throughput"]
    systems = {name: spread([r["articles_per_s"] for r in runs]) for name, runs in throughput.items()}
    medians = {name: s["median"] for name, s in systems.items()}
    marsad = medians.get("marsad_1_worker", 0.0)
    one = throughput.get("marsad_1_worker", [])
    latency = {_load(row): row for row in results.get("latency", [])}
    at_half = latency.get("50%", {}).get("event_ms", {}).get("p99", 0.0)
    loads = [x for runs in throughput.values() for r in runs for x in (r["loadavg_before"][0], r["loadavg_after"][0])]
    summary: dict[str, Any] = {
        "throughput_articles_per_s": systems,
        "events_per_s_marsad": _median(one, "events_per_s") if one else 0.0,
        "marsad_vs_faust_noop_1_hop": ratio(marsad, medians.get("faust_noop_1_hop", 0.0)),
        "marsad_vs_faust_noop_2_hops": ratio(marsad, medians.get("faust_noop_2_hops", 0.0)),
        "marsad_vs_aiokafka_loop": ratio(marsad, medians.get("aiokafka_loop", 0.0)),
        "faust_noop_vs_aiokafka_loop": ratio(medians.get("faust_noop_1_hop", 0.0), medians.get("aiokafka_loop", 0.0)),
        "scale_out_2_vs_1_workers": ratio(medians.get("marsad_2_workers", 0.0), marsad),
        "stage_processes_2_vs_1": ratio(medians.get("marsad_1_worker_2_stage_processes", 0.0), marsad),
        "worker_cpu_s_per_1000": _median(one, "worker_cpu_s_per_1000") if one else 0.0,
        "broker_cpu_s_per_1000": _median(one, "broker_cpu_s_per_1000") if one else 0.0,
        "worker_rss_peak_mb": max((r["worker_rss_peak_mb"] for r in one), default=0.0),
        "worker_pss_max_mb": max((r.get("worker_pss_max_mb", 0.0) for r in one), default=0.0),
        "p99_event_latency_ms_at_50pct": at_half,
        "loadavg_1min_range": [min(loads, default=0.0), max(loads, default=0.0)],
    }
    summary["targets"] = [
        _target("full pipeline >= 50% of the no-op Faust ceiling", summary["marsad_vs_faust_noop_1_hop"], 0.5, ">="),
        _target(">= 1,000 articles/s per worker process (4 KB)", marsad, 1000.0, ">="),
        _target("p99 end-to-end latency <= 100 ms at 50% load", at_half, 100.0, "<="),
        # The default worker (one stage child, no template) shares few pages between its processes: judged on
        # the stricter measure, each process's peak RSS summed over the tree; PSS is in the table too.
        _target("worker memory (peak RSS summed over the tree) <= 300 MB", summary["worker_rss_peak_mb"], 300.0, "<="),
    ]
    return summary


def _target(name: str, value: float, bound: float, op: str) -> dict[str, Any]:
    met = value >= bound if op == ">=" else (0 < value <= bound)
    return {"target": name, "value": value, "bound": bound, "met": met}


def _fmt(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}"


def _stage_rows(stages: dict[str, Any]) -> list[str]:
    rows = [
        "| stage | throughput, CPU time (median of passes) | noise | wall clock (median) | wall noise "
        "| per article p50 (CPU) | p99 (CPU) | p99 (wall) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    entries = [(row["name"], row["mb_per_s"], row["per_article"], "MB/s", 1) for row in stages["normalize"]]
    for key, label in (("extract", "marsad extract_events"), ("worker_path_4kb", "worker path without Kafka, 4 KB")):
        entries.append((label, stages[key]["articles_per_s"], stages[key]["per_article"], "articles/s", 0))
    for name, rate, per, unit, digits in entries:
        cpu, wall = rate["cpu"], rate["wall"]
        rows.append(
            f"| {name} | {_fmt(cpu['median'], digits)} {unit} | {cpu['rel_range']:.1%} | "
            f"{_fmt(wall['median'], digits)} {unit} | {wall['rel_range']:.1%} | {_fmt(per['cpu']['p50_ms'], 3)} ms | "
            f"{_fmt(per['cpu']['p99_ms'], 3)} ms | {_fmt(per['wall']['p99_ms'], 3)} ms |"
        )
    return rows


def _system_rows(results: dict[str, Any], summary: dict[str, Any]) -> list[str]:
    rows = [
        "| system | articles/s (median) | reps | noise across reps | noise within a run | events/s | worker CPU-s/1k "
        "| worker cores (parent only) | broker CPU-s/1k | RSS peak MB | PSS max MB | load 1-min before→after |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, runs in results["throughput"].items():
        s = summary["throughput_articles_per_s"][name]
        loads = ", ".join(f"{r['loadavg_before'][0]:.2f}→{r['loadavg_after'][0]:.2f}" for r in runs)
        rows.append(
            f"| {SYSTEM_LABELS.get(name, name)} | {_fmt(s['median'], 0)} | "
            f"{', '.join(_fmt(x, 0) for x in s['reps'])} | {s['rel_range']:.1%} | {_within(runs)} | "
            f"{_fmt(_median(runs, 'events_per_s'), 0)} | {_fmt(_median(runs, 'worker_cpu_s_per_1000'), 2)} | "
            f"{_fmt(_median(runs, 'worker_cpu_cores'), 2)} ({_fmt(_median(runs, 'worker_parent_cpu_cores'), 2)}) | "
            f"{_fmt(_median(runs, 'broker_cpu_s_per_1000'), 2)} | "
            f"{_fmt(max(r['worker_rss_peak_mb'] for r in runs), 0)} | "
            f"{_fmt(max(r.get('worker_pss_max_mb', 0.0) for r in runs), 0)} | {loads} |"
        )
    return rows


def _within(runs: list[dict[str, Any]]) -> str:
    """Relative range of the per-slice rates inside each run (median over runs)."""
    ranges = [spread(r["segment_rates"])["rel_range"] for r in runs if r.get("segment_rates")]
    return f"{spread(ranges)['median']:.1%}" if ranges else "n/a"


def _load(row: dict[str, Any]) -> str:
    """The offered load: "50%" (a fraction of the capacity) or "175/s" (a fixed rate; older rows have no label)."""
    return str(row.get("load") or f"{row['fraction']:.0%}")


def _latency_rows(results: dict[str, Any]) -> list[str]:
    rows = [
        "| offered load | articles/s | articles | event p50 | p95 | p99 | max | normalized p99 | no event | load |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results.get("latency", []):
        e, n = r["event_ms"], r["normalized_ms"]
        rows.append(
            f"| {_load(r)} | {_fmt(r['offered_per_s'], 0)} | {r['articles']} | {_fmt(e['p50'])} ms | "
            f"{_fmt(e['p95'])} ms | {_fmt(e['p99'])} ms | {_fmt(e['max'])} ms | {_fmt(n['p99'])} ms | "
            f"{r['articles_without_event']} | {r['loadavg_before'][0]:.2f}→{r['loadavg_after'][0]:.2f} |"
        )
    return rows


def _sizes(sizes: dict[str, float]) -> str:
    return (
        f"Bytes per ~4 KB article on the wire: raw {_fmt(sizes['raw_bytes'], 0)}, normalized "
        f"{_fmt(sizes['normalized_bytes'], 0)}, events {_fmt(sizes['event_bytes_per_article'], 0)} (all events of one "
        "article together)."
    )


def markdown(results: dict[str, Any]) -> str:
    m, s = results["machine"], results["summary"]
    corpus = results["stages"]["corpus"]
    lines = [
        f"# Marsad benchmark — {results['started_at']}",
        "",
        f"`{m['command']}` — commit `{m['git_commit'][:12]}` ({m['git_dirty_files']} uncommitted files), "
        f"normaliser {m['stages']['normalizer']}, extractor {m['stages']['extractor']}.",
        f"{m['cpu_model']}, {m['cores']} cores, {m['ram_mb']:,} MB RAM; Python {m['python']}, Kafka {m['kafka']} "
        f"({m['java']}), faust-streaming {m['faust_streaming']}, aiokafka {m['aiokafka']}, "
        f"pydantic {m['pydantic']}, camel-tools {m['camel_tools']}.",
        f"Load average (1 min) over the runs: {s['loadavg_1min_range'][0]:.2f}–{s['loadavg_1min_range'][1]:.2f} "
        f"(at start {m['loadavg_at_start'][0]:.2f}, at end {results['loadavg_at_end'][0]:.2f}).",
        "",
        f"## 1. Stages (no Kafka, one core, {corpus['articles']} articles of {corpus['min_kb']:.1f}–"
        f"{corpus['max_kb']:.1f} KB, median {corpus['median_kb']:.1f} KB; {results['stages']['passes']} passes)",
        "",
        *_stage_rows(results["stages"]),
        "",
        _sizes(results["stages"]["worker_path_4kb"]["message_sizes"]),
        "",
        f"## 2–5. End to end on the local broker (N = {results['params']['n']:,} articles of ~4 KB, "
        f"{results['params']['partitions']} partitions)",
        "",
        *_system_rows(results, s),
        "",
        f"Marsad / Faust no-op (1 hop): **{s['marsad_vs_faust_noop_1_hop']:.1%}**; / no-op (2 hops): "
        f"{s['marsad_vs_faust_noop_2_hops']:.1%}; / aiokafka loop: **{s['marsad_vs_aiokafka_loop']:.1%}**; "
        f"Faust no-op / aiokafka loop: {s['faust_noop_vs_aiokafka_loop']:.1%}. "
        f"Scale-out, 2 workers / 1 worker: **{s['scale_out_2_vs_1_workers']:.2f}x**; 2 stage processes / 1 in one "
        f"worker: **{s['stage_processes_2_vs_1']:.2f}x**.",
        "",
        "### Latency, publish → event (one worker)",
        "",
        *_latency_rows(results),
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
        *[f"| {t['target']} | {_fmt(t['value'], 2)} | {'yes' if t['met'] else '**no**'} |" for t in s["targets"]],
        "",
    ]
    for key, title in (("profile", "the worker draining the backlog"), ("stage_profile", "the stages, no Kafka")):
        if results.get(key):
            lines += [f"## Profile of {title} (py-spy)", "", "```", results[key]["text"], "```", ""]
    for module, owned in results.get("owner_benches", {}).items():
        lines += [f"## `python -m bench.{module}` (the stage owner's benchmark, same run)", "", "```"]
        lines += [owned["output"], "```", ""]
    return "\n".join(lines)
