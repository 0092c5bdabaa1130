"""A number after a month's name is a day of the month, not a count of victims."""

import pytest

from services.core.casualties import find_casualties


@pytest.mark.parametrize("sentence", [
    "A strike on Dnipro on June 8 killed three people.",
    "A strike on Dnipro on June 8 killed three.",
    "The Sept. 8 attack killed three.",
])
def test_the_day_before_killed_is_not_the_toll(sentence: str) -> None:
    fatalities = find_casualties(sentence, "en").fatalities
    assert fatalities is not None and fatalities.best == 3


def test_a_number_after_another_word_is_still_a_count() -> None:
    fatalities = find_casualties("Shelling in Kherson on Sunday: 8 killed.", "en").fatalities
    assert fatalities is not None and fatalities.best == 8
