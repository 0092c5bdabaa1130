"""ACLED event typing of a sentence or snippet: sub-event type, weapons, civilian targeting, modality."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from services.core.actors import clause_subject, find_actors
from services.core.lexicon import (
    HeadIndex,
    LiteralFilter,
    fold_case,
    language_section,
    load_lexicon,
    lower_pattern,
)

_TRIGGERS = "event_triggers"
_WEAPONS = "weapons"
_ATTACK = "@attack"
_TERRITORY = "@territory"
_VIOLENCE = "@violence"
_SMALL_ARMS = "@small_arms"
_GOV_TERRITORY = "Government regains territory"
_REBEL_TERRITORY = "Non-state actor overtakes territory"
_CIVILIAN_TYPES = frozenset({"Attack", "Sexual violence", "Abduction/forced disappearance"})
_EXPLOSIONS = "Explosions/Remote violence"
_VIOLENT_FAMILIES = frozenset({"Battles", _EXPLOSIONS, "Violence against civilians"})
# A cue at least this explicit names the event a killing verb beside it counts the dead of.
_EXPLICIT_SCORE = 0.6
# Modality cues count only this many words before the trigger: "did not attack", "threatened to strike".
_MODAL_WORDS = 5
# A trigger confirmed by a weapon of its own class is more explicit.
_WEAPON_AGREEMENT_BONUS = 0.05
_WEAPON_ONLY_SCORE = 0.4
_CLAUSE_END = re.compile(r"[.;:!?\n]")
# What separates the clauses a history marker may govern ("..., since it first intervened in 2016").
_CLAUSE_BREAK = re.compile(r"[,;:.!?\n()\u2013\u2014]")


@dataclass(frozen=True, slots=True)
class EventCue:
    """One piece of evidence that the text reports an event of an ACLED sub-event type."""

    event_type: str
    sub_event_type: str
    trigger: str
    start: int
    end: int
    weapons: tuple[str, ...]
    civilian_targeting: bool
    score: float
    negated_or_hypothetical: bool


@dataclass(frozen=True, slots=True)
class _Trigger:
    sub_event_type: str
    default: str | None
    score: float
    # A killing verb ("killed", "uccisi"): beside an explicit attack of another kind in the
    # sentence it gives that attack's toll, not an event of its own.
    toll: bool
    # Tried at a candidate start (see `_trigger_starts`), on case-folded text.
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Combo:
    if_types: frozenset[str]
    # Types whose presence voids the upgrade: a town taken after the defenders withdrew is a
    # transfer without fighting, unless the text reports fighting or bombardment too.
    unless: frozenset[str]
    then: str
    score: float
    pattern: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Rules:
    # One union of every trigger: a single pass finds where triggers may start (stdlib re is
    # several times faster than one search per trigger on case-folded text).
    scan: re.Pattern[str]
    # Which triggers may start at each word start; None when some trigger may start anywhere.
    index: HeadIndex | None
    triggers: tuple[_Trigger, ...]
    combos: tuple[_Combo, ...]
    weapons: re.Pattern[str]
    # The union's classes one by one, with the index of where each may start: the union
    # itself is tried at every word start of every sentence, and most name no weapon.
    weapon_classes: tuple[tuple[str, re.Pattern[str]], ...]
    weapon_index: HeadIndex | None
    # Triggers then weapon classes in one index: a single pass over the sentence for both.
    joint_index: HeadIndex | None
    weapon_order: tuple[str, ...]
    # Literals one of which every trigger and weapon match contains: a sentence with none of
    # them (about half of a news story's) names no event, and one plain pass tells.
    required: LiteralFilter | None
    modal_near: re.Pattern[str]
    # Phrases that hold a negation word yet state a fact ("не выжила": she died; "не менее": at
    # least): they negate no trigger after them.
    affirmed: re.Pattern[str] | None
    conditional: re.Pattern[str]
    history: re.Pattern[str]
    # "on the anniversary of the massacre": only what comes after it is recalled; a protest
    # held on the anniversary is today's.
    commemoration: re.Pattern[str] | None
    denied_after: re.Pattern[str] | None
    civilian: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Match:
    sub_event_type: str
    default: str | None
    score: float
    toll: bool
    start: int
    end: int


def _folded(patterns: list[str]) -> re.Pattern[str]:
    """Whole-word union of `patterns`, to be searched in case-folded text."""
    body = "|".join(f"(?:{lower_pattern(p)})" for p in patterns)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


def _event_types() -> Mapping[str, str]:
    types: Mapping[str, str] = load_lexicon(_TRIGGERS)["event_types"]
    return types


@lru_cache(maxsize=32)
def _rules(language: str) -> _Rules:
    section: Mapping[str, Any] = language_section(_TRIGGERS, language)
    weapon_section: Mapping[str, list[str]] = language_section(_WEAPONS, language)
    priority: Mapping[str, int] = load_lexicon(_WEAPONS)["priority"]
    modality = section["modality"]
    alternatives = [
        "|".join(f"(?:{lower_pattern(p)})" for p in t["patterns"]) for t in section["triggers"]
    ]
    weapon_bodies = {
        name: "|".join(f"(?:{lower_pattern(p)})" for p in patterns)
        for name, patterns in weapon_section.items()
    }
    triggers = tuple(
        _Trigger(t["sub_event_type"], t.get("default"), float(t["score"]), bool(t.get("toll")), re.compile(rf"(?<!\w)(?:{a})(?!\w)"))
        for t, a in zip(section["triggers"], alternatives)
    )
    weapon_classes = tuple(
        (name, re.compile(rf"(?<!\w)(?:{body})(?!\w)")) for name, body in weapon_bodies.items()
    )
    return _Rules(
        scan=re.compile(r"(?<!\w)(?:" + "|".join(rf"(?:{a})(?!\w)" for a in alternatives) + ")"),
        index=HeadIndex.build(alternatives, ignore_case=False),
        triggers=triggers,
        combos=tuple(
            _Combo(frozenset(c["if"]), frozenset(c.get("unless", ())), c["then"], float(c["score"]),
                   _folded(c["patterns"]))
            for c in section["combos"]
        ),
        weapons=re.compile(
            r"(?<!\w)(?:"
            + "|".join(f"(?P<{name}>{body})(?!\\w)" for name, body in weapon_bodies.items())
            + ")"
        ),
        weapon_classes=weapon_classes,
        weapon_index=HeadIndex.build(list(weapon_bodies.values()), ignore_case=False),
        joint_index=HeadIndex.build([*alternatives, *weapon_bodies.values()], ignore_case=False),
        weapon_order=tuple(sorted(weapon_section, key=lambda name: -priority.get(name, 0))),
        required=LiteralFilter.build(
            [t.pattern.pattern for t in triggers] + [p.pattern for _, p in weapon_classes], ignore_case=False
        ),
        modal_near=_folded(modality["hypothetical"] + modality["negation"]),
        affirmed=_folded(modality["affirmed"]) if modality.get("affirmed") else None,
        conditional=_folded(modality["conditional"]),
        history=_folded(modality["history"]),
        commemoration=_folded(modality["commemoration"]) if modality.get("commemoration") else None,
        denied_after=_folded(modality["denied_after"]) if modality.get("denied_after") else None,
        civilian=_folded(section["civilian"]),
    )


def _weapon_spans(folded: str, rules: _Rules) -> list[tuple[str, int, int]]:
    """What `rules.weapons.finditer` finds: at each start the first class that fits, the
    next search resuming after it."""
    if rules.weapon_index is None:
        return [(m.lastgroup or "other", m.start(), m.end()) for m in rules.weapons.finditer(folded)]
    found: list[tuple[str, int, int]] = []
    resume = 0
    classes = rules.weapon_classes
    for start, which in rules.weapon_index.candidates(folded):
        if start < resume:
            continue
        for i in which:
            m = classes[i][1].match(folded, start)
            if m is not None:
                found.append((classes[i][0], start, m.end()))
                resume = m.end()
                break
    return found


def _weapon_classes(spans: list[tuple[str, int, int]], rules: _Rules) -> tuple[str, ...]:
    named = {name for name, _, _ in spans}
    return tuple(name for name in rules.weapon_order if name in named)


def find_weapons(sentence: str, language: str) -> tuple[str, ...]:
    """Weapon classes (TAXONOMY.md vocabulary) named in `sentence`, most specific first."""
    rules = _rules(language)
    folded = fold_case(sentence)
    if rules.required is not None and not rules.required.may_match_folded(folded):
        return ()
    return _weapon_classes(_weapon_spans(folded, rules), rules)


def _trigger_starts(folded: str, rules: _Rules) -> Iterator[tuple[int, Sequence[_Trigger]]]:
    """Without a head index: each offset where the union of triggers matches, with every
    trigger to try there."""
    hit = rules.scan.search(folded)
    while hit is not None:
        yield hit.start(), rules.triggers
        # Restart just after this start: another trigger may begin inside this one.
        hit = rules.scan.search(folded, hit.start() + 1)


def _raw_matches(folded: str, rules: _Rules) -> list[_Match]:
    found: list[_Match] = []
    if rules.index is not None:
        triggers = rules.triggers
        for start, which in rules.index.candidates(folded):
            for i in which:
                t = triggers[i]
                m = t.pattern.match(folded, start)
                if m is not None:
                    found.append(_Match(t.sub_event_type, t.default, t.score, t.toll, start, m.end()))
    else:
        for start, some in _trigger_starts(folded, rules):
            for t in some:
                m = t.pattern.match(folded, start)
                if m is not None:
                    found.append(_Match(t.sub_event_type, t.default, t.score, t.toll, start, m.end()))
    return _outermost(found)


def _outermost(found: list[_Match]) -> list[_Match]:
    if len(found) < 2:
        return found
    # A trigger nested inside a longer one is part of it ("shot" in "shot down", "kamikaze" in "kamikaze drone").
    return [
        f for f in found
        if not any(
            o is not f and o.start <= f.start and f.end <= o.end and (o.end - o.start) > (f.end - f.start)
            for o in found
        )
    ]


def _triggers_and_weapons(folded: str, rules: _Rules
                           ) -> tuple[list[_Match], list[tuple[str, int, int]]]:
    """`_raw_matches` and `_weapon_spans` in one pass over the candidate starts."""
    joint = rules.joint_index
    if joint is None:
        return _raw_matches(folded, rules), _weapon_spans(folded, rules)
    found: list[_Match] = []
    weapons: list[tuple[str, int, int]] = []
    triggers, classes, n = rules.triggers, rules.weapon_classes, len(rules.triggers)
    resume = 0
    for start, which in joint.candidates(folded):
        weapon_free = start >= resume
        for i in which:
            if i < n:
                t = triggers[i]
                m = t.pattern.match(folded, start)
                if m is not None:
                    found.append(_Match(t.sub_event_type, t.default, t.score, t.toll, start, m.end()))
            elif weapon_free:
                name, pattern = classes[i - n]
                m = pattern.match(folded, start)
                if m is not None:
                    weapons.append((name, start, m.end()))
                    resume = m.end()
                    weapon_free = False
    return _outermost(found), weapons


def _weapon_type(weapons: tuple[str, ...], civilian: bool) -> str | None:
    if not weapons:
        return None
    mapped: Mapping[str, str] = load_lexicon(_WEAPONS)["sub_event_types"]
    sub = mapped[weapons[0]]
    if sub == _SMALL_ARMS:
        return "Attack" if civilian else "Armed clash"
    return sub


def _territory_type(sentence: str, language: str, default: str | None, trigger_start: int) -> str:
    actors = find_actors(sentence, language)
    # The subject of the capture decides, else who attacks, else who is named before it.
    subject = clause_subject(sentence, language, trigger_start)
    takers = ([subject] if subject is not None else [a for a in actors if a.role == "perpetrator"]
              or [a for a in actors if a.end <= trigger_start])
    for actor in takers:
        if actor.kind == "state_forces":
            return _GOV_TERRITORY
        if actor.kind == "armed_group":
            return _REBEL_TERRITORY
    return default or _GOV_TERRITORY


def _resolve(match: _Match, sentence: str, language: str, weapons: tuple[str, ...], civilian: bool) -> tuple[str, float] | None:
    if match.sub_event_type == _ATTACK:
        by_weapon = _weapon_type(weapons, civilian)
        if by_weapon is not None:
            return by_weapon, 0.75
        # A bare "attack"/"hit" names no means; it is weak evidence of either type.
        return ("Attack", 0.35) if civilian else ("Armed clash", 0.3)
    if match.sub_event_type == _VIOLENCE:
        # Killing without named civilians is mostly fighting between armed sides.
        return ("Attack" if civilian else "Armed clash"), match.score
    if match.sub_event_type == _TERRITORY:
        return _territory_type(sentence, language, match.default, match.start), match.score
    return match.sub_event_type, match.score


def _recalled_spans(folded: str, rules: _Rules) -> tuple[list[tuple[int, int]], int]:
    """Where the sentence recalls the past: the spans of its history markers, and the offset
    after which a commemoration ("the anniversary of") makes every cue a recollection (past
    the end when there is none). Searched once per sentence rather than once per cue."""
    spans = [(m.start(), m.end()) for m in rules.history.finditer(folded)]
    recalled_after = len(folded) + 1
    if rules.commemoration is not None:
        m = rules.commemoration.search(folded)
        if m is not None:
            recalled_after = m.end()
    return spans, recalled_after


def _recalled(folded: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """A history marker recalls every cue after it ("In 2014, rebels seized the town") and the
    cue of its own clause ("rebels seized the town in 2014"), not a cue in an earlier clause
    ("An air strike killed 29 soldiers, the worst toll since it first intervened in 2016")."""
    for h_start, h_end in spans:
        if h_end <= start or (h_start >= end and _CLAUSE_BREAK.search(folded, end, h_start) is None):
            return True
    return False


def _is_modal(sentence: str, start: int, end: int, rules: _Rules,
              recalled: tuple[list[tuple[int, int]], int] | None) -> bool:
    """`recalled`: what `_recalled_spans` found, None when the sentence recalls no past."""
    if recalled is not None and (start >= recalled[1] or _recalled(sentence, start, end, recalled[0])):
        return True
    clause_start = 0
    for m in _CLAUSE_END.finditer(sentence, 0, start):
        clause_start = m.end()
    clause = sentence[clause_start:start]
    near = " ".join(clause.split()[-_MODAL_WORDS:])
    modal = rules.modal_near.search(near)
    if modal is not None and rules.affirmed is not None:
        # "не выжила после атаки дрона": the death is the attack's outcome, not its denial
        modal = rules.modal_near.search(rules.affirmed.sub(" ", near))
    return bool(modal or rules.conditional.search(clause))


def _denied_capture(sentence: str, sub_event_type: str, end: int, rules: _Rules) -> bool:
    """A capture the same sentence goes on to deny ("announced the capture of X, but Kyiv denied
    it") is a disputed claim, not a change of control. Only captures: a strike whose authorship is
    denied still happened."""
    return (sub_event_type in (_GOV_TERRITORY, _REBEL_TERRITORY) and rules.denied_after is not None
            and rules.denied_after.search(sentence, end) is not None)


def classify_sentence(sentence: str, language: str) -> list[EventCue]:
    """Every ACLED sub-event type `sentence` gives evidence for, best first, one cue per type."""
    rules = _rules(language)
    folded = fold_case(sentence)
    if rules.required is not None and not rules.required.may_match_folded(folded):
        return []
    matches, weapon_spans = _triggers_and_weapons(folded, rules)
    if not matches and not weapon_spans:
        return []
    weapons = _weapon_classes(weapon_spans, rules)
    civilian = bool(rules.civilian.search(folded))
    weapon_types = {_weapon_type((w,), civilian) for w in weapons}
    event_types = _event_types()

    candidates: list[tuple[str, float, int, int]] = []
    tolls: list[tuple[str, float, int, int]] = []
    for match in matches:
        resolved = _resolve(match, sentence, language, weapons, civilian)
        if resolved is not None:
            (tolls if match.toll else candidates).append((resolved[0], resolved[1], match.start, match.end))
    if not any(event_types.get(c[0]) in _VIOLENT_FAMILIES and c[1] >= _EXPLICIT_SCORE for c in candidates):
        candidates.extend(tolls)
    for name, start, end in weapon_spans:
        sub = _weapon_type((name,), civilian)
        if sub is not None and sub not in ("Attack", "Armed clash"):
            # "Un missile in pieno centro a Kharkiv": a weapon named without a verb is weak evidence.
            candidates.append((sub, _WEAPON_ONLY_SCORE, start, end))
    present = {c[0] for c in candidates} | {m.sub_event_type for m in matches}
    for combo in rules.combos:
        if combo.if_types & present and not combo.unless & present:
            m = combo.pattern.search(folded)
            if m is not None:
                then = combo.then
                if then in (_GOV_TERRITORY, _REBEL_TERRITORY):  # who took it decides, as for any capture
                    then = _territory_type(sentence, language, then, m.start())
                candidates.append((then, combo.score, m.start(), m.end()))

    best: dict[str, EventCue] = {}
    recalled = _recalled_spans(folded, rules) if candidates else None
    if recalled is not None and not recalled[0] and recalled[1] > len(folded):
        recalled = None
    for sub, score, start, end in candidates:
        if sub in weapon_types:
            score = min(1.0, score + _WEAPON_AGREEMENT_BONUS)
        event_type = event_types[sub]
        cue = EventCue(
            event_type=event_type,
            sub_event_type=sub,
            trigger=sentence[start:end],
            start=start,
            end=end,
            weapons=weapons,
            civilian_targeting=sub in _CIVILIAN_TYPES or (event_type == _EXPLOSIONS and civilian),
            score=round(score, 3),
            negated_or_hypothetical=_is_modal(folded, start, end, rules, recalled)
            or _denied_capture(folded, sub, end, rules),
        )
        held = best.get(sub)
        if held is None or _rank(cue) > _rank(held):
            best[sub] = cue
    return sorted(best.values(), key=_rank, reverse=True)


def _rank(cue: EventCue) -> tuple[bool, float, int]:
    return (not cue.negated_or_hypothetical, cue.score, -cue.start)


def classify_text(text: str, language: str) -> EventCue | None:
    """The single best-supported sub-event type of a short snippet (a few sentences), or None."""
    cues = classify_sentence(text, language)
    return cues[0] if cues else None
