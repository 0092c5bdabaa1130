"""HTTP ingest with a bearer token on the real broker: refused requests put nothing on articles.v1, the authorised one does."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from services.common import topics
from services.http_ingest.server import create_web_app
from tests.integration.conftest import isolated_settings
from tests.integration.kafka_io import consume_until, values

TOKEN = "9c41f0d2a7b84e6fb3d15a0e8c27f694"


def article(article_id: str) -> dict[str, str]:
    return {"article_id": article_id, "source": "ansa.it", "published_at": "2023-01-21T09:00:00+01:00",
            "title": "Titolo", "body": "Testo."}


def test_only_the_request_with_the_right_token_reaches_the_articles_topic(broker: str, tmp_path: Path) -> None:
    base, _ = isolated_settings(broker, tmp_path)
    settings = base.model_copy(update={"http_token": SecretStr(TOKEN)})

    async def scenario() -> list[tuple[int, object]]:
        async with TestClient(TestServer(create_web_app(settings))) as client:
            answers = []
            for article_id, headers in [
                ("no-token", {}),
                ("wrong-token", {"Authorization": "Bearer " + TOKEN[::-1]}),
                ("right-token", {"Authorization": f"Bearer {TOKEN}"}),
            ]:
                r = await client.post("/articles", data=json.dumps(article(article_id)), headers=headers)
                answers.append((r.status, await r.json()))
            return answers

    answers = asyncio.run(scenario())
    assert answers == [
        (401, {"error": "missing bearer token"}),
        (401, {"error": "invalid bearer token"}),
        (202, {"accepted": ["right-token"]}),
    ]
    recs = asyncio.run(consume_until(broker, [settings.topic_prefix + topics.ARTICLES],
                                     lambda r: len(r) >= 1, timeout_s=30, settle_s=2))
    assert [v["article_id"] for v in values(recs)] == ["right-token"]
