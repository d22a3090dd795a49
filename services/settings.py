"""All runtime settings, read once from the environment at start-up (pydantic-settings).

Every variable is `MARSAD_<FIELD>` except the bootstrap servers, which also answer to the conventional
`KAFKA_BOOTSTRAP_SERVERS`. Entry points call `load_settings()`; nothing else reads the environment.
"""

from __future__ import annotations

import socket
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MARSAD_", frozen=True, extra="ignore")

    kafka_bootstrap_servers: str = Field(
        default="",
        validation_alias=AliasChoices("KAFKA_BOOTSTRAP_SERVERS", "MARSAD_KAFKA_BOOTSTRAP_SERVERS"),
        description="host:port[,host:port]; empty means 'start the local broker' for demo and tests.",
    )
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: str | None = None
    kafka_ssl_certfile: str | None = None
    kafka_ssl_keyfile: str | None = None

    topic_raw: str = "marsad.articles.raw"
    topic_normalized: str = "marsad.articles.normalized"
    topic_events: str = "marsad.events"
    topic_deadletter: str = "marsad.deadletter"
    topic_partitions: int = Field(default=4, ge=1, le=1024)
    topic_replication_factor: int = Field(default=1, ge=1, le=16)
    topic_retention_ms: int = Field(default=7 * 24 * 3600 * 1000, ge=-1)

    worker_id: str = Field(default="marsad-worker", description="Faust app id == consumer group id.")
    worker_name: str = Field(
        default_factory=socket.gethostname, description="This instance's name, in dead letters and logs."
    )
    worker_web_host: str = "127.0.0.1"
    worker_web_port: int = Field(default=6066, ge=1, le=65535)
    worker_data_dir: str = Field(default=".cache/worker", description="Faust's local state directory.")
    worker_max_in_flight: int = Field(
        default=64,
        ge=1,
        le=4096,
        description="Messages per agent taken from the stream and not yet acknowledged (the pipelining window).",
    )
    worker_stage_processes: int = Field(
        default=1,
        ge=1,
        le=64,
        description="Stage child processes per agent (normalise + extract); a message goes to one by its key. "
        "One keeps a worker at about one core; set it to the cores a worker may use (see docs/scaling.md).",
    )
    stage_timeout_seconds: float = Field(
        default=30.0,
        gt=0,
        description="Longest the stages may take for one message before it is abandoned (processing_timeout).",
    )
    topic_normalized_input: str = Field(
        default="",
        description="Optional topic of normalised articles pushed by producers, to extract; empty: none. "
        "Must not be topic_normalized (the worker's own output).",
    )

    max_message_bytes: int = Field(default=16 * 1024 * 1024, ge=1024, description="Largest raw message accepted.")
    max_text_chars: int = Field(default=200_000, ge=1, description="Longest article text normalised.")
    max_events_per_article: int = Field(default=200, ge=1)
    deadletter_max_original_bytes: int = Field(
        default=1024 * 1024, ge=0, description="Original bytes kept in a dead letter; longer values are truncated."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"

    @model_validator(mode="after")
    def _input_is_not_own_output(self) -> Settings:
        if self.topic_normalized_input and self.topic_normalized_input == self.topic_normalized:
            raise ValueError("topic_normalized_input must differ from topic_normalized (the worker's own output)")
        return self

    def require_bootstrap(self) -> str:
        if not self.kafka_bootstrap_servers:
            raise ValueError("KAFKA_BOOTSTRAP_SERVERS is not set (use `marsad demo` or `marsad kafka start`)")
        return self.kafka_bootstrap_servers


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
