"""How alike two reports are: similarity of incidents (place, date, type, casualties) and of claims (speaker, content, figures)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from math import asin, cos, radians, sin, sqrt
from typing import Any, Protocol

import regex
from rapidfuzz import fuzz

from schemas import Claim, Incident
from services.core.lexicon import compile_alternation, language_section, load_lexicon

#: one speaker's claims of one type in two languages are one claim when their embeddings'
#: cosine (meaning.similarity) reaches this, or the lower bar when both are about one incident;
#: they then score CROSS_LINGUAL_SCORE, above the claim threshold (0.6), below a shared figure
CROSS_LINGUAL_MEANING = 0.55
CROSS_LINGUAL_SAME_INCIDENT_MEANING = 0.45
CROSS_LINGUAL_SCORE = 0.7

#: weights of the incident similarity; they sum to 1 (chosen on dev data, see docs/dedup.md)
W_PLACE, W_DATE, W_TYPE, W_CASUALTIES = 0.4, 0.2, 0.25, 0.15

ADJACENT_DAY_SCORE = 0.5
#: date score of a late report (see late_similarity) at no distance; it fades to 0 over the
#: look-back, so of two older incidents at one place the nearest wins
LATE_DATE_SCORE = 0.3
#: a late report must read the event as the same event type (0.7): clash vs attack (0.5) lets
#: follow-ups join the wrong one of a city's shootings (docs/dedup.md), an arrest vs a shooting
#: (0.2) is no evidence at all
LATE_MIN_TYPE = 0.7
#: ... except when the later report's range reaches the older event's day (a month-wide
#: follow-up range that covers it): then a clash and an attack (CROSS_TYPE_SCORE) pass. Days
#: later, with 0.5, a new shooting of a city dated "last night" joined the city's older one
#: (gva_multi lost 6 pairs of pairwise precision)
LATE_CROSS_TYPE_DAYS = 0
#: a late report's casualty figures must not contradict the older one's (unknown passes)
LATE_MIN_FIGURES = 0.7
#: the older report's date range may span at most this many days past its start (a day, a
#: night, the default eve-or-day of publication), not a "last month" range
LATE_OLDER_SPAN_DAYS = 1
#: a firmly dated follow-up (firm_follow_up_similarity) is dated at least this many days after
#: the event: a day apart is the ordinary rule's (date_similarity)
FOLLOW_UP_MIN_GAP_DAYS = 2
#: the events local news follows up for weeks with reports dated by their own news (an arrest
#: "Monday", an indictment "Tuesday"): a shooting or a killing. A town shelled or fought over
#: again days later is a new event, never a follow-up
FOLLOW_UP_EVENT_TYPES = frozenset({"Violence against civilians"})
#: an article reports one of these at one place: a second place it reads such an event at on
#: the same day is where the victim was taken or lived, where the suspect was arrested, or the
#: reporting station's city (read_twice). Strikes and battles hit several towns a day
ONE_PLACE_EVENT_TYPES = frozenset({"Violence against civilians"})
#: one article's readings of one settlement this many days apart may be one story (same_story)
SAME_STORY_DAYS = 30
#: a strike beside an "attack" at another town is two events (a shelled city, a village an
#: outlet reads as attacked): an attack joins another place only when neither is a strike
_STRIKE_EVENT_TYPES = frozenset({"Explosions/Remote violence"})
#: the sentences of a report searched for follow-up cues: what it leads with
FOLLOW_UP_EVIDENCE = 3
_SETTLEMENT = {"point", "settlement", "district"}
#: a report at this level names an area that may hold another report's town
_AREA = {"region", "district"}

_REMOTE = {"Shelling/artillery/missile attack", "Air/drone strike", "Disrupted weapons use"}
#: a shooting that one outlet reads as an exchange of fire and another as an attack on civilians
#: (ACLED: Battles vs Violence against civilians, told apart only by who was armed)
_ARMED_VIOLENCE = {"Armed clash", "Attack"}
CROSS_TYPE_SCORE = 0.5
#: place score of a town and the county (district) that holds it
COUNTY_TOWN_SCORE = 0.8
#: a victim's (or suspect's) age as news states it ("a 16-year-old", "Jane Doe, 16,", "16enne",
#: "16-річний"; data/lexicons/victim_ages.json): two reports of shootings that give the same age
#: are about the same people (victim_similarity)
_AGE = regex.compile("|".join(p["pattern"] for p in load_lexicon("victim_ages")["patterns"]), regex.V1)
#: ages kept per member report (a family's, a group's): enough to tell one story from another
MAX_AGES = 6
#: the kinds of report that carry a victim's age: a shooting or killing, read as an attack or
#: a clash, and the arrest that follows it. Strikes and shelling never join on an age
_VICTIM_SUB_TYPES = frozenset({"Attack", "Armed clash", "Arrests", "Abduction/forced disappearance",
                               "Sexual violence"})
#: two reports of different, named settlements that name the same victim's age are one event
#: only on one day (±1) and this close: a town and its neighbour, a neighbourhood and its city
VICTIM_NEAR_KM = 30.0
#: reports of one town days apart meet on one common age only when it is a minor's: adults of
#: 18 to 40 are most of a city's shooting victims, and a month of them repeats every age
MINOR_AGE = 17


class Place(Protocol):
    """What place matching reads: a contract Location or a member Profile."""

    @property
    def name(self) -> str: ...
    @property
    def geonames_id(self) -> int | None: ...
    @property
    def country_code(self) -> str | None: ...
    @property
    def admin1(self) -> str | None: ...
    @property
    def admin2(self) -> str | None: ...
    @property
    def lat(self) -> float | None: ...
    @property
    def lon(self) -> float | None: ...
    @property
    def precision(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Profile:
    """One member report of an incident as first read (its own place, dates, type, figures and
    publication day). Matching compares a new report with every member of a candidate (single
    link), so what merging refines (narrowed dates, earliest publication) never hides a member."""

    article_id: str
    name: str
    geonames_id: int | None
    country_code: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    start: date
    end: date
    published: date
    event_type: str
    sub_event_type: str
    fatalities: int | None
    injured: int | None
    #: its sentences tell of what came after the event (reads_as_follow_up)
    follow_up: bool = False
    #: the county (or raion) a town lies in, or a county's own name
    admin2: str | None = None
    #: ages the report gives (victim_ages): "a 6-year-old", "Jane Doe, 16,"
    ages: tuple[int, ...] = ()

    @classmethod
    def of(cls, inc: Incident) -> Profile:
        loc = inc.location
        return cls(
            article_id=inc.article_ids[0] if inc.article_ids else inc.incident_id,
            name=loc.name, geonames_id=loc.geonames_id, country_code=loc.country_code,
            admin1=loc.admin1, lat=loc.lat, lon=loc.lon, precision=loc.precision,
            start=inc.date.start, end=inc.date.end, published=inc.first_reported_at.date(),
            event_type=inc.event_type, sub_event_type=inc.sub_event_type,
            fatalities=inc.fatalities.best, injured=inc.injured.best,
            follow_up=reads_as_follow_up(inc), admin2=loc.admin2, ages=victim_ages(inc),
        )

    def to_json(self) -> list[Any]:
        # a list, not a dict: one is stored per member report in the dedup state
        return [self.article_id, self.name, self.geonames_id, self.country_code, self.admin1,
                self.lat, self.lon, self.precision, self.start.isoformat(), self.end.isoformat(),
                self.published.isoformat(), self.event_type, self.sub_event_type,
                self.fatalities, self.injured, self.follow_up, self.admin2, list(self.ages)]

    @classmethod
    def from_json(cls, row: list[Any]) -> Profile:
        # rows stored before the follow_up flag have 15 fields, before admin2 16, before ages 17
        (article_id, name, gid, cc, admin1, lat, lon, precision, start, end, published, et, sub,
         killed, hurt, *extra) = row
        return cls(article_id, name, gid, cc, admin1, lat, lon, precision,
                   date.fromisoformat(start), date.fromisoformat(end), date.fromisoformat(published),
                   et, sub, killed, hurt, bool(extra and extra[0]), extra[1] if len(extra) > 1 else None,
                   tuple(extra[2]) if len(extra) > 2 else ())


@lru_cache(maxsize=16)
def _follow_up_cues(language: str) -> regex.Pattern[str] | None:
    words = language_section("context_markers", language).get("follow_up") or []
    return compile_alternation(words) if words else None


def reads_as_follow_up(inc: Incident) -> bool:
    """Whether a shooting or killing report's first sentences (headline, lead) tell of what came
    after its event: charges, an arrest in the case, a trial, a funeral (the extractor's
    follow-up cues, context_markers.json). Only those types are ever firm follow-ups."""
    if inc.event_type not in FOLLOW_UP_EVENT_TYPES:
        return False
    for e in inc.evidence[:FOLLOW_UP_EVIDENCE]:
        cues = _follow_up_cues(e.language or "en")
        if cues is not None and cues.search(e.text):
            return True
    return False


def victim_ages(inc: Incident) -> tuple[int, ...]:
    """The ages a shooting or killing report's sentences give (_AGE), in order of first
    mention, at most MAX_AGES; empty for other kinds of report."""
    if inc.sub_event_type not in _VICTIM_SUB_TYPES:
        return ()
    found: dict[int, None] = {}
    for e in inc.evidence:
        for m in _AGE.finditer(e.text):
            age = int(next(n for n in m.captures("n")))
            if age > 0:
                found[age] = None
    return tuple(found)[:MAX_AGES]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(radians, (lat1, lon1, lat2, lon2))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places, None when either has no coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def place_similarity(a: Place, b: Place) -> float:
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return 1.0
    coarse = {"region", "country"}
    if a.precision in coarse or b.precision in coarse:
        if a.country_code != b.country_code:
            return 0.0
        if "country" in (a.precision, b.precision):
            return 0.5
        return 0.7 if a.admin1 and a.admin1 == b.admin1 else 0.0
    if _holds(a, b) or _holds(b, a):
        return COUNTY_TOWN_SCORE
    km = distance_km(a, b)
    if km is not None:
        if a.geonames_id and b.geonames_id and km > 3:
            return 0.0  # two different named settlements, even close ones, are two places
        for limit, score in ((5, 0.95), (15, 0.8), (30, 0.6)):
            if km <= limit:
                return score
        return 0.0
    if a.name.casefold() == b.name.casefold() and a.country_code == b.country_code:
        return 0.9
    return 0.0


def _holds(county: Place, town: Place) -> bool:
    """A county (district) and a town the gazetteer places in it ("Harris County" and Spring,
    Texas): however far the town lies from the county's centre."""
    return (county.precision == "district" and town.precision in ("point", "settlement")
            and county.admin2 is not None and county.admin2 == town.admin2
            and county.admin1 == town.admin1 and county.country_code == town.country_code)


def settlement_key(p: Place) -> str | None:
    """The settlement a report names, as a key: its GeoNames id, else its unresolved name in
    its country. None for a region or a country (a late report must name the same town)."""
    if p.precision not in _SETTLEMENT:
        return None
    if p.geonames_id is not None:
        return f"g{p.geonames_id}"
    name = p.name.strip().casefold()
    return f"n{p.country_code or '?'}:{name}" if name else None


def open_ended(p: Profile) -> bool:
    """A date range that ends on the report's publication day: what the extractor gives an
    event the text dates only loosely ("last night", "in the last days") or not at all (the eve
    or day of publication; the month before it for a follow-up on charges or a funeral). Such a
    report may be a late one about an older event."""
    return p.end == p.published and p.start < p.end


def late_gap(older: Profile, later: Profile) -> int | None:
    """Days from the older report's event to the start of the later, open-ended one (0 when the
    later range covers it); None when the later one is not open-ended, when the older one is not
    itself dated within two days (two loose readings are no evidence of one event), or when the
    older event falls after the later report was published."""
    if not open_ended(later) or (older.end - older.start).days > LATE_OLDER_SPAN_DAYS:
        return None
    if older.end > later.end:
        return None
    return max(0, (later.start - older.end).days)


def firm_gap(older: Profile, later: Profile) -> int | None:
    """Days between two reports that each date their event within two days (the later one not
    open-ended), the later one at least FOLLOW_UP_MIN_GAP_DAYS after the older and telling of
    what came after an event (Profile.follow_up); None otherwise. The older one may be
    open-ended: "last night" in an afternoon article is the eve or day of publication."""
    if not later.follow_up:
        return None
    return _firm_days(older, later)


def stale_gap(older: Profile, later: Profile) -> int | None:
    """Days between two firmly dated reports, the older-dated one published on or after the day
    the later one dates its event: it tells of an event days before its own publication, when
    the later event had already happened. News of a shooting comes within a day or two, so such
    a report is either a follow-up or a misread date (last week's "Monday" for this week's);
    None otherwise, or when the later report is itself stale (then it may be the follow-up)."""
    if older.published < later.start or (later.published - later.end).days >= FOLLOW_UP_MIN_GAP_DAYS:
        return None
    return _firm_days(older, later)


def _firm_days(older: Profile, later: Profile) -> int | None:
    """Days from the older to the later event when both are dated within two days, the later
    one firmly (not open-ended) and at least FOLLOW_UP_MIN_GAP_DAYS after; None otherwise."""
    if open_ended(later):
        return None
    if max((older.end - older.start).days, (later.end - later.start).days) > LATE_OLDER_SPAN_DAYS:
        return None
    gap = (later.start - older.end).days
    return gap if gap >= FOLLOW_UP_MIN_GAP_DAYS else None


def late_similarity(a: Profile, b: Profile, max_days: int) -> float:
    """A report with no firm date (open_ended) published up to `max_days` after an older report
    of the same settlement, read as the same kind of event with figures that do not contradict:
    a follow-up (an arrest, a funeral, a car found) on that event. 0 otherwise. The date score is
    low and fades with the gap; the place must be the same settlement (same GeoNames id, or the
    same unresolved name), never merely nearby."""
    return _follow_up_score(a, b, max_days, [late_gap(a, b), late_gap(b, a)])


def firm_follow_up_similarity(a: Profile, b: Profile, max_days: int) -> float:
    """Two firmly dated reports of a shooting or a killing (FOLLOW_UP_EVENT_TYPES) in the same
    settlement, 2 to `max_days` days apart, that agree as late_similarity demands. The later one
    is either a follow-up dated by its own news (an arrest "Monday", charges "Tuesday") or a new
    event in the same town, which this cannot tell apart: the deduplicator joins them only when
    the town has no other incident in its window. 0 otherwise."""
    if a.event_type not in FOLLOW_UP_EVENT_TYPES or b.event_type not in FOLLOW_UP_EVENT_TYPES:
        return 0.0
    return _follow_up_score(a, b, max_days, [firm_gap(a, b), firm_gap(b, a)])


def stale_similarity(a: Profile, b: Profile, max_days: int) -> float:
    """Two firmly dated reports of a shooting or a killing in the same settlement, 2 to
    `max_days` days apart, the older-dated one published after the later event (stale_gap), that
    agree as late_similarity demands; 0 otherwise. The fresh report's date is the event's; the
    deduplicator joins them only when the town has no other incident in its window."""
    if a.event_type not in FOLLOW_UP_EVENT_TYPES or b.event_type not in FOLLOW_UP_EVENT_TYPES:
        return 0.0
    return _follow_up_score(a, b, max_days, [stale_gap(a, b), stale_gap(b, a)])


def _follow_up_score(a: Profile, b: Profile, max_days: int, gaps_found: list[int | None]) -> float:
    """The late-report score of two reports `gaps_found` days apart (None: not a pair)."""
    if max_days <= 0:
        return 0.0
    gaps = [g for g in gaps_found if g is not None and g <= max_days]
    if not gaps:
        return 0.0
    key = settlement_key(a)
    if key is None or key != settlement_key(b):
        return 0.0
    kind = type_similarity(a, b)
    killed, hurt = figure_similarity(a.fatalities, b.fatalities), figure_similarity(a.injured, b.injured)
    min_type = LATE_MIN_TYPE if min(gaps) > LATE_CROSS_TYPE_DAYS else CROSS_TYPE_SCORE
    if kind < min_type or min(killed, hurt) < LATE_MIN_FIGURES:
        return 0.0
    day = LATE_DATE_SCORE * (1 - min(gaps) / (max_days + 1))
    return W_PLACE + W_DATE * day + W_TYPE * kind + W_CASUALTIES * (killed + hurt) / 2


def victim_similarity(a: Profile, b: Profile, max_days: int) -> float:
    """Two reports of a shooting or killing, or of the arrest after it (_VICTIM_SUB_TYPES), that
    give the same age of a victim or suspect ("a 6-year-old girl", "Malik Jones, 17,"), with
    figures that do not contradict: reports of the same people. Either of the same settlement
    up to `max_days` apart, whatever else each calls the event or dates by its own news (the car
    found, the charges), when the common age is a minor's or they share two (_telling); or of
    the same day (±1) at two places close by (VICTIM_NEAR_KM, a county and its town: a
    neighbourhood and its city, the town and the suburb next to it).
    Scored like a late report (the nearer the better); 0 otherwise."""
    common = set(a.ages) & set(b.ages)
    if max_days <= 0 or not common:
        return 0.0
    if a.sub_event_type not in _VICTIM_SUB_TYPES or b.sub_event_type not in _VICTIM_SUB_TYPES:
        return 0.0
    killed, hurt = figure_similarity(a.fatalities, b.fatalities), figure_similarity(a.injured, b.injured)
    if min(killed, hurt) < LATE_MIN_FIGURES and _victims(a, b) < LATE_MIN_FIGURES:
        return 0.0
    gap = day_gap(a, b)
    key = settlement_key(a)
    if key is not None and key == settlement_key(b):
        place = 1.0
    elif gap <= 1 and _near(a, b):
        place = COUNTY_TOWN_SCORE
    else:
        return 0.0
    if gap > max_days or gap > 1 and not _telling(common):
        return 0.0
    day = 1.0 if gap <= 1 else LATE_DATE_SCORE * (1 - gap / (max_days + 1))
    kind = max(type_similarity(a, b), LATE_MIN_TYPE)
    return W_PLACE * place + W_DATE * day + W_TYPE * kind + W_CASUALTIES * (killed + hurt) / 2


def _telling(common: set[int]) -> bool:
    """Ages that tell one story from another of the same town days apart: a minor's, or two."""
    return len(common) >= 2 or min(common) <= MINOR_AGE


def _victims(a: Profile, b: Profile) -> float:
    """How alike the counts of people shot are, dead and wounded together: "a 16-year-old shot"
    and, a day later, "a 16-year-old killed" are one victim whose toll grew."""
    if None in (a.fatalities, a.injured, b.fatalities, b.injured):
        return 0.0
    return figure_similarity((a.fatalities or 0) + (a.injured or 0), (b.fatalities or 0) + (b.injured or 0))


def _near(a: Place, b: Place) -> bool:
    """Two places of one first-level division, a county and a town in it or two points at most
    VICTIM_NEAR_KM apart."""
    if a.country_code != b.country_code or a.admin1 != b.admin1:
        return False
    if _holds(a, b) or _holds(b, a):
        return True
    if a.precision not in _SETTLEMENT or b.precision not in _SETTLEMENT:
        return False
    km = distance_km(a, b)
    return km is not None and km <= VICTIM_NEAR_KM


def read_twice(a: Profile, b: Profile) -> bool:
    """Two incidents one article yields that are one event, dated within a day of each other
    in one first-level division: a region or district and a town in it ("a shooting in Cook
    County" and "in Chicago"; "the Kharkiv region" and "Kupiansk"), or a shooting or killing
    (ONE_PLACE_EVENT_TYPES) and another place the story names beside it (where the victim was
    taken, lived or was arrested, the station's city), or one town's shooting and what came
    after it, days apart (same_story). Otherwise two towns, or one town on two days, may be
    two events of one article (strikes on two cities, a strike the night before) and stay
    apart."""
    if same_story(a, b):
        return True
    if "country" in (a.precision, b.precision) or day_gap(a, b) > 1:
        return False
    if a.country_code != b.country_code or a.admin1 is None or a.admin1 != b.admin1:
        return False
    if (a.precision in _AREA) != (b.precision in _AREA):
        return True
    kinds = {a.event_type, b.event_type}
    return bool(kinds & ONE_PLACE_EVENT_TYPES) and not kinds & _STRIKE_EVENT_TYPES


def same_story(a: Profile, b: Profile) -> bool:
    """One article's two readings of one settlement on different days, one of them a shooting
    or killing (ONE_PLACE_EVENT_TYPES) or an arrest: a local story tells one shooting and what
    came after it (the arrest, the charges, the victim's death days later), each dated by its
    own news. Strikes are left out (a town struck again the next night is a new event), and so
    are two clashes (fighting over a town on two days is two events) and tolls that contradict
    each other (a round-up of a city's shootings over a weekend)."""
    key = settlement_key(a)
    if key is None or key != settlement_key(b) or day_gap(a, b) > SAME_STORY_DAYS:
        return False
    kinds = {a.event_type, b.event_type}
    if kinds & _STRIKE_EVENT_TYPES or kinds == {"Battles"}:
        return False
    if min(figure_similarity(a.fatalities, b.fatalities), figure_similarity(a.injured, b.injured)) < LATE_MIN_FIGURES:
        return False  # a city's weekend of shootings, each with its own toll
    return any(p.event_type in ONE_PLACE_EVENT_TYPES or p.sub_event_type == "Arrests" for p in (a, b))


def day_gap(a: Profile, b: Profile) -> int:
    """Days between two date ranges; 0 when they overlap."""
    return max((b.start - a.end).days, (a.start - b.end).days, 0)


def date_similarity(a: Profile, b: Profile) -> float:
    """Overlapping dates match. One day apart matches weakly only when the reports were published
    on different days: relative dates ("ieri", "last night") read against different publication
    times are the usual cause. Same-day reports a day apart are two incidents (ACLED: one a day)."""
    gap = day_gap(a, b)
    if gap == 0:
        return 1.0
    return ADJACENT_DAY_SCORE if gap == 1 and a.published != b.published else 0.0


def type_similarity(a: Profile, b: Profile) -> float:
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if a.sub_event_type in _REMOTE and b.sub_event_type in _REMOTE:
        return 0.8
    if a.event_type == b.event_type:
        return 0.7
    if a.sub_event_type in _ARMED_VIOLENCE and b.sub_event_type in _ARMED_VIOLENCE:
        return CROSS_TYPE_SCORE
    return 0.2


def figure_similarity(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 0.7
    if a == b:
        return 1.0
    lo, hi = sorted((a, b))
    return 0.8 if hi == 0 or lo / hi >= 0.5 else 0.3


def profile_similarity(a: Profile, b: Profile) -> float:
    """0..1 for two member reports; 0 when they cannot be one incident (far apart, days apart)."""
    place = place_similarity(a, b)
    if place == 0.0:
        return 0.0
    day = date_similarity(a, b)
    if day == 0.0:
        return 0.0
    casualties = (figure_similarity(a.fatalities, b.fatalities) + figure_similarity(a.injured, b.injured)) / 2
    return W_PLACE * place + W_DATE * day + W_TYPE * type_similarity(a, b) + W_CASUALTIES * casualties


def conflicting(a: Profile, b: Profile) -> bool:
    """Two member reports that cannot describe one event whatever else agrees: different places,
    or dates two days or more apart. Two incidents with such members are never consolidated."""
    return place_similarity(a, b) == 0.0 or day_gap(a, b) >= 2


@dataclass(frozen=True)
class ClaimProfile:
    """What claim matching reads of a claim: its language, content, type, figures, the incidents
    it is about, and where its evidence sits (article, offset). Built from a stored revision's
    JSON without validating the whole record: the deduplicator compares a new claim with up to
    200 of its speaker's."""

    language: str | None
    content: str
    claim_type: str
    figures: frozenset[tuple[str, float]]
    places: frozenset[tuple[str, int]]
    about: tuple[str, ...]

    @classmethod
    def of(cls, claim: Claim) -> ClaimProfile:
        return cls(claim.language, claim.content, claim.claim_type,
                   frozenset((q.unit, q.value) for q in claim.quantities),
                   frozenset((e.article_id, e.char_start) for e in claim.evidence),
                   tuple(claim.about_incident_ids))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ClaimProfile:
        """From a revision stored as `Claim.model_dump(mode="json")`."""
        return cls(data.get("language"), data["content"], data["claim_type"],
                   frozenset((q["unit"], q["value"]) for q in data.get("quantities", [])),
                   frozenset((e["article_id"], e["char_start"]) for e in data.get("evidence", [])),
                   tuple(data.get("about_incident_ids", [])))


def claim_similarity(a: ClaimProfile, b: ClaimProfile, same_incident: bool = False,
                     meaning: Callable[[str, str], float] | None = None) -> float:
    """0..1 for two claims of one speaker: same figures, or content that says the same thing.
    Words in two languages cannot be compared: there, `meaning` (the cosine of two sentences'
    embeddings) decides between two statements of one type, with less of it needed when both
    are about one incident (`same_incident`: the caller resolves what each is about)."""
    units_a, units_b = {u for u, _ in a.figures}, {u for u, _ in b.figures}
    if units_a & units_b:
        # the same speaker giving a different figure for the same thing is a new claim
        return 0.9 if a.figures & b.figures else 0.0
    if a.language and a.language == b.language:
        return fuzz.token_set_ratio(a.content, b.content) / 100.0
    if meaning is None or a.claim_type != b.claim_type:
        return 0.0
    needed = CROSS_LINGUAL_SAME_INCIDENT_MEANING if same_incident else CROSS_LINGUAL_MEANING
    return CROSS_LINGUAL_SCORE if meaning(a.content, b.content) >= needed else 0.0


def another_claim_of_the_article(known: ClaimProfile, new: ClaimProfile) -> bool:
    """Two claims the extractor read at different places of one article are two statements,
    however alike their words (a speaker's "ten people died" and "the toll will rise"); the
    same place again is a redelivery, which must match to change nothing."""
    articles = {a for a, _ in new.places} & {a for a, _ in known.places}
    return bool(articles) and not new.places & known.places
