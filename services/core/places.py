"""The geoparser: finds place names in a document and resolves each to a gazetteer place."""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, compress
from operator import attrgetter, itemgetter
from typing import Literal

from schemas.models import PRECISION_RANK
from services.core.demonyms import find_capital_phrases, is_demonym
from services.core.gazetteer import (
    DATA_DIR,
    Gazetteer,
    Place,
    default_gazetteer,
    load_given_names,
    name_key,
)
from services.core.lexicon import load_lexicon
from services.core.morphology import noun_nominatives, phrase_languages

Precision = Literal["point", "settlement", "district", "region", "country"]

LEXICON_PATH = DATA_DIR / "places_lexicon.json"
MAX_NGRAM = 5

# Abbreviations that open a place name ("St.", "Ste.", "Ft.", "Mt."); the gazetteer spells
# them without the dot. Written from the dot, which the engine skips ahead to, with the letters
# checked behind it as classes (with the long s that IGNORECASE equates with "s"): a pattern
# opening with a letter is tried at every offset of the document. Behind a dot only one of
# the two forms can hold (its last letter is "e" or "t"). The word boundary is checked apart.
_NAME_ABBREVIATION = re.compile(
    r"\.(?:(?<=[Ss\u017f][Tt][Ee]\.)|(?<=[SsFfMm\u017f][Tt]\.)) ?(?=[A-Z])")
_WORD_CHAR = re.compile(r"\w")
# A word: letters, joined by single apostrophes or hyphens ("Bila Tserkva", "Kryvyi-Rih",
# "dell'Ucraina"); captured so that a split keeps the separators between words.
_WORD_SPLIT = re.compile(r"([^\W\d_]+(?:['’ʼ\-‐][^\W\d_]+)*)")
# Italian/French elisions glue an article to the name: dell'Ucraina, l'Ukraine, d'Odessa.
_ELISION = re.compile(r"^(?:[lLdDjJnNsScC]|dell|nell|all|dall|sull|coll|quell|qu|Dell|Nell|All|"
                      r"Dall|Sull|Coll|Quell|Qu|un|Un)['’]")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_SENTENCE_END = re.compile(r"[.!?…:;\n]\s*$")
_VOWEL_SWAP = str.maketrans({"о": "і", "е": "і", "є": "ї"})
_ADJECTIVE = re.compile(r"(ськ|ск|цьк|цк|зьк|зк)(?:ій|ої|ою|у|а|ая|ой|ую|ое|ий|ого|ому|ом|им|ей)$")
# The rest of a list of region adjectives after one of them, up to its plural noun: ", Курской и
# Белгородской областей", " та Херсонській областях"
_LIST_LINK = r"(?:\s*,\s*|\s+(?:и|і|та|й|а также)\s+)"
_REGION_LIST_TAIL = re.compile(
    rf"{_LIST_LINK}(?:[А-ЯІЇЄҐ][\w'’-]*{_LIST_LINK}){{0,6}}[А-ЯІЇЄҐ][\w'’-]*\s+"
    r"(област(?:ей|ях)|район(?:ов|ах|ів))(?!\w)")
# An oblique Cyrillic form opening a sentence is a place only if it names a city this big
SENTENCE_INITIAL_MIN_POPULATION = 50_000
# Nouns after which an adjective names a raion rather than an oblast
_RAION_NOUNS = frozenset({"район", "району", "районі", "районе", "района", "районом"})
# Endings a city name may have lost before an oblast adjective (Суми, Сумы, Полтава, Вінниця)
_CITY_VOWELS = ("а", "я", "и", "ы", "і")


def _vowel_swapped(stem: str) -> str:
    """The stem with о, е or є in its last two letters written і or ї, as Ukrainian writes the
    closed last syllable that Russian and the oblique cases keep open (Харков-, Харків)."""
    return stem[:-2] + stem[-2:].translate(_VOWEL_SWAP)



@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name found in a text, with the place it was read as."""

    text: str
    start: int
    end: int
    place: Place
    precision: Precision
    score: float
    # Written after a locative preposition ("in Kharkiv", "a Bakhmut", "у Києві"): the
    # usual shape of an incident location, as opposed to a subject ("Moscow said").
    after_preposition: bool = False
    # Named by description ("the Ukrainian capital"), not by its name: it stands for no
    # government, as "Moscow said" does.
    described: bool = False


@dataclass(frozen=True, slots=True)
class _Lexicon:
    stopwords: frozenset[str]
    region_after: frozenset[str]
    region_before: tuple[tuple[str, ...], ...]
    district_before: tuple[tuple[str, ...], ...]
    person_markers: frozenset[str]
    person_abbreviations: frozenset[str]
    given_names: frozenset[str]
    prefer: dict[str, float]
    street_after: frozenset[str]
    street_after_any: frozenset[str]
    street_before: frozenset[str]
    locative: frozenset[str]
    before_last_words: frozenset[str]
    not_single_places: frozenset[str]
    us_states: dict[str, str]
    us_state_after_place: re.Pattern[str]
    prefer_regions: dict[tuple[str, str], float]
    prefer_raions: dict[tuple[str, str, str], float]
    region_acronyms: dict[str, tuple[str, str]]
    region_acronym: re.Pattern[str]
    village_words: frozenset[str]
    direction_words: frozenset[str]
    focus_countries: frozenset[str]
    lone_place_countries: dict[str, frozenset[str]]
    agency_after: frozenset[str]
    lone_prepositions: frozenset[str]
    name_abbreviations: dict[str, tuple[str, ...]]
    story_state_countries: frozenset[str]
    hromada_after: frozenset[str]
    region_stems: dict[str, tuple[str, str]]
    border_after: frozenset[str]
    site_words: frozenset[str]
    city_part_words: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    return _Lexicon(
        frozenset(w.lower() for w in raw["stopwords"]),
        frozenset(w.lower() for w in raw["region_words_after"]),
        tuple(sorted((tuple(p.lower().split()) for p in raw["region_words_before"]),
                     key=len, reverse=True)),
        tuple(sorted((tuple(p.lower().split()) for p in raw["district_words_before"]),
                     key=len, reverse=True)),
        frozenset(w.lower() for w in raw["person_markers"]),
        frozenset(w.lower() for w in raw["person_abbreviations"]),
        # A first name that is also a common word ("Che") is read as the word.
        (frozenset(w.lower() for w in raw["given_names"]) | load_given_names())
        - frozenset(w.lower() for w in raw["stopwords"]),
        {k: float(v) for k, v in raw["prefer_countries"].items()},
        frozenset(w.lower() for w in raw["street_words"]),
        frozenset(w.lower() for w in raw["street_words_any"]),
        frozenset(w.lower() for w in raw["street_words_before"]),
        frozenset(w.lower() for w in raw["locative_words"]),
        frozenset(p.lower().split()[-1] for p in
                  (*raw["region_words_before"], *raw["district_words_before"])),
        frozenset(w.lower() for w in (*raw["stopwords"], *raw["given_names"], *raw["surnames"],
                                      *raw["person_markers"])),
        dict(raw["us_state_abbreviations"]),
        # The comma first, the letter before it checked behind: a pattern opening with a
        # literal is searched for at C speed, one opening with a lookbehind is tried everywhere.
        re.compile(r",(?<=[^\W\d_],)\s*(?P<abbr>" + "|".join(
            re.escape(a) for a in sorted(raw["us_state_abbreviations"], key=len, reverse=True))
            + r")(?!\w)"),
        {(cc, admin1): float(w) for cc, weights in raw["prefer_regions"].items()
         for admin1, w in weights.items()},
        {(cc, admin1, admin2): float(w) for cc, oblasts in raw["prefer_raions"].items()
         for admin1, raions in oblasts.items() for admin2, w in raions.items()},
        {word: (cc, admin1) for word, (cc, admin1) in raw["region_acronyms"].items()},
        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, raw["region_acronyms"])) + r")(?!\w)"),
        frozenset(w.lower() for w in raw["village_words"]),
        frozenset(w.lower() for w in raw["direction_words"]),
        frozenset(raw["prefer_countries"]),
        {lang: frozenset(ccs) for lang, ccs in raw["lone_place_countries"].items()},
        frozenset(w.lower() for w in raw["agency_words_after"]),
        frozenset(w.lower() for w in raw["lone_place_prepositions"]),
        {_key(short): tuple(_key(w) for w in full)
         for short, full in raw["name_abbreviations"].items()},
        frozenset(raw["story_state_countries"]),
        frozenset(w.lower() for w in raw["hromada_words"]),
        {stem: (cc, admin1) for stem, (cc, admin1) in raw["region_adjective_stems"].items()},
        frozenset(w.lower() for w in raw["border_words_after"]),
        frozenset(w.lower() for w in raw["site_words"]),
        frozenset(w.lower() for w in raw["city_part_words"]),
    )



@lru_cache(maxsize=1)
def place_words_after() -> frozenset[str]:
    """Words that follow a place's name, not a first name's ("Charlotte police", "Georgia
    Avenue", "Milan Province"): the lexicon's stopwords, region, agency and street words."""
    lex = _lexicon()
    return lex.stopwords | lex.region_after | lex.agency_after | lex.street_after | lex.street_after_any


def focus_prior(country_code: str) -> float:
    """How much more often war news happens in a country (`prefer_countries`: Ukraine first)."""
    return _lexicon().prefer.get(country_code, 0.0)


def site_words() -> frozenset[str]:
    """Nouns of a site or a part of a town ("district", "plant", "market"): "Kyiv's Darnytskyi
    district" names a place inside Kyiv."""
    return _lexicon().site_words


@dataclass(frozen=True, slots=True)
class _Tokens:
    """A text's words, field by field. A document has hundreds of words and most are only ever
    looked at in whole-document passes, so each field is one list built by C-level calls
    (split, accumulate, map) rather than one object per word; word k is index k of each."""

    text: list[str]
    start: list[int]
    end: list[int]
    lower: list[str]
    capital: list[bool]
    # Only up to two whitespace characters separate word k from word k + 1: the two can
    # belong to one name ("Nova Kakhovka"). Every caller asks this of adjacent words.
    glued: list[bool]

    def __len__(self) -> int:
        return len(self.text)


_APOSTROPHE = re.compile("['’]")
_FIRST_CHARACTER = itemgetter(0)
# A common name has dozens of namesakes: their kinds are compared by C-level iterators.
_KIND = attrgetter("kind")
_SETTLEMENT = "settlement"


@dataclass(slots=True)
class _Span:
    start_tok: int
    end_tok: int  # exclusive
    start: int
    end: int
    candidates: list[Place]
    key: str
    region_marked: bool = False
    district_marked: bool = False
    weak: bool = False  # lowercase fallback or sentence-initial ordinary word
    village_marked: bool = False  # "the village of X", "X village": not a city
    penalty: float = 0.0  # evidence that the name is part of a longer non-place name
    # Local news names its own small town or county bare ("in Huntingburg", "Barrow County
    # deputies"): the one reading of such a name is no far-away village.
    lone_local: bool = False


# Separators that glue two words: up to two whitespace characters (str.isspace; the last
# such character is U+3000, the ideographic space).
_SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]
_GLUE = frozenset(["", *_SPACES, *(a + b for a in _SPACES for b in _SPACES)])


def _tokens(text: str) -> _Tokens:
    parts = _WORD_SPLIT.split(text)  # separator, word, separator, word, ..., separator
    words: list[str] = parts[1::2]
    if not words:
        return _Tokens([], [], [], [], [], [])
    offsets = list(accumulate(map(len, parts)))
    starts, ends = offsets[0::2], offsets[1::2]
    glued = list(map(_GLUE.__contains__, parts[2::2]))
    glued[-1] = False
    last = len(words) - 1
    for k in _trim_apostrophes(text, words, starts, ends):
        for g in (k - 1, k):
            if 0 <= g < last:
                end, following = ends[g], starts[g + 1]
                glued[g] = following - end <= 2 and not text[end:following].strip()
    if "\n" in text:
        for m in _dateline().finditer(text):
            # "…Weekend Shooting\n\nSPRINGFIELD, IL": a dateline in capitals opening a paragraph is
            # no part of a name the headline ends with.
            k = bisect_right(starts, m.end()) - 2
            if 0 <= k < last:
                glued[k] = False
    for m in _NAME_ABBREVIATION.finditer(text):  # "St. Louis", "Ft. Lauderdale": one name
        start = m.start() - (3 if text[m.start() - 1] in "Ee" else 2)
        if start > 0 and _WORD_CHAR.match(text, start - 1):
            continue  # inside a word ("Amst. ")
        k = bisect_right(starts, start) - 1
        if 0 <= k < last and starts[k] == start:
            glued[k] = True
    return _Tokens(words, starts, ends, list(map(str.lower, words)),
                   list(map(str.isupper, map(_FIRST_CHARACTER, words))), glued)


@lru_cache(maxsize=1)
def _dateline() -> re.Pattern[str]:
    """A paragraph opening with a US dateline in capitals: a name followed by a comma and a
    state ("SPRINGFIELD, IL", "OLYMPIA, Wash."), a station's call sign in brackets
    ("PITTSBURGH (KDKA)") or a dash. Not a wire dateline ("MOSCOW (Sputnik)", "KYIV, Ukraine
    (AP)"): that names where the story was filed, and stays joined to the line before it, which
    keeps it from being read as a place."""
    states = _lexicon().us_states
    names = sorted({*states, *states.values()}, key=len, reverse=True)
    state = "|".join(re.escape(n) for n in names)
    return re.compile(
        r"\n[^\S\n]*\n[^\S\n]*(?=[A-Z][A-Z'’.-]+(?:[^\S\n][A-Z][A-Z'’.-]+)*[^\S\n]*"
        rf"(?:\([KW][A-Z]{{2,3}}\b|,[^\S\n]*(?:{state})(?!\w)|[-–—]))")


def _trim_apostrophes(text: str, words: list[str], starts: list[int], ends: list[int]
                      ) -> list[int]:
    """Drop a possessive 's and an elided article (dell'Ucraina -> Ucraina) in place; the
    indexes of the words changed. Only words around an apostrophe of the text are looked at."""
    holders: dict[int, None] = {}
    for m in _APOSTROPHE.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < ends[k]:
            holders[k] = None
    changed: list[int] = []
    for k in holders:
        word, start, end = words[k], starts[k], ends[k]
        if word[-2:] in ("'s", "’s"):
            word = word[:-2]
            end -= 2
        elided = _ELISION.match(word)
        if elided and len(word) > elided.end() + 1:
            start += elided.end()
            word = word[elided.end():]
        if end != ends[k] or start != starts[k]:
            words[k], starts[k], ends[k] = word, start, end
            changed.append(k)
    return changed


@lru_cache(maxsize=200_000)
def _key(word: str) -> str:
    return name_key(word)


@lru_cache(maxsize=50_000)
def _nominative_keys(word: str) -> tuple[str, ...]:
    """Skeleton keys of the nominatives an oblique Cyrillic form may come from (Харкові ->
    Харків, Каховці -> Каховка, Москве -> Москва, Черкасів -> Черкаси): pymorphy3's readings
    of the word as a common or place noun (guessed from its ending when the dictionary lacks
    it), each in the nominative of its own number and in the singular. Adjective readings
    ("Курской", of a region written without its noun) and personal names are left out."""
    low = word.lower()
    if len(low) < 4:
        return ()  # a stem of three letters and an ending at least: "Бої" is no town's case form
    forms = noun_nominatives(low, phrase_languages(low))
    return tuple(dict.fromkeys(_key(f) for f in forms if f != low and len(f) >= 3))


def _oblasts_named_like(candidates: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """The oblast a city's name also names (Zaporizhzhia), for the first such city read."""
    for p in candidates:
        if p.kind == "settlement" and p.admin1 == p.name:
            region = gazetteer.region(p.country_code, p.admin1)
            if region is not None:
                return [region]
    return []


# An adjective's oblique endings and the nominatives they may come from (Кривому -> Кривий,
# Білій -> Біла, Старом -> Старый): the first word of a two-word name
_ADJECTIVE_ENDINGS = re.compile(r"(?:ому|ого|ім|им|ій|ий|ой|ый|ом|ої|ою|ую|ая|ей|ое|у|а|е|і)$")
_ADJECTIVE_NOMINATIVES = ("ий", "ій", "ой", "ый", "а", "я", "ая", "е", "ое", "є")


@lru_cache(maxsize=20_000)
def _adjective_keys(word: str) -> tuple[str, ...]:
    low = word.lower()
    m = _ADJECTIVE_ENDINGS.search(low)
    if m is None or m.start() < 3:
        return ()
    stem = low[: m.start()]
    return tuple(dict.fromkeys(_key(stem + ending) for ending in _ADJECTIVE_NOMINATIVES))


def _inflected_pair(first: str, second: str, gazetteer: Gazetteer, prefixes: frozenset[str] | set[str]
                    ) -> tuple[str, list[Place]] | None:
    """A two-word name with both words in an oblique case ("Кривому Рогу" -> Кривий Ріг,
    "Білій Церкві" -> Біла Церква): only first words that open some name are tried."""
    heads = [k for k in _adjective_keys(first) if k in prefixes]
    if not heads:
        return None
    tails = (_key(second), *_nominative_keys(second))  # "Белую Церковь": the noun may be as written
    for head in heads:
        for tail in tails:
            places = gazetteer.candidates_for_key(head + " " + tail)
            if places:
                return head + " " + tail, places
    return None


def _inflected_candidates(word: str, gazetteer: Gazetteer, lex: _Lexicon
                          ) -> tuple[str, list[Place]] | None:
    best: tuple[float, str, list[Place]] | None = None
    for key in _nominative_keys(word):
        places = gazetteer.candidates_for_key(key)
        if places:
            strength = max(_plain_prior(p, lex) for p in places)
            if best is None or strength > best[0]:
                best = (strength, key, places)
    return None if best is None else (best[1], best[2])


def _plain_prior(place: Place, lex: _Lexicon) -> float:
    prefer = lex.prefer.get(place.country_code, 0.0)
    if place.kind == "country":
        return 1.6 + prefer
    if place.kind in ("region", "district"):
        return 0.6 + prefer
    return math.log10(place.population + 10) / 7.0 + prefer \
        - (0.05 if place.approximate else 0) + _region_prior(place, lex)


def _region_prior(place: Place, lex: _Lexicon) -> float:
    """Front-line oblasts first, and in them the front-line raions: a village named in war news
    is likelier there than elsewhere."""
    if not place.admin1:
        return 0.0
    prior = lex.prefer_regions.get((place.country_code, place.admin1), 0.0)
    if place.admin2:
        prior += lex.prefer_raions.get((place.country_code, place.admin1, place.admin2), 0.0)
    return prior


def _district_from_adjective(word: str, gazetteer: Gazetteer) -> list[Place] | None:
    """Покровському (районі), Климовском (районе) -> the raion the gazetteer knows by that
    adjective ("pokrovski raion"), put back in the masculine nominative; none for a raion it
    does not hold (Russia's); None when the word is no such adjective."""
    low = word.lower()
    match = _ADJECTIVE.search(low)
    if match is None:
        return None
    stem = low[: match.start()]
    # Russian spells the raion of a Ukrainian town with its own vowels (Харьковский, Харківський)
    for base in dict.fromkeys((stem, _vowel_swapped(stem))):
        key = _key(base + match.group(1) + "ий raion")
        districts = [p for p in gazetteer.candidates_for_key(key) if p.kind == "district"]
        if districts:
            return districts
    return []


def _region_from_adjective(word: str, gazetteer: Gazetteer, lex: _Lexicon) -> list[Place]:
    """Харківській / Одеської / Сумской (області, области) -> that oblast.

    First by the region's own adjectival name, which the gazetteer keeps transliterated
    ("odeska oblast", "rostovskaia oblast"): the adjective put back in the nominative
    (Ukrainian -ська, Russian -ская) plus "oblast". Otherwise via the city the adjective is
    built on (Сумской -> Сумы, Одесской -> Одесса): the most populous such place of a focus
    country, so that a short stem cannot reach a hamlet abroad (Оде-, a village in India)."""
    low = word.lower()
    match = _ADJECTIVE.search(low)
    if match is None:
        return []
    stem, suffix = low[: match.start()], match.group(1)
    if stem in lex.region_stems:
        country, admin1 = lex.region_stems[stem]
        named = gazetteer.region(country, admin1)
        return [] if named is None else [named]
    for nominative in (stem + suffix + "а", stem + suffix + "ая"):
        regions = [p for p in gazetteer.candidates_for_key(_key(nominative + " oblast"))
                   if p.kind == "region"]
        if regions:
            return regions
    # The city's own letters may run into the suffix (Одес-ская, Черкас-ька) or be dropped
    # before it (Сум-ська for Суми, Полтав-ська for Полтава).
    bases = [stem, stem + suffix, _vowel_swapped(stem),
             *(stem + letters + vowel for letters in ("", suffix[0]) for vowel in _CITY_VOWELS)]
    cities = [p for base in dict.fromkeys(bases) if len(base) >= 4
              for p in gazetteer.candidates_for_key(_key(base))
              if p.kind == "settlement" and p.admin1 and p.country_code in lex.focus_countries]
    if not cities:
        return []
    city = max(cities, key=attrgetter("population"))
    region = gazetteer.region(city.country_code, city.admin1 or "")
    return [] if region is None else [region]


# Hromadas listed after their plural noun ("обстріляли громади: Краснопільську, Білопільську та
# Миропільську", "громади Сумської області: ...", "общины: Глушковскую, Тёткинскую"): the noun,
# a region in the genitive at most, a colon, then capitalised adjectives joined by commas or
# "та/і/й/и"; each adjective names a hromada as one before the singular noun does.
_HROMADA_ADJECTIVE = r"[А-ЯІЇЄҐ][\w'’ʼ-]*(?:ськ|ск|цьк|цк|зьк|зк)\w+"
_HROMADA_LIST = re.compile(
    r"(?<!\w)(?:громад[иіа]?|громадах|общин[ыа]?|общинах)"
    r"(?:\s+[А-ЯІЇЄҐ][\w'’ʼ-]+\s+област\w*)?\s*:\s*"
    rf"({_HROMADA_ADJECTIVE}(?:{_LIST_LINK}{_HROMADA_ADJECTIVE}){{0,11}})")
_HROMADA_LIST_WORD = re.compile(_HROMADA_ADJECTIVE)
# ... and listed before it: "Марганецькій та Покровській громадах", "Глушковской и Тёткинской общин"
_HROMADA_LIST_TAIL = re.compile(
    rf"{_LIST_LINK}(?:{_HROMADA_ADJECTIVE}{_LIST_LINK}){{0,10}}{_HROMADA_ADJECTIVE}\s+"
    r"(?:громад(?:и|ах|ам|ами)?|общин(?:ы|ах|ам|ами)?)(?!\w)")


def _listed_hromada_starts(text: str) -> frozenset[int]:
    """Offsets of the adjectives listed after a plural hromada noun and a colon."""
    return frozenset(w.start() for m in _HROMADA_LIST.finditer(text)
                     for w in _HROMADA_LIST_WORD.finditer(text, m.start(1), m.end(1)))


# How far back (characters) a raion named before a hromada still qualifies it
HROMADA_RAION_REACH = 80


def _hromada_centres(word: str, gazetteer: Gazetteer, lex: _Lexicon) -> tuple[str, list[Place]]:
    """Марганецьку, Покровську, Краснопільську, Глушковской (громаду) -> the adjective's stem
    and the focus-country towns the adjective is built on, namesakes all (context picks one):
    the stem with the suffix kept (Покровськ, Покровське), with a soft sign or vowel back
    (Марганець, Глушково, Юнаківка) or with the -лля a -пільськ- stands for (Краснопілля)."""
    low = word.lower()
    match = _ADJECTIVE.search(low)
    if match is None or match.start() < 3:
        return low, []
    stem, suffix = low[: match.start()], match.group(1)
    bases = [stem + suffix, stem + suffix + "е", stem + suffix + "ое", stem + "ка", stem + "о",
             stem + "е", stem + "а", stem + "и", stem]
    if suffix.startswith("ц"):
        bases += [stem + "ць", stem + "ец"]
    if stem.endswith("іль"):
        bases.append(stem[:-1] + "лля")
    if stem.endswith("ин"):
        bases.append(stem[:-2] + "а")
    found: dict[int, Place] = {}
    for base in dict.fromkeys(bases):
        for p in gazetteer.candidates_for_key(_key(base)):
            if p.kind == "settlement" and p.country_code in lex.focus_countries:
                found.setdefault(id(p), p)
    return stem, list(found.values())


def _is_title_case(words: list[str], capitals: list[bool]) -> bool:
    # Whether each word longer than three letters is capitalised (C-level iterators: this
    # looks at every word of the document).
    long_capitals = list(compress(capitals, map((3).__lt__, map(len, words))))
    return len(long_capitals) >= 4 and sum(long_capitals) >= 0.7 * len(long_capitals)


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3): start]
    return start == 0 or _SENTENCE_END.search(before or "\n") is not None \
        or before.strip() in {"\"", "“", "«", "-", "—"}


def _find_spans(text: str, tokens: _Tokens, gazetteer: Gazetteer, lex: _Lexicon,
                allow_lowercase: bool) -> list[_Span]:
    spans: list[_Span] = []
    words, lowers, capitals, glued = tokens.text, tokens.lower, tokens.capital, tokens.glued
    # Headlines are often Written Like This, whatever the body does ("6 Hurt in 2 Downtown
    # Minneapolis Shootings"): the title (before the first blank line) is judged on its own.
    title_end = text.find("\n\n")
    title_tokens = bisect_right(tokens.start, title_end) if title_end > 0 else 0
    title_mode = _is_title_case(words, capitals)
    title_line_mode = title_mode or _is_title_case(words[:title_tokens], capitals)
    # Misspelling rescue is the slowest path; a handful per document is plenty.
    fuzzy_budget = 3
    hromadas: dict[str, list[_Span]] = {}  # by the adjective's stem
    noun_starts = _region_noun_starts(text)
    cyrillic = _CYRILLIC.search(text) is not None
    listed_hromadas = _listed_hromada_starts(text) if cyrillic else frozenset()
    n = len(tokens)
    # Only capitalised words open a name (unless asked otherwise); `resume` skips the
    # tokens of the name just read.
    starts = range(n) if allow_lowercase else list(compress(range(n), capitals))
    resume = 0
    has_key, prefixes = gazetteer.has_key, gazetteer.name_prefixes()
    not_single = lex.not_single_places
    for i in starts:
        if i < resume:
            continue
        word, lower, capital = words[i], lowers[i], capitals[i]
        key = _key(word)
        if not key:
            continue
        start, end = tokens.start[i], tokens.end[i]
        found: _Span | None = None
        # The longest run of glued tokens i..j (at most MAX_NGRAM) that names a place; a
        # lone token only when it may be a place on its own. Lengthening stops at the first
        # run that begins no longer name: most capitalised words need one or two look-ups.
        run_key, j, best = key, i, -1
        best_key = key
        if not (lower in not_single or len(key) < 3) and has_key(key):
            best = i
        while run_key in prefixes and j + 1 < min(n, i + MAX_NGRAM) and glued[j]:
            j += 1
            run_key = run_key + " " + _key(words[j])
            if has_key(run_key):
                best, best_key = j, run_key
        if best >= 0:
            found = _Span(i, best + 1, start, tokens.end[best],
                          gazetteer.candidates_for_key(best_key), best_key)
        if capital and cyrillic and _CYRILLIC.search(word) and (
                found is None or found.end_tok == i + 1):
            # An oblique form can collide with a hamlet's nominative (Харькове is also a
            # village); keep whichever reading names the more likely place. The first word of
            # a sentence is capitalised whatever it is, and a common noun in any case (Атака,
            # Пожежу, Ракета) spells some hamlet's name: there only a city counts (Харкову).
            inflected = _inflected_candidates(word, gazetteer, lex)
            if inflected is not None and _sentence_initial(text, start) and not any(
                    p.population >= SENTENCE_INITIAL_MIN_POPULATION for p in inflected[1]):
                inflected = None
            if inflected is not None:
                strength = max(_plain_prior(p, lex) for p in inflected[1]) - 0.1
                if found is None or strength > max(_plain_prior(p, lex)
                                                   for p in found.candidates):
                    found = _Span(i, i + 1, start, end, inflected[1], inflected[0])
        if found is not None and found.end_tok == i + 1 and i > 0 and lowers[i - 1] == "на" \
                and lower.endswith(("і", "ї")) and cyrillic:
            # "на Запоріжжі" is the oblast, "у Запоріжжі" the city: Ukrainian puts a region,
            # not a town, after "на" in the locative
            oblasts = _oblasts_named_like(found.candidates, gazetteer)
            if oblasts:
                found = _Span(i, i + 1, start, end, oblasts, found.key)
        if (found is None or found.end_tok == i + 1) and capital and cyrillic and glued[i] \
                and i + 1 < n and capitals[i + 1] and _CYRILLIC.search(word):
            # "по Кривому Рогу", "у Білій Церкві": both words of the name are inflected
            pair = _inflected_pair(word, words[i + 1], gazetteer, prefixes)
            if pair is not None:
                found = _Span(i, i + 2, start, tokens.end[i + 1], pair[1], pair[0])
        if (found is None or found.end_tok == i + 1) and capital and cyrillic \
                and _ADJECTIVE.search(lower) is not None:
            # "над Брянской, Курской и Белгородской областями": each adjective of a list before
            # a plural region noun names its region
            listed = _REGION_LIST_TAIL.match(text, end)
            if listed is not None:
                areas = (_district_from_adjective(word, gazetteer) if listed.group(1).startswith("район")
                         else _region_from_adjective(word, gazetteer, lex))
                if areas:
                    found = _Span(i, i + 1, start, end, areas, key)
        if (found is None or found.end_tok == i + 1) and glued[i] and capital \
                and i + 1 < n and lowers[i + 1] in lex.region_after:
            # "Харківську область": an adjective before a region noun names the region of
            # its city, whatever village its oblique form also spells (Kharkivske); before
            # "район" it names that raion, or nothing the gazetteer holds (not its town's oblast).
            if lowers[i + 1] in lex.direction_words:
                # "на Покровському напрямку": the front around the town the adjective is of
                centres = _hromada_centres(word, gazetteer, lex)[1]
                if centres:
                    found = _Span(i, i + 1, start, end, centres, key)
            elif lowers[i + 1] in _RAION_NOUNS:
                districts = _district_from_adjective(word, gazetteer)
                if districts:
                    found = _Span(i, i + 2, start, tokens.end[i + 1], districts, key)
                elif districts is not None:
                    resume = i + 2
                    continue
            else:
                regions = _region_from_adjective(word, gazetteer, lex)
                if regions:
                    found = _Span(i, i + 1, start, end, regions, key)
        if (found is None or found.end_tok == i + 1) and capital and cyrillic and (
                glued[i] and i + 1 < n and lowers[i + 1] in lex.hromada_after
                or start in listed_hromadas
                or _HROMADA_LIST_TAIL.match(text, end) is not None):
            # "Марганецьку громаду": the hromada of the town the adjective is built on, not a
            # namesake its oblique form spells (Покровську: Pokrovsk, not Pokrovske)
            stem, centres = _hromada_centres(word, gazetteer, lex)
            if len(centres) > 1:
                # the raion named with it ("Покровську громаду Синельниківського району") or
                # just before ("Нікопольський район: Марганецьку громаду, Покровську громаду")
                raions = [p for p in spans[-1].candidates if p.kind == "district"
                          ] if spans and start - spans[-1].end <= HROMADA_RAION_REACH else []
                if i + 3 < n and lowers[i + 3] in _RAION_NOUNS:
                    raions += _district_from_adjective(words[i + 2], gazetteer) or []
                inside = [c for c in centres if any(
                    c.admin1 == r.admin1 and c.admin2 and c.admin2 == r.admin2 for r in raions)]
                centres = inside or centres
            if centres:
                found = _Span(i, i + 1, start, end, centres, _key(word))
                hromadas.setdefault(stem, []).append(found)
        if found is None and capital and len(key) >= 6 and i > 0 and fuzzy_budget > 0 \
                and lower not in lex.stopwords and (
                    lowers[i - 1] in lex.locative
                    or _REGION_QUALIFIER.match(text, end) is not None):
            fuzzy_budget -= 1
            # A hromada named by its town's adjective before any misspelling of a town.
            adjective = _town_of_adjective(key, gazetteer, lex)
            similar: str | None
            if adjective is not None:
                similar, rescued = adjective
            else:
                similar = gazetteer.variant_key(key, lex.focus_countries) \
                    or gazetteer.similar_key(key, lex.focus_countries)
                rescued = [] if similar is None else [
                    p for p in gazetteer.candidates_for_key(similar)
                    if _key(p.name) == similar or lex.prefer.get(p.country_code, 0.0) >= 0.1]
            if similar is not None and rescued:
                found = _Span(i, i + 1, start, end, rescued, similar, penalty=0.1)
        if found is None and capital and len(key) >= 6 and not (cyrillic and _CYRILLIC.search(word)):
            found = _ikavism(key, i, start, end, gazetteer, lex)
        if found is None and capital and "-" in word:
            found = _hyphen_part(word, start, i, gazetteer, lex)
            if found is not None and glued[i] and i + 1 < n and lowers[i + 1] in lex.border_after:
                # "the Kherson-Dnipropetrovsk border": the strip along it, read as the first
                # name's region, not as the city of that name
                found.end, found.end_tok, found.region_marked = tokens.end[i + 1], i + 2, True
        if found is None:
            continue
        if not allow_lowercase and not capital:
            continue
        if not _accept(text, tokens, found, lex, title_line_mode if i < title_tokens else title_mode):
            resume = found.end_tok
            continue
        if allow_lowercase and not capital:
            found.weak = True
        _mark_region(tokens, found, lex, spans[-1].end_tok if spans else 0)
        _mark_listed_region(text, found, noun_starts)
        found.village_marked = _village_marked(tokens, found, lex)
        spans.append(found)
        resume = found.end_tok
    for named in hromadas.values():
        # the hromada a raion pins down once ("Покровську громаду Синельниківського району")
        # is the same hromada in the headline ("Обстріл Покровської громади")
        narrowest = min(named, key=lambda sp: len(sp.candidates))
        for sp in named:
            sp.candidates = narrowest.candidates
    return spans


# The last vowel of a name when only consonants follow it: where Ukrainian writes і for the
# o or e that Russian keeps (Kharkiv/Kharkov), romanisations mix the two ("Mariupil").
_LAST_CLOSED_I = re.compile(r"i(?=[^aeiou\s]+$)")
# A swapped vowel is read only as a city this big: the swap spells many a hamlet.
IKAVISM_MIN_POPULATION = 50_000


def _ikavism(key: str, index: int, start: int, end: int, gazetteer: Gazetteer, lex: _Lexicon
             ) -> _Span | None:
    """A name that names nothing, read with the і of its last closed syllable written o or e
    ("School Nr. 15, Mariupil'": Mariupol), when that spells a big city of a focus country."""
    m = _LAST_CLOSED_I.search(key)
    if m is None:
        return None
    for vowel in ("o", "e"):
        swapped = key[:m.start()] + vowel + key[m.end():]
        if not gazetteer.has_key(swapped):
            continue
        cities = [p for p in gazetteer.candidates_for_key(swapped)
                  if p.kind == _SETTLEMENT and p.population >= IKAVISM_MIN_POPULATION
                  and p.country_code in lex.focus_countries and _key(p.name) == swapped]
        if cities:
            return _Span(index, index + 1, start, end, cities, swapped, penalty=0.1)
    return None


# ", Luhansk Oblast" right after a word: the word names a place of that region, so a
# misspelt one (Krustalnyi for Khrustalnyi) is worth the misspelling rescue.
_REGION_QUALIFIER = re.compile(
    r"\s*,\s*[A-ZА-ЯІЇЄҐ][\w'’-]+\s+(?:[Oo]blast|[Rr]egion|[Rr]aion|[Dd]istrict|област[іи]|[Рр]айон)\b")


# The adjective of a town names its hromada or raion ("in Zymohiryivs'ka", "Bakhmutska"): on
# skeleton keys, the ending -ska/-ske/-skyi and its Russian forms -skaya/-skoe.
_ADJECTIVE_KEY = re.compile(r"sk(?:a|e|i|ii|aia|oe|oie)$")


def _town_of_adjective(key: str, gazetteer: Gazetteer, lex: _Lexicon
                       ) -> tuple[str, list[Place]] | None:
    """The focus-country town an adjective is built on: Pokrovsk-a (before Pokrov-ska), Bakhmut-ska,
    Andriiv(ka)-ska, Zymohir(ia)-yivska; None when no town of the name is its own."""
    match = _ADJECTIVE_KEY.search(key)
    if match is None or match.start() < 4:
        return None
    stem = key[: match.start()]
    bases = [stem + "sk", stem]
    if stem.endswith("iv"):
        bases += [stem + "ka", stem[:-2] + "ia"]
    for base in bases:
        towns = [p for p in gazetteer.candidates_for_key(base)
                 if p.kind == "settlement" and _key(p.name) == base
                 and lex.prefer.get(p.country_code, 0.0) >= 0.1]
        if towns:
            return base, towns
    return None


_STREETS_AFTER = re.compile(r"\s+(?:and|&)\s+(?:[A-Z][\w'’.-]*\s+){1,3}"
                            r"(?:Streets|Avenues|Roads|Boulevards|Drives|Lanes|streets|avenues|roads)\b")


def _hyphen_part(word: str, word_start: int, index: int, gazetteer: Gazetteer, lex: _Lexicon
                 ) -> _Span | None:
    """Kherson-Dnipropetrovsk border, 'Bakhmut-Bread' store: a place inside a compound."""
    offset = 0
    for part in word.split("-"):
        key = _key(part)
        if len(part) >= 4 and part[0].isupper() and part.lower() not in lex.stopwords:
            places = [p for p in gazetteer.candidates_for_key(key)
                      if lex.prefer.get(p.country_code, 0.0) >= 0.1 and _key(p.name) == key]
            if places:
                start = word_start + offset
                return _Span(index, index + 1, start, start + len(part), places, key)
        offset += len(part) + 1
    return None


def _accept(text: str, tokens: _Tokens, span: _Span, lex: _Lexicon,
            title_mode: bool) -> bool:
    """Reject names that are part of a person's name, a street or a longer proper name."""
    lowers, capitals = tokens.lower, tokens.capital
    first = span.start_tok
    prev = first - 1 if first > 0 else None
    nxt = span.end_tok if span.end_tok < len(tokens) else None
    joined_prev = prev is not None and tokens.glued[prev]
    joined_next = nxt is not None and tokens.glued[span.end_tok - 1]
    single = span.end_tok - span.start_tok == 1
    only_settlements = all(map(_SETTLEMENT.__eq__, map(_KIND, span.candidates)))
    first_text = tokens.text[first]
    if single and first_text.isupper() and len(first_text) <= 4 \
            and not any(p.kind == "country" for p in span.candidates):
        return False  # TOS-1, BMP, GIU: acronyms, not towns (USA, UK stay countries)
    if prev is not None and _names_person(text, tokens, prev, lex):
        return False
    if single and lowers[first] in lex.given_names and joined_next and nxt is not None \
            and capitals[nxt] and lowers[nxt] not in lex.stopwords and lowers[nxt] not in lex.region_after:
        return False  # "Tyler Manow", not "Charlotte police" or "Madison County"
    if only_settlements and _run_ends_in_street(tokens, span.end_tok, lex.street_after):
        return False  # Leningradskaya Street, Svobody Square, Siverskyi Donets river
    if _run_ends_in_street(tokens, span.end_tok, lex.street_after_any):
        return False  # Florida Avenue, Georgia Street: a region's name too (not "Kharkiv Court of Appeal")
    if only_settlements and _STREETS_AFTER.match(text, span.end) is not None:
        return False  # "at Meridian and Grace Streets": two streets that share the last word
    if joined_prev and prev is not None and lowers[prev] in lex.street_before and only_settlements \
            and not (nxt is not None and joined_next and lowers[nxt] in lex.region_after):
        return False  # via Roma, the Moskva (a ship), piazza Venezia
    if title_mode:
        return True
    # "Mariupol Drama Theater": a name in the middle of a capitalised run names a building
    # or an organisation, not the place (unless the run starts with a function word).
    if joined_prev and prev is not None and _name_like(tokens, prev) and lowers[prev] not in lex.stopwords \
            and not _sentence_initial(text, tokens.start[prev]) and lowers[prev] not in lex.region_after:
        return False
    if single and joined_next and nxt is not None and capitals[nxt] \
            and lowers[nxt] not in lex.stopwords and lowers[nxt] not in lex.region_after:
        if all(p.kind == "settlement" and p.population < 1000 for p in span.candidates):
            return False
        span.penalty = 0.3
    return True


def _village_marked(tokens: _Tokens, span: _Span, lex: _Lexicon) -> bool:
    """"the village of X", "village X", "у селі X", "X village" (not "X village council"),
    when some namesake is a village: the cue picks among namesakes, it never drops the name."""
    return _village_cue(tokens, span, lex) and any(
        p.kind == "settlement" and p.population < VILLAGE_MAX_POPULATION for p in span.candidates)


def _village_cue(tokens: _Tokens, span: _Span, lex: _Lexicon) -> bool:
    """A word before or after the name that writes it as a village (looked at first: rare)."""
    lowers, glued = tokens.lower, tokens.glued
    n = len(lowers)
    k = span.start_tok - 1
    if k >= 0 and glued[k] and lowers[k] in ("of", "di", "de", "du"):
        k -= 1
    if k >= 0 and glued[k] and lowers[k] in lex.village_words:
        return True
    end = span.end_tok
    if not (end < n and glued[end - 1] and lowers[end] in lex.village_words):
        return False
    after = end + 1
    return after >= n or not glued[end] or tokens.capital[after] \
        or lowers[after] in lex.locative or lowers[after] in lex.stopwords


def _run_ends_in_street(tokens: _Tokens, index: int, words: frozenset[str]) -> bool:
    glued, lowers, capitals = tokens.glued, tokens.lower, tokens.capital
    n = len(lowers)
    while index < n and glued[index - 1]:
        if lowers[index] in words:
            return True
        if not capitals[index]:
            return False
        index += 1
    return False


def _name_like(tokens: _Tokens, k: int) -> bool:
    """Capitalised and not a hyphenated adjective such as Russian-occupied."""
    if not tokens.capital[k]:
        return False
    tail = tokens.text[k].rsplit("-", 1)[-1]
    return not tail[:1].islower()


def _mark_region(tokens: _Tokens, span: _Span, lex: _Lexicon, floor: int = 0) -> None:
    """Take the region or district noun after the name, or the one before it, into the span
    and mark it; the words before it are not taken from the name read before it (`floor`, the
    end of that name: "Vostochny district of Mariupol" is not Mariupol's district)."""
    n = len(tokens)
    lowers, glued = tokens.lower, tokens.glued
    if span.end_tok < n and glued[span.end_tok - 1]:
        word = lowers[span.end_tok]
        if word in lex.region_after:
            span.end = tokens.end[span.end_tok]
            span.end_tok += 1
            if word in _RAION_NOUNS or word in {"district", "raion", "rayon", "county"}:
                span.district_marked = True
            elif word in lex.direction_words and not any(p.kind == "region" for p in span.candidates):
                # "the Mariupol front": the town's surroundings, not the whole oblast.
                span.district_marked = True
            else:
                span.region_marked = True
            return
    if span.start_tok == 0 or lowers[span.start_tok - 1] not in lex.before_last_words:
        return
    for words in (*lex.district_before, *lex.region_before):
        k = len(words)
        first = span.start_tok - k
        if first < floor:
            continue
        if tuple(lowers[first: span.start_tok]) == words and all(glued[first: span.start_tok]):
            span.start = tokens.start[first]
            span.start_tok = first
            if words in lex.district_before:
                span.district_marked = True
            else:
                span.region_marked = True
            return


_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐ][\w'’-]+)?"
# a list's link: a comma, a conjunction, or both ("Ivanovo, Ryazan, and Amur")
_AND = r"(?:\s*,\s*(?:(?:and|e|y|et|und|и|і|та)\s+)?|\s+(?:e|ed|and|&|y|et|und|и|і|та|та й)\s+)"
_REGION_NOUNS = r"regione|regioni|region|regions|oblast|oblasts|provincia|province|provinces|région|régions|región|regiones|regionen|области|областях|області|областей"
_DISTRICT_NOUNS = r"distretto|distretti|district|districts|raion|raions|rayon|rayons|distrito|distritos|районах|районів|районов"
# "nelle regioni di Donetsk e Lugansk", "dei distretti di Kupyan, Chuguyiv e Kharkiv",
# "nella regione orientale di Kharkiv": every name of a list governed by a region noun.
_GOVERNED = re.compile(
    rf"\b(?:(?P<region>{_REGION_NOUNS})|(?P<district>{_DISTRICT_NOUNS}))"
    rf"(?:\s+[a-zà-ÿ]+){{0,2}}?\s+(?:di|del|della|dell['’]|of|the|of the|de|du|des|del)\s*"
    rf"(?:{_NAME}{_AND})*$",
    re.IGNORECASE,
)
# A list of two names or more under a plural noun goes on past a relative clause on its last
# name: "sulle regioni di Rostov, Kursk, dove (...) sarebbero stati uccisi, e Voronezh", "the
# regions of Rostov and Kursk, where (...), and Voronezh".
_GOVERNED_PAST_CLAUSE = re.compile(
    r"\b(?:(?P<region>regioni|regions|oblasts)|(?P<district>distretti|districts|raions))"
    rf"(?:\s+[a-zà-ÿ]+){{0,2}}?\s+(?:di|of|of the)\s+{_NAME}(?:{_AND}{_NAME})+"
    r"\s*,\s*(?:dove|where|which|in\s+cui)\b[^.;:!?]{0,100}?,\s*(?:e|ed|and)\s+$",
    re.IGNORECASE,
)
# The last name of a list is followed by punctuation or a conjunction, not by its own verb
# ("..., and Moscow said": a new clause).
_LIST_ITEM_END = re.compile(r"\s*(?:[,.;:)!?]|$|(?:e|ed|and|or|o)\b)")
# "the Kharkiv and Sumy regions", "the Ryazan, and Amur Regions": a list closed by a plural
# region noun, in any case.
_LIST_CLOSED = re.compile(
    rf"^(?:{_AND}{_NAME})*{_AND}{_NAME}\s+(?i:(?P<region>regions|oblasts|regioni)|(?P<district>districts|distretti|raions))\b",
)


# Both list patterns need a region or district noun inside their window; finding the nouns
# once per document spares the costly list searches around every name in most texts.
def _noun_start_pattern() -> re.Pattern[str]:
    """What `\\b(?:region|oblast|...)` matches under IGNORECASE, in a form the engine searches
    fast. A case-sensitive class opens it: the nouns' ASCII initials in both cases and any
    non-ASCII character (IGNORECASE also matches look-alikes such as Kelvin K or long s), so
    the engine skips ahead to those few characters. Behind the initial it checks the word
    boundary and which nouns the initial opens, case-blind."""
    nouns = f"{_REGION_NOUNS}|{_DISTRICT_NOUNS}".split("|")
    by_initial: dict[str, list[str]] = {}
    for noun in nouns:
        by_initial.setdefault(noun[0], []).append(noun[1:])
    initials = "".join(sorted({c + c.upper() for c in by_initial if c.isascii()}))
    rests = "|".join(rf"(?<={re.escape(c)})(?:{'|'.join(map(re.escape, tails))})"
                     for c, tails in by_initial.items())
    return re.compile(rf"[{initials}\x80-\U0010ffff](?<!\w.)(?i:{rests})")


_NOUN_START = _noun_start_pattern()


def _region_noun_starts(text: str) -> list[int]:
    """Offsets where a region or district noun starts, ascending."""
    return [m.start() for m in _NOUN_START.finditer(text)]


def _noun_between(noun_starts: list[int], lo: int, hi: int) -> bool:
    k = bisect_left(noun_starts, lo)
    return k < len(noun_starts) and noun_starts[k] < hi


def _mark_listed_region(text: str, span: _Span, noun_starts: list[int]) -> None:
    """Mark names that a region or district noun governs through a list, not only the adjacent one."""
    if span.region_marked or span.district_marked:
        return
    m: re.Match[str] | None = None
    lo = max(0, span.start - 160)
    if _noun_between(noun_starts, lo, span.start):
        m = _GOVERNED.search(text, lo, span.start)
        if m is None and _LIST_ITEM_END.match(text, span.end) is not None:
            m = _GOVERNED_PAST_CLAUSE.search(text, lo, span.start)
    if m is None and _noun_between(noun_starts, span.end, span.end + 120):
        m = _LIST_CLOSED.match(text[span.end : span.end + 120])
    if m is None:
        return
    if m.group("district"):
        span.district_marked = True
    else:
        span.region_marked = True


def _nearest_km(place: Place, anchors: list[Place]) -> float:
    """Distance in km to the nearest anchor (1e9 when none has coordinates). Equirectangular:
    exact enough below a few hundred km, and cheap; it runs for every candidate of every
    name against up to a dozen anchors, so the formula is written out in the loop."""
    lat, lon = place.lat, place.lon
    if lat is None or lon is None:
        return 1e9
    cos, radians, hypot = math.cos, math.radians, math.hypot
    best = 1e9
    for a in anchors:
        a_lat, a_lon = a.lat, a.lon
        if a_lat is None or a_lon is None:
            continue
        d = 111.2 * hypot((a_lon - lon) * cos(radians((lat + a_lat) / 2.0)), a_lat - lat)
        if d < best:
            best = d
    return best


def _unlisted_population(candidates: list[Place]) -> int:
    """The population a Ukrainian settlement without a figure counts as among these namesakes.

    Only the Ukrainian register lists it: GeoNames left it out as small, not as empty, so
    beside a namesake with a figure it counts as a typical village rather than as nobody.
    Among namesakes none of which has a figure, it stays at none: the floor ranks namesakes,
    it must not make an unknown hamlet a likelier reading of a word than it was."""
    if any(p.population for p in candidates if p.country_code == "UA"):
        return UNLISTED_POPULATION
    return 0


def _prior(place: Place, span: _Span, lex: _Lexicon, unlisted: int = 0) -> float:
    prefer = lex.prefer.get(place.country_code, 0.0)
    if place.kind == "country":
        return 1.6 + prefer
    if place.kind == "region":
        return (1.5 if span.region_marked else 0.6) + prefer
    if place.kind == "district":
        return (1.5 if span.district_marked else 0.6 if span.lone_local else 0.3) + prefer \
            + _region_prior(place, lex)
    population = place.population or (unlisted if place.country_code == "UA" else 0)
    base = math.log10(population + 10) / 7.0 + _region_prior(place, lex)
    if span.village_marked and place.population >= VILLAGE_MAX_POPULATION:
        base -= 0.8
    if place.approximate:
        base -= 0.05
    if _far_country_penalty(place, lex) and not span.lone_local:
        # Villages of far-away countries named like common words (Banca, Lisa, Roma in
        # Romania) need context before they count as a reading.
        base -= FAR_SMALL_TOWN_PENALTY
    if span.region_marked:
        base -= 0.5
    return base + prefer


# Villages of one country bearing a name that make it a common village name
COMMON_VILLAGE_NAME = 5


def _alias_penalty(place: Place, span: _Span, lex: _Lexicon) -> float:
    """Reached through an alternate name rather than the place's own name.

    GeoNames alternate names of far-away cities include ordinary words (Rally for
    Raleigh, Kilo for Kiel); exonyms of focus countries (Kiev, Kharkov) are routine.
    """
    own = _key(place.name)
    if place.kind != "settlement" or own == span.key \
            or (" " in span.key and own.startswith(span.key + " ")):
        return 0.0  # own name, or its head ("New York" for New York City)
    short, _, rest = span.key.partition(" ")
    if rest and any(own == full + " " + rest for full in lex.name_abbreviations.get(short, ())):
        return 0.0  # "Ft. Lauderdale": Fort Lauderdale written short
    if place.country_code not in lex.prefer:
        return 0.5
    # Written exactly as a big city's own name ("Mykolaiv"), an alternate name of a
    # village (Mykolaivka) is a poor reading even when context favours the village.
    if any(p.kind == "settlement" and p.population >= 50_000 and _key(p.name) == span.key
           for p in span.candidates):
        return 0.6
    # A city's former name that many villages of its country bear today (Melitopol was
    # Novooleksandrivka, the name of 42 Ukrainian villages): news means one of the villages.
    # A rarer one is still the city's in the news that keeps it ("Krasny Liman": Lyman).
    if sum(p.kind == "settlement" and p.country_code == place.country_code and _key(p.name) == span.key
           for p in span.candidates) >= COMMON_VILLAGE_NAME:
        return 0.6
    return 0.1 if lex.prefer[place.country_code] >= 0.1 else 0.5


_MIN_SCORE = 0.35
FAR_SMALL_TOWN_PENALTY = 0.3
# The country most of a text's names point to is its home: a local story (Katy near Houston)
# names small towns of its own country, which need no more evidence than a big foreign city.
HOME_MIN_SHARE = 0.5
HOME_MIN_NAMES = 2
# The prior of a home-country region that shares its name with a country (a country's is 1.6
# plus its preference).
HOME_REGION_OVER_COUNTRY = 1.8


def _far_country_penalty(place: Place, lex: _Lexicon) -> bool:
    return place.kind == "settlement" and place.population < 50_000 \
        and lex.prefer.get(place.country_code, 0.0) < 0.1


def _home_country(spans: list[_Span], best: list[Place], lex: _Lexicon) -> str | None:
    """The country most names of the text are best read in (by prior, before context), when
    it holds at least HOME_MIN_SHARE of them; None otherwise or for a focus country, whose
    small places never pay the far-country penalty."""
    votes: dict[str, int] = {}
    for span, place in zip(spans, best):
        # "Georgia", a country and a US state, says nothing of the text's country.
        if not span.weak and not (place.kind == "country" and len(span.candidates) > 1
                                  and any(c.kind == "region" for c in span.candidates)):
            votes[place.country_code] = votes.get(place.country_code, 0) + 1
    if not votes:
        return None
    home = max(votes, key=lambda cc: votes[cc])
    if votes[home] < HOME_MIN_NAMES or votes[home] < HOME_MIN_SHARE * sum(votes.values()) \
            or lex.prefer.get(home, 0.0) >= 0.1:
        return None
    return home
# GeoNames' cities500 lists places of 500 people or more; a register village it lacks is
# usually just below that, or listed under a spelling the linker did not match.
UNLISTED_POPULATION = 500
# A place written as a village ("the village of X") is not a namesake town of this size.
VILLAGE_MAX_POPULATION = 10_000


def _regions_of_namesakes(span: _Span, gazetteer: Gazetteer) -> None:
    """"Dnepropetrovsk oblast": no region is written that way, but the city is; read the
    phrase as the region the namesake city belongs to."""
    if not (span.region_marked or span.district_marked):
        return
    if any(p.kind in ("region", "district") for p in span.candidates):
        return
    regions: list[Place] = []
    for place in sorted(span.candidates, key=lambda p: -p.population)[:3]:
        region = gazetteer.region(place.country_code, place.admin1) if place.admin1 else None
        if region is not None and region not in regions:
            regions.append(region)
    if regions and span.region_marked:
        span.candidates = regions


def _resolve(text: str, spans: list[_Span], gazetteer: Gazetteer, lex: _Lexicon,
             outlet_states: frozenset[str] = frozenset()) -> list[tuple[_Span, Place, float]]:
    for span in spans:
        _regions_of_namesakes(span, gazetteer)
    # A name repeated in the text is read the same way each time it carries the same marks:
    # its priors, and below its scores, are worked out once (candidates, alive through
    # `spans`, are told apart by identity).
    same_candidates = [tuple(map(id, s.candidates)) for s in spans]
    prior_memo: dict[tuple[object, ...], tuple[list[float], Place]] = {}
    priors: list[list[float]] = []
    best_prior: list[Place] = []
    for s, ids in zip(spans, same_candidates):
        marks = (s.key, ids, s.region_marked, s.district_marked, s.village_marked, s.lone_local)
        memo = prior_memo.get(marks)
        if memo is None:
            floor = _unlisted_population(s.candidates)
            pr = [_prior(p, s, lex, floor) for p in s.candidates]
            memo = prior_memo[marks] = (pr, s.candidates[max(range(len(pr)), key=pr.__getitem__)])
        priors.append(memo[0])
        best_prior.append(memo[1])
    # Context: regions and countries the document names, and where its other places lie.
    region_hint: dict[tuple[str, str], float] = {}
    country_hint: set[str] = set()
    hinted: set[tuple[tuple[int, ...], bool, int]] = set()
    for span, ids, place in zip(spans, same_candidates, best_prior):
        if place.kind == "country":
            country_hint.add(place.country_code)
        # A name read again the same way adds the same hints again: looked at once.
        reading = (ids, span.region_marked, id(place))
        if reading in hinted:
            continue
        hinted.add(reading)
        for cand in span.candidates:
            if cand.kind == "region" and cand.admin1:
                weight = 1.0 if span.region_marked or place is cand else 0.5
                key = (cand.country_code, cand.admin1)
                region_hint[key] = max(region_hint.get(key, 0.0), weight)
    # "LPR forces": weak context for the region, as a region named in passing. Most texts
    # name none: a plain substring test (C speed) spares them the word-boundary scan.
    if any(word in text for word in lex.region_acronyms):
        for m in lex.region_acronym.finditer(text):
            key = lex.region_acronyms[m.group()]
            region_hint[key] = max(region_hint.get(key, 0.0), 0.5)
    if outlet_states and not any(cc == _US and weight >= 1.0 for (cc, _), weight in region_hint.items()):
        # The outlet's state decides between namesakes only when the text names no state.
        for state in outlet_states:
            key = (_US, state)
            region_hint[key] = max(region_hint.get(key, 0.0), OUTLET_STATE_HINT)
    home = _home_country(spans, best_prior, lex)
    counties = _named_counties(spans, same_candidates, lex.story_state_countries)
    located = [(other.key, (place.lat, place.lon), place) for other, place in zip(spans, best_prior)
               if place.kind in ("settlement", "district")]
    return _read_spans(text, spans, priors, best_prior, same_candidates, located, region_hint,
                       country_hint, gazetteer, lex, home, counties)


# Context a town gets from its county named in the text, and a county from a town of it.
COUNTY_AND_TOWN = 0.6


def _county_key(place: Place) -> tuple[str, str, str] | None:
    """(country, first-level division, county) of a town (the county it lies in) or of a
    county itself; None for anything else or without a first-level division."""
    county = place.admin2 if place.kind == "settlement" else place.name if place.kind == "district" else None
    return (place.country_code, place.admin1, county) if county and place.admin1 else None


def _named_counties(spans: list[_Span], same_candidates: list[tuple[int, ...]],
                    countries: frozenset[str]) -> dict[tuple[str, str, str], set[str]]:
    """The counties (second-level divisions of these countries) the text's names may be or lie
    in, each with the keys of the names that point to it: a county's own name, or a town of
    that county. Limited to the countries of local news (`story_state_countries`): in war
    news a raion and a village of it are not yet measured to gain from it."""
    counties: dict[tuple[str, str, str], set[str]] = {}
    names = {(span.key, ids): span.candidates for span, ids in zip(spans, same_candidates)}
    for (name, _), candidates in names.items():  # a name written again points nowhere new
        for place in candidates:
            if place.country_code in countries:
                key = _county_key(place)
                if key is not None:
                    counties.setdefault(key, set()).add(name)
    return counties


def _read_spans(text: str, spans: list[_Span], priors: list[list[float]], best_prior: list[Place],
                same_candidates: list[tuple[int, ...]],
                located: list[tuple[str, tuple[float | None, float | None], Place]],
                region_hint: dict[tuple[str, str], float], country_hint: set[str],
                gazetteer: Gazetteer, lex: _Lexicon, home: str | None,
                counties: dict[tuple[str, str, str], set[str]],
                ) -> list[tuple[_Span, Place, float]]:
    """Each span's reading given the context, with its confidence; unsure readings dropped."""
    resolved: list[tuple[_Span, Place, float]] = []
    anchors_by_key: dict[str, list[Place]] = {}
    # A name repeated in the text has the same anchors, so the same distances: the places
    # (alive through `spans`) are told apart by identity, as Place compares every field.
    nearest: dict[tuple[str, int], float] = {}
    scored_memo: dict[tuple[object, ...], list[tuple[float, int]]] = {}
    for idx, (span, pr, ids) in enumerate(zip(spans, priors, same_candidates)):
        anchors = anchors_by_key.get(span.key)
        if anchors is None:
            anchors = list({at: place for key, at, place in located if key != span.key}.values())[:12]
            anchors_by_key[span.key] = anchors
        qualifier = _qualifying_region(text, spans, idx, lex)
        sign = (span.key, ids, span.region_marked, span.district_marked,
                span.village_marked, span.penalty, span.lone_local,
                None if qualifier is None else frozenset(qualifier))
        scored = scored_memo.get(sign)
        if scored is None:
            scored = scored_memo[sign] = _scores(span, pr, anchors, region_hint, country_hint,
                                                   qualifier, nearest, lex, home, counties)
        top_score, top = scored[0]
        chosen = span.candidates[top]
        margin = top_score - scored[1][0] if len(scored) > 1 else 1.0
        near = _namesake_near_the_next(text, spans, best_prior, idx) \
            or _namesake_in_the_raion(text, spans, best_prior, idx, scored)
        if near is not None:
            chosen, margin = near, 1.0
        confidence = max(0.05, min(1.0, 0.5 + 0.5 * math.tanh(2.0 * margin)))
        confidence *= min(1.0, 0.5 + top_score / 2.0)
        if top_score < _MIN_SCORE and not span.region_marked:
            continue
        if len(scored) > 1 and margin < TIE_MARGIN:
            tied = [span.candidates[c] for score, c in scored[1:] if top_score - score < TIE_MARGIN]
            fallback = _honest_fallback(chosen, tied, gazetteer)
            if fallback.kind == "region" and chosen.kind == _SETTLEMENT and any(
                    top_score - score < OBLAST_SPREAD_MARGIN
                    and span.candidates[c].admin1 != chosen.admin1
                    and span.candidates[c].country_code == chosen.country_code
                    for score, c in scored[1:]):
                # Tied namesakes of one oblast, and one of another oblast just behind them
                # ("in Kamianka"): the oblast is a guess too; only the country is known.
                fallback = gazetteer.country(chosen.country_code) or fallback
            chosen = fallback
        if qualifier and chosen.kind == _SETTLEMENT \
                and (chosen.country_code, chosen.admin1) not in qualifier \
                and not any(p.kind == "country" and p.country_code == chosen.country_code
                            for p in spans[idx + 1].candidates) \
                and (chosen.population < VILLAGE_MAX_POPULATION
                     or _names_a_site(text, span, spans[idx + 1], lex.site_words)):
            # "Krasnolyubetsk, Kherson Oblast" with no namesake in Kherson Oblast: a village the
            # gazetteer lacks, in the oblast the text names, not a namesake elsewhere; but a
            # town ("from Mariupol in Zaporizhzhia Oblast") is itself unless it names a site
            # ("Hollywood Recreation Center in Las Vegas"), and "Tbilisi, Georgia" names the
            # town's country, not the US state
            chosen = next((r for cc, admin1 in sorted(qualifier)
                           if (r := gazetteer.region(cc, admin1)) is not None), chosen)
        if span.weak:
            confidence *= 0.6
        if resolved and chosen.kind != "region":
            chosen = _qualifier_region(text, resolved[-1], span, chosen)
        resolved.append((span, chosen, round(confidence, 3)))
    return resolved


# "the village of Novooleksandrivka near Pokrovsk", "vicino a Pokrovsk": the words between two
# names say the first lies close to the second.
_NEAR_GAP = re.compile(
    r"\s*,?\s+(?:(?:a|an|un|una)\s+(?:small\s+|piccol[oa]\s+)?(?:village|town|settlement|"
    r"villaggio|paese|cittadina|frazione|località)\s+)?"
    r"(?:near|outside|close\s+to|not\s+far\s+from|vicino\s+a|nei\s+pressi\s+di|"
    r"nelle\s+vicinanze\s+di|alle\s+porte\s+di|non\s+lontano\s+da)\s+", re.IGNORECASE)
# The namesake a "near" picks lies this close to the town named, the next one at least this
# many times as far.
NEAR_MAX_KM = 20.0
NEAR_LEAD = 2.0


def _namesake_near_the_next(text: str, spans: list[_Span], best_prior: list[Place], idx: int
                            ) -> Place | None:
    """The namesake of span idx clearly nearest the town written after it with "near" (one of
    many Novooleksandrivkas lies at Pokrovsk); None when none is, or several are about as near."""
    if idx + 1 >= len(spans) or len(spans[idx].candidates) < 2:
        return None
    span, nxt = spans[idx], spans[idx + 1]
    if _NEAR_GAP.fullmatch(text, span.end, nxt.start) is None:
        return None
    town = best_prior[idx + 1]
    if town.kind != _SETTLEMENT:
        return None
    # Places of that very name, if any: a former name (Andriivka, now Sukhanivka) is a weaker reading.
    towns = [k for k, c in enumerate(span.candidates) if c.kind == _SETTLEMENT and c is not town]
    own = [k for k in towns if _key(span.candidates[k].name) == span.key]
    namesakes = sorted(((_nearest_km(span.candidates[k], [town]), k) for k in own or towns),
                       key=itemgetter(0))
    if not namesakes or namesakes[0][0] > NEAR_MAX_KM or (
            len(namesakes) > 1 and namesakes[1][0] < NEAR_LEAD * namesakes[0][0]):
        return None
    chosen = span.candidates[namesakes[0][1]]
    # A village known only by its hromada's or raion's centre is placed at the town it is
    # written near: a point the text vouches for, nearer than the centre it borrowed.
    return replace(chosen, lat=town.lat, lon=town.lon) if chosen.approximate else chosen


def _namesake_in_the_raion(text: str, spans: list[_Span], best_prior: list[Place], idx: int,
                           scored: list[tuple[float, int]]) -> Place | None:
    """"the village of Petrivka in the Izium district": the best-scored namesake of span idx in
    the raion written next (by its centre's name or its own), not one of another raion. None when
    the raion holds none, holds several tied, or holds the reading that scored clearly best."""
    if idx + 1 >= len(spans) or len(spans[idx].candidates) < 2 or not spans[idx + 1].district_marked:
        return None
    span, nxt = spans[idx], spans[idx + 1]
    if _QUALIFIER_GAP.match(text[span.end: nxt.start]) is None:
        return None
    raion = best_prior[idx + 1]
    if not (raion.admin1 and raion.admin2 and _names_a_raion(raion)):
        return None
    unit = (raion.country_code, raion.admin1, raion.admin2)
    inside = [(score, p) for score, c in scored if (p := span.candidates[c]).kind == _SETTLEMENT
              and (p.country_code, p.admin1, p.admin2) == unit]
    clear = len(scored) == 1 or scored[0][0] - scored[1][0] >= TIE_MARGIN
    if not inside or (clear and span.candidates[scored[0][1]] is inside[0][1]):
        return None
    top_score, chosen = inside[0]
    if any(top_score - score < TIE_MARGIN for score, _c in inside[1:]):
        # Namesakes tied in the raion: the raion, written next, is as much as the text says.
        return None
    return chosen


def _scores(span: _Span, pr: list[float], anchors: list[Place],
            region_hint: dict[tuple[str, str], float], country_hint: set[str],
            qualifier: set[tuple[str, str]] | None, nearest: dict[tuple[str, int], float],
            lex: _Lexicon, home: str | None,
            counties: dict[tuple[str, str, str], set[str]],
            ) -> list[tuple[float, int]]:
    """(score, candidate index) of each candidate of a span, best first."""
    scored: list[tuple[float, int]] = []
    # Nearness lifts a small home town over a far-away namesake (Katy near Houston, not Kati in
    # Mali), never over a big namesake of the same country (Newark, New Jersey).
    lift_when_near = home is not None and not any(
        p.country_code == home and p.kind == "settlement" and not _far_country_penalty(p, lex)
        for p in span.candidates)
    for c, (place, prior) in enumerate(zip(span.candidates, pr)):
        context, near = 0.0, 1e9
        in_named_county = False
        lifted = place.country_code == home and _far_country_penalty(place, lex) \
            and not span.lone_local
        if place.admin1 and place.kind != "region":
            context += 0.6 * region_hint.get((place.country_code, place.admin1), 0.0)
        if place.country_code in country_hint and place.kind != "country":
            context += 0.15
        if counties and place.admin1:
            # "FAYETTE COUNTY (KDKA) … in Brownsville": a town and the county it lies in,
            # both named, read each other (Brownsville, Pennsylvania; its Fayette County).
            key = _county_key(place)
            named = counties.get(key) if key is not None else None
            if named and (len(named) > 1 or span.key not in named):
                context += COUNTY_AND_TOWN
                in_named_county = True
        if anchors and place.kind in ("settlement", "district"):
            near_key = (span.key, id(place))
            known = nearest.get(near_key)
            if known is None:
                # A place is no evidence for itself ("East Las Vegas", an alias of Las
                # Vegas NM, must not pull "Las Vegas" there).
                others = [a for a in anchors if a is not place]
                known = nearest[near_key] = _nearest_km(place, others)
            near = known
            context += 0.4 if near < 60 else 0.25 if near < 150 else 0.1 if near < 400 else 0.0
        elif place.kind == "region" and any(
                (a.country_code, a.admin1) == (place.country_code, place.admin1) for a in anchors):
            context += 0.4  # "Punta Gorda ... a Florida woman": the state, not a Cuban town
        if home is not None and place.kind == "region" and place.country_code == home \
                and any(c.kind == "country" for c in span.candidates):
            # "South Georgia" in a story of the United States: the state, not the country.
            prior = max(prior, HOME_REGION_OVER_COUNTRY)
        if lifted and ((lift_when_near and near < 60) or in_named_county
                       or region_hint.get((place.country_code, place.admin1 or ""), 0.0) >= 1.0):
            # A small town of the story's own country, near its other places or in a state or
            # county it names, is not a far-away village: it pays no far-country penalty.
            prior += FAR_SMALL_TOWN_PENALTY
        # Several weak context signals must not outvote a name written exactly.
        score = prior - span.penalty - _alias_penalty(place, span, lex) + min(context, 0.7)
        if qualifier is not None and place.kind != "region" \
                and (place.country_code, place.admin1) in qualifier:
            score += 1.0
        scored.append((score, c))
    scored.sort(key=lambda sc: (-sc[0], sc[1]))
    return scored


# Readings closer than this in score are a tie.
TIE_MARGIN = 0.03
# A namesake of another oblast this close behind the tied namesakes of one oblast leaves the
# oblast unknown as well.
OBLAST_SPREAD_MARGIN = 0.05
# Namesakes of one oblast this close together are one answer for a map: either lies nearer
# the truth than the oblast's centre would.
NAMESAKES_CLOSE_KM = 30.0


def _honest_fallback(chosen: Place, tied: list[Place], gazetteer: Gazetteer) -> Place:
    """Equally likely small places: report only what they share (raion, region or country)
    rather than guess one of them, unless they all lie close together in one region."""
    runner = tied[0]
    if chosen.kind != "settlement" or chosen.population >= 10_000 \
            or runner.country_code != chosen.country_code:
        return chosen
    if runner.admin1 == chosen.admin1 and chosen.admin1:
        if runner.admin2 == chosen.admin2 and chosen.admin2:
            # Two Kamianky of one raion: the raion is nearer the truth than the oblast.
            district = gazetteer.district(chosen.country_code, chosen.admin1, chosen.admin2)
            if district is not None and not district.approximate:
                return district
        if all(p.admin1 == chosen.admin1 and _nearest_km(p, [chosen]) < NAMESAKES_CLOSE_KM
               for p in tied):
            return chosen
        return gazetteer.region(chosen.country_code, chosen.admin1) or chosen
    return gazetteer.country(chosen.country_code) or chosen


# "Pervomaisk, Luhansk Oblast", "Andriivka village in Kyiv Oblast", "X, a town in the Y region".
_QUALIFIER_GAP = re.compile(r"^[\s,(\-–—]*(?:(?:in|nel|nella|nell|in the|of|di|della|dell|"
                            r"у|в|the|a|an|un|una|small|village|town|city|settlement|hamlet|"
                            r"villaggio|paese|città|cittadina|frazione|село|селище|місто)\s+)*$",
                            re.IGNORECASE)


# A city this many times as big as any namesake in another region is the one a name means
CITY_OVER_NAMESAKES = 10
# "X in Y", "X plant in Y", "X district of Y", "X market and residential building in Y",
# "X Recreation Center in Y"
_INSIDE_GAP = re.compile(
    r"\s+(?:(?:[^\W\d_][\w'’-]*\s+){0,3}(?P<site>[^\W\d_]+)\s+)?(?P<preposition>in|of|at)\s+$")
# A name one of whose readings is a city this big names no site inside another city ("refugees
# from Mariupol in Zaporizhzhia", "the Major Case Squad of St. Louis in Illinois")
BIG_CITY_POPULATION = 100_000


def _lies_in(text: str, span: _Span, nxt: _Span, sites: frozenset[str]) -> bool:
    """The words between two names say the first lies in the second: a site noun closing the
    first's description (_names_a_site), or a bare "in" after a name that is no big city
    ("Belaya in Irkutsk")."""
    m = _INSIDE_GAP.fullmatch(text, span.end, nxt.start)
    return m is not None and (_closes_a_site(text, span, m, sites) or (
        m.group("site") is None and m.group("preposition") == "in"
        and not any(p.population >= BIG_CITY_POPULATION for p in span.candidates)))


def _names_a_site(text: str, span: _Span, nxt: _Span, sites: frozenset[str]) -> bool:
    """The first name is a site's, inside the second: a site noun closes its description
    before in/of/at ("Ilyich plant in", "Vostochny district of"; not a verb: "was shot in")."""
    m = _INSIDE_GAP.fullmatch(text, span.end, nxt.start)
    return m is not None and _closes_a_site(text, span, m, sites)


def _closes_a_site(text: str, span: _Span, gap: re.Match[str], sites: frozenset[str]) -> bool:
    """The site noun of an _INSIDE_GAP match, or else the name's own last word, is a site's."""
    return (gap.group("site") or text[span.start: span.end].rsplit(None, 1)[-1]).lower() in sites


def _region_of_city(span: _Span) -> set[tuple[str, str]] | None:
    """The region a city's name points to: the oblast named like it (Irkutsk), else the region
    of a town that dwarfs its namesakes elsewhere (Mariupol, Las Vegas in Nevada; not
    Pervomaiskyi, a town of several regions)."""
    regions = {(p.country_code, p.admin1) for p in span.candidates if p.kind == "region" and p.admin1}
    if regions:
        return regions
    towns = [p for p in span.candidates if p.kind == _SETTLEMENT and p.admin1]
    if not towns:
        return None
    city = max(towns, key=attrgetter("population"))
    where = (city.country_code, city.admin1 or "")
    if city.population < VILLAGE_MAX_POPULATION or any(
            t.population * CITY_OVER_NAMESAKES > city.population
            for t in towns if (t.country_code, t.admin1) != where):
        return None
    return {where}


def _qualifying_region(text: str, spans: list[_Span], idx: int, lex: _Lexicon
                       ) -> set[tuple[str, str]] | None:
    """The regions named right after a place ("Pervomaisk, Luhansk Oblast", "Vovchansk
    nella regione di Kharkiv"), which say where that place is; the region of a city the place
    lies in ("Belaya in Irkutsk", "the Ilyich plant in Mariupol"); in local news of the
    story-state countries a state written out after a comma too ("in Manchester, Illinois")."""
    if idx + 1 >= len(spans):
        return None
    states = lex.story_state_countries
    nxt = spans[idx + 1]
    if not nxt.region_marked:
        if _lies_in(text, spans[idx], nxt, lex.site_words):
            # "Belaya in Irkutsk", "Ilyich plant in Mariupol": a place, or a site named like
            # one, in the region of the city named next
            return _region_of_city(nxt)
        if not states or text[spans[idx].end: nxt.start].strip() != ",":
            return None
        named = {(p.country_code, p.admin1) for p in nxt.candidates
                 if p.kind == "region" and p.admin1 and p.country_code in states}
        return named or None
    if _QUALIFIER_GAP.match(text[spans[idx].end: nxt.start]) is None:
        return None
    return {(p.country_code, p.admin1) for p in nxt.candidates if p.kind == "region" and p.admin1}


def _qualifier_region(text: str, previous: tuple[_Span, Place, float], span: _Span,
                      chosen: Place) -> Place:
    """In "Velyka Novosilka, Donetsk" the second name qualifies the first: read it as
    the first place's region rather than as the city of the same name."""
    prev_span, prev_place = previous[0], previous[1]
    if text[prev_span.end: span.start].strip() != "," or prev_place.kind != "settlement":
        return chosen
    for cand in span.candidates:
        if cand.kind == "region" and cand.admin1 == prev_place.admin1 \
                and cand.country_code == prev_place.country_code:
            return cand
    return chosen


def _precision(place: Place, span: _Span) -> Precision:
    if place.kind == "country":
        return "country"
    if place.kind == "region":
        return "region"
    if place.kind == "district" or place.approximate or span.district_marked:
        return "district"
    return "settlement"


_LOCATIVE_FILLERS = frozenset({"the", "city", "town", "village", "of", "città", "villaggio", "di",
                               "del", "della", "centro", "centre", "center", "outskirts",
                               "periferia", "місто", "село", "город", "селе", "селі", "місті"})


def _after_preposition(tokens: _Tokens, start_tok: int, lex: _Lexicon) -> bool:
    """A locative preposition before the name, allowing a few filler words in between
    ("in the village of X", "to Russia-occupied X", "nella città di X")."""
    for k in range(start_tok - 1, max(-1, start_tok - 5), -1):
        if not tokens.glued[k]:
            return False
        lower = tokens.lower[k]
        if lower in lex.locative and (k == start_tok - 1 or lower not in ("of", "di")):
            return True
        if lower not in _LOCATIVE_FILLERS and _name_like(tokens, k):
            return False
    return False


def _outside_region_acronyms(text: str, spans: list[_Span], lex: _Lexicon) -> list[_Span]:
    """The spans not inside a region's acronym or self-styled name ("в Донецкой Народной
    Республике"): its words are no places of their own (Donetskyi, a village; "Республике"), the
    name is context for its region (see `_resolve`)."""
    if not any(word in text for word in lex.region_acronyms):
        return spans
    named = [m.span() for m in lex.region_acronym.finditer(text)]
    return [s for s in spans if not any(a <= s.start and s.end <= b for a, b in named)]


def find_places(text: str, language: str | None = None,
                gazetteer: Gazetteer | None = None, *,
                source: str | None = None, url: str | None = None) -> list[PlaceMention]:
    """Tag every place name in `text` (title + body) and resolve it using document context.

    `language` is accepted for callers that know it; the tagger is multilingual and
    does not need it. The article's `source` and `url`, when given, are weak context: a US
    state or town in the outlet's name decides between namesakes in a text naming no state.
    """
    gaz = gazetteer or default_gazetteer()
    lex = _lexicon()
    tokens = _tokens(text)
    spans = _find_spans(text, tokens, gaz, lex, allow_lowercase=False)
    if not spans:
        spans = [s for s in _find_spans(text, tokens, gaz, lex, allow_lowercase=True)
                 if len(s.key) >= 6 and any(lex.prefer.get(p.country_code, 0.0) >= 0.1
                                            for p in s.candidates)]
        for span in spans:
            span.candidates = [p for p in span.candidates
                               if lex.prefer.get(p.country_code, 0.0) >= 0.1]
            span.weak = True
    spans = _with_state_abbreviations(text, tokens, spans, gaz, lex)
    spans = _outside_region_acronyms(text, spans, lex)
    # A surname the text gives a person, or a nationality ("Syrian"), is not a village.
    people = _surnames(text, tokens, lex)
    languages = [language] if language else ["en", "it"]
    spans = [s for s in spans if not (s.end_tok - s.start_tok == 1 and (
        tokens.lower[s.start_tok] in people
        or any(is_demonym(text[s.start:s.end], lang) for lang in languages)))]
    if not spans:
        return _capital_phrases(text, languages, gaz, [])
    lone_countries = lex.lone_place_countries.get(language or "")
    if lone_countries:
        _mark_lone_places(tokens, spans, lex, lone_countries)
    mentions: list[PlaceMention] = []
    resolved = _resolve(text, spans, gaz, lex, outlet_states(source, url, gaz))
    if lone_countries:
        resolved = [r for r in resolved if not r[0].lone_local or _fits_the_story(r[1], resolved)]
        resolved = _story_state_namesakes(resolved, lone_countries, tokens, lex)
    for span, place, score in resolved:
        locative = _after_preposition(tokens, span.start_tok, lex)
        mentions.append(PlaceMention(text[span.start: span.end], span.start, span.end, place,
                                     _precision(place, span), score, locative))
    mentions = _parts_of_named_cities(text, _named_neighbourhoods(text, mentions))
    mentions = _counties_at_their_towns(_neighbourhoods_of_home(mentions),
                                        gaz, lex.story_state_countries)
    return _capital_phrases(text, languages, gaz, mentions)


def _counties_at_their_towns(mentions: list[PlaceMention], gazetteer: Gazetteer,
                             countries: frozenset[str]) -> list[PlaceMention]:
    """A county of local news is coded at its most populous town, the county seat as a rule:
    GVA codes the postal city of an address in "unincorporated Palm Beach County" (West Palm
    Beach), as ACLED codes a region-only report at its capital. The precision stays district
    and the county stays its second-level unit, so a report coded to the county still agrees."""
    out: list[PlaceMention] = []
    for m in mentions:
        p = m.place
        town = gazetteer.largest_settlement(p.country_code, p.admin1, p.admin2) if (
            p.kind == "district" and p.country_code in countries and p.admin1 and p.admin2) else None
        if town is not None:
            m = replace(m, place=replace(p, name=town.name, lat=town.lat, lon=town.lon))
        out.append(m)
    return out


# "the Ukrainian capital": as sure as a well-known city's name
CAPITAL_PHRASE_SCORE = 0.9


def _capital_phrases(text: str, languages: list[str], gaz: Gazetteer,
                     mentions: list[PlaceMention]) -> list[PlaceMention]:
    """`mentions` and the capitals named by nationality ("the Ukrainian capital", "la capitale
    russa", "українська столиця") where no name was read: the country's capital city, written
    as a place (the phrase does not stand for the government the way "Moscow said" does)."""
    capitals: dict[str, str] = load_lexicon("capitals")["of_country"]
    added: list[PlaceMention] = []
    for lang in languages:
        for phrase in find_capital_phrases(text, lang):
            # "la capitale ucraina": the country's name inside the phrase gives way to the city
            mentions = [m for m in mentions if not (phrase.start <= m.start and m.end <= phrase.end
                                                    and m.precision == "country")]
            if any(m.start < phrase.end and phrase.start < m.end for m in mentions + added):
                continue
            name = capitals.get(phrase.country_code)
            cities = [p for p in gaz.candidates(name) if p.country_code == phrase.country_code
                      and p.kind == "settlement"] if name else []
            if cities:
                city = max(cities, key=lambda p: p.population or 0)
                added.append(PlaceMention(text[phrase.start:phrase.end], phrase.start, phrase.end, city,
                                          "settlement", CAPITAL_PHRASE_SCORE, True, described=True))
    return sorted(mentions + added, key=attrgetter("start")) if added else mentions


_US = "US"
# A state named in passing (region_hint's weight): the outlet is weak context.
OUTLET_STATE_HINT = 0.5
# Towns an outlet is named after ("chicagotribune", "tylerpaper") are towns of this size; the
# town's state is read only when its namesake there is this many times any other state's.
OUTLET_TOWN_MIN_POPULATION = 10_000
OUTLET_TOWN_LEAD = 1.5
# A state's name in a host is the state unless a city of this size elsewhere shares it
# ("washingtonpost": Washington, D.C. as much as the state).
OUTLET_STATE_RIVAL = 100_000
OUTLET_MIN_LETTERS = 4
# Letters a town closing a host may follow: a call, a network or "my" ("nbc", "click").
OUTLET_TOWN_AFTER = 5
_US_TOP_LEVEL = frozenset({"com", "net", "org", "gov", "edu", "us", "tv", "fm", "news", "info"})
_URL_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/?#]*@)?([^/?#:]+)")
_DIGITS_OR_SPACES = re.compile(r"[\d ]+")


def outlet_states(source: str | None, url: str | None,
                  gazetteer: Gazetteer | None = None) -> frozenset[str]:
    """The US states an outlet's host or name points to ("arkansasonline.com": Arkansas;
    "mysanantonio.com", "sanfrancisco.cbslocal.com": the town's state), read
    by rule from the words that open or close each part of the host, never from a list of
    outlets. TV and radio call signs ("wsmv.com") say nothing here: no call-sign register
    ships offline."""
    gaz = gazetteer or default_gazetteer()
    found: set[str] = set()
    for written in (source, url):
        if written:
            m = _URL_HOST.match(written.strip().lower())
            if m is not None:
                found |= _host_states(m.group(1), gaz)
    return frozenset(found)


@lru_cache(maxsize=4096)
def _host_states(host: str, gazetteer: Gazetteer) -> frozenset[str]:
    labels = host.split(".")
    if len(labels) > 1:
        if labels[-1] not in _US_TOP_LEVEL:
            return frozenset()  # "lastampa.it" is no Tampa outlet
        labels = labels[:-1]
    names = _outlet_names(gazetteer)
    states: set[str] = set()
    # A state's postal code in a label is not read: "ky3" is a Missouri station (KYTV), and
    # K/W codes (KS, KY, WA, WI, WV, WY) are the shape of call signs.
    for label in labels:
        for run in _DIGITS_OR_SPACES.split(name_key(label)):
            states |= _run_states(run, names)
    return frozenset(states)


def _run_states(run: str, names: dict[str, tuple[str | None, bool]]) -> set[str]:
    """Outlets put their town or state first ("chicagotribune", "arkansasonline") or last after
    a short call or possessive ("nbcnewyork", "mysanantonio"); a town after a longer word
    ("sentinelandenterprise") or inside a run ("dnainfo") is more often a word than a town."""
    found: set[str] = set()
    head = 0
    for size in range(len(run), OUTLET_MIN_LETTERS - 1, -1):
        named = names.get(run[:size])
        if named is not None:
            if named[0] is not None:
                found.add(named[0])
            head = size
            break
    for size in range(len(run) - head, OUTLET_MIN_LETTERS - 1, -1):
        named = names.get(run[-size:])
        if named is not None:
            if named[0] is not None and (named[1] or len(run) - size <= OUTLET_TOWN_AFTER):
                found.add(named[0])
            break
    return found


@lru_cache(maxsize=2)
def _outlet_names(gazetteer: Gazetteer) -> dict[str, tuple[str | None, bool]]:
    """Spaceless keys of the US states and of US towns of OUTLET_TOWN_MIN_POPULATION+ (their own
    names: alternate names hold ordinary words), each with the state it points to (None for a
    name whose namesakes of several states are of a size) and whether it is a state's name."""
    towns: dict[str, dict[str, int]] = {}
    states: dict[str, str] = {}
    for place in gazetteer.places_of(_US):
        if not place.admin1:
            continue
        if place.kind == "region":
            states[_key(place.name).replace(" ", "")] = place.admin1
        elif place.kind == _SETTLEMENT and place.population >= OUTLET_TOWN_MIN_POPULATION:
            sizes = towns.setdefault(_key(place.name).replace(" ", ""), {})
            sizes[place.admin1] = max(sizes.get(place.admin1, 0), place.population)
    names: dict[str, tuple[str | None, bool]] = {}
    for key, sizes in towns.items():
        ranked = sorted(sizes.items(), key=lambda kv: -kv[1])
        lead = len(ranked) == 1 or ranked[0][1] >= OUTLET_TOWN_LEAD * ranked[1][1]
        # A name of no one state still ends the search: "springfield" is not "spring".
        names[key] = (ranked[0][0] if lead else None, False)
    for key, state in states.items():
        rival = any(town != state and size >= OUTLET_STATE_RIVAL
                    for town, size in towns.get(key, {}).items())
        names[key] = (None if rival else state, True)
    return names


def _mark_lone_places(tokens: _Tokens, spans: list[_Span], lex: _Lexicon,
                      countries: frozenset[str]) -> None:
    """A name with one reading, in a country whose local news the text's language is, written
    as a place is written: after a place preposition ("in Huntingburg on Friday"), before an
    agency ("Huntingburg police"), or as a county ("Barrow County deputies")."""
    n, lowers, glued = len(tokens), tokens.lower, tokens.glued
    for span in spans:
        if len(span.candidates) != 1 or span.weak or span.penalty:
            continue
        place = span.candidates[0]
        if place.country_code not in countries:
            continue
        if place.kind == "district":
            span.lone_local = span.end_tok - span.start_tok > 1 \
                and lowers[span.end_tok - 1] in lex.region_after
        elif place.kind == "settlement":
            prev, nxt = span.start_tok - 1, span.end_tok
            span.lone_local = (prev >= 0 and glued[prev] and lowers[prev] in lex.lone_prepositions) \
                or (nxt < n and glued[nxt - 1] and lowers[nxt] in lex.agency_after)


LONE_NEAR_KM = 150.0


def _fits_the_story(place: Place, resolved: list[tuple[_Span, Place, float]]) -> bool:
    """A lone name's one reading stands unless the text's other places of its country all lie
    far away in other states ("in North Baltimore" in a Baltimore story, "according to the
    Tribune" in a Chicago one): there the word names something else. A county's one reading
    always stands ("Allegheny County Family Court"): no county is named like a word."""
    if place.kind == "district":
        return True
    others = [p for s, p, _ in resolved if not s.lone_local and p.country_code == place.country_code
              and p.kind != "country"]
    if not others or any(p.admin1 == place.admin1 for p in others):
        return True
    return _nearest_km(place, [p for p in others if p.kind != "region"]) < LONE_NEAR_KM


def _story_state_namesakes(resolved: list[tuple[_Span, Place, float]],
                           countries: frozenset[str], tokens: _Tokens, lex: _Lexicon,
                           ) -> list[tuple[_Span, Place, float]]:
    """Local news happens in one state. A name read far away in a state the text names nothing
    else in, while all its other places lie in one state that holds a namesake of it, is that
    state's: its namesake lying within LONE_NEAR_KM of those places, else,
    written as where something happened ("in Knoxville"), a part of the story's town ("a porch
    in Knoxville" in a Pittsburgh story: the city's Knoxville neighbourhood, not Knoxville,
    Tennessee; "a man from Knoxville" stays in Tennessee)."""
    states: dict[tuple[str, str], int] = {}
    for _span, place, _score in resolved:
        if place.country_code in countries and place.admin1 and place.kind != "country":
            state = (place.country_code, place.admin1)
            states[state] = states.get(state, 0) + 1
    if len(states) != 2:
        return resolved  # one state: nothing to move; three or more: no one story state
    out = resolved
    for span, place, _score in resolved:
        here = (place.country_code, place.admin1)
        if here not in states or place.kind != _SETTLEMENT \
                or place.population >= NEIGHBOURHOOD_MAX_POPULATION:
            continue
        story = next(k for k in states if k != here)
        # Its state holds nothing else the text names (only this name, read again, and other
        # names run into capitalised words: "Sunrise Trauma Center").
        if any(other is not place and (other.country_code, other.admin1) == here
               and s.key != span.key and not (span.penalty and s.penalty) for s, other, _ in resolved):
            continue
        anchors = [other for _s, other, _c in resolved
                   if (other.country_code, other.admin1) == story
                   and other.kind in (_SETTLEMENT, "district")]
        if not anchors or _nearest_km(place, anchors) < NEIGHBOURHOOD_FAR_KM:
            continue
        if span.penalty:
            # Run into another capitalised word, far from the story, it names a building or a
            # person ("the Hollywood Recreation Center" in a Las Vegas story), not a place.
            out = [(s, other, c) for s, other, c in out if not (s.key == span.key and other is place)]
            continue
        namesakes = [c for c in span.candidates if (c.country_code, c.admin1) == story
                     and c.kind in (_SETTLEMENT, "district")]
        if not namesakes:
            continue
        near = [c for c in namesakes if _nearest_km(c, anchors) < LONE_NEAR_KM]
        k = span.start_tok - 1
        if not near and not (k >= 0 and tokens.glued[k] and tokens.lower[k] in lex.lone_prepositions):
            continue
        # The story's town: the one it names most, else its county.
        towns = [a for a in anchors if a.kind == _SETTLEMENT] or anchors
        chosen = near[0] if near else max(
            towns, key=lambda town: sum(other is town for _s, other, _c in resolved))
        out = [(s, chosen if s.key == span.key and other is place else other, c)
               for s, other, c in out]
    return out


# "in the Englewood neighborhood", "Pittsburgh's Knoxville neighborhood": the name is a part
# of a city, whatever far town shares it.
_NEIGHBOURHOOD_AFTER = re.compile(r"\s+(?:neighbou?rhoods?|barrio)\b", re.IGNORECASE)
_POSSESSIVE_BEFORE = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}$")


def _named_neighbourhoods(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A town written as a neighbourhood is read as the city it belongs to: the one written
    before it in the possessive, else the town the text names most; with neither, the reading
    stays (a neighbourhood of an unnamed city may still be the only place an event has)."""
    marked = [m.place.kind == "settlement" and _NEIGHBOURHOOD_AFTER.match(text, m.end) is not None
              for m in mentions]
    if not any(marked):
        return mentions
    home = _most_named_town(mentions, marked)
    out: list[PlaceMention] = []
    for k, (m, hood) in enumerate(zip(mentions, marked)):
        if not hood:
            out.append(m)
            continue
        city = home
        if k > 0 and not marked[k - 1] and mentions[k - 1].place.kind == "settlement" \
                and _POSSESSIVE_BEFORE.fullmatch(text, mentions[k - 1].end, m.start) is not None:
            city = mentions[k - 1]
        out.append(m if city is None else PlaceMention(
            m.text, m.start, m.end, city.place, city.precision, m.score, m.after_preposition))
    return out


def _most_named_town(mentions: list[PlaceMention], marked: list[bool]) -> PlaceMention | None:
    """The first mention of the town named most often outside the marked mentions. The
    neighbourhood's own name read elsewhere as a town is its city only when named more often
    than any other ("Neighbors in the St. Augustine neighborhood" of a St. Augustine story),
    not on a tie ("Knoxville" in the headline of a story of "the city's Knoxville neighborhood",
    datelined Pittsburgh: a test sentence)."""
    hoods = {m.text.lower() for m, hood in zip(mentions, marked) if hood}
    counts: dict[int, float] = {}
    for m, hood in zip(mentions, marked):
        if not hood and m.place.kind == "settlement":
            counts[id(m.place)] = counts.get(id(m.place), 0) + (1.0 if m.text.lower() in hoods else 1.001)
    return max((m for m, hood in zip(mentions, marked) if not hood and id(m.place) in counts),
               key=lambda m: counts[id(m.place)], default=None)


# Other names of a list the part opens or closes ("Kyivskyi and Shevchenkivskyi districts",
# "quartieri Kyivskyi e Shevchenkivskyi della città")
_LISTED = r"(?:(?:\s*,\s*|\s+(?:and|e)\s+)[A-ZА-ЯІЇЄҐ][\w'’-]*){0,4}"
_LISTED_BEFORE = r"(?:[A-ZА-ЯІЇЄҐ][\w'’-]*(?:\s*,\s*|\s+(?:and|e)\s+)){0,4}"
# Its city, named before it in the possessive ("Kharkiv's", "the city's") or after it ("of
# Kharkiv", "di Kharkiv", "della città"). A city named by a common noun is the last one written.
_GENERIC_CITY = r"(?:the\s+)?(?:city|town|capital|città|capitale)\b"
_OWNER_BEFORE = re.compile(rf"(?P<generic>\b{_GENERIC_CITY})?['’]s\s+(?:[a-z]+\s+){{0,2}}$",
                           re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _CityParts:
    """A district or quarter of a city (neighbourhoods are read above), by the lexicon's
    `city_part_words`: "Kyivskyi district", "distretto di Kyivskyi", "quartiere Kyivskyi",
    written right after the name or before it."""

    words: frozenset[str]
    after: re.Pattern[str]
    before: re.Pattern[str]
    owner_after: re.Pattern[str]


@lru_cache(maxsize=1)
def _city_parts() -> _CityParts:
    words = _lexicon().city_part_words
    nouns = "|".join(sorted(words, key=len, reverse=True))
    return _CityParts(
        words,
        re.compile(rf"{_LISTED}\s+(?i:{nouns})\b"),
        re.compile(rf"\b(?i:{nouns})\s+(?:(?:di|of)\s+)?{_LISTED_BEFORE}$"),
        re.compile(rf"{_LISTED}(?i:\s+(?:{nouns}))?(?i:\s+(?:of|di|della|dell['’]|del|in|nella)\s*"
                   rf"(?P<generic>{_GENERIC_CITY})?)"),
    )


def _parts_of_named_cities(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """A district of the city the text names is read as that city: "the city's Kyivskyi
    district" in a Kharkiv story is Kharkiv, not the namesake district of Donetsk city. A raion
    named with its centre ("the Izium district of Kharkiv", Kharkiv the oblast) stays as read."""
    parts = [_written_as_city_part(text, m) and not _names_a_raion(m.place) for m in mentions]
    if not any(parts):
        return mentions
    towns = [m for m, part in zip(mentions, parts) if not part and m.place.kind == _SETTLEMENT]
    out = list(mentions)
    for k, (m, part) in enumerate(zip(mentions, parts)):
        city = _owning_city(text, m, towns) if part else None
        if city is not None:
            out[k] = replace(m, place=city.place, precision=city.precision)
    return out


def _written_as_city_part(text: str, m: PlaceMention) -> bool:
    words, parts = m.text.lower().split(), _city_parts()
    return words[-1] in parts.words or words[0] in parts.words \
        or parts.after.match(text, m.end) is not None \
        or parts.before.search(text, max(0, m.start - 80), m.start) is not None


def _names_a_raion(place: Place) -> bool:
    """A raion, or a town its raion is named after (Izium, Iziumskyi Raion)."""
    if place.kind == "district":
        return True
    stem = _key(place.name)[:-2]
    return bool(place.admin2) and len(stem) >= 3 and _key(place.admin2 or "").startswith(stem)


def _owning_city(text: str, m: PlaceMention, towns: list[PlaceMention]) -> PlaceMention | None:
    """The town (of `towns`, the text's towns written as no part) that m is written as a part of,
    if the text says so."""
    owner = _OWNER_BEFORE.search(text, max(0, m.start - 60), m.start)
    if owner is not None:
        before = [o for o in towns if o.end <= owner.start()]
        if owner.group("generic"):
            return _the_city(towns, before)
        if before and before[-1].end == owner.start():
            return before[-1]
    after = _city_parts().owner_after.match(text, m.end)
    if after is None:
        return None
    if after.group("generic"):
        return _the_city(towns, [o for o in towns if o.end <= m.start])
    return next((o for o in towns if o.start == after.end()), None)


# One town however often the text names it: its name and point
_TOWN_KEY = attrgetter("place.name", "place.lat", "place.lon")


def _the_city(towns: list[PlaceMention], before: list[PlaceMention]) -> PlaceMention | None:
    """"The city" of a part: of the towns named before it, the one the text names most (the
    story's city, not a capital quoted in passing), the last written on a tie."""
    counts = Counter(map(_TOWN_KEY, towns))
    return max(reversed(before), key=lambda o: counts[_TOWN_KEY(o)], default=None)


# A small namesake this far from the town the text is about, in a region the text never names,
# is a neighbourhood of that town ("a teenager in High Point", Seattle; "Roseland", Chicago).
NEIGHBOURHOOD_FAR_KM = 400.0
NEIGHBOURHOOD_MAX_POPULATION = 250_000


def _neighbourhoods_of_home(mentions: list[PlaceMention]) -> list[PlaceMention]:
    towns = [m for m in mentions if m.place.kind == "settlement" and m.place.lat is not None]
    if len(towns) < 3:
        return mentions
    counts: dict[tuple[str, float | None, float | None], int] = {}
    for m in towns:
        key = (m.place.name, m.place.lat, m.place.lon)
        counts[key] = counts.get(key, 0) + 1
    home_key = max(counts, key=lambda k: counts[k])  # first-mentioned wins a tie
    if counts[home_key] < 2:
        return mentions
    home = next(m for m in towns if (m.place.name, m.place.lat, m.place.lon) == home_key)
    # A county names its state as well ("Brookhaven" in a story of Lincoln County, Mississippi).
    named_regions = {(m.place.country_code, m.place.admin1) for m in mentions
                     if m.place.kind in ("region", "district")}
    far = {(m.place.name, m.place.lat, m.place.lon) for m in towns
           if _nearest_km(m.place, [home.place]) > NEIGHBOURHOOD_FAR_KM}
    if len(far) != 1:
        return mentions  # a text about several far-apart towns (air bases across Russia) is not local news
    out: list[PlaceMention] = []
    for m in mentions:
        p = m.place
        if ((p.name, p.lat, p.lon) in far and p.country_code == home.place.country_code
                and p.population < NEIGHBOURHOOD_MAX_POPULATION
                and (p.country_code, p.admin1) not in named_regions):
            m = PlaceMention(m.text, m.start, m.end, home.place, home.precision, m.score, m.after_preposition)
        out.append(m)
    return out


_DC = re.compile(r"(?<![\w.])D\.C\.")
_DC_KEY = name_key("D.C.")


def _with_state_abbreviations(text: str, tokens: _Tokens, spans: list[_Span],
                              gazetteer: Gazetteer, lex: _Lexicon) -> list[_Span]:
    """"PUNTA GORDA, Fla.", "Williamsburg, KY": a US state written short after a place is that
    state, and qualifies the place before it (never the Indian town Jind for "Ind.")."""
    added: list[_Span] = []
    qualified: set[int] = set()
    for m in lex.us_state_after_place.finditer(text):
        region = gazetteer.region("US", lex.us_states[m.group("abbr")])
        if region is None:
            continue
        first = bisect_right(tokens.start, m.start("abbr")) - 1
        last = max(first + 1, bisect_right(tokens.start, m.end("abbr") - 1))
        added.append(_Span(first, last, m.start("abbr"), m.end("abbr"), [region], _key(region.name),
                           region_marked=True))
        qualified.add(m.start("abbr"))
    if "D.C." in text:
        # "D.C. police", "a D.C. nightclub": the capital itself, written as its district.
        city = [p for p in gazetteer.candidates_for_key(_DC_KEY) if p.kind == "settlement"]
        for m in _DC.finditer(text):
            if m.start() in qualified or not city:
                continue
            first = bisect_right(tokens.start, m.start()) - 1
            last = max(first + 1, bisect_right(tokens.start, m.end() - 1))
            # Keyed by the city's own name: the short form is no far-away alias of it.
            added.append(_Span(first, last, m.start(), m.end(), city, _key(city[0].name)))
    if not added:
        return spans
    kept = [s for s in spans if not any(s.start < a.end and a.start < s.end for a in added)]
    return sorted(kept + added, key=lambda s: s.start)


# "Neely Gardner, 19, was booked": two capitalised words and an age name a person, whatever
# the first name; the second is a surname, not a town, everywhere in the text.
_NAME_WITH_AGE = re.compile(
    r"\b[A-Z][a-z]+\s+(?:([A-Z][a-z]+)\s+)?([A-Z][a-z]+(?:['’-][A-Za-z]+)?),\s+\d{1,3}\s*,")
# "Tristan, 8, shows where he was hit", "Male, 17, arrested": a lone word given an age is a
# person (or "male") too; a place is never followed by a one- or two-digit number and a comma.
_WORD_WITH_AGE = re.compile(r"(?<![A-Za-z] )(?<![\w.])([A-Z][a-z]+),\s+\d{1,2}\s*,")
# "18-year-old Dametrious Addison, and", "17-year-old Steven Evans was": a first name and a
# surname after an age, closing a clause or its subject; the surname is not a town anywhere in
# the text ("shooting Addison in the face"). Not "a 7-year-old South Dallas girl".
_AGE_BEFORE_NAME = re.compile(
    r"\b\d{1,3}-year-old\s+[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?([A-Z][a-z]+(?:['’-][A-Za-z]+)?)"
    r"(?=\s*[,.;:)]|\s+(?:was|is|who|has|had|and|of|said|told|died|remains)\b)")
# The comma before an age, and (group 1) the age up to the comma after it: what both
# patterns of a name with its age end in. They open with a capital letter, which the engine
# would try at every offset of the text; they are tried only in the run of characters a name
# may be written with right before such a comma (up to `_NOT_IN_NAME`).
_AGE_BETWEEN_COMMAS = re.compile(r",(?=(\s+\d{1,3}\s*,))")
_NOT_IN_NAME = re.compile(r"[^A-Za-z'’\s-]")
_YEAR_OLD = re.compile(r"(?<=\d)-year-old")


def _surnames(text: str, tokens: _Tokens, lex: _Lexicon) -> set[str]:
    """Words the document uses as a person's surname ("Andriy Sadovyi", "sindaco Sadovyi"): once
    a person, the bare surname elsewhere in the text is not a village of that name."""
    # `_names_person` written out: this looks at every capitalised word of the document.
    given, markers, abbreviations = lex.given_names, lex.person_markers, lex.person_abbreviations
    dotted = (". ", ".")
    aged: set[str] = set()
    for age in _AGE_BETWEEN_COMMAS.finditer(text):
        # A match ending at this age lies inside the window, and no other match fits in it.
        comma = age.start()
        barrier = _NOT_IN_NAME.search(text[:comma][::-1])  # the nearest one, read backwards
        window = (0 if barrier is None else comma - barrier.start(), age.end(1))
        aged.update(name.lower() for m in _NAME_WITH_AGE.finditer(text, *window)
                    for name in m.groups() if name)
        aged.update(m.group(1).lower() for m in _WORD_WITH_AGE.finditer(text, *window))
    for year_old in _YEAR_OLD.finditer(text):
        # An age of one to three digits starts just before "-year-old", and a name after it
        # never reaches the next age: each match is tried at its only possible starts.
        for start in range(max(0, year_old.start() - 3), year_old.start()):
            m = _AGE_BEFORE_NAME.match(text, start)
            if m is not None:
                aged.add(m.group(1).lower())
                break
    words, starts, ends, lowers = tokens.text, tokens.start, tokens.end, tokens.lower
    capitals, glued = tokens.capital, tokens.glued
    for k in compress(range(1, len(tokens)), capitals[1:]):
        p = k - 1
        between = text[ends[p]: starts[k]]
        if (len(words[p]) == 1 and words[p].isupper() and between in dotted) or (
                (capitals[p] and lowers[p] in given) or lowers[p] in markers
                if glued[p] else between in dotted and lowers[p] in abbreviations):
            aged.add(lowers[k])
    return aged


def _names_person(text: str, tokens: _Tokens, prev: int, lex: _Lexicon) -> bool:
    """Word `prev` is a given name or a title of the person word `prev + 1` names ("Andriy
    Sadovyi", "sindaco Sadovyi", "Sgt. Wayne")."""
    word, lower = tokens.text[prev], tokens.lower[prev]
    between = text[tokens.end[prev]: tokens.start[prev + 1]]
    if len(word) == 1 and word.isupper() and between in (". ", "."):
        return True  # a middle initial: "Courtney L. Taylor"
    if tokens.glued[prev]:
        return (tokens.capital[prev] and lower in lex.given_names) \
            or lower in lex.person_markers
    return between in (". ", ".") and lower in lex.person_abbreviations


def _same_place(a: Place, b: Place) -> bool:
    return (a.name, a.country_code, a.admin1, a.kind, a.lat, a.lon) == \
        (b.name, b.country_code, b.admin1, b.kind, b.lat, b.lon)


def primary_place(mentions: Sequence[PlaceMention]) -> PlaceMention | None:
    """The place a one-place text is about: the most specific well-supported mention."""
    if not mentions:
        return None
    regions = {(m.place.country_code, m.place.admin1) for m in mentions
               if m.precision in ("region", "district")}
    prefer = _lexicon().prefer
    best: tuple[float, int] | None = None
    chosen: PlaceMention | None = None
    for order, mention in enumerate(mentions):
        repeats = sum(1 for other in mentions if _same_place(other.place, mention.place))
        specific = 4 - PRECISION_RANK[mention.precision]
        fits = 0.3 if (mention.place.country_code, mention.place.admin1) in regions \
            and mention.precision in ("settlement", "point") else 0.0
        value = (specific * 1.0 + mention.score + (0.3 if mention.after_preposition else 0.0) + fits + 0.2 * (repeats - 1) - 0.05 * order
                 + 0.1 * math.log10(mention.place.population + 10) + prefer.get(
                     mention.place.country_code, 0.0))
        if mention.score < 0.2 and mention.precision == "settlement":
            value -= 2.0
        if best is None or (value, -order) > best:
            best, chosen = (value, -order), mention
    return chosen
