"""Independent producer and consumer for the integration tests (plain aiokafka, no newsevents code)."""

from __future__ import annotations

import time
from collections.abc import Callable

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import ConsumerRecord


async def produce(bootstrap: str, topic: str, records: list[tuple[bytes | None, bytes]]) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all", max_request_size=20_000_000)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(topic, value, key=key)
    finally:
        await producer.stop()


async def consume_until(
    bootstrap: str,
    topics: list[str],
    done: Callable[[list[ConsumerRecord]], bool],
    timeout_s: float = 120.0,
    settle_s: float = 3.0,
    check: Callable[[], None] = lambda: None,
) -> list[ConsumerRecord]:
    """Read the topics from the start until `done(records)` holds and nothing new arrived for
    `settle_s` seconds, or the timeout passes (then return what arrived). `check` runs on every
    poll and may raise to stop waiting (e.g. when a worker died)."""
    consumer = AIOKafkaConsumer(
        *topics, bootstrap_servers=bootstrap, group_id=None, auto_offset_reset="earliest"
    )
    await consumer.start()
    records: list[ConsumerRecord] = []
    try:
        deadline = time.monotonic() + timeout_s
        last_new = time.monotonic()
        while time.monotonic() < deadline:
            check()
            batch = await consumer.getmany(timeout_ms=500)
            for recs in batch.values():
                records.extend(recs)
                if recs:
                    last_new = time.monotonic()
            if done(records) and time.monotonic() - last_new >= settle_s:
                break
    finally:
        await consumer.stop()
    return records


def values(records: list[ConsumerRecord]) -> list[dict]:  # type: ignore[type-arg]
    return [orjson.loads(r.value) for r in records]
