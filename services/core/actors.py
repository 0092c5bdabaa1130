"""Actor mentions in one sentence: who they are (kind, country) and whether they attack or are attacked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import regex

from services.core.lexicon import PatternGate, compile_alternation, fold_case, language_section

Role = Literal["perpetrator", "target", "other"]

_LEXICON = "actors"
# How far back (in characters) a role cue such as "by" or "contro" may sit before the actor.
_CUE_WINDOW = 30
_CLAUSE_BREAK = regex.compile(r"[,;:.!?()\u2013\u2014]")
# The name of the attack verbs in the sentence gate, whose other names are entry numbers.
_ATTACK_VERB = "attack_verb"


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor phrase as written, with its ACLED-like kind and role in the sentence."""

    name: str
    role: Role
    kind: str
    country_code: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _ActorEntry:
    name: str
    kind: str
    country_code: str | None
    pattern: regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class _ActorRules:
    entries: tuple[_ActorEntry, ...]
    # Which entries (by number) a sentence may name, and whether it may hold an attack verb,
    # from the literals their patterns need: one Aho-Corasick pass over the folded sentence.
    # Most sentences name no actor, and the others one or two: only those are searched for.
    gate: PatternGate
    perpetrator_cue: regex.Pattern[str]
    target_cue: regex.Pattern[str]
    other_cue: regex.Pattern[str]
    attack_verb: regex.Pattern[str]
    passive_before: regex.Pattern[str]
    reporting: regex.Pattern[str]
    subordinator: regex.Pattern[str]
    # A preposition right before an actor: no subject of its clause ("clashing with insurgents").
    not_subject_after: regex.Pattern[str] | None


def _cue_at_end(patterns: list[str]) -> regex.Pattern[str]:
    """A cue that must end right before the actor (only spaces and an article between)."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return regex.compile(rf"(?<!\w)(?:{body})\s*(?:(?:the|a|an|il|lo|la|i|gli|le|l')\s*)?$", regex.IGNORECASE)


def _actor_pattern(patterns: list[str]) -> regex.Pattern[str]:
    """Whole-word actor phrases; a trailing hyphen means a modifier ("Hamas-run"), not the actor."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return regex.compile(rf"(?<!\w)(?:{body})(?![\w-])", regex.IGNORECASE)


@lru_cache(maxsize=32)
def _rules(language: str) -> _ActorRules:
    section = language_section(_LEXICON, language)
    entries = tuple(
        _ActorEntry(e["name"], e["kind"], e["country_code"], _actor_pattern(e["patterns"]))
        for e in section["actors"]
    )
    passive = "|".join(f"(?:{p})" for p in section["passive"])
    # One pattern at a time: a pattern without a telling literal leaves only its entry always
    # possible, and no prefix shared by an entry's patterns ("Israeli …", "IDF") is factored
    # out of their union, leaving too short a literal to rule anything out.
    gated = [(p, str(i)) for i, e in enumerate(section["actors"]) for p in e["patterns"] or [""]]
    gated += [(p, _ATTACK_VERB) for p in section["attack_verbs"] or [""]]
    return _ActorRules(
        entries=entries,
        gate=PatternGate([p for p, _ in gated], ignore_case=True, names=[name for _, name in gated]),
        perpetrator_cue=_cue_at_end(section["perpetrator_cues"]),
        target_cue=_cue_at_end(section["target_cues"]),
        other_cue=_cue_at_end(section["other_cues"]),
        attack_verb=compile_alternation(section["attack_verbs"]),
        passive_before=regex.compile(rf"(?<!\w)(?:{passive})\s+(?:\w+\s+)?$", regex.IGNORECASE),
        reporting=compile_alternation(section["reporting"]),
        subordinator=compile_alternation(section["subordinators"]),
        not_subject_after=_cue_at_end(section["not_subject_after"]) if section.get("not_subject_after") else None,
    )


def _first_entries(sentence: str, rules: _ActorRules, possible: frozenset[str]) -> list[tuple[int, int, _ActorEntry]]:
    """At every offset where an actor phrase starts, the first entry (in lexicon order) that fits,
    of the entries `possible` names (the others fit nowhere in the sentence)."""
    first: dict[int, tuple[int, int, _ActorEntry]] = {}
    for i in sorted(int(name) for name in possible if name != _ATTACK_VERB):
        entry = rules.entries[i]
        for m in entry.pattern.finditer(sentence, overlapped=True):
            first.setdefault(m.start(), (m.start(), m.end(), entry))
    return list(first.values())


def _mentions(sentence: str, rules: _ActorRules, possible: frozenset[str]) -> list[tuple[int, int, _ActorEntry]]:
    """All actor matches, longest first, with matches nested inside a longer one dropped."""
    found = _first_entries(sentence, rules, possible)
    # Longer spans win so "Russian forces" is not also read as the bare "forces".
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, _ActorEntry]] = []
    for start, end, entry in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, entry))
    kept.sort(key=lambda f: f[0])
    return kept


def _role(sentence: str, start: int, end: int, kind: str, rules: _ActorRules,
          verbs: list[tuple[int, int, bool]]) -> Role:
    before = sentence[max(0, start - _CUE_WINDOW):start]
    if rules.other_cue.search(before):
        return "other"
    if rules.perpetrator_cue.search(before):
        return "perpetrator"
    if rules.target_cue.search(before):
        return "target"
    clause_start, clause_end = _clause(sentence, start, end)
    preceding = [(e, passive) for s, e, passive in verbs if clause_start <= s and e <= start]
    following = [(s, passive) for s, e, passive in verbs if s >= end and e <= clause_end]
    if preceding:
        verb_end, passive = preceding[-1]
        between = sentence[verb_end:start]
        if not passive and not rules.subordinator.search(between) and not rules.reporting.search(between):
            return "target"
    if following:
        verb_start, passive = following[0]
        if not rules.reporting.search(sentence[end:verb_start]):
            return "target" if passive else "perpetrator"
    if kind == "civilians" and verbs:
        return "target"
    return "other"


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause (between , ; : . and dashes) holding sentence[start:end]."""
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    right_match = _CLAUSE_BREAK.search(sentence, end)
    return left, right_match.start() if right_match else len(sentence)


def find_actors(sentence: str, language: str) -> list[Actor]:
    """Actor phrases in `sentence` with kind, country code and perpetrator/target role."""
    return list(_find_actors(sentence, language))


# A sentence's actors are asked for more than once: by the incident it reports, and by the
# event reader for who took a town (twice, with the subject of the clause).
@lru_cache(maxsize=256)
def _find_actors(sentence: str, language: str) -> tuple[Actor, ...]:
    rules = _rules(language)
    possible = rules.gate.possible(fold_case(sentence))
    mentions = _mentions(sentence, rules, possible)
    if not mentions:
        return ()
    verbs = [
        (m.start(), m.end(), bool(rules.passive_before.search(sentence[max(0, m.start() - 25):m.start()])))
        for m in (rules.attack_verb.finditer(sentence) if _ATTACK_VERB in possible else ())
    ]
    actors: list[Actor] = []
    for start, end, entry in mentions:
        actors.append(
            Actor(
                name=entry.name,
                role=_role(sentence, start, end, entry.kind, rules, verbs),
                kind=entry.kind,
                country_code=entry.country_code,
                start=start,
                end=end,
            )
        )
    return tuple(actors)


def clause_subject(sentence: str, language: str, offset: int) -> Actor | None:
    """The first actor of the clause that ends at `offset`, not a target: who does what is
    named there ("the army said that rebels have taken over four localities" → the rebels;
    "ISIS forces took control" → ISIS, not the bare "forces"; "the army and allied militias
    took" → the army). The clause starts after the last punctuation or subordinator."""
    rules = _rules(language)
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, offset)), default=0)
    start = max((m.end() for m in rules.subordinator.finditer(sentence, start, offset)), default=start)
    after_preposition = rules.not_subject_after
    for actor in _find_actors(sentence, language):
        if start <= actor.start and actor.end <= offset and actor.role != "target" and (
            after_preposition is None
            or not after_preposition.search(sentence[max(start, actor.start - _CUE_WINDOW):actor.start])
        ):
            return actor
    return None
