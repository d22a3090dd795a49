"""`marsad kafka start|stop|status`: a detached local broker for development, tracked by a state file."""

from __future__ import annotations

import json
from pathlib import Path

from services.commands import UserError
from services.localkafka import LocalBroker, wait_until_ready
from services.localkafka.broker import STATE_FILE, BrokerError, terminate_pid

DEFAULT_DIR = Path(".cache") / "kafka"


def _state(data_dir: Path) -> dict[str, str] | None:
    try:
        state: dict[str, str] = json.loads((data_dir / STATE_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None
    return state


def start(data_dir: Path) -> int:
    if (state := _state(data_dir)) is not None:
        raise UserError(f"a local broker is already recorded at {state['bootstrap']} (run `marsad kafka stop`)")
    broker = LocalBroker(data_dir=data_dir.resolve(), detached=True)
    bootstrap = broker.start()
    print(
        f"Kafka {bootstrap} ready in {broker.start_seconds:.1f} s (pid {broker.process.pid if broker.process else '?'})"
    )
    print(f"export KAFKA_BOOTSTRAP_SERVERS={bootstrap}")
    return 0


def stop(data_dir: Path) -> int:
    state = _state(data_dir)
    if state is None:
        print("no local broker recorded")
        return 0
    terminate_pid(int(state["pid"]))
    (data_dir / STATE_FILE).unlink(missing_ok=True)
    print(f"stopped the broker at {state['bootstrap']}")
    return 0


def status(data_dir: Path) -> int:
    state = _state(data_dir)
    if state is None:
        print("no local broker recorded")
        return 1
    try:
        wait_until_ready(state["bootstrap"], timeout=5)
    except BrokerError as exc:
        print(f"recorded at {state['bootstrap']} but not answering: {exc}")
        return 1
    print(f"ready at {state['bootstrap']} (pid {state['pid']})")
    return 0
