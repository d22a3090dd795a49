"""The gateway's own settings (`MARSAD_GATEWAY_*`), read once by `marsad gateway` at start-up."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class GatewaySettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MARSAD_GATEWAY_", frozen=True, extra="ignore")

    host: str = Field(default="127.0.0.1", description="Bind address.")
    port: int = Field(default=8088, ge=0, le=65535)
    token: SecretStr | None = Field(default=None, description="When set, POST /articles needs 'Bearer <token>'.")
    max_body_bytes: int = Field(default=8 * 1024 * 1024, ge=1024, description="Larger bodies get 413.")
    max_batch: int = Field(default=500, ge=1, le=10_000, description="Most articles in one batch.")
    publish_timeout: float = Field(default=30.0, gt=0, description="Seconds to wait for the broker's acks.")

    @field_validator("token", mode="before")
    @classmethod
    def _empty_means_none(cls, value: object) -> object:
        """MARSAD_GATEWAY_TOKEN="" (an unset variable in compose files) means no auth, not an empty token."""
        return None if value is None or (isinstance(value, str) and not value.strip()) else value
