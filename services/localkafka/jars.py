"""Resolve Kafka's jars with Maven (deploy/kafka/pom.xml) into a cache directory, once."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
POM = REPO_ROOT / "deploy" / "kafka" / "pom.xml"


class JarsError(RuntimeError):
    pass


def cache_root() -> Path:
    base = os.environ.get("MARSAD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "marsad"
    )
    return Path(base)


def kafka_version(pom: Path = POM) -> str:
    match = re.search(r"<kafka\.version>([^<]+)</kafka\.version>", pom.read_text(encoding="utf-8"))
    if match is None:
        raise JarsError(f"{pom} has no <kafka.version> property")
    return match.group(1)


def ensure_jars(pom: Path = POM) -> Path:
    """Return the directory holding Kafka's runtime classpath, downloading it on first use."""
    if not pom.is_file():
        raise JarsError(f"local broker POM not found at {pom} (run Marsad from a checkout of the repository)")
    libs = cache_root() / f"kafka-{kafka_version(pom)}" / "libs"
    marker = libs / ".complete"
    if marker.is_file():
        return libs
    mvn = shutil.which("mvn")
    if mvn is None:
        raise JarsError("Maven (mvn) is not installed; it is needed once to fetch Kafka's jars")
    if shutil.which("java") is None:
        raise JarsError("Java (>= 17) is not installed; the local Kafka broker needs it")
    libs.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            mvn,
            "-q",
            "-B",
            "-f",
            str(pom),
            "dependency:copy-dependencies",
            "-DincludeScope=runtime",
            f"-DoutputDirectory={libs}",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise JarsError("mvn could not fetch Kafka's jars: " + " | ".join(tail))
    if not any(libs.glob("kafka_2.13-*.jar")):
        raise JarsError(f"mvn finished but no kafka_2.13 jar is in {libs}")
    marker.touch()
    return libs
