"""Replay on the real broker: reprocessing a time range gives the same incident and claim ids and no new revisions."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from services.cli.replay import ReplayRefused, execute, plan
from services.common import topics
from tests.integration.conftest import RunningPipeline
from tests.integration.kafka_io import consume_until, produce, values

REPO = Path(__file__).resolve().parents[2]
ODESSA = next(a for a in map(json.loads, (REPO / "samples" / "articles.jsonl").read_text().splitlines())
              if a["article_id"] == "sample-it-0002")


def outputs(p: RunningPipeline, settle_s: float) -> list[tuple[str, str, int]]:
    names = [p.settings.topic_prefix + topics.INCIDENTS, p.settings.topic_prefix + topics.CLAIMS]
    recs = asyncio.run(consume_until(p.settings.kafka_bootstrap, names, lambda r: bool(r),
                                     timeout_s=60, settle_s=settle_s, check=p.assert_alive))
    return [(r.topic, v.get("incident_id") or v.get("claim_id"), v["revision"])
            for r, v in zip(recs, values(recs)) if "replay-me" in v["article_ids"]]


def test_replaying_a_range_republishes_nothing_and_keeps_ids(fresh_pipeline: RunningPipeline) -> None:
    # Workers of its own: the sample's claims merge with the same claims of other tests' sample
    # articles, whose late mentions on a shared pipeline would look like revisions from the replay.
    pipeline = fresh_pipeline
    since = datetime.now(UTC) - timedelta(seconds=1)
    article = {**ODESSA, "article_id": "replay-me"}
    asyncio.run(produce(pipeline.settings.kafka_bootstrap,
                        pipeline.settings.topic_prefix + topics.ARTICLES,
                        [(b"replay-me", json.dumps(article).encode())]))
    before = outputs(pipeline, settle_s=8)
    assert before, "the article produced no incident or claim"

    ranges = asyncio.run(plan(pipeline.settings, topics.ARTICLES, since, None, allow_partial=False))
    assert sum(r.count for r in ranges) >= 1
    report = asyncio.run(execute(pipeline.settings, topics.ARTICLES, ranges, progress=False))
    assert report.read >= 1 and report.mentions_sent >= 1

    after = outputs(pipeline, settle_s=8)
    assert sorted(after) == sorted(before), "replay created new records or revisions"
    assert len({i for _, i, _ in after}) == len(after), "a consumer would see a duplicate"


def test_replay_refuses_a_range_that_ends_before_it_starts(pipeline: RunningPipeline) -> None:
    now = datetime.now(UTC)
    with pytest.raises(ReplayRefused, match="must be after"):
        asyncio.run(plan(pipeline.settings, topics.ARTICLES, now, now - timedelta(hours=1), False))
