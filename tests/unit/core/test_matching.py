"""Matching: how alike two member reports are, and when two incidents contradict each other."""

from __future__ import annotations

from datetime import date

from services.core.matching import Profile, conflicting, profile_similarity, type_similarity


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
