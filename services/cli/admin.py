"""Broker administration the CLI needs: wait until a broker answers, create the contract topics idempotently."""

from __future__ import annotations

import asyncio
import logging
import time

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, KafkaError, TopicAlreadyExistsError

from services.common.kafka import aiokafka_options
from services.common.settings import Settings
from services.common.topics import TopicSpec, load_topics


async def wait_for_broker(
    bootstrap: str, timeout: float, settings: Settings | None = None
) -> list[str]:
    """Poll until the broker serves metadata; returns its topic names. Raises TimeoutError.
    With `settings`, its security options (SASL/SSL) are used for the connection."""
    quiet = logging.getLogger("aiokafka")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # refused connections are expected while it starts
    try:
        return await _poll(bootstrap, timeout, settings)
    finally:
        quiet.setLevel(level)


async def _poll(bootstrap: str, timeout: float, settings: Settings | None) -> list[str]:
    options = aiokafka_options(settings) if settings is not None else {}
    options["bootstrap_servers"] = bootstrap
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        admin = AIOKafkaAdminClient(**options, request_timeout_ms=5000)
        try:
            await admin.start()
            names = await admin.list_topics()
            return sorted(names)
        except (KafkaConnectionError, KafkaError, OSError) as e:
            last = e
        finally:
            await admin.close()
        await asyncio.sleep(0.5)
    raise TimeoutError(f"no Kafka broker answered at {bootstrap} within {timeout:.0f}s ({last!r})")


async def create_topics(settings: Settings) -> list[tuple[TopicSpec, str]]:
    """Create every topic of the deploy file that is missing; returns (spec, 'created'|'exists')."""
    specs = load_topics(settings.topics_file, settings.topic_prefix, settings.topic_replication)
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        todo = [s for s in specs if s.name not in existing]
        results = [(s, "exists") for s in specs if s.name in existing]
        for spec in todo:
            try:
                await admin.create_topics(
                    [
                        NewTopic(
                            spec.name,
                            spec.partitions,
                            spec.replication_factor,
                            topic_configs=spec.config,
                        )
                    ]
                )
                results.append((spec, "created"))
            except TopicAlreadyExistsError:
                results.append((spec, "exists"))
        await _wait_for_leaders(admin, [s.name for s in todo])
        return results
    finally:
        await admin.close()


async def delete_topics_with_prefix(settings: Settings, prefix: str) -> list[str]:
    """Delete every topic whose name starts with `prefix` (a test's or a benchmark run's topics and
    Faust's changelogs for its groups), so a long-lived broker does not pile up partitions."""
    admin = AIOKafkaAdminClient(**aiokafka_options(settings))
    await admin.start()
    try:
        names = [t for t in await admin.list_topics() if t.startswith(prefix)]
        if names:
            await admin.delete_topics(names)
        return names
    finally:
        await admin.close()


async def _wait_for_leaders(admin: AIOKafkaAdminClient, names: list[str], timeout_s: float = 30.0) -> None:
    """Return once every partition of the new topics has a leader: a client that writes right
    after `topics create` would otherwise meet "not leader for partition" retries."""
    if not names:
        return
    deadline = asyncio.get_running_loop().time() + timeout_s
    while True:
        described = await admin.describe_topics(names)
        ready = all(
            t.get("error_code", 0) == 0 and t.get("partitions")
            and all(p.get("leader", -1) >= 0 for p in t["partitions"])
            for t in described
        )
        if ready or asyncio.get_running_loop().time() > deadline:
            return
        await asyncio.sleep(0.2)
