"""Loading of the versioned lexicon data files under services/core/data/lexicons/."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from importlib.resources import files

# The stdlib's own regex parser reads the first characters of lexicon patterns (HeadIndex).
from re import _casefix  # type: ignore[attr-defined]
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any

import regex
from ahocorasick_rs import AhoCorasick

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



# Heads of this many characters are indexed: one or two letters begin too many words to
# rule anything out, three already skip most word starts of a sentence.
_HEAD_SIZE = 3
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
# A range wider than this in a leading character class is read as "any character".
_MAX_RANGE = 64
_WORD_CHAR = re.compile(r"\w")

# (heads a following element may still extend, heads that are final), or None when unknown.
# An empty final head stands for "anything may follow".
_Heads = tuple[set[str], set[str]] | None


def _element_heads(op: object, av: Any) -> _Heads:
    if op is _sre.LITERAL:
        return {chr(av)}, set()
    if op is _sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre.LITERAL:
                chars.add(chr(value))
            elif kind is _sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
        return chars, set()
    if op is _sre.BRANCH:
        open_: set[str] = set()
        closed: set[str] = set()
        for branch in av[1]:
            heads = _sequence_heads(branch)
            open_ |= heads[0]
            closed |= heads[1]
        return open_, closed
    if op is _sre.SUBPATTERN:
        _group, add_flags, del_flags, items = av
        return _sequence_heads(items) if not (add_flags or del_flags) else None
    if op in _REPEATS:
        low, high, item = av
        open_, closed = set(), set()
        # Once every copy has added a character the head is complete: more copies change nothing.
        for times in range(low, min(high, max(low, _HEAD_SIZE)) + 1):
            heads = _sequence_heads(list(item) * times)
            open_ |= heads[0]
            closed |= heads[1]
        return open_, closed
    return None


def _sequence_heads(items: Any) -> tuple[set[str], set[str]]:
    open_: set[str] = {""}
    closed: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        part = _element_heads(op, av)
        if part is None:
            # Unknown from here on (a class such as \d): the heads read so far are final.
            # An empty head means "any start" and disables the index.
            return set(), closed | open_
        extended: set[str] = set()
        for head in open_:
            for tail in part[0]:
                (closed if len(head + tail) >= _HEAD_SIZE else extended).add((head + tail)[:_HEAD_SIZE])
            closed.update((head + tail)[:_HEAD_SIZE] for tail in part[1])
        open_ = extended
        if not open_:
            break
    return open_, closed


def _heads(pattern: str, ignore_case: bool) -> frozenset[str] | None:
    """Every way a match of `pattern` can begin, as strings of up to _HEAD_SIZE characters
    (a match begins with one of them); None when the pattern allows any first character."""
    try:
        parsed = _sre.parse(pattern)
    except re.error:
        return None
    if parsed.state.flags & re.IGNORECASE and not ignore_case:
        return None  # an inline (?i): the heads would have to be compared without case
    heads = _sequence_heads(parsed)
    found = heads[0] | heads[1]
    if ignore_case:
        # re and regex fold case alike within ASCII only: cut a head at its first other character.
        found = {_ascii_prefix(head.lower()) for head in found}
    if "" in found or any(not _WORD_CHAR.match(head) for head in found):
        return None
    return frozenset(found)


def _ascii_prefix(text: str) -> str:
    for index, char in enumerate(text):
        if not char.isascii():
            return text[:index]
    return text


class HeadIndex:
    """Which of many whole-word regex alternatives may match at each word start of a text.

    A union of a hundred alternatives tries every one of them at every word start, which
    is what dominates the cost of the readers. The first characters of each alternative
    (read from the pattern with the stdlib regex parser) tell which few can match at a
    given word start; the others need not be tried, and most word starts need nothing.

    Offsets are those after a character other than an ASCII letter, digit or underscore:
    every word start for re and regex alike, and a few more (inside non-ASCII words), so
    the caller's own pattern must still check that it starts a word.
    """

    __slots__ = ("_everything", "_first", "_ignore_case", "_index", "_starts")

    def __init__(self, alternatives: Sequence[str], ignore_case: bool) -> None:
        """`ignore_case`: the alternatives run case-insensitively (re or regex IGNORECASE).
        Raises ValueError when an alternative can begin with any character."""
        heads = [_heads(a, ignore_case) for a in alternatives]
        known = [h for h in heads if h is not None]
        if len(known) != len(heads):
            raise ValueError("an alternative has no readable head")
        keys = set().union(*known)
        # Each key lists, in their order, the alternatives having a head it starts with.
        self._index = {
            key: tuple(i for i, group in enumerate(known) if any(key.startswith(h) for h in group))
            for key in keys
        }
        self._everything = tuple(range(len(alternatives)))
        self._ignore_case = ignore_case
        flags = re.IGNORECASE if ignore_case else 0
        # The character before a start is matched rather than looked behind at: a pattern
        # opening with a character class lets the engine skip ahead to it, a lookbehind is
        # tried at every offset. Offset 0 has no such character and is checked on its own.
        self._starts = re.compile(rf"[^A-Za-z0-9_](?={literal_trie(keys)})", flags)
        self._first = re.compile(literal_trie(keys), flags)

    @classmethod
    def build(cls, alternatives: Sequence[str], ignore_case: bool) -> HeadIndex | None:
        """The index, or None when some alternative may begin anywhere (try them all)."""
        try:
            return cls(alternatives, ignore_case)
        except ValueError:
            return None

    def candidates(self, text: str) -> list[tuple[int, tuple[int, ...]]]:
        """(offset, indexes of the alternatives worth trying there), in text order."""
        index, out = self._index, []
        offsets = [m.end() for m in self._starts.finditer(text)]
        if self._first.match(text):
            offsets.insert(0, 0)
        for offset in offsets:
            window = text[offset: offset + _HEAD_SIZE]
            if self._ignore_case:
                window = window.lower()
            found = index.get(window) or index.get(window[:2]) or index.get(window[:1])
            # Only a character that re folds onto an ASCII letter (the long s) misses the
            # lower-cased keys; it may still match, so everything is tried there.
            out.append((offset, found or self._everything))
        return out


def literal_trie(strings: set[str]) -> str:
    """A regex matching any of `strings`, factored by leading characters: the engine rules an
    offset out after a comparison or two instead of one per string."""
    if "" in strings:
        return ""  # a shorter string already matched: what follows is free
    by_first: dict[str, set[str]] = {}
    for string in strings:
        by_first.setdefault(string[0], set()).add(string[1:])
    parts = [re.escape(first) + literal_trie(rests) for first, rests in sorted(by_first.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def required_literals(items: Any) -> frozenset[str] | None:
    """Strings one of which every match of a parsed (stdlib) regex sequence contains.

    Each run of literal characters in the sequence is one such set, and so is what every
    branch of a group requires, or what a repeat taken at least once requires; of those the
    set whose shortest string is longest is kept (the one least likely to occur by chance).
    None when nothing is known to be required.
    """
    options: list[frozenset[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        inner: frozenset[str] | None = None
        if op is _sre.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            inner = required_literals(av[3])
        elif op is _sre.BRANCH:
            branches = [required_literals(b) for b in av[1]]
            inner = frozenset().union(*branches) if all(branches) else None  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            inner = required_literals(av[2])
        if inner:
            options.append(inner)
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


# The one text character whose lower case is two characters: fold_case leaves it as it is,
# while re's IGNORECASE reads it as "i".
_UNFOLDED = "\u0130"


class LiteralFilter:
    """One cheap search that rules out most texts before many patterns are tried on them.

    Every match of every pattern contains one of a few literal strings (read from the
    patterns with the stdlib regex parser); a text with none of them matches no pattern.
    Case-insensitive patterns are ruled out on the case-folded text, a plain search being
    several times faster than an IGNORECASE one. re also equates a few characters that
    lower-casing keeps apart ("s" and the long s, Cyrillic "в" and its old form): a text
    holding one of those for a letter of the literals is never ruled out.
    """

    __slots__ = ("_ignore_case", "_owners", "_required")

    def __init__(self, patterns: Collection[str], ignore_case: bool, min_length: int = 3) -> None:
        """`min_length`: shorter required strings occur in too many texts to rule them out.
        Raises ValueError when some pattern requires no literal that long."""
        # Which patterns need each literal.
        owners: dict[str, set[int]] = {}
        for number, pattern in enumerate(patterns):
            parsed = _sre.parse(pattern)
            found = None if parsed.state.flags & re.IGNORECASE else required_literals(parsed)
            if found is None or min(map(len, found)) < min_length:
                raise ValueError(f"{pattern!r} requires no literal of {min_length} characters")
            for literal in found:
                owners.setdefault(literal.lower() if ignore_case else literal, set()).add(number)
        if not owners:
            raise ValueError("no patterns")
        self._ignore_case = ignore_case
        literals = set(owners)
        unsure: set[str] = set()
        if ignore_case:
            if any(len(c.lower()) != 1 for literal in owners for c in literal):
                raise ValueError("a literal changes length when lower-cased")
            unsure = {chr(o) for c in set("".join(literals)) for o in _casefix._EXTRA_CASES.get(ord(c), ())}
            unsure.add(_UNFOLDED)
        everything = frozenset(range(len(patterns)))
        ordered = sorted(literals | unsure)
        # An Aho-Corasick automaton reads the text once whatever the number of literals; a
        # regex alternation of them (even as a trie) is tried at almost every offset. The
        # characters that make a text unsure are strings it looks for in the same pass.
        self._required = AhoCorasick(ordered)
        self._owners = tuple(everything if s in unsure else frozenset(owners[s]) for s in ordered)

    @classmethod
    def build(cls, patterns: Collection[str], ignore_case: bool, min_length: int = 3) -> LiteralFilter | None:
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

    A LiteralFilter over the patterns, read per pattern: a pattern that requires no telling
    literal (or that the stdlib parser cannot read) is always possible rather than a reason
    to give up on the others. Patterns are named by their source text.
    """

    __slots__ = ("_always", "_filter", "_sources")

    def __init__(self, patterns: Collection[str], ignore_case: bool) -> None:
        telling: list[str] = []
        always: set[str] = set()
        for pattern in dict.fromkeys(patterns):
            try:
                alone = LiteralFilter.build([pattern], ignore_case)
            except re.error:
                alone = None
            if alone is None:
                always.add(pattern)
            else:
                telling.append(pattern)
        self._always = frozenset(always)
        self._filter = LiteralFilter.build(telling, ignore_case) if telling else None
        self._sources = tuple(telling)

    def possible(self, folded: str) -> frozenset[str]:
        """The sources of the patterns that may match in `folded` (text passed through
        `fold_case` when the patterns ignore case): the others match nowhere in it."""
        if self._filter is None:
            return self._always
        sources = self._sources
        return self._always.union([sources[i] for i in self._filter.which_may_match_folded(folded)])
