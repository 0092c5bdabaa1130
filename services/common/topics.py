"""The topic catalogue: contract topic names and their settings, read from deploy/topics.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ARTICLES = "articles.v1"
MENTIONS = "mentions.v1"
INCIDENTS = "incidents.v1"
CLAIMS = "claims.v1"
DLQ = "dlq.v1"


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    replication_factor: int
    config: dict[str, str] = field(default_factory=dict)


def load_topics(path: Path, prefix: str = "", replication: int | None = None) -> list[TopicSpec]:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    default_rf = int(raw.get("defaults", {}).get("replication_factor", 1))
    specs = []
    for name, conf in raw["topics"].items():
        config = {k: str(v) for k, v in conf.items() if "." in k}
        specs.append(
            TopicSpec(
                name=prefix + name,
                partitions=int(conf["partitions"]),
                replication_factor=replication or default_rf,
                config=config,
            )
        )
    return specs
