"""A watchdog for Faust table recovery that stops making progress: when to restart it, and the timer that does."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import faust
import structlog

from services.common.metrics import RECOVERY_RESTARTS

log = structlog.get_logger(__name__)


@dataclass
class StallClock:
    """Whether recovery has been stuck on the same remaining count for `stall_s` seconds.

    Progress is the number of changelog records still to read falling (or any change of it: a
    new rebalance restarts the count); outside recovery the clock is idle."""

    stall_s: float
    _remaining: int | None = field(default=None, init=False)
    _since: float = field(default=0.0, init=False)

    def stalled(self, in_recovery: bool, remaining: int, now: float) -> bool:
        if not in_recovery:
            self._remaining = None
            return False
        if remaining != self._remaining:
            self._remaining, self._since = remaining, now
            return False
        if now - self._since < self.stall_s:
            return False
        self._since = now  # the next restart waits a full stall_s again
        return True


def install_recovery_watchdog(app: faust.App, app_name: str, stall_s: float, every_s: float = 5.0) -> None:
    """Restart a table recovery that has read nothing for `stall_s` seconds.

    faust-streaming 0.15 can leave a worker in recovery for good after a rebalance hands it table
    partitions another worker was writing: the changelog is never fetched ("No event received
    for active tp ... since recovery start") and the worker processes nothing. Restarting the
    recovery (Faust's own path when a rebalance interrupts it: fresh high-waters and offsets, a
    new seek) costs one more read of the changelog and lets the worker go on."""
    clock = StallClock(stall_s)

    @app.timer(interval=every_s)  # type: ignore[untyped-decorator]
    async def watch_recovery() -> None:
        recovery = app.tables.recovery  # type: ignore[attr-defined]  # TableManager, not its ABC
        remaining = recovery.active_remaining_total()
        if clock.stalled(bool(recovery.in_recovery), remaining, time.monotonic()):
            log.warning("table.recovery_restarted", app=app_name, remaining=remaining, stalled_s=stall_s)
            RECOVERY_RESTARTS.labels(app_name).inc()
            recovery.signal_recovery_start.set()
