"""`newsevents replay`: reprocess a time range of articles.v1 (or mentions.v1) through the current rules.

Semantics (see README, "Replay"): a separate, group-less reader finds the range with the broker's
offsets-for-times, runs the same article handling as the extractor agent on every record in it,
and sends the resulting mentions to mentions.v1, where the running deduplicator folds them in.
Nothing is reset and the live consumer groups are untouched, so it is safe while workers run.
Ids are deterministic, so records the current rules read as before change nothing downstream;
records that a new extractor_version reads differently are republished as new revisions.
Replaying mentions.v1 re-sends the mentions themselves (re-deduplication without re-extraction).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from tqdm import tqdm

from services.common import topics
from services.common.codecs import dead_letter, dead_letter_key, encode
from services.common.kafka import aiokafka_options, producer_options
from services.common.settings import Settings
from services.extractor.handling import handle_article


class ReplayRefused(ValueError):
    """The replay would be unsafe or meaningless; the message says why and what to do."""


@dataclass(frozen=True)
class PartitionRange:
    partition: int
    start: int  # first offset to reprocess
    end: int  # one past the last

    @property
    def count(self) -> int:
        return max(self.end - self.start, 0)


@dataclass
class ReplayReport:
    read: int = 0
    mentions_sent: int = 0
    without_events: int = 0
    dead_letters: Counter[str] = field(default_factory=Counter)


def _ms(ts: datetime) -> int:
    return int(ts.timestamp() * 1000)


async def plan(
    settings: Settings, topic: str, since: datetime, until: datetime | None, allow_partial: bool
) -> list[PartitionRange]:
    if until is not None and until <= since:
        raise ReplayRefused(f"--to ({until.isoformat()}) must be after --from ({since.isoformat()})")
    if since > datetime.now(UTC):
        raise ReplayRefused(f"--from ({since.isoformat()}) is in the future")
    name = settings.topic_prefix + topic
    consumer = AIOKafkaConsumer(**aiokafka_options(settings), group_id=None, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = await _partitions(settings, name)
        tps = [TopicPartition(name, p) for p in partitions]
        begin = await consumer.beginning_offsets(tps)
        end = await consumer.end_offsets(tps)
        starts = await consumer.offsets_for_times({tp: _ms(since) for tp in tps})
        stops = await consumer.offsets_for_times({tp: _ms(until) for tp in tps}) if until else {}
        ranges = []
        for tp in tps:
            first = starts.get(tp)
            start = first.offset if first is not None else end[tp]
            stop_at = stops.get(tp)
            stop = stop_at.offset if stop_at is not None else end[tp]
            if begin[tp] > 0 and start == begin[tp] and not allow_partial:
                earliest = await _timestamp_at(consumer, tp, begin[tp])
                if earliest is not None and earliest > _ms(since):
                    raise ReplayRefused(
                        f"the range starts before retention on {name}[{tp.partition}]: the earliest "
                        f"record left is from {datetime.fromtimestamp(earliest / 1000, UTC).isoformat()}; "
                        "pass --allow-partial to replay what is left"
                    )
            ranges.append(PartitionRange(tp.partition, start, stop))
        return ranges
    finally:
        await consumer.stop()


async def _partitions(settings: Settings, name: str) -> list[int]:
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        [described] = await admin.describe_topics([name])
    finally:
        await admin.close()
    if described.get("error_code") or not described.get("partitions"):
        raise ReplayRefused(f"topic {name} does not exist on {settings.kafka_bootstrap}")
    return sorted(p["partition"] for p in described["partitions"])


async def _timestamp_at(consumer: AIOKafkaConsumer, tp: TopicPartition, offset: int) -> int | None:
    consumer.assign([tp])
    consumer.seek(tp, offset)
    batch = await consumer.getmany(tp, timeout_ms=5000, max_records=1)
    records = batch.get(tp, [])
    return records[0].timestamp if records else None


async def execute(
    settings: Settings, topic: str, ranges: list[PartitionRange], progress: bool = True
) -> ReplayReport:
    name = settings.topic_prefix + topic
    out_topic = settings.topic_prefix + topics.MENTIONS
    todo = [r for r in ranges if r.count > 0]
    report = ReplayReport()
    if not todo:
        return report
    consumer = AIOKafkaConsumer(**aiokafka_options(settings), group_id=None, enable_auto_commit=False)
    producer = AIOKafkaProducer(**producer_options(settings), acks="all", enable_idempotence=True)
    await consumer.start()
    await producer.start()
    try:
        tps = {TopicPartition(name, r.partition): r for r in todo}
        consumer.assign(list(tps))
        for tp, r in tps.items():
            consumer.seek(tp, r.start)
        remaining = set(tps)
        bar = tqdm(total=sum(r.count for r in todo), desc="replay", unit="record", disable=not progress)
        while remaining:
            batch = await consumer.getmany(*remaining, timeout_ms=1000)
            for tp, records in batch.items():
                for rec in records:
                    if rec.offset >= tps[tp].end:
                        remaining.discard(tp)
                        break
                    report.read += 1
                    bar.update(1)
                    if topic == topics.MENTIONS:
                        await producer.send(out_topic, rec.value, key=rec.key)
                        report.mentions_sent += 1
                    else:
                        await _replay_article(settings, producer, rec, report)
                if tp in remaining and await consumer.position(tp) >= tps[tp].end:
                    remaining.discard(tp)
        bar.close()
        await producer.flush()
    finally:
        await consumer.stop()
        await producer.stop()
    return report


async def _replay_article(settings: Settings, producer: AIOKafkaProducer, rec, report: ReplayReport) -> None:  # type: ignore[no-untyped-def]
    outcome = handle_article(rec.value, settings.max_article_bytes,
                             datetime.fromtimestamp(rec.timestamp / 1000, UTC))
    if outcome.error is not None:
        report.dead_letters[outcome.error.error_type] += 1
        letter = dead_letter(
            stage=f"replay.{outcome.stage}", reason=outcome.error.reason,
            error_type=outcome.error.error_type, raw=rec.value, failed_at=datetime.now(UTC),
            topic=rec.topic, partition=rec.partition, offset=rec.offset, key=rec.key,
        )
        await producer.send(settings.topic_prefix + topics.DLQ, encode(letter),
                            key=dead_letter_key(rec.topic, rec.partition, rec.offset))
        return
    if not outcome.mentions:
        report.without_events += 1
    for mention in outcome.mentions:
        await producer.send(settings.topic_prefix + topics.MENTIONS, encode(mention),
                            key=mention.blocking_key.encode())
        report.mentions_sent += 1
