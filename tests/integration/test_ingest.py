"""Ingest paths on the real broker: the CLI ingest and the HTTP endpoint put valid articles on articles.v1 and bad ones on dlq.v1."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from services.cli.ingest import ingest
from services.common import topics
from services.http_ingest.server import create_web_app
from tests.integration.conftest import isolated_settings
from tests.integration.kafka_io import consume_until, values

ARTICLE = {
    "article_id": "i1", "source": "ansa.it", "published_at": "2023-01-21T09:00:00+01:00",
    "title": "Titolo", "body": "Testo.",
}


def test_cli_ingest_sends_good_lines_and_dead_letters_bad_ones(broker: str, tmp_path: Path) -> None:
    settings, _ = isolated_settings(broker, tmp_path)
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join([json.dumps(ARTICLE), "{broken", json.dumps({**ARTICLE, "body": ""}),
                            json.dumps({**ARTICLE, "article_id": "i2"})]) + "\n")
    report, problems = asyncio.run(ingest([tmp_path], settings, progress=False))
    assert report.sent == 2 and report.rejected_total == 2
    assert {where.rsplit(":", 1)[1] for where, _ in problems} == {"2", "3"}
    recs = asyncio.run(consume_until(
        broker, [settings.topic_prefix + topics.ARTICLES, settings.topic_prefix + topics.DLQ],
        lambda r: len(r) >= 4, timeout_s=30, settle_s=1))
    by_topic: dict[str, list[dict]] = {}  # type: ignore[type-arg]
    for r, v in zip(recs, values(recs)):
        by_topic.setdefault(r.topic, []).append(v)
    assert {a["article_id"] for a in by_topic[settings.topic_prefix + topics.ARTICLES]} == {"i1", "i2"}
    assert all(x["stage"] == "ingest.validate" for x in by_topic[settings.topic_prefix + topics.DLQ])


def test_http_post_answers_202_with_ids_and_the_article_reaches_the_topic(broker: str, tmp_path: Path) -> None:
    settings, _ = isolated_settings(broker, tmp_path)

    async def scenario() -> tuple[int, dict, int]:  # type: ignore[type-arg]
        async with TestClient(TestServer(create_web_app(settings))) as client:
            ok = await client.post("/articles", data=json.dumps([ARTICLE]))
            bad = await client.post("/articles", data=b"{nope")
            return ok.status, await ok.json(), bad.status

    status, body, bad_status = asyncio.run(scenario())
    assert (status, body, bad_status) == (202, {"accepted": ["i1"]}, 400)
    recs = asyncio.run(consume_until(broker, [settings.topic_prefix + topics.ARTICLES],
                                     lambda r: len(r) >= 1, timeout_s=30, settle_s=1))
    assert [v["article_id"] for v in values(recs)] == ["i1"]


def test_saved_html_pages_become_articles_and_a_page_without_text_is_rejected(broker: str, tmp_path: Path) -> None:
    from services.cli.ingest import ingest_lines, page_lines

    settings, _ = isolated_settings(broker, tmp_path)
    pages = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "pages"
    lines = page_lines([pages / "kherson.html", pages / "no_text.html"], settings.max_article_bytes)
    report, problems = asyncio.run(ingest_lines(lines, settings, progress=False))
    assert report.sent == 1 and report.rejected_total == 1
    assert problems[0][0].endswith("no_text.html") and "no readable article text" in problems[0][1]
    recs = asyncio.run(consume_until(broker, [settings.topic_prefix + topics.ARTICLES],
                                     lambda r: len(r) >= 1, timeout_s=30, settle_s=1))
    [article] = values(recs)
    assert "Kherson" in article["title"] + article["body"]
