"""Merging: a narrower date refines an incident only when it falls within the known one."""

from __future__ import annotations

from datetime import UTC, date, datetime

from schemas import EventDate, Incident, Location
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
