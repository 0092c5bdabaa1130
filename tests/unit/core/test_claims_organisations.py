"""A body named differently in English and Italian reaches one canonical organisation
(organisations.json), so its claims meet across languages in the deduplicator."""

from __future__ import annotations

import pytest

from services.core.organisations import canonical_organisation


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Ukraine's air force", "Air Force of Ukraine"),
        ("the Ukrainian Air Force", "Air Force of Ukraine"),
        ("l'aeronautica militare ucraina", "Air Force of Ukraine"),
        ("Ukraine's General Staff", "General Staff of the Armed Forces of Ukraine"),
        ("the General Staff of Ukraine's armed forces", "General Staff of the Armed Forces of Ukraine"),
        ("lo Stato maggiore delle forze armate di Kiev", "General Staff of the Armed Forces of Ukraine"),
        ("Ukraine's Foreign Ministry", "Ministry of Foreign Affairs of Ukraine"),
        ("il ministero degli Esteri russo", "Ministry of Foreign Affairs of Russia"),
        ("the Russian Ministry of Defense", "Ministry of Defence of the Russian Federation"),
        ("il ministero della Difesa di Mosca", "Ministry of Defence of the Russian Federation"),
        ("Ukraine's State Emergency Service", "State Emergency Service of Ukraine"),
        ("il servizio statale di emergenza", "State Emergency Service of Ukraine"),
        ("la polizia nazionale ucraina", "National Police of Ukraine"),
        ("Ukraine's Prosecutor General's Office", "Office of the Prosecutor General of Ukraine"),
        ("l'ufficio presidenziale ucraino", "Office of the President of Ukraine"),
        ("the U.N. nuclear watchdog", "International Atomic Energy Agency"),
        ("the Russian Investigative Committee", "Investigative Committee of Russia"),
        ("l'esercito ucraino", "Armed Forces of Ukraine"),
    ],
)
def test_english_and_italian_names_of_a_body_reach_its_canonical_name(
    name: str, canonical: str
) -> None:
    assert canonical_organisation(name) == canonical


def test_a_body_merely_mentioned_in_a_longer_name_is_not_that_body() -> None:
    assert canonical_organisation("a spokesman for Ukraine's air force") is None
