"""Nationality words and their countries (services.core.demonyms)."""

from services.core.demonyms import find_demonyms, is_demonym


def test_a_nationality_names_its_country() -> None:
    found = find_demonyms("Turkish security forces detained dozens near the Syrian border.", "en")
    assert [d.country_code for d in found] == ["TR", "SY"]


def test_english_nationalities_are_capitalised_words_only() -> None:
    assert is_demonym("Polish", "en")
    assert not is_demonym("polish", "en")


def test_italian_nationalities_are_read_in_every_inflection() -> None:
    found = find_demonyms("Le truppe russe e i soldati turchi.", "it")
    assert [d.country_code for d in found] == ["RU", "TR"]


def test_an_italian_country_name_is_not_read_as_its_nationality() -> None:
    assert not is_demonym("Ucraina", "it")
