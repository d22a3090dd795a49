"""Canonical URLs and article ids: pure functions, no network."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from services.scraper.errors import ScrapeError

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "at_medium",
        "at_campaign",
        "ref_src",
        "xtor",
    }
)
TRACKING_PREFIXES = ("utm_", "at_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_SOURCE_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize(url: str) -> str:
    """Lower-case scheme and host, drop default port, fragment, credentials and tracking parameters.

    Path and the order of the remaining query parameters are kept: servers may treat them as significant.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise ScrapeError("invalid_url", f"not a valid URL: {exc}") from None
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)])
    return urlunsplit((scheme, netloc, parts.path.strip() or "/", query, ""))


def resolve_link(base: str, link: str) -> str:
    return urljoin(base, link.strip())


def same_site(a: str, b: str) -> bool:
    """True when both hosts share their last two labels (www.x.com ~ m.x.com); used to trust rel=canonical."""
    host_a, host_b = (urlsplit(u).hostname or "" for u in (a, b))
    return host_a.split(".")[-2:] == host_b.split(".")[-2:] and bool(host_a)


def choose_canonical(fetched_url: str, declared: str | None) -> str:
    """The page's rel=canonical when it is http(s) on the same site, else the fetched URL; then canonicalised."""
    if declared:
        try:
            candidate = canonicalize(resolve_link(fetched_url, declared))
        except (ScrapeError, ValueError):
            candidate = ""  # a broken rel=canonical is ignored
        if urlsplit(candidate).scheme in ("http", "https") and same_site(candidate, fetched_url):
            return candidate
    return canonicalize(fetched_url)


def article_id_for(source: str, canonical_url: str) -> str:
    """`<source>:<first 24 hex digits of sha256(canonical URL)>`: stable across restarts and re-fetches."""
    digest = hashlib.sha256(canonical_url.encode()).hexdigest()[:24]
    return f"{_SOURCE_SAFE.sub('-', source)[:100]}:{digest}"


def host_key(url: str) -> str:
    """The politeness unit: scheme, host and port."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"
