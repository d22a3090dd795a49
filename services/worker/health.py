"""/healthz (the process answers) and /readyz (connected to Kafka with partitions assigned)."""

from __future__ import annotations

import faust
from faust import web

from services.worker.metrics import WorkerMetrics


def readiness(app: faust.App) -> tuple[bool, dict[str, object]]:
    try:
        assigned = sorted(f"{tp.topic}:{tp.partition}" for tp in app.consumer.assignment())
    except Exception:  # the consumer does not exist until the worker has connected
        assigned = []
    rebalancing = bool(app.rebalancing)
    ready = bool(assigned) and not rebalancing
    return ready, {"ready": ready, "rebalancing": rebalancing, "assigned_partitions": assigned}


def add_health_views(app: faust.App, metrics: WorkerMetrics) -> None:
    @app.page("/healthz")
    async def healthz(self: web.View, request: web.Request) -> web.Response:
        return self.json({"status": "alive"})

    @app.page("/readyz")
    async def readyz(self: web.View, request: web.Request) -> web.Response:
        ready, body = readiness(app)
        metrics.ready.set(1 if ready else 0)
        return self.json(body, status=200 if ready else 503)
