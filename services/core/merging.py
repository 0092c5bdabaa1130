"""Combine a new report into an existing incident or claim: provenance accumulates, figures widen, places refine."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import cast

from schemas import Claim, Count, EventDate, FigureReport, Incident
from schemas.models import PRECISION_RANK
from schemas.taxonomy import EventType, SubEventType
from services.core.lexicon import load_lexicon

MAX_EVIDENCE = 25
REMOTE_VIOLENCE = "Explosions/Remote violence"


def _remote_types(weapons: Sequence[str]) -> set[SubEventType]:
    """The remote-violence sub-event types the named weapons stand for."""
    types: Mapping[str, str] = load_lexicon("weapons")["sub_event_types"]
    return {cast(SubEventType, types[w]) for w in weapons if w in types and not types[w].startswith("@")}


#: weapons a clash or an attack is fought with; any other one is remote violence
HAND_WEAPONS = frozenset({"small_arms", "knife"})


def _hand_weapons_only(incident: Incident) -> bool:
    """Named weapons, all of them fired or wielded by hand: a clash or an attack as read."""
    return bool(incident.weapons) and set(incident.weapons) <= HAND_WEAPONS


def _generic(incident: Incident) -> bool:
    """An attack or clash, the types a bare "attacco"/"attack" or a killing is read as."""
    return incident.sub_event_type in ("Armed clash", "Attack")


def _union(a: list[str], b: list[str]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


def merge_count(a: Count, b: Count) -> Count:
    """best = the highest figure reported (tolls are revised upwards), low/high span every report."""
    reports: dict[str, FigureReport] = {}
    for r in [*a.reports, *b.reports]:
        # two readings of one article (its town and its county) keep the article's higher figure
        if r.article_id not in reports or r.value > reports[r.article_id].value:
            reports[r.article_id] = r
    values = [r.value for r in reports.values()] or [v for v in (a.best, b.best) if v is not None]
    if not values:
        return Count()
    return Count(best=max(values), low=min(values), high=max(values), reports=list(reports.values()))


def _merged_figure(old: Incident, new: Incident, mine: Count, theirs: Count) -> Count:
    """A region-level report's toll counts the whole region: joined to a town's incident that
    has a figure of its own, it does not raise it ("20 killed in the Dnipropetrovsk region" and
    "two killed in Samar")."""
    coarse = ("region", "country")
    old_rank, new_rank = PRECISION_RANK[old.location.precision], PRECISION_RANK[new.location.precision]
    if new_rank > old_rank and new.location.precision in coarse and mine.best is not None:
        return mine
    if new_rank < old_rank and old.location.precision in coarse and theirs.best is not None:
        return theirs  # the incident narrows from the region to the town: the town's own figure
    return merge_count(mine, theirs)


def _without_the_dead(injured: Count, fatalities: Count) -> Count:
    """A report's wounded who all died by a later report's count are no longer wounded: "a
    toddler critically injured" then "the toddler has died" is one death and no injured."""
    if fatalities.best is None or not injured.reports:
        return injured
    dead = {r.article_id: r.value for r in fatalities.reports}
    kept = [r for r in injured.reports if r.value > fatalities.best - dead.get(r.article_id, 0)]
    if len(kept) == len(injured.reports):
        return injured
    # the reports stay: a later merge weighs them again against the toll it then has
    values = [r.value for r in kept] or [0]
    return Count(best=max(values), low=min(values), high=max(values), reports=injured.reports)


def _merged_kind(old: Incident, new: Incident, weapons: Sequence[str]) -> tuple[EventType, SubEventType]:
    """The first report's type, unless a later one says more about the means."""
    kind = (old.event_type, old.sub_event_type)
    if new.event_type == REMOTE_VIOLENCE and (
        _generic(old) and not _hand_weapons_only(old) or not old.weapons and new.weapons
    ):
        # "un attacco russo contro Zaporizhzhia" then "a Russian missile strike on Zaporizhzhia":
        # the report that names the means says more about the incident
        kind = (new.event_type, new.sub_event_type)
    if kind[0] == REMOTE_VIOLENCE and len(means := _remote_types(weapons)) == 1:
        # two outlets, "shelling" and "a drone strike": the weapons they name decide
        kind = (REMOTE_VIOLENCE, next(iter(means)))
    return kind


def combined_confidence(a: float, b: float) -> float:
    """Independent reports: the chance that both are wrong shrinks; kept below 1."""
    return round(min(0.99, 1 - (1 - a) * (1 - b)), 4)


def merge_incident(
    old: Incident, new: Incident, *, late: bool = False, date: EventDate | None = None
) -> Incident:
    """`new` folded into `old`. `late`: the two met only as an older report and a later,
    loosely dated one (matching.late_similarity); then the older, firm date is the event's,
    whichever of the two arrived first. `date`: the event's date when the deduplicator knows
    which report read it right (a fresh report beside stale ones, matching.stale_similarity)."""
    evidence = {(e.article_id, e.char_start): e for e in [*old.evidence, *new.evidence]}
    new_outlet = bool(set(new.sources) - set(old.sources))
    location = old.location
    if PRECISION_RANK[new.location.precision] < PRECISION_RANK[old.location.precision]:
        location = new.location
    given = date
    date = old.date
    # a narrower date refines only a date it falls within: a report a day off (matched across
    # publication days) must not move the incident away from what the others said
    inside = old.date.start <= new.date.start and new.date.end <= old.date.end
    if given is not None:
        date = given
    elif late:
        # the late-report rule pairs a firmly dated older report with a later, loosely dated
        # one, in whichever order they arrive: the older report's date is the event's
        date = min(old.date, new.date, key=lambda d: (d.end, d.end - d.start))
    elif inside and (new.date.end - new.date.start) < (old.date.end - old.date.start):
        date = new.date
    actors = {(x.name, x.role): x for x in [*old.actors, *new.actors]}
    weapons = sorted(set(old.weapons) | set(new.weapons))
    kind = _merged_kind(old, new, weapons)
    return old.model_copy(
        update={
            "event_type": kind[0],
            "sub_event_type": kind[1],
            "evidence": list(evidence.values())[:MAX_EVIDENCE],
            "article_ids": _union(old.article_ids, new.article_ids),
            "sources": _union(old.sources, new.sources),
            "location": location,
            "date": date,
            "actors": list(actors.values()),
            "fatalities": (fatalities := _merged_figure(old, new, old.fatalities, new.fatalities)),
            "injured": _without_the_dead(_merged_figure(old, new, old.injured, new.injured), fatalities),
            "civilian_targeting": old.civilian_targeting or new.civilian_targeting,
            "weapons": weapons,
            "confidence": combined_confidence(old.confidence, new.confidence)
            if new_outlet
            else max(old.confidence, new.confidence),
            "first_reported_at": min(old.first_reported_at, new.first_reported_at),
            "last_reported_at": max(old.last_reported_at, new.last_reported_at),
            "extractor_version": max(old.extractor_version, new.extractor_version),
        }
    )


def merge_claim(old: Claim, new: Claim) -> Claim:
    evidence = {(e.article_id, e.char_start): e for e in [*old.evidence, *new.evidence]}
    new_outlet = bool(set(new.sources) - set(old.sources))
    return old.model_copy(
        update={
            "evidence": list(evidence.values())[:MAX_EVIDENCE],
            "article_ids": _union(old.article_ids, new.article_ids),
            "sources": _union(old.sources, new.sources),
            "via": _union(old.via, new.via),
            "about_incident_ids": _union(old.about_incident_ids, new.about_incident_ids),
            "confidence": combined_confidence(old.confidence, new.confidence)
            if new_outlet
            else max(old.confidence, new.confidence),
            "first_reported_at": min(old.first_reported_at, new.first_reported_at),
            "last_reported_at": max(old.last_reported_at, new.last_reported_at),
        }
    )
