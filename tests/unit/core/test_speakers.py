"""Behaviour of speaker noun-phrase parsing and resolution."""

from __future__ import annotations

from services.core.claims import extract_claims
from services.core.speakers import (
    Speaker,
    SpeakerRegistry,
    _office_mentions,
    _office_regex,
    names_an_office,
    office_holders,
    parse_speaker,
    scan_backward,
    scan_backward_settled,
    scan_forward,
    tokenize,
)


def _parse(phrase: str) -> Speaker | None:
    return parse_speaker(phrase, 0, len(phrase))


def test_role_organisation_and_name_are_split_apart() -> None:
    speaker = _parse(
        "il portavoce del Consiglio di sicurezza nazionale americano John Kirby"
    )
    assert speaker == Speaker(
        name="John Kirby",
        role="portavoce",
        organization="Consiglio di sicurezza nazionale americano",
        country_code="US",
        kind="person",
    )


def test_english_title_before_a_name_is_the_role() -> None:
    speaker = _parse("Ukrainian military spokesperson Serhii Petrov")
    assert speaker is not None
    assert speaker.name == "Serhii Petrov"
    assert speaker.role == "spokesperson"
    assert speaker.country_code == "UA"


def test_organisation_without_a_person_is_an_organisation_speaker() -> None:
    speaker = _parse("lo Stato maggiore ucraino")
    assert speaker is not None
    assert speaker.kind == "organization"
    assert speaker.name == "Stato maggiore ucraino"


def test_a_report_of_a_body_speaks_for_the_body() -> None:
    speaker = _parse("il bollettino dello Stato maggiore")
    assert speaker is not None and speaker.name == "Stato maggiore"


def test_a_report_without_an_owner_names_nobody() -> None:
    assert _parse("il bilancio più recente") is None


def test_a_bare_document_speaks_for_itself() -> None:
    # '"The agency is feeble," the report said': the report is all the text names
    speaker = _parse("the report")
    assert speaker is not None and speaker.name == "report"
    body = "“The agency is particularly feeble in its enforcement,” the report said."
    claims = extract_claims("Title", body, "en")
    assert [c.speaker.name for c in claims] == ["report"]


def test_a_capitalised_place_before_an_office_is_part_of_the_organisation() -> None:
    speaker = _parse("The Sumy prosecutor's office")
    assert speaker is not None
    assert speaker.kind == "organization"


def test_name_followed_by_an_appositive_role() -> None:
    speaker = _parse("Jana Novak, a senior analyst at the Prague Institute")
    assert speaker is not None
    assert speaker.name == "Jana Novak"
    assert speaker.role == "senior analyst at the Prague Institute"


def test_forward_scan_reaches_an_appositive_name_after_a_long_office() -> None:
    text = "la portavoce del servizio per le emergenze della regione orientale, Marta Bianchi, ha detto"
    tokens = tokenize(text)
    end = scan_forward(tokens, 0)
    assert text[: tokens[end - 1].end].endswith("Marta Bianchi")


def test_backward_scan_stops_at_the_clause_boundary() -> None:
    text = "Four people died overnight, Governor Pavlo Kyrenko"
    tokens = tokenize(text)
    start = scan_backward(tokens, len(tokens))
    assert text[tokens[start].start :] == "Governor Pavlo Kyrenko"


def test_a_backward_scan_over_the_last_words_stands_only_when_it_stopped_inside_them() -> None:
    text = "Four people died overnight in the region, said Governor Pavlo Kyrenko"
    tokens = tokenize(text)
    for cut in (text.index(" in "), text.index(" the "), text.index(" region")):
        tail = tokenize(text[cut:], cut)
        assert tail == tokens[len(tokens) - len(tail) :]  # no token runs across a space
        start = scan_backward_settled(tail, len(tail))
        assert start is not None
        assert tail[start].start == tokens[scan_backward(tokens, len(tokens))].start
    # The phrase may go on before the last words: "the head of the region Oleh Syniehubov".
    text = "Overnight strikes hit the city, the head of the region Oleh Syniehubov"
    cut = text.index(" region")
    tail = tokenize(text[cut:], cut)
    assert scan_backward_settled(tail, len(tail)) is None
    tokens = tokenize(text)
    assert text[tokens[scan_backward(tokens, len(tokens))].start :] == "the head of the region Oleh Syniehubov"


def test_weekday_at_sentence_start_is_not_part_of_the_speaker() -> None:
    text = "Giovedì il ministero della Difesa russo"
    tokens = tokenize(text)
    start = scan_backward(tokens, len(tokens))
    assert text[tokens[start].start :] == "il ministero della Difesa russo"


def test_registry_resolves_a_surname_to_the_earlier_full_name_with_its_role() -> None:
    registry = SpeakerRegistry()
    full = registry.observe(
        Speaker("Oleg Sinegub", "governatore", None, "UA", "person")
    )
    again = registry.observe(Speaker("Sinegub", None, None, None, "person"))
    assert again == full
    assert registry.last == full


def test_registry_folds_a_shorter_organisation_mention_into_the_longer_one() -> None:
    registry = SpeakerRegistry()
    long = registry.observe(
        Speaker(
            "Stato maggiore ucraino",
            None,
            "Stato maggiore ucraino",
            "UA",
            "organization",
        )
    )
    assert (
        registry.observe(
            Speaker("Stato maggiore", None, "Stato maggiore", None, "organization")
        )
        == long
    )


def test_an_honorific_keeps_its_period_as_one_token() -> None:
    assert [t.text for t in tokenize("Sen. Ada Moss said")] == ["Sen.", "Ada", "Moss", "said"]
    assert [t.text for t in tokenize("He went on.")][-2:] == ["on", "."]


def test_a_possessive_speaker_is_the_owner() -> None:
    speaker = _parse("Broadwick’s")
    assert speaker is not None and speaker.name == "Broadwick"


def test_a_platform_is_not_a_speaker() -> None:
    assert _parse("Telegram") is None


def test_an_article_after_a_preposition_keeps_the_ministry_whole() -> None:
    speaker = _parse("le ministère ukrainien de l'Intérieur")
    assert speaker is not None
    assert speaker.kind == "organization"
    assert speaker.name == "ministère ukrainien de l'Intérieur"


def test_a_subordinating_word_at_sentence_start_is_not_a_name() -> None:
    speaker = _parse("After Dunmore")
    assert speaker is not None and speaker.name == "Dunmore"


def test_office_holders_are_found_before_and_after_the_office() -> None:
    text = (
        "Il sindaco di Riva Piero Sala ha visitato la zona. "
        "Olga Brandt, the regional governor, arrived later."
    )
    found = {(office, person.name) for _, office, person in office_holders(text, frozenset({"sindaco", "governor"}))}
    assert ("sindaco", "Piero Sala") in found
    assert ("governor", "Olga Brandt") in found


def test_a_phrase_reads_the_same_wherever_it_sits_in_the_text() -> None:
    phrase = "il portavoce del Cremlino Dmitry Peskov"
    text = f"Lo ha detto {phrase} ai giornalisti."
    start = text.index(phrase)
    assert parse_speaker(text, start, start + len(phrase)) == _parse(phrase)
    assert _parse(phrase) == Speaker("Dmitry Peskov", "portavoce", "Cremlino", "RU", "person")


def test_tokens_carry_offsets_into_the_whole_text() -> None:
    text = "Ieri il sindaco Mr. Rossi ha detto"
    tokens = tokenize(text[8:25], 8)
    assert [(t.text, t.start, t.end) for t in tokens] == [
        ("sindaco", 8, 15), ("Mr.", 16, 19), ("Rossi", 20, 25),
    ]
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_tokens_carry_offsets_shifted_by_the_given_start() -> None:
    text = "Il portavoce dell'esercito, Gen. Ivan E. Petrov, ha detto."
    tokens = tokenize(text, 100)
    assert all(text[t.start - 100 : t.end - 100] == t.text for t in tokens)
    assert [t.text for t in tokens] == [
        "Il", "portavoce", "dell'", "esercito", ",", "Gen.", "Ivan", "E.", "Petrov", ",", "ha", "detto", ".",
    ]


def test_a_period_after_an_initial_stays_apart_when_no_space_follows() -> None:
    assert [t.text for t in tokenize("Plan B.")] == ["Plan", "B", "."]
    assert [t.low for t in tokenize("the U.S.")] == ["the", "u.s", "."]


def test_a_dotted_abbreviation_keeps_its_period_inside_a_phrase() -> None:
    assert [t.low for t in tokenize("U.S. officials")] == ["u.s.", "officials"]


def test_name_particles_stay_inside_a_name() -> None:
    text = "presidente della Commissione Ue, Ursula von der Leyen"
    speaker = parse_speaker(text, 0, len(text))
    assert speaker is not None and speaker.name == "Ursula von der Leyen"
    assert speaker.role == "presidente"


def test_a_phrase_with_a_role_or_an_organisation_head_names_an_office() -> None:
    assert names_an_office("the regional governor")
    assert names_an_office("il portavoce del ministero")
    assert not names_an_office("two people on the bridge")


def test_the_office_holders_of_one_text_do_not_leak_into_another() -> None:
    offices = frozenset({"sindaco"})
    first = office_holders("Il sindaco di Riva Piero Sala ha parlato.", offices)
    second = office_holders("Il sindaco di Lago Anna Neri ha parlato.", offices)
    assert [p.name for _, _, p in first] == ["Piero Sala"]
    assert [p.name for _, _, p in second] == ["Anna Neri"]


def test_a_name_closing_a_capitalised_office_phrase_is_the_holder() -> None:
    phrase = "Head of the Odesa Regional Military Administration Oleh Kiper"
    speaker = parse_speaker(phrase, 0, len(phrase))
    assert speaker is not None and speaker.name == "Oleh Kiper"
    assert speaker.kind == "person"
    assert speaker.organization == "Odesa Regional Military Administration"


def test_an_organisation_name_alone_is_no_person() -> None:
    phrase = "the Odesa Regional Military Administration"
    speaker = parse_speaker(phrase, 0, len(phrase))
    assert speaker is not None and speaker.kind == "organization"


def test_an_office_given_on_a_source_line_names_the_later_bare_office() -> None:
    body = (
        "Source: Head of the Odesa Regional Military Administration Oleh Kiper\n"
        "Rescuers are at the scene.\n"
        "The Head of Odesa Military Administration noted that the strike on the port was a war crime."
    )
    claims = extract_claims("Strike on Odesa", body, "en")
    assert [c.speaker.name for c in claims if "war crime" in c.content] == ["Oleh Kiper"]


def test_office_mentions_found_in_the_lower_case_are_those_the_office_pattern_finds() -> None:
    offices = frozenset({"president", "vice-president", "governor", "gov."})
    for text in (
        "The Vice-President met the GOVERNOR; the president, governors and Gov. Smith, gov.gov. too.",
        "President Zelensky said the governor's office (Governor) was hit.",
        "Nothing here.",
        "The preſident and the governor",  # the long s: read by the pattern itself
    ):
        expected = [m.span() for m in _office_regex(offices).finditer(text)]
        assert _office_mentions(text, offices) == expected, text


def test_a_uk_ru_appositive_office_splits_into_role_and_nominative_body() -> None:
    phrase = "Олег Синєгубов, голова Харківської ОВА"
    assert parse_speaker(phrase, 0, len(phrase)) == Speaker(
        "Олег Синєгубов", "голова", "Харківська ОВА", None, "person"
    )
    phrase = "Вячеслав Гладков, губернатор Белгородской области"
    speaker = parse_speaker(phrase, 0, len(phrase))
    assert speaker is not None
    assert (speaker.role, speaker.organization) == ("губернатор", "Белгородская область")


def test_an_office_named_with_its_body_but_no_name_holds_no_office_of_its_own() -> None:
    text = (
        "Голова Харківської ОВА Олег Синєгубов повідомив про удар. "
        "Голова Харківської ОВА уточнив, що поранено двох людей."
    )
    found = office_holders(text, frozenset({"голова"}))
    assert [holder.name for _, _, holder in found] == ["Олег Синєгубов"]


def test_a_broadcaster_an_investigator_or_an_email_can_speak() -> None:
    for phrase, name in (
        ("the broadcaster", "broadcaster"),
        ("the investigator", "investigator"),
        ("the state lobbyists", "state lobbyists"),
        ("the email", "email"),
    ):
        speaker = _parse(phrase)
        assert speaker is not None and speaker.name == name, phrase
