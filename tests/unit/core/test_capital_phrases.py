"""A capital named by nationality ("the Ukrainian capital", "la capitale russa") is that city, and
so is a capital's possessive before a part of the town ("Kyiv's Darnytskyi district")."""

import pytest

from services.core.demonyms import find_capital_phrases
from services.core.places import find_places
from tests.unit.core.written_reports import incidents_of


@pytest.mark.parametrize(("language", "text", "country"), [
    ("en", "Russian drones struck the Ukrainian capital overnight.", "UA"),
    ("en", "Mayor reports drone attack in Russian capital", "RU"),
    ("it", "Nella notte droni russi hanno colpito la capitale ucraina.", "UA"),
    ("it", "Attacco di droni sulla capitale russa.", "RU"),
    ("uk", "Уночі ворог атакував українську столицю дронами.", "UA"),
    ("ru", "Беспилотники атаковали российскую столицу.", "RU"),
])
def test_a_nationality_with_capital_names_that_countrys_capital(language: str, text: str, country: str) -> None:
    assert [p.country_code for p in find_capital_phrases(text, language)] == [country]


def test_a_nationality_alone_names_no_capital() -> None:
    assert find_capital_phrases("Russian drones struck a power plant.", "en") == []


@pytest.mark.parametrize(("language", "text", "city"), [
    ("en", "Russian drones struck the Ukrainian capital overnight.", "Kyiv"),
    ("it", "Nella notte droni russi hanno colpito la capitale ucraina.", "Kyiv"),
    ("en", "A drone attack on the Russian capital damaged two buildings.", "Moscow"),
])
def test_the_place_reader_reads_the_phrase_as_the_city(language: str, text: str, city: str) -> None:
    assert [(m.place.name, m.precision) for m in find_places(text, language)] == [(city, "settlement")]


@pytest.mark.parametrize(("language", "text", "city"), [
    ("en", "Russian drones struck the Ukrainian capital overnight, killing two people.", "Kyiv"),
    # a colon after a capital's name makes it speak ("Kiev: …"); after the phrase it does not
    ("it", "Nella notte droni russi hanno colpito la capitale ucraina: due morti.", "Kyiv"),
])
def test_a_strike_on_the_capital_is_located_there_not_in_the_attackers_country(
        language: str, text: str, city: str) -> None:
    assert _incident_places(text, language) == [city]


def _incident_places(text: str, language: str = "en") -> list[str]:
    return [i.location.name for i in incidents_of(text, language)]


def test_a_capitals_possessive_before_a_part_of_the_town_is_the_town() -> None:
    assert _incident_places("A drone struck an apartment block in Kyiv's Darnytskyi district, injuring five.") == ["Kyiv"]


def test_a_place_named_inside_the_possessive_is_where_it_happened() -> None:
    assert _incident_places("Drones were shot down over Moscow's Vnukovo airport.") == ["Vnukovo"]


def test_forces_acting_in_a_capital_make_it_the_place_not_a_government() -> None:
    assert _incident_places("Police in Tbilisi used tear gas to disperse protesters on Sunday.") == ["Tbilisi"]


def test_officials_in_a_capital_speak_there_and_the_event_is_elsewhere() -> None:
    assert _incident_places("Officials in Moscow said drones attacked a refinery in Ryazan.") == ["Ryazan’"]


def test_a_capital_named_by_nationality_is_no_foreign_look_alike_among_places_of_another_country() -> None:
    places = _incident_places("Russian drones struck the Ukrainian capital overnight, killing two, while "
                              "Ukrainian drones hit Belgorod and Kursk.")
    assert sorted(places) == ["Belgorod", "Kursk", "Kyiv"]


def test_a_place_before_an_inverted_attribution_is_where_not_who() -> None:
    assert _incident_places("A missile strike killed seven in the regional capital of Dnipro, "
                            "said governor Serhiy Lysak.") == ["Dnipro"]
