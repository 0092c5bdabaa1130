"""Behaviour of attributed-claim extraction on short hand-written news sentences."""

from __future__ import annotations

from services.core.claims import (
    _TRAILING_SOURCE,
    ClaimDraft,
    _trailing_source,
    extract_claims,
)


def _by_content(claims: list[ClaimDraft], fragment: str) -> ClaimDraft:
    matches = [c for c in claims if fragment in c.content]
    assert matches, f"no claim containing {fragment!r} in {[c.content for c in claims]}"
    return matches[0]


def test_guillemet_quote_followed_by_cue_and_surname_resolves_to_full_name() -> None:
    body = (
        "Il portavoce della Casa Bianca Mark Rossi ha parlato ai giornalisti. "
        "«Le forniture di armi continueranno senza interruzioni» ha affermato Rossi."
    )
    claims = extract_claims("Titolo", body, "it")
    claim = _by_content(claims, "Le forniture di armi")
    assert claim.speaker.name == "Mark Rossi"
    assert claim.quote == "direct"
    assert claim.cue == "ha affermato"
    assert claim.content == "Le forniture di armi continueranno senza interruzioni"


def test_offsets_point_into_title_blank_line_body() -> None:
    title = "Attacco a Odessa"
    body = (
        "Il sindaco Gennadi Bianchi ha dichiarato che due droni hanno colpito il porto."
    )
    text = title + "\n\n" + body
    claim = extract_claims(title, body, "it")[0]
    assert text[claim.content_start : claim.content_end] == claim.content
    assert claim.content == "due droni hanno colpito il porto."
    assert claim.quote == "indirect"


def test_two_quotes_around_one_cue_give_two_claims_for_the_same_speaker() -> None:
    body = (
        "«Questi lanci violano la tregua» ha affermato il ministro degli Esteri Paolo Verdi, "
        "aggiungendo che «la risposta sarà ferma e proporzionata»."
    )
    claims = extract_claims("Titolo", body, "it")
    contents = [c.content for c in claims]
    assert "Questi lanci violano la tregua" in contents
    assert "la risposta sarà ferma e proporzionata" in contents
    assert {c.speaker.name for c in claims} == {"Paolo Verdi"}


def test_speaker_before_colon_introduces_a_direct_quote() -> None:
    body = "Il governatore della regione Ivan Petrenko: «Il nemico ha colpito tre villaggi con l'artiglieria»."
    claim = extract_claims("Titolo", body, "it")[0]
    assert claim.speaker.name == "Ivan Petrenko"
    assert claim.speaker.role is not None and claim.speaker.role.startswith(
        "governatore"
    )
    assert claim.claim_type == "attack_report"


def test_secondo_names_an_organisation_speaker_for_the_rest_of_the_sentence() -> None:
    body = "Nella notte – secondo lo Stato maggiore ucraino – le difese aeree hanno abbattuto 14 droni."
    claim = extract_claims("Titolo", body, "it")[0]
    assert claim.speaker.kind == "organization"
    assert claim.speaker.name == "Stato maggiore ucraino"
    assert claim.speaker.country_code == "UA"
    assert claim.content.startswith("le difese aeree hanno abbattuto")


def test_lo_ha_reso_noto_attributes_the_headline_to_the_body_speaker() -> None:
    title = "L'Iran avrebbe consegnato droni all'esercito russo."
    body = "Lo ha reso noto il portavoce del Dipartimento di Stato americano Carl Neri, come riporta la Cnn."
    claims = extract_claims(title, body, "it")
    claim = _by_content(claims, "L'Iran avrebbe consegnato droni")
    assert claim.content_start == 0
    assert claim.speaker.name == "Carl Neri"
    assert claim.speaker.role == "portavoce"
    assert claim.speaker.organization == "Dipartimento di Stato americano"
    assert claim.speaker.country_code == "US"
    assert claim.via == ("CNN",)
    assert claim.claim_type == "arms_transfer"


def test_english_end_attribution_takes_the_clause_before_the_speaker() -> None:
    body = "Russian shelling killed four civilians in the city overnight, Governor Oleh Kovalenko said on Telegram."
    claim = extract_claims("Headline", body, "en")[0]
    assert claim.speaker.name == "Oleh Kovalenko"
    assert (
        claim.content == "Russian shelling killed four civilians in the city overnight"
    )
    assert claim.via == ("Telegram",)
    assert claim.claim_type == "casualty_report"


def test_pronoun_speaker_resolves_to_the_previous_named_speaker() -> None:
    body = (
        '"We will rebuild every school," Mayor Anna Kovac said on Monday. '
        '"The enemy will not break us," she added.'
    )
    claims = extract_claims("Headline", body, "en")
    assert [c.speaker.name for c in claims] == ["Anna Kovac", "Anna Kovac"]


def test_according_to_with_a_report_noun_names_the_reporting_body() -> None:
    body = "Ten people were injured, according to the latest report by the State Emergency Service."
    claim = extract_claims("Headline", body, "en")[0]
    assert "State Emergency Service" in claim.speaker.name
    assert claim.content == "Ten people were injured"


def test_outlet_that_only_relays_is_not_a_speaker() -> None:
    body = "Lo riferisce la Bbc. Il porto è rimasto chiuso per tutta la giornata."
    assert extract_claims("Il porto di Odessa è stato chiuso", body, "it") == []


def test_short_scare_quotes_are_not_claims() -> None:
    body = "Il governo parla di un 'successo' e di un “piano speciale” senza altri dettagli."
    assert all(
        "piano speciale" != c.content for c in extract_claims("Titolo", body, "it")
    )


def test_article_without_reporting_cues_has_no_claims() -> None:
    body = "Il treno è partito alle otto. Le scuole restano aperte nonostante la neve."
    assert extract_claims("Cronaca", body, "it") == []


def test_sentences_passed_in_are_used_instead_of_splitting() -> None:
    title = "T"
    body = "Il ministro Lara Conti ha detto che il ponte è stato riaperto."
    text = title + "\n\n" + body
    claims = extract_claims(title, body, "it", sentences=[(0, 1), (3, len(text))])
    assert claims[0].speaker.name == "Lara Conti"


def test_conditional_headline_is_attributed_to_the_body_speaker() -> None:
    title = "Minsk avrebbe inviato nuovi carri armati al confine"
    body = "Il ministro della Difesa lituano Tomas Kairys ha dichiarato che i movimenti sono in corso."
    claims = extract_claims(title, body, "it")
    headline = _by_content(claims, "Minsk avrebbe inviato")
    assert headline.speaker.name == "Tomas Kairys"
    assert headline.quote == "indirect"


def test_office_then_name_subject_is_the_speaker_not_the_object() -> None:
    body = (
        "Il leader ceceno, Ramzan Dudaev, ha esortato la Russia a usare armi più potenti "
        "contro le città ucraine."
    )
    claim = extract_claims("Titolo", body, "it")[0]
    assert claim.speaker.name == "Ramzan Dudaev"
    assert claim.content.startswith("la Russia a usare armi")


def test_name_with_an_appositive_before_the_cue() -> None:
    body = (
        "Jana Novak, a senior analyst at the Prague Institute, said that the offensive "
        "could stall before winter."
    )
    claim = extract_claims("Headline", body, "en")[0]
    assert claim.speaker.name == "Jana Novak"
    assert claim.content == "the offensive could stall before winter."
    assert claim.claim_type == "assessment"


def test_headline_repeated_as_the_first_body_line_is_not_a_second_claim() -> None:
    title = "Shelling kills two in Kherson, governor says"
    body = (
        title
        + "\n\nShelling killed two civilians in Kherson overnight, Governor Ivan Marko said."
    )
    claims = extract_claims(title, body, "en")
    assert len(claims) == 1
    assert claims[0].content == "Shelling killed two civilians in Kherson overnight"


def test_a_quote_right_after_an_attributed_quote_continues_the_same_speaker() -> None:
    body = (
        '"The bridge is closed to all traffic," said Colonel Petro Savchuk. '
        '"Repairs will take at least three weeks."'
    )
    claims = extract_claims("Headline", body, "en")
    assert [c.speaker.name for c in claims] == ["Petro Savchuk", "Petro Savchuk"]
    assert claims[1].content == "Repairs will take at least three weeks."


def test_a_bare_office_takes_the_name_of_its_only_holder_in_the_article() -> None:
    body = (
        "Il sindaco di Leopoli Andrij Sadowy ha detto che tre scuole resteranno chiuse. "
        "Secondo il sindaco, i danni agli edifici residenziali sono molto gravi."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [c.speaker.name for c in claims] == ["Andrij Sadowy", "Andrij Sadowy"]


def test_the_trailing_source_finder_agrees_with_the_plain_search() -> None:
    texts = [
        "Le truppe sono avanzate di due chilometri, come riportano i media locali.",
        "The army lost 40 tanks - according to the General Staff (AP).",
        "Nothing to see here at all.",
        "Secondo quanto riferito, ha detto il sindaco, la città è calma",
        "Troops said,  ;  (reports say) more",
    ]
    for text in texts:
        for s in range(0, len(text), 7):
            plain = _TRAILING_SOURCE.search(text, s, len(text))
            fast = _trailing_source(text, s, len(text))
            assert (plain and plain.span()) == (fast and fast.span()), (text, s)
