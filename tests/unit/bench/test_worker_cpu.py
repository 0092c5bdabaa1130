"""The pipeline benchmark reads each worker's CPU time from /proc/<pid>/stat."""

from __future__ import annotations

from services.bench.pipeline import cpu_seconds

# pid, (comm), state, then fields 4..13, utime=250 and stime=50 ticks, then the rest
STAT = "4242 (python -m) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 50 0 0 20 0 3 0 100 0 0"


def test_cpu_seconds_adds_user_and_system_time_in_ticks() -> None:
    assert cpu_seconds(STAT, ticks_per_s=100) == 3.0


def test_a_command_name_with_spaces_and_parentheses_does_not_shift_the_fields() -> None:
    plain = STAT.replace("(python -m) x)", "(python)")
    assert cpu_seconds(plain, ticks_per_s=100) == cpu_seconds(STAT, ticks_per_s=100) == 3.0
