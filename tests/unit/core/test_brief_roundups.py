"""A short roundup of places, each struck with its own weapon, keeps each place's weapon: a
brief is read whole only where its strongest reading speaks of the place."""

import pytest

from tests.unit.core.written_reports import incidents_of


def _types(language: str, title: str, body: str) -> list[tuple[str, str]]:
    return sorted((i.location.name, i.sub_event_type) for i in incidents_of(body, language, title))


@pytest.mark.parametrize(("language", "title", "body"), [
    ("en", "Russian attacks kill one, injure four",
     "In Odesa, a drone hit a residential building, injuring four people, Governor Oleh Kiper said. "
     "Russian shelling killed a 58-year-old man in the Sumy region, the regional military "
     "administration reported."),
    ("it", "",
     "A Odessa un drone ha colpito un edificio residenziale, ferendo quattro persone. "
     "Nella regione di Sumy i bombardamenti russi hanno ucciso un uomo di 58 anni."),
])
def test_each_place_of_a_roundup_keeps_its_own_weapon(language: str, title: str, body: str) -> None:
    assert _types(language, title, body) == [("Odesa", "Air/drone strike"),
                                             ("Sumy", "Shelling/artillery/missile attack")]


def test_a_brief_of_one_strike_on_two_places_is_read_whole() -> None:
    # the sentence names the aircraft: a missile fired by warplanes is an air strike in both places
    assert _types("en", "", "Israeli warplanes fired a missile at a group of men east of Jabaliya "
                            "and in Gaza City on Monday, killing two.") == [
        ("Gaza", "Air/drone strike"), ("Jabālyā", "Air/drone strike")]
