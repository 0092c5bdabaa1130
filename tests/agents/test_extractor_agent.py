"""The extractor agent: good articles become mentions keyed by the blocking key; bad ones become dead letters and the agent goes on."""

from __future__ import annotations

import asyncio
import json

import faust
import orjson

from services.extractor.app import create_app
from tests.agents.conftest import Sent

ARTICLE = {
    "article_id": "it-1", "source": "ansa.it", "url": None, "language": None,
    "published_at": "2023-01-22T08:15:00+01:00",
    "title": "Attacco con droni su Odessa, due feriti",
    "body": "Nella notte le forze russe hanno lanciato un attacco con droni contro Odessa. "
            "Secondo l'amministrazione militare regionale, due persone sono rimaste ferite.",
}


async def run(settings, values: list[bytes], sent: Sent, outputs_expected: int) -> None:  # type: ignore[no-untyped-def]
    """Put the values through the agent and wait until it has sent what they should cause
    (put() returns once the agent has taken a value, before extraction finishes)."""
    app = create_app(settings)
    agent = app.agents["extract"]
    channel = app.channel(schema=faust.Schema(key_serializer="raw", value_serializer="raw"))
    async with agent.test_context(channel=channel) as ctx:
        for v in values:
            await ctx.put(v, key=b"k")
        for _ in range(200):
            if len(sent.records) >= outputs_expected:
                break
            await asyncio.sleep(0.05)


async def test_an_article_becomes_mentions_keyed_by_their_blocking_key(settings, sent: Sent) -> None:
    await run(settings, [json.dumps(ARTICLE).encode()], sent, 1)
    mentions = [orjson.loads(v) for _, v in sent.on("mentions.v1")]
    assert any(m["kind"] == "incident" and m["incident"]["location"]["name"] == "Odesa" for m in mentions)
    for key, value in sent.on("mentions.v1"):
        assert key == orjson.loads(value)["blocking_key"].encode()


async def test_bad_records_become_dead_letters_and_the_agent_goes_on(settings, sent: Sent) -> None:
    bad = [
        b"\xff not utf-8",
        b"{not json",
        json.dumps({k: v for k, v in ARTICLE.items() if k != "published_at"}).encode(),
        json.dumps({**ARTICLE, "body": 7}).encode(),
        json.dumps({**ARTICLE, "body": ""}).encode(),
        json.dumps({**ARTICLE, "body": "x" * 60_000}).encode(),
        json.dumps({**ARTICLE, "language": "fi"}).encode(),
    ]
    await run(settings, bad + [json.dumps(ARTICLE).encode()], sent, len(bad) + 1)
    letters = [orjson.loads(v) for _, v in sent.on("dlq.v1")]
    assert [x["error_type"] for x in letters] == [
        "encoding", "json", "schema", "schema", "schema", "oversize", "unsupported_language",
    ]
    assert all(x["reason"] and x["stage"].startswith("extractor.") for x in letters)
    assert sent.on("mentions.v1"), "the good article after the bad ones was not processed"
