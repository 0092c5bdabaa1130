"""aiohttp endpoint `POST /articles`: bearer auth, per-client rate limit and size limits, then validate and publish to articles.v1."""

from __future__ import annotations

import asyncio
import hmac
import json
import math
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import structlog
from aiohttp import web
from aiokafka import AIOKafkaProducer
from aiokafka.errors import KafkaError
from pydantic import ValidationError

from schemas import Article
from services.common import topics
from services.common.codecs import describe_validation_error, encode
from services.common.kafka import producer_options
from services.common.settings import Settings, is_loopback_host

log = structlog.get_logger(__name__)

MAX_BATCH = 500
#: a publisher puts validated articles on articles.v1; the Kafka one is the default
Publisher = Callable[[Sequence[Article]], Awaitable[None]]
Clock = Callable[[], float]
PRODUCER = web.AppKey("producer", AIOKafkaProducer)
#: facts the handlers add to the one log line per request (never headers, never the body)
LOG_FACTS = web.RequestKey("log_facts", dict)
#: paths a load balancer probes; they carry no data, so no token and no rate limit
OPEN_PATHS = frozenset({"/health"})


@dataclass
class HttpError(Exception):
    status: int
    reason: str


def parse_articles(body: bytes, max_article_bytes: int, max_body_bytes: int | None = None) -> list[Article]:
    """Articles from a request body (an object or an array of objects); HttpError says what is wrong."""
    limit = max_body_bytes if max_body_bytes is not None else max_article_bytes * MAX_BATCH
    if not body.strip():
        raise HttpError(400, "request body is empty")
    if len(body) > limit:
        raise HttpError(413, f"request body over {limit:,} bytes")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise HttpError(400, f"body is not JSON: {e}") from e
    items = data if isinstance(data, list) else [data]
    if not items:
        raise HttpError(400, "empty batch")
    if len(items) > MAX_BATCH:
        raise HttpError(413, f"batch of {len(items)} articles, over the limit of {MAX_BATCH}")
    articles, errors = [], []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            errors.append(f"[{i}] expected a JSON object, got {type(item).__name__}")
            continue
        if len(json.dumps(item, ensure_ascii=False).encode()) > max_article_bytes:
            raise HttpError(413, f"[{i}] article over {max_article_bytes:,} bytes")
        try:
            articles.append(Article.model_validate(item))
        except ValidationError as e:
            errors.append(f"[{i}] {describe_validation_error(e)}")
    if errors:
        raise HttpError(400, "; ".join(errors))
    return articles


class TokenBuckets:
    """One token bucket per client: `rate_per_s` tokens a second, at most `burst` saved up.

    Only the `max_clients` most recently seen clients are remembered, so a flood of addresses
    cannot grow memory without bound (a forgotten client starts again with a full bucket)."""

    def __init__(self, rate_per_s: float, burst: int, clock: Clock = time.monotonic,
                 max_clients: int = 10_000) -> None:
        self.rate_per_s = rate_per_s
        self.burst = burst
        self.clock = clock
        self.max_clients = max_clients
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, client: str) -> float:
        """Spend one token of `client`: 0.0 when allowed, else the seconds until one is available."""
        if self.rate_per_s <= 0:
            return 0.0
        now = self.clock()
        tokens, last = self._buckets.pop(client, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - last) * self.rate_per_s)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate_per_s
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait


def bearer_token(header: str | None) -> str | None:
    """The token of an `Authorization: Bearer <token>` header; None when absent or another scheme."""
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison, so response timing does not reveal how much of a guess was right."""
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def _error(status: int, reason: str, request: web.Request, **headers: str) -> web.Response:
    request[LOG_FACTS]["reason"] = reason
    return web.json_response({"error": reason}, status=status, headers=headers or None)


def kafka_publisher(app: web.Application, topic: str) -> Publisher:
    """Publish through the producer the app starts; all sends are queued, then awaited together."""

    async def publish(articles: Sequence[Article]) -> None:
        producer = app[PRODUCER]
        sent = [await producer.send(topic, encode(a), key=a.article_id.encode()) for a in articles]
        await asyncio.gather(*sent)

    return publish


def create_web_app(settings: Settings, publish: Publisher | None = None,
                   clock: Clock = time.monotonic) -> web.Application:
    """The ingest app. Without `publish` it starts a Kafka producer; tests may pass their own."""
    body_limit = min(settings.http_max_request_bytes, settings.max_article_bytes * MAX_BATCH)
    token = settings.http_token_value
    buckets = TokenBuckets(settings.http_rate_per_s, settings.http_rate_burst, clock)

    @web.middleware
    async def log_requests(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        request[LOG_FACTS] = {}
        started = time.perf_counter()
        status = 500
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as e:
            status = e.status
            raise
        finally:
            # one line per request; the Authorization header and the body are deliberately absent
            log.info(
                "http.request", method=request.method, path=request.path, status=status,
                client=request.remote, duration_ms=round((time.perf_counter() - started) * 1000, 1),
                **request[LOG_FACTS],
            )

    @web.middleware
    async def guard(request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]) -> web.StreamResponse:
        if request.path in OPEN_PATHS:
            return await handler(request)
        # rate limit first: it also slows down anyone guessing tokens
        wait = buckets.take(request.remote or "unknown")
        if wait > 0:
            return _error(429, "rate limit exceeded", request,
                          **{"Retry-After": str(max(1, math.ceil(wait)))})
        if token is not None:
            given = bearer_token(request.headers.get("Authorization"))
            if given is None:
                return _error(401, "missing bearer token", request,
                              **{"WWW-Authenticate": 'Bearer realm="newsevents"'})
            if not token_matches(given, token):
                return _error(401, "invalid bearer token", request,
                              **{"WWW-Authenticate": 'Bearer realm="newsevents", error="invalid_token"'})
        # refuse a declared oversize body before reading a byte of it
        if request.content_length is not None and request.content_length > body_limit:
            return _error(413, f"request body over {body_limit:,} bytes", request)
        return await handler(request)

    app = web.Application(client_max_size=body_limit, middlewares=[log_requests, guard])
    topic = settings.topic_prefix + topics.ARTICLES

    if publish is None:
        publish = kafka_publisher(app, topic)

        async def start_producer(app: web.Application) -> None:
            producer = AIOKafkaProducer(**producer_options(settings), acks="all", enable_idempotence=True)
            await producer.start()
            app[PRODUCER] = producer

        async def stop_producer(app: web.Application) -> None:
            await app[PRODUCER].stop()

        app.on_startup.append(start_producer)
        app.on_cleanup.append(stop_producer)

    async def post_articles(request: web.Request) -> web.Response:
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _error(413, f"request body over {body_limit:,} bytes", request)
        try:
            articles = parse_articles(body, settings.max_article_bytes, body_limit)
        except HttpError as e:
            return _error(e.status, e.reason, request)
        try:
            await publish(articles)
        except KafkaError as e:
            request[LOG_FACTS]["error_type"] = type(e).__name__
            return _error(503, "the broker did not take the articles; retry later", request)
        request[LOG_FACTS]["accepted"] = len(articles)
        return web.json_response({"accepted": [a.article_id for a in articles]}, status=202)

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app.router.add_post("/articles", post_articles)
    app.router.add_get("/health", health)
    return app


def check_bind(settings: Settings, host: str) -> None:
    """Refuse (production) or warn about (local) serving a non-loopback address without a token.

    Settings validate NEWSEVENTS_HTTP_HOST; this covers a host given on the command line."""
    if settings.http_token_value is not None or is_loopback_host(host):
        return
    if settings.profile == "production":
        raise ValueError(
            f"production refuses to serve on {host} without NEWSEVENTS_HTTP_TOKEN: anyone who "
            "reaches it could write articles; set a token or bind to 127.0.0.1"
        )
    log.warning("http.auth.disabled", host=host,
                hint="set NEWSEVENTS_HTTP_TOKEN before exposing this endpoint")


def serve(settings: Settings, host: str | None = None, port: int | None = None) -> None:
    """Run the endpoint until interrupted, after the bind check; request lines come from structlog."""
    bind = host or settings.http_host
    check_bind(settings, bind)
    log.info("http.serving", host=bind, port=port or settings.http_port,
             auth=settings.http_token_value is not None, rate_per_s=settings.http_rate_per_s)
    # aiohttp's own access log is off: our line per request carries the same facts, never headers
    web.run_app(create_web_app(settings), host=bind, port=port or settings.http_port,
                access_log=None, print=None)
