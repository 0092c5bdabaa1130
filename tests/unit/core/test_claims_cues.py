"""Reporting cues of the lexicon, each with a sentence that uses it and the claim it gives."""

from __future__ import annotations

from services.core.claims import extract_claims


def test_calling_something_into_doubt_is_an_assessment() -> None:
    body = "Il leader dell'opposizione Marco Bellini ha messo in dubbio l'efficacia delle nuove sanzioni."
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content, c.claim_type) for c in claims] == [
        ("Marco Bellini", "l'efficacia delle nuove sanzioni.", "assessment")
    ]
