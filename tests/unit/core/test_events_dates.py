"""The day an incident is given when its sentence names more than one day."""

from __future__ import annotations

from datetime import UTC, date, datetime

from services.core.assembly import IncidentDraft, assemble_incidents
from services.core.sentences import split_sentences

PUBLISHED = datetime(2024, 6, 11, 9, tzinfo=UTC)  # a Tuesday


def incidents(text: str, language: str) -> list[IncidentDraft]:
    return assemble_incidents(text, split_sentences(text, language), language, PUBLISHED)


def test_a_funeral_today_for_the_victims_of_saturdays_strike_dates_the_strike_saturday() -> None:
    [incident] = incidents("Lutto a Sumy\n\nSi sono svolti oggi a Sumy i funerali delle tre persone uccise "
                           "sabato da un attacco di droni russi.", "it")
    assert incident.date.start == date(2024, 6, 8)


def test_a_toll_announced_on_tuesday_for_sundays_strike_dates_the_strike_sunday() -> None:
    [incident] = incidents("Toll rises in Sumy\n\nThe mayor said on Tuesday that the toll from the Russian "
                           "missile strike on Sumy on Sunday had risen to five.", "en")
    assert incident.date.start == date(2024, 6, 9)


def test_a_capital_before_an_inverted_attribution_is_where_the_strike_was() -> None:
    [incident] = incidents("Droni su Kiev\n\nStanotte i russi hanno lanciato droni su Kiev, ha riferito "
                           "l'amministrazione militare.", "it")
    assert incident.place.place.name == "Kyiv"
    assert incident.date.start == date(2024, 6, 11)
