"""Fatality and injury figures reported in one sentence, as best/low/high counts with their span."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Literal

import regex
from text_to_num import alpha2digit

from services.core.dates import month_names
from services.core.lexicon import PatternGate, fold_case, language_section, lower_pattern

_LEXICON = "casualties"
# text2num: 2 converts "due"/"two" but leaves the articles "un"/"una"/"a" alone (see OFFLINE-LIBRARIES.md §3).
_NUMBER_WORD_THRESHOLD = 2
_TEXT2NUM_LANGUAGES = frozenset({"en", "fr", "es", "it", "de", "pt", "nl", "da"})
_FLAGS = regex.IGNORECASE
# An age is no count: "62-year-old", "62enne", uk "62-річну", ru "62-летнюю"; nor is a number
# glued to a name by a hyphen ("ABC-7", "Kh-101", "COVID-19").
_DIGITS = (r"(?<![^\W\d_]-)(?:(?<!\d[:.,])\d{1,3}(?:[.,]\d{3})+(?![.,]?\d)|(?<!\d[:.,])\d+(?![.,]?\d))"
           r"(?!\s?-?\s?(?:year|yr|anni|enne|months?|mesi|percent|per cento|%|[:.]\d|річн|літн|летн))")
# The apostrophes Ukrainian spells number words with ("п'ять", "п’ять", "пʼять").
_APOSTROPHES = "'’ʼ"
_APOSTROPHE_CLASS = f"[{_APOSTROPHES}]"
_SEPARATOR = regex.compile(r"[.,]")
# Titles and bylines glued to a body by a newline must not lend their numbers to the next line.
_SPACE = r"[^\S\n]+"
_MASK = "\u01c2"  # a click letter: a word to text2num, absent from news text

Field = Literal["fatalities", "injured"]
# "shot" counts everyone hit by gunfire: the injured are those shot and not killed.
_Reading = Literal["fatalities", "injured", "shot"]
_Value = tuple[int | None, int | None, int | None]


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty figure: `best` estimate with optional `low`/`high` bounds and the words it came from."""

    best: int | None
    low: int | None
    high: int | None
    text: str
    start: int
    end: int
    # "seven people were shot" with no dead named beside it: everyone hit, the dead perhaps
    # among them, whom a toll read elsewhere in the article leaves out of the wounded
    hit: bool = False
    # "the boy was shot in the arm", "Acen was hurt": one wounded victim named or already
    # introduced, in a report of one death perhaps the one who died
    named: bool = False


@dataclass(frozen=True, slots=True)
class Casualties:
    """The fatalities and injured a sentence reports; None when it reports no figure."""

    fatalities: Count | None
    injured: Count | None


@dataclass(frozen=True, slots=True)
class _Anchors:
    """Which of the lexicon's anchor patterns occur in a case-folded sentence: the prefilters.

    Every reading (a field, its patterns before and after the figure, each frame) needs some
    of these words, so the sentence is read for all of them once and each prefilter is a set
    test. One Aho-Corasick pass over the sentence tells which patterns may occur at all (the
    literals they need are there): most sentences hold none, and the others a few, which
    alone are searched for.
    """

    patterns: tuple[re.Pattern[str], ...]
    gate: PatternGate
    position: Mapping[str, int]  # of each pattern, by its source

    @staticmethod
    def build(patterns: list[str]) -> _Anchors:
        compiled = tuple(re.compile(rf"(?<!\w)(?:{p})(?!\w)") for p in patterns)
        sources = [p.pattern for p in compiled]
        return _Anchors(compiled, PatternGate(sources, ignore_case=False), {p: i for i, p in enumerate(sources)})

    def present(self, folded: str) -> set[int]:
        """Indexes of the patterns found in `folded`."""
        patterns, position = self.patterns, self.position
        return {
            i for i in (position[source] for source in self.gate.possible(folded))
            if patterns[i].search(folded) is not None
        }


@dataclass(frozen=True, slots=True)
class _FieldRules:
    before: regex.Pattern[str]
    after: regex.Pattern[str]
    singular: regex.Pattern[str] | None
    frames: tuple[regex.Pattern[str], ...]
    # Prefilters over case-folded text: most sentences with one field's anchors lack the others',
    # and a pattern runs only when its own anchor words are there ("shooting" alone is no
    # reason to look for "N people were shot").
    anchor: frozenset[int]
    before_anchor: frozenset[int]
    after_anchor: frozenset[int]
    frame_anchors: tuple[frozenset[int], ...]
    # "both Bass and his daughter died": two named victims, counted without a number
    pairs: regex.Pattern[str] | None = None
    pair_anchor: frozenset[int] = frozenset()
    # "one shot was fired": a lone "one" before the anchor needs a victim noun
    bare_one: bool = True


@dataclass(frozen=True, slots=True)
class _Rules:
    fields: Mapping[_Reading, _FieldRules]
    zero: tuple[tuple[str, regex.Pattern[str]], ...]
    # Prefilter over case-folded text with stdlib re: most sentences report no casualties.
    anchors: _Anchors
    protect: regex.Pattern[str] | None
    enemies: regex.Pattern[str]
    singular_words: regex.Pattern[str]
    articles: regex.Pattern[str]
    vague: tuple[tuple[regex.Pattern[str], int | None, int | None, int | None], ...]
    # exact number words in every case form ("трьох", "дев'ятеро"), folded, apostrophes as "'"
    number_words: Mapping[str, int]
    at_least: regex.Pattern[str]
    at_most: regex.Pattern[str]
    self_harm: regex.Pattern[str] | None
    accident: regex.Pattern[str]
    background: regex.Pattern[str] | None
    # one more enumerated victim group right before a counted one ("two women and" a man were killed)
    conjunct: regex.Pattern[str]
    # a single word that is a toll's anchor ("Killed" in "2 Killed, 7 Wounded")
    toll_word: regex.Pattern[str]
    # "seven more people shot" beside the dead: those shot besides them
    besides: regex.Pattern[str] | None
    # a headline's lone victim before a counted group, without article or number ("Woman, 3 daughters shot")
    lone_victim: regex.Pattern[str] | None
    # the subject of a singular reading: named or definite ("the boy", "Acen"), not a new one ("a man")
    named_victim: regex.Pattern[str] | None
    new_victim: regex.Pattern[str] | None
    # "who was injured … has died": the wounded reading names the person who then died
    died_later: regex.Pattern[str] | None
    another_victim: regex.Pattern[str] | None
    of_them: regex.Pattern[str] | None
    # "4 killed, 16 wounded in weekend shootings across the city": a tally of several incidents
    roundup: regex.Pattern[str] | None
    # "it could have killed her": what did not happen
    counterfactual: regex.Pattern[str] | None
    # ", including three children," after a count: a subset of it, not another figure
    aside: regex.Pattern[str] | None
    # "la dixième victime": a running toll told by its latest dead, at least that many
    ordinal: regex.Pattern[str] | None = None
    ordinal_anchor: frozenset[int] = frozenset()
    # every anchor of the injured and of those shot
    wound_anchor: frozenset[int] = frozenset()
    # "the third death this year": a count across incidents, no one incident's toll
    ordinal_series: regex.Pattern[str] | None = None
    # Which of the patterns read over a sentence that has anchors (denials, singular
    # readings, background, round-ups) may match it: one pass over its case-folded text
    # spares the searches of the others.
    later: PatternGate | None = None


def _alt(patterns: list[str] | tuple[str, ...]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def _whole(patterns: list[str]) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w)(?:{_alt(patterns)})(?!\w)", _FLAGS)


def _frame_head(frame: str) -> str:
    """The words of a frame a sentence must hold: those before the figure, else those after it."""
    before, _, after = frame.partition("{N}")
    return before.strip() or after.strip()


def _whole_or_none(patterns: list[str]) -> regex.Pattern[str] | None:
    return _whole(patterns) if patterns else None


def _not_a_day(language: str) -> str:
    """A lookbehind: a number after a month's name is a day ("A strike on Dnipro on June 8
    killed three"), not a count."""
    months = sorted(month_names(language), key=len, reverse=True)
    return rf"(?<!(?<![^\W\d_])(?:{'|'.join(map(regex.escape, months))})\.?\s)" if months else ""


@lru_cache(maxsize=32)
def _rules(language: str) -> _Rules:
    lex: Mapping[str, Any] = language_section(_LEXICON, language)
    quant: Mapping[str, list[str]] = lex["quantifiers"]
    vague: list[Mapping[str, Any]] = lex["vague"]
    # Languages text2num does not read spell their number words out in the lexicon, in every
    # case form: "поранено трьох людей", "ще дев'ятеро отримали поранення".
    words: Mapping[str, int] = {
        _plain_apostrophes(fold_case(form)): int(value)
        for value, forms in lex.get("number_words", {}).items() for form in forms
    }
    spelled = [
        regex.escape(w).replace("'", _APOSTROPHE_CLASS) + rf"(?!{_APOSTROPHE_CLASS})"
        for w in sorted(words, key=len, reverse=True)
    ]
    number = _alt([_not_a_day(language) + _DIGITS] + spelled + [v["pattern"] for v in vague] + list(lex["singular"]))
    qty = rf"(?P<q>(?:{_alt(quant['at_least'] + quant['at_most'] + quant['about'])}){_SPACE})?(?P<n>{number})(?!\w)"
    # Words between a number and its victim noun: not another number, article or possessive
    # ("NBC 6 the teen was shot", "911 caller's father dead").
    person = (
        rf"(?P<person>(?:(?!\d+{_SPACE}|(?:the|a|an){_SPACE}|[\w-]+['’]s\b)[\w'’-]+{_SPACE}){{0,2}}?"
        rf"(?:{_alt(lex['persons'])}))(?!\w)"
    )
    aux = rf"(?:(?:{_alt(lex['aux'])}),?{_SPACE}){{0,4}}"
    # "84 residents of the apartment buildings sustained injuries": a short "of …" after the victims
    complement = rf"(?:{_SPACE}(?:{lex['complement']}))?" if lex.get("complement") else ""
    # What may follow a bare number read after its anchor: "killing 2 and injuring 5", "uccisi 3, ...".
    tail_words = ["and", "e", "ed", "including", "among", "tra", "fra", "dead", "on", "in", "at", "after", "as",
                  "according", "since", "so", "by", "secondo", "nel", "nella", "nei", "dopo", "durante", "mentre",
                  *lex.get("tail_words", [])]
    tail = rf"(?=\s*(?:[,.;:)\u2013\u2014-]|$|(?:{_alt(tail_words)})\b))"
    frames: Mapping[str, list[str]] = lex.get("frames", {})
    pairs: Mapping[str, list[str]] = lex.get("pairs", {})
    anchors = (
        lex["fatal"] + lex["fatal_after"] + lex["injured"] + lex["injured_after"]
        + lex["singular_fatal"] + lex["singular_injured"] + [z["pattern"] for z in lex["zero"]]
        + lex.get("shot", []) + lex.get("shot_after", []) + lex.get("singular_shot", [])
        + [_frame_head(f) for fs in frames.values() for f in fs]
        + [p for ps in pairs.values() for p in ps]
        + ([ordinal["nouns"]] if (ordinal := lex.get("ordinal_fatal")) else [])
    )
    lowered = list(dict.fromkeys(lower_pattern(p) for p in anchors))
    position = {p: i for i, p in enumerate(lowered)}

    def group(patterns: list[str]) -> frozenset[int]:
        return frozenset(position[lower_pattern(p)] for p in patterns)

    def field(name: _Reading, anchors: list[str], after: list[str], singular: list[str]) -> _FieldRules:
        heads = [*anchors, *after, *singular, *(_frame_head(f) for f in frames.get(name, [])), *pairs.get(name, [])]
        return _FieldRules(
            before=regex.compile(
                rf"(?<!\w){qty}{_SPACE}(?:{person}{complement}{_SPACE})?{aux}(?P<anchor>{_alt(anchors)})(?!\w)", _FLAGS),
            after=regex.compile(
                rf"(?<!\w)(?P<anchor>{_alt(after)}){_SPACE}(?:(?:only|just|solo|soltanto){_SPACE})?{qty}(?:(?:{_SPACE}{person})|{tail})",
                _FLAGS,
            ),
            singular=_whole_or_none(singular),
            frames=tuple(
                regex.compile(rf"(?<!\w){f.replace('{N}', rf'{qty}(?:{_SPACE}{person})?')}(?!\w)", _FLAGS)
                for f in frames.get(name, [])
            ),
            anchor=group(heads),
            before_anchor=group(anchors),
            after_anchor=group(after),
            frame_anchors=tuple(group([_frame_head(f)]) for f in frames.get(name, [])),
            pairs=_whole_or_none(pairs.get(name, [])),
            pair_anchor=group(pairs.get(name, [])),
            bare_one=name != "shot",
        )

    fields: dict[_Reading, _FieldRules] = {
        "fatalities": field("fatalities", lex["fatal"], lex["fatal_after"], lex["singular_fatal"]),
        "injured": field("injured", lex["injured"], lex["injured_after"], lex["singular_injured"]),
    }
    if lex.get("shot"):
        fields["shot"] = field("shot", lex["shot"], lex.get("shot_after", []), lex.get("singular_shot", []))
    rules = _Rules(
        fields=fields,
        zero=tuple((z["field"], _whole([z["pattern"]])) for z in lex["zero"]),
        anchors=_Anchors.build(lowered),
        protect=_whole(lex["protect"]) if lex.get("protect") else None,
        enemies=_whole(lex["enemies"]),
        singular_words=regex.compile(rf"^(?:{_alt(lex['singular'])})$", _FLAGS),
        articles=regex.compile(rf"^(?:{_alt(lex['articles'])})$", _FLAGS),
        vague=tuple(
            (regex.compile(rf"^(?:{v['pattern']})$", _FLAGS), v["best"], v["low"], v["high"]) for v in vague
        ),
        number_words=words,
        at_least=regex.compile(rf"^(?:{_alt(quant['at_least'])})\s*$", _FLAGS),
        at_most=regex.compile(rf"^(?:{_alt(quant['at_most'])})\s*$", _FLAGS),
        self_harm=_whole_or_none(lex.get("self_harm", [])),
        accident=_whole(lex.get("accident", ["(?!x)x"])),
        background=_whole_or_none(lex.get("background", [])),
        conjunct=regex.compile(
            rf"(?<!\w)(?:(?P<q>{_alt(quant['at_least'] + quant['at_most'] + quant['about'])}){_SPACE})?(?P<n>{number})"
            rf"{_SPACE}{person}(?:{_SPACE})?{lex.get('conjunction', '(?:,|,? and)')}{_SPACE}$",
            _FLAGS,
        ),
        toll_word=regex.compile(_alt(lex["fatal"] + lex["injured"] + lex.get("shot", [])), _FLAGS),
        besides=_whole_or_none(lex.get("besides", [])),
        lone_victim=None if not lex.get("lone_victims") else regex.compile(
            rf"^\W*(?:{_alt(lex['lone_victims'])})(?:{_SPACE})?{lex.get('conjunction', '(?:,|,? and)')}{_SPACE}$", _FLAGS),
        named_victim=None if not lex.get("named_victim") else regex.compile(rf"(?:{lex['named_victim']})$"),
        new_victim=_whole_or_none(lex.get("new_victim", [])),
        died_later=_optional(lex.get("died_later")),
        another_victim=_optional(lex.get("another_victim")),
        of_them=_optional(lex.get("of_them")),
        roundup=_whole_or_none(lex.get("roundup", [])),
        counterfactual=_whole_or_none(lex.get("counterfactual", [])),
        aside=None if not lex.get("aside") else regex.compile(
            rf"(?<=\d|\w)\s*,\s*(?:{_alt(lex['aside'])})\s+(?:(?!{_ASIDE_TOLL})[^,.;:()]){{1,60}}?,(?=\s*\w)"
            # without commas, only a counted group: "42 personnes dont trois enfants ont été blessées"
            rf"|(?<=\w)\s+(?:{_alt(lex['aside'])})\s+(?:[\w'’]+\s+){{0,2}}(?:{_alt(lex['persons'])})(?=\s)",
            _FLAGS),
        ordinal=None if not ordinal else regex.compile(
            rf"(?<!\w)(?:{ordinal['before']}){_SPACE}(?P<n>\d+)(?:{ordinal['suffix']}){_SPACE}(?:{ordinal['nouns']})(?!\w)",
            _FLAGS),
        ordinal_anchor=group([ordinal["nouns"]]) if ordinal else frozenset(),
        wound_anchor=frozenset().union(*(fields[f].anchor for f in ("injured", "shot") if f in fields)),
        ordinal_series=None if not lex.get("ordinal_series") else regex.compile(
            rf"^[^\w.;:]*(?:[\w'’]+{_SPACE}){{0,3}}?(?:{_alt(lex['ordinal_series'])})(?!\w)", _FLAGS),
    )
    later = [
        *(p for _, p in rules.zero), *(f.singular for f in fields.values()),
        rules.counterfactual, rules.background, rules.roundup,
    ]
    return replace(rules, later=PatternGate([p.pattern for p in later if p is not None], ignore_case=True))


def _optional(pattern: str | None) -> regex.Pattern[str] | None:
    return None if pattern is None else regex.compile(rf"(?<!\w)(?:{pattern})(?!\w)", _FLAGS)


def _offset_maps(original: str, converted: str) -> tuple[list[int], list[int]]:
    """Map start and end offsets in `converted` back to `original` (text2num only rewrites number words).

    Only the stretch between the first and the last rewritten character is aligned with
    difflib: the common prefix and suffix map one to one, and matching them character by
    character was most of the cost of reading a casualty figure.
    """
    n, m = len(original), len(converted)
    shortest = min(n, m)
    head = 0
    while head < shortest and original[head] == converted[head]:
        head += 1
    tail = 0
    while tail < shortest - head and original[n - 1 - tail] == converted[m - 1 - tail]:
        tail += 1
    starts = list(range(m + 1))
    ends = list(range(m + 1))
    for j in range(m - tail, m + 1):
        starts[j] = j + n - m
        # the end of the text before the suffix is the middle's end (the prefix's, when empty)
        if j > m - tail:
            ends[j] = j + n - m
    middle = SequenceMatcher(None, original[head : n - tail], converted[head : m - tail], autojunk=False)
    for tag, i1, i2, j1, j2 in middle.get_opcodes():
        i1, i2, j1, j2 = i1 + head, i2 + head, j1 + head, j2 + head
        equal = tag == "equal"
        for j in range(j1, j2):
            starts[j] = i1 + (j - j1) if equal else i1
            ends[j + 1] = i1 + (j + 1 - j1) if equal else i2
    starts[m] = n
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
        return _bounded(int(_SEPARATOR.sub("", n)), q, rules)
    spelled = rules.number_words.get(_plain_apostrophes(fold_case(n))) if rules.number_words else None
    if spelled is not None:
        return _bounded(spelled, q, rules)
    if rules.singular_words.match(n):
        return 1, 1, 1
    for pattern, best, low, high in rules.vague:
        if pattern.match(n):
            return best, low, high
    return None


def _bounded(value: int, q: str | None, rules: _Rules) -> _Value:
    """An exact figure under its quantifier: "at least 5" is (5, 5, None)."""
    if q and rules.at_least.match(q):
        return value, value, None
    if q and rules.at_most.match(q):
        return value, None, value
    if q:
        return value, None, None
    return value, value, value


_APOSTROPHE_FOLD = str.maketrans({c: "'" for c in _APOSTROPHES})


def _plain_apostrophes(word: str) -> str:
    return word.translate(_APOSTROPHE_FOLD)


def _magnitude(count: Count) -> int:
    for v in (count.best, count.low, count.high):
        if v is not None:
            return v
    return 0


# A figure right after "of" with no victim noun belongs to something else ("father of 4 killed"),
# and after "one of the" it is the group, not the dead ("one of the four was pronounced dead").
_OF_BEFORE = regex.compile(r"(?<!\w)(?:of|(?:one|none|each|another) of (?:the|those|these))\s+$", _FLAGS)
# "Jerry Coleman, 31 all died": a number right after a name and a comma is the person's age.
_NAME_BEFORE_AGE = re.compile(r"([A-Z][\w'’-]+),\s*$")
_ENUMERATION_WINDOW = 160


def _after_a_name(head: str, rules: _Rules) -> bool:
    """Whether `head` ends with a capitalised word and a comma, as before an age ("Coleman, 31"),
    the word being no toll of a headline in title case ("2 Killed, 7 Wounded")."""
    m = _NAME_BEFORE_AGE.search(head)
    return m is not None and rules.toll_word.fullmatch(m.group(1)) is None


def _find_field(text: str, present: set[int], rules: _FieldRules, all_rules: _Rules) -> list[tuple[_Value, int, int]]:
    found: list[tuple[_Value, int, int]] = []
    patterns = zip((rules.before, rules.after, *rules.frames),
                   (rules.before_anchor, rules.after_anchor, *rules.frame_anchors), strict=True)
    for pattern, anchor in patterns:
        if present.isdisjoint(anchor):
            continue
        for m in pattern.finditer(text, overlapped=True):
            person = m.group("person")
            numeric = m.group("n")[0].isdigit()
            if person is None and not numeric and all_rules.articles.match(m.group("n").strip()):
                # "a car bomb killed", "one of them died": an article needs a victim noun to be a count.
                continue
            if person is not None and all_rules.enemies.search(person):
                continue
            if pattern is rules.before and person is None and m.group("q") is None:
                head = text[max(0, m.start() - 40):m.start()]
                if _OF_BEFORE.search(head) or (numeric and _after_a_name(head, all_rules)):
                    continue  # "…, 31 all died": an age after a name is not a count
            value = _value(m.group("n"), m.group("q"), all_rules)
            if value is None or (value[0] == 1 and person is None and not rules.bare_one):
                continue
            start = m.start()
            if pattern is rules.before and person is not None:
                value, start = _enumerated(text, start, value, all_rules)
            found.append((value, start, m.end()))
    if rules.pairs is not None and not present.isdisjoint(rules.pair_anchor):
        found.extend(((2, 2, 2), m.start(), m.end()) for m in rules.pairs.finditer(text))
    return found


def _enumerated(text: str, start: int, value: _Value, rules: _Rules) -> tuple[_Value, int]:
    """Add the victim groups listed before a counted one: "two women and a man were killed" is three."""
    best, low, high = value
    while best is not None:
        window = text[max(0, start - _ENUMERATION_WINDOW):start]
        m = rules.conjunct.search(window)
        if m is None:
            break
        extra = _value(m.group("n"), m.group("q"), rules)
        if extra is None or extra[0] is None:
            break
        best = best + extra[0]
        low = None if low is None or extra[1] is None else low + extra[1]
        high = None if high is None or extra[2] is None else high + extra[2]
        start = start - len(window) + m.start()
    if best is not None and rules.lone_victim is not None and start <= _ENUMERATION_WINDOW:
        m = rules.lone_victim.match(text, 0, start)
        if m is not None:
            best, low, high, start = best + 1, None if low is None else low + 1, None if high is None else high + 1, 0
    return (best, low, high), start


_NO_FIGURES = Casualties(None, None)


def find_casualties(sentence: str, language: str) -> Casualties:
    """Fatalities and injured reported in `sentence`; enemy-loss claims are not casualties."""
    rules = _rules(language)
    folded = fold_case(sentence)
    present = rules.anchors.present(folded)
    if not present:
        return _NO_FIGURES
    original, sentence = sentence, _without_asides(sentence, rules)
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
        return Count(best=value[0], low=value[1], high=value[2], text=original[s:e], start=s, end=e)

    assert rules.later is not None
    may = rules.later.possible(fold_case(text))
    # "no one was killed" holds "one was killed": nothing inside a denial is a count.
    denials = [
        (z.start(), z.end(), zero_field) for zero_field, pattern in rules.zero if pattern.pattern in may
        for z in pattern.finditer(text)
    ]
    if rules.counterfactual is not None and rules.counterfactual.pattern in may:
        # "it could have hit her in the heart and killed her": up to the end of the clause
        denials.extend((m.start(), _clause_end(text, m.end()), "none") for m in rules.counterfactual.finditer(text))
    result: dict[_Reading, Count | None] = {}
    # Only a figure of other victims gains the shooter: "a boy was killed after shooting himself" is one death.
    counted: set[_Reading] = set()
    for name, field_rules in rules.fields.items():
        readable = not present.isdisjoint(field_rules.anchor)
        counts = [
            count(v, s, e) for v, s, e in (_find_field(text, present, field_rules, rules) if readable else [])
            if not any(zs <= s < ze for zs, ze, _ in denials)
        ]
        zeros = [(zs, ze) for zs, ze, zero_field in denials if zero_field in (name, "both")]
        if counts:
            counted.add(name)
        if not counts and readable and field_rules.singular is not None and field_rules.singular.pattern in may:
            for m in field_rules.singular.finditer(text):
                inside_denial = any(zs <= m.start() < ze for zs, ze, _ in denials)
                enemy = rules.enemies.search(text[max(0, m.start() - 40):m.end()])
                if not inside_denial and not enemy:
                    counts = [count((1, 1, 1), m.start(), m.end())]
                    if name == "injured" and _named_subject(text, m.start(), rules):
                        counts = [replace(counts[0], named=True)]
                    break
        if not counts and zeros:
            counts = [count((0, 0, 0), zeros[0][0], zeros[0][1])]
        result[name] = max(counts, key=_magnitude) if counts else None
    fatalities, injured = result["fatalities"], result["injured"]
    if not present.isdisjoint(rules.ordinal_anchor) and present.isdisjoint(rules.wound_anchor):
        # an ordinal victim in a sentence about wounds may be one of the wounded: only alone is it a toll
        latest = _ordinal_toll(text, denials, rules)
        if latest is not None and (fatalities is None or _magnitude(fatalities) < latest[0]):
            fatalities = count((latest[0], latest[0], None), latest[1], latest[2])
    if (fatalities is not None and "fatalities" in counted and rules.self_harm is not None
            and rules.accident.search(sentence) is None):
        fatalities = _with_shooter(fatalities, sentence, rules.self_harm)
    if injured is not None and fatalities is not None:
        injured = _still_injured(injured, fatalities, sentence, rules)
    elif injured is None and result.get("shot") is not None:
        # the survivors already leave out the dead ("six were shot, two of whom died")
        shot = result["shot"]
        besides = rules.besides is not None and shot is not None and rules.besides.search(shot.text) is not None
        # "two were killed and seven more people shot": the seven are besides the dead
        injured = shot if besides else _survivors(shot, fatalities)
        if fatalities is None and injured is not None:
            injured = replace(injured, hit=True)
    if fatalities is None and injured is None:
        return _NO_FIGURES
    if rules.background is not None and rules.background.pattern in may and rules.background.search(text) is not None:
        # "Last year, a man was killed on the same block": an earlier event's toll, not this one's.
        return _NO_FIGURES
    if rules.roundup is not None and rules.roundup.pattern in may and rules.roundup.search(text) is not None:
        # a city's tally of its night's shootings is no one incident's toll
        return _NO_FIGURES
    return Casualties(fatalities=fatalities, injured=injured)


_ORDINAL_MIN = 2  # "la prima vittima", "the first death": naming the first dead tells no running toll
_SERIES_WINDOW = 40


def _ordinal_toll(text: str, denials: list[tuple[int, int, str]], rules: _Rules) -> tuple[int, int, int] | None:
    """The highest running toll an ordinal victim tells ("la 10ème victime" is at least ten dead),
    with its span; none inside a denial or counted across incidents ("the 3rd death this year")."""
    if rules.ordinal is None:
        return None
    best: tuple[int, int, int] | None = None
    for m in rules.ordinal.finditer(text):
        n = int(m.group("n"))
        if n < _ORDINAL_MIN or any(zs <= m.start() < ze for zs, ze, _ in denials):
            continue
        if rules.ordinal_series is not None and rules.ordinal_series.search(text[m.end():m.end() + _SERIES_WINDOW]):
            continue
        if rules.enemies.search(text[max(0, m.start() - _SERIES_WINDOW):m.end()]):
            continue
        if best is None or n > best[0]:
            best = (n, m.start(), m.end())
    return best


_CLAUSE_END = regex.compile(r"[.;:!?]")
_SUBJECT_WINDOW = 40


def _named_subject(text: str, start: int, rules: _Rules) -> bool:
    """Whether the words before a singular reading name a victim already known ("the boy",
    "Acen", "he") rather than introduce one ("a man", "another victim")."""
    if rules.named_victim is None:
        return False
    head = text[max(0, start - _SUBJECT_WINDOW):start]
    m = rules.named_victim.search(head)
    return m is not None and (rules.new_victim is None or rules.new_victim.search(m.group()) is None)


def _clause_end(text: str, start: int) -> int:
    m = _CLAUSE_END.search(text, start)
    return len(text) if m is None else m.end()


def _still_injured(injured: Count, fatalities: Count, sentence: str, rules: _Rules) -> Count | None:
    """The wounded a sentence reports who did not die of their wounds later in it.

    "the boy who was injured in the shooting has died" reports one death, not one death and
    one injured; "two were wounded and one of them later died" leaves one injured.
    """
    if rules.died_later is None or injured.best is None or fatalities.best is None:
        return injured
    died = rules.died_later.search(sentence, injured.end)
    if died is None:
        return injured
    between = sentence[injured.end:died.start()]
    if rules.of_them is not None and rules.of_them.search(between) is not None:
        left = injured.best - fatalities.best
        if left <= 0:
            return None
        return Count(best=left, low=left, high=left, text=injured.text, start=injured.start, end=injured.end)
    if injured.best == fatalities.best == 1 and (
        rules.another_victim is None or rules.another_victim.search(between) is None
    ):
        return None
    return injured


# an aside that itself counts the dead or the wounded ("shot, including two who died,") is read
_ASIDE_TOLL = r"kill|die|dead|death|wound|injur|hurt|fatal|mort|uccis|ferit|decedut"


def _without_asides(sentence: str, rules: _Rules) -> str:
    """The sentence with a subset aside blanked out, offsets kept: "42 people, including three
    children, were injured" counts 42 injured, not three."""
    if rules.aside is None:
        return sentence
    return rules.aside.sub(lambda m: " " * len(m.group(0)), sentence)


def _survivors(shot: Count | None, fatalities: Count | None) -> Count | None:
    """Of those shot, the ones not killed: "four people were shot, three fatally" leaves one injured."""
    if shot is None or shot.best is None:
        return None
    if fatalities is None:
        return shot
    if fatalities.best is None or shot.best <= fatalities.best:
        return None
    left = shot.best - fatalities.best
    return Count(best=left, low=left, high=left, text=shot.text, start=shot.start, end=shot.end)


def _with_shooter(fatalities: Count, sentence: str, self_harm: regex.Pattern[str]) -> Count:
    """A shooter who killed himself after killing others is one more death ("killed 3, then himself")."""
    if not fatalities.best or self_harm.search(sentence, fatalities.end) is None:
        return fatalities

    def plus(v: int | None) -> int | None:
        return None if v is None else v + 1

    return Count(best=plus(fatalities.best), low=plus(fatalities.low), high=plus(fatalities.high),
                 text=fatalities.text, start=fatalities.start, end=fatalities.end)
