"""Where the benchmarks read their inputs. Standard library only: `extract_bench` measures its imports after this."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The shared seeds sit beside the checkout; MARSAD_BENCH_SEEDS points elsewhere (e.g. for an exported copy).
SEEDS_DIR = Path(os.environ.get("MARSAD_BENCH_SEEDS") or REPO.parent / "shared" / "seeds")
