"""Evaluate the extractor against gold events (the seeds' gold.jsonl format).

Events are matched on (PLOVER type, mode, unordered pair of actor countries); on matched events the
accuracy of date, location, source and target names and status is reported, per field and overall
(all fields right). A null gold target (a gathering of no organisation, docs/ontology.md rule 31) is right
only against a prediction that names no target, and a named one never against a prediction that names
none. Pure except for reading the gold file and the article texts it names.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from schemas.event import DiplomaticEvent
from schemas.normalized import NormalizedArticle
from schemas.outcome import Rejection
from schemas.raw import IngestMetadata, RawArticle
from services.arabic import normalize_article
from services.extraction.extract import EXTRACTOR_VERSION, extract_events

FIELDS = ("date", "location", "source", "target", "status")
FETCHED_AT = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


class GoldError(ValueError):
    """The gold file is missing, unreadable or malformed."""


@dataclass
class ArticleResult:
    article_id: str
    gold: int
    predicted: int
    matched: int
    misses: list[str] = field(default_factory=list)  # gold events without a match
    spurious: list[str] = field(default_factory=list)  # predicted events without a match
    field_errors: list[str] = field(default_factory=list)


@dataclass
class EvalReport:
    articles: int
    gold: int
    predicted: int
    matched: int
    precision: float
    recall: float
    f1: float
    field_correct: dict[str, int]
    field_accuracy: dict[str, float]
    overall_accuracy: float
    extractor_version: str
    per_article: list[ArticleResult]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


# Latin letters that carry their mark in the letter itself, so NFKD leaves them whole ("Radosław").
_UNDECOMPOSED = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})


def _fold(name: object) -> str:
    text = unicodedata.normalize("NFKD", str(name or "")).casefold().translate(_UNDECOMPOSED)
    return "".join(c for c in text if c.isalnum())


def _key(etype: object, mode: object, a: object, b: object) -> tuple[str, str, frozenset[str]]:
    return str(etype), str(mode or ""), frozenset({str(a or ""), str(b or "")})


def _gold_key(g: dict[str, Any]) -> tuple[str, str, frozenset[str]]:
    return _key(
        g["type"], g.get("mode"), (g.get("source") or {}).get("country"), (g.get("target") or {}).get("country")
    )


def _pred_key(e: DiplomaticEvent) -> tuple[str, str, frozenset[str]]:
    return _key(e.event_type.value, e.mode, e.source.country, e.target.country if e.target else None)


def _words(name: object) -> list[str]:
    return [_fold(w) for w in str(name or "").replace("-", " ").split() if _fold(w)]


def same_name(gold: object, predicted: object) -> bool:
    """Names match when equal after folding (case, accents, punctuation), or when the shorter one has at
    least two words, starts with the same word and appears in order inside the longer ("Faisal bin
    Farhan" ~ "Faisal bin Farhan Al Saud", "Mohammed bin Abdulrahman Al Thani" ~ "Mohammed bin
    Abdulrahman bin Jassim Al Thani", "New York" ~ "New York City"): gazetteers differ in how much of
    a long name they keep."""
    a, b = _words(gold), _words(predicted)
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 2 or short[0] != long_[0]:
        return False
    rest = iter(long_)
    return all(word in rest for word in short)


def _field_hits(g: dict[str, Any], e: DiplomaticEvent) -> dict[str, bool]:
    gs, gt = g.get("source") or {}, g.get("target") or {}
    location = g.get("location")
    return {
        "date": g.get("date") == e.date.value,
        "location": same_name(location, e.location.name_en if e.location else None),
        "source": same_name(gs.get("name_en"), e.source.name_en),
        "target": same_name(gt.get("name_en"), e.target.name_en if e.target else None),
        "status": g.get("status", "occurred") == e.status.value,
    }


def _describe(key: tuple[str, str, frozenset[str]]) -> str:
    return f"{key[0]}/{key[1] or '-'}/{'+'.join(sorted(key[2]))}"


def read_gold(gold_path: Path) -> list[dict[str, Any]]:
    try:
        lines = gold_path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"cannot read gold file {gold_path}: {exc}") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{gold_path}:{n}: invalid JSON ({exc.msg})") from exc
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("id"), str)
            or not isinstance(item.get("events"), list)
        ):
            raise GoldError(f"{gold_path}:{n}: each line needs a string 'id' and a list 'events'")
        for ev in item["events"]:
            if not isinstance(ev, dict) or "type" not in ev or not isinstance(ev.get("source"), dict):
                raise GoldError(f"{gold_path}:{n}: each event needs 'type' and a 'source' object")
        out.append(item)
    if not out:
        raise GoldError(f"{gold_path}: no gold articles")
    return out


def normalized(article_id: str, text: str) -> NormalizedArticle | None:
    """A gold article's text normalised as the pipeline does (None when the language gate rejects it)."""
    raw = RawArticle(
        article_id=article_id, source="eval", text=text, fetched_at=FETCHED_AT, ingest=IngestMetadata(channel="cli")
    )
    article = normalize_article(raw)
    return None if isinstance(article, Rejection) else article


def predict(article_id: str, text: str) -> list[DiplomaticEvent]:
    article = normalized(article_id, text)
    return [] if article is None else extract_events(article)


def match(gold: list[dict[str, Any]], predicted: Sequence[DiplomaticEvent]) -> list[int | None]:
    """For each gold event in order, the index of the prediction matched to it (None: missed): among the
    predictions not matched yet with its type, mode and country pair, the one with most right fields."""
    free = list(range(len(predicted)))
    found: list[int | None] = []
    for g in gold:
        key = _gold_key(g)
        options = [k for k in free if _pred_key(predicted[k]) == key]
        best = max(options, key=lambda k: sum(_field_hits(g, predicted[k]).values())) if options else None
        if best is not None:
            free.remove(best)
        found.append(best)
    return found


def _score_article(item: dict[str, Any], predicted: list[DiplomaticEvent], counts: dict[str, int]) -> ArticleResult:
    result = ArticleResult(item["id"], len(item["events"]), len(predicted), 0)
    found = match(item["events"], predicted)
    for g, best in zip(item["events"], found, strict=True):
        key = _gold_key(g)
        if best is None:
            result.misses.append(_describe(key))
            continue
        result.matched += 1
        hits = _field_hits(g, predicted[best])
        for name, ok in hits.items():
            counts[name] += ok
            if not ok:
                result.field_errors.append(f"{_describe(key)} {name}")
        counts["overall"] += all(hits.values())
    taken = set(found)
    result.spurious = [_describe(_pred_key(e)) for k, e in enumerate(predicted) if k not in taken]
    return result


def evaluate(gold_path: Path, articles_dir: Path | None = None) -> EvalReport:
    items = read_gold(gold_path)
    folder = articles_dir or gold_path.parent
    counts = dict.fromkeys((*FIELDS, "overall"), 0)
    results = []
    for item in items:
        path = folder / f"{item['id']}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise GoldError(f"cannot read article {path}: {exc}") from exc
        results.append(_score_article(item, predict(item["id"], text), counts))
    gold = sum(r.gold for r in results)
    pred = sum(r.predicted for r in results)
    matched = sum(r.matched for r in results)
    p = matched / pred if pred else 1.0
    r = matched / gold if gold else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = {name: (counts[name] / matched if matched else 0.0) for name in FIELDS}
    return EvalReport(
        len(items),
        gold,
        pred,
        matched,
        round(p, 4),
        round(r, 4),
        round(f1, 4),
        {k: counts[k] for k in FIELDS},
        {k: round(v, 4) for k, v in acc.items()},
        round(counts["overall"] / matched, 4) if matched else 0.0,
        EXTRACTOR_VERSION,
        results,
    )


def format_report(report: EvalReport) -> str:
    rows = [
        ("articles", str(report.articles)),
        ("gold events", str(report.gold)),
        ("predicted events", str(report.predicted)),
        ("matched (type, mode, country pair)", str(report.matched)),
        ("precision", f"{report.precision:.3f}"),
        ("recall", f"{report.recall:.3f}"),
        ("F1", f"{report.f1:.3f}"),
        *((f"accuracy: {name}", f"{report.field_accuracy[name]:.3f}") for name in FIELDS),
        ("accuracy: all fields", f"{report.overall_accuracy:.3f}"),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{'metric':<{width}}  value", f"{'-' * width}  -----"]
    lines += [f"{name:<{width}}  {value}" for name, value in rows]
    for r in report.per_article:
        if r.misses or r.spurious or r.field_errors:
            lines.append(f"{r.article_id}: missed {r.misses} spurious {r.spurious} fields {r.field_errors}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="marsad eval", description="Score the extractor on gold events.")
    parser.add_argument("gold", type=Path, help="gold.jsonl; articles are <id>.txt next to it")
    parser.add_argument("--articles", type=Path, default=None, help="folder of the <id>.txt articles")
    parser.add_argument("--json", type=Path, default=None, dest="json_path", help="also write the report as JSON")
    args = parser.parse_args(list(argv) if argv is not None else None)
    try:
        report = evaluate(args.gold, args.articles)
    except GoldError as exc:
        print(f"marsad eval: {exc}", file=sys.stderr)
        return 2
    print(format_report(report))
    if args.json_path is not None:
        args.json_path.write_text(json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
