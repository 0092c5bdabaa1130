"""Facilities named instead of a town ("the Crimean bridge", "Zaporizhzhia nuclear plant"), read as the settlement they stand in."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from services.core.gazetteer import Gazetteer, Place, default_gazetteer
from services.core.places import PlaceMention

#: a landmark is named on purpose: as sure as a well-supported town name
LANDMARK_SCORE = 0.9


@dataclass(frozen=True, slots=True)
class _Landmark:
    pattern: re.Pattern[str]
    place: Place


@lru_cache(maxsize=1)
def _landmarks() -> tuple[_Landmark, ...]:
    return _load(default_gazetteer())


def _load(gazetteer: Gazetteer) -> tuple[_Landmark, ...]:
    """Each landmark with the gazetteer's most populous settlement of its name and country;
    a landmark whose settlement the gazetteer lacks is left out rather than guessed."""
    data = json.loads(files("services.core").joinpath("data", "gazetteer", "landmarks.json").read_text("utf-8"))
    out: list[_Landmark] = []
    for entry in data["landmarks"]:
        towns = [p for p in gazetteer.candidates(entry["settlement"])
                 if p.country_code == entry["country_code"] and p.kind == "settlement"]
        if not towns:
            continue
        town = max(towns, key=lambda p: p.population)
        body = "|".join(f"(?:{p})" for p in entry["patterns"])
        out.append(_Landmark(re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE), town))
    return tuple(out)


def find_landmarks(text: str) -> list[PlaceMention]:
    """Every landmark named in `text`, as a mention of its settlement (precision settlement)."""
    found: list[PlaceMention] = []
    for landmark in _landmarks():
        for m in landmark.pattern.finditer(text):
            found.append(PlaceMention(m.group(0), m.start(), m.end(), landmark.place, "settlement",
                                      LANDMARK_SCORE, after_preposition=True))
    return sorted(found, key=lambda p: p.start)


def with_landmarks(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The geoparser's mentions with every landmark added; a name inside a landmark's words
    ("Crimea" in "ponte di Crimea") gives way to the landmark."""
    found = find_landmarks(text)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(lm.start < m.end and m.start < lm.end for lm in found)]
    return sorted([*kept, *found], key=lambda p: p.start)
