"""The place gazetteer: loads the generated place table and looks places up by written name."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, cast

from anyascii import anyascii

PlaceKind = Literal["country", "region", "district", "settlement"]

DATA_DIR = Path(__file__).parent / "data" / "gazetteer"
DEFAULT_PATH = DATA_DIR / "gazetteer.tsv.gz"
GIVEN_NAMES_PATH = DATA_DIR / "given_names.txt"
GIVEN_NAME_PLACES_PATH = DATA_DIR / "given_name_places.txt"
FORMAT_VERSION = "1"

# Transliteration systems disagree on a handful of letter groups (KMU-2010 vs Russian-style
# vs German/Polish exonyms); folding them onto one skeleton makes Kupyansk=Kupiansk,
# Gulyaipole=Huliaipole, Lugansk=Luhansk, Charkiw=Charkiv without a fuzzy search.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("zhzh", "zh"),
    ("kh", "h"),
    ("gh", "h"),
    ("g", "h"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("x", "ks"),
)
# Romanisations of Ukrainian/Russian names that the folds above cannot merge without
# merging real names too: French/German/Italian/Polish spellings (Gluchiwka = Hlushivka,
# Louhansk = Luhansk, Czernihiw = Chernihiv) and the "kh" written as a bare "k" (Karkiv =
# Kharkiv). Tried one rule at a time, and only on names nothing else finds.
_VARIANT_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ch", ("sh", "h", "k")),
    ("ou", ("u",)),
    ("sz", ("sh",)),
    ("cz", ("ch",)),
    ("rz", ("zh",)),
    ("k", ("h",)),
    ("dj", ("zh", "dzh")),
    ("tz", ("ts",)),
)
_APOSTROPHES = re.compile(r"['’ʼ`´ʹ\u02bb\u02bc]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLES = re.compile(r"(.)\1+")


def name_key(surface: str) -> str:
    """Return the transliteration skeleton of a written name (tokens joined by one space)."""
    text = anyascii(surface).lower()
    text = _APOSTROPHES.sub("", text)
    text = _NON_ALNUM.sub(" ", text).strip()
    for old, new in _FOLDS:
        if old in text:
            text = text.replace(old, new)
    return _DOUBLES.sub(r"\1", text)


def spelling_variants(key: str) -> list[str]:
    """Skeleton keys the same name may have under another romanisation, nearest first: each
    rule of _VARIANT_RULES applied to every occurrence, then to one occurrence at a time."""
    found: dict[str, None] = {}
    for old, news in _VARIANT_RULES:
        count = key.count(old)
        if not count:
            continue
        for new in news:
            found[_DOUBLES.sub(r"\1", key.replace(old, new))] = None
            if count > 1:
                start = key.find(old)
                while start != -1:
                    found[_DOUBLES.sub(r"\1", key[:start] + new + key[start + len(old):])] = None
                    start = key.find(old, start + 1)
    found.pop(key, None)
    return list(found)


@dataclass(frozen=True, slots=True)
class Place:
    """One place the gazetteer knows, with where it is and what it belongs to."""

    name: str
    geonames_id: int | None
    country_code: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: PlaceKind
    # True when lat/lon are borrowed from a parent unit (hromada centre, raion, oblast)
    # because no source has coordinates for the place itself.
    approximate: bool = False


class GazetteerMissingError(FileNotFoundError):
    """The generated gazetteer file is absent: the build step has not been run."""


def _opt_int(value: str) -> int | None:
    return int(value) if value else None


def _opt_float(value: str) -> float | None:
    return float(value) if value else None


def _region_key(admin1: str) -> str:
    return name_key(admin1)


_FUZZY_MEMO_SIZE = 50_000
_BY_KEY_SIZE = 100_000


class Gazetteer:
    """Places indexed by the skeleton key of every name they are written with."""

    __slots__ = (
        "_by_key",
        "_countries",
        "_districts",
        "_fuzzy_keys",
        "_fuzzy_memo",
        "_fuzzy_pools",
        "_index",
        "_largest",
        "_places",
        "_prefixes",
        "_regions",
        "max_tokens",
        "version",
    )

    def __init__(self, places: list[Place], index: dict[str, tuple[int, ...]],
                 version: str = "") -> None:
        self._places = places
        self._index = index
        self.version = version
        self.max_tokens = max((k.count(" ") + 1 for k in index), default=1)
        self._fuzzy_keys: dict[tuple[str, int], list[str]] | None = None
        self._prefixes: frozenset[str] | None = None
        # The places of each key looked up so far: news names the same places in article after
        # article, and a copied tuple is a C-level copy where the row look-ups are not.
        self._by_key: dict[str, tuple[Place, ...]] = {}
        # Words that reach the fuzzy rescue ("in September", "in Parliament") recur from one
        # article to the next; remembering the answers keeps the rescue off the hot path.
        self._fuzzy_memo: dict[tuple[str, frozenset[str], float], str | None] = {}
        self._fuzzy_pools: dict[tuple[str, int], list[str]] = {}
        self._regions: dict[tuple[str, str], Place] = {}
        self._countries: dict[str, Place] = {}
        self._districts: dict[tuple[str, str, str], Place] = {}
        self._largest: dict[tuple[str, str, str], Place] = {}
        for place in places:
            if place.kind == "settlement" and place.admin1 and place.admin2 and place.population:
                unit = (place.country_code, place.admin1, place.admin2)
                largest = self._largest.get(unit)
                if largest is None or place.population > largest.population:
                    self._largest[unit] = place
            elif place.kind == "district" and place.admin1 and place.admin2:
                self._districts.setdefault((place.country_code, place.admin1, place.admin2), place)
            elif place.kind == "country":
                self._countries.setdefault(place.country_code, place)
            elif place.kind == "region" and place.admin1:
                self._regions.setdefault((place.country_code, _region_key(place.admin1)), place)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """Read the generated gazetteer file (gzip TSV written by scripts/build_gazetteer.py)."""
        source = path or DEFAULT_PATH
        if not source.exists():
            raise GazetteerMissingError(
                f"gazetteer file {source} is missing: run `make setup` "
                "(or `python scripts/build_gazetteer.py`) to generate it"
            )
        places: list[Place] = []
        index: dict[str, list[int]] = {}
        version = ""
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#"):
                    if line.startswith("# version:"):
                        version = line.split(":", 1)[1].strip()
                    continue
                (kind, name, gid, cc, admin1, admin2, lat, lon, pop, approx,
                 keys) = line.rstrip("\n").split("\t")
                row = len(places)
                places.append(Place(name, _opt_int(gid), cc, admin1 or None, admin2 or None,
                                    _opt_float(lat), _opt_float(lon), int(pop),
                                    cast(PlaceKind, kind), approx == "1"))
                for key in keys.split("|"):
                    bucket = index.get(key)
                    if bucket is None:
                        index[key] = [row]
                    else:
                        bucket.append(row)
        return cls(places, {k: tuple(v) for k, v in index.items()}, version)

    def __len__(self) -> int:
        return len(self._places)

    def candidates(self, surface: str) -> list[Place]:
        """All places a written name can mean (any script, any transliteration)."""
        return self.candidates_for_key(name_key(surface))

    def candidates_for_key(self, key: str) -> list[Place]:
        """All places whose name skeleton is exactly `key` (see name_key)."""
        places = self._by_key.get(key)
        if places is None:
            rows = self._index.get(key)
            if rows is None:
                return []
            if len(self._by_key) >= _BY_KEY_SIZE:
                self._by_key.clear()
            places = self._by_key[key] = tuple(self._places[i] for i in rows)
        return list(places)

    def has_key(self, key: str) -> bool:
        """Whether any place is written with this skeleton key."""
        return key in self._index

    def name_prefixes(self) -> frozenset[str]:
        """Every key that some longer key continues after a space ("nova" for "nova kahovka"):
        a run of words whose key is not among them cannot be lengthened into a name."""
        if self._prefixes is None:
            found: set[str] = set()
            for key in self._index:
                cut = key.find(" ")
                while cut != -1:
                    found.add(key[:cut])
                    cut = key.find(" ", cut + 1)
            self._prefixes = frozenset(found)
        return self._prefixes

    def similar_key(self, key: str, countries: frozenset[str], cutoff: float = 86.0
                    ) -> str | None:
        """The closest known skeleton to a misspelt one (Severdonetsk, Bordyanka), among
        places with their own coordinates in `countries`; None below `cutoff` (0-100)."""
        memo_key = (key, countries, cutoff)
        if memo_key in self._fuzzy_memo:
            return self._fuzzy_memo[memo_key]
        if len(self._fuzzy_memo) >= _FUZZY_MEMO_SIZE:
            self._fuzzy_memo.clear()
        found = self._similar_key(key, countries, cutoff)
        self._fuzzy_memo[memo_key] = found
        return found

    def _similar_key(self, key: str, countries: frozenset[str], cutoff: float) -> str | None:
        from rapidfuzz import fuzz, process

        if self._fuzzy_keys is None:
            buckets: dict[tuple[str, int], list[str]] = {}
            for k, rows in self._index.items():
                for i in rows:
                    place = self._places[i]
                    if place.country_code in countries and not place.approximate \
                            and place.kind != "country":
                        buckets.setdefault((k[:1], len(k)), []).append(k)
                        break
            self._fuzzy_keys = {b: sorted(keys) for b, keys in buckets.items()}
        # Misspellings keep the first letter and nearly the length; comparing only within
        # those buckets is ~100x cheaper than scanning every name.
        pool = self._fuzzy_pools.get((key[:1], len(key)))
        if pool is None:
            pool = [k for n in range(len(key) - 2, len(key) + 3)
                    for k in self._fuzzy_keys.get((key[:1], n), ())]
            self._fuzzy_pools[(key[:1], len(key))] = pool
        match = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=cutoff)
        if match is not None:
            return str(match[0])
        # Two swapped letters (Popsana for Popasna) cost a short name more ratio than the
        # cutoff allows, yet are the commonest typo: one transposition, the same letters.
        from rapidfuzz.distance import OSA

        swapped = process.extractOne(key, pool, scorer=OSA.distance, score_cutoff=1)
        if swapped is not None and sorted(swapped[0]) == sorted(key):
            return str(swapped[0])
        return None

    def variant_key(self, key: str, countries: frozenset[str]) -> str | None:
        """A known skeleton the name has under another romanisation (see spelling_variants),
        held as its own name by a place in `countries`; None when there is none."""
        for variant in spelling_variants(key):
            rows = self._index.get(variant)
            if rows and any(self._places[i].country_code in countries
                            and name_key(self._places[i].name) == variant for i in rows):
                return variant
        return None

    def region(self, country_code: str, admin1: str) -> Place | None:
        """The first-level region `admin1` (e.g. "Kharkiv") of a country."""
        return self._regions.get((country_code.upper(), _region_key(admin1)))

    def district(self, country_code: str, admin1: str, admin2: str) -> Place | None:
        """The second-level unit (raion) `admin2` of region `admin1`, as places name it."""
        return self._districts.get((country_code.upper(), admin1, admin2))

    def largest_settlement(self, country_code: str, admin1: str, admin2: str) -> Place | None:
        """The most populous settlement of the second-level unit `admin2` (a US county's
        seat, as a rule), among those with a known population."""
        return self._largest.get((country_code.upper(), admin1, admin2))

    def places_of(self, country_code: str) -> list[Place]:
        """Every place of one country (a full pass: for tables built once and cached)."""
        code = country_code.upper()
        return [p for p in self._places if p.country_code == code]

    def country(self, code: str) -> Place | None:
        """The country with ISO 3166-1 alpha-2 `code`."""
        return self._countries.get(code.upper())


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The packaged gazetteer, loaded once per process."""
    return Gazetteer.load()


def load_given_names(path: Path = GIVEN_NAMES_PATH) -> frozenset[str]:
    """First names (lower case) built beside the gazetteer by scripts/build_gazetteer.py."""
    return _read_names(path)


@lru_cache(maxsize=1)
def given_name_places() -> frozenset[str]:
    """First names (lower case) that also name a country, a region or a city of 1,000,000+
    ("mary", "charlotte", "georgia"): left out of the given names, listed apart for the rules
    that tell "Mary Knowlton" from Mary, Turkmenistan. Built with them, loaded once."""
    return _read_names(GIVEN_NAME_PLACES_PATH)


def _read_names(path: Path) -> frozenset[str]:
    if not path.exists():
        raise GazetteerMissingError(
            f"given-names file {path} is missing: run `make setup` "
            "(or `python scripts/build_gazetteer.py`) to generate it"
        )
    return frozenset(line for line in path.read_text(encoding="utf-8").splitlines()
                     if line and not line.startswith("#"))
