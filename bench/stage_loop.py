"""A profiling target: the worker's per-message path (no Kafka) on 4 KB articles, in a loop for N seconds.

`python -m bench.stage_loop --seconds 15` is what `bench.profile` runs under py-spy.
"""

from __future__ import annotations

import argparse
import time

from bench.corpus import fixed_size_corpus, load_sources
from bench.stages import worker_message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    articles = fixed_size_corpus(load_sources(), args.articles)
    payloads = [a.model_dump_json(exclude_none=True).encode() for a in articles]
    deadline = time.monotonic() + args.seconds
    while time.monotonic() < deadline:
        for value in payloads:
            worker_message(value)


if __name__ == "__main__":
    main()
