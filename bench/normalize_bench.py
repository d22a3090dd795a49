"""Normaliser benchmark: `python -m bench.normalize_bench [--rounds N]`.

Corpora, built in memory from the five seed articles (../shared/seeds):
- news: the seeds as they are, plus for each three variants that exercise the folds the way real pages do:
  Persian-typed (Farsi yeh/keheh, Persian digits, curly quotes), web noise (bidi marks, zero-width
  non-joiners, no-break spaces, Eastern digits, tatweel after the article) and lightly vocalised
  (a shadda or tanwin on every eighth word, as news prints them).
- stress: the worst cases for offsets, where nearly every character is an edit: fully vocalised text
  (a haraka after every letter) and PDF text (presentation forms, Eastern digits, bidi marks, NBSPs).

Rows, each on the same texts in the same run, single process, best of `--rounds`:
- ours: views     clean_view + match_view with both offset maps composed back to the raw text
- ours: article   normalize_article end to end (structure, segmentation, the pydantic model)
- camel: 4 folds  dediac_ar + normalize_alef_ar + normalize_alef_maksura_ar + normalize_teh_marbuta_ar
                  (the folds we share; string in, string out, no offsets)
- camel: cleaning normalize_unicode (NFKC) + the arclean CharMapper + the 4 folds: camel-tools' chain for
                  what our two views do (cleaning and match folds), still without offsets
MB/s counts UTF-8 bytes of the raw input.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from schemas.raw import IngestMetadata, RawArticle
from services.arabic import clean_view, match_view, normalize_article
from services.arabic.offsets import compose

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
HARAKAT = "\u064e\u064f\u0650\u0652\u0651"
PDF_FORMS = {"\u0644\u0627": "\ufefb", "\u0628": "\ufe91", "\u0647": "\ufeeb", "\u064a": "\ufef3", "\u0646": "\ufee7"}


def vocalised(text: str) -> str:
    return "".join(c + HARAKAT[i % 5] if "\u0621" <= c <= "\u064a" else c for i, c in enumerate(text))


def lightly_vocalised(text: str) -> str:
    words = text.split(" ")
    return " ".join(word + HARAKAT[i % 5] if i % 8 == 0 else word for i, word in enumerate(words))


def web_noise(text: str) -> str:
    text = text.translate({ord(str(d)): chr(0x0660 + d) for d in range(10)})
    text = "\n".join(f"\u200f{line}\u200e" for line in text.split("\n"))
    return text.replace(" ال", " الـ", 20).replace(" و", "\u00a0و", 30).replace("ها ", "\u200cها ", 10)


def pdf_style(text: str) -> str:
    for letters, form in PDF_FORMS.items():
        text = text.replace(letters, form)
    text = text.translate({ord(str(d)): chr(0x0660 + d) for d in range(10)})
    return "\u202b" + text.replace(" ", "\u00a0 ", 200).replace("\n", "\u200f\n").replace("ال", "الـ") + "\u202c"


def persian_typed(text: str) -> str:
    text = text.replace("\u064a ", "\u06cc ").replace("\u0643", "\u06a9").replace('"', "\u201c")
    return text.translate({ord(str(d)): chr(0x06F0 + d) for d in range(10)})


CORPORA: dict[str, tuple[Callable[[str], str], ...]] = {
    "news": (str, persian_typed, web_noise, lightly_vocalised),
    "stress": (vocalised, pdf_style),
}


def corpus(variants: tuple[Callable[[str], str], ...]) -> list[str]:
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    if not seeds:
        sys.exit(f"no seed articles in {SEEDS}")
    return [variant(seed) for seed in seeds for variant in variants]


def ours_views(text: str) -> object:
    clean, clean_runs = clean_view(text)
    match, match_runs = match_view(clean)
    return clean, match, clean_runs, compose(match_runs, clean_runs) if match_runs else []


def camel_chains() -> dict[str, Callable[[str], str]]:
    from camel_tools.utils.charmap import CharMapper
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
        normalize_unicode,
    )

    arclean = CharMapper.builtin_mapper("arclean")

    def folds(text: str) -> str:
        folded: str = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))
        return folded

    return {"camel: 4 folds": folds, "camel: cleaning": lambda text: folds(arclean(normalize_unicode(text)))}


def best_seconds(function: Callable[[str], object], texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    print(f"python {platform.python_version()} on {platform.machine()}, one process, best of {args.rounds} rounds")
    for name, variants in CORPORA.items():
        run(name, corpus(variants), args.rounds)


def run(name: str, texts: list[str], rounds: int) -> None:
    fetched = datetime.now(UTC)
    ingest = IngestMetadata(channel="cli")
    articles = {
        text: RawArticle(article_id="bench", source="bench", text=text, fetched_at=fetched, ingest=ingest)
        for text in texts
    }
    rows: dict[str, Callable[[str], object]] = {
        "ours: views": ours_views,
        "ours: article": lambda text: normalize_article(articles[text]),
        **camel_chains(),
    }
    size = sum(len(text.encode("utf-8")) for text in texts)
    seconds = {row: best_seconds(function, texts, rounds) for row, function in rows.items()}
    print(f"\ncorpus {name}: {len(texts)} articles, {size / 1e6:.3f} MB UTF-8")
    print(f"{'chain':<18}{'MB/s':>8}{'µs/article':>12}{'x camel 4 folds':>17}{'x camel cleaning':>18}")
    for row, elapsed in seconds.items():
        print(
            f"{row:<18}{size / elapsed / 1e6:>8.1f}{elapsed / len(texts) * 1e6:>12.1f}"
            f"{seconds['camel: 4 folds'] / elapsed:>17.2f}{seconds['camel: cleaning'] / elapsed:>18.2f}"
        )


if __name__ == "__main__":
    main()
