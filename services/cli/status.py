"""`newsevents status`: throughput per topic, lag per consumer group and partition, dead-letter rate, from the broker."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient
from rich.console import Group
from rich.live import Live
from rich.table import Table

from services.common import topics
from services.common.kafka import aiokafka_options
from services.common.settings import Settings
from services.common.topics import load_topics

APPS = {"extractor": topics.ARTICLES, "deduplicator": topics.MENTIONS}


@dataclass(frozen=True)
class Snapshot:
    at: float
    end_offsets: dict[TopicPartition, int]
    committed: dict[str, dict[TopicPartition, int]]  # group → tp → committed offset


async def snapshot(settings: Settings) -> Snapshot:
    names = [s.name for s in load_topics(settings.topics_file, settings.topic_prefix)]
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    consumer = AIOKafkaConsumer(**aiokafka_options(settings), group_id=None)
    await admin.start()
    await consumer.start()
    try:
        described = await admin.describe_topics(names)
        tps = [TopicPartition(d["topic"], p["partition"]) for d in described
               if not d.get("error_code") for p in d["partitions"]]
        end = await consumer.end_offsets(tps) if tps else {}
        committed: dict[str, dict[TopicPartition, int]] = {}
        for app in APPS:
            group = f"{settings.group_prefix}-{app}"
            offsets = await admin.list_consumer_group_offsets(group)
            committed[group] = {tp: meta.offset for tp, meta in offsets.items() if meta.offset >= 0}
        return Snapshot(time.monotonic(), end, committed)
    finally:
        await consumer.stop()
        await admin.close()


def render(settings: Settings, before: Snapshot | None, now: Snapshot) -> Group:
    per_topic: dict[str, int] = {}
    for tp, off in now.end_offsets.items():
        per_topic[tp.topic] = per_topic.get(tp.topic, 0) + off
    rates: dict[str, float] = {}
    if before is not None and now.at > before.at:
        for tp, off in now.end_offsets.items():
            delta = off - before.end_offsets.get(tp, off)
            rates[tp.topic] = rates.get(tp.topic, 0.0) + delta / (now.at - before.at)
    t = Table(title="Topics")
    for col in ("topic", "records (end offsets)", "records/s"):
        t.add_column(col, justify="right" if col != "topic" else "left")
    for name in sorted(per_topic):
        rate = f"{rates[name]:.1f}" if name in rates else "…"
        t.add_row(name, str(per_topic[name]), rate)
    dlq = settings.topic_prefix + topics.DLQ
    g = Table(title="Consumer lag (end offset − committed)")
    for col in ("group", "topic", "partition", "committed", "end", "lag"):
        g.add_column(col)
    for app, source in APPS.items():
        group = f"{settings.group_prefix}-{app}"
        source_topic = settings.topic_prefix + source
        offsets = now.committed.get(group, {})
        for tp in sorted((tp for tp in now.end_offsets if tp.topic == source_topic), key=lambda x: x.partition):
            committed = offsets.get(tp)
            end = now.end_offsets[tp]
            lag = end - committed if committed is not None else end
            g.add_row(group, tp.topic, str(tp.partition), "-" if committed is None else str(committed),
                      str(end), str(lag))
    footer = Table.grid()
    footer.add_row(f"dead letters: {per_topic.get(dlq, 0)} total, "
                   f"{rates.get(dlq, 0.0):.2f}/s" if rates else f"dead letters: {per_topic.get(dlq, 0)} total")
    return Group(t, g, footer)


def run_status(settings: Settings, once: bool, interval: float) -> None:
    async def main() -> None:
        first = await snapshot(settings)
        if once:
            await asyncio.sleep(min(interval, 2.0))
            second = await snapshot(settings)
            from rich.console import Console

            Console().print(render(settings, first, second))
            return
        with Live(render(settings, None, first), refresh_per_second=2) as live:
            before = first
            while True:
                await asyncio.sleep(interval)
                now = await snapshot(settings)
                live.update(render(settings, before, now))
                before = now

    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
