"""`marsad worker`: run the Faust worker in the foreground (SIGTERM/SIGINT stop it gracefully)."""

from __future__ import annotations

import faust
from prometheus_client import CollectorRegistry

from services.logs import logging_config
from services.settings import Settings
from services.worker.app import build_app


def run(settings: Settings) -> int:
    app = build_app(settings, CollectorRegistry())
    worker = faust.Worker(
        app,
        loglevel=settings.log_level,
        logging_config=logging_config(settings.log_level, settings.log_format),
        redirect_stdouts=False,
    )
    worker.execute_from_commandline()
    return 0
