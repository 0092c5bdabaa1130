"""Where a claim's content starts and ends around its cue: adverbials, addressees and asides
between the speaker, the cue and what was said."""

from __future__ import annotations

from services.core.claims import extract_claims


def _pairs(body: str, language: str) -> list[tuple[str, str]]:
    return [(c.speaker.name, c.content) for c in extract_claims("Title", body, language)]


def test_adverbial_between_the_cue_and_that_is_not_content() -> None:
    body = "Smith said in his weekly radio address that the army had repelled four attacks."
    assert _pairs(body, "en") == [("Smith", "the army had repelled four attacks.")]


def test_adverbial_between_the_cue_and_che_is_not_content() -> None:
    body = "Rossi ha detto nel suo breve discorso serale che le truppe hanno respinto quattro assalti."
    assert _pairs(body, "it") == [("Rossi", "le truppe hanno respinto quattro assalti.")]


def test_gerund_opening_the_clause_after_that_is_said_not_done() -> None:
    body = "Smith said in his letter that while closing the base would be costly, it was necessary."
    assert _pairs(body, "en") == [
        ("Smith", "while closing the base would be costly, it was necessary.")
    ]


def test_addressee_after_told_without_that_is_not_content() -> None:
    body = "Smith told reporters the army had repelled four attacks near the river."
    assert _pairs(body, "en") == [("Smith", "the army had repelled four attacks near the river.")]


def test_outlet_told_without_that_is_not_content() -> None:
    body = "Smith told Reuters the army had repelled four attacks near the river."
    assert _pairs(body, "en") == [("Smith", "the army had repelled four attacks near the river.")]


def test_participle_aside_between_subject_and_cue_is_skipped() -> None:
    body = (
        "A senior European diplomat, speaking on condition of anonymity, said the talks "
        "would resume next week."
    )
    assert _pairs(body, "en") == [
        ("senior European diplomat", "the talks would resume next week.")
    ]


def test_dotted_abbreviation_stays_inside_the_speaker_phrase() -> None:
    body = "The talks would resume next week, a senior U.S. official said on condition of anonymity."
    assert _pairs(body, "en") == [("senior U.S. official", "The talks would resume next week")]


def test_adverbial_closing_the_sentence_after_a_final_cue_is_not_content() -> None:
    body = (
        "I colloqui riprenderanno la prossima settimana, ha detto un alto funzionario europeo "
        "in condizione di anonimato."
    )
    assert _pairs(body, "it") == [
        ("alto funzionario europeo", "I colloqui riprenderanno la prossima settimana")
    ]


def test_channel_phrase_with_an_elided_article_is_not_content() -> None:
    body = "Il consigliere Marco Bellini ha detto in un’intervista di essere contrario alla tregua."
    assert _pairs(body, "it") == [("Marco Bellini", "essere contrario alla tregua.")]


def test_a_request_not_to_be_named_is_neither_content_nor_a_claim() -> None:
    body = "The talks would resume next week, said a senior European diplomat who asked not to be named."
    assert _pairs(body, "en") == [("senior European diplomat", "The talks would resume next week")]


def test_a_request_not_to_be_named_between_subject_and_cue_is_skipped() -> None:
    body = "A senior European diplomat who asked not to be named said the talks would resume next week."
    assert _pairs(body, "en") == [("senior European diplomat", "the talks would resume next week.")]


def test_italian_relative_asking_for_anonymity_after_a_final_cue_is_not_content() -> None:
    body = (
        "I colloqui riprenderanno la prossima settimana, ha detto un alto funzionario europeo "
        "che ha chiesto l'anonimato."
    )
    assert _pairs(body, "it") == [
        ("alto funzionario europeo", "I colloqui riprenderanno la prossima settimana")
    ]


def test_italian_relative_asking_for_anonymity_after_secondo_is_not_content() -> None:
    body = (
        "Secondo un alto funzionario europeo che ha chiesto di restare anonimo, i colloqui "
        "riprenderanno la prossima settimana."
    )
    assert _pairs(body, "it") == [
        ("alto funzionario europeo", "i colloqui riprenderanno la prossima settimana.")
    ]


def test_secondo_cui_gives_the_claim_to_the_phrase_before_it_up_to_the_next_clause() -> None:
    body = (
        "Alla luce delle osservazioni del presidente Marco Bellini secondo cui l'Europa non "
        "avrebbe speso abbastanza per la difesa e della richiesta di aumentare il bilancio, il "
        "vertice è stato rinviato."
    )
    assert _pairs(body, "it") == [
        ("Marco Bellini", "l'Europa non avrebbe speso abbastanza per la difesa")
    ]


def test_secondo_cui_claim_ends_the_claim_that_holds_it() -> None:
    body = (
        "Il governo ha respinto le accuse del ministro Marco Bellini secondo cui l'esercito non "
        "avrebbe protetto i civili."
    )
    assert _pairs(body, "it") == [
        ("governo", "le accuse del ministro Marco Bellini"),
        ("Marco Bellini", "l'esercito non avrebbe protetto i civili."),
    ]
