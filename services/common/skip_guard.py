"""A guard against records Faust skips when a worker takes over a partition: spot the jump, read them again."""

from __future__ import annotations

import faust
import structlog
from faust.types import TP, EventT

from services.common.metrics import SKIPPED_RECORDS

log = structlog.get_logger(__name__)


class SkipGuard:
    """Which offset each partition should deliver next, and where to go back to when it does not.

    faust-streaming 0.15 can lose records around a rebalance: records fetched while the worker
    finishes a table recovery land in agent queues that are cleared when the flow resumes, and
    they are never fetched again, on a partition just taken over (its first records) or on one
    it kept (one record in the middle). The offset commit then steps over the hole (its head
    check is off by one), so the loss is silent. Both apps are idempotent (the same article
    gives the same mentions; a mention seen twice changes nothing), so going back is always
    safe: on a jump past the expected offset (after a rebalance, the committed one) we seek back
    to it once; a second jump to the same place means the records are really gone (compaction,
    a transaction marker) and is let through."""

    def __init__(self) -> None:
        self._next: dict[TP, int] = {}
        self._went_back: dict[TP, int] = {}

    def reset(self) -> None:
        """A rebalance: expectations start again from the committed offsets."""
        self._next.clear()
        self._went_back.clear()

    def check(self, tp: TP, offset: int, committed: int | None) -> int | None:
        """The offset to seek back to when `offset` jumps past the expected one, else None.
        `committed` is the group's committed offset (the next to read) for a partition this
        guard has not seen since the last rebalance."""
        expected = self._next.get(tp, committed)
        if expected is None or offset <= expected or self._went_back.get(tp) == expected:
            self._next[tp] = max(offset + 1, self._next.get(tp, 0))
            return None
        self._went_back[tp] = expected
        self._next[tp] = expected
        return expected


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
