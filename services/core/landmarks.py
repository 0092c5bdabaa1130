"""Facilities named instead of a town ("the Crimean bridge", "Zaporizhzhia nuclear plant"), read as the settlement they stand in."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from services.core.gazetteer import Gazetteer, Place, default_gazetteer
from services.core.lexicon import LiteralFilter, fold_case
from services.core.places import PlaceMention, Precision

#: a landmark is named on purpose: as sure as a well-supported town name
LANDMARK_SCORE = 0.9


@dataclass(frozen=True, slots=True)
class _Landmarks:
    # One alternation with a named group per landmark: a single scan of the text finds them all
    # (used when no prefilter could be built).
    pattern: re.Pattern[str] | None
    places: dict[str, Place]
    precisions: dict[str, Precision]
    # Most articles name no landmark: one plain search of the lower-cased text tells, where
    # the case-insensitive union would be tried at every word start.
    prefilter: LiteralFilter | None
    # Ukrainian war news names Kyiv or Zaporizhzhia everywhere, which the literals of some
    # landmarks ("Kyiv HPP") begin with: such a text is scanned only with the landmarks whose
    # literals it holds (their own patterns), not with the union of all of them.
    singles: tuple[re.Pattern[str], ...] = ()
    owners: tuple[int, ...] = ()  # pattern number (as the prefilter counts) -> landmark number


@lru_cache(maxsize=1)
def _landmarks() -> _Landmarks:
    return _load(default_gazetteer())


def _load(gazetteer: Gazetteer) -> _Landmarks:
    """Each landmark with the gazetteer's most populous settlement of its name and country
    (moved to the landmark's own point when it gives one: an island is not its harbour town;
    read at the entry's precision, if it gives one: "Long Island" is a region);
    a landmark whose settlement the gazetteer lacks is left out rather than guessed."""
    data = json.loads(files("services.core").joinpath("data", "gazetteer", "landmarks.json").read_text("utf-8"))
    places: dict[str, Place] = {}
    precisions: dict[str, Precision] = {}
    groups: list[str] = []
    patterns: list[str] = []
    singles: list[re.Pattern[str]] = []
    owners: list[int] = []
    for i, entry in enumerate(data["landmarks"]):
        towns = [p for p in gazetteer.candidates(entry["settlement"])
                 if p.country_code == entry["country_code"] and p.kind == "settlement"]
        if not towns:
            continue
        town = max(towns, key=lambda p: p.population)
        point = entry.get("point")
        precision: Precision = entry.get("precision", "point" if point is not None else "settlement")
        if point is not None:
            # an area wider than a county ("Long Island") lies in no one county of its town
            town = replace(town, name=point["name"], geonames_id=None, lat=float(point["lat"]),
                           lon=float(point["lon"]), population=0,
                           admin2=None if precision == "region" else town.admin2)
        places[f"l{i}"] = town
        precisions[f"l{i}"] = precision
        patterns.extend(entry["patterns"])
        group = f"(?P<l{i}>" + "|".join(f"(?:{p})" for p in entry["patterns"]) + ")"
        owners.extend([len(groups)] * len(entry["patterns"]))
        groups.append(group)
        singles.append(re.compile(rf"\b{group}\b", re.IGNORECASE))
    if not groups:
        return _Landmarks(None, places, precisions, None)
    return _Landmarks(re.compile(rf"\b(?:{'|'.join(groups)})\b", re.IGNORECASE), places, precisions,
                      LiteralFilter.build(patterns, ignore_case=True), tuple(singles), tuple(owners))


def find_landmarks(text: str) -> list[PlaceMention]:
    """Every landmark named in `text`, as a mention of its settlement (precision settlement), or
    of its own point (precision point)."""
    landmarks = _landmarks()
    if landmarks.pattern is None:
        return []
    matches: Iterable[re.Match[str]] = ()
    if landmarks.prefilter is None:
        matches = landmarks.pattern.finditer(text)
    else:
        possible = sorted({landmarks.owners[i] for i in
                           landmarks.prefilter.which_may_match_folded(fold_case(text))})
        # The possible landmarks' own scans, merged as the union would read them: leftmost
        # first, the earlier-listed landmark at one offset, a match overlapping a kept one dropped.
        found = sorted((m for k in possible for m in landmarks.singles[k].finditer(text)),
                       key=lambda m: (m.start(), int(str(m.lastgroup)[1:])))
        kept: list[re.Match[str]] = []
        for m in found:
            if not kept or m.start() >= kept[-1].end():
                kept.append(m)
        matches = kept
    return [PlaceMention(m.group(0), m.start(), m.end(), landmarks.places[str(m.lastgroup)],
                         landmarks.precisions[str(m.lastgroup)], LANDMARK_SCORE, after_preposition=True)
            for m in matches]


def with_landmarks(text: str, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The geoparser's mentions with every landmark added; a name inside a landmark's words
    ("Crimea" in "ponte di Crimea") gives way to the landmark."""
    found = find_landmarks(text)
    if not found:
        return mentions
    kept = [m for m in mentions if not any(lm.start < m.end and m.start < lm.end for lm in found)]
    return sorted([*kept, *found], key=lambda p: p.start)
