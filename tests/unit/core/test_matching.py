"""Matching: how alike two member reports are, and when two incidents contradict each other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from schemas import EventDate, Evidence, Incident, Location
from services.core.matching import (
    CROSS_LINGUAL_MEANING,
    CROSS_LINGUAL_SAME_INCIDENT_MEANING,
    CROSS_LINGUAL_SCORE,
    ClaimProfile,
    Profile,
    claim_similarity,
    conflicting,
    firm_follow_up_similarity,
    late_similarity,
    open_ended,
    profile_similarity,
    read_twice,
    reads_as_follow_up,
    settlement_key,
    stale_similarity,
    type_similarity,
    victim_ages,
    victim_similarity,
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


# firmly dated follow-ups ------------------------------------------------------------------------

def charges(article: str = "b", day: date = date(2016, 3, 15), killed: int | None = 1,
            follow_up: bool = True, **kw: object) -> Profile:
    """A report dated by its own news ("charged Tuesday") that tells of what followed an event."""
    p = shooting(article, day=day, published=day + timedelta(days=1), killed=killed, **kw)  # type: ignore[arg-type]
    return replace(p, follow_up=follow_up)


def test_charges_dated_ten_days_after_a_shooting_in_the_same_town_meet_it() -> None:
    assert firm_follow_up_similarity(shooting("a"), charges("b"), 30) >= 0.6
    assert firm_follow_up_similarity(charges("b"), shooting("a"), 30) >= 0.6


def test_a_firm_report_that_tells_of_no_aftermath_is_not_a_follow_up() -> None:
    assert firm_follow_up_similarity(shooting("a"), charges("b", follow_up=False), 30) == 0.0
    # the follow-up must be the later of the two
    older_charges = charges("a", day=date(2016, 3, 5))
    assert firm_follow_up_similarity(older_charges, shooting("b", day=date(2016, 3, 15)), 30) == 0.0


def test_a_firm_follow_up_needs_the_town_the_kind_the_tolls_and_two_days_between() -> None:
    older = shooting("a")
    assert firm_follow_up_similarity(older, charges("b", name="Springfield", gid=4525353), 30) == 0.0
    assert firm_follow_up_similarity(older, charges("b", killed=4), 30) == 0.0
    assert firm_follow_up_similarity(older, charges("b", sub="Armed clash"), 30) == 0.0
    assert firm_follow_up_similarity(older, charges("b", day=date(2016, 3, 6)), 30) == 0.0
    assert firm_follow_up_similarity(older, charges("b", day=date(2016, 4, 20)), 30) == 0.0


def test_a_town_shelled_again_a_week_later_is_never_a_follow_up() -> None:
    first = report("a", day=date(2023, 1, 20), published=date(2023, 1, 21))
    again = report("b", day=date(2023, 1, 27), published=date(2023, 1, 28))
    assert firm_follow_up_similarity(first, replace(again, follow_up=True), 30) == 0.0


def test_a_profile_row_stored_before_the_follow_up_flag_still_loads() -> None:
    row = charges("b").to_json()
    assert Profile.from_json(row).follow_up
    assert not Profile.from_json(row[:15]).follow_up


def incident_with_lead(lead: str, event: str = "Violence against civilians", sub: str = "Attack") -> Incident:
    at = datetime(2016, 3, 16, 9, tzinfo=UTC)
    where = Location(name="Dayton", geonames_id=4509884, country_code="US", admin1="Ohio",
                     lat=39.76, lon=-84.19, precision="settlement")
    return Incident(
        incident_id="inc-x", event_type=event, sub_event_type=sub, location=where,  # type: ignore[arg-type]
        date=EventDate(start=date(2016, 3, 15), end=date(2016, 3, 15), precision="day"),
        evidence=[Evidence(article_id="x", source="x.example", language="en", published_at=at,
                           text=lead, char_start=0, char_end=len(lead))],
        article_ids=["x"], sources=["x.example"], confidence=0.6, first_reported_at=at,
        last_reported_at=at, extractor_version="t")


def test_a_report_leading_with_charges_or_a_funeral_reads_as_a_follow_up() -> None:
    assert reads_as_follow_up(incident_with_lead("A Dayton man was indicted Tuesday in the death of his neighbour."))
    assert reads_as_follow_up(incident_with_lead("Hundreds gathered for the funeral of the teenager shot last week."))
    assert not reads_as_follow_up(incident_with_lead("A man was shot and killed outside a Dayton bar on Tuesday night."))
    # only shootings and killings are followed up this way; a town shelled again is a new event
    assert not reads_as_follow_up(incident_with_lead("The funeral of the victims of the strike took place.",
                                                     event="Explosions/Remote violence",
                                                     sub="Shelling/artillery/missile attack"))


# one event read twice in one article ------------------------------------------------------------

def test_a_region_and_a_town_in_it_on_the_same_day_are_one_event_of_one_article() -> None:
    town = report("a")
    region = report("a", name="Kharkiv Oblast", gid=706482, precision="region", lat=49.5, lon=36.5)
    district = report("a", name="Chuhuiv Raion", gid=None, precision="district", day=date(2023, 1, 21))
    assert read_twice(town, region) and read_twice(region, town) and read_twice(district, town)


def test_two_towns_or_one_town_on_two_days_of_one_article_stay_two_events() -> None:
    assert not read_twice(report("a"), report("a", name="Kupiansk", gid=703656, lat=49.71, lon=37.62))
    assert not read_twice(report("a"), report("a", day=date(2023, 1, 19)))
    region = report("a", name="Kharkiv Oblast", gid=706482, precision="region")
    assert not read_twice(region, report("a", day=date(2023, 1, 22)))


def test_a_county_and_a_town_in_it_are_one_place_however_far_from_its_centre() -> None:
    county = replace(report("a", name="Harris County", gid=None, lat=29.86, lon=-95.39, precision="district"),
                     country_code="US", admin1="Texas", admin2="Harris County")
    spring = replace(report("b", name="Spring", gid=4733624, lat=30.08, lon=-95.42),
                     country_code="US", admin1="Texas", admin2="Harris County")
    elsewhere = replace(spring, admin2="Montgomery County", lat=30.6)  # 80 km off the centre
    assert profile_similarity(county, spring) > 0.8
    assert profile_similarity(county, elsewhere) == 0.0
    assert Profile.from_json(spring.to_json()) == spring
    assert Profile.from_json(spring.to_json()[:16]).admin2 is None  # a row stored before admin2


def test_a_shooting_and_another_town_of_its_state_that_day_are_one_event_of_one_article() -> None:
    shooting = report("a", sub="Attack", event="Violence against civilians")
    hospital = report("a", name="Chuhuiv", gid=710000, lat=49.84, lon=36.69, sub="Armed clash", event="Battles")
    assert read_twice(shooting, hospital) and read_twice(hospital, shooting)
    assert not read_twice(shooting, replace(hospital, start=date(2023, 1, 23), end=date(2023, 1, 23)))
    assert not read_twice(shooting, replace(hospital, admin1="Donetsk"))


# follow-ups of a shooting read loosely, clashes, stale reports, one article's story ---------------

def test_a_follow_up_whose_month_covers_the_shooting_meets_it_even_read_as_a_clash() -> None:
    assert late_similarity(shooting("a"), undated("b", days=31, sub="Armed clash"), 30) >= 0.6


def test_a_last_night_clash_days_after_an_attack_in_the_same_town_stays_apart() -> None:
    assert late_similarity(shooting("a"), undated("b", sub="Armed clash"), 30) == 0.0


def test_charges_meet_a_shooting_first_reported_as_last_night() -> None:
    last_night = undated("a", published=date(2016, 3, 6))
    assert open_ended(last_night)
    assert firm_follow_up_similarity(last_night, charges("b"), 30) >= 0.6


def test_a_report_dated_a_week_before_its_publication_meets_the_fresh_report_of_that_week() -> None:
    # published on Monday the 14th, it dates its "Monday" shooting on the 7th
    stale = shooting("a", day=date(2016, 3, 7), published=date(2016, 3, 14), killed=None)
    fresh = shooting("b", day=date(2016, 3, 14), published=date(2016, 3, 14), killed=None)
    assert stale_similarity(stale, fresh, 30) >= 0.6
    assert stale_similarity(fresh, stale, 30) >= 0.6


def test_two_shootings_each_reported_fresh_a_week_apart_are_not_stale_reports() -> None:
    first = shooting("a", day=date(2016, 3, 7), published=date(2016, 3, 8))
    second = shooting("b", day=date(2016, 3, 14), published=date(2016, 3, 14))
    assert stale_similarity(first, second, 30) == 0.0
    # nor two stale ones: the later one may be the follow-up, which needs its cue
    late = shooting("c", day=date(2016, 3, 14), published=date(2016, 3, 18))
    assert stale_similarity(shooting("a", day=date(2016, 3, 7), published=date(2016, 3, 18)), late, 30) == 0.0


def test_a_town_struck_again_is_never_a_stale_report() -> None:
    stale = report("a", day=date(2023, 1, 13), published=date(2023, 1, 20))
    fresh = report("b", day=date(2023, 1, 20), published=date(2023, 1, 20))
    assert stale_similarity(stale, fresh, 30) == 0.0


def test_one_articles_shooting_and_arrest_days_later_in_one_town_are_one_story() -> None:
    shot = shooting("a", day=date(2016, 3, 5))
    arrest = replace(shooting("a", day=date(2016, 3, 9)), event_type="Strategic developments",
                     sub_event_type="Arrests")
    assert read_twice(shot, arrest) and read_twice(shot, shooting("a", day=date(2016, 3, 12)))


def test_one_articles_strikes_or_clashes_on_one_town_on_two_days_stay_two_events() -> None:
    assert not read_twice(report("a", day=date(2023, 1, 18)), report("a", day=date(2023, 1, 20)))
    clash = shooting("a", day=date(2016, 3, 5), sub="Armed clash")
    assert not read_twice(clash, replace(clash, start=date(2016, 3, 8), end=date(2016, 3, 8)))
    # nor a shooting and another town days later, nor the same town a season later
    kettering = replace(shooting("a", day=date(2016, 3, 9)), name="Kettering", geonames_id=4515843)
    assert not read_twice(shooting("a"), kettering)
    assert not read_twice(shooting("a"), shooting("a", day=date(2016, 6, 5)))


# the same victim's age ----------------------------------------------------------------------------


def test_a_report_reads_the_ages_news_gives_its_victims_and_suspects() -> None:
    lead = ("Police say a 19-year-old man shot a 6-year-old girl; Jamal Price, 19, was charged. "
            "The girl, aged 6, died in hospital, where 2 people were treated in 2016.")
    assert victim_ages(incident_with_lead(lead)) == (19, 6)
    assert victim_ages(incident_with_lead("Un 16enne ferito, un ragazzo di 17 anni arrestato.")) == (16, 17)


def test_a_strike_report_carries_no_victim_age() -> None:
    lead = "A 16-year-old was among the dead of the missile strike."
    assert victim_ages(incident_with_lead(lead, event="Explosions/Remote violence",
                                          sub="Shelling/artillery/missile attack")) == ()


def test_a_profile_row_stored_before_the_ages_still_loads() -> None:
    p = replace(charges("b"), ages=(6, 19))
    assert Profile.from_json(p.to_json()) == p
    assert Profile.from_json(p.to_json()[:17]).ages == ()


def test_the_car_found_weeks_after_a_shooting_of_a_1_year_old_meets_it_by_the_age() -> None:
    shot = replace(shooting("a", day=date(2016, 3, 5)), ages=(1, 24))
    car = replace(shooting("b", day=date(2016, 3, 23), published=date(2016, 3, 30), sub="Armed clash"),
                  ages=(1,))
    assert late_similarity(shot, car, 30) == firm_follow_up_similarity(shot, car, 30) == 0.0
    assert stale_similarity(shot, car, 30) == 0.0
    assert victim_similarity(shot, car, 30) >= 0.6 and victim_similarity(car, shot, 30) >= 0.6


def test_a_neighbourhood_and_its_city_the_same_day_meet_when_they_name_the_same_teenager() -> None:
    city = replace(shooting("a", name="Chicago", gid=4887398), ages=(16,))
    lawndale = replace(shooting("b", name="North Lawndale", gid=4903535), lat=39.8, lon=-84.25, ages=(16, 42))
    assert profile_similarity(city, lawndale) == 0.0
    assert victim_similarity(city, lawndale, 30) >= 0.6


def test_reports_that_give_no_common_age_or_contradict_stay_apart() -> None:
    shot = replace(shooting("a"), ages=(6,))
    assert victim_similarity(shot, replace(shooting("b", day=date(2016, 3, 15)), ages=(7,)), 30) == 0.0
    assert victim_similarity(shot, shooting("b", day=date(2016, 3, 15)), 30) == 0.0
    assert victim_similarity(shot, replace(shooting("b", day=date(2016, 3, 15), killed=5), ages=(6,)), 30) == 0.0
    # beyond the look-back, or another town days later, or far away the same day
    assert victim_similarity(shot, replace(shooting("b", day=date(2016, 4, 15)), ages=(6,)), 30) == 0.0
    later = replace(shooting("b", name="Kettering", gid=4515843, day=date(2016, 3, 9)), lat=39.69, ages=(6,))
    assert victim_similarity(shot, later, 30) == 0.0
    far_away = replace(later, start=date(2016, 3, 5), end=date(2016, 3, 5), lat=41.5)  # ~190 km
    assert victim_similarity(shot, far_away, 30) == 0.0


def test_two_strikes_on_a_town_that_killed_a_16_year_old_each_are_not_matched_by_age() -> None:
    first = replace(report("a", day=date(2023, 1, 20)), ages=(16,))
    again = replace(report("b", day=date(2023, 1, 27), published=date(2023, 1, 28)), ages=(16,))
    assert victim_similarity(first, again, 30) == 0.0


def test_a_wounded_teenager_who_died_is_one_victim_whose_toll_grew() -> None:
    wounded = replace(shooting("a", killed=0), injured=1, ages=(16,))
    died = replace(shooting("b", killed=1), injured=1, ages=(16,))
    assert victim_similarity(wounded, died, 30) >= 0.6
    # five victims against one is another shooting, whatever the age
    assert victim_similarity(wounded, replace(died, fatalities=3, injured=2), 30) == 0.0


def test_two_shootings_of_a_town_days_apart_with_a_24_year_old_each_stay_apart() -> None:
    first = replace(shooting("a", day=date(2016, 3, 5)), ages=(24,))
    again = replace(shooting("b", day=date(2016, 3, 15), published=date(2016, 3, 16)), ages=(24,))
    assert victim_similarity(first, again, 30) == 0.0
    # the same day, or with a second common age, they are the same people
    assert victim_similarity(first, replace(again, start=date(2016, 3, 5), end=date(2016, 3, 5)), 30) >= 0.6
    assert victim_similarity(replace(first, ages=(24, 31)), replace(again, ages=(31, 24)), 30) >= 0.6


# claims in two languages ---------------------------------------------------------------------------

def claim_profile(content: str, language: str, claim_type: str = "casualty_report") -> ClaimProfile:
    return ClaimProfile(language, content, claim_type, frozenset(), frozenset(), ())


def meaning_of(cosine: float) -> Callable[[str, str], float]:
    """A stand-in for the sentence embeddings' cosine, to state the bars exactly."""
    return lambda a, b: cosine


def test_claims_in_two_languages_need_meaning_to_match() -> None:
    en, it = claim_profile("A woman was killed", "en"), claim_profile("Una donna è stata uccisa", "it")
    assert claim_similarity(en, it) == 0.0  # the words of two languages are never compared
    assert claim_similarity(en, it, meaning=meaning_of(CROSS_LINGUAL_MEANING)) == CROSS_LINGUAL_SCORE


def test_about_one_incident_less_meaning_is_needed() -> None:
    en, it = claim_profile("A woman was killed", "en"), claim_profile("Una donna è stata uccisa", "it")
    between = meaning_of((CROSS_LINGUAL_MEANING + CROSS_LINGUAL_SAME_INCIDENT_MEANING) / 2)
    assert claim_similarity(en, it, meaning=between) == 0.0
    assert claim_similarity(en, it, same_incident=True, meaning=between) == CROSS_LINGUAL_SCORE


def test_claims_of_two_types_never_match_across_languages() -> None:
    en = claim_profile("A woman was killed", "en")
    it = claim_profile("Una donna è stata uccisa", "it", claim_type="accusation")
    assert claim_similarity(en, it, same_incident=True, meaning=meaning_of(1.0)) == 0.0
