"""The gateway's Starlette app: POST /articles (one RawArticle or a batch) plus /metrics, /healthz, /readyz."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from prometheus_client import CollectorRegistry
from pydantic import BaseModel
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from schemas.raw import RawArticle
from services.scraper.gateway.body import InvalidBody, TooLarge, parse_articles, read_limited
from services.scraper.gateway.metrics import GatewayMetrics
from services.scraper.gateway.models import Accepted, Invalid, Problem
from services.scraper.gateway.settings import GatewaySettings
from services.scraper.web import ops_routes

log = logging.getLogger(__name__)
JSON_TYPES = frozenset({"application/json"})


class BatchPublisher(Protocol):
    async def publish(self, articles: Sequence[RawArticle]) -> None:
        """Return once the broker acknowledged every article; raise otherwise."""


def _answer(model: BaseModel, status: int, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(model.model_dump(mode="json"), status_code=status, headers=headers)


class IngestEndpoint:
    def __init__(self, settings: GatewaySettings, publisher: BatchPublisher, metrics: GatewayMetrics) -> None:
        self._settings = settings
        self._publisher = publisher
        self._metrics = metrics

    async def handle(self, request: Request) -> Response:
        started = time.monotonic()
        outcome, response = await self._handle(request)
        self._metrics.requests.labels(outcome, str(response.status_code)).inc()
        self._metrics.request_seconds.observe(time.monotonic() - started)
        return response

    async def _handle(self, request: Request) -> tuple[str, Response]:
        if not self._authorized(request.headers.get("authorization", "")):
            problem = Problem(error="unauthorized", detail="a valid 'Authorization: Bearer <token>' is required")
            return "unauthorized", _answer(problem, 401, {"WWW-Authenticate": 'Bearer realm="marsad"'})
        media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if media not in JSON_TYPES:
            problem = Problem(error="unsupported_media_type", detail="send Content-Type: application/json")
            return "unsupported_media_type", _answer(problem, 415)
        limit = self._settings.max_body_bytes
        try:
            body = await read_limited(request.stream(), request.headers.get("content-length"), limit)
            self._metrics.received_bytes.inc(len(body))
            articles = parse_articles(body, self._settings.max_batch)
        except ClientDisconnect:
            problem = Problem(error="client_disconnected", detail="the client went away before the body ended")
            return "client_disconnected", _answer(problem, 400)
        except TooLarge as exc:
            return "too_large", _answer(Problem(error="too_large", detail=str(exc)), 413, {"Connection": "close"})
        except InvalidBody as exc:
            return "invalid", _answer(Invalid(errors=exc.errors), 400)
        try:
            await asyncio.wait_for(self._publisher.publish(articles), timeout=self._settings.publish_timeout)
        except Exception as exc:
            log.error("publish failed: %s: %s", type(exc).__name__, exc, extra={"reason": "publish"})
            problem = Problem(error="unavailable", detail="the broker did not acknowledge; retry later")
            return "unavailable", _answer(problem, 503, {"Retry-After": "5"})
        self._metrics.published.inc(len(articles))
        ids = [article.article_id for article in articles]
        return "accepted", _answer(Accepted(accepted=len(ids), article_ids=ids), 202)

    def _authorized(self, header: str) -> bool:
        token = self._settings.token
        if token is None:
            return True
        expected = f"Bearer {token.get_secret_value()}".encode()
        return hmac.compare_digest(header.encode(), expected)


def build_app(
    settings: GatewaySettings,
    publisher: BatchPublisher,
    metrics: GatewayMetrics,
    registry: CollectorRegistry,
    ready: Callable[[], bool],
) -> Starlette:
    endpoint = IngestEndpoint(settings, publisher, metrics)
    routes = [Route("/articles", endpoint.handle, methods=["POST"]), *ops_routes(registry, ready)]
    return Starlette(routes=routes)
