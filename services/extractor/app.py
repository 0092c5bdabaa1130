"""Faust glue for extraction: decode an article, run the core extractor off the event loop, send its mentions."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import faust
import structlog

from services.common import topics
from services.common.codecs import encode
from services.common.faust_base import DeadLetters, install_lag_metrics, make_app, raw_topic
from services.common.metrics import BUILD, CONSUMED, NO_EVENTS, PUBLISHED, STAGE_LATENCY
from services.common.settings import Settings
from services.common.skip_guard import install_skip_guard, recover_skipped
from services.core.extract import EXTRACTOR_VERSION
from services.extractor.handling import handle_article

log = structlog.get_logger(__name__)


def create_app(settings: Settings) -> faust.App:
    app = make_app("extractor", settings)
    articles = raw_topic(app, settings, topics.ARTICLES)
    mentions = raw_topic(app, settings, topics.MENTIONS)
    dead_letters = DeadLetters(app, settings, "extractor")
    # One thread: extraction is CPU-bound under the GIL; the point is to keep the loop (heartbeats,
    # fetches, sends) responsive while an article is being read, not to parallelise.
    cpu = ThreadPoolExecutor(max_workers=1, thread_name_prefix="extract")
    install_lag_metrics(app, "extractor")
    skips = install_skip_guard(app)
    BUILD.labels("extractor", EXTRACTOR_VERSION).set(1)

    @app.agent(articles, name="extract")
    async def extract(stream: faust.StreamT[bytes]) -> None:
        loop = asyncio.get_running_loop()
        async for event in stream.events():
            await recover_skipped(app, "extractor", skips, event)
            msg = event.message
            CONSUMED.labels("extractor", msg.topic).inc()
            outcome = await loop.run_in_executor(
                cpu, handle_article, msg.value, settings.max_article_bytes,
                datetime.fromtimestamp(msg.timestamp, UTC),
            )
            if outcome.error is not None:
                await dead_letters.send(event, outcome.stage, outcome.error)
                continue
            for mention in outcome.mentions:
                await mentions.send(key=mention.blocking_key.encode(), value=encode(mention))
                PUBLISHED.labels("extractor", mentions.get_topic_name()).inc()
            if not outcome.mentions:
                NO_EVENTS.labels("extractor").inc()
            STAGE_LATENCY.labels("extractor", "extract").observe(time.time() - msg.timestamp)
            log.info(
                "article.extracted",
                article_id=outcome.article_id,
                language=outcome.language,
                incidents=sum(1 for m in outcome.mentions if m.kind == "incident"),
                claims=sum(1 for m in outcome.mentions if m.kind == "claim"),
            )

    return app
