"""aiohttp endpoint `POST /articles`: validate one article or a JSON array of them, answer 202 with ids or 400/413 with the reason."""

from __future__ import annotations

import json
from dataclasses import dataclass

from aiohttp import web
from aiokafka import AIOKafkaProducer
from pydantic import ValidationError

from schemas import Article
from services.common import topics
from services.common.codecs import describe_validation_error, encode
from services.common.kafka import aiokafka_options
from services.common.settings import Settings

MAX_BATCH = 500
PRODUCER = web.AppKey("producer", AIOKafkaProducer)


@dataclass
class HttpError(Exception):
    status: int
    reason: str


def parse_articles(body: bytes, max_article_bytes: int) -> list[Article]:
    """Articles from a request body (an object or an array of objects); HttpError says what is wrong."""
    if not body.strip():
        raise HttpError(400, "request body is empty")
    if len(body) > max_article_bytes * MAX_BATCH:
        raise HttpError(413, f"request body over {max_article_bytes * MAX_BATCH:,} bytes")
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


def create_web_app(settings: Settings) -> web.Application:
    app = web.Application(client_max_size=settings.max_article_bytes * MAX_BATCH + 1)
    topic = settings.topic_prefix + topics.ARTICLES

    async def start_producer(app: web.Application) -> None:
        producer = AIOKafkaProducer(**aiokafka_options(settings), acks="all", enable_idempotence=True)
        await producer.start()
        app[PRODUCER] = producer

    async def stop_producer(app: web.Application) -> None:
        await app[PRODUCER].stop()

    async def post_articles(request: web.Request) -> web.Response:
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return web.json_response({"error": "request body too large"}, status=413)
        try:
            articles = parse_articles(body, settings.max_article_bytes)
        except HttpError as e:
            return web.json_response({"error": e.reason}, status=e.status)
        producer = request.app[PRODUCER]
        for a in articles:
            await producer.send_and_wait(topic, encode(a), key=a.article_id.encode())
        return web.json_response({"accepted": [a.article_id for a in articles]}, status=202)

    async def health(_: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app.router.add_post("/articles", post_articles)
    app.router.add_get("/health", health)
    app.on_startup.append(start_producer)
    app.on_cleanup.append(stop_producer)
    return app
