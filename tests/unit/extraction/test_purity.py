"""The extraction package is pure: importing it pulls in no Kafka, Faust, HTTP or Prometheus code."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = (
    "faust",
    "aiokafka",
    "kafka",
    "httpx",
    "aiohttp",
    "requests",
    "prometheus_client",
    "starlette",
    "uvicorn",
    "services.worker",
    "services.scraper",
)

PROBE = """
import sys
import services.extraction
import services.extraction.extract, services.extraction.evaluate
from services.extraction.gazetteer import load_gazetteer
shells = ("services.worker", "services.scraper")
bad = sorted(m for m in sys.modules if m.split(".")[0] in {names!r} or m.startswith(shells))
print(",".join(bad))
"""


def test_no_forbidden_imports() -> None:
    roots = {f for f in FORBIDDEN if "." not in f}
    out = subprocess.run([sys.executable, "-c", PROBE.format(names=roots)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_data_loaded_at_import() -> None:
    probe = (
        "import services.extraction.extract as e, services.extraction.lexicon as l, "
        "services.extraction.places as p; "
        "print(l.triggers.cache_info().currsize, p._index.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0"]
