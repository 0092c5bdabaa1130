"""The committed JSON Schemas match the pydantic models, and the models hold the contract's field names."""

from __future__ import annotations

import json

import pytest

from schemas import Article, Claim, Incident
from schemas.generate import CONTRACT, JSON_DIR, render
from schemas.taxonomy import PARENT, SUB_EVENT_TYPES


@pytest.mark.parametrize("name", sorted(CONTRACT))
def test_committed_json_schema_is_fresh(name: str) -> None:
    committed = (JSON_DIR / name).read_text(encoding="utf-8")
    assert committed == render(CONTRACT[name]), f"schemas/json/{name} is stale: run `make schemas`"


def test_incident_has_every_contract_field() -> None:
    contract = {
        "schema_version", "incident_id", "revision", "event_type", "sub_event_type", "date",
        "location", "actors", "fatalities", "injured", "civilian_targeting", "weapons", "summary",
        "evidence", "article_ids", "sources", "confidence", "first_reported_at",
        "last_reported_at", "merged_into", "extractor_version",
    }
    assert contract <= set(Incident.model_fields)


def test_claim_has_every_contract_field() -> None:
    contract = {
        "schema_version", "claim_id", "revision", "speaker", "cue", "content", "quote",
        "claim_type", "quantities", "via", "about_incident_ids", "evidence", "article_ids",
        "sources", "confidence", "first_reported_at", "last_reported_at", "merged_into",
        "extractor_version",
    }
    assert contract <= set(Claim.model_fields)


def test_every_sub_event_type_has_its_acled_parent() -> None:
    assert len(SUB_EVENT_TYPES) == 25
    assert set(PARENT) == set(SUB_EVENT_TYPES)
    assert len(set(PARENT.values())) == 6


def test_article_requires_a_timezone_aware_publication_time() -> None:
    base = {"article_id": "a", "source": "x", "title": "t", "body": "b"}
    with pytest.raises(ValueError, match="timezone"):
        Article.model_validate({**base, "published_at": "2023-01-21T09:00:00"})
    ok = Article.model_validate({**base, "published_at": "2023-01-21T09:00:00+01:00"})
    assert ok.published_at.utcoffset() is not None


def test_incident_schema_lists_the_acled_types_as_an_enum() -> None:
    schema = json.loads((JSON_DIR / "incident.v1.json").read_text())
    assert "Shelling/artillery/missile attack" in json.dumps(schema)
