"""What a news report names without reporting it as having happened: plans, politics."""

from services.core.events import classify_sentence, speaks_of_another_time


def _reported(sentence: str, language: str = "en") -> list[str]:
    return [c.sub_event_type for c in classify_sentence(sentence, language) if not c.negated_or_hypothetical]


def test_a_time_still_to_come_makes_its_clause_a_plan_but_not_the_clause_before() -> None:
    assert _reported("Russian troops shelled Kharkiv, and peace talks will resume in Geneva next week.") == [
        "Shelling/artillery/missile attack"]
    assert _reported("I due governi firmeranno un accordo sullo scambio di prigionieri il mese prossimo.", "it") == []


def test_what_will_happen_is_no_event() -> None:
    assert _reported("The two sides will exchange prisoners of war on the border.") == []
    assert _reported("Le due parti si scambieranno i prigionieri al confine.", "it") == []


def test_a_vigil_planned_for_monday_has_not_happened_yet() -> None:
    assert _reported("A candlelight vigil is planned for Monday evening outside the school.") == []


def test_a_persons_will_is_no_future() -> None:
    assert _reported("She was held against her will and raped by two soldiers.") == ["Sexual violence"]


def test_a_sentence_about_next_month_speaks_of_another_time() -> None:
    assert speaks_of_another_time("I leader della Nato si riuniranno a Washington il mese prossimo.", "it")
    assert not speaks_of_another_time("I leader della Nato si sono riuniti ieri a Washington.", "it")


def test_sanctions_and_military_aid_are_politics_not_events() -> None:
    assert _reported("Il Consiglio dell'Ue ha approvato oggi il quattordicesimo pacchetto di sanzioni.", "it") == []
    assert _reported("The EU adopted new sanctions and pledged more military aid to Ukraine.") == []
