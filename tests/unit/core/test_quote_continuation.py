"""Tests for a direct quotation split by its attribution: its parts make one claim."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Article
from services.core.claims import ClaimDraft, extract_claims
from services.core.extract import extract_article


def _claims(body: str, language: str = "en") -> list[ClaimDraft]:
    return extract_claims("Headline", body, language)


def test_a_quote_resumed_after_its_attribution_is_one_claim_of_both_parts() -> None:
    body = (
        '"Fuel is running out," said Maria Kovalenko, head of the city council. '
        '"We have enough for three more days, and after that the hospitals will have to close."'
    )
    [claim] = _claims(body)
    assert claim.speaker.name == "Maria Kovalenko"
    assert claim.content == (
        "Fuel is running out, We have enough for three more days, "
        "and after that the hospitals will have to close."
    )
    assert "council" not in claim.content
    assert claim.quote == "direct"
    assert claim.confidence == 0.9


def test_the_joined_claim_is_read_from_a_span_running_over_both_parts() -> None:
    body = (
        "“This is a spectacular failure,” said Tom Reyes at the Harbour Institute. "
        "“The market reaction shows that investors expect the bridge to stay closed all winter.”"
    )
    text = "Headline\n\n" + body
    [claim] = _claims(body)
    assert text[claim.content_start :].startswith("This is a spectacular failure")
    assert text[: claim.content_end].endswith("stay closed all winter.")
    assert claim.span_text == text[claim.content_start : claim.content_end]
    assert "Tom Reyes" in claim.span_text


def test_the_evidence_of_a_joined_claim_is_the_exact_text_at_its_offsets() -> None:
    body = (
        "“This is a spectacular failure,” said Tom Reyes at the Harbour Institute. "
        "“The market reaction shows that investors expect the bridge to stay closed all winter.”"
    )
    article = Article(article_id="t-joined", source="example.com", title="Bridge", body=body,
                      published_at=datetime(2024, 5, 2, 9, tzinfo=UTC), language="en")
    claims = [m.claim for m in extract_article(article).mentions if m.claim is not None]
    [claim] = claims
    text = article.title + "\n\n" + article.body
    [evidence] = claim.evidence
    assert text[evidence.char_start : evidence.char_end] == evidence.text
    assert claim.content.startswith("This is a spectacular failure, The market reaction")


def test_an_italian_quote_resumed_after_its_attribution_is_one_claim() -> None:
    body = (
        "«Le scuole restano chiuse», ha detto il sindaco Marco Bellini. "
        "«Riapriremo soltanto quando i tecnici avranno controllato ogni edificio della città.»"
    )
    [claim] = _claims(body, "it")
    assert claim.speaker.name == "Marco Bellini"
    assert claim.content.startswith("Le scuole restano chiuse")
    assert claim.content.endswith("ogni edificio della città.")
    assert "sindaco" not in claim.content


def test_a_second_quote_with_an_attribution_of_its_own_stays_a_claim_of_its_own() -> None:
    body = (
        '"The road to the port is open again," said Maria Kovalenko. '
        '"Nobody should travel on it at night," police chief Ivan Horak added.'
    )
    claims = _claims(body)
    assert [c.speaker.name for c in claims] == ["Maria Kovalenko", "Ivan Horak"]
    assert claims[0].content == "The road to the port is open again"


def test_a_quote_in_the_next_paragraph_is_not_joined_to_the_one_before() -> None:
    body = (
        '"The road to the port is open again," said Maria Kovalenko.\n\n'
        '"Trucks carrying grain will be the first to use it from Monday morning."'
    )
    claims = _claims(body)
    assert claims[0].content == "The road to the port is open again"
    assert claims[0].span_text is None
    assert all("road to the port" not in c.content for c in claims[1:])


def test_a_quote_after_a_sentence_of_the_writer_is_not_joined() -> None:
    body = (
        '"The road to the port is open again," said Maria Kovalenko. Crews worked through the '
        'night. "Trucks carrying grain will be the first to use it from Monday morning."'
    )
    claims = _claims(body)
    assert claims[0].content == "The road to the port is open again"


def test_a_long_run_of_quotes_is_cut_after_four_parts() -> None:
    body = (
        '"We are ready," said General Oleh Marchenko. "The first line holds along the river." '
        '"The second line is being dug behind the villages." "Reserves arrived last night." '
        '"Supplies reach every unit twice a week." "Morale remains high among the new recruits."'
    )
    claims = _claims(body)
    first = claims[0]
    assert first.content.startswith("We are ready, The first line holds")
    assert first.content.endswith("Reserves arrived last night.")
    assert "Supplies" not in first.content


def test_a_long_opening_quote_stands_as_a_claim_of_its_own() -> None:
    body = (
        '"The city has spent three years and most of its reserves repairing the water network '
        'after the floods, and the work is still far from finished in the northern districts," '
        'said Mayor Anna Berg. "We will ask the regional government for help next month."'
    )
    claims = _claims(body)
    assert len(claims) == 2
    assert claims[0].content.endswith("in the northern districts")
    assert claims[1].content == "We will ask the regional government for help next month."


def test_a_short_phrase_quoted_inside_a_sentence_is_not_a_claim() -> None:
    body = 'Mayor Anna Berg called the new parking fees a "hidden tax" in a speech to the council.'
    assert all(c.content != "hidden tax" for c in _claims(body))


def test_a_phrase_quoted_inside_a_sentence_still_hands_its_speaker_to_the_next_quote() -> None:
    body = (
        'The closure could be a kind of "silent punishment," Anna Berg said, aimed at "making the '
        'families of the conscripts afraid to speak to any foreign journalist."'
    )
    claims = _claims(body)
    assert all(c.content != "silent punishment" for c in claims)
    [claim] = [c for c in claims if c.content.startswith("making the families")]
    assert claim.speaker.name == "Anna Berg"


def test_a_short_quote_that_opens_its_sentence_is_still_a_claim() -> None:
    body = '"Enough is enough," said Anna Berg, the mayor of the town.'
    [claim] = _claims(body)
    assert claim.content == "Enough is enough"
    assert claim.speaker.name == "Anna Berg"
