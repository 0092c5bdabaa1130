"""Tests for sentence splitting with offsets."""

from __future__ import annotations

from services.core.sentences import Sentence, document_text, split_sentences


def _texts(sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sentences]


def test_document_text_joins_title_and_body_with_a_blank_line() -> None:
    assert document_text("Titolo", "Corpo.") == "Titolo\n\nCorpo."


def test_offsets_index_the_document_exactly() -> None:
    text = document_text(
        "Kharkiv, missile sul palazzo dell'amministrazione",
        "  Un missile ha colpito il centro di Kharkiv.   Ci sono 7 morti.\n\nZelensky: «Non perdoneremo».  ",
    )
    sentences = split_sentences(text, "it")
    assert len(sentences) == 4
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_title_is_paragraph_zero_and_body_paragraphs_count_from_one() -> None:
    text = document_text(
        "Bombe su Odessa", "Primo paragrafo. Seconda frase.\n\nSecondo paragrafo."
    )
    assert [(s.text, s.paragraph) for s in split_sentences(text, "it")] == [
        ("Bombe su Odessa", 0),
        ("Primo paragrafo.", 1),
        ("Seconda frase.", 1),
        ("Secondo paragrafo.", 2),
    ]


def test_an_empty_title_leaves_the_body_in_paragraph_one() -> None:
    sentences = split_sentences(document_text("", "Una frase. Un'altra."), "it")
    assert [s.paragraph for s in sentences] == [1, 1]
    assert sentences[0].start == 2


def test_a_single_newline_also_separates_paragraphs() -> None:
    text = (
        "Russians hit Kharkiv this morning\nDenys Smith – Tuesday, 1 March 2022, 19:48"
    )
    sentences = split_sentences(text, "en")
    assert [s.paragraph for s in sentences] == [0, 1]


def test_italian_abbreviations_and_times_do_not_end_a_sentence() -> None:
    text = (
        "Il sig. Rossi e il gen. Bianchi sono arrivati alle 14.30 a Kiev. "
        "Lo ha riferito il Min. degli Esteri, cfr. pag. 3, n. 5 del 3 feb. 2023. Poi sono ripartiti."
    )
    assert _texts(split_sentences(text, "it")) == [
        "Il sig. Rossi e il gen. Bianchi sono arrivati alle 14.30 a Kiev.",
        "Lo ha riferito il Min. degli Esteri, cfr. pag. 3, n. 5 del 3 feb. 2023.",
        "Poi sono ripartiti.",
    ]


def test_a_guillemet_quote_with_several_sentences_stays_one_unit() -> None:
    text = "Il presidente ha detto: «Siamo pronti. Non ci arrenderemo». Poi è partito."
    assert _texts(split_sentences(text, "it")) == [
        "Il presidente ha detto: «Siamo pronti. Non ci arrenderemo».",
        "Poi è partito.",
    ]


def test_a_sentence_ending_inside_closing_quotes_is_split_from_the_next() -> None:
    text = 'Ha detto che "gli Stati Uniti non lo permetteranno. Mai." Poi la conferenza è finita.'
    assert _texts(split_sentences(text, "it")) == [
        'Ha detto che "gli Stati Uniti non lo permetteranno. Mai."',
        "Poi la conferenza è finita.",
    ]


def test_english_abbreviations_do_not_end_a_sentence() -> None:
    text = "U.S. forces struck at 3 p.m. on Monday. Gen. Smith said the strike hit a depot."
    assert _texts(split_sentences(text, "en")) == [
        "U.S. forces struck at 3 p.m. on Monday.",
        "Gen. Smith said the strike hit a depot.",
    ]


def test_cyrillic_offsets_are_character_offsets() -> None:
    text = "Вчора ввечері Росія атакувала Харків. Загинули 3 людини."
    sentences = split_sentences(text, "uk")
    assert _texts(sentences) == [
        "Вчора ввечері Росія атакувала Харків.",
        "Загинули 3 людини.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_unknown_language_still_splits() -> None:
    assert len(split_sentences("One sentence here. Another one there.", None)) == 2


def test_empty_or_blank_text_has_no_sentences() -> None:
    assert split_sentences("", "it") == []
    assert split_sentences(" \n\n \n", "it") == []


def test_a_time_followed_by_a_weekday_does_not_end_the_sentence() -> None:
    text = "The shooting happened just before 9 a.m. Monday at a home in White Plains. Police came."
    assert [s.text for s in split_sentences(text, "en")] == [
        "The shooting happened just before 9 a.m. Monday at a home in White Plains.", "Police came."]


def test_a_closing_quote_splits_every_sentence_it_ends_within_one_paragraph() -> None:
    text = 'Disse: "Basta." Poi tacque. Aggiunse: "Mai più!" «Andiamo.» Era sera.'
    sentences = split_sentences(text, "it")
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert _texts(sentences)[0] == 'Disse: "Basta."'
    assert _texts(sentences)[-1] == "Era sera."
