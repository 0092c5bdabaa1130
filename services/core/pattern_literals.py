"""Which literal strings every match of a lexicon pattern must contain: a reader of the small
regex subset our lexicons are written in, for the literal prefilters of services.core.lexicon."""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from typing import NoReturn

# What the filters below need to know of a pattern is which literal strings every match of
# it contains. The patterns are ours (lexicon data and the code that builds on it), written
# in a small, plain subset of regex syntax; this reader knows that subset and nothing more,
# and refuses anything else loudly, so that a new construct in a data file is taught to it
# rather than silently costing a filter.


class UnreadablePattern(Exception):
    """A pattern uses syntax the literal reader does not know (extend `_Reader`)."""


@dataclass(frozen=True, slots=True)
class _Char:
    """One literal character."""

    char: str


@dataclass(frozen=True, slots=True)
class _Other:
    """Text that is no literal the reader can name: a class, `.`, a back-reference, a group
    under flags of its own."""


@dataclass(frozen=True, slots=True)
class _Empty:
    """A zero-width assertion: an anchor, `\\b`, a lookahead or lookbehind."""


@dataclass(frozen=True, slots=True)
class _Group:
    """Alternatives, one of which every match goes through."""

    branches: tuple[tuple[_Node, ...], ...]


@dataclass(frozen=True, slots=True)
class _Repeat:
    """`body` from `low` to `high` times (None: no limit)."""

    low: int
    high: int | None
    body: tuple[_Node, ...]


_Node = _Char | _Other | _Empty | _Group | _Repeat

_CHAR_ESCAPES = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_CLASS_ESCAPES = frozenset("dDwWsS")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
_FLAGS = frozenset("aiLmsu")
_OCTAL = frozenset("01234567")
_DIGITS = frozenset("0123456789")
_QUANTIFIER = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")


class _Reader:
    """A recursive-descent reader of one pattern (re's syntax, and the `regex` module's
    `\\p{...}`): `_Reader(pattern).nodes` is what it matches, `.ignore_case` whether it sets
    (?i) for itself."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.pos = 0
        self.ignore_case = False
        self._global_flags()
        self.nodes = self._alternation()
        if self.pos < len(pattern):
            self._fail("unbalanced parenthesis")

    def _fail(self, why: str) -> NoReturn:
        raise UnreadablePattern(f"{why} at {self.pos} in {self.pattern!r}")

    def _peek(self, text: str) -> bool:
        return self.pattern.startswith(text, self.pos)

    def _take(self) -> str:
        if self.pos >= len(self.pattern):
            self._fail("unexpected end")
        self.pos += 1
        return self.pattern[self.pos - 1]

    def _global_flags(self) -> None:
        while self._peek("(?") and self.pattern[self.pos + 2: self.pos + 3] in _FLAGS | {"x"}:
            end = self.pattern.find(")", self.pos)
            flags = self.pattern[self.pos + 2: end]
            if end < 0 or not set(flags) <= _FLAGS:
                return  # a scoped group such as (?i:...), or verbose mode: read as a group
            self.ignore_case |= "i" in flags
            self.pos = end + 1

    def _alternation(self) -> tuple[_Node, ...]:
        """Alternatives up to a `)` or the end, with the characters all of them begin with
        taken out in front, as re's own parser does: "(?:shot|shell)" is "sh(?:ot|ell)"."""
        branches = [self._sequence()]
        while self._peek("|"):
            self.pos += 1
            branches.append(self._sequence())
        prefix: list[_Node] = []
        while len(branches) > 1 and all(branches) and isinstance(branches[0][0], _Char) and all(
            b[0] == branches[0][0] for b in branches
        ):
            prefix.append(branches[0][0])
            branches = [b[1:] for b in branches]
        if len(branches) == 1:
            return (*prefix, *branches[0])
        return (*prefix, _Group(tuple(branches)))

    def _sequence(self) -> tuple[_Node, ...]:
        items: list[_Node] = []
        while self.pos < len(self.pattern) and not self._peek("|") and not self._peek(")"):
            atom = self._atom()
            repeat = self._quantifier()
            if repeat is not None:
                if not atom:
                    self._fail("nothing to repeat")
                items.append(_Repeat(*repeat, atom))
            else:
                items.extend(atom)
        return tuple(items)

    def _quantifier(self) -> tuple[int, int | None] | None:
        """The least and most times (None: no limit) the quantifier after an atom allows, None
        without one."""
        char = self.pattern[self.pos: self.pos + 1]
        bounds: tuple[int, int | None]
        if char in ("*", "+", "?"):
            bounds = {"*": (0, None), "+": (1, None), "?": (0, 1)}[char]
            self.pos += 1
        elif char == "{" and (found := _QUANTIFIER.match(self.pattern, self.pos)) is not None:
            low, comma, high = found.groups()
            bounds = int(low or 0), int(high) if high else (None if comma else int(low or 0))
            self.pos = found.end()
        else:
            return None
        if self.pattern[self.pos: self.pos + 1] in ("?", "+"):  # lazy or possessive
            self.pos += 1
        return bounds

    def _atom(self) -> tuple[_Node, ...]:
        """One atom; a group without flags of its own comes back as its nodes."""
        char = self._take()
        if char == "(":
            return self._group()
        if char == "[":
            return (self._class(),)
        if char in ("^", "$"):
            return (_Empty(),)
        if char == ".":
            return (_Other(),)
        if char == "\\":
            return (self._escape(in_class=False),)
        if char in "*+?":
            self._fail("nothing to repeat")
        return (_Char(char),)

    def _group(self) -> tuple[_Node, ...]:
        kind = "capture"
        if self._peek("?"):
            self.pos += 1
            if self._peek("#"):
                end = self.pattern.find(")", self.pos)
                if end < 0:
                    self._fail("unterminated comment")
                self.pos = end + 1
                return ()
            if self._peek("P="):
                end = self.pattern.find(")", self.pos)
                if end < 0:
                    self._fail("unterminated back-reference")
                self.pos = end + 1
                return (_Other(),)
            kind = self._group_kind()
        inner = self._alternation()
        if not self._peek(")"):
            self._fail("missing )")
        self.pos += 1
        if kind in ("=", "!", "<=", "<!"):
            return (_Empty(),)
        if kind == "flags":
            return (_Other(),)
        if kind == "capture":
            return (_Group((inner,)),)  # kept whole, as re's parser keeps a numbered group
        return inner

    def _group_kind(self) -> str:
        """After "(?": what the group is ("capture", "flags", a lookaround's sign, or ":"
        for a plain group), the reader being left at its body."""
        for sign in ("<=", "<!", "=", "!", ":", ">"):
            if self._peek(sign):
                self.pos += len(sign)
                return sign
        if self._peek("P<") or self._peek("<"):  # (?<name>...) is the regex module's spelling
            end = self.pattern.find(">", self.pos)
            if end < 0:
                self._fail("unterminated group name")
            self.pos = end + 1
            return "capture"
        flags = re.match(r"[aiLmsu]*(?:-[imsx]+)?:", self.pattern[self.pos:])
        if flags is None:
            self._fail("unknown group syntax")
        self.pos += flags.end()
        return "flags"

    def _class(self) -> _Node:
        """A character class: one character when it lists just one, as re's parser reads it."""
        negated = self._peek("^")
        if negated:
            self.pos += 1
        members: list[_Node] = []
        first = True
        while first or not self._peek("]"):
            first = False
            char = self._take()
            member = self._escape(in_class=True) if char == "\\" else _Char(char)
            if self._peek("-") and not self.pattern.startswith("-]", self.pos):
                self.pos += 1
                end = self._take()
                if end == "\\":
                    self._escape(in_class=True)
                member = _Other()
            members.append(member)
        self.pos += 1
        if not negated and len(members) == 1 and isinstance(members[0], _Char):
            return members[0]
        return _Other()

    def _escape(self, in_class: bool) -> _Node:
        char = self._take()
        if char in _CHAR_ESCAPES:
            return _Char(_CHAR_ESCAPES[char])
        if char in _HEX_ESCAPES:
            digits = self.pattern[self.pos: self.pos + _HEX_ESCAPES[char]]
            if len(digits) != _HEX_ESCAPES[char] or not all(d in string.hexdigits for d in digits):
                self._fail("bad hexadecimal escape")
            self.pos += len(digits)
            return _Char(chr(int(digits, 16)))
        if char == "N" and self._peek("{"):
            end = self.pattern.find("}", self.pos)
            try:
                named = unicodedata.lookup(self.pattern[self.pos + 1: end])
            except KeyError:
                self._fail("unknown character name")
            self.pos = end + 1
            return _Char(named)
        if char in ("p", "P") and self._peek("{"):  # the regex module's Unicode properties
            end = self.pattern.find("}", self.pos)
            if end < 0:
                self._fail("unterminated property")
            self.pos = end + 1
            return _Other()
        if char in _DIGITS:
            return self._numeric_escape(char, in_class)
        if char in _CLASS_ESCAPES:
            return _Other()
        if char in _ZERO_WIDTH_ESCAPES:
            if in_class and char == "b":
                return _Char("\b")
            if not in_class:
                return _Empty()
        if char.isascii() and char.isalnum():
            self._fail(f"unknown escape \\{char}")
        return _Char(char)

    def _numeric_escape(self, char: str, in_class: bool) -> _Node:
        """As re reads them: in a class or after a 0, up to three octal digits; elsewhere three
        octal digits are a character, one or two digits a group reference."""
        pattern = self.pattern
        if in_class or char == "0":
            if char not in _OCTAL:
                self._fail("bad octal escape")
            digits = char
            while len(digits) < 3 and pattern[self.pos: self.pos + 1] in _OCTAL:
                digits += self._take()
            return _Char(chr(int(digits, 8)))
        if pattern[self.pos: self.pos + 1] in _DIGITS:
            second = self._take()
            if char in _OCTAL and second in _OCTAL and pattern[self.pos: self.pos + 1] in _OCTAL:
                return _Char(chr(int(char + second + self._take(), 8)))
        return _Other()


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains (None when nothing is known to
    be required); raises UnreadablePattern on syntax the reader does not know.

    Each stretch of the pattern that matches one of a few known strings ("in (?:19|20)" is
    "in 19" or "in 20") is one such set, and so is what every branch of a group requires, or
    what a repeat taken at least once requires; of those the set whose shortest string is
    longest is kept (the one least likely to occur by chance).
    """
    return _required(_Reader(pattern).nodes)


# The most strings a stretch of a pattern is spelt out as: "(?:a|b) (?:c|d)" is four.
_MAX_SPELLINGS = 32


def _required(nodes: tuple[_Node, ...]) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    stretch = frozenset({""})
    for node in (*nodes, None):
        spelt = _spellings((node,)) if node is not None else None
        if spelt is not None and len(stretch) * len(spelt) <= _MAX_SPELLINGS:
            stretch = frozenset(s + t for s in stretch for t in spelt)
            continue
        if "" not in stretch:
            options.append(stretch)
        stretch = spelt or frozenset({""})
        inner: frozenset[str] | None = None
        if isinstance(node, _Group):
            branches = [_required(b) for b in node.branches]
            inner = frozenset().union(*branches) if all(branches) else None  # type: ignore[arg-type]
        elif isinstance(node, _Repeat) and node.low >= 1:
            inner = _required(node.body)
        if inner and spelt is None:
            options.append(inner)
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


def _spellings(nodes: tuple[_Node, ...]) -> frozenset[str] | None:
    """Every string `nodes` can match, when they are few (at most _MAX_SPELLINGS); None else."""
    spelt = frozenset({""})
    for node in nodes:
        if isinstance(node, _Char):
            own: frozenset[str] | None = frozenset({node.char})
        elif isinstance(node, _Empty):
            continue  # an assertion matches no text: what is around it is contiguous
        elif isinstance(node, _Group):
            branches = [_spellings(b) for b in node.branches]
            own = frozenset().union(*branches) if all(b is not None for b in branches) else None  # type: ignore[arg-type]
        elif isinstance(node, _Repeat) and node.high is not None and (body := _spellings(node.body)) is not None:
            own = frozenset().union(*(_power(body, times) for times in range(node.low, node.high + 1)))
        else:
            own = None
        if own is None or len(spelt) * len(own) > _MAX_SPELLINGS:
            return None
        spelt = frozenset(s + t for s in spelt for t in own)
    return spelt


def _power(spelt: frozenset[str], times: int) -> frozenset[str]:
    found = frozenset({""})
    for _ in range(times):
        found = frozenset(s + t for s in found for t in spelt)
        if len(found) > _MAX_SPELLINGS:
            break
    return found


def telling_literals(pattern: str, ignore_case: bool, min_length: int) -> frozenset[str] | None:
    """The strings one of which every match of `pattern` contains, as they are looked for (lower
    case when the pattern ignores case), or None when they cannot rule a text out: too short, a
    pattern setting (?i) for itself, or a lower case of another length."""
    reader = _Reader(pattern)
    found = None if reader.ignore_case else _required(reader.nodes)
    if found is None or min(map(len, found)) < min_length:
        return None
    if not ignore_case:
        return found
    lowered = frozenset(literal.lower() for literal in found)
    return lowered if all(len(lo) == len(li) for lo, li in zip(map(str.lower, found), found)) else None
