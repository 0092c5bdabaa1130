"""Fatality and injury figures reported in one sentence, as best/low/high counts with their span."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal

import regex
from text_to_num import alpha2digit

from services.core.lexicon import HeadIndex, fold_case, language_section, lower_pattern

_LEXICON = "casualties"
# text2num: 2 converts "due"/"two" but leaves the articles "un"/"una"/"a" alone (see OFFLINE-LIBRARIES.md §3).
_NUMBER_WORD_THRESHOLD = 2
_TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "it", "de", "pt", "nl", "da"})
_FLAGS = regex.IGNORECASE
_DIGITS = r"(?<!\d[:.,])\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|(?<!\d[:.,])\d+(?![.,]?\d)(?!\s?-?\s?(?:year|yr|anni|enne|months?|mesi|percent|per cento|%|[:.]\d))"
_SEPARATOR = regex.compile(r"[.,]")
# Titles and bylines glued to a body by a newline must not lend their numbers to the next line.
_SPACE = r"[^\S\n]+"
_MASK = "\u01c2"  # a click letter: a word to text2num, absent from news text

Field = Literal["fatalities", "injured"]


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure: `best` estimate with optional `low`/`high` bounds and the words it came from."""

    best: int | None
    low: int | None
    high: int | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Casualties:
    """The fatalities and injured a sentence reports; None when it reports no figure."""

    fatalities: Count | None
    injured: Count | None


@dataclass(frozen=True, slots=True)
class _FieldRules:
    before: regex.Pattern[str]
    after: regex.Pattern[str]
    singular: regex.Pattern[str]


@dataclass(frozen=True, slots=True)
class _Rules:
    fields: Mapping[Field, _FieldRules]
    zero: tuple[tuple[str, regex.Pattern[str]], ...]
    # Prefilter over case-folded text with stdlib re: most sentences report no casualties.
    anchor: re.Pattern[str]
    anchor_index: HeadIndex | None
    protect: regex.Pattern[str] | None
    enemies: regex.Pattern[str]
    singular_words: regex.Pattern[str]
    articles: regex.Pattern[str]
    vague: tuple[tuple[regex.Pattern[str], int | None, int | None, int | None], ...]
    at_least: regex.Pattern[str]
    at_most: regex.Pattern[str]


def _alt(patterns: list[str] | tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _whole(patterns: list[str]) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w)(?:{_alt(patterns)})(?!\w)", _FLAGS)


@lru_cache(maxsize=32)
def _rules(language: str) -> _Rules:
    lex: Mapping[str, Any] = language_section(_LEXICON, language)
    quant: Mapping[str, list[str]] = lex["quantifiers"]
    vague: list[Mapping[str, Any]] = lex["vague"]
    number = _alt([_DIGITS] + [v["pattern"] for v in vague] + list(lex["singular"]))
    qty = rf"(?P<q>(?:{_alt(quant['at_least'] + quant['at_most'] + quant['about'])}){_SPACE})?(?P<n>{number})(?!\w)"
    person = rf"(?P<person>(?:(?!\d+{_SPACE})[\w'’-]+{_SPACE}){{0,2}}?(?:{_alt(lex['persons'])}))(?!\w)"
    aux = rf"(?:(?:{_alt(lex['aux'])}),?{_SPACE}){{0,4}}"
    # What may follow a bare number read after its anchor: "killing 2 and injuring 5", "uccisi 3, ...".
    tail = (
        r"(?=\s*(?:[,.;:)\u2013\u2014-]|$|(?:and|e|ed|including|among|tra|fra|dead|on|in|at|after|as|according|since|so|by"
        r"|secondo|nel|nella|nei|dopo|durante|mentre)\b))"
    )

    def field(anchors: list[str], after: list[str], singular: list[str]) -> _FieldRules:
        return _FieldRules(
            before=regex.compile(rf"(?<!\w){qty}{_SPACE}(?:{person}{_SPACE})?{aux}(?P<anchor>{_alt(anchors)})(?!\w)", _FLAGS),
            after=regex.compile(
                rf"(?<!\w)(?P<anchor>{_alt(after)}){_SPACE}(?:(?:only|just|solo|soltanto){_SPACE})?{qty}(?:(?:{_SPACE}{person})|{tail})",
                _FLAGS,
            ),
            singular=_whole(singular),
        )

    fields: dict[Field, _FieldRules] = {
        "fatalities": field(lex["fatal"], lex["fatal_after"], lex["singular_fatal"]),
        "injured": field(lex["injured"], lex["injured_after"], lex["singular_injured"]),
    }
    anchors = (
        lex["fatal"] + lex["fatal_after"] + lex["injured"] + lex["injured_after"]
        + lex["singular_fatal"] + lex["singular_injured"] + [z["pattern"] for z in lex["zero"]]
    )
    anchor = r"(?<!\w)(?:" + "|".join(f"(?:{lower_pattern(p)})" for p in anchors) + r")(?!\w)"
    return _Rules(
        fields=fields,
        zero=tuple((z["field"], _whole([z["pattern"]])) for z in lex["zero"]),
        anchor=re.compile(anchor),
        anchor_index=HeadIndex.build([anchor], ignore_case=False),
        protect=_whole(lex["protect"]) if lex.get("protect") else None,
        enemies=_whole(lex["enemies"]),
        singular_words=regex.compile(rf"^(?:{_alt(lex['singular'])})$", _FLAGS),
        articles=regex.compile(rf"^(?:{_alt(lex['articles'])})$", _FLAGS),
        vague=tuple(
            (regex.compile(rf"^(?:{v['pattern']})$", _FLAGS), v["best"], v["low"], v["high"]) for v in vague
        ),
        at_least=regex.compile(rf"^(?:{_alt(quant['at_least'])})\s*$", _FLAGS),
        at_most=regex.compile(rf"^(?:{_alt(quant['at_most'])})\s*$", _FLAGS),
    )


def _offset_maps(original: str, converted: str) -> tuple[list[int], list[int]]:
    """Map start and end offsets in `converted` back to `original` (text2num only rewrites number words)."""
    starts = [0] * (len(converted) + 1)
    ends = [0] * (len(converted) + 1)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, original, converted, autojunk=False).get_opcodes():
        equal = tag == "equal"
        for j in range(j1, j2):
            starts[j] = i1 + (j - j1) if equal else i1
            ends[j + 1] = i1 + (j + 1 - j1) if equal else i2
    starts[len(converted)] = len(original)
    return starts, ends


def _numbers_to_digits(sentence: str, language: str, protect: regex.Pattern[str] | None) -> str:
    """alpha2digit with `protect` words masked, so "secondo" (according to) does not become "2º"."""
    hidden = protect.findall(sentence) if protect is not None else []
    if not hidden:
        return str(alpha2digit(sentence, language, threshold=_NUMBER_WORD_THRESHOLD))
    assert protect is not None
    masked = protect.sub(lambda m: _MASK * len(m.group()), sentence)
    converted = str(alpha2digit(masked, language, threshold=_NUMBER_WORD_THRESHOLD))
    pieces = regex.split(f"{_MASK}+", converted)
    if len(pieces) != len(hidden) + 1:
        return str(alpha2digit(sentence, language, threshold=_NUMBER_WORD_THRESHOLD))
    return "".join(piece + word for piece, word in zip(pieces, hidden + [""]))


def _value(n: str, q: str | None, rules: _Rules) -> tuple[int | None, int | None, int | None] | None:
    n = n.strip()
    if n[0].isdigit():
        value = int(_SEPARATOR.sub("", n))
        if q and rules.at_least.match(q):
            return value, value, None
        if q and rules.at_most.match(q):
            return value, None, value
        if q:
            return value, None, None
        return value, value, value
    if rules.singular_words.match(n):
        return 1, 1, 1
    for pattern, best, low, high in rules.vague:
        if pattern.match(n):
            return best, low, high
    return None


def _magnitude(count: Count) -> int:
    for v in (count.best, count.low, count.high):
        if v is not None:
            return v
    return 0


def _find_field(text: str, rules: _FieldRules, all_rules: _Rules) -> list[tuple[tuple[int | None, int | None, int | None], int, int]]:
    found: list[tuple[tuple[int | None, int | None, int | None], int, int]] = []
    for pattern in (rules.before, rules.after):
        for m in pattern.finditer(text, overlapped=True):
            person = m.group("person")
            numeric = m.group("n")[0].isdigit()
            if person is None and not numeric and all_rules.articles.match(m.group("n").strip()):
                # "a car bomb killed", "one of them died": an article needs a victim noun to be a count.
                continue
            if person is not None and all_rules.enemies.search(person):
                continue
            value = _value(m.group("n"), m.group("q"), all_rules)
            if value is not None:
                found.append((value, m.start(), m.end()))
    return found


def _has_anchor(folded: str, rules: _Rules) -> bool:
    if rules.anchor_index is None:
        return rules.anchor.search(folded) is not None
    return any(rules.anchor.match(folded, start) for start, _ in rules.anchor_index.candidates(folded))


def find_casualties(sentence: str, language: str) -> Casualties:
    """Fatalities and injured reported in `sentence`; enemy-loss claims are not casualties."""
    rules = _rules(language)
    if not _has_anchor(fold_case(sentence), rules):
        return Casualties(None, None)
    text = sentence
    if language in _TEXT2NUM_LANGUAGES:
        text = _numbers_to_digits(sentence, language, rules.protect)
    maps: list[tuple[list[int], list[int]]] = []

    def count(value: tuple[int | None, int | None, int | None], start: int, end: int) -> Count:
        if text == sentence:
            s, e = start, end
        else:
            if not maps:  # aligning the texts is the costly part: only when a figure was found
                maps.append(_offset_maps(sentence, text))
            s, e = maps[0][0][start], maps[0][1][end]
        return Count(best=value[0], low=value[1], high=value[2], text=sentence[s:e], start=s, end=e)

    # "no one was killed" holds "one was killed": nothing inside a denial is a count.
    denials = [(z.start(), z.end(), zero_field) for zero_field, pattern in rules.zero for z in pattern.finditer(text)]
    result: dict[Field, Count | None] = {}
    for name, field_rules in rules.fields.items():
        counts = [
            count(v, s, e) for v, s, e in _find_field(text, field_rules, rules)
            if not any(zs <= s < ze for zs, ze, _ in denials)
        ]
        zeros = [(zs, ze) for zs, ze, zero_field in denials if zero_field in (name, "both")]
        if not counts:
            for m in field_rules.singular.finditer(text):
                inside_denial = any(zs <= m.start() < ze for zs, ze, _ in denials)
                enemy = rules.enemies.search(text[max(0, m.start() - 40):m.end()])
                if not inside_denial and not enemy:
                    counts = [count((1, 1, 1), m.start(), m.end())]
                    break
        if not counts and zeros:
            counts = [count((0, 0, 0), zeros[0][0], zeros[0][1])]
        result[name] = max(counts, key=_magnitude) if counts else None
    return Casualties(fatalities=result["fatalities"], injured=result["injured"])
