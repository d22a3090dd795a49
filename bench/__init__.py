"""Marsad's benchmark suite: stage microbenchmarks, end-to-end runs on the real local broker, a report.

Entry point: `python -m bench.run [--quick] [--out bench/results]`. Stage owners keep their own
`*_bench.py` files here; the suite modules are `run`, `stages`, `e2e` and their helpers.
"""
