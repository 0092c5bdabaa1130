"""Tests for places written as a part of a city the text names (its district, its quarter)."""

from __future__ import annotations

import pytest

from services.core.gazetteer import DEFAULT_PATH
from services.core.places import find_places

pytestmark = pytest.mark.skipif(not DEFAULT_PATH.exists(),
                                reason="gazetteer not built: run `make setup`")


def _readings(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.place.name, m.place.admin1) for m in find_places(text)]


@pytest.mark.parametrize("text", [
    "Russian forces attacked Kharkiv with guided bombs. The bombs hit a residential area in the"
    " city's Kyivskyi district.",
    "Russian forces attacked Kharkiv with guided bombs. The bombs hit a residential area in"
    " Kharkiv's Kyivskyi district.",
    "Guided bombs fell on a school in the Kyivskyi district of Kharkiv on Monday.",
    "Le forze russe hanno colpito Kharkiv. Le bombe sono cadute nel quartiere Kyivskyi di Kharkiv.",
    "Le bombe sono cadute su Kharkiv, nel distretto di Kyivskyi della città.",
])
def test_a_district_of_the_city_the_text_names_is_that_city(text: str) -> None:
    # Kyivskyi is also a district of Donetsk city and of Poltava: not the one meant here.
    assert {(name, admin1) for _, name, admin1 in _readings(text)} == {("Kharkiv", "Kharkiv")}


def test_a_raion_named_with_its_oblast_centre_stays_the_raion() -> None:
    # "the Izium district of Kharkiv": Kharkiv is the oblast, Izium the raion's centre.
    readings = _readings("Shelling hit the Izium district of Kharkiv overnight.")
    assert readings[0][1:] == ("Izium", "Kharkiv")


def test_a_district_without_its_city_keeps_its_own_reading() -> None:
    readings = _readings("Shelling hit the Kyivskyi district overnight, the mayor of Donetsk said.")
    assert readings[0][1:] == ("Kyivskyi", "Donetsk")
