"""Speaker phrases that are clauses, stray words or places are not speakers."""

from services.core.claims import extract_claims
from services.core.speakers import parse_speaker, vet_speaker


def _vetted(phrase: str) -> str | None:
    speaker = parse_speaker(phrase, 0, len(phrase))
    vetted = None if speaker is None else vet_speaker(speaker)
    return None if vetted is None else vetted.name


def test_a_relative_pronoun_hands_the_phrase_to_its_antecedent() -> None:
    assert _vetted("Republicans who") == "Republicans"


def test_a_trailing_verb_is_cut_off_the_speaker() -> None:
    assert _vetted("Government officials have") == "Government officials"


def test_a_clause_with_a_subordinator_inside_names_nobody() -> None:
    assert _vetted("campaign to energize voters, after early data") is None


def test_a_lone_number_word_or_the_writer_names_nobody() -> None:
    assert _vetted("Two") is None
    assert _vetted("Last week I") is None


def test_a_dateline_is_no_speaker() -> None:
    assert _vetted("MOSCOW - Russia's main broadcaster") is None


def test_a_capital_speaks_for_its_government() -> None:
    claims = extract_claims("", "Kyiv said the troops had entered the town on Saturday.", "en")
    assert [c.speaker.name for c in claims] == ["Kyiv"]


def test_a_town_named_as_a_place_is_not_the_source() -> None:
    body = (
        "Five people were killed in a strike on the city of Kryvyi Rih, according to local "
        "officials. The mayor Oleksandr Vilkul visited the site."
    )
    assert all(c.speaker.name != "Kryvyi Rih" for c in extract_claims("", body, "en"))


def test_a_bare_collective_names_nobody_but_a_qualified_one_does() -> None:
    assert _vetted("officials") is None
    assert _vetted("authorities") is None
    assert _vetted("funzionari") is None
    assert _vetted("local officials") == "local officials"
    assert _vetted("autorità ucraine") == "autorità ucraine"


def test_a_toll_attributed_to_bare_officials_is_no_claim() -> None:
    body = "At least five people were killed in the shelling of the market, officials said."
    assert extract_claims("Market shelled", body, "en") == []
