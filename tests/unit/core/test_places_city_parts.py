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


@pytest.mark.parametrize("text", [
    "Drones hit Kharkiv overnight. Debris fell in the city's Kyivskyi and Shevchenkivskyi districts.",
    "Drones hit Kharkiv overnight. Debris fell in Kharkiv's Kyivskyi and Shevchenkivskyi districts.",
    "I droni hanno colpito Kharkiv nei quartieri Kyivskyi e Shevchenkivskyi della città.",
    "I detriti sono caduti nei quartieri Kyivskyi e Shevchenkivskyi di Kharkiv.",
])
def test_every_district_of_a_list_is_a_part_of_the_city(text: str) -> None:
    assert {(name, admin1) for _, name, admin1 in _readings(text)} == {("Kharkiv", "Kharkiv")}


def test_a_raion_named_with_its_oblast_centre_stays_the_raion() -> None:
    # "the Izium district of Kharkiv": Kharkiv is the oblast, Izium the raion's centre.
    readings = _readings("Shelling hit the Izium district of Kharkiv overnight.")
    assert readings[0][1:] == ("Izium", "Kharkiv")


def test_a_district_without_its_city_keeps_its_own_reading() -> None:
    readings = _readings("Shelling hit the Kyivskyi district overnight, the mayor of Donetsk said.")
    assert readings[0][1:] == ("Kyivskyi", "Donetsk")


@pytest.mark.parametrize("text", [
    "Russian troops captured the village of Novooleksandrivka near Pokrovsk, the ministry said.",
    "Le truppe russe hanno conquistato il villaggio di Novooleksandrivka, vicino a Pokrovsk.",
    "Le forze russe hanno colpito Novooleksandrivka, un villaggio nei pressi di Pokrovsk.",
    "Russian forces shelled Novooleksandrivka, a small village outside Pokrovsk, on Monday.",
])
def test_near_a_town_picks_the_namesake_clearly_nearest_it(text: str) -> None:
    # Dozens of villages are called Novooleksandrivka, three of them in Pokrovsk's raion; the
    # one of Pokrovsk's own hromada is the nearest by far. Known only by its hromada's centre,
    # it is placed at the town it is written near.
    village = next(m for m in find_places(text) if m.text == "Novooleksandrivka")
    assert (village.place.name, village.place.admin2) == ("Novooleksandrivka", "Pokrovskyi Raion")
    pokrovsk = next(m for m in find_places(text) if m.text == "Pokrovsk")
    assert (village.place.lat, village.place.lon) == (pokrovsk.place.lat, pokrovsk.place.lon)


def test_near_a_town_with_two_namesakes_as_near_keeps_the_honest_fallback() -> None:
    # Two Vasylivkas lie about 7 km from Kupiansk: the text does not say which.
    village = next(m for m in find_places(
        "Russian troops captured the village of Vasylivka near Kupiansk, the ministry said.")
        if m.text == "Vasylivka")
    assert village.place.kind == "district"


@pytest.mark.parametrize(("text", "raion"), [
    ("Russian troops shelled the village of Petrivka in the Izium district.", "Iziumskyi Raion"),
    ("Le truppe russe hanno colpito Vesele nel distretto di Chuhuiv.", "Chuhuivskyi Raion"),
    ("Russian troops shelled Ukrainka, Chuhuiv district, on Monday.", "Chuhuivskyi Raion"),
])
def test_a_village_in_a_named_raion_is_its_namesake_there(text: str, raion: str) -> None:
    # Each name has namesakes in other raions and oblasts; the raion written names the one.
    village = find_places(text)[0]
    assert (village.place.kind, village.place.admin1, village.place.admin2) == (
        "settlement", "Kharkiv", raion)


def test_a_village_with_several_namesakes_in_the_named_raion_is_not_guessed() -> None:
    # Three Novooleksandrivkas lie in the Pokrovsk raion: the raion, written next, is the place.
    text = "Russian troops captured the village of Novooleksandrivka in the Pokrovsk district."
    assert find_places(text)[0].place.kind != "settlement"
