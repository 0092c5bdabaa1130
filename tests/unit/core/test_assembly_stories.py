"""Assembly of local shooting stories: one state per story, and the day the text gives the shooting even in a follow-up."""

from __future__ import annotations

from datetime import UTC, date, datetime

from services.core.assembly import IncidentDraft, assemble_incidents
from services.core.sentences import split_sentences

PUBLISHED = datetime(2024, 6, 5, 10, tzinfo=UTC)  # a Wednesday


def incidents(text: str) -> list[IncidentDraft]:
    return assemble_incidents(text, split_sentences(text, "en"), "en", PUBLISHED)


def test_a_follow_up_on_charges_is_dated_to_the_day_the_text_gives_the_shooting_months_before() -> None:
    text = ("No charges for father after boy accidentally shot in Memphis\n\n"
            "Prosecutors said no charges will be filed against the father of a 6-year-old boy.\n\n"
            "The shooting happened on March 2 in Memphis when the boy found a loaded handgun.")
    [incident] = incidents(text)
    assert incident.place.place.name == "Memphis"
    assert (incident.date.start, incident.date.end) == (date(2024, 3, 2), date(2024, 3, 2))


def test_a_news_report_does_not_take_a_shooting_day_older_than_a_month_from_its_background() -> None:
    text = ("Man shot and killed in Memphis\n\n"
            "A man was shot and killed in Memphis, police said. No arrests have been made.\n\n"
            "A shooting on March 2 in Memphis left a woman dead.")
    [incident] = incidents(text)
    assert incident.date.end == date(2024, 6, 5)


def test_an_undated_headline_shooting_and_the_day_the_body_gives_it_at_that_place_are_one_incident() -> None:
    text = ("Man shot and killed in Memphis\n\n"
            "Police are looking for the gunman who shot and killed a man in Memphis.\n\n"
            "The shooting happened on Saturday night in Memphis outside a gas station.")
    [incident] = incidents(text)
    assert incident.date.start == date(2024, 6, 1)


def test_the_one_undated_shooting_takes_the_day_a_placeless_sentence_gives_the_shooting() -> None:
    text = ("Coroner rules Memphis teen's shooting death an accident\n\n"
            "The Shelby County coroner said the death of a 17-year-old in Memphis was an accident.\n\n"
            "She was shot and killed on May 20, the coroner said.")
    [incident] = incidents(text)
    assert incident.date.start == date(2024, 5, 20)


def test_a_shooting_story_keeps_to_the_state_its_places_name_most() -> None:
    text = ("Memphis officer wounded in shootout during traffic stop\n\n"
            "MEMPHIS, Tenn. - A Memphis police officer was shot and wounded on Tuesday during a "
            "traffic stop in Memphis, Tennessee, and the suspect was killed.\n\n"
            "The shooting follows ambush-style attacks against police in Dallas, where five officers died.")
    assert [d.place.place.name for d in incidents(text)] == ["Memphis"]


def test_strikes_on_towns_of_two_regions_stay_two_incidents() -> None:
    text = ("Russian missiles struck Kharkiv on Tuesday, killing two people. "
            "Russian shelling hit Kherson on Tuesday, wounding three.")
    assert sorted(d.place.place.name for d in incidents(text)) == ["Kharkiv", "Kherson"]


def test_a_day_that_names_the_shooting_dates_it_over_the_day_of_the_hearing() -> None:
    text = ("Charges stand in Memphis shooting that killed a teen\n\n"
            "A Memphis man waived a preliminary hearing Tuesday in the May 28 shooting that killed "
            "a 17-year-old girl in Memphis.")
    [incident] = incidents(text)
    assert incident.date.start == date(2024, 5, 28)


def test_the_day_police_spoke_gives_way_to_the_day_the_text_gives_the_shooting() -> None:
    text = ("Gunman who shot four at Memphis bar still sought\n\n"
            "Police said Monday that the gunman who shot four people at a Memphis bar is still "
            "at large.\n\n"
            "Officers responded to the bar on Union Avenue on May 12 and found four people shot.")
    [incident] = incidents(text)
    assert incident.date.start == date(2024, 5, 12)


def test_an_undated_shooting_takes_the_day_a_sentence_says_it_happened() -> None:
    text = ("Police name person of interest in Memphis shooting that left 3 dead\n\n"
            "Police want to talk to a man about the shooting in Memphis that left three people dead.\n\n"
            "The incident happened May 20 around 9:30 p.m. in the 3700 block of Union Avenue.")
    [incident] = incidents(text)
    assert incident.date.start == date(2024, 5, 20)


def _read_on(text: str, published: datetime) -> list[IncidentDraft]:
    return assemble_incidents(text, split_sentences(text, "en"), "en", published)


def test_a_statement_day_read_before_the_shooting_day_gives_way_to_the_shooting_day() -> None:
    # an update stamped with its day only (midnight): its "Monday" is the day after
    sunday = datetime(2024, 6, 2, tzinfo=UTC)
    text = ("Teen shot in head at home\n\n"
            "A teenager was shot in the head in the 1200 block of Rosedale Drive on Sunday night.\n\n"
            "Dayton police said in a statement Monday that they believe the shooting was accidental.")
    [incident] = _read_on(text, sunday)
    assert incident.date.start == date(2024, 6, 2)


def test_a_day_something_will_happen_is_not_the_shootings_day() -> None:
    tuesday = datetime(2024, 6, 4, tzinfo=UTC)
    text = ("Community center to reopen after shooting\n\n"
            "The community center in Nashville will reopen on Wednesday after two teens were shot "
            "in its parking lot.\n\n"
            "Crews repaired the windows broken in the Monday afternoon shooting.")
    [incident] = _read_on(text, tuesday)
    assert incident.date.start == date(2024, 6, 3)


def test_every_report_dated_by_a_sentencing_takes_the_day_of_the_murder() -> None:
    text = ("Man sentenced in restaurant robbery\n\n"
            "The man who shot and killed a teenager at a Cleveland Heights restaurant was sentenced "
            "to life in prison Tuesday in Cleveland.\n\n"
            "He was arrested two days after the May 14 murder.")
    found = incidents(text)
    assert len(found) == 2
    assert {d.date.start for d in found} == {date(2024, 5, 14)}


def test_a_headline_strike_and_the_body_strike_it_names_at_that_place_are_one_incident_on_the_bodys_day() -> None:
    text = ("Russian artillery shells Kharkiv\n\n"
            "Russian forces shelled Kharkiv with howitzers on Sunday afternoon, wounding two people.")
    [incident] = incidents(text)
    assert incident.date.start == date(2024, 6, 2)
    assert incident.injured is not None and incident.injured.best == 2
