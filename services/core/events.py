"""ACLED event typing of a sentence or snippet: sub-event type, weapons, civilian targeting, modality."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from services.core.actors import clause_subject, find_actors
from services.core.lexicon import PatternGate, fold_case, language_section, load_lexicon, lower_pattern

_TRIGGERS = "event_triggers"
_WEAPONS = "weapons"
_ATTACK = "@attack"
_STRIKE = "@strike"
_SHELLING = "Shelling/artillery/missile attack"
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
# Where the clause a motive or grievance governs ends: a break, or a conjunction that opens a
# clause of its own ("demands that the president resign as police fired tear gas"; not "what they
# see as excessive force").
_GOVERNED_END = re.compile(r"[,;:.!?\n()\u2013\u2014]|(?<!\w)(?:while|when|whereas|but|before)(?!\w)"
                           r"|(?<!\w)as(?= (?:the )?(?:\w+ )?(?:police|security|troops|soldiers|officers|authorities))")
# Names in the sentence gate (`_Rules.gate`) of the readers other than triggers and weapons.
_CIVILIAN = "civilian"
_HISTORY = "history"
_COMMEMORATION = "commemoration"
_CONDITIONAL = "conditional"
_MOTIVE = "motive"
_GRIEVANCE = "grievance"
_AGO = "ago"
_PLANNED = "planned"
_PEACEFUL_PROTEST = "Peaceful protest"
# (start, end) offsets of the clauses a marker governs
_Spans = list[tuple[int, int]]


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
    # Searched for at every start it matches at (see `_trigger_matches`), on case-folded text.
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
    # Its name in the sentence gate (`_Rules.gate`).
    name: str


@dataclass(frozen=True, slots=True)
class _Rules:
    triggers: tuple[_Trigger, ...]
    combos: tuple[_Combo, ...]
    # Each weapon class's patterns as one regex body, in lexicon order: a sentence's weapons
    # are read by a union of the classes it may name (see `_weapon_union`).
    weapon_bodies: tuple[tuple[str, str], ...]
    weapon_order: tuple[str, ...]
    # One Aho-Corasick pass over the folded sentence tells, from the literals their patterns
    # need, which triggers (named by their source), weapon classes (by their name), combos and
    # which of the civilian, history, commemoration and conditional readers may match in it. Most
    # sentences of a story name no event, and the others one or two triggers: only those are
    # searched for.
    gate: PatternGate
    trigger_index: Mapping[str, tuple[int, ...]]
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
    # "launched air strikes in retaliation for a gas attack": the rest of the clause after a
    # motive names the earlier event the reported one answers, not another event.
    motive: re.Pattern[str] | None
    # "protesters rallied over the detention of ...": in a protest's sentence, the rest of the
    # clause after a grievance names what the protest is about.
    grievance: re.Pattern[str] | None
    # "il bombardamento di un giorno fa con missili e droni, questa notte i raid ...": an ago
    # phrase recalls the cues of its own clause, before or after it, and no other.
    ago: re.Pattern[str] | None
    # "I leader si riuniranno a Washington il mese prossimo", "talks will resume next week": a
    # time still to come makes every cue of its clause a plan, not an event.
    planned: re.Pattern[str] | None


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
    triggers = tuple(
        _Trigger(t["sub_event_type"], t.get("default"), float(t["score"]), bool(t.get("toll")),
                 _folded(t["patterns"]))
        for t in section["triggers"]
    )
    trigger_index: dict[str, list[int]] = {}
    for i, t in enumerate(triggers):
        trigger_index.setdefault(t.pattern.pattern, []).append(i)
    # Each pattern on its own: one that needs no telling literal leaves only its owner always possible.
    gated = [g for t, s in zip(triggers, section["triggers"]) for g in _gated(s["patterns"], t.pattern.pattern)]
    gated += [g for name, patterns in weapon_section.items() for g in _gated(patterns, name)]
    combos = tuple(
        _Combo(frozenset(c["if"]), frozenset(c.get("unless", ())), c["then"], float(c["score"]),
               _folded(c["patterns"]), f"combo {number}")
        for number, c in enumerate(section["combos"])
    )
    gated += [g for combo, c in zip(combos, section["combos"]) for g in _gated(c["patterns"], combo.name)]
    gated += _gated(section[_CIVILIAN], _CIVILIAN)
    gated += [g for name in (_HISTORY, _COMMEMORATION, _CONDITIONAL, _MOTIVE, _GRIEVANCE, _AGO, _PLANNED)
              for g in _gated(modality.get(name) or [], name)]
    def optional(name: str) -> re.Pattern[str] | None:
        return _folded(modality[name]) if modality.get(name) else None

    return _Rules(
        triggers=triggers,
        combos=combos,
        weapon_bodies=tuple(
            (name, "|".join(f"(?:{lower_pattern(p)})" for p in patterns)) for name, patterns in weapon_section.items()
        ),
        weapon_order=tuple(sorted(weapon_section, key=lambda name: -priority.get(name, 0))),
        gate=PatternGate([p for p, _ in gated], ignore_case=False, names=[name for _, name in gated]),
        trigger_index={source: tuple(found) for source, found in trigger_index.items()},
        modal_near=_folded(modality["hypothetical"] + modality["negation"]),
        affirmed=optional("affirmed"),
        conditional=_folded(modality["conditional"]),
        history=_folded(modality["history"]),
        commemoration=optional("commemoration"),
        denied_after=optional("denied_after"),
        civilian=_folded(section["civilian"]),
        motive=optional(_MOTIVE),
        grievance=optional(_GRIEVANCE),
        ago=optional(_AGO),
        planned=optional(_PLANNED),
    )


def _gated(patterns: list[str], name: str) -> list[tuple[str, str]]:
    """(pattern, name) for the sentence gate; an empty list is a union that matches the empty
    string, which no literal can rule out."""
    return [(lower_pattern(p), name) for p in patterns] or [("", name)]


@lru_cache(maxsize=1024)
def _weapon_union(language: str, classes: frozenset[str]) -> re.Pattern[str]:
    """The union of the weapon classes named, in lexicon order: at each start the first class
    that fits, as with all of them, a class absent from the sentence fitting nowhere."""
    bodies = [(name, body) for name, body in _rules(language).weapon_bodies if name in classes]
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{body})(?!\\w)" for name, body in bodies) + ")")


def _weapon_spans(folded: str, language: str, possible: frozenset[str]) -> list[tuple[str, int, int]]:
    """Each weapon named in the sentence (class, start, end), from the classes `possible` names."""
    classes = possible.intersection(_rules(language).weapon_order)
    if not classes:
        return []
    return [(m.lastgroup or "other", m.start(), m.end()) for m in _weapon_union(language, classes).finditer(folded)]


def _weapon_classes(spans: list[tuple[str, int, int]], rules: _Rules) -> tuple[str, ...]:
    named = {name for name, _, _ in spans}
    return tuple(name for name in rules.weapon_order if name in named)


def find_weapons(sentence: str, language: str) -> tuple[str, ...]:
    """Weapon classes (TAXONOMY.md vocabulary) named in `sentence`, most specific first."""
    folded = fold_case(sentence)
    return _weapon_classes(_weapon_spans(folded, language, _rules(language).gate.possible(folded)), _rules(language))


def _trigger_matches(folded: str, rules: _Rules, possible: frozenset[str]) -> list[_Match]:
    """Every trigger at every start it matches at (one may begin inside another), in text
    order, of the triggers `possible` names."""
    found: list[tuple[int, int, int]] = []
    index = rules.trigger_index
    for source in possible:
        for i in index.get(source, ()):
            pattern = rules.triggers[i].pattern
            m = pattern.search(folded)
            while m is not None:
                found.append((m.start(), i, m.end()))
                m = pattern.search(folded, m.start() + 1)
    found.sort()
    triggers = rules.triggers
    return _outermost([
        _Match(t.sub_event_type, t.default, t.score, t.toll, start, end)
        for start, i, end in found for t in (triggers[i],)
    ])


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


def _remote_type(weapons: tuple[str, ...], civilian: bool) -> str | None:
    """The type of the first weapon when it is fired from afar (no gun or knife): shelling, an
    air or drone strike, a mine, a grenade."""
    sub = _weapon_type(weapons, civilian)
    return None if sub in (None, "Attack", "Armed clash") else sub


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
    if match.sub_event_type == _STRIKE:
        # "внаслідок удару" (uk/ru): a strike is dealt from afar; the weapon says how, else shelling.
        by_weapon = _weapon_type(weapons, civilian)
        return (by_weapon, 0.75) if by_weapon is not None else (_SHELLING, 0.3)
    remote = _remote_type(weapons, civilian) if match.toll or match.sub_event_type == _VIOLENCE else None
    if remote is not None:
        # "uccisi dal fuoco dell'artiglieria": killed from afar, as ACLED codes it, whoever died
        return remote, match.score
    if match.sub_event_type == _VIOLENCE:
        # Killing without named civilians is mostly fighting between armed sides.
        return ("Attack" if civilian else "Armed clash"), match.score
    if match.sub_event_type == _TERRITORY:
        return _territory_type(sentence, language, match.default, match.start), match.score
    return match.sub_event_type, match.score


def _recalled_spans(folded: str, rules: _Rules, possible: frozenset[str]) -> tuple[list[tuple[int, int]], int]:
    """Where the sentence recalls the past: the spans of its history markers, and the offset
    after which a commemoration ("the anniversary of") makes every cue a recollection (past
    the end when there is none). Searched once per sentence rather than once per cue."""
    spans = [(m.start(), m.end()) for m in rules.history.finditer(folded)] if _HISTORY in possible else []
    recalled_after = len(folded) + 1
    if rules.commemoration is not None and _COMMEMORATION in possible:
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


def _governed(folded: str, marker: re.Pattern[str] | None) -> _Spans:
    """Each match of `marker` with the rest of its clause, as (start, end) spans."""
    if marker is None:
        return []
    spans = []
    for m in marker.finditer(folded):
        end = _GOVERNED_END.search(folded, m.end())
        spans.append((m.start(), len(folded) if end is None else end.start()))
    return spans


def _clauses_of(folded: str, marker: re.Pattern[str] | None) -> _Spans:
    """The whole clause around each match of `marker`, as (start, end) spans."""
    if marker is None:
        return []
    spans = []
    for m in marker.finditer(folded):
        start = max((b.end() for b in _CLAUSE_BREAK.finditer(folded, 0, m.start())), default=0)
        end = _CLAUSE_BREAK.search(folded, m.end())
        spans.append((start, len(folded) if end is None else end.start()))
    return spans


def _causes(folded: str, rules: _Rules, possible: frozenset[str], protest: bool) -> tuple[_Spans, _Spans]:
    """The clauses that name what a reported event answers (motives), an earlier day's event
    (ago) or a later one (planned), and, in a protest's sentence, what the protest is about
    (grievances)."""
    motives = _governed(folded, rules.motive) if _MOTIVE in possible else []
    motives += _clauses_of(folded, rules.ago) if _AGO in possible else []
    motives += _clauses_of(folded, rules.planned) if _PLANNED in possible else []
    grievances = _governed(folded, rules.grievance) if protest and _GRIEVANCE in possible else []
    return motives, grievances


def _is_cause(sub_event_type: str, start: int, causes: tuple[_Spans, _Spans]) -> bool:
    """A cue inside a motive clause, or (a protest itself aside) inside a grievance clause."""
    motives, grievances = causes
    return (any(s <= start < e for s, e in motives)
            or (sub_event_type != _PEACEFUL_PROTEST and any(s <= start < e for s, e in grievances)))


def _is_modal(sentence: str, start: int, end: int, rules: _Rules,
              recalled: tuple[list[tuple[int, int]], int] | None, possible: frozenset[str]) -> bool:
    """`recalled`: what `_recalled_spans` found, None when the sentence recalls no past;
    `possible`: what the sentence gate allows in it."""
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
    return bool(modal or (_CONDITIONAL in possible and rules.conditional.search(clause)))


def _denied_capture(sentence: str, sub_event_type: str, end: int, rules: _Rules) -> bool:
    """A capture the same sentence goes on to deny ("announced the capture of X, but Kyiv denied
    it") is a disputed claim, not a change of control. Only captures: a strike whose authorship is
    denied still happened."""
    return (sub_event_type in (_GOV_TERRITORY, _REBEL_TERRITORY) and rules.denied_after is not None
            and rules.denied_after.search(sentence, end) is not None)


def speaks_of_another_time(sentence: str, language: str) -> bool:
    """Whether `sentence` names a time still to come ("next week", "il mese prossimo") or a past
    it recalls ("due anni fa", "the anniversary of"): what it observes (troops, damage) is
    planned or remembered, not seen today."""
    rules = _rules(language)
    folded = fold_case(sentence)
    possible = rules.gate.possible(folded)
    markers = ((_PLANNED, rules.planned), (_HISTORY, rules.history), (_COMMEMORATION, rules.commemoration))
    return any(name in possible and marker is not None and marker.search(folded) is not None
               for name, marker in markers)


def classify_sentence(sentence: str, language: str) -> list[EventCue]:
    """Every ACLED sub-event type `sentence` gives evidence for, best first, one cue per type."""
    return list(_classify(sentence, language))


# A story's sentences are read more than once (each on its own, the lead again, a brief as a
# whole), and a capture's sentence once more for who took the town.
@lru_cache(maxsize=256)
def _classify(sentence: str, language: str) -> tuple[EventCue, ...]:
    rules = _rules(language)
    folded = fold_case(sentence)
    possible = rules.gate.possible(folded)
    matches = _trigger_matches(folded, rules, possible)
    weapon_spans = _weapon_spans(folded, language, possible)
    if not matches and not weapon_spans:
        return ()
    weapons = _weapon_classes(weapon_spans, rules) if weapon_spans else ()
    civilian = _CIVILIAN in possible and rules.civilian.search(folded) is not None
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
    worded_count = len(candidates)  # the candidates after these name a weapon without a verb
    for name, start, end in weapon_spans:
        sub = _remote_type((name,), civilian)
        if sub is not None:
            # "Un missile in pieno centro a Kharkiv": a weapon named without a verb is weak evidence.
            candidates.append((sub, _WEAPON_ONLY_SCORE, start, end))
    weapon_only = range(worded_count, len(candidates))
    present = {c[0] for c in candidates} | {m.sub_event_type for m in matches}
    for combo in rules.combos:
        if combo.if_types & present and not combo.unless & present and combo.name in possible:
            m = combo.pattern.search(folded)
            if m is not None:
                then = combo.then
                if then in (_GOV_TERRITORY, _REBEL_TERRITORY):  # who took it decides, as for any capture
                    then = _territory_type(sentence, language, then, m.start())
                candidates.append((then, combo.score, m.start(), m.end()))

    best: dict[str, EventCue] = {}
    recalled = _recalled_spans(folded, rules, possible) if candidates else None
    if recalled is not None and not recalled[0] and recalled[1] > len(folded):
        recalled = None
    causes = _causes(folded, rules, possible, any(m.sub_event_type == _PEACEFUL_PROTEST for m in matches))
    modal = [_is_modal(folded, start, end, rules, recalled, possible) or _denied_capture(folded, sub, end, rules)
             or _is_cause(sub, start, causes) for sub, _, start, end in candidates]
    # "Russian missiles did not hit Kyiv": a weapon named beside event words that are all denied,
    # feared or recalled is theirs
    worded = [m for i, m in enumerate(modal) if i not in weapon_only]
    unreal = bool(worded) and all(worded)
    for i, (sub, score, start, end) in enumerate(candidates):
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
            negated_or_hypothetical=modal[i] or (unreal and i in weapon_only),
        )
        held = best.get(sub)
        if held is None or _rank(cue) > _rank(held):
            best[sub] = cue
    return tuple(sorted(best.values(), key=_rank, reverse=True))


def _rank(cue: EventCue) -> tuple[bool, float, int]:
    return (not cue.negated_or_hypothetical, cue.score, -cue.start)


def classify_text(text: str, language: str) -> EventCue | None:
    """The single best-supported sub-event type of a short snippet (a few sentences), or None."""
    cues = classify_sentence(text, language)
    return cues[0] if cues else None
