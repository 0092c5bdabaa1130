"""Two extractors and two deduplicators on six partitions give the same incidents as one of each,
and a worker leaving mid-stream loses nothing."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from services.common import topics
from tests.integration.conftest import APPS, RunningPipeline, isolated_settings
from tests.integration.kafka_io import produce
from tests.integration.test_faults import BRIEF, live_incidents

CITIES = ["Odessa", "Kharkiv", "Kherson", "Dnipro", "Leopoli", "Zaporizhzhia", "Sumy", "Mykolaiv"]


def articles() -> list[dict]:  # type: ignore[type-arg]
    out = []
    for i in range(96):
        city = CITIES[i % len(CITIES)]
        day = 1 + 2 * ((i // len(CITIES)) % 4)  # days 2 apart: separate incidents
        out.append({**BRIEF, "article_id": f"scale-{i}", "source": f"outlet{i % 3}.example",
                    "title": f"Droni su {city}",
                    "body": f"Nella notte droni russi hanno colpito {city}.",
                    "published_at": f"2024-03-0{day}T08:00:00+00:00"})
    return out


def run(broker: str, tmp: Path, extractors: int, deduplicators: int, leave_mid_stream: bool) -> set[tuple]:  # type: ignore[type-arg]
    tmp.mkdir(parents=True, exist_ok=True)
    settings, env = isolated_settings(broker, tmp)
    p = RunningPipeline(settings, env, {a: tmp / f"{a}.log" for a in APPS}, {})
    names = [f"{app}-{k}" for app, n in (("extractor", extractors), ("deduplicator", deduplicators))
             for k in range(n)]
    for name in names:
        p.start(name.rsplit("-", 1)[0], name)
    try:
        # Every worker holds partitions before the stream starts: the last to join has been
        # through a rebalance with all the others.
        for name in names:
            p.wait_for_log(name, '"worker.partitions_assigned"')
        batch = articles()
        half = len(batch) // 2
        send = lambda rows: asyncio.run(produce(  # noqa: E731
            broker, settings.topic_prefix + topics.ARTICLES,
            [(a["article_id"].encode(), json.dumps(a).encode()) for a in rows]))
        send(batch[:half])
        if leave_mid_stream:
            p.wait_for_log("extractor-1", '"article.extracted"')  # it really is mid-stream
            p.stop("extractor-1")
            p.stop("deduplicator-1")
        send(batch[half:])
        incidents = live_incidents(p, {a["article_id"] for a in batch})
        out = {(v["location"]["name"], v["date"]["start"], v["sub_event_type"],
                tuple(sorted(v["article_ids"]))) for v in incidents.values()}
        cited = {a for v in incidents.values() for a in v["article_ids"]}
        assert cited >= {a["article_id"] for a in batch}, \
            f"articles never reached an incident\n{p.log_tails()}"
        return out
    finally:
        for name in list(p.procs):
            p.stop(name)


def test_two_workers_each_give_the_single_worker_output_even_when_one_leaves(
    broker: str, tmp_path: Path,
) -> None:
    single = run(broker, tmp_path / "one", 1, 1, leave_mid_stream=False)
    double = run(broker, tmp_path / "two", 2, 2, leave_mid_stream=True)
    assert len(single) == len(CITIES) * 4
    assert double == single
