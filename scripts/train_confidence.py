"""Regenerate `data/confidence.tsv` from the development sets and print the out-of-fold report
(docs/ontology.md, "Confidence", shows it):

    python -m scripts.train_confidence             # report, then write the data file
    python -m scripts.train_confidence --check     # exit 1 when the shipped file differs

(from the repository root). It lives outside services/extraction because that package is compiled by
mypyc, and a compiled module cannot be run with `python -m`.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from services.extraction.confidence_fit import DATA_FILE, SEEDS, Article, fit, load_sets, model_lines
from services.extraction.confidence_report import calibration, filtering


def shipped_text(articles: Sequence[Article]) -> str:
    """The data file: the model fitted on every set."""
    return "\n".join(model_lines(fit(articles))) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="train_confidence", description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the seed articles and their gold.jsonl")
    parser.add_argument("--check", action="store_true", help="compare with the shipped data file, write nothing")
    parser.add_argument("--no-report", action="store_true", help="skip the cross-validated report")
    args = parser.parse_args(list(argv) if argv is not None else None)
    articles = load_sets(args.seeds)
    text = shipped_text(articles)
    if args.check:
        same = DATA_FILE.read_text(encoding="utf-8") == text
        print(f"{DATA_FILE}: {'up to date' if same else 'differs from a refit'}")
        return 0 if same else 1
    if not args.no_report:
        print("\n".join(calibration(articles)))
        lines, helped, pooled = filtering(articles)
        folds = len(lines) - 3  # the table's two header rows and its pooled row
        verdict = f"a threshold raised F1 on {helped} of {folds} held-out sets; pooled: {'yes' if pooled else 'no'}"
        print("\n".join(["", *lines, "", verdict]))
    DATA_FILE.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
