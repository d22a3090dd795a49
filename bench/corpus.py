"""The benchmark corpus: Arabic articles of chosen sizes, built at run time from the shared seeds and our filler.

The seed texts are read from `../shared/seeds/*.txt` when the suite runs and never copied into the repository.
Articles are assembled paragraph by paragraph (a seed's lead, then a deterministic mix of seed and filler
paragraphs) until they reach the requested UTF-8 size, so every size class has realistic Arabic text.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.paths import SEEDS_DIR
from schemas.raw import IngestMetadata, RawArticle

FILLER = Path(__file__).with_name("filler_ar.txt")


@dataclass(frozen=True, slots=True)
class Sources:
    seeds: list[list[str]]  # paragraphs of each seed article
    filler: list[str]

    @property
    def seed_count(self) -> int:
        return len(self.seeds)


def load_sources(seeds_dir: Path = SEEDS_DIR) -> Sources:
    seeds = [_paragraphs(path.read_text(encoding="utf-8")) for path in sorted(seeds_dir.glob("*.txt"))]
    filler = [line for line in _paragraphs(FILLER.read_text(encoding="utf-8")) if not line.startswith("#")]
    if not seeds:
        raise FileNotFoundError(f"no seed articles (*.txt) in {seeds_dir}")
    return Sources([s for s in seeds if s], filler)


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def build_text(sources: Sources, target_bytes: int, rng: random.Random) -> str:
    """An article of about `target_bytes` UTF-8 bytes: a seed's lead, then mixed paragraphs."""
    seed = sources.seeds[rng.randrange(sources.seed_count)]
    pool = [p for s in sources.seeds for p in s] + sources.filler
    parts: list[str] = []
    size = 0
    for paragraph in seed[: rng.randint(1, 3)]:
        parts.append(paragraph)
        size += len(paragraph.encode()) + 1
    while size < target_bytes:
        paragraph = rng.choice(pool)
        parts.append(paragraph)
        size += len(paragraph.encode()) + 1
    text = "\n".join(parts)
    encoded = text.encode()
    if len(encoded) > target_bytes * 1.05 and len(parts) > 1:  # trim the last paragraph to a word boundary
        cut = encoded[:target_bytes].decode("utf-8", errors="ignore")
        text = cut.rsplit(" ", 1)[0] + "."
    return text


def log_uniform_sizes(count: int, low: int, high: int, rng: random.Random) -> list[int]:
    return [round(math.exp(rng.uniform(math.log(low), math.log(high)))) for _ in range(count)]


def make_article(article_id: str, text: str, fetched_at: datetime | None = None) -> RawArticle:
    return RawArticle(
        article_id=article_id,
        source="bench",
        text=text,
        fetched_at=fetched_at or datetime.now(UTC),
        ingest=IngestMetadata(channel="cli", agent="marsad-bench"),
    )


def stage_corpus(sources: Sources, count: int, seed: int = 8) -> list[RawArticle]:
    """`count` articles of 1-20 KB (log-uniform sizes) for the stage microbenchmarks."""
    rng = random.Random(seed)
    sizes = log_uniform_sizes(count, 1024, 20 * 1024, rng)
    return [make_article(f"bench-stage-{i:05d}", build_text(sources, size, rng)) for i, size in enumerate(sizes)]


def fixed_size_corpus(sources: Sources, count: int, size: int = 4096, seed: int = 4) -> list[RawArticle]:
    rng = random.Random(seed)
    return [make_article(f"bench-{size}-{i:06d}", build_text(sources, size, rng)) for i in range(count)]


def encoded_payloads(articles: list[RawArticle]) -> list[tuple[bytes, bytes]]:
    """(key, value) pairs exactly as `marsad publish` sends them."""
    return [(a.article_id.encode(), a.model_dump_json(exclude_none=True).encode()) for a in articles]
