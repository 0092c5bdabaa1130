"""`newsevents status` reads end offsets and committed group offsets from the real broker."""

from __future__ import annotations

import asyncio
import time

from rich.console import Console

from services.cli.status import render, snapshot
from services.common import topics
from tests.integration.conftest import RunningPipeline
from tests.integration.test_pipeline import ODESSA, send_articles


def test_status_reports_topic_totals_and_zero_lag_once_workers_caught_up(pipeline: RunningPipeline) -> None:
    send_articles(pipeline, [{**ODESSA, "article_id": "status-probe"}])
    articles = pipeline.settings.topic_prefix + topics.ARTICLES
    group = f"{pipeline.settings.group_prefix}-extractor"
    deadline = time.monotonic() + 90
    snap = asyncio.run(snapshot(pipeline.settings))
    while time.monotonic() < deadline:
        snap = asyncio.run(snapshot(pipeline.settings))
        ends = {tp: off for tp, off in snap.end_offsets.items() if tp.topic == articles}
        done = snap.committed.get(group, {})
        if sum(ends.values()) > 0 and all(done.get(tp, 0) >= off for tp, off in ends.items()):
            break
        time.sleep(1)
    ends = {tp: off for tp, off in snap.end_offsets.items() if tp.topic == articles}
    assert sum(ends.values()) >= 1
    assert all(snap.committed[group].get(tp, 0) >= off for tp, off in ends.items()), "extractor lag never reached 0"
    console = Console(record=True, width=160)
    console.print(render(pipeline.settings, None, snap))
    assert articles in console.export_text()
