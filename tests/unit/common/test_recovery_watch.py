"""When a table recovery counts as stalled: the rule the deduplicator's watchdog restarts it by."""

from services.common.recovery_watch import StallClock


def test_recovery_that_reads_nothing_for_the_stall_time_is_stalled_once_per_stall_time() -> None:
    clock = StallClock(stall_s=60)
    assert not clock.stalled(True, 40, now=0)
    assert not clock.stalled(True, 40, now=59)
    assert clock.stalled(True, 40, now=60)
    assert not clock.stalled(True, 40, now=90)  # just restarted: wait a full stall time again
    assert clock.stalled(True, 40, now=120)


def test_recovery_that_makes_progress_is_never_stalled() -> None:
    clock = StallClock(stall_s=60)
    for t, remaining in enumerate(range(100, 0, -1)):
        assert not clock.stalled(True, remaining, now=t * 30)


def test_a_worker_out_of_recovery_is_never_stalled_and_starts_a_new_count_next_time() -> None:
    clock = StallClock(stall_s=60)
    assert not clock.stalled(True, 5, now=0)
    assert not clock.stalled(False, 0, now=100)
    assert not clock.stalled(True, 5, now=200)  # a new recovery: the count starts here
    assert clock.stalled(True, 5, now=260)
