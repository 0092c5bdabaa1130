"""A running worker's /metrics endpoint: the counters move when articles flow."""

from __future__ import annotations

import asyncio
import json
import time
import urllib.request
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

from services.common import topics
from tests.integration.conftest import RunningPipeline
from tests.integration.kafka_io import produce

REPO = Path(__file__).resolve().parents[2]
ODESSA = next(a for a in map(json.loads, (REPO / "samples" / "articles.jsonl").read_text().splitlines())
              if a["article_id"] == "sample-it-0002")


def scrape(port: int) -> dict[str, float]:
    """Sum of every sample per metric name (labels folded), or {} while the server is starting."""
    try:
        text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=2).read().decode()
    except OSError:
        return {}
    totals: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            totals[sample.name] = totals.get(sample.name, 0.0) + sample.value
    return totals


def wait_for(pred, timeout: float = 90.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(0.5)
    return False


def test_worker_metrics_count_consumed_and_published_records(pipeline: RunningPipeline) -> None:
    ext, ded = pipeline.metrics_ports["extractor"], pipeline.metrics_ports["deduplicator"]
    assert wait_for(lambda: "newsevents_build_info" in scrape(ext)), "extractor /metrics never came up"
    before = scrape(ext).get("newsevents_records_consumed_total", 0.0)
    before_published = scrape(ded).get("newsevents_records_published_total", 0.0)
    article = {**ODESSA, "article_id": f"metrics-{time.time_ns()}"}
    asyncio.run(produce(pipeline.settings.kafka_bootstrap, pipeline.settings.topic_prefix + topics.ARTICLES,
                        [(article["article_id"].encode(), json.dumps(article).encode())]))
    assert wait_for(lambda: scrape(ext).get("newsevents_records_consumed_total", 0.0) > before)
    assert wait_for(lambda: scrape(ded).get("newsevents_records_published_total", 0.0) > before_published)
    assert wait_for(lambda: "newsevents_consumer_lag" in scrape(ext)), "no lag series per partition"
    after = scrape(ded)
    assert after.get("newsevents_stage_latency_seconds_count", 0.0) > 0
    assert after.get("newsevents_end_to_end_latency_seconds_count", 0.0) > 0
    pipeline.assert_alive()
