"""Normaliser benchmark: `python -m bench.normalize_bench [--rounds N]`.

Corpora, built in memory from the five seed articles (../shared/seeds) and the development articles we
wrote (tests/fixtures/devset):
- news: the seeds as they are, plus for each three variants that exercise the folds the way real pages do:
  Persian-typed (Farsi yeh/keheh, Persian digits, curly quotes), web noise (bidi marks, zero-width
  non-joiners, no-break spaces, Eastern digits, tatweel after the article) and lightly vocalised
  (a shadda or tanwin on every eighth word, as news prints them).
- samples: the 47 development articles as written (agency copy with date lines, sign-offs, related blocks).
- stress: the worst cases for offsets, where nearly every character is an edit: fully vocalised text
  (a haraka after every letter) and PDF text (presentation forms, Eastern digits, bidi marks, NBSPs).

Rows, each on the same texts in the same run, single process, CPU time (time.process_time), best and
median of `--rounds` passes over the corpus:
- ours: views     clean_view + match_view with both offset maps composed back to the raw text (the C views
                  when the compiled build is current, else Python: the header line says which); the maps as
                  normalize_article publishes them (its OffsetMaps hold the C views' RunArrays unlisted, so
                  this row is what it pays for views and offsets; the pydantic wrappers are in `article`)
- ours: article   normalize_article end to end (structure, segmentation, the pydantic model)
- camel: 4 folds  dediac_ar + normalize_alef_ar + normalize_alef_maksura_ar + normalize_teh_marbuta_ar
                  (the folds we share; string in, string out, no offsets): the bare chain
- camel: cleaning normalize_unicode (NFKC) + the arclean CharMapper + the 4 folds: camel-tools' chain for
                  what our two views do (cleaning and match folds), still without offsets: the like-for-like
                  reference (docs/normalization.md says why)
MB/s counts UTF-8 bytes of the raw input; the ratios are the reference's time over ours (above 1: we are
faster). The issue's targets: views with offsets at least 20 MB/s and at least 5x the reference chain.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from bench.paths import SEEDS_DIR
from schemas.raw import IngestMetadata, RawArticle
from services import native
from services.arabic import clean_view, match_view, normalize_article
from services.arabic.offsets import compose

SAMPLES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "devset"
TARGET_MBPS = 20.0
TARGET_RATIO = 5.0
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
    seeds = [path.read_text(encoding="utf-8") for path in sorted(SEEDS_DIR.glob("*.txt"))]
    if not seeds:
        sys.exit(f"no seed articles in {SEEDS_DIR}")
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


def samples() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.glob("*.txt"))]


def cpu_seconds(function: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    """CPU seconds of each pass over `texts` (the machine is shared: wall time counts the neighbours),
    after one untimed pass that builds the tables and compiles the patterns."""
    for text in texts:
        function(text)
    passes = []
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            function(text)
        passes.append(time.process_time() - start)
    return passes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args(argv)
    print(
        f"python {platform.python_version()} on {platform.machine()}, one process, CPU time, "
        f"best (and median) of {args.rounds} passes; noise = (max - min) / median of the passes"
    )
    print(f"code: {native.STATUS.line()}")
    for name, variants in CORPORA.items():
        run(name, corpus(variants), args.rounds)
        if name == "news":
            run("samples", samples(), args.rounds)


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
    passes = {row: sorted(cpu_seconds(function, texts, rounds)) for row, function in rows.items()}
    seconds = {row: times[0] for row, times in passes.items()}
    print(f"\ncorpus {name}: {len(texts)} articles, {size / 1e6:.3f} MB UTF-8")
    print(
        f"{'chain':<18}{'MB/s':>8}{'(median)':>10}{'µs/article':>12}{'noise':>8}"
        f"{'x bare 4 folds':>16}{'x cleaning chain':>18}"
    )
    for row, times in passes.items():
        best, median = times[0], times[len(times) // 2]
        print(
            f"{row:<18}{size / best / 1e6:>8.1f}{size / median / 1e6:>10.1f}{best / len(texts) * 1e6:>12.1f}"
            f"{(times[-1] - best) / median:>8.0%}"
            f"{seconds['camel: 4 folds'] / best:>16.2f}{seconds['camel: cleaning'] / best:>18.2f}"
        )
    views = seconds["ours: views"]
    for label, reference in (("bare 4-fold chain", "camel: 4 folds"), ("cleaning chain", "camel: cleaning")):
        ratio = seconds[reference] / views
        verdict = "met" if ratio >= TARGET_RATIO else f"missed, {TARGET_RATIO / ratio:.1f}x short"
        print(f"views+offsets vs {label}: {ratio:.2f}x (target {TARGET_RATIO:.0f}x: {verdict})")
    mbps = size / views / 1e6
    verdict = "met" if mbps >= TARGET_MBPS else "missed"
    print(f"views+offsets: {mbps:.1f} MB/s (target {TARGET_MBPS:.0f} MB/s: {verdict})")


if __name__ == "__main__":
    main()
