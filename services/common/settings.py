"""The one Settings class: every knob, read from NEWSEVENTS_* environment variables (see .env.example)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSEVENTS_", frozen=True, extra="ignore")

    profile: Literal["local", "production"] = "local"
    kafka_bootstrap: str = Field(default="localhost:9092", description="host:port[,host:port]")
    topic_prefix: str = Field(default="", description="prepended to every topic name (tests)")
    topic_replication: int | None = Field(default=None, description="override deploy file")
    topics_file: Path = REPO_ROOT / "deploy" / "topics.toml"
    group_prefix: str = Field(default="newsevents", description="Faust app ids start with it")
    data_dir: Path = Field(default=REPO_ROOT / ".local" / "state", description="Faust tables")
    table_store: str = Field(default="memory://", description="memory:// or rocksdb://")
    max_article_bytes: int = Field(default=1_000_000, description="larger records are dead-lettered")
    dedup_window_days: int = Field(default=30, description="incidents older leave the hot state")
    metrics_port: int | None = Field(default=None, description="serve /metrics here; off if unset")
    http_host: str = "127.0.0.1"
    http_port: int = 8088
    log_level: str = "INFO"
    log_format: Literal["auto", "json", "console"] = "auto"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
