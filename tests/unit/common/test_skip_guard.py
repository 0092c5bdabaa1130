"""When a worker goes back for records Faust skipped after a rebalance, and when it lets a jump through."""

from faust.types import TP

from services.common.skip_guard import SkipGuard

P = TP("mentions.v1", 2)


def test_a_first_record_after_the_committed_offset_sends_the_worker_back_to_it() -> None:
    guard = SkipGuard()
    assert guard.check(P, 13, committed=12) == 12  # offset 12 never arrived: read it again
    assert guard.check(P, 14, committed=12) is None  # records already fetched still come through
    assert guard.check(P, 12, committed=12) is None  # the re-read
    assert guard.check(P, 13, committed=12) is None


def test_a_first_record_at_the_committed_offset_or_before_it_passes() -> None:
    guard = SkipGuard()
    assert guard.check(P, 12, committed=12) is None
    assert SkipGuard().check(P, 9, committed=12) is None  # a redelivery: idempotent
    assert SkipGuard().check(P, 7, committed=None) is None  # no commit yet: nothing to compare


def test_only_the_first_record_of_a_partition_is_checked_until_the_next_rebalance() -> None:
    guard = SkipGuard()
    assert guard.check(P, 5, committed=5) is None
    assert guard.check(P, 40, committed=5) is None  # a later hole (a transaction marker): not this fault
    guard.reset()
    assert guard.check(P, 30, committed=20) == 20
