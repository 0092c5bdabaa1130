"""Read incidents.v1 and claims.v1 with an independent consumer, keep the latest revision per id, print tables."""

from __future__ import annotations

import asyncio
import sys
import time

import orjson
from aiokafka import AIOKafkaConsumer
from rich.console import Console
from rich.table import Table

from schemas import Claim, Incident
from services.common import topics
from services.common.kafka import aiokafka_options
from services.common.settings import Settings


async def read_outputs(
    settings: Settings, *, expect_at_least: int = 1, idle_s: float = 8.0, timeout_s: float = 120.0
) -> tuple[dict[str, Incident], dict[str, Claim]]:
    """Consume both output topics from the start until nothing new arrived for `idle_s` seconds
    (after at least `expect_at_least` records) or `timeout_s` passed."""
    inc_topic = settings.topic_prefix + topics.INCIDENTS
    claim_topic = settings.topic_prefix + topics.CLAIMS
    consumer = AIOKafkaConsumer(
        inc_topic, claim_topic, **aiokafka_options(settings),
        group_id=None, auto_offset_reset="earliest", enable_auto_commit=False,
    )
    incidents: dict[str, Incident] = {}
    claims: dict[str, Claim] = {}
    await consumer.start()
    try:
        start = last = time.monotonic()
        seen = 0
        while True:
            batch = await consumer.getmany(timeout_ms=500)
            for tp, records in batch.items():
                for rec in records:
                    seen += 1
                    last = time.monotonic()
                    data = orjson.loads(rec.value)
                    if tp.topic == inc_topic:
                        inc = Incident.model_validate(data)
                        keep_latest(incidents, inc.incident_id, inc)
                    else:
                        cl = Claim.model_validate(data)
                        keep_latest(claims, cl.claim_id, cl)
            now = time.monotonic()
            if now - start > timeout_s:
                break
            if seen >= expect_at_least and now - last > idle_s:
                break
    finally:
        await consumer.stop()
    live_inc = {k: v for k, v in incidents.items() if v.merged_into is None}
    live_cl = {k: v for k, v in claims.items() if v.merged_into is None}
    return live_inc, live_cl


def keep_latest(store: dict, key: str, record: Incident | Claim) -> None:  # type: ignore[type-arg]
    old = store.get(key)
    if old is None or record.revision >= old.revision:
        store[key] = record


def _count(c: object) -> str:
    best = getattr(c, "best", None)
    if best is None:
        return ""
    low, high = getattr(c, "low", None), getattr(c, "high", None)
    return f"{best}" if low in (None, best) and high in (None, best) else f"{best} ({low}-{high})"


def print_outputs(incidents: list[Incident], claims: list[Claim], console: Console | None = None) -> None:
    # Piped output (make demo in CI, a log file) would otherwise be squeezed into 80 columns.
    console = console or Console(width=None if sys.stdout.isatty() else 170)
    t = Table(title=f"Incidents ({len(incidents)})", show_lines=False)
    for col in ("date", "place", "admin1", "type", "killed", "injured", "weapons", "sources", "rev", "conf"):
        t.add_column(col)
    for i in sorted(incidents, key=lambda x: (x.date.start, x.location.name)):
        d = str(i.date.start) if i.date.start == i.date.end else f"{i.date.start}..{i.date.end}"
        t.add_row(
            d, f"{i.location.name} [{i.location.precision}]", i.location.admin1 or "",
            i.sub_event_type, _count(i.fatalities), _count(i.injured), ",".join(i.weapons),
            ",".join(i.sources), str(i.revision), f"{i.confidence:.2f}",
        )
    console.print(t)
    c = Table(title=f"Claims ({len(claims)})", show_lines=True)
    for col in ("speaker", "cue", "quote", "type", "content", "via"):
        c.add_column(col, overflow="fold")
    for cl in claims:
        who = cl.speaker.name + (f" ({cl.speaker.role})" if cl.speaker.role else "")
        content = cl.content if len(cl.content) < 160 else cl.content[:157] + "..."
        c.add_row(who, cl.cue, cl.quote, cl.claim_type, content, ",".join(cl.via))
    console.print(c)


def show(settings: Settings, idle_s: float, timeout_s: float) -> tuple[int, int]:
    incidents, claims = asyncio.run(read_outputs(settings, idle_s=idle_s, timeout_s=timeout_s))
    print_outputs(list(incidents.values()), list(claims.values()))
    return len(incidents), len(claims)
