"""How alike two reports are: similarity of incidents (place, date, type, casualties) and of claims (speaker, content, figures)."""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt

from rapidfuzz import fuzz

from schemas import Claim, Count, Incident, Location

#: weights of the incident similarity; they sum to 1 (chosen on dev data, see docs/dedup.md)
W_PLACE, W_DATE, W_TYPE, W_CASUALTIES = 0.4, 0.2, 0.25, 0.15

ADJACENT_DAY_SCORE = 0.5

_REMOTE = {"Shelling/artillery/missile attack", "Air/drone strike", "Disrupted weapons use"}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(radians, (lat1, lon1, lat2, lon2))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def place_similarity(a: Location, b: Location) -> float:
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return 1.0
    coarse = {"region", "country"}
    if a.precision in coarse or b.precision in coarse:
        if a.country_code != b.country_code:
            return 0.0
        if "country" in (a.precision, b.precision):
            return 0.5
        return 0.7 if a.admin1 and a.admin1 == b.admin1 else 0.0
    if None not in (a.lat, a.lon, b.lat, b.lon):
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if a.geonames_id and b.geonames_id and km > 3:
            return 0.0  # two different named settlements, even close ones, are two places
        for limit, score in ((5, 0.95), (15, 0.8), (30, 0.6)):
            if km <= limit:
                return score
        return 0.0
    if a.name.casefold() == b.name.casefold() and a.country_code == b.country_code:
        return 0.9
    return 0.0


def date_similarity(a: Incident, b: Incident) -> float:
    """Overlapping dates match. One day apart matches weakly only when the reports were published
    on different days: relative dates ("ieri", "last night") read against different publication
    times are the usual cause. Same-day reports a day apart are two incidents (ACLED: one a day)."""
    gap = max((b.date.start - a.date.end).days, (a.date.start - b.date.end).days)
    if gap <= 0:
        return 1.0
    published_apart = a.first_reported_at.date() != b.first_reported_at.date()
    return ADJACENT_DAY_SCORE if gap == 1 and published_apart else 0.0


def type_similarity(a: Incident, b: Incident) -> float:
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.sub_event_type in _REMOTE and b.sub_event_type in _REMOTE:
        return 0.8
    if a.event_type == b.event_type:
        return 0.7
    return 0.2


def count_similarity(a: Count, b: Count) -> float:
    if a.best is None or b.best is None:
        return 0.7
    if a.best == b.best:
        return 1.0
    lo, hi = sorted((a.best, b.best))
    return 0.8 if hi == 0 or lo / hi >= 0.5 else 0.3


def incident_similarity(a: Incident, b: Incident) -> float:
    """0..1; 0 when the two cannot be one incident (far apart, days apart, read in one article)."""
    if set(a.article_ids) & set(b.article_ids):
        return 0.0  # the extractor already kept them apart within the article
    place = place_similarity(a.location, b.location)
    day = date_similarity(a, b)
    if place == 0.0 or day == 0.0:
        return 0.0
    casualties = (count_similarity(a.fatalities, b.fatalities) + count_similarity(a.injured, b.injured)) / 2
    return W_PLACE * place + W_DATE * day + W_TYPE * type_similarity(a, b) + W_CASUALTIES * casualties


def claim_similarity(a: Claim, b: Claim) -> float:
    """0..1 for two claims of one speaker: same figures, or content that says the same thing."""
    qa = {(q.unit, q.value) for q in a.quantities}
    qb = {(q.unit, q.value) for q in b.quantities}
    units_a, units_b = {u for u, _ in qa}, {u for u, _ in qb}
    if units_a & units_b:
        # the same speaker giving a different figure for the same thing is a new claim
        return 0.9 if qa & qb else 0.0
    if a.language and a.language == b.language:
        return fuzz.token_set_ratio(a.content, b.content) / 100.0
    return 0.0
