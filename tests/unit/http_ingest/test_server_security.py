"""POST /articles: bearer auth, per-client rate limit with Retry-After, size limits and logs without secrets.

Request handling runs through aiohttp's test client with an in-process publisher (a list), so
no Kafka producer is involved; tests/integration/test_http_auth.py covers the real broker."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from aiokafka.errors import KafkaConnectionError
from structlog.testing import capture_logs

from schemas import Article
from services.common.settings import Settings
from services.http_ingest.server import (
    TokenBuckets,
    bearer_token,
    check_bind,
    create_web_app,
    token_matches,
)

TOKEN = "f3a9c1e07b2d4c58a6e1d9b0c7f2e4a1"
ARTICLE = {
    "article_id": "a1", "source": "ansa.it", "published_at": "2023-01-21T09:00:00+01:00",
    "title": "Titolo", "body": "Testo dell'articolo.",
}
BODY = json.dumps(ARTICLE)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Published(list[Article]):
    async def __call__(self, articles: Sequence[Article]) -> None:
        self.extend(articles)


@pytest.fixture(autouse=True)
def no_newsevents_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("NEWSEVENTS_"):
            monkeypatch.delenv(name)


@pytest.fixture
def published() -> Published:
    return Published()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


async def client_for(settings: Settings, published: Any, clock: FakeClock) -> TestClient:
    client = TestClient(TestServer(create_web_app(settings, publish=published, clock=clock)))
    await client.start_server()
    return client


@pytest.fixture
async def secured(published: Published, clock: FakeClock) -> AsyncIterator[TestClient]:
    client = await client_for(Settings(http_token=TOKEN), published, clock)
    yield client
    await client.close()


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- authentication -----------------------------------------------------------------------------

async def test_without_a_configured_token_articles_are_accepted_without_a_header(
    published: Published, clock: FakeClock
) -> None:
    client = await client_for(Settings(), published, clock)
    try:
        r = await client.post("/articles", data=BODY)
        assert (r.status, await r.json()) == (202, {"accepted": ["a1"]})
    finally:
        await client.close()
    assert [a.article_id for a in published] == ["a1"]


async def test_a_request_without_a_token_is_401_and_nothing_is_published(
    secured: TestClient, published: Published
) -> None:
    r = await secured.post("/articles", data=BODY)
    assert r.status == 401 and (await r.json())["error"] == "missing bearer token"
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    assert published == []


async def test_a_wrong_token_is_401_and_nothing_is_published(secured: TestClient, published: Published) -> None:
    r = await secured.post("/articles", data=BODY, headers=auth(TOKEN[:-1] + "0"))
    assert r.status == 401 and (await r.json())["error"] == "invalid bearer token"
    assert 'error="invalid_token"' in r.headers["WWW-Authenticate"]
    assert published == []


async def test_another_auth_scheme_carrying_the_token_is_401(secured: TestClient) -> None:
    r = await secured.post("/articles", data=BODY, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status == 401


async def test_a_non_ascii_guess_is_a_401_not_a_server_error(secured: TestClient) -> None:
    r = await secured.post("/articles", data=BODY, headers={"Authorization": "Bearer gÿ€ss".encode().decode("latin-1")})
    assert r.status == 401


async def test_the_right_token_is_202_and_the_article_is_published(
    secured: TestClient, published: Published
) -> None:
    r = await secured.post("/articles", data=BODY, headers={"Authorization": f"bearer {TOKEN}"})
    assert (r.status, await r.json()) == (202, {"accepted": ["a1"]})
    assert [a.article_id for a in published] == ["a1"]


async def test_health_needs_no_token(secured: TestClient) -> None:
    r = await secured.get("/health")
    assert (r.status, await r.json()) == (200, {"status": "ok"})


async def test_validation_errors_are_only_reported_to_authenticated_callers(secured: TestClient) -> None:
    assert (await secured.post("/articles", data=b"{nope")).status == 401
    assert (await secured.post("/articles", data=b"{nope", headers=auth())).status == 400


def test_bearer_token_is_read_only_from_the_bearer_scheme() -> None:
    assert bearer_token(f"Bearer {TOKEN}") == TOKEN
    assert bearer_token(f"  BEARER   {TOKEN} ") == TOKEN
    assert bearer_token("Bearer ") is None
    assert bearer_token(None) is None and bearer_token(f"Token {TOKEN}") is None


def test_token_comparison_needs_an_exact_match() -> None:
    assert token_matches(TOKEN, TOKEN)
    assert not token_matches(TOKEN + "x", TOKEN) and not token_matches(TOKEN[:8], TOKEN)
    assert not token_matches(None, TOKEN) and not token_matches("ünïcode", TOKEN)


# --- rate limit ---------------------------------------------------------------------------------

async def test_a_client_over_its_burst_gets_429_with_retry_after_until_tokens_refill(
    published: Published, clock: FakeClock
) -> None:
    client = await client_for(Settings(http_rate_per_s=0.5, http_rate_burst=2), published, clock)
    try:
        statuses = [(await client.post("/articles", data=BODY)).status for _ in range(2)]
        limited = await client.post("/articles", data=BODY)
        assert statuses == [202, 202] and limited.status == 429
        assert limited.headers["Retry-After"] == "2"
        assert (await limited.json())["error"] == "rate limit exceeded"
        clock.now += 2.0
        assert (await client.post("/articles", data=BODY)).status == 202
    finally:
        await client.close()
    assert len(published) == 3


async def test_unauthenticated_requests_spend_the_rate_limit_too(published: Published, clock: FakeClock) -> None:
    client = await client_for(Settings(http_token=TOKEN, http_rate_per_s=1, http_rate_burst=3),
                              published, clock)
    try:
        guesses = [(await client.post("/articles", data=BODY, headers=auth(f"guess{i}"))).status
                   for i in range(4)]
    finally:
        await client.close()
    assert guesses == [401, 401, 401, 429]


async def test_rate_zero_turns_the_limit_off(published: Published, clock: FakeClock) -> None:
    client = await client_for(Settings(http_rate_per_s=0, http_rate_burst=1), published, clock)
    try:
        statuses = {(await client.post("/articles", data=BODY)).status for _ in range(5)}
    finally:
        await client.close()
    assert statuses == {202}


def test_each_client_has_its_own_bucket() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(rate_per_s=1, burst=1, clock=clock)
    assert buckets.take("10.0.0.1") == 0.0
    assert buckets.take("10.0.0.1") == pytest.approx(1.0)
    assert buckets.take("10.0.0.2") == 0.0


def test_an_idle_client_saves_up_no_more_than_its_burst() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(rate_per_s=10, burst=3, clock=clock)
    buckets.take("c")
    clock.now += 3600
    assert [buckets.take("c") for _ in range(4)] == [0.0, 0.0, 0.0, pytest.approx(0.1)]


def test_only_the_most_recent_clients_are_remembered() -> None:
    clock = FakeClock()
    buckets = TokenBuckets(rate_per_s=1, burst=1, clock=clock, max_clients=2)
    for c in ("a", "b", "c"):
        buckets.take(c)
    assert buckets.take("c") > 0 and buckets.take("b") > 0
    assert buckets.take("a") == 0.0  # forgotten, so it starts again with a full bucket


# --- size limits --------------------------------------------------------------------------------

async def test_a_declared_oversize_body_is_413_before_it_is_read(published: Published, clock: FakeClock) -> None:
    client = await client_for(Settings(http_max_request_bytes=1_000), published, clock)
    try:
        r = await client.post("/articles", data=json.dumps([ARTICLE] * 20))
        assert r.status == 413 and "1,000 bytes" in (await r.json())["error"]
    finally:
        await client.close()
    assert published == []


async def test_a_streamed_oversize_body_without_length_is_413(published: Published, clock: FakeClock) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        for _ in range(20):
            yield b" " * 100

    client = await client_for(Settings(http_max_request_bytes=1_000), published, clock)
    try:
        r = await client.post("/articles", data=chunks())
        assert r.status == 413
    finally:
        await client.close()


async def test_a_broker_failure_is_a_503_asking_to_retry(clock: FakeClock) -> None:
    async def failing(_: Sequence[Article]) -> None:
        raise KafkaConnectionError("no broker")

    client = await client_for(Settings(), failing, clock)
    try:
        r = await client.post("/articles", data=BODY)
        assert r.status == 503 and "retry" in (await r.json())["error"]
    finally:
        await client.close()


# --- logs ---------------------------------------------------------------------------------------

async def test_one_log_line_per_request_with_the_outcome_and_never_the_token(secured: TestClient) -> None:
    with capture_logs() as logs:
        await secured.post("/articles", data=BODY, headers=auth("wrong-" + TOKEN))
        await secured.post("/articles", data=BODY, headers=auth())
    lines = [e for e in logs if e["event"] == "http.request"]
    assert [(e["status"], e.get("reason"), e.get("accepted")) for e in lines] == [
        (401, "invalid bearer token", None), (202, None, 1)
    ]
    assert all(e["path"] == "/articles" and e["method"] == "POST" for e in lines)
    dumped = repr(logs).lower()
    assert TOKEN not in dumped and "authorization" not in dumped


# --- binding ------------------------------------------------------------------------------------

def test_production_refuses_to_serve_a_public_host_given_on_the_command_line() -> None:
    with pytest.raises(ValueError, match="NEWSEVENTS_HTTP_TOKEN"):
        check_bind(Settings(profile="production"), "0.0.0.0")


def test_serving_a_public_host_is_allowed_with_a_token_or_in_local_profile() -> None:
    check_bind(Settings(profile="production", http_token=TOKEN), "0.0.0.0")
    check_bind(Settings(profile="production"), "127.0.0.1")
    with capture_logs() as logs:
        check_bind(Settings(), "0.0.0.0")
    assert [e["event"] for e in logs] == ["http.auth.disabled"]
