"""When a worker goes back for records Faust skipped around a rebalance, and when it lets a jump through."""

from faust.types import TP

from services.common.skip_guard import SkipGuard

P = TP("mentions.v1", 2)


def test_the_first_record_after_a_takeover_must_be_the_committed_offset_or_the_worker_goes_back() -> None:
    guard = SkipGuard()
    assert guard.check(P, 13, committed=12) == 12  # offset 12 never arrived: read it again
    assert guard.check(P, 14, committed=12) is None  # records already fetched still come through
    assert guard.check(P, 12, committed=12) is None  # the re-read
    assert guard.check(P, 13, committed=12) is None


def test_a_record_missing_in_the_middle_of_a_kept_partition_is_read_again() -> None:
    guard = SkipGuard()
    assert guard.check(P, 12, committed=12) is None
    assert guard.check(P, 14, committed=12) == 13
    assert guard.check(P, 15, committed=12) is None
    assert guard.check(P, 13, committed=12) is None


def test_records_in_order_and_records_read_again_pass() -> None:
    guard = SkipGuard()
    for offset in range(12, 20):
        assert guard.check(P, offset, committed=12) is None
    assert guard.check(P, 15, committed=12) is None  # a redelivery after a restart: idempotent
    assert guard.check(P, 20, committed=12) is None


def test_a_hole_that_is_still_there_after_going_back_once_is_let_through() -> None:
    guard = SkipGuard()
    assert guard.check(P, 40, committed=0) == 0
    assert guard.check(P, 40, committed=0) is None  # compacted or a transaction marker: nothing to wait for


def test_a_rebalance_starts_the_expectations_again_from_the_committed_offset() -> None:
    guard = SkipGuard()
    assert guard.check(P, 5, committed=5) is None
    guard.reset()
    assert guard.check(P, 30, committed=20) == 20
    fresh = SkipGuard()
    assert fresh.check(P, 7, committed=None) is None  # a group with no commits yet: nothing to compare
