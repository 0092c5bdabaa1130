"""Faust glue for deduplication: fold each mention into table state and publish the revisions it causes."""

from __future__ import annotations

import time

import faust
import structlog

from schemas import Incident, Mention
from services.common import topics
from services.common.codecs import RecordError, decode_model, encode
from services.common.faust_base import DeadLetters, install_lag_metrics, make_app, raw_topic
from services.common.metrics import (
    CONSUMED,
    END_TO_END_LATENCY,
    PUBLISHED,
    STAGE_LATENCY,
    TABLE_KEYS,
)
from services.common.recovery_watch import install_recovery_watchdog
from services.common.settings import Settings
from services.common.skip_guard import install_skip_guard, recover_skipped
from services.common.topics import load_topics
from services.core.dedup import Deduplicator, DedupParams

log = structlog.get_logger(__name__)


def create_app(settings: Settings) -> faust.App:
    app = make_app("deduplicator", settings)
    mentions = raw_topic(app, settings, topics.MENTIONS)
    incidents = raw_topic(app, settings, topics.INCIDENTS)
    claims = raw_topic(app, settings, topics.CLAIMS)
    dead_letters = DeadLetters(app, settings, "deduplicator")
    partitions = {t.name: t.partitions for t in load_topics(settings.topics_file, settings.topic_prefix)}
    # Mentions are keyed by the blocking key, so every key this table holds for a block is written
    # from that block's partition: the changelog is co-partitioned with mentions.v1, no repartition.
    state = app.Table(
        "dedup-state",
        partitions=partitions[settings.topic_prefix + topics.MENTIONS],
        schema=faust.Schema(key_type=str, key_serializer="json", value_serializer="json"),
    )
    params = DedupParams(window_days=settings.dedup_window_days)
    install_lag_metrics(app, "deduplicator")
    skips = install_skip_guard(app)
    install_recovery_watchdog(app, "deduplicator", settings.recovery_stall_s)

    @app.timer(interval=5.0)
    async def report_table_size() -> None:
        TABLE_KEYS.labels("deduplicator", "dedup-state").set(len(state))

    @app.agent(mentions, name="deduplicate")
    async def deduplicate(stream: faust.StreamT[bytes]) -> None:
        dedup = Deduplicator(state, params)
        async for event in stream.events():
            await recover_skipped(app, "deduplicator", skips, event)
            CONSUMED.labels("deduplicator", event.message.topic).inc()
            try:
                mention = decode_model(Mention, event.message.value, settings.max_article_bytes)
            except RecordError as err:
                await dead_letters.send(event, "decode", err)
                continue
            outputs = dedup.add(mention)
            for record in outputs:
                if isinstance(record, Incident):
                    await incidents.send(key=record.incident_id.encode(), value=encode(record))
                    PUBLISHED.labels("deduplicator", incidents.get_topic_name()).inc()
                else:
                    await claims.send(key=record.claim_id.encode(), value=encode(record))
                    PUBLISHED.labels("deduplicator", claims.get_topic_name()).inc()
            now = time.time()
            STAGE_LATENCY.labels("deduplicator", "dedup").observe(now - event.message.timestamp)
            if outputs and mention.article_timestamp is not None:
                END_TO_END_LATENCY.labels(mention.kind).observe(now - mention.article_timestamp.timestamp())
            log.info(
                "mention.deduplicated",
                mention_id=mention.mention_id,
                article_id=mention.article_id,
                kind=mention.kind,
                published=[_id(r) for r in outputs],
            )

    return app


def _id(record: object) -> str:
    return getattr(record, "incident_id", None) or getattr(record, "claim_id", "")
