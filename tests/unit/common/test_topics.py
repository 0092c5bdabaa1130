"""The deploy file declares every contract topic with the cleanup policy the contract gives it."""

from __future__ import annotations

from services.common import topics
from services.common.settings import REPO_ROOT
from services.common.topics import load_topics


def test_every_contract_topic_is_declared_once() -> None:
    specs = {s.name: s for s in load_topics(REPO_ROOT / "deploy" / "topics.toml")}
    assert set(specs) == {topics.ARTICLES, topics.MENTIONS, topics.INCIDENTS, topics.CLAIMS, topics.DLQ}
    assert specs[topics.INCIDENTS].config["cleanup.policy"] == "compact"
    assert specs[topics.CLAIMS].config["cleanup.policy"] == "compact"
    assert specs[topics.DLQ].config["retention.ms"] == str(30 * 24 * 3600 * 1000)


def test_prefix_and_replication_override_apply_to_every_topic() -> None:
    specs = load_topics(REPO_ROOT / "deploy" / "topics.toml", prefix="t1-", replication=3)
    assert all(s.name.startswith("t1-") and s.replication_factor == 3 for s in specs)
