"""Faust glue for deduplication: fold each mention into table state and publish the revisions it causes."""

from __future__ import annotations

import faust
import structlog

from schemas import Incident, Mention
from services.common import topics
from services.common.codecs import RecordError, decode_model, encode
from services.common.faust_base import DeadLetters, make_app, raw_topic
from services.common.settings import Settings
from services.common.topics import load_topics
from services.core.dedup import DedupParams, Deduplicator

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
        default=None,
        partitions=partitions[settings.topic_prefix + topics.MENTIONS],
        key_serializer="raw",
        value_serializer="json",
    )
    params = DedupParams(window_days=settings.dedup_window_days)

    @app.agent(mentions, name="deduplicate")
    async def deduplicate(stream: faust.StreamT[bytes]) -> None:
        dedup = Deduplicator(_TableView(state), params)
        async for event in stream.events():
            try:
                mention = decode_model(Mention, event.message.value, settings.max_article_bytes)
            except RecordError as err:
                await dead_letters.send(event, "decode", err)
                continue
            outputs = dedup.add(mention)
            for record in outputs:
                if isinstance(record, Incident):
                    await incidents.send(key=record.incident_id.encode(), value=encode(record))
                else:
                    await claims.send(key=record.claim_id.encode(), value=encode(record))
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


class _TableView:
    """The core's MutableMapping[str, object] over a Faust table whose keys are bytes."""

    def __init__(self, table: faust.Table) -> None:
        self.table = table

    def __getitem__(self, key: str) -> object:
        value = self.table[key.encode()]
        if value is None:
            raise KeyError(key)
        return value

    def __setitem__(self, key: str, value: object) -> None:
        self.table[key.encode()] = value

    def __delitem__(self, key: str) -> None:
        del self.table[key.encode()]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.table.get(key.encode()) is not None

    def get(self, key: str, default: object = None) -> object:
        value = self.table.get(key.encode())
        return default if value is None else value

    def __iter__(self):  # type: ignore[no-untyped-def]
        return (k.decode() if isinstance(k, bytes) else k for k in self.table.keys())

    def __len__(self) -> int:
        return len(self.table)
