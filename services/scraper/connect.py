"""The SSRF guard at connect time: every TCP connection httpx opens is resolved, checked and made to the
checked address itself, so a DNS answer cannot change between the check and the connection (rebinding)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable, Sequence

import httpcore
import httpx

from services.scraper.errors import ScrapeError
from services.scraper.ssrf import IPNetwork, address_allowed, resolve


class GuardedBackend(httpcore.AsyncNetworkBackend):
    def __init__(self, inner: httpcore.AsyncNetworkBackend, allowed: Sequence[IPNetwork]) -> None:
        self._inner = inner
        self._allowed = allowed

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await asyncio.wait_for(resolve(host, port), timeout)
        refused = [address for address in addresses if not address_allowed(address, self._allowed)]
        if refused or not addresses:
            raise ScrapeError("ssrf_refused", f"{host} resolves to non-public address {refused[0] if refused else '-'}")
        error: Exception | None = None
        for address in addresses:  # TLS still verifies and sends SNI for `host`: httpcore passes it separately
            try:
                return await self._inner.connect_tcp(str(address), port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise ScrapeError("scheme_refused", "unix sockets are never used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(allowed: Sequence[IPNetwork]) -> httpx.AsyncHTTPTransport:
    """httpx's transport with its connection pool's network backend wrapped by GuardedBackend.

    httpx has no public hook for the backend; if a future httpx moves it, this fails loudly at start-up
    rather than silently dropping the connect-time check."""
    transport = httpx.AsyncHTTPTransport()
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if not isinstance(backend, httpcore.AsyncNetworkBackend):
        raise RuntimeError("httpx's connection pool has no network backend to guard (httpx/httpcore changed)")
    pool._network_backend = GuardedBackend(backend, allowed)  # type: ignore[union-attr]
    return transport
