"""Merging: a narrower date refines an incident only when it falls within the known one; a report that names the weapon types one that named none."""

from __future__ import annotations

from datetime import UTC, date, datetime

from schemas import Count, EventDate, FigureReport, Incident, Location
from services.core.merging import merge_incident

LVIV = Location(name="Lviv", geonames_id=702550, lat=49.84, lon=24.02, country_code="UA",
                admin1="Lviv", precision="settlement")


def incident(article: str, start: date, end: date) -> Incident:
    at = datetime(2023, 7, 7, 9, tzinfo=UTC)
    return Incident(
        incident_id=f"inc-{article}", event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date=EventDate(start=start, end=end, precision="day" if start == end else "range"),
        location=LVIV, article_ids=[article], sources=[f"{article}.example"], confidence=0.6,
        first_reported_at=at, last_reported_at=at, extractor_version="t",
    )


def test_an_exact_day_inside_the_known_range_narrows_the_date() -> None:
    merged = merge_incident(incident("a", date(2023, 7, 5), date(2023, 7, 6)),
                            incident("b", date(2023, 7, 6), date(2023, 7, 6)))
    assert (merged.date.start, merged.date.end) == (date(2023, 7, 6), date(2023, 7, 6))


def test_a_report_a_day_off_does_not_move_the_date() -> None:
    merged = merge_incident(incident("a", date(2023, 7, 6), date(2023, 7, 6)),
                            incident("b", date(2023, 7, 5), date(2023, 7, 5)))
    assert merged.date.start == date(2023, 7, 6)


def test_a_firm_date_from_an_older_report_replaces_a_late_reports_loose_one() -> None:
    loose = incident("a", date(2023, 7, 13), date(2023, 7, 14))  # eve or day of publication
    firm = incident("b", date(2023, 7, 5), date(2023, 7, 5))
    assert merge_incident(loose, firm).date.start == date(2023, 7, 13)  # ordinary: not inside
    merged = merge_incident(loose, firm, late=True)
    assert (merged.date.start, merged.date.end) == (date(2023, 7, 5), date(2023, 7, 5))
    assert merge_incident(firm, loose, late=True).date.start == date(2023, 7, 5)


def test_a_report_naming_the_weapon_types_an_attack_that_named_none() -> None:
    bare = incident("a", date(2023, 7, 5), date(2023, 7, 5)).model_copy(
        update={"event_type": "Battles", "sub_event_type": "Armed clash"})
    strike = incident("b", date(2023, 7, 5), date(2023, 7, 5)).model_copy(update={"weapons": ["missile"]})
    merged = merge_incident(bare, strike)
    assert (merged.event_type, merged.sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    # the reverse keeps the strike: a bare attack says nothing more
    assert merge_incident(strike, bare).sub_event_type == "Shelling/artillery/missile attack"


def test_a_clash_named_with_its_weapons_keeps_its_type() -> None:
    clash = incident("a", date(2023, 7, 5), date(2023, 7, 5)).model_copy(
        update={"event_type": "Battles", "sub_event_type": "Armed clash", "weapons": ["small_arms"]})
    strike = incident("b", date(2023, 7, 5), date(2023, 7, 5)).model_copy(update={"weapons": ["missile"]})
    assert merge_incident(clash, strike).sub_event_type == "Armed clash"


def test_the_weapons_named_across_reports_decide_the_kind_of_strike() -> None:
    shelling = incident("a", date(2023, 7, 5), date(2023, 7, 5))  # "Russian strike", no weapon named
    drones = incident("b", date(2023, 7, 5), date(2023, 7, 5)).model_copy(
        update={"sub_event_type": "Air/drone strike", "weapons": ["drone"]})
    assert merge_incident(shelling, drones).sub_event_type == "Air/drone strike"
    missiles = shelling.model_copy(update={"weapons": ["missile"]})
    assert merge_incident(missiles, drones.model_copy(update={"weapons": ["missile"]})).sub_event_type == (
        "Shelling/artillery/missile attack")


def test_a_regions_toll_does_not_raise_a_towns_own_figure() -> None:
    region = LVIV.model_copy(update={"name": "Lviv Oblast", "geonames_id": None, "precision": "region"})
    town = incident("a", date(2023, 7, 5), date(2023, 7, 5)).model_copy(update={"fatalities": Count(best=2)})
    oblast = incident("b", date(2023, 7, 5), date(2023, 7, 5)).model_copy(
        update={"location": region, "fatalities": Count(best=20)})
    assert merge_incident(town, oblast).fatalities.best == 2
    assert merge_incident(oblast, town).fatalities.best == 2
    assert merge_incident(oblast, town).location.precision == "settlement"


def _figure(article: str, value: int) -> Count:
    return Count(best=value, low=value, high=value,
                 reports=[FigureReport(value=value, article_id=article, source=f"{article}.example")])


def test_a_victim_first_reported_wounded_then_dead_is_one_death_and_no_injured() -> None:
    hurt = incident("a", date(2023, 7, 5), date(2023, 7, 5)).model_copy(
        update={"fatalities": _figure("a", 0), "injured": _figure("a", 1)})
    died = incident("b", date(2023, 7, 5), date(2023, 7, 5)).model_copy(update={"fatalities": _figure("b", 1)})
    merged = merge_incident(hurt, died)
    assert (merged.fatalities.best, merged.injured.best) == (1, 0)


def test_a_rising_toll_keeps_the_wounded_its_dead_cannot_account_for() -> None:
    first = incident("a", date(2023, 7, 5), date(2023, 7, 5)).model_copy(
        update={"fatalities": _figure("a", 3), "injured": _figure("a", 20)})
    later = incident("b", date(2023, 7, 5), date(2023, 7, 5)).model_copy(update={"fatalities": _figure("b", 10)})
    merged = merge_incident(first, later)
    assert (merged.fatalities.best, merged.injured.best) == (10, 20)


def test_two_readings_of_one_article_keep_its_higher_figure_whichever_comes_last() -> None:
    town = incident("a", date(2023, 7, 5), date(2023, 7, 5)).model_copy(update={"fatalities": _figure("a", 3)})
    county = incident("a", date(2023, 7, 5), date(2023, 7, 5)).model_copy(update={"fatalities": _figure("a", 1)})
    assert merge_incident(town, county).fatalities.best == 3
    assert merge_incident(county, town).fatalities.best == 3


def test_a_date_the_deduplicator_names_is_the_incidents_whatever_the_reports_say() -> None:
    stale, fresh = incident("a", date(2023, 7, 3), date(2023, 7, 3)), incident("b", date(2023, 7, 10), date(2023, 7, 10))
    assert merge_incident(stale, fresh).date.start == date(2023, 7, 3)  # ordinary: not inside
    assert merge_incident(stale, fresh, date=fresh.date).date.start == date(2023, 7, 10)
