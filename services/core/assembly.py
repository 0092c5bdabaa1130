"""Incidents from one article's sentences: tie each event cue to its places, date and casualty figures, one incident per place, day and type."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

import regex
from anyascii import anyascii

from schemas.models import PRECISION_RANK
from services.core.actors import Actor, clause_subject, find_actors
from services.core.casualties import Casualties, Count, find_casualties
from services.core.dates import EventDate, default_event_date, resolve_dates
from services.core.demonyms import find_demonyms
from services.core.events import EventCue, classify_sentence, speaks_of_another_time
from services.core.gazetteer import Place, default_gazetteer, given_name_places
from services.core.landmarks import with_landmarks
from services.core.lexicon import LiteralFilter, compile_alternation, language_section, load_lexicon
from services.core.matching import haversine_km
from services.core.places import (
    PlaceMention,
    find_places,
    focus_prior,
    outlet_states,
    place_words_after,
    primary_place,
    site_words,
)
from services.core.sentences import Sentence

#: cue scores (events.py): at or below GENERIC a cue ("colpito", "attacks") never makes an
#: incident; below MIN it needs a casualty figure; below STRONG it yields to a stronger type
GENERIC_CUE_SCORE = 0.3
MIN_CUE_SCORE = 0.45
STRONG_CUE_SCORE = 0.6
# a date span this long ("last week") is a looked-back period, not the night between two days
RECALLED_SPAN_DAYS = 3
#: explicit dates older than this before publication are background, not news
BACKGROUND_AFTER_DAYS = 31
#: how far back an undated event of a follow-up article (charges, trial, funeral) may lie
FOLLOW_UP_DAYS = 31
#: a full article that yields nothing is read from its first sentences (headline included)
LEAD_REACH_SENTENCES = 5
#: a text of at most this many sentences is a brief (a wire flash, an analyst's one-liner)
BRIEF_SENTENCES = 3
#: a settlement this close to the centre of a city of BIG_CITY_POPULATION the article names is a
#: district of it (Solomyanka, Kyiv; East Flatbush, New York): ACLED and GVA code the city
BIG_CITY_POPULATION = 500_000
BIG_CITY_RADIUS_KM = 12.0
#: a district named beside a town with no raion to compare holds it when its centre is this close
DISTRICT_REACH_KM = 40.0
#: the cue score of what a brief observes without naming an attack (observations.json):
#: enough to report, below every lexicon cue, so such incidents carry a low confidence
OBSERVATION_SCORE = 0.35
#: the place score of a name the gazetteer does not know (lowers the incident's confidence)
UNRESOLVED_PLACE_SCORE = 0.2
#: when two types are read for one place and day, the earlier in this list names the incident:
#: the violent event before what surrounds it (an interception, an arrest, a truce talk)
_TYPE_PRECEDENCE = (
    "Air/drone strike",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Suicide bomb",
    "Chemical weapon",
    "Grenade",
    "Attack",
    "Armed clash",
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Sexual violence",
    "Abduction/forced disappearance",
    "Mob violence",
    "Violent demonstration",
    "Excessive force against protesters",
    "Protest with intervention",
    "Peaceful protest",
    "Looting/property destruction",
    "Arrests",
    "Non-violent transfer of territory",
    "Headquarters or base established",
    "Disrupted weapons use",
    "Change to group/activity",
    "Agreement",
    "Other",
)


_REMOTE_VIOLENCE = "Explosions/Remote violence"
_DIRECT_VIOLENCE = frozenset({"Battles", "Violence against civilians"})
#: a change of hands; ACLED's two readings are for a government retaking its own ground and for
#: a non-state group taking ground
_TERRITORY_TYPES = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


@dataclass
class IncidentDraft:
    place: PlaceMention
    date: EventDate
    cue: EventCue
    sentences: list[Sentence]
    weapons: set[str] = field(default_factory=set)
    fatalities: Count | None = None
    injured: Count | None = None
    actors: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    # the day the article reported it on, when that was first read as its date ("Ieri, 3 marzo, la
    # Giornata del lutto … Attacco di droni a Odessa"): figures given for that day are its own
    reported: EventDate | None = None

    @property
    def blocking_key(self) -> str:
        p = self.place.place
        return f"{p.country_code or '??'}/{p.admin1 or '-'}"

    @property
    def place_key(self) -> str:
        return _place_key(self.place)


# a toll read in a sentence: the sentence, the places it may go to, its date, dead, injured
_Toll = tuple[Sentence, list[PlaceMention], EventDate, Count | None, Count | None]


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    return frozenset(load_lexicon("capitals")["names"])


_METONYM_BEFORE = re.compile(
    r"(?:\b(?:di|of|da|by|from|dal|della|del|dello|de|du|with|con|blamed|accused|accusa|told|secondo|"
    r"according to|per|selon|según)\s+"
    r"|\b(?:ministry|ministero|ministère|ministerio|government|governo|embassy|ambasciata|kremlin|cremlino)"
    r"\s+(?:in|a|à|en)\s+)$",
    re.IGNORECASE,
)
# "Moscow-installed governor", "Kyiv-based", "the Odesa-Zaporizhzhia train": a place written
# into a compound word describes something else; it is not where the event happened.
_COMPOUND_AFTER = re.compile(r"[-‐–](?:[A-Z]|installed|backed|appointed|led|controlled|based|born|bound|"
                             r"occupied|held|friendly|made|area)", re.IGNORECASE)
_COMPOUND_BEFORE = re.compile(r"[A-Za-z][-‐–]$")
_COORDINATED = re.compile(r"^\s*(?:e|and|et|y|und|,)\s*$")
_METONYM_AFTER = re.compile(
    r"^(?:['’]s\b|\s*:|\s+(?:e|and|et|y|und)\s+[A-Z]\w+\s+(?:sono|are|sont|have|hanno)\b|\s*,?\s+(?:ha|hanno|è|continua|sostiene|afferma|dice|accusa|nega|risponde|chiede|vuole|"
    r"minaccia|says|said|has|have|is|was|announced|claims|claimed|accuses|accused|warns|warned|denies|"
    r"denied|responded|insists|wants|will|would|did|does|continues|commits|committed|regime|government|"
    r"authorities|officials|leadership|administration|governo|regime|autorità|carried|launched|"
    r"attacked|struck|fired|sent|shelled|targeted|staged|used|hit|riconquista|conquista|annuncia|"
    r"dichiara|respinge|lancia|rivendica|replica|avverte|reconquers|retakes|recaptures)\b)",
    re.IGNORECASE,
)

# "droni lanciati su Kiev, ha riferito l'amministrazione", "hit Kyiv, said the mayor": a verb of
# saying after a comma, with its subject after it, attributes the clause; the capital is no subject
_ATTRIBUTION_AFTER = re.compile(
    r"\s*,\s+(?:ha\s+|hanno\s+)?(?:riferito|detto|reso noto|affermato|dichiarato|annunciato|spiegato|"
    r"scritto|said|says|told|reported|announced|wrote)\s+(?:l['’]|il|lo|la|i|gli|le|the|(?:[a-z]\w*\s+){0,3}[A-Z])")


@dataclass(frozen=True)
class _ContextMarkers:
    background: regex.Pattern[str] | None
    # The background words' literals: most sentences hold none of them, and one plain
    # search tells (LiteralFilter follows re's case folding, which equates a superset of
    # what regex's does for these letters: it never rules out a sentence regex would match).
    background_filter: LiteralFilter | None
    # "in recent weeks", "dall'inizio della guerra": a whole sentence about a period, not a day
    period: regex.Pattern[str] | None
    period_filter: LiteralFilter | None
    # "загальні бойові втрати противника … склали": a General Staff's tally, a claim
    tally: regex.Pattern[str] | None
    alert: regex.Pattern[str] | None
    office_before: re.Pattern[str] | None
    office_after: re.Pattern[str] | None
    county_agency_after: re.Pattern[str] | None
    building_before: re.Pattern[str] | None
    building_after: re.Pattern[str] | None
    speaker_after: re.Pattern[str] | None
    # "alla base di Belaya, ha affermato": after a preposition of place a name is no subject
    locative_before: re.Pattern[str] | None
    # "l'attacco", "the strike": the article's event named again
    anaphora: regex.Pattern[str] | None
    # "the Olenya base near Murmansk": the words between a place and the town that is its address
    address_between: re.Pattern[str] | None
    # a negation or denial ("non", "smentita", "denied") in a sentence whose capture the events
    # reader flags: a denied capture, not a hypothetical one ("nel tentativo di conquistare")
    denial: regex.Pattern[str] | None
    follow_up: regex.Pattern[str] | None
    linked_arrest: regex.Pattern[str] | None
    caption: regex.Pattern[str] | None
    literal_before: re.Pattern[str] | None
    reference_before: re.Pattern[str] | None
    building_name_after: re.Pattern[str] | None
    building_name_before: re.Pattern[str] | None
    elsewhere_before: re.Pattern[str] | None
    # "The incident happened Oct. 4": a sentence that dates the event with no event word
    event_day: regex.Pattern[str] | None

    def alerts(self, text: str) -> bool:
        """An air raid alert or warning ("allarme aereo", "повітряна тривога"): not an attack."""
        return self.alert is not None and self.alert.search(text) is not None

    def tallies(self, text: str) -> bool:
        """A tally of a period's losses ("втрати противника за добу", "потери ВСУ за сутки
        составили"): figures claimed, no incident, and no weapon they count was used today."""
        return self.tally is not None and self.tally.search(text) is not None


_OFFICE_LINK = (r"\s+(?:(?:of|di|del|della|dello|dell['’]|de|du|des|de la|del|für|the)\s*)+"
                r"(?:(?:regione|region|oblast|città|city|provincia|province|région|región|comune|"
                r"municipality)\s+(?:di|of|de|du|del)\s+)?$")


def _words(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@lru_cache(maxsize=16)
def _context_markers(language: str) -> _ContextMarkers:
    section = language_section("context_markers", language)

    def anywhere(key: str) -> regex.Pattern[str] | None:
        words = section.get(key) or []
        return compile_alternation(words) if words else None

    before = section.get("office_before") or []
    after = section.get("office_after") or []
    speaks = section.get("speaker_after") or []
    locative = section.get("locative_before") or []
    address = section.get("address_between") or []
    building = section.get("office_building") or []
    agencies = section.get("county_agency_after") or []
    names_after = section.get("building_name_after") or []
    names_before = section.get("building_name_before") or []
    literal = section.get("literal_before") or []
    reference = section.get("reference_before") or []
    elsewhere = section.get("elsewhere_before") or []
    return _ContextMarkers(
        background=anywhere("background"),
        background_filter=LiteralFilter.build(section.get("background") or [], ignore_case=True),
        period=anywhere("period"),
        period_filter=LiteralFilter.build(section.get("period") or [], ignore_case=True),
        tally=anywhere("tally"),
        alert=anywhere("alert"),
        office_before=re.compile(rf"(?<!\w)(?:{_words(before)}){_OFFICE_LINK}", re.IGNORECASE) if before else None,
        office_after=re.compile(rf"^\s+(?:{_words(after)})(?!\w)", re.IGNORECASE) if after else None,
        # case-sensitive: the agency's name is capitalised ("the Harris County Sheriff's Office")
        county_agency_after=re.compile(rf"\s+(?:{_words(agencies)})\b") if agencies else None,
        building_before=re.compile(
            rf"(?<!\w)(?:{_words(building)})\s+(?:(?:of|di|del|della|dell['’]|de|du|des)\s*)?(?:the\s+)?$",
            re.IGNORECASE) if building else None,
        building_after=re.compile(rf"^\s*(?:{_words(building)})(?!\w)", re.IGNORECASE) if building else None,
        # uk/ru put the cue after a comma that closes the content ("… Петропавловка, сообщили в
        # Минобороны"): there only a place right before the verb is its subject.
        speaker_after=re.compile(
            rf"^\s*{'' if language in _CUE_AFTER_COMMA else ',?'}\s+(?:{_words(speaks)})(?!\w)"
        ) if speaks else None,
        denial=_denial(language),
        anaphora=anywhere("anaphora"),
        address_between=re.compile(rf"\s+(?:{_words(address)})\s+", re.IGNORECASE) if address else None,
        locative_before=re.compile(rf"(?<!\w)(?:{_words(locative)})\s*$", re.IGNORECASE) if locative else None,
        follow_up=anywhere("follow_up"),
        linked_arrest=anywhere("linked_arrest"),
        caption=compile_alternation([f"^(?:{c})" for c in section.get("caption") or []]) if section.get("caption") else None,
        literal_before=re.compile(
            rf"(?<!\w)(?:{_words(literal)})\s+(?:(?:of|di|del|della|dal|from|da|de|du|des|von)\s+)?(?:the\s+)?$",
            re.IGNORECASE) if literal else None,
        reference_before=re.compile(_words(reference), re.IGNORECASE) if reference else None,
        # case-sensitive: the building noun is part of the proper name ("Druzhba Hotel")
        building_name_after=re.compile(rf"(?:\s*\([^)]{{1,40}}\))?\s+(?:{_words(names_after)})(?!\w)")
        if names_after else None,
        building_name_before=re.compile(rf"(?<!\w)(?:{_words(names_before)})\s+$", re.IGNORECASE)
        if names_before else None,
        elsewhere_before=re.compile(_words(elsewhere), re.IGNORECASE) if elsewhere else None,
        event_day=anywhere("event_day"),
    )


def _denial(language: str) -> regex.Pattern[str] | None:
    modality = language_section("event_triggers", language).get("modality") or {}
    words = list(modality.get("negation") or []) + list(modality.get("denied_after") or [])
    return compile_alternation(words) if words else None


def _in_compound(text: str, mention: PlaceMention) -> bool:
    return bool(_COMPOUND_AFTER.match(text, mention.end) or _COMPOUND_BEFORE.search(text, max(0, mention.start - 2), mention.start))


def _preceded_by(marker: re.Pattern[str] | None, text: str, mention: PlaceMention) -> bool:
    """The words right before a place match `marker`: a reference point ("540 kilometers west
    of Kyiv"), where the wounded were taken ("St. Mary's Hospital in Evansville") or where a
    victim comes from ("Whitaker, from Nortonville")."""
    return marker is not None and marker.search(text, max(0, mention.start - 80), mention.start) is not None


_COUNTY_WORDS = (" County", " Parish")


_CUE_AFTER_COMMA = frozenset({"uk", "ru"})


def _names_an_office(text: str, mention: PlaceMention, markers: _ContextMarkers) -> bool:
    """A place named as somebody's office ("il governatore di Donetsk", "Kharkiv Oblast
    Governor", "the mayor of Lviv") says who speaks, not where anything happened."""
    before = text[max(0, mention.start - 60) : mention.start]
    office = markers.office_before.search(before) if markers.office_before is not None else None
    if office is not None:
        return not _office_building(markers.building_before, before[: office.start()])
    after = text[mention.end : mention.end + 40]
    if markers.speaker_after is not None and markers.speaker_after.match(after) and not (
        markers.locative_before is not None and markers.locative_before.search(before)
    ) and not _OBLAST_NAMED.search(mention.text) and not _ATTRIBUTION_AFTER.match(text, mention.end):
        # (", said governor Serhiy Lysak": the verb has its own subject after it)
        # (a region named with its noun speaks for nobody: "… Белгородской областей, сообщили")
        # "Sadovyi a déclaré": a person (or a city speaking for its government); but "descrivendo
        # l'attacco alla base di Belaya, ha affermato" names where, and the subject is elsewhere
        return True
    office = markers.office_after.match(after) if markers.office_after is not None else None
    if office is None and mention.text.endswith(_COUNTY_WORDS):
        # "the Harris County Sheriff's Office", "Allegheny County Jail": a county's agency
        office = markers.county_agency_after.match(after) if markers.county_agency_after is not None else None
    return office is not None and not _office_building(markers.building_after, after[office.end():])



def _office_building(building: re.Pattern[str] | None, words: str) -> bool:
    """"L'edificio dell'amministrazione regionale di Mykolaiv", "the Kharkiv regional
    administration building": the office's building, which stands in that town and is where a
    strike on it happened."""
    return building is not None and building.search(words) is not None


def _background_from(sentence: Sentence, markers: _ContextMarkers) -> int | None:
    """Where a sentence starts looking back ("This attack comes a day after missiles hit
    Poltava"): places after that offset are context, not where this news happened."""
    if markers.background is None:
        return None
    if markers.background_filter is not None and not markers.background_filter.may_match(sentence.text):
        return None
    m = markers.background.search(sentence.text)
    return sentence.start + m.start() if m else None


def _about_a_period(sentence: Sentence, markers: _ContextMarkers) -> bool:
    """A sentence about a period, not a day ("Zaporizhzhia has come under increasing bombardment
    in recent weeks", "dall'inizio della guerra"): a trend, neither an incident nor evidence of
    one (no place, weapon or toll of it goes to today's news)."""
    if markers.period is None:
        return False
    if markers.period_filter is not None and not markers.period_filter.may_match(sentence.text):
        return False
    return markers.period.search(sentence.text) is not None


def _is_metonym(text: str, mention: PlaceMention, markers: _ContextMarkers,
                places: list[PlaceMention]) -> bool:
    """A capital city standing for its government: "gli attacchi di Mosca", "Kiev continua a
    resistere", "Moscow said". A capital in any other position, or after a noun of place ("the
    streets of Athens", "la periferia di Kiev"), is a place."""
    if mention.described or mention.place.kind != "settlement" or mention.place.name not in _capitals():
        return False
    before = text[max(0, mention.start - 40) : mention.start]
    if markers.literal_before is not None and markers.literal_before.search(before):
        return False
    site = _possessive_of_a_site().match(text, mention.end)
    if site is not None and not any(mention.end < p.start < site.end() for p in places):
        # (a named place inside it, "Moscow's Vnukovo airport", is where; the capital only
        # says where that lies)
        return False
    if _force_in().search(before):
        return False  # "Police in Tbilisi used tear gas": the police act, in the city
    after = text[mention.end : mention.end + 20]
    return bool(_METONYM_BEFORE.search(before[-24:])
                or (_METONYM_AFTER.match(after) and not _ATTRIBUTION_AFTER.match(text, mention.end)))


@lru_cache(maxsize=1)
def _force_in() -> re.Pattern[str]:
    forces = "|".join(load_lexicon("capitals")["acting_in"])
    return re.compile(rf"\b(?:{forces})\s+(?:in|at|nel|nella|a)\s+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _possessive_of_a_site() -> re.Pattern[str]:
    """"Kyiv's Darnytskyi district", "Moscow's Vnukovo airport", "Kyiv's outskirts": a capital's
    possessive before a part of the town is the town itself, not its government ("Kyiv's
    decision")."""
    nouns = "|".join(sorted(site_words() | {"outskirts", "suburbs", "centre", "center"}, key=len, reverse=True))
    return re.compile(rf"['’]s\s+(?:[A-ZА-ЯЁІЇЄҐ][\w'’-]+\s+){{0,2}}(?:{nouns})\b")


_CAPITALISED = re.compile(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]+")


def _short_names_of_facilities(places: list[PlaceMention]) -> list[PlaceMention]:
    """"L'aeroporto russo di Belaya … gli aeroporti di Dyagilev, Olenya, Ivanovo, Belaya": a facility
    named in full once (an air base read as the town it stands by, Sredniy) and later by its own
    name alone is that facility, not a namesake village in another region (Belaya, Kursk)."""
    facilities: dict[str, PlaceMention] = {}
    for p in places:
        if " " not in p.text or not (_names_a_settlement(p) or p.precision == "point"):
            continue
        own = {w.casefold() for w in _CAPITALISED.findall(p.place.name)}
        for word in _CAPITALISED.findall(p.text):
            if word.casefold() not in own:
                facilities.setdefault(word, p)
    if not facilities:
        return places
    out: list[PlaceMention] = []
    for m in places:
        full = facilities.get(m.text)
        if full is not None and (m.place.country_code, m.place.admin1) != (full.place.country_code, full.place.admin1):
            m = replace(m, place=full.place, precision=full.precision)
        out.append(m)
    return out


def _within_big_cities(places: list[PlaceMention]) -> list[PlaceMention]:
    """Districts and enclaves of a big city the article names are that city; a place as big as a
    city itself (Brooklyn beside New York, Giza beside Cairo) keeps its own name."""
    cities = {(p.place.name, p.place.lat, p.place.lon): p for p in places
              if p.place.kind == "settlement" and p.place.population >= BIG_CITY_POPULATION
              and p.place.lat is not None and p.place.lon is not None}
    if not cities:
        return places
    out: list[PlaceMention] = []
    for m in places:
        p = m.place
        if p.kind == "settlement" and p.lat is not None and p.lon is not None and p.population < BIG_CITY_POPULATION:
            around = [c for c in cities.values() if c.place.country_code == p.country_code
                      and c.place.population > p.population and c.place.lat is not None
                      and c.place.lon is not None
                      and haversine_km(p.lat, p.lon, c.place.lat, c.place.lon) <= BIG_CITY_RADIUS_KM]
            if around:
                city = around[0]
                m = PlaceMention(m.text, m.start, m.end, city.place, city.precision, m.score, m.after_preposition)
        out.append(m)
    return out


def _without_foreign_lookalikes(places: list[PlaceMention]) -> list[PlaceMention]:
    """"Shantai Hale" read as Galle, Sri Lanka, "Dion Lofton" as Dijon: a name matched only
    through a transliteration fold, in a country the article names nowhere else, while its
    other places lie in one other country, is a word or a person, not a place abroad. (Exact
    names, and look-alikes in a country the text does name, "Leopoli" beside "Ucraina", stay.)"""
    countries = [p.place.country_code for p in places]
    if len(set(countries)) < 2:
        return places  # one country throughout: nothing lies abroad
    out: list[PlaceMention] = []
    for p in places:
        others = {c for q, c in zip(places, countries) if q is not p and q.text != p.text}
        home = [c for q, c in zip(places, countries) if q is not p and c != p.place.country_code]
        # (a county coded at its seat keeps its own name as admin2; "the Ukrainian capital" is
        # written as a description, not as a look-alike name)
        if (p.place.country_code not in others and len(others) == 1 and len(home) >= 2
                and _plain(p.text) not in (_plain(p.place.name), _plain(p.place.admin2 or ""))
                and not p.described):
            continue
        out.append(p)
    return out


# "Mary Knowlton", "Dion Lofton Jr.": a capitalised word right after a name
_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z'’]+)(?!\w)")


def _read_as_first_name(text: str, p: PlaceMention) -> bool:
    """A first name that is also a place ("Mary", "Charlotte") or a name matched only through a
    transliteration fold ("Dion" as Dijon), followed by a capitalised word that is no place
    word: a person's name ("Mary Knowlton", "Dion Lofton")."""
    word = p.text.lower()
    if " " in word or not (word in given_name_places() or _plain(p.text) != _plain(p.place.name)):
        return False
    m = _NAME_AFTER.match(text, p.end)
    return m is not None and m.group(1).lower() not in place_words_after()


def _without_first_names(text: str, places: list[PlaceMention]) -> list[PlaceMention]:
    """"Mary Knowlton" in a Florida story read as Mary, Turkmenistan; "Charlotte Manow" in a
    Texas one as Charlotte, North Carolina: a first name before a surname (`_read_as_first_name`)
    whose place lies in a country, or a US state, that none of the text's other places (two at
    least) lie in is the person, and so is the name alone elsewhere in the text ("Dion was
    shot")."""
    persons: set[str] = set()
    for p in places:
        word = p.text.lower()
        if word in persons or not _read_as_first_name(text, p):
            continue
        others = [q.place for q in places if q.text.lower() != word]
        here = p.place
        abroad = here.country_code not in {q.country_code for q in others}
        states = {q.admin1 for q in others if q.country_code == "US" and q.admin1}
        elsewhere = here.country_code == "US" and bool(states) and here.admin1 not in states
        # with no other place to weigh it against, a first name that names a place is still
        # the person ("Charlotte Manow stands with her children"); a folded spelling is not
        # ("Zaporozhye Aluminum Combine")
        if (not others and word in given_name_places()) or (len(others) >= 2 and (abroad or elsewhere)):
            persons.add(word)
    return [p for p in places if p.text.lower() not in persons] if persons else places


def _without_stray_counties(places: list[PlaceMention], outlet: frozenset[str] = frozenset()
                            ) -> list[PlaceMention]:
    """"Shannon County" in a Missouri story read as Shannon, Georgia: a county resolved to a
    namesake in a state the article names nowhere else, while its other places lie in one other
    state, is dropped rather than misplaced."""
    out: list[PlaceMention] = []
    for p in places:
        if p.text.endswith(_COUNTY_WORDS):
            states = {q.place.admin1 for q in places if q is not p and q.place.country_code == p.place.country_code
                      and q.place.admin1 and not q.text.endswith(_COUNTY_WORDS)}
            # A county in the outlet's state ("Marion County" in a Marshall, Texas paper) stands.
            if len(states) == 1 and p.place.admin1 not in states and p.place.admin1 not in outlet:
                continue
        out.append(p)
    return out


def _plain(name: str) -> str:
    return _NOT_ALNUM.sub("", anyascii(name).lower())


_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def _event_places(text: str, places: list[PlaceMention], markers: _ContextMarkers,
                  references: bool = True) -> list[PlaceMention]:
    """The places an event sentence can be located at: the most precise level present.
    `references`: fall back on a place named only as a reference point ("90 km south of
    Bosaso") when the sentence names no other."""
    metonyms = [p for p in places if _is_metonym(text, p, markers, places)]
    # "da Kiev e Washington": a capital joined to a capital standing for its government
    # stands for its own government too.
    for p in places:
        if p not in metonyms and p.place.name in _capitals() and any(
            _COORDINATED.match(text[min(p.end, m.end) : max(p.start, m.start)]) for m in metonyms
        ):
            metonyms.append(p)
    usable = [p for p in places if p not in metonyms and not _names_an_office(text, p, markers)
              and not _in_compound(text, p) and not _preceded_by(markers.elsewhere_before, text, p)]
    # "540 km west of Kyiv": the town measured from is where the event is only when the text
    # names no other place (ACLED codes the nearest known town then).
    # "The Druzhba (Friendship) Hotel in the centre of Pokrovsk": a building named after a place
    # stands anywhere; like a reference point, its name locates an event only as a last resort.
    usable = [p for p in usable if not _preceded_by(markers.reference_before, text, p)
              and not _names_a_building(text, p, markers)] or (usable if references else [])
    if not usable:
        return []
    usable = _without_addresses(text, usable, markers)
    towns = [p for p in usable if _names_a_settlement(p)]
    if towns:
        # "Il villaggio di Kozinka è stato colpito … Il distretto di Sebekino è stato colpito 106
        # volte": a raion named after its centre that holds none of the named towns is a place
        # of its own (a county in a dateline is not: "MIAMI-DADE COUNTY, Fla. - … in Hollywood")
        return [p for p in usable if _names_a_settlement(p) or (
            p.precision == "district" and p.place.kind == "settlement"
            and not any(_inside(t.place, p) for t in towns))]
    best = min(PRECISION_RANK[p.precision] for p in usable)
    return [p for p in usable if PRECISION_RANK[p.precision] == best]


def _without_addresses(text: str, places: list[PlaceMention], markers: _ContextMarkers) -> list[PlaceMention]:
    """"The Belaya airbase in Irkutsk", "the Olenya base near Murmansk": a town of the same region
    named right after a town or landmark, with only a word of place between, says where that one
    lies; the event is at the first, the most precise place the text gives."""
    between = markers.address_between
    if between is None or len(places) < 2:
        return places
    out: list[PlaceMention] = []
    for i, p in enumerate(places):
        before = places[i - 1] if i else None
        if (before is not None and _names_a_settlement(p) and (_names_a_settlement(before) or before.precision == "point")
                and _place_key(before) != _place_key(p) and between.fullmatch(text, before.end, p.start)
                # an address lies in the same region ("named after Zhukovsky in Kharkiv" is a person)
                and (before.place.country_code, before.place.admin1) == (p.place.country_code, p.place.admin1)):
            continue
        out.append(p)
    return out


def _inside(town: Place, area: PlaceMention) -> bool:
    """Whether a named town lies in a district the same sentence names: by its raion, else by
    distance from the district's centre."""
    where = area.place
    if town.country_code != where.country_code:
        return False
    if town.admin2 and where.admin2:
        return town.admin2 == where.admin2
    if town.lat is None or town.lon is None or where.lat is None or where.lon is None:
        return True
    return haversine_km(town.lat, town.lon, where.lat, where.lon) <= DISTRICT_REACH_KM


def _names_a_building(text: str, p: PlaceMention, markers: _ContextMarkers) -> bool:
    after, before = markers.building_name_after, markers.building_name_before
    return bool((after is not None and after.match(text, p.end))
                or (before is not None and before.search(text, max(0, p.start - 30), p.start)))


def _names_a_settlement(p: PlaceMention) -> bool:
    """A town or village as such: not a raion named after its centre ("distretto di Chuhuiv"),
    though possibly one whose coordinates are borrowed from its hromada (precision district)."""
    return p.place.kind == "settlement" and (p.precision in ("point", "settlement") or p.place.approximate)


def _nearest_cue(cues: list[EventCue], place: PlaceMention, offset: int) -> EventCue:
    """The cue that governs a place: the nearest one before it, else the nearest after it. Of
    two overlapping cues the stronger stands ("hanno respinto 54 attacchi russi": repelled
    attacks, a clash, not the shelling "attacchi russi" alone would suggest)."""
    cues = [c for c in cues if not any(o.score > c.score and o.start < c.end and c.start < o.end
                                       for o in cues)] or cues
    pos = place.start - offset
    before = [c for c in cues if c.end <= pos]
    if before:
        return max(before, key=lambda c: c.end)
    return min(cues, key=lambda c: abs(c.start - pos))


def _sharpest(dates: list[EventDate], at: tuple[int, int] | None = None) -> EventDate:
    """A sentence's first date, or a day it names inside that month: "arrested in late February
    in connection with a shooting on Wednesday, Feb. 17" dates the shooting to the day. A day
    that names the event comes first: "pleaded guilty Friday in the Oct. 14 murder". Given the
    span `at` of the event word, the date nearest it: "i funerali oggi delle persone uccise sabato
    da un attacco di droni" dates the attack to Saturday, not the funeral's day; "said on Tuesday
    that the toll from the strike on Sunday" to Sunday."""
    named = [d for d in dates if d.role == "event" and d.precision in ("day", "range")]
    if named:
        return named[0]
    first = dates[0]
    if at is not None and len(dates) > 1:
        first = min(dates, key=lambda d: _gap(d, at))
    if first.precision == "month":
        for d in dates[1:]:
            if d.precision == "day" and first.start <= d.start <= first.end:
                return d
    return first


def _gap(d: EventDate, span: tuple[int, int]) -> int:
    """Characters between a date's words and a span of its sentence."""
    start, end = d.start_char or 0, d.end_char or 0
    return max(start - span[1], span[0] - end, 0)


def _overlaps(a: EventDate, b: EventDate) -> bool:
    return a.start <= b.end and b.start <= a.end


def _day_key(d: EventDate) -> tuple[date, date]:
    return (d.start, d.end)


def assemble_incidents(
    text: str, sentences: list[Sentence], language: str, published_at: datetime,
    source: str | None = None, url: str | None = None,
) -> list[IncidentDraft]:
    places_found = find_places(text, language, source=source, url=url)
    places = _without_stray_counties(_without_foreign_lookalikes(_without_first_names(
        text, _within_big_cities(_short_names_of_facilities(with_landmarks(text, places_found))))),
        outlet_states(source, url) if source or url else frozenset())
    places = _villages_in_their_raions(text, places, language)
    markers = _context_markers(language)
    default_date = _undated_event_date(sentences, markers, published_at)
    drafts: dict[tuple[str, tuple[date, date], str], IncidentDraft] = {}
    pending_casualties: list[_Toll] = []
    # tolls beside a cue that names no place, each with whether the sentence dates itself
    placeless: list[tuple[_Toll, bool]] = []
    focus: dict[int, list[PlaceMention]] = {}
    dates_of: dict[int, list[EventDate]] = {}
    read: list[tuple[EventCue, int]] = []  # every usable cue, with its sentence index
    denied_captures: set[str] = set()  # places whose capture the article reports as denied
    # in a brief, the headline and the body tell one event
    elsewhen_in_body = _other_time_kinds(sentences, language) if len(sentences) <= BRIEF_SENTENCES else frozenset()

    def own_dates(i: int) -> list[EventDate]:
        """The dates sentence `i` names, resolved lazily: most sentences report no event and
        need no date."""
        if i not in dates_of:
            dates_of[i] = resolve_dates(sentences[i].text, published_at, language)
        return dates_of[i]

    def event_date(index: int, at: tuple[int, int] | None = None) -> EventDate:
        """The sentence's own date (the one nearest the cue at span `at` in it, when given),
        else the latest one earlier in its paragraph, else the default."""
        paragraph = sentences[index].paragraph
        for i in range(index, -1, -1):
            if sentences[i].paragraph != paragraph:
                break
            if own_dates(i):
                return _sharpest(own_dates(i), at if i == index else None)
        return default_date

    for index, sentence in enumerate(sentences):
        if _about_a_period(sentence, markers) or markers.tallies(sentence.text):
            continue
        in_sentence = [p for p in places if sentence.start <= p.start < sentence.end]
        looking_back = _background_from(sentence, markers)
        current = in_sentence if looking_back is None else [p for p in in_sentence if p.start < looking_back]
        strict = _event_places(text, current, markers, references=False)
        located = strict or _event_places(text, current, markers)
        if strict and strict[0].precision != "country":
            focus[sentence.paragraph] = strict
        casualties = find_casualties(sentence.text, language)
        has_figures = casualties.fatalities is not None or casualties.injured is not None
        # A bare "attacco"/"attack" names no incident, unless the sentence counts its victims.
        read_here = classify_sentence(sentence.text, language)
        cues = [
            c for c in read_here
            if not c.negated_or_hypothetical and (c.score > GENERIC_CUE_SCORE or has_figures)
            and not (sentence.paragraph == 0 and _kind(c) in elsewhen_in_body)
        ]
        if located and markers.denial is not None and any(
            c.negated_or_hypothetical and c.sub_event_type in _TERRITORY_TYPES for c in read_here
        ) and markers.denial.search(sentence.text):
            # "ha annunciato la conquista di Soledar, ma la notizia è stata smentita": wherever the
            # article repeats that capture ("hanno preso il controllo di Soledar ieri sera"), it
            # repeats the claim it reports as denied
            denied_captures.update(_place_key(p) for p in located)
        if cues and markers.alerts(sentence.text):
            cues = []  # "air raid alert in Kyiv": a warning, not an attack
        if not cues and located:
            cues = _named_again(sentence.text, read, markers)
        read.extend((c, index) for c in cues)
        targets = strict or focus.get(sentence.paragraph) or located
        strong = any(c.score >= STRONG_CUE_SCORE for c in cues)
        if strong and (not targets or all(t.precision == "country" for t in targets)):
            unresolved = _unresolved_places(sentence, in_sentence, language, looking_back, places)
            if unresolved:
                # the village the gazetteer does not know is the paragraph's place as a known one
                # would be: the toll its next sentence gives ("Мужчина погиб на месте") is its own
                targets = focus[sentence.paragraph] = unresolved
        if targets and all(t.precision == "country" for t in targets) and not strong:
            targets = []
        # "Minor damage, but nobody was injured": a statement that nobody was hurt, beside an
        # event that names no place, holds for the incidents the article reports
        nobody_hurt = _is_zero(casualties.fatalities) and _is_zero(casualties.injured)
        if not cues or (not targets and nobody_hurt):
            if casualties.fatalities or casualties.injured:
                # a toll is never counted at a reference point ("died at a hospital in X")
                toll_at = strict or focus.get(sentence.paragraph, [])
                pending_casualties.append(
                    (sentence, toll_at, event_date(index), casualties.fatalities, casualties.injured)
                )
            continue
        if not targets:
            if casualties.fatalities or casualties.injured:
                # "Dopo l'attacco … 11 morti": a toll beside a cue that names no place is the
                # article's only incident's, as it would be without the cue, unless the sentence
                # dates it another day ("bombardearon el lunes …, matando a 11")
                own = own_dates(index)[0] if own_dates(index) else None
                toll: _Toll = (sentence, [], own or event_date(index), casualties.fatalities, casualties.injured)
                placeless.append((toll, own is not None))
            continue
        actors = find_actors(sentence.text, language)
        single = len(targets) == 1
        counted = _place_nearest_to_casualties(targets, casualties, sentence.start)
        for place in targets:
            cue = _nearest_cue(cues, place, sentence.start) if located else max(cues, key=lambda c: c.score)
            when = event_date(index, (cue.start, cue.end))
            key = (_place_key(place), _day_key(when), cue.sub_event_type)
            draft = drafts.get(key)
            if draft is None:
                draft = drafts[key] = IncidentDraft(place=place, date=when, sentences=[],
                                                    cue=_as_fought(cue, place, sentence.text, language))
            if sentence not in draft.sentences:
                draft.sentences.append(sentence)
            draft.weapons |= {w for c in cues for w in c.weapons} if single else set(cue.weapons)
            draft.civilian_targeting |= cue.civilian_targeting
            draft.actors.extend(a for a in actors if a not in draft.actors)
            # "attacks on airfields in Ivanovo, Ryazan and Amur … No casualties were reported":
            # a statement that nobody was hurt holds for every place the sentence names
            if place is counted or nobody_hurt:
                draft.fatalities = draft.fatalities or casualties.fatalities
                draft.injured = draft.injured or casualties.injured

    kept = [d for (where, _, sub), d in drafts.items() if not (sub in _TERRITORY_TYPES and where in denied_captures)]
    merged = _fold_undated(_merge_same_place_and_day(kept), default_date, published_at)
    merged = _fold_follow_up_arrests(_fold_reporting_days(merged), markers)
    _fought_between_states(merged)
    merged = _one_agreement_of_the_parties(merged)
    _tolls_of_the_strikes(merged, read, language)
    merged = _fold_captions(merged, markers)
    pending_casualties.extend(toll for toll, dated in placeless
                              if not dated or len(merged) != 1 or _overlaps(merged[0].date, toll[2]))
    _place_tolls(pending_casualties, merged)
    brief = len(sentences) <= BRIEF_SENTENCES
    if brief:
        # A brief is read whole as well: "G20 protests ... This part of town was the scene of
        # escalating violence" is a violent demonstration though no one sentence says so.
        # an alert sentence is a warning in the whole reading too ("air raid alert over the
        # threat of a drone attack"), and so is a tally of losses ("втрати противника")
        whole = " ".join(s.text for s in sentences
                         if not markers.alerts(s.text) and not markers.tallies(s.text))
        read.extend((c, 0) for c in classify_sentence(whole, language)
                    if not c.negated_or_hypothetical and c.score > GENERIC_CUE_SCORE)
        # named by its strongest reading before it is judged: "An angry mob vandalized temples
        # and attacked property in Bangladesh" is mob violence there, not a weak "attacked"
        merged = _read_as_brief(merged, read)
    reportable = _without_recalled_weeks([d for d in merged if _is_reportable(d, published_at, brief)])
    if brief:
        if not reportable and (read or not elsewhen_in_body):
            # (a brief that tells its one event as planned or recalled, "sentenced … for killing a
            # civilian in February 2022", observes nothing of today in its headline either)
            found = _brief_fallback(text, sentences, places, language, markers, read, event_date,
                                    unknown_places=True)
            # The brief has nothing else to report: its weak reading is all there is.
            reportable = [found] if found and not _is_background(found, published_at, brief) else []
            # the figures the brief gives in sentences of their own are its incident's
            _place_tolls(pending_casualties, reportable)
    elif not reportable:
        # A full article whose event and place never met in one sentence: its headline and lead
        # are a brief of it ("Russian forces hit Mykolaiv's regional administration building").
        lead = [s for s in sentences if s.paragraph <= sentences[0].paragraph + 1][:BRIEF_SENTENCES]
        lead_cues = [(c, i) for c, i in read if i < len(lead)]
        lead_places = [p for p in places if p.start < lead[-1].end]
        reach = not lead_cues and lead_places and not any(classify_sentence(s.text, language) for s in lead)
        if reach:
            # a headline and lead in words the lexicon reads no event in ("Father saves son, kills
            # intruder in Lemon Grove"): the event at the place they name is what the next
            # sentences report
            lead_cues = [(c, i) for c, i in read if i < LEAD_REACH_SENTENCES]
        found = _brief_fallback(text, lead, lead_places, language, markers, lead_cues, event_date) if lead_cues else None
        if lead_cues and not reach and (found is None or _abroad_of_all(found.place, places)):
            # the lead reports the event; the place comes further down ("officers responded to
            # a home in Lithonia")
            found = _brief_fallback(text, sentences, places, language, markers, lead_cues, event_date)
        reportable = [found] if found and _is_reportable_lead(found, published_at) else []
        # "Three injured, one dead in shooting" read as the headline's incident: its figures too
        _place_tolls(pending_casualties, reportable)
    if len(sentences) > BRIEF_SENTENCES or any(d.place.precision != "country" for d in reportable):
        # A whole country is the place only of a brief report that names nothing finer; in a
        # full article a country alone is context ("sanzioni alla Russia"), not a location.
        reportable = [d for d in reportable if d.place.precision != "country"]
    if any(d.cue.score >= STRONG_CUE_SCORE for d in reportable):
        # Beside a clearly reported event, a weak cue without figures elsewhere ("damaged",
        # "killed" in a background sentence) is context, not another incident.
        reportable = [d for d in reportable if d.cue.score >= STRONG_CUE_SCORE
                      or d.fatalities is not None or d.injured is not None]
    reportable = _dated_by_the_text(_one_state_story(reportable, places), merged)
    reportable = _without_criminal_arrests(reportable, markers)

    def shooting_days() -> list[EventDate]:
        cued = {i for c, i in read if c.sub_event_type in _SHOOTING}
        days = []
        for i, sentence in enumerate(sentences):
            if i in cued:
                usable = [d for d in own_dates(i) if d.role != "development"]
            elif markers.event_day is not None and markers.event_day.search(sentence.text):
                # a day that names the event ("the incident happened Oct. 4") needs no cue beside it
                usable = [d for d in own_dates(i) if d.role == "event"]
            else:
                continue
            if usable:
                days.append(_sharpest(usable))
        return days

    _dated_by_a_cue(reportable, shooting_days, published_at.date())
    for d in reportable:
        _zero_the_unmentioned_toll(d)
    return reportable


def _kind(cue: EventCue) -> str:
    """What a headline and its body both call an event: a shooting (read as an attack or a clash
    by whether civilians are named), else the event type."""
    return "shooting" if cue.sub_event_type in _SHOOTING else cue.event_type


def _other_time_kinds(sentences: list[Sentence], language: str) -> frozenset[str]:
    """The kinds of event the body names only as planned or recalled ("a man was sentenced for a
    shooting in March 2022", "annunciato una manifestazione per sabato prossimo"): a headline
    naming that kind ("Man sentenced for shooting", "Proteste annunciate a Belgrado") names the
    same event of another time. (A hedge, "a possible shooting", is no other time.)"""
    other: set[str] = set()
    today: set[str] = set()
    for s in sentences:
        if s.paragraph > 0:
            elsewhen = speaks_of_another_time(s.text, language)
            for c in classify_sentence(s.text, language):
                if not c.negated_or_hypothetical:
                    today.add(_kind(c))
                elif elsewhen:
                    other.add(_kind(c))
    return frozenset(other - today)


def _named_again(sentence: str, read: list[tuple[EventCue, int]], markers: _ContextMarkers) -> list[EventCue]:
    """"L'attacco ha preso di mira gli aeroporti di Ivanovo e Voskresensk": a sentence whose only
    event word is the attack named again with a definite article reports places of the strike or
    shelling the article has already clearly reported, and takes that reading."""
    if markers.anaphora is None:
        return []
    m = markers.anaphora.search(sentence)
    if m is None:
        return []
    antecedent = _strongest_strike(read)
    if antecedent is None:
        return []
    return [replace(antecedent, trigger=m.group(0), start=m.start(), end=m.end())]


def _strongest_strike(read: list[tuple[EventCue, int]]) -> EventCue | None:
    """The strongest strike or shelling the article clearly reports, if any."""
    strikes = [c for c, _ in read if c.event_type == _REMOTE_VIOLENCE and c.score >= STRONG_CUE_SCORE]
    return max(strikes, key=lambda c: c.score) if strikes else None


@lru_cache(maxsize=16)
def _toll_words(language: str) -> regex.Pattern[str] | None:
    """The killing verbs of the trigger lexicon (`toll` triggers: "uccisi", "killed")."""
    words = [p for t in language_section("event_triggers", language).get("triggers", [])
             if t.get("toll") for p in t["patterns"]]
    return regex.compile(rf"(?:{'|'.join(f'(?:{w})' for w in words)})", regex.IGNORECASE) if words else None


def _tolls_of_the_strikes(drafts: list[IncidentDraft], read: list[tuple[EventCue, int]], language: str) -> None:
    """"Ben presto, la vicina città di Samar è diventata un'altra vittima: due persone sono state
    uccise": in an article that clearly reports strikes or shelling, and no shooting or battle in
    words of its own, a place read only through a killing verb counts the victims of those
    strikes, not an attack of its own (ACLED's Attack is violence done to civilians directly)."""
    tolls = _toll_words(language)
    strongest = _strongest_strike(read)
    if tolls is None or strongest is None or any(
        c.event_type in _DIRECT_VIOLENCE and c.score >= STRONG_CUE_SCORE and not tolls.match(c.trigger)
        for c, _ in read
    ):
        return  # a shooting or a battle reported in its own words: its victims may be its own
    for d in drafts:
        if d.cue.sub_event_type in ("Attack", "Armed clash") and tolls.match(d.cue.trigger):
            d.cue = replace(strongest, trigger=d.cue.trigger, start=d.cue.start, end=d.cue.end)


def _as_fought(cue: EventCue, place: PlaceMention, sentence: str, language: str) -> EventCue:
    """A change of hands as ACLED codes it between states: a government regains its own ground
    ("le forze russe hanno ripreso Sudzha", "Ukrainian troops liberated Robotyne"), but one
    state's forces taking a place in another state, as the subject of the capture, is the
    fighting that took it ("Russian forces captured the village of Robotyne"): an armed clash."""
    if cue.sub_event_type not in _TERRITORY_TYPES:
        return cue
    taker = clause_subject(sentence, language, cue.start)
    home = place.place.country_code
    if taker is not None and taker.kind == "state_forces" and taker.country_code and home \
            and taker.country_code != home:
        return _as_armed_clash(cue)
    return cue


def _as_armed_clash(cue: EventCue) -> EventCue:
    return replace(cue, event_type="Battles", sub_event_type="Armed clash")


def _fought_between_states(drafts: list[IncidentDraft]) -> None:
    """"Il ministero della Difesa ha rivendicato la conquista di Zapadne": a capture the text
    gives to no one is read as a non-state group's (events.py); in an article that names no
    armed group at all, it is a war between states, and a place changing hands in it is the
    fighting that took it, unless one side's own reading says it regained the place."""
    if any(a.kind == "armed_group" for d in drafts for a in d.actors):
        return
    for d in drafts:
        if d.cue.sub_event_type == "Non-state actor overtakes territory":
            d.cue = _as_armed_clash(d.cue)


def _one_agreement_of_the_parties(drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """"Russia and Ukraine exchanged 95 prisoners": the countries an agreement names in one
    sentence are its parties, and the exchange one event, in the country war news happens in
    most (`focus_prior`: Ukraine), else the first named."""
    dropped: set[int] = set()
    seen: set[tuple[int, str]] = set()
    for d in sorted(drafts, key=lambda d: (-focus_prior(d.place.place.country_code or ""), d.place.start)):
        if d.cue.sub_event_type == "Agreement" and d.place.precision == "country":
            said = (d.sentences[0].start if d.sentences else -1, d.cue.trigger)
            if said in seen:
                dropped.add(id(d))
            seen.add(said)
    return [d for d in drafts if id(d) not in dropped]


#: what a shooting story may also report: the arrest, charges or a standoff around it
_SHOOTING_STORY_TYPES = frozenset({"Violence against civilians", "Battles", "Strategic developments"})


def _one_state_story(drafts: list[IncidentDraft], places: list[PlaceMention]) -> list[IncidentDraft]:
    """A shooting story happens in one state or province: the one the text's places name most
    (its dateline, its town, its county). When the article reports no strike and a shooting
    there, its readings in other first-level divisions (a hometown, a namesake town, a shooting
    recalled from elsewhere) are context, not incidents: a local story would otherwise be split
    over blocks the deduplicator never compares."""
    if len(drafts) < 2 or any(d.cue.event_type not in _SHOOTING_STORY_TYPES for d in drafts):
        return drafts
    home = _most_named_region(places)
    if home is None:
        return drafts  # no division clearly first: a story of two states
    kept = [d for d in drafts if (d.place.place.country_code, d.place.place.admin1) == home]
    if not any(d.cue.sub_event_type in _SHOOTING for d in kept):
        return drafts
    return kept


def _dated_by_the_text(reportable: list[IncidentDraft], merged: list[IncidentDraft]) -> list[IncidentDraft]:
    """"No charges in the shooting of a Puyallup boy" (no date) and "The shooting occurred Feb. 6
    in Puyallup": a shooting report the text gives no date for, and the one day the article dates
    a shooting at that place before it, are one incident on that day. A day more than a month
    old is taken only when the undated report is a follow-up (charges, a trial: dated to the
    month before publication); otherwise such a day is background."""
    out = list(reportable)
    for n in reportable:
        if n not in out or n.date.text is not None or n.cue.sub_event_type not in _SHOOTING:
            continue
        dated = [d for d in merged if d is not n and d.date.precision == "day" and d.date.text is not None
                 and d.cue.sub_event_type in _SHOOTING and _place_key(d.place) == _place_key(n.place)
                 and d.date.end <= n.date.end]
        if len({_day_key(d.date) for d in dated}) != 1:
            continue
        if not all(d in out for d in dated) and _width(n.date) <= 1:
            continue
        n.date = dated[0].date
        for d in dated:
            _fill_open_tolls(n, d)
            _absorb(n, d)
            if d in out:
                out.remove(d)
    return out


def _dated_by_a_cue(reportable: list[IncidentDraft], shooting_days: Callable[[], list[EventDate]],
                    published: date) -> None:
    """"Coroner: teen's shooting death ruled accidental ... Goode was shot and killed on Sep. 12":
    the article's one shooting report with no date of its own is dated by the one day its
    shooting sentences name before it, wherever they place it (or name no place); a day more
    than a month old only for a follow-up (dated to the month before publication), as above.
    A report dated only by a statement or a step of the case ("was indicted Tuesday") is
    undated in this sense, and a follow-up; a day that names the event ("the Oct. 14 murder",
    "the incident happened Oct. 4") counts with or without a cue beside it."""
    shooting = [d for d in reportable if d.cue.sub_event_type in _SHOOTING]
    undated = [d for d in shooting if d.date.text is None]
    # a report dated only by a statement or a step of the case ("police said Monday", "was
    # arrested Tuesday") is as undated: that day came after the shooting, as in a follow-up
    developments = [d for d in shooting if d.date.role == "development"]
    # the one undated report, and each report dated by a development: its day is never the
    # shooting's, whatever the other reports
    reports = (undated if len(undated) == 1 else []) + developments
    named = shooting_days() if reports else []
    for report in reports:
        follow_up = _width(report.date) > 1 or report.date.role == "development"
        oldest = date.min if follow_up else report.date.end - timedelta(days=BACKGROUND_AFTER_DAYS)
        # a development read before the shooting day is the week's other day of that name
        # ("said in a statement Monday" in an update stamped Sunday): any other day up to the
        # publication's can be the shooting's
        latest = published if report.date.role == "development" else report.date.end - timedelta(days=1)
        days = {_day_key(d): d for d in named
                if d.precision == "day" and oldest <= d.end <= latest and _day_key(d) != _day_key(report.date)}
        if len(days) == 1:
            report.date = next(iter(days.values()))


def _place_tolls(
    pending: list[_Toll],
    merged: list[IncidentDraft],
) -> None:
    """Figures read in sentences that name no event go to the incident of their place and day."""
    for sentence, targets, when, killed, hurt in pending:
        if not targets and _is_zero(killed) and _is_zero(hurt):
            # "No casualties were reported either among servicemen or civilians": with no place
            # of its own, a statement that nobody was hurt holds for every incident it leaves open
            for draft in merged:
                draft.fatalities = draft.fatalities or killed
                draft.injured = draft.injured or hurt
            continue
        if not targets and len(merged) == 1:
            # "The man was pronounced dead at the scene.": a toll with no place of its own
            # belongs to the article's only incident.
            targets, when = [merged[0].place], merged[0].date
        if len(targets) > 1:
            # "… la spiaggia di Uchkuyivka, vicina a Belbek, Sebastopoli": of the paragraph's
            # places, the one incident the article reports at one of them takes the toll
            keys = {_place_key(t) for t in targets}
            held = [d for d in merged if _place_key(d.place) in keys and _overlaps(d.date, when)]
            targets = [held[0].place] if len(held) == 1 else targets
        if len(targets) != 1:
            continue
        for draft in merged:
            if _place_key(draft.place) == _place_key(targets[0]) and (
                _overlaps(draft.date, when) or (draft.reported is not None and _overlaps(draft.reported, when))
            ):
                draft.fatalities = _larger(draft.fatalities, killed)
                draft.injured = _larger(draft.injured, hurt)
                if sentence not in draft.sentences:
                    draft.sentences.append(sentence)
                break
        else:
            # "… ракетный удар по Николаевской области. В Очакове ранены четыре человека.": the
            # region's one report that day is of the town its toll names
            town = targets[0]
            regional = [d for d in merged if d.place.precision == "region" and _overlaps(d.date, when)
                        and town.precision in ("settlement", "point", "district")
                        and _same_or_inside(town, d.place)]
            if len(regional) == 1 and not any(_place_key(d.place) == _place_key(town) for d in merged):
                draft = regional[0]
                draft.place = town
                draft.fatalities = _larger(draft.fatalities, killed)
                draft.injured = _larger(draft.injured, hurt)
                if sentence not in draft.sentences:
                    draft.sentences.append(sentence)


def _zero_the_unmentioned_toll(draft: IncidentDraft) -> None:
    """A report that counts its victims and names no dead ("two people were wounded") reports
    zero dead, as ACLED codes it; across reports the deduplicator keeps the higher figure."""
    hurt, dead = draft.injured, draft.fatalities
    if hurt is not None and hurt.hit and hurt.best is not None and dead is not None and dead.best:
        # "seven people were shot" and, elsewhere, "six died": the wounded are those who lived
        left = max(hurt.best - dead.best, 0)
        draft.injured = Count(left, left, left, hurt.text, hurt.start, hurt.end)
    elif hurt is not None and hurt.named and hurt.best == 1 and dead is not None and dead.best == 1:
        # "Acen was hurt" in a report of Acen's death: the one victim, who died
        draft.injured = Count(0, 0, 0, hurt.text, hurt.start, hurt.end)
    known = draft.fatalities or draft.injured
    if known is None:
        return
    zero = Count(0, 0, 0, "", known.start, known.start)
    if draft.fatalities is None:
        draft.fatalities = zero
    if draft.injured is None:
        draft.injured = zero


def _read_as_brief(drafts: list[IncidentDraft], read: list[tuple[EventCue, int]]) -> list[IncidentDraft]:
    """A brief reports one thing: its strongest reading names its incidents ("Officers
    attacked a peaceful demonstration" is force against protesters, whichever cue stands
    nearest the place)."""
    if not drafts or not read:
        return drafts
    strongest = max(read, key=lambda ci: ci[0].score)[0]
    # A roundup of places, each clearly reported with a weapon of its own, keeps each weapon:
    # "In Odesa a drone hit a building. Russian shelling killed a man in the Sumy region."
    roundup = len({_place_key(d.place) for d in drafts}) > 1
    for d in drafts:
        own_weapon = (roundup and d.cue.score >= STRONG_CUE_SCORE and d.cue.event_type == strongest.event_type
                      and not any(strongest.trigger.casefold() in s.text.casefold() for s in d.sentences))
        if strongest.score > d.cue.score and not own_weapon:
            d.cue = strongest
    return drafts


@dataclass(frozen=True)
class _Observation:
    sub_event_type: str
    event_type: str
    pattern: regex.Pattern[str]


@lru_cache(maxsize=16)
def _observations(language: str) -> tuple[_Observation, ...]:
    lexicon = load_lexicon("observations")
    section = language_section("observations", language)
    return tuple(
        _Observation(sub, lexicon["event_types"][sub],
                     compile_alternation(section[sub]))
        for sub in lexicon["order"] if section.get(sub)
    )


def _undated_event_date(sentences: list[Sentence], markers: _ContextMarkers,
                        published_at: datetime) -> EventDate:
    """The date of an event the text gives no date for: the eve or day of publication, unless
    the headline or lead reports what came after it (charges, a trial, a funeral): then some day
    in the month before publication, which is all the article says."""
    lead = " ".join(s.text for s in sentences if s.paragraph <= 1)
    if markers.follow_up is not None and markers.follow_up.search(lead):
        pub = published_at.date()
        return EventDate(pub - timedelta(days=FOLLOW_UP_DAYS), pub, "range", None, None, None)
    return default_event_date(published_at)


def _without_recalled_weeks(drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """"Lviv was hit on Wednesday ... last week Russian attacks targeted its power grid": an event
    dated only to a span of days before the day-dated news the article reports at the same place
    is recalled background, not another incident (an arrest today after last week's shooting
    is news of another kind and stays)."""
    news = [d for d in drafts if d.date.precision == "day"]
    return [d for d in drafts if not (
        d.date.precision == "range" and (d.date.end - d.date.start).days >= RECALLED_SPAN_DAYS
        and any(_place_key(n.place) == _place_key(d.place) and n.cue.event_type == d.cue.event_type
                and d.date.end < n.date.start for n in news))]


def _brief_fallback(
    text: str, sentences: list[Sentence], places: list[PlaceMention], language: str,
    markers: _ContextMarkers, read: list[tuple[EventCue, int]], event_date: Callable[[int], EventDate],
    unknown_places: bool = False,
) -> IncidentDraft | None:
    """A brief whose event and place never met in one sentence, or that names no attack at all:
    one incident, named by its strongest reading (else by what it observes: damage, an impact,
    forces on the ground, observations.json), at the place it is about (else at the country
    of its actors: "Syrian army captured a key neighbourhood"; else, with `unknown_places`, for a
    clearly reported event, at a place the gazetteer does not know, as written)."""
    cue: EventCue | None = None
    at = 0
    if read:
        cue, at = max(read, key=lambda ci: ci[0].score)
    else:
        # what an alert sentence names ("the threat of a drone attack") was not observed, nor
        # what a tally of losses counts ("втрати противника … артилерійських систем"), nor what
        # a sentence about plans or the past names ("si riuniranno il mese prossimo … aiuti
        # militari", "due anni fa le truppe russe invadevano l'Ucraina"), nor
        # what a sentence names only as denied, feared or recalled ("marked one year since a
        # strike killed 13")
        alerts = [s for s in sentences if markers.alerts(s.text) or markers.tallies(s.text)
                  or speaks_of_another_time(s.text, language) or _only_unreal(s.text, language)]
        for observation in _observations(language):
            m = next((o for o in observation.pattern.finditer(text)
                      if not any(s.start <= o.start() < s.end for s in alerts)), None)
            if m is not None:
                cue = EventCue(observation.event_type, observation.sub_event_type, m.group(0),
                               m.start(), m.end(), (), False, OBSERVATION_SCORE, False)
                at = next((i for i, s in enumerate(sentences) if s.start <= m.start() < s.end), 0)
                break
    if cue is None:
        return None
    where = primary_place([p for p in _event_places(text, places, markers) if p.precision != "country"])
    actors = [a for s in sentences for a in find_actors(s.text, language)]
    if where is None:
        where = _country_of(actors, text, language)
    if where is None and unknown_places and cue.score >= STRONG_CUE_SCORE:
        # a brief's "mob violence ... in western Bassens State": a place the gazetteer does not
        # know, as written, rather than no incident (as for a clearly reported event in a full
        # article's sentence)
        where = next((u for s in sentences for u in _unresolved_places(s, places, language, None, places)), None)
    if where is None:
        return None
    touched = [s for i, s in enumerate(sentences) if i == at or s.start <= where.start < s.end]
    return IncidentDraft(place=where, date=event_date(at), cue=cue, sentences=touched, actors=actors)


def _only_unreal(sentence: str, language: str) -> bool:
    """Every event the sentence names is negated, hypothetical or recalled."""
    cues = classify_sentence(sentence, language)
    return bool(cues) and all(c.negated_or_hypothetical for c in cues)


def _abroad_of_all(country: PlaceMention, places: list[PlaceMention]) -> bool:
    """A country-level reading ("Norwegian American Hospital") while every place the text names
    lies in one other country: a nationality word, not where the event happened."""
    homes = {p.place.country_code for p in places}
    return country.precision == "country" and len(homes) == 1 and country.place.country_code not in homes


def _country_of(actors: list[Actor], text: str, language: str) -> PlaceMention | None:
    """The country the first actor with a nationality belongs to, else the first nationality
    the text names ("Turkish security forces arrested..."), as a country-level place."""
    gazetteer = default_gazetteer()
    for actor in actors:
        country = gazetteer.country(actor.country_code) if actor.country_code else None
        if country is not None:
            return PlaceMention(actor.name, actor.start, actor.end, country, "country", UNRESOLVED_PLACE_SCORE)
    for demonym in find_demonyms(text, language):
        country = gazetteer.country(demonym.country_code)
        if country is not None:
            return PlaceMention(text[demonym.start:demonym.end], demonym.start, demonym.end, country,
                                "country", UNRESOLVED_PLACE_SCORE)
    return None


def _is_reportable(draft: IncidentDraft, published_at: datetime, brief: bool = False) -> bool:
    """What the article reports as having happened lately (TAXONOMY rule 2): not background
    ("lo scorso dicembre", "in 2013"), and not a bare weak cue with nothing else to go on."""
    if _is_background(draft, published_at, brief):
        return False
    return draft.cue.score >= MIN_CUE_SCORE or draft.fatalities is not None or draft.injured is not None


def _is_reportable_lead(draft: IncidentDraft, published_at: datetime) -> bool:
    return not _is_background(draft, published_at) and draft.place.precision != "country"


def _is_background(draft: IncidentDraft, published_at: datetime, brief: bool = False) -> bool:
    """Dated by an earlier month or by the year, or more than a month before publication:
    history; the month of publication is this month's news ("detained during protests in
    January", published in January). A brief reports one event: a day it names is that event's
    date however late the report comes (a full article names old days to recall them)."""
    if draft.date.precision == "month":
        return not draft.date.start <= published_at.date() <= draft.date.end
    if draft.date.precision == "year":
        return True
    if brief and draft.date.precision == "day":
        return False
    return (published_at.date() - draft.date.end).days > BACKGROUND_AFTER_DAYS


_UNRESOLVED_NAME = r"\s+(?:the\s+)?(?P<name>[A-Z][\w'’-]+(?:[ -](?:al-|el-)?[A-Z][\w'’-]+){0,2})"
_UNRESOLVED = re.compile(
    r"\b(?:in|at|near|outside|(?P<noun>(?:villages?|towns?|city|cities|areas?|districts?|province|region) of))"
    r"(?:\s+(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central))?" + _UNRESOLVED_NAME
)
# Italian prepositions only in Italian text: in English "a Shahed" is a drone, not a place.
_UNRESOLVED_IT = re.compile(
    r"\b(?:in|nei pressi di|vicino a|presso|a|nel|nella|(?P<noun>(?:villaggio|città|paese|zona|distretto) di))"
    + _UNRESOLVED_NAME
)

# Ukrainian and Russian: only after a word for a village or town ("в селе Чернооково", "у селі
# Іванівка"); the name stays as written, in the nominative these phrases usually keep
_UNRESOLVED_CYRILLIC = re.compile(
    r"(?<!\w)(?:в|во|у|біля|поблизу|возле|около)\s+(?P<noun>сел[еоаіи]|селищ[іеа]|посёлк[еа]|поселк[еа]|"
    r"деревн[еи]|хутор[еіа]|місті|городе|смт|пгт)\s+(?P<name>[А-ЯЁІЇЄҐ][\w'’]+(?:-[\w'’]+)?)"
)
_UNRESOLVED_BY_LANGUAGE = {"it": _UNRESOLVED_IT, "uk": _UNRESOLVED_CYRILLIC, "ru": _UNRESOLVED_CYRILLIC}
# "в селе Никольское Белгородского района": the raion the village lies in, right after its name
_RAION_AFTER = re.compile(r"\s+(?P<raion>[А-ЯЁІЇЄҐ][\w'’-]+)\s+(?:району|района)(?!\w)")
# The letters of a place adjective up to its -ск-/-цк- suffix, which every case form keeps
# (Белгородского, Белгородской → белгородск; Бєлгородського, Бєлгородській → бєлгородськ)
_ADJECTIVE_STEM = re.compile(r".+?[сцз]ь?к(?=[а-яіїєґё]{1,4}$)")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    words = load_lexicon("unresolved_place_stopwords")["words"]
    return frozenset(w.casefold() for w in words)


def _unresolved_places(
    sentence: Sentence, known: list[PlaceMention], language: str, looking_back: int | None,
    places: list[PlaceMention],
) -> list[PlaceMention]:
    """A clearly reported event at a place the gazetteer does not know ("in the village of
    Kashkash"): kept with the name as written and no coordinates, rather than dropped or
    pinned on a guess. Only the first such name of the sentence, before any look back. A name
    given as a village or town lies in the region the article's places name most, when one comes
    first ("В Брянской области … в селе Чернооково"), so that region's report folds into it."""
    pattern = _UNRESOLVED_BY_LANGUAGE.get(language, _UNRESOLVED)
    for m in pattern.finditer(sentence.text):
        name = m.group("name")
        start = sentence.start + m.start("name")
        if looking_back is not None and start >= looking_back:
            break
        if name.split()[0].casefold() in _not_names() or any(
            k.start < start + len(name) and start < k.end for k in known
        ):
            continue
        # named as a village or town ("the village of Kashkash", "в селе Чернооково"), not after a
        # bare preposition ("in KCMO"): a place of its raion's region, else of the story's region
        raion = _RAION_AFTER.match(sentence.text, m.end("name")) if m.group("noun") else None
        region = None if raion is None else _raion_region(raion, language, places)
        country, admin1 = region or (_home_region(places) if m.group("noun") else ("", None))
        place = Place(name=name, geonames_id=None, country_code=country, admin1=admin1, admin2=None,
                      lat=None, lon=None, population=0, kind="settlement")
        return [PlaceMention(name, start, start + len(name), place, "settlement", UNRESOLVED_PLACE_SCORE)]
    return []


def _raion_named(raion: re.Match[str], language: str) -> Place | None:
    """The raion the gazetteer knows by the phrase `raion` ("Шосткинського району"), if any."""
    return _district_called(raion.group(0).strip(), language)


@lru_cache(maxsize=256)
def _district_called(phrase: str, language: str) -> Place | None:
    for p in find_places(phrase, language):
        if p.precision == "district" and p.place.admin1:
            return p.place
    return None


def _raion_region(raion: re.Match[str], language: str, places: list[PlaceMention]) -> tuple[str, str | None] | None:
    """The (country, region) of the raion `raion` names ("Шосткинського району", a _RAION_AFTER
    match): the gazetteer's raion ("Шосткинського району": Sumy), else the region the article
    names with the same place adjective ("Белгородского района" beside "Белгородской области":
    Belgorod, since a raion named after an oblast's capital lies in that oblast); None when
    neither."""
    district = _raion_named(raion, language)
    if district is not None:
        return district.country_code, district.admin1
    stem = _ADJECTIVE_STEM.match(raion.group("raion").lower())
    if stem is None:
        return None
    for p in places:
        if p.precision == "region" and p.place.admin1:
            named = _ADJECTIVE_STEM.match(p.text.split()[0].lower())
            if named is not None and named.group(0) == stem.group(0):
                return p.place.country_code, p.place.admin1
    return None


def _villages_in_their_raions(text: str, places: list[PlaceMention], language: str) -> list[PlaceMention]:
    """A village named with its raion ("у селі Миколаївка Покровського району") is the namesake
    the gazetteer holds in that raion (the raion itself when it holds several there); one it holds
    only elsewhere ("у селі Кудрявцеве Шосткинського району", "в селе Малиновка Курского района")
    is a village it does not know, kept as written, without coordinates, in the raion's region."""
    if language not in ("uk", "ru") or "район" not in text:
        return places
    kept: list[PlaceMention] = []
    for p in places:
        raion = _RAION_AFTER.match(text, p.end) if p.precision == "settlement" else None
        if raion is None:
            kept.append(p)
            continue
        district = _raion_named(raion, language)
        if district is not None and p.place.admin2 != district.admin2:
            # the namesake the gazetteer holds in that raion, else the raion when it holds several
            there = [c for c in default_gazetteer().candidates(p.text)
                     if c.kind == "settlement" and (c.admin1, c.admin2) == (district.admin1, district.admin2)]
            if there:
                one = len({(c.lat, c.lon) for c in there}) == 1
                p = PlaceMention(p.text, p.start, p.end, there[0] if one else district,
                                 "settlement" if one else "district", p.score)
        if district is not None and p.place.admin2 == district.admin2:
            kept.append(p)
            continue
        region = _raion_region(raion, language, places)
        if region is not None and region != (p.place.country_code, p.place.admin1):
            place = Place(name=p.text, geonames_id=None, country_code=region[0], admin1=region[1],
                          admin2=None, lat=None, lon=None, population=0, kind="settlement")
            p = PlaceMention(p.text, p.start, p.end, place, "settlement", UNRESOLVED_PLACE_SCORE)
        kept.append(p)
    return kept


def _home_region(places: list[PlaceMention]) -> tuple[str, str | None]:
    """The country and first-level division the text's places below country level name most,
    when one is named strictly more often than any other; else nothing known."""
    return _most_named_region([p for p in places if p.precision != "country"]) or ("", None)


def _most_named_region(places: list[PlaceMention]) -> tuple[str, str | None] | None:
    """The (country, first-level division) `places` name strictly more often than any other."""
    votes = Counter((p.place.country_code, p.place.admin1) for p in places if p.place.admin1)
    ranked = votes.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _place_nearest_to_casualties(
    targets: list[PlaceMention], casualties: Casualties, offset: int
) -> PlaceMention | None:
    """The place a sentence's casualty figure belongs to: the only one, else the nearest one
    before the figure ("shelled A and B, killing 3" counts the dead in B, not twice)."""
    figure = casualties.fatalities or casualties.injured
    if figure is None or not targets:
        return None
    if len(targets) == 1:
        return targets[0]
    at = figure.start + offset
    before = [p for p in targets if p.start <= at]
    return max(before, key=lambda p: p.start) if before else min(targets, key=lambda p: p.start)


def _place_key(p: PlaceMention) -> str:
    """The identity of a place for "one incident per place": its GeoNames id, else its names."""
    pl = p.place
    return str(pl.geonames_id) if pl.geonames_id else f"{pl.country_code}:{pl.admin1}:{pl.name}"


def _merge_same_place_and_day(drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """ACLED's rule within an article: reports of one place and day are one incident, named by
    the stronger reading (a strike and the interceptions around it, a battle and the capture
    it ends in, a death and the shelling of that town that day). A region-level report folds
    into a town of that region reported the same day when their types are of one family, or
    when one of the two rests on a weak cue ("colpito", "killed")."""
    out: list[IncidentDraft] = []
    for d in sorted(drafts, key=lambda x: PRECISION_RANK[x.place.precision]):
        for kept in out:
            if _compatible(kept, d) and _overlaps(kept.date, d.date) and _same_or_inside(kept.place, d.place):
                _fold(kept, d)
                break
        else:
            out.append(d)
    return out


#: what a killing or a shooting is read as, by whether civilians are named: one event either way
_SHOOTING = frozenset({"Attack", "Armed clash"})


def _fold_undated(drafts: list[IncidentDraft], undated: EventDate,
                  published_at: datetime) -> list[IncidentDraft]:
    """"Manson shooting victim dies" with no date of its own, and "the shooting last Thursday"
    in Manson: a weakly cued report the text gives no date for, at a place the article dates
    elsewhere for an event of the same family, is that dated incident (the death follows it).
    So is a headline's ("Guided bombs hit Kharkiv" over "… dropped bombs on Kharkiv early on
    Sunday"): a headline names the event its body tells, however strong its words."""
    dated = [d for d in drafts if d.date is not undated and not _is_background(d, published_at)]
    out: list[IncidentDraft] = []
    for d in drafts:
        headline = _headline_only(d)
        if d.date is undated and (d.cue.score < STRONG_CUE_SCORE or headline):
            # a headline's bare "strike" names no means: it is whichever event the body dates there
            any_family = headline and d.cue.score < MIN_CUE_SCORE
            same = [k for k in dated if _place_key(k.place) == _place_key(d.place)
                    and (any_family or _family(k.cue) == _family(d.cue)
                         or {k.cue.sub_event_type, d.cue.sub_event_type} <= _SHOOTING)]
            if len(same) == 1:
                kept = same[0]
                kept.cue = min((kept, d), key=_strength).cue
                # its figures only fill what the dated report leaves open: an undated "eight
                # killed" in a sidebar of past shootings must not raise today's toll
                _fill_open_tolls(kept, d)
                _absorb(kept, d)
                continue
        out.append(d)
    return out


def _headline_only(d: IncidentDraft) -> bool:
    return all(s.paragraph == 0 for s in d.sentences)


def _fold_reporting_days(drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """"Ieri, 3 marzo, la Giornata del lutto ... Attacco di droni su una casa a Odessa" and, further
    down, "Nella notte del 2 marzo i russi hanno sparato con un drone contro un edificio a
    Odessa": a report whose day is borrowed from another sentence (its paragraph's, the
    article's) and the one day before it that the text gives the same event at that place in
    a sentence of its own are one incident on that day; the borrowed day is when it was
    reported, and the figures the article gives for that day are its own ("In seguito
    all'attacco nemico morirono 12 persone"). Tolls grow as reports come in: the higher one
    stands."""
    def borrowed(d: IncidentDraft) -> bool:
        return d.date.text is not None and not any(d.date.text in s.text for s in d.sentences)

    out = list(drafts)
    for n in drafts:
        if n not in out or not borrowed(n):
            continue
        days = [d for d in out if d is not n and not borrowed(d) and d.date.precision == "day"
                and d.cue.sub_event_type == n.cue.sub_event_type and _place_key(d.place) == _place_key(n.place)
                and timedelta(0) < n.date.start - d.date.end <= timedelta(days=1)]
        if len(days) != 1:
            continue
        [day] = days
        n.reported, n.date = n.date, day.date
        n.fatalities, n.injured = _larger(n.fatalities, day.fatalities), _larger(n.injured, day.injured)
        _absorb(n, day)
        out.remove(day)
    return out


def _fold_follow_up_arrests(drafts: list[IncidentDraft], markers: _ContextMarkers) -> list[IncidentDraft]:
    """"Police arrested a 17-year-old on Tuesday in connection with the shooting": an arrest the
    text ties to the one violent incident it reports at that place is part of that story, not a
    political arrest of its own (ACLED codes no criminal arrests), whatever day it came."""
    linked = markers.linked_arrest
    if linked is None:
        return drafts
    violent = [d for d in drafts if _family(d.cue) in _VIOLENT_FAMILIES]
    out: list[IncidentDraft] = []
    for d in drafts:
        if d.cue.sub_event_type == "Arrests" and any(linked.search(s.text) for s in d.sentences):
            same = [k for k in violent if _place_key(k.place) == _place_key(d.place)]
            if len(same) == 1:
                _absorb(same[0], d)
                continue
        out.append(d)
    return out


def _without_criminal_arrests(reportable: list[IncidentDraft], markers: _ContextMarkers) -> list[IncidentDraft]:
    """"Police arrested two people in Emeryville in connection with a shooting in San Francisco":
    an arrest the text ties to a crime, in an article that reports a shooting or a killing, is
    that story's follow-up wherever the suspect was caught, not an event of its own (ACLED codes
    no criminal arrests): it joins the article's one shooting, or is dropped beside several."""
    linked = markers.linked_arrest
    violent = [d for d in reportable if d.cue.sub_event_type in _SHOOTING]
    if linked is None or not violent:
        return reportable
    out: list[IncidentDraft] = []
    for d in reportable:
        if d.cue.sub_event_type == "Arrests" and any(linked.search(s.text) for s in d.sentences):
            if len(violent) == 1:
                _absorb(violent[0], d)
            continue
        out.append(d)
    return out


def _fold_captions(drafts: list[IncidentDraft], markers: _ContextMarkers) -> list[IncidentDraft]:
    """"Damage at the site of a Russian missile attack in Pokrovsk on Tuesday, August 8": a photo
    caption dates the photo, taken the day after the strike the article reports there. A report
    resting only on captions, one day after an incident of the same place and family, is it."""
    caption = markers.caption
    if caption is None:
        return drafts
    out: list[IncidentDraft] = []
    for d in drafts:
        if all(caption.search(s.text) for s in d.sentences):
            eve = [k for k in drafts if k is not d and _place_key(k.place) == _place_key(d.place)
                   and _family(k.cue) == _family(d.cue) and (d.date.start - k.date.end).days == 1]
            if len(eve) == 1:
                _absorb(eve[0], d)
                _fill_open_tolls(eve[0], d)
                continue
        out.append(d)
    return out


_VIOLENT_FAMILIES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _compatible(a: IncidentDraft, b: IncidentDraft) -> bool:
    """Same place: always one incident (a strike and its interceptions, a battle and the
    capture it ends in). A region folds into a town only with a type of the same family."""
    if _place_key(a.place) == _place_key(b.place):
        return True
    return _family(a.cue) == _family(b.cue) or min(a.cue.score, b.cue.score) < STRONG_CUE_SCORE


def _same_or_inside(town: PlaceMention, other: PlaceMention) -> bool:
    if _place_key(town) == _place_key(other):
        return True
    inner, outer = town.place, other.place
    if outer.country_code != inner.country_code or outer.admin1 is None or outer.admin1 != inner.admin1:
        return False
    # "Ворог атакував Запорізький район. У Біленькому пошкоджено будинки": the raion's report
    # is the village's, as a region's is its town's (a raion named as such, not a US county)
    return other.precision == "region" or (
        other.precision == "district" and town.precision != "district"
        and outer.admin2 is not None and outer.admin2 == inner.admin2
        and _RAION_NAMED.search(other.text) is not None)


# a region named as such ("the Dnipropetrovsk region", "Kharkiv Oblast"), not a state that
# qualifies a town ("Mesa, Arizona")
_REGION_NAMED = re.compile(r"(?<!\w)(?:regione|regioni|region|regions|oblast|provincia|province|région|región|"
                           r"област\w*|област|регіон\w*|регион\w*)(?!\w)", re.IGNORECASE)


# an oblast named as such in Ukrainian or Russian ("Белгородской областей")
_OBLAST_NAMED = re.compile(r"(?<!\w)област\w*", re.IGNORECASE)
# a raion named as such in Ukrainian or Russian ("Запорізький район", "Белгородского района")
_RAION_NAMED = re.compile(r"(?<!\w)район\w*", re.IGNORECASE)


def _fold(kept: IncidentDraft, d: IncidentDraft) -> None:
    """One incident read twice: the stronger reading, the narrower date, the higher toll."""
    kept.cue = min((kept, d), key=_strength).cue
    kept.date = kept.date if _width(kept.date) <= _width(d.date) else d.date
    if _REGION_NAMED.search(d.place.text) and kept.place.precision != "region":
        # "20 killed in the Dnipropetrovsk region", "two killed in Samar": the region's toll
        # counts the whole region, so it only fills what the town's own report leaves open
        kept.fatalities = _own_or_region(kept.fatalities, d.fatalities)
        kept.injured = _own_or_region(kept.injured, d.injured)
    else:
        kept.fatalities = _larger(kept.fatalities, d.fatalities)
        kept.injured = _larger(kept.injured, d.injured)
    _absorb(kept, d)


def _fill_open_tolls(kept: IncidentDraft, d: IncidentDraft) -> None:
    """`d`'s figures fill only what `kept` leaves open; they never raise its own."""
    kept.fatalities = kept.fatalities or d.fatalities
    kept.injured = kept.injured or d.injured


def _absorb(kept: IncidentDraft, d: IncidentDraft) -> None:
    """`d`'s evidence (sentences, weapons, actors) joins `kept`, whose reading stands."""
    kept.sentences.extend(s for s in d.sentences if s not in kept.sentences)
    kept.weapons |= d.weapons
    kept.civilian_targeting |= d.civilian_targeting
    kept.actors.extend(a for a in d.actors if a not in kept.actors)


def _strength(d: IncidentDraft) -> tuple[int, int, int, float]:
    """Sort key, best first: violence before what surrounds it (an arrest "in connection with
    the shooting", a truce talk), then a strong cue, then the type precedence, then the score."""
    surrounding = 1 if d.cue.event_type == "Strategic developments" else 0
    strong = 0 if d.cue.score >= STRONG_CUE_SCORE else 1
    return (surrounding, strong, _precedence(d.cue.sub_event_type), -d.cue.score)


def _is_zero(count: Count | None) -> bool:
    return count is not None and count.best == 0


def _own_or_region(town: Count | None, region: Count | None) -> Count | None:
    """A town's own figure; the region's only where the town gives none, or only a vague one
    ("wounded several others")."""
    return _larger(town, region) if town is None or town.best is None else town


def _larger(a: Count | None, b: Count | None) -> Count | None:
    """Of two tolls for one incident in one article, the higher: articles update tolls upwards."""
    if a is None or b is None:
        return a or b
    return a if (a.best or a.low or 0) >= (b.best or b.low or 0) else b


def _family(cue: EventCue) -> str:
    """Violence against civilians by remote weapons is the same incident as the strike itself."""
    if cue.event_type == "Violence against civilians" and cue.sub_event_type == "Attack":
        return "Explosions/Remote violence"
    return cue.event_type


def _precedence(sub_event_type: str) -> int:
    try:
        return _TYPE_PRECEDENCE.index(sub_event_type)
    except ValueError:
        return len(_TYPE_PRECEDENCE)


def _width(d: EventDate) -> int:
    return (d.end - d.start).days
