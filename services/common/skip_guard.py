"""A guard against records Faust skips when a worker takes over a partition: spot the jump, read them again."""

from __future__ import annotations

import faust
import structlog
from faust.types import TP, EventT

from services.common.metrics import SKIPPED_RECORDS

log = structlog.get_logger(__name__)


class SkipGuard:
    """Whether the first record a partition delivers after a rebalance is the committed one.

    faust-streaming 0.15 can lose the first records a worker reads on a partition a rebalance
    just gave it: records fetched while the worker finishes its table recovery land in agent
    queues that are cleared when the flow resumes, and they are never fetched again. The
    offset commit then steps over the hole (its head check is off by one), so the loss is
    silent. Both apps are idempotent (the same article gives the same mentions; a mention
    seen twice changes nothing), so going back is always safe. Only the first record of each
    partition is checked: later holes (transaction markers of a transactional producer,
    compaction) are not this fault, and going back at each would repeat work."""

    def __init__(self) -> None:
        self._seen: set[TP] = set()

    def reset(self) -> None:
        """A rebalance: the next record of every partition is a first one again."""
        self._seen.clear()

    def check(self, tp: TP, offset: int, committed: int | None) -> int | None:
        """The committed offset (the group's next to read) to seek back to when the first
        record since the last rebalance comes after it, else None."""
        if tp in self._seen:
            return None
        self._seen.add(tp)
        return committed if committed is not None and offset > committed else None


def install_skip_guard(app: faust.App) -> SkipGuard:
    """A guard reset at every rebalance; agents call `recover_skipped` on each event."""
    guard = SkipGuard()

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def forget(sender: faust.App, assigned: object, **_: object) -> None:
        guard.reset()

    return guard


async def recover_skipped(app: faust.App, app_name: str, guard: SkipGuard, event: EventT[bytes]) -> None:
    """Seek back when `event` comes after records this worker never saw (see SkipGuard). The
    event itself is still processed by the caller: processing is idempotent."""
    msg = event.message
    tp = msg.tp
    # Faust keeps the committed offset (Kafka's next-to-read) per assigned partition.
    committed = app.consumer._committed_offset.get(tp)  # type: ignore[attr-defined]
    back = guard.check(tp, msg.offset, committed)
    if back is None:
        return
    log.warning("stream.records_skipped", app=app_name, topic=tp.topic, partition=tp.partition,
                expected_offset=back, got_offset=msg.offset)
    SKIPPED_RECORDS.labels(app_name, tp.topic).inc(msg.offset - back)
    await app.consumer.seek(tp, back)
