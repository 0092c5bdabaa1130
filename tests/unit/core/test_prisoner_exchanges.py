"""A prisoner exchange is one Agreement, whichever words tell it and however many parties it names."""

import pytest

from tests.unit.core.written_reports import incidents_of


def _incidents(language: str, body: str) -> list[tuple[str, str]]:
    return [(i.sub_event_type, i.location.name) for i in incidents_of(body, language)]


@pytest.mark.parametrize(("language", "body", "country"), [
    ("en", "Russia and Ukraine exchanged 95 prisoners each on Friday.", "Ukraine"),
    ("en", "Ukraine and Russia swapped 95 prisoners of war on Friday, mediated by the UAE.", "Ukraine"),
    ("it", "Russia e Ucraina si sono scambiati 95 prigionieri venerdì.", "Ukraine"),
    ("en", "Armenia and Azerbaijan exchanged 32 prisoners on Thursday.", "Armenia"),
])
def test_an_exchange_between_two_countries_is_one_agreement_in_the_war_country_else_the_first(
        language: str, body: str, country: str) -> None:
    assert _incidents(language, body) == [("Agreement", country)]
