"""What both Faust apps share: app construction from Settings, topic handles, and the dead-letter sender."""

from __future__ import annotations

from datetime import UTC, datetime

import faust
import structlog

from services.common import topics
from services.common.codecs import RecordError, dead_letter, dead_letter_key, encode
from services.common.kafka import compression_codec, faust_broker_credentials
from services.common.metrics import CONSUMER_LAG, DEAD_LETTERS
from services.common.settings import Settings

log = structlog.get_logger(__name__)


def make_app(name: str, settings: Settings, **extra: object) -> faust.App:
    """A Faust app whose id, broker and state dir come from Settings; topics are never auto-declared."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    app = faust.App(
        f"{settings.group_prefix}-{name}",
        broker=[f"kafka://{hp}" for hp in settings.kafka_bootstrap.split(",")],
        broker_credentials=faust_broker_credentials(settings),
        store=settings.table_store,
        table_standby_replicas=settings.table_standby_replicas,
        datadir=str(settings.data_dir / name),
        web_enabled=False,
        topic_replication_factor=settings.topic_replication or 1,
        producer_acks=-1,
        consumer_auto_offset_reset="earliest",
        broker_commit_every=100,
        broker_commit_interval=2.0,
        # 5 ms of batching: a worker sends several records per input (mentions, revisions,
        # changelog entries); without it aiokafka sends a request for nearly every one
        producer_linger=0.005,
        producer_compression_type=compression_codec(settings),
        **extra,
    )
    _log_rebalances(app, name)
    return app


def make_worker(app: faust.App, loglevel: str) -> faust.Worker:
    """A Faust worker without the start-up spinner: the spinner sets the root logger to DEBUG
    for good (it spins on every record), so every debug call in Faust and aiokafka, a few per
    message sent, would build a LogRecord. Without it the root logger keeps `loglevel`."""
    worker = faust.Worker(app, loglevel=loglevel, redirect_stdouts=False)
    worker.spinner = None
    return worker


def _log_rebalances(app: faust.App, name: str) -> None:
    """One log line per rebalance, naming the partitions this worker now holds: what an operator
    reads first when work stalls or moves between workers."""

    @app.on_partitions_assigned.connect  # type: ignore[misc]
    async def assigned(sender: faust.App, assigned: set[faust.types.TP], **_: object) -> None:
        log.info("worker.partitions_assigned", app=name,
                 partitions=sorted(f"{tp.topic}:{tp.partition}" for tp in assigned))

    @app.on_partitions_revoked.connect  # type: ignore[misc]
    async def revoked(sender: faust.App, revoked: set[faust.types.TP], **_: object) -> None:
        log.info("worker.partitions_revoked", app=name, count=len(revoked))


def raw_topic(app: faust.App, settings: Settings, name: str) -> faust.TopicT:
    """A contract topic carrying raw bytes: the apps decode and validate themselves, so bad input is seen."""
    return app.topic(
        settings.topic_prefix + name, key_serializer="raw", value_serializer="raw", internal=False
    )


class DeadLetters:
    """Sends unreadable records to dlq.v1 with the reason, the stage and where they came from."""

    def __init__(self, app: faust.App, settings: Settings, app_name: str) -> None:
        self.topic = raw_topic(app, settings, topics.DLQ)
        self.app_name = app_name

    async def send(self, event: faust.EventT, stage: str, error: RecordError) -> None:
        msg = event.message
        letter = dead_letter(
            stage=f"{self.app_name}.{stage}",
            reason=error.reason,
            error_type=error.error_type,
            raw=msg.value,
            failed_at=datetime.now(UTC),
            topic=msg.topic,
            partition=msg.partition,
            offset=msg.offset,
            key=msg.key,
        )
        await self.topic.send(
            key=dead_letter_key(msg.topic, msg.partition, msg.offset), value=encode(letter)
        )
        DEAD_LETTERS.labels(self.app_name, letter.stage, error.error_type).inc()
        log.warning(
            "record.dead_lettered",
            stage=letter.stage,
            reason=error.reason,
            topic=msg.topic,
            partition=msg.partition,
            offset=msg.offset,
        )


def install_lag_metrics(app: faust.App, app_name: str, every_s: float = 5.0) -> None:
    """Export high-water minus position for every partition this worker is assigned, and drop
    the series of partitions a rebalance took away (a stale lag would page someone)."""
    reported: set[tuple[str, str]] = set()

    @app.timer(interval=every_s)
    async def report_lag() -> None:
        consumer = app.consumer
        current: set[tuple[str, str]] = set()
        for tp in consumer.assignment():
            # Right after a rebalance either end may be unknown for a moment: skip, never crash.
            position = await consumer.position(tp)
            highwater = consumer.highwater(tp)
            if position is None or highwater is None:
                continue
            lag = max(highwater - position, 0)
            CONSUMER_LAG.labels(app_name, tp.topic, str(tp.partition)).set(lag)
            current.add((tp.topic, str(tp.partition)))
        for topic, partition in reported - current:
            CONSUMER_LAG.remove(app_name, topic, partition)
        reported.clear()
        reported.update(current)
