"""Events a report recalls rather than reports: anniversaries, a year on, in memory of."""

from services.core.events import classify_sentence


def _reported(sentence: str, language: str = "en") -> list[str]:
    return [c.sub_event_type for c in classify_sentence(sentence, language) if not c.negated_or_hypothetical]


def test_a_year_since_a_strike_recalls_the_strike() -> None:
    assert _reported("Residents on Tuesday marked one year since a Russian missile strike on the "
                     "railway station killed 61 people.") == []
    assert _reported("Six months after the bombing of the theatre, survivors gathered in the square.") == []


def test_a_un_anno_dalla_strage_recalls_the_massacre() -> None:
    assert _reported("A un anno dalla strage della stazione, la città ricorda le vittime del missile russo.",
                     "it") == []
    assert _reported("Un anno fa un missile russo colpì il teatro della città.", "it") == []
    # the vigil is today's; the killing it remembers is not
    assert _reported("La fiaccolata in memoria dei civili uccisi dal bombardamento.", "it") == ["Peaceful protest"]


def test_a_weapon_named_beside_a_denied_strike_is_part_of_the_denial() -> None:
    assert _reported("Russian missiles did not hit the city overnight, the air force said.") == []


def test_a_weapon_named_beside_a_reported_strike_stays_evidence() -> None:
    assert "Shelling/artillery/missile attack" in _reported("Russian missiles hit the city overnight.")


def test_a_season_or_month_of_an_earlier_year_recalls_the_strike() -> None:
    assert _reported("The court issued warrants over missile strikes on the power grid in the winter of 2022.") == []
    assert _reported("A man was sentenced for a shooting that killed a teenager in March 2022.") == []
    assert _reported("Il soldato era stato ucciso in combattimento lo scorso anno.", "it") == []
    assert _reported("Il soldato fu condannato per l'uccisione di un civile nel febbraio 2022.", "it") == []


def test_jailed_for_life_is_a_sentence_not_an_arrest() -> None:
    assert "Arrests" not in _reported("Russian soldier jailed for life over killing of civilian")
    assert "Arrests" in _reported("Police jailed 20 protesters in Minsk on Sunday.")
