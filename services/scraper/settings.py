"""The scraper's own settings (`MARSAD_SCRAPER_*`), read once by `marsad scrape` at start-up."""

from __future__ import annotations

import ipaddress

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_USER_AGENT = "MarsadScraper/0.1 (+https://github.com/marsad/marsad; news research bot)"


class ScraperSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MARSAD_SCRAPER_", frozen=True, extra="ignore")

    state_path: str = Field(default=".cache/scraper/state.sqlite3", description="SQLite file of seen URLs/hashes.")
    web_host: str = Field(default="127.0.0.1", description="Bind address of /metrics, /healthz, /readyz.")
    web_port: int = Field(default=6067, ge=0, le=65535, description="0 picks a free port (logged).")
    web_enabled: bool = Field(default=True, description="Serve /metrics, /healthz, /readyz.")
    user_agent: str = Field(default=DEFAULT_USER_AGENT, min_length=1, max_length=300)

    connect_timeout: float = Field(default=10.0, gt=0)
    read_timeout: float = Field(default=20.0, gt=0, description="Longest wait for the next bytes of a response.")
    total_timeout: float = Field(default=60.0, gt=0, description="Longest time for one whole response body.")
    max_retries: int = Field(default=3, ge=0, le=10, description="Retries after a 5xx, timeout or connect error.")
    backoff_base: float = Field(default=1.0, ge=0, description="First backoff in seconds; doubles, with jitter.")
    backoff_max: float = Field(default=60.0, ge=0)
    max_response_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, description="Larger bodies are cut off.")
    max_redirects: int = Field(default=5, ge=0, le=20)

    concurrency: int = Field(default=16, ge=1, le=512, description="Requests in flight overall.")
    per_host_concurrency: int = Field(default=2, ge=1, le=64, description="Requests in flight per host.")
    per_host_interval: float = Field(default=1.0, ge=0, description="Minimum seconds between request starts per host.")
    respect_robots: bool = True
    robots_ttl: float = Field(default=3600.0, ge=0, description="Seconds a robots.txt is cached.")

    allow_private_networks: list[str] = Field(
        default_factory=list,
        description='CIDR blocks exempt from the SSRF guard, e.g. ["127.0.0.0/8"] for tests. Empty in production.',
    )
    fallback_encoding: str = Field(default="windows-1256", description="Charset when nothing declares one.")
    keep_html: bool = Field(default=False, description="Put the page's HTML into RawArticle.html.")
    shutdown_grace: float = Field(default=20.0, ge=0, description="Seconds in-flight pages get after SIGTERM.")

    @field_validator("allow_private_networks")
    @classmethod
    def _valid_networks(cls, value: list[str]) -> list[str]:
        for block in value:
            ipaddress.ip_network(block, strict=False)
        return value

    @field_validator("fallback_encoding")
    @classmethod
    def _known_encoding(cls, value: str) -> str:
        import codecs

        codecs.lookup(value)
        return value
