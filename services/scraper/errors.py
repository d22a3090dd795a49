"""Why a fetch or an article was given up: one closed vocabulary, used in logs and metric labels."""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal[
    "invalid_url",  # a link that is not a URL (bad port, broken IPv6 literal, ...)
    "scheme_refused",  # not http(s), or credentials in the URL
    "ssrf_refused",  # the host resolves to a private/loopback/link-local/reserved address
    "dns",  # the host name does not resolve
    "robots_disallowed",  # robots.txt forbids the URL for our user agent
    "timeout",  # connect/read/total timeout (after retries)
    "connect",  # connection refused/reset (after retries)
    "http_4xx",  # a client error status (never retried)
    "http_5xx",  # a server error status (after retries)
    "too_many_redirects",  # redirect chain longer than max_redirects, or a loop
    "too_large",  # body larger than max_response_bytes (cut off while streaming)
    "content_type",  # not HTML for a page, not XML for a feed
    "decode",  # the body could not be decoded as text
    "feed_malformed",  # not well-formed XML, or not RSS/Atom/sitemap
    "xml_forbidden",  # DTD entities / external references (e.g. billion laughs): refused by defusedxml
    "extract_empty",  # neither the page nor the feed entry gave any text
    "invalid_article",  # the RawArticle failed validation
    "publish",  # the broker did not acknowledge
    "internal",  # an unexpected exception (a bug or a library failure); logged with its traceback
]

ERROR_KINDS: tuple[str, ...] = ErrorKind.__args__  # type: ignore[attr-defined]


class ScrapeError(Exception):
    """A fetch or extraction given up for a reason in `ErrorKind`; `status` is the HTTP status when there was one."""

    def __init__(
        self, kind: ErrorKind, message: str, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.status = status
        self.retry_after = retry_after  # seconds, from a 5xx answer's Retry-After header
