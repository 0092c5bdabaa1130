"""Cross-language merge on the real broker, across a deduplicator restart that must recover its table from the changelog."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from services.common import topics
from tests.integration.conftest import RunningPipeline
from tests.integration.kafka_io import consume_until, produce, values

REPO = Path(__file__).resolve().parents[2]
SAMPLES = {a["article_id"]: a for a in map(json.loads, (REPO / "samples" / "articles.jsonl").read_text().splitlines())}


def vovchansk_revisions(p: RunningPipeline, want: int) -> list[dict]:  # type: ignore[type-arg]
    topic = p.settings.topic_prefix + topics.INCIDENTS

    def vovchansk(recs: list) -> list[dict]:  # type: ignore[type-arg]
        return [v for v in values(recs) if v["location"]["name"] == "Vovchansk"]

    recs = asyncio.run(consume_until(
        p.settings.kafka_bootstrap, [topic], lambda r: len(vovchansk(r)) >= want,
        timeout_s=120, settle_s=3, check=p.assert_alive))
    return vovchansk(recs)


def test_italian_then_english_report_after_a_restart_is_one_incident_at_revision_2(
    fresh_pipeline: RunningPipeline,
) -> None:
    p = fresh_pipeline
    send = lambda a: asyncio.run(produce(p.settings.kafka_bootstrap, p.settings.topic_prefix + topics.ARTICLES,  # noqa: E731
                                         [(a["article_id"].encode(), json.dumps(a).encode())]))
    send(SAMPLES["seed-it-0001"])
    [first] = vovchansk_revisions(p, 1)
    assert first["revision"] == 1

    p.stop("deduplicator")
    p.start("deduplicator")
    send(SAMPLES["sample-en-0001"])
    revisions = vovchansk_revisions(p, 2)
    latest = max(revisions, key=lambda v: v["revision"])
    assert latest["incident_id"] == first["incident_id"]
    assert latest["revision"] == 2
    assert set(latest["sources"]) == {"seed", "newsevents-samples"}
    assert {e["language"] for e in latest["evidence"]} == {"it", "en"}
