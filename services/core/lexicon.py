"""Loading of the versioned lexicon data files under services/core/data/lexicons/."""

from __future__ import annotations

import json
import sys
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files
from typing import Any, TypeVar

import regex
from ahocorasick_rs import AhoCorasick

from services.core.pattern_literals import telling_literals

LEXICON_PACKAGE = "services.core"
LEXICON_DIR = ("data", "lexicons")

#: Languages whose rules fall back to English when a lexicon has no entry for them.
FALLBACK_LANGUAGE = "en"


@lru_cache(maxsize=32)
def load_lexicon(name: str) -> Mapping[str, Any]:
    """Parse `data/lexicons/<name>.json`; each file carries `version` and `source` keys."""
    resource = files(LEXICON_PACKAGE).joinpath(*LEXICON_DIR, f"{name}.json")
    data: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    if "version" not in data:
        raise ValueError(f"lexicon {name!r} has no version")
    return data


def lexicon_version(name: str) -> str:
    """The `version` string of one lexicon file."""
    return str(load_lexicon(name)["version"])


def language_section(name: str, language: str) -> Mapping[str, Any]:
    """The per-language part of a lexicon (`languages.<lang>`), English when the language is absent."""
    languages: Mapping[str, Any] = load_lexicon(name)["languages"]
    section: Mapping[str, Any] | None = languages.get(language)
    if section is None:
        section = languages[FALLBACK_LANGUAGE]
    return section


def compile_alternation(patterns: list[str] | tuple[str, ...]) -> regex.Pattern[str]:
    """One case-insensitive regex matching any of `patterns` as whole words.

    Patterns are written as regex fragments in the data files so that stems
    (`uccis\\w*`) and optional words (`air ?strikes?`) stay readable there.
    """
    body = "|".join(f"(?:{p})" for p in patterns)
    return regex.compile(rf"(?<!\w)(?:{body})(?![\w])", regex.IGNORECASE)


_ESCAPE_OR_TEXT = regex.compile(r"(\\.)|([^\\]+)", regex.DOTALL)


def _lower_unescaped(m: regex.Match[str]) -> str:
    escape: str | None = m.group(1)
    return escape if escape is not None else str(m.group(2)).lower()


def lower_pattern(pattern: str) -> str:
    """Lower-case the literal text of a regex fragment, leaving escapes such as `\\d` or `\\S` intact."""
    return _ESCAPE_OR_TEXT.sub(_lower_unescaped, pattern)


def fold_case(text: str) -> str:
    """Lower-case `text` without changing its length, so offsets found in it hold for the original."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@lru_cache(maxsize=1)
def _case_partners() -> Mapping[str, str]:
    """For each lower-case character, the others with the same upper case ("s" and the long
    "ſ", "β" and "ϐ"): re's IGNORECASE equates them, lower-casing keeps them apart. All such
    characters are in the Basic Multilingual Plane (a unit test checks the whole range)."""
    return _partners_below(0x10000)


def _partners_below(limit: int) -> dict[str, str]:
    lowers = [c for c in map(str.lower, map(chr, range(limit))) if len(c) == 1]
    uppers = list(map(str.upper, lowers))
    first = dict(zip(uppers, lowers))
    groups: dict[str, set[str]] = {}
    for upper, lower in zip(uppers, lowers):
        if first[upper] != lower:
            groups.setdefault(upper, {first[upper]}).add(lower)
    return {c: "".join(sorted(group - {c})) for group in groups.values() for c in group}


# The one text character whose lower case is two characters: fold_case leaves it as it is,
# while re's IGNORECASE reads it as "i".
_UNFOLDED = "\u0130"
# Shorter required strings occur in too many texts to rule them out.
_MIN_LITERAL = 3

_Owner = TypeVar("_Owner")


def _automaton(owners: Mapping[str, frozenset[_Owner]], everything: frozenset[_Owner], ignore_case: bool
               ) -> tuple[AhoCorasick, tuple[frozenset[_Owner], ...]]:
    """An automaton over the literals, and what each of its strings tells: the owners of the
    literal. re also equates a few characters that lower-casing keeps apart ("s" and the long
    s, Cyrillic "в" and its old form): those of the literals' letters are strings too, which
    leave everything possible."""
    unsure: set[str] = set()
    if ignore_case:
        partners = _case_partners()
        unsure = {p for c in set("".join(owners)) for p in partners.get(c, "")}
        unsure.add(_UNFOLDED)
    ordered = sorted(set(owners) | unsure)
    # An Aho-Corasick automaton reads the text once whatever the number of literals; a
    # regex alternation of them (even as a trie) is tried at almost every offset.
    return AhoCorasick(ordered), tuple(everything if s in unsure else owners[s] for s in ordered)


class LiteralFilter:
    """One cheap search that rules out most texts before many patterns are tried on them.

    Every match of every pattern contains one of a few literal strings (see
    `required_literals`); a text with none of them matches no pattern. Case-insensitive
    patterns are ruled out on the case-folded text, a plain search being several times
    faster than an IGNORECASE one; a text holding a character that re's IGNORECASE equates
    with a letter of the literals while lower-casing does not is never ruled out.
    """

    __slots__ = ("_ignore_case", "_owners", "_required")

    def __init__(self, patterns: Collection[str], ignore_case: bool, min_length: int = _MIN_LITERAL) -> None:
        """`min_length`: shorter required strings occur in too many texts to rule them out.
        Raises ValueError when some pattern requires no literal that long, UnreadablePattern
        when one is written in syntax the reader does not know."""
        # Which patterns need each literal.
        owners: dict[str, set[int]] = {}
        for number, pattern in enumerate(patterns):
            found = telling_literals(pattern, ignore_case, min_length)
            if found is None:
                raise ValueError(f"{pattern!r} requires no literal of {min_length} characters")
            for literal in found:
                owners.setdefault(literal, set()).add(number)
        if not owners:
            raise ValueError("no patterns")
        self._ignore_case = ignore_case
        everything = frozenset(range(len(patterns)))
        self._required, self._owners = _automaton(
            {literal: frozenset(numbers) for literal, numbers in owners.items()}, everything, ignore_case
        )

    @classmethod
    def build(cls, patterns: Collection[str], ignore_case: bool, min_length: int = _MIN_LITERAL) -> LiteralFilter | None:
        """The filter, or None when some pattern needs no telling literal (try them all)."""
        try:
            return cls(patterns, ignore_case, min_length)
        except ValueError:
            return None

    def may_match(self, text: str) -> bool:
        """False only when no pattern can match anywhere in `text`."""
        return self.may_match_folded(fold_case(text) if self._ignore_case else text)

    def may_match_folded(self, folded: str, start: int = 0, end: int = sys.maxsize) -> bool:
        """`may_match` on `folded[start:end]`, `folded` being text already passed through
        `fold_case` (the text itself for case-sensitive patterns)."""
        return bool(self._required.find_matches_as_indexes(_window(folded, start, end)))

    def which_may_match_folded(self, folded: str, start: int = 0, end: int = sys.maxsize) -> frozenset[int]:
        """The patterns (their positions in the list the filter was built from) that may match
        in `folded[start:end]`: the others cannot match anywhere in it."""
        hits = self._required.find_matches_as_indexes(_window(folded, start, end), overlapping=True)
        owners = self._owners
        return frozenset().union(*(owners[literal] for literal, _, _ in hits))


def _window(folded: str, start: int, end: int) -> str:
    # Bounds as re reads them: negative ones count from the text's start, not its end.
    start, end = max(start, 0), max(end, 0)
    return folded if start == 0 and end >= len(folded) else folded[start:end]


class PatternGate:
    """Which of several patterns may match a text, told by one Aho-Corasick pass over it.

    The literals of each pattern, as a LiteralFilter reads them; a pattern that requires no
    telling literal is always possible rather than a reason to give up on the others.
    Patterns are named by their source text, or by the names given: a name shared by several
    patterns is possible when one of them is.
    """

    __slots__ = ("_always", "_owners", "_required")

    def __init__(self, patterns: Sequence[str], ignore_case: bool, names: Sequence[str] | None = None) -> None:
        """Raises UnreadablePattern on a pattern written in syntax the reader does not know."""
        if names is not None and len(names) != len(patterns):
            raise ValueError("one name per pattern")
        owners: dict[str, set[str]] = {}
        always: set[str] = set()
        for pattern, name in zip(patterns, patterns if names is None else names):
            found = telling_literals(pattern, ignore_case, _MIN_LITERAL)
            if found is None:
                always.add(name)
            for literal in found or ():
                owners.setdefault(literal, set()).add(name)
        self._always = frozenset(always)
        self._required: AhoCorasick | None = None
        self._owners: tuple[frozenset[str], ...] = ()
        if owners:
            everything = frozenset().union(*owners.values())
            self._required, self._owners = _automaton(
                {literal: frozenset(named) for literal, named in owners.items()}, everything, ignore_case
            )

    def possible(self, folded: str) -> frozenset[str]:
        """The names of the patterns that may match in `folded` (text passed through
        `fold_case` when the patterns ignore case): the others match nowhere in it."""
        if self._required is None:
            return self._always
        owners = self._owners
        hits = self._required.find_matches_as_indexes(folded, overlapping=True)
        return self._always.union(*(owners[literal] for literal, _, _ in hits))
