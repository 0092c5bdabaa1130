"""A prisoner exchange is one Agreement, whichever words tell it and however many parties it names."""

from datetime import UTC, datetime

import pytest

from schemas import Article
from services.core.extract import extract_article


def _incidents(language: str, body: str) -> list[tuple[str, str]]:
    article = Article(article_id="swap", source="example.org", title="", body=body,
                      published_at=datetime(2024, 6, 11, 9, tzinfo=UTC), language=language)
    return [(m.incident.sub_event_type, m.incident.location.name)
            for m in extract_article(article).mentions if m.incident is not None]


@pytest.mark.parametrize(("language", "body", "country"), [
    ("en", "Russia and Ukraine exchanged 95 prisoners each on Friday.", "Ukraine"),
    ("en", "Ukraine and Russia swapped 95 prisoners of war on Friday, mediated by the UAE.", "Ukraine"),
    ("it", "Russia e Ucraina si sono scambiati 95 prigionieri venerdì.", "Ukraine"),
    ("en", "Armenia and Azerbaijan exchanged 32 prisoners on Thursday.", "Armenia"),
])
def test_an_exchange_between_two_countries_is_one_agreement_in_the_war_country_else_the_first(
        language: str, body: str, country: str) -> None:
    assert _incidents(language, body) == [("Agreement", country)]
