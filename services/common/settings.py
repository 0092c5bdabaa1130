"""The one Settings class: every knob, read from NEWSEVENTS_* environment variables (see .env.example)."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]

#: tokens that are examples, not secrets; production refuses them
PLACEHOLDER_TOKENS = frozenset(
    {"change-me", "changeme", "change_me", "secret", "token", "password", "default", "example",
     "test", "dev", "newsevents"}
)
#: a bearer token shorter than this is guessable; production refuses it
MIN_PRODUCTION_TOKEN_LENGTH = 16

KafkaSecurityProtocol = Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"]
KafkaSaslMechanism = Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"]


def is_loopback_host(host: str) -> bool:
    """True for names and addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        # a DNS name other than localhost may resolve to any interface: treat it as public
        return False


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSEVENTS_", frozen=True, extra="ignore")

    profile: Literal["local", "production"] = "local"
    kafka_bootstrap: str = Field(default="localhost:9092", description="host:port[,host:port]")
    kafka_security_protocol: KafkaSecurityProtocol = "PLAINTEXT"
    kafka_sasl_mechanism: KafkaSaslMechanism = "PLAIN"
    kafka_sasl_username: str | None = None
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_cafile: Path | None = Field(default=None, description="CA bundle; system CAs if unset")
    kafka_ssl_certfile: Path | None = Field(default=None, description="client certificate (mTLS)")
    kafka_ssl_keyfile: Path | None = Field(default=None, description="client private key (mTLS)")
    kafka_ssl_key_password: SecretStr | None = Field(default=None, description="if the key is encrypted")
    kafka_compression: Literal["none", "gzip", "lz4", "zstd", "snappy"] = Field(
        default="lz4", description="codec of every record batch we produce (JSON shrinks ~4x with lz4)"
    )
    topic_prefix: str = Field(default="", description="prepended to every topic name (tests)")
    topic_replication: int | None = Field(default=None, description="override deploy file")
    topics_file: Path = REPO_ROOT / "deploy" / "topics.toml"
    group_prefix: str = Field(default="newsevents", description="Faust app ids start with it")
    data_dir: Path = Field(default=REPO_ROOT / ".local" / "state", description="Faust tables")
    table_store: str = Field(default="memory://", description="memory:// or rocksdb://")
    table_standby_replicas: int = Field(
        default=0, ge=0, description="Faust standby copies of each table partition on other workers"
    )
    recovery_stall_s: float = Field(
        default=60.0, gt=0, description="restart a table recovery that has read nothing this long"
    )
    max_article_bytes: int = Field(default=1_000_000, description="larger records are dead-lettered")
    dedup_window_days: int = Field(default=30, description="incidents older leave the hot state")
    metrics_port: int | None = Field(default=None, description="serve /metrics here; off if unset")
    http_host: str = "127.0.0.1"
    http_port: int = 8088
    http_token: SecretStr | None = Field(default=None, description="bearer token for POST /articles")
    http_max_request_bytes: int = Field(default=16_000_000, gt=0, description="per request body")
    http_rate_per_s: float = Field(default=20.0, ge=0, description="requests/s per client; 0 = off")
    http_rate_burst: int = Field(default=40, ge=1, description="requests a client may send at once")
    log_level: str = "INFO"
    log_format: Literal["auto", "json", "console"] = "auto"

    @model_validator(mode="after")
    def _kafka_security_is_consistent(self) -> Settings:
        protocol = self.kafka_security_protocol
        uses_sasl = protocol.startswith("SASL_")
        uses_tls = protocol in ("SSL", "SASL_SSL")
        password = self.kafka_sasl_password.get_secret_value() if self.kafka_sasl_password else ""
        if uses_sasl and not (self.kafka_sasl_username and password):
            raise ValueError(
                f"NEWSEVENTS_KAFKA_SECURITY_PROTOCOL={protocol} needs NEWSEVENTS_KAFKA_SASL_USERNAME "
                "and NEWSEVENTS_KAFKA_SASL_PASSWORD (both non-empty)"
            )
        # credentials or certificates next to a protocol that ignores them would silently
        # connect without them: refuse instead of guessing what was meant
        if not uses_sasl and (self.kafka_sasl_username or password):
            raise ValueError(
                f"SASL username/password are set but NEWSEVENTS_KAFKA_SECURITY_PROTOCOL={protocol}; "
                "use SASL_SSL (or SASL_PLAINTEXT) to send them"
            )
        files = {
            "NEWSEVENTS_KAFKA_SSL_CAFILE": self.kafka_ssl_cafile,
            "NEWSEVENTS_KAFKA_SSL_CERTFILE": self.kafka_ssl_certfile,
            "NEWSEVENTS_KAFKA_SSL_KEYFILE": self.kafka_ssl_keyfile,
        }
        given = {name: path for name, path in files.items() if path is not None}
        if given and not uses_tls:
            raise ValueError(
                f"{', '.join(given)} set but NEWSEVENTS_KAFKA_SECURITY_PROTOCOL={protocol}; "
                "use SSL or SASL_SSL for TLS"
            )
        for name, path in given.items():
            if not path.is_file():
                raise ValueError(f"{name}={path}: no such file")
        if self.kafka_ssl_keyfile is not None and self.kafka_ssl_certfile is None:
            raise ValueError("NEWSEVENTS_KAFKA_SSL_KEYFILE needs NEWSEVENTS_KAFKA_SSL_CERTFILE")
        if (
            self.profile == "production"
            and protocol == "SASL_PLAINTEXT"
            and self.kafka_sasl_mechanism == "PLAIN"
        ):
            raise ValueError(
                "production refuses SASL PLAIN over SASL_PLAINTEXT: the password would cross the "
                "network in clear text; use SASL_SSL or a SCRAM mechanism"
            )
        return self

    @model_validator(mode="after")
    def _http_is_safe_in_production(self) -> Settings:
        if self.profile != "production":
            return self
        if self.http_token is not None:
            token = self.http_token.get_secret_value()
            if not token.strip():
                raise ValueError("production refuses an empty NEWSEVENTS_HTTP_TOKEN; unset it or "
                                 "set a random one (e.g. `openssl rand -hex 32`)")
            if token.strip().lower() in PLACEHOLDER_TOKENS:
                raise ValueError("production refuses a placeholder NEWSEVENTS_HTTP_TOKEN; set a "
                                 "random one (e.g. `openssl rand -hex 32`)")
            if len(token) < MIN_PRODUCTION_TOKEN_LENGTH:
                raise ValueError(f"production refuses a NEWSEVENTS_HTTP_TOKEN shorter than "
                                 f"{MIN_PRODUCTION_TOKEN_LENGTH} characters")
        elif not is_loopback_host(self.http_host):
            raise ValueError(
                f"production refuses NEWSEVENTS_HTTP_HOST={self.http_host} without "
                "NEWSEVENTS_HTTP_TOKEN: anyone who reaches it could write articles; set a token "
                "or bind to 127.0.0.1"
            )
        return self

    @property
    def http_token_value(self) -> str | None:
        """The bearer token in clear, for the one comparison that needs it; None when auth is off.

        An empty value counts as unset (production refuses it in the validator above)."""
        token = self.http_token.get_secret_value() if self.http_token is not None else ""
        return token or None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
