"""Tests for the words the extractor never takes for a place it cannot find in the gazetteer."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from schemas import Article
from services.core.extract import extract_article
from services.core.gazetteer import DEFAULT_PATH

pytestmark = pytest.mark.skipif(not DEFAULT_PATH.exists(),
                                reason="gazetteer not built: run `make setup`")


def _incident_places(title: str, body: str) -> list[str]:
    article = Article(article_id="t-fourth", source="example.com", title=title, body=body,
                      published_at=datetime(2016, 9, 20, 10, tzinfo=UTC), language="en")
    return [m.incident.location.name for m in extract_article(article).mentions
            if m.incident is not None]


def test_a_holiday_after_in_is_not_an_unknown_place() -> None:
    places = _incident_places(
        "Suspect arrested in holiday shooting",
        "Police arrested a 16-year-old on Monday in the Fourth of July shooting of four people "
        "near the subway station.")
    assert "Fourth" not in places
