"""Locations the tests read: the repository and the shared seed articles beside the checkout."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
