"""Feed ingest on the real broker: a local feed read twice puts each article on articles.v1 once."""

from __future__ import annotations

import asyncio
from pathlib import Path

from services.common import topics
from services.ingest_sources.feeds import ingest_feed, read_feed
from tests.integration.conftest import isolated_settings
from tests.integration.kafka_io import consume_until, values

FEED = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "ansa_rss.xml"


def test_a_feed_ingested_twice_sends_each_article_once_and_the_second_run_says_nothing_is_new(
    broker: str, tmp_path: Path
) -> None:
    settings, _ = isolated_settings(broker, tmp_path)
    expected_ids = {a.article_id for _, a in read_feed(str(FEED), settings.max_article_bytes).articles}

    first = ingest_feed(str(FEED), settings, progress=False)
    second = ingest_feed(str(FEED), settings, progress=False)

    assert (first.sent, first.skipped_seen, first.rejected_total, first.dead_lettered) == (3, 1, 2, 2)
    assert set(first.article_ids) == expected_ids
    assert (second.sent, second.skipped_seen, second.rejected_total, second.dead_lettered) == (0, 4, 2, 0)
    assert "sent 0 new article(s)" in second.summary()
    assert "nothing new since the last run" in second.summary()

    articles_topic = settings.topic_prefix + topics.ARTICLES
    dlq_topic = settings.topic_prefix + topics.DLQ
    # Waits until nothing new arrives for a while, so a duplicate sent by the second run would show.
    recs = asyncio.run(consume_until(
        broker, [articles_topic, dlq_topic], lambda r: len(r) >= 5, timeout_s=30, settle_s=2))
    by_topic: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for r, v in zip(recs, values(recs), strict=True):
        by_topic.setdefault(r.topic, []).append(v)
    sent = by_topic[articles_topic]
    assert sorted(a["article_id"] for a in sent) == sorted(expected_ids)
    assert {r.key.decode() for r in recs if r.topic == articles_topic} == expected_ids
    assert all(a["source"] == "ansa.it" and a["published_at"].endswith("Z") for a in sent)
    letters = by_topic[dlq_topic]
    assert len(letters) == 2 and {x["stage"] for x in letters} == {"ingest.feed"}
    assert any("entry has no published or updated date" in x["reason"] for x in letters)

