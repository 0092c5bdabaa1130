"""Reporting cues of the lexicon, each with a sentence that uses it and the claim it gives."""

from __future__ import annotations

from services.core.claims import extract_claims


def test_calling_something_into_doubt_is_an_assessment() -> None:
    body = "Il leader dell'opposizione Marco Bellini ha messo in dubbio l'efficacia delle nuove sanzioni."
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content, c.claim_type) for c in claims] == [
        ("Marco Bellini", "l'efficacia delle nuove sanzioni.", "assessment")
    ]


def test_clarified_that_reports_a_claim() -> None:
    body = "Mayor Anna Petrenko clarified that two floors of the building collapsed after the drone hit."
    claims = extract_claims("Title", body, "en")
    assert [(c.speaker.name, c.cue, c.content) for c in claims] == [
        ("Anna Petrenko", "clarified", "two floors of the building collapsed after the drone hit.")
    ]


def test_cue_followed_by_an_adverbial_gerund_reports_a_deed_not_words() -> None:
    body = "The Defence Ministry responded by intensifying missile strikes on the energy grid."
    assert extract_claims("Title", body, "en") == []


def test_adverbial_gerund_before_a_that_clause_is_skipped() -> None:
    body = "Macron said after meeting Putin that the talks had been useful and frank."
    claims = extract_claims("Title", body, "en")
    assert [c.content for c in claims] == ["the talks had been useful and frank."]


def test_direct_quote_opening_with_a_gerund_phrase_is_kept() -> None:
    body = '"By holding the line, we saved the city," the commander said.'
    claims = extract_claims("Title", body, "en")
    assert [c.content for c in claims] == ["By holding the line, we saved the city"]


def test_a_quanto_riferisce_introduces_a_source() -> None:
    body = "A quanto riferisce il governatore Oleh Petrenko, due persone sono morte nel bombardamento."
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Oleh Petrenko", "due persone sono morte nel bombardamento.")
    ]


def test_secondo_quanto_ha_riferito_introduces_a_source_not_a_subject() -> None:
    body = "Secondo quanto ha riferito il governatore Oleh Petrenko, due persone sono morte nel bombardamento."
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Oleh Petrenko", "due persone sono morte nel bombardamento.")
    ]
