"""Facilities named instead of a town ("the Crimean bridge", "Zaporizhzhia nuclear plant"), read as the settlement they stand in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from services.core.gazetteer import Gazetteer, Place, default_gazetteer
from services.core.lexicon import LiteralFilter
from services.core.places import PlaceMention, Precision

#: a landmark is named on purpose: as sure as a well-supported town name
LANDMARK_SCORE = 0.9


@dataclass(frozen=True, slots=True)
class _Landmarks:
    # One alternation with a named group per landmark: a single scan of the text finds them all.
    pattern: re.Pattern[str] | None
    places: dict[str, Place]
    precisions: dict[str, Precision]
    # Most articles name no landmark: one plain search of the lower-cased text tells, where
    # the case-insensitive union would be tried at every word start.
    prefilter: LiteralFilter | None


@lru_cache(maxsize=1)
def _landmarks() -> _Landmarks:
    return _load(default_gazetteer())


def _load(gazetteer: Gazetteer) -> _Landmarks:
    """Each landmark with the gazetteer's most populous settlement of its name and country
    (moved to the landmark's own point when it gives one: an island is not its harbour town);
    a landmark whose settlement the gazetteer lacks is left out rather than guessed."""
    data = json.loads(files("services.core").joinpath("data", "gazetteer", "landmarks.json").read_text("utf-8"))
    places: dict[str, Place] = {}
    precisions: dict[str, Precision] = {}
    groups: list[str] = []
    patterns: list[str] = []
    for i, entry in enumerate(data["landmarks"]):
        towns = [p for p in gazetteer.candidates(entry["settlement"])
                 if p.country_code == entry["country_code"] and p.kind == "settlement"]
        if not towns:
            continue
        town = max(towns, key=lambda p: p.population)
        point = entry.get("point")
        if point is not None:
            town = replace(town, name=point["name"], geonames_id=None, lat=float(point["lat"]),
                           lon=float(point["lon"]), population=0)
        places[f"l{i}"] = town
        precisions[f"l{i}"] = "point" if point is not None else "settlement"
        patterns.extend(entry["patterns"])
        groups.append(f"(?P<l{i}>" + "|".join(f"(?:{p})" for p in entry["patterns"]) + ")")
    if not groups:
        return _Landmarks(None, places, precisions, None)
    return _Landmarks(re.compile(rf"\b(?:{'|'.join(groups)})\b", re.IGNORECASE), places, precisions,
                      LiteralFilter.build(patterns, ignore_case=True))


def find_landmarks(text: str) -> list[PlaceMention]:
    """Every landmark named in `text`, as a mention of its settlement (precision settlement), or
    of its own point (precision point)."""
    landmarks = _landmarks()
    if landmarks.pattern is None:
        return []
    if landmarks.prefilter is not None and not landmarks.prefilter.may_match(text):
        return []
    return [PlaceMention(m.group(0), m.start(), m.end(), landmarks.places[str(m.lastgroup)],
                         landmarks.precisions[str(m.lastgroup)], LANDMARK_SCORE, after_preposition=True)
            for m in landmarks.pattern.finditer(text)]


def with_landmarks(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The geoparser's mentions with every landmark added; a name inside a landmark's words
    ("Crimea" in "ponte di Crimea") gives way to the landmark."""
    found = find_landmarks(text)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(lm.start < m.end and m.start < lm.end for lm in found)]
    return sorted([*kept, *found], key=lambda p: p.start)
