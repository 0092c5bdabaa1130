"""Matching: how alike two member reports are, and when two incidents contradict each other."""

from __future__ import annotations

from datetime import date, timedelta

from services.core.matching import (
    Profile,
    conflicting,
    late_similarity,
    open_ended,
    profile_similarity,
    settlement_key,
    type_similarity,
)


def report(
    article: str = "a", name: str = "Vovchansk", gid: int | None = 689304, lat: float | None = 50.29,
    lon: float | None = 36.94, precision: str = "settlement", day: date = date(2023, 1, 20),
    until: date | None = None, published: date = date(2023, 1, 21),
    sub: str = "Shelling/artillery/missile attack", event: str = "Explosions/Remote violence",
    killed: int | None = None,
) -> Profile:
    return Profile(article, name, gid, "UA", "Kharkiv", lat, lon, precision, day, until or day,
                   published, event, sub, killed, None)


def test_a_profile_survives_its_round_trip_through_the_state() -> None:
    p = report(killed=3)
    assert Profile.from_json(p.to_json()) == p


def test_the_same_town_and_day_from_two_outlets_matches_strongly() -> None:
    assert profile_similarity(report("a"), report("b")) > 0.8


def test_a_day_apart_matches_only_when_published_on_different_days() -> None:
    first = report("a", day=date(2023, 1, 20), published=date(2023, 1, 20))
    same_day = report("b", day=date(2023, 1, 19), published=date(2023, 1, 20))
    next_day = report("b", day=date(2023, 1, 21), published=date(2023, 1, 21))
    assert profile_similarity(first, same_day) == 0.0
    assert profile_similarity(first, next_day) > 0.6


def test_two_named_towns_a_few_km_apart_never_match() -> None:
    vilcha = report("b", name="Vilcha", gid=700000, lat=50.32, lon=36.98)
    assert profile_similarity(report("a"), vilcha) == 0.0


def test_shelling_and_a_drone_strike_on_one_town_and_day_are_compatible_types() -> None:
    drone = report("b", sub="Air/drone strike")
    assert type_similarity(report("a"), drone) == 0.8


def test_a_shooting_read_as_a_clash_by_one_outlet_and_an_attack_by_another_is_compatible() -> None:
    clash = report("a", sub="Armed clash", event="Battles")
    attack = report("b", sub="Attack", event="Violence against civilians")
    protest = report("c", sub="Peaceful protest", event="Protests")
    assert type_similarity(clash, attack) > type_similarity(clash, protest)


def test_members_two_days_apart_or_in_different_towns_contradict_each_other() -> None:
    assert conflicting(report("a", day=date(2023, 1, 18)), report("b", day=date(2023, 1, 20)))
    assert conflicting(report("a"), report("b", name="Kupiansk", gid=703656, lat=49.71, lon=37.62))
    assert not conflicting(report("a", day=date(2023, 1, 19)), report("b", day=date(2023, 1, 20)))


# late reports ------------------------------------------------------------------------------------

def shooting(
    article: str = "a", name: str = "Dayton", gid: int | None = 4509884,
    day: date = date(2016, 3, 5), until: date | None = None, published: date = date(2016, 3, 6),
    sub: str = "Attack", killed: int | None = 1,
) -> Profile:
    return Profile(article, name, gid, "US", "Ohio", 39.76, -84.19, "settlement", day, until or day,
                   published, "Battles" if sub == "Armed clash" else "Violence against civilians",
                   sub, killed, None)


def undated(article: str = "b", published: date = date(2016, 3, 16), days: int = 1,
            **kw: object) -> Profile:
    """A report with no date cue: the eve or day of publication (a month for a follow-up)."""
    return shooting(article, day=published - timedelta(days=days), until=published,
                    published=published, **kw)  # type: ignore[arg-type]


def test_only_a_range_ending_on_the_publication_day_is_open_ended() -> None:
    assert open_ended(undated())
    assert not open_ended(shooting())
    assert not open_ended(shooting(day=date(2016, 3, 4), until=date(2016, 3, 5)))


def test_an_undated_report_ten_days_later_meets_the_shooting_in_the_same_town() -> None:
    assert late_similarity(shooting("a"), undated("b", killed=None), 30) >= 0.6
    assert late_similarity(undated("b", killed=None), shooting("a"), 30) >= 0.6


def test_a_follow_up_whose_month_covers_the_shooting_meets_it() -> None:
    assert late_similarity(shooting("a"), undated("b", days=31), 30) >= 0.6


def test_a_late_report_must_name_the_same_settlement() -> None:
    springfield = undated("b", name="Springfield", gid=4525353)
    assert late_similarity(shooting("a"), springfield, 30) == 0.0


def test_an_unresolved_town_name_counts_as_the_same_settlement_when_spelt_alike() -> None:
    a, b = shooting("a", gid=None, name="Eastwood"), undated("b", gid=None, name="eastwood")
    assert settlement_key(a) == settlement_key(b) is not None
    assert late_similarity(a, b, 30) >= 0.6


def test_a_late_report_too_long_after_or_with_other_tolls_or_another_kind_stays_apart() -> None:
    older = shooting("a", killed=1)
    assert late_similarity(older, undated("b", published=date(2016, 4, 20)), 30) == 0.0
    assert late_similarity(older, undated("b", killed=4), 30) == 0.0
    assert late_similarity(older, undated("b", sub="Armed clash"), 30) == 0.0  # clash vs attack
    assert late_similarity(older, undated("b"), 0) == 0.0  # switched off


def test_two_loosely_dated_reports_are_no_evidence_of_one_event() -> None:
    month = undated("a", published=date(2016, 3, 10), days=31)
    assert late_similarity(month, undated("b"), 30) == 0.0


def test_a_firm_report_published_after_the_event_it_dates_does_not_count_as_late() -> None:
    # two firm dates ten days apart are two events, whatever the towns and tolls say
    assert late_similarity(shooting("a"), shooting("b", day=date(2016, 3, 15),
                                                   published=date(2016, 3, 16)), 30) == 0.0


def test_a_nearer_older_event_scores_higher_for_a_late_report() -> None:
    late = undated("c")
    near, far = shooting("a", day=date(2016, 3, 12)), shooting("b", day=date(2016, 2, 20))
    assert late_similarity(near, late, 30) > late_similarity(far, late, 30) >= 0.6
