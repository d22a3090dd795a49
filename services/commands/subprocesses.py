"""Child `marsad` processes (worker, scraper) for the demo and the tests: started, probed and stopped."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from services.localkafka.broker import terminate_pid


def spawn_marsad(
    args: list[str], env: dict[str, str], log_path: Path, cwd: Path | None = None
) -> subprocess.Popen[bytes]:
    """`marsad ARGS` in a new session, logging to `log_path`; from the checkout `cwd` when given."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "services.cli", *args],
            cwd=cwd,
            env={**os.environ, **env},
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def http_status(url: str, timeout: float = 2.0) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            status: int = response.status
            return status
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, OSError):
        return None


def wait_http_ok(url: str, timeout: float, process: subprocess.Popen[bytes] | None = None) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        if http_status(url) == 200:
            return True
        time.sleep(0.25)
    return False


def stop_process(process: subprocess.Popen[bytes], grace: float = 20.0) -> int | None:
    """SIGTERM (graceful Faust shutdown), then SIGKILL after `grace` seconds."""
    if process.poll() is None:
        terminate_pid(process.pid, grace, process)
    return process.returncode
