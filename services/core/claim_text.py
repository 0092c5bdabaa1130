"""Text of claims: reporting-cue lexicons, sentences, quotations, claim types, quantities, channels."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from string import ascii_letters

from ahocorasick_rs import AhoCorasick
from sentencex import get_sentence_boundaries
from text_to_num import alpha2digit

from schemas.models import ClaimType
from services.core.lexicon import load_lexicon


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number the claim states, with its unit and what it counts."""

    value: int | float
    unit: str
    of: str | None


# ---------------------------------------------------------------------------------------------
# Lexicons


@dataclass(frozen=True, slots=True)
class CuePatterns:
    """Compiled cue regexes for one language."""

    verbs: re.Pattern[str]
    sources: re.Pattern[str]
    gerunds: re.Pattern[str]
    after_quote: re.Pattern[str] | None
    first_words: frozenset[str]
    # The first words as whole words, for lower-cased text (see cue_matches); None when some
    # first word holds a letter re folds otherwise than by lower-casing it (see folds_plainly),
    # such as a sigma, whose lower case depends on the letters around it.
    openers: re.Pattern[str] | None
    # sources, verbs and gerunds as one pattern, tried in that order (groups 1, 2, 3): one match
    # call per cue opener instead of up to three (see cue_matches_at).
    any_cue: re.Pattern[str]
    # The cue openers as whole words of the text itself, ignoring case as the cue patterns do;
    # None unless every verb and gerund cue starts with a plain word (see cue_finditer).
    verb_openers: re.Pattern[str] | None
    # The source, verb and gerund phrases any_cue is made of, and any_cue cut down to the
    # phrases that can start at one opener word, built when first needed (see opener_cue).
    phrases: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    opener_cues: dict[str, re.Pattern[str]]
    # The words `openers` finds, and an automaton that finds them inside any word as well
    # (see opener_starts); None when `openers` is.
    opener_words: tuple[str, ...]
    opener_finder: AhoCorasick | None


def _alternation(phrases: Sequence[str]) -> str:
    """The cue phrases as a regex shaped like a tree of words, longer words tried first.

    Multi-word cues tolerate one adverb in between ("ha inoltre affermato"). Sharing each
    phrase's leading words ("ha" in "ha affermato", "ha detto", ...) lets the engine read them
    once instead of once per phrase, which keeps cue search cheap.
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in {p.strip().lower() for p in phrases if p.strip()}:
        node = tree
        for word in phrase.split():
            node = node.setdefault(word, {})
        node[""] = {}  # a phrase ends here

    def render(node: dict) -> str:  # type: ignore[type-arg]
        alternatives = []
        for word in sorted((w for w in node if w), key=len, reverse=True):
            child = node[word]
            piece = re.escape(word)
            if any(child):
                rest = r"\s+(?:\w+\s+)?" + render(child)
                piece += "(?:" + rest + ")" + ("?" if "" in child else "")
            alternatives.append(piece)
        return "(?:" + "|".join(alternatives) + ")"

    return render(tree)


def _word_pattern(phrases: Sequence[str]) -> str:
    # A cue ending in an elided article ("dall’") runs straight into the next word.
    return r"(?<![\w'’])(?:" + _alternation(phrases) + r")(?:(?<=['’])|(?![\w]))"


def _word_regex(phrases: Sequence[str]) -> re.Pattern[str]:
    return re.compile(_word_pattern(phrases), re.IGNORECASE)


def _any_cue(kinds: Sequence[Sequence[str]]) -> re.Pattern[str]:
    """The phrases of each kind as one pattern, one group per kind in order: an alternation
    tries its branches in order and keeps the first that matches, the same match as trying
    the kinds' patterns one after the other. A kind without phrases never matches."""
    return re.compile(
        "|".join(f"({_word_pattern(phrases)})" if phrases else "((?!))" for phrases in kinds),
        re.IGNORECASE,
    )


@lru_cache(maxsize=16)
def cue_patterns(language: str | None) -> CuePatterns:
    """Reporting cues for a language (all languages when it is unknown), English always added."""
    data = load_lexicon("claim_cues")
    langs = (
        list(data["verbs"])
        if language is None or language not in data["verbs"]
        else [language, "en"]
    )

    def gather(key: str) -> list[str]:
        phrases = [p for lang in langs for p in data[key].get(lang, [])]
        if key != "verbs":
            return phrases
        for lang in langs:
            for aux, variants in data["auxiliary_variants"].get(lang, {}).items():
                for p in data[key].get(lang, []):
                    if p.startswith(aux + " "):
                        phrases.extend(v + p[len(aux) :] for v in variants)
        return phrases

    after = gather("after_quote_phrases")
    phrases = gather("verbs") + gather("sources") + gather("gerunds")
    first_words = frozenset(p.split()[0].lower() for p in phrases if p.split())
    # A first word with a character outside \w never equals a word of the text.
    whole = sorted(w for w in first_words if _WORD.fullmatch(w))
    plain = all(folds_plainly(w) for w in first_words)
    kinds = tuple(tuple(gather(key)) for key in ("sources", "verbs", "gerunds"))
    sources, verbs, gerunds = (_word_regex(phrases) for phrases in kinds)
    plain_starts = all(
        _WORD.fullmatch(p.split()[0].lower())
        for p in gather("verbs") + gather("gerunds")
        if p.split()
    )
    return CuePatterns(
        verbs=verbs,
        sources=sources,
        gerunds=gerunds,
        after_quote=_word_regex(after) if after else None,
        first_words=first_words,
        openers=None if not plain or not whole else re.compile(r"(?<!\w)(?:" + _literal_trie(whole) + r")(?!\w)"),
        any_cue=_any_cue(kinds),
        verb_openers=(
            re.compile(r"(?<!\w)(?:" + _literal_trie(whole) + r")(?!\w)", re.IGNORECASE)
            if plain_starts and whole
            else None
        ),
        phrases=(kinds[0], kinds[1], kinds[2]),
        opener_cues={},
        opener_words=tuple(whole),
        opener_finder=AhoCorasick(whole) if plain and whole else None,
    )


def opener_cue(cues: CuePatterns, word: str) -> re.Pattern[str]:
    """CuePatterns.any_cue for a text offset where the lower-cased word `word` (a whole word,
    one of the openers) starts: the same match, from only the phrases whose first word begins
    with that word, so the engine need not try every other first word there."""
    pattern = cues.opener_cues.get(word)
    if pattern is None:
        pattern = cues.opener_cues[word] = _any_cue(
            [[p for p in phrases if _leading_word(p) == word] for phrases in cues.phrases]
        )
    return pattern


def _leading_word(phrase: str) -> str | None:
    """The word characters a phrase begins with, lower-cased: a phrase matches only where the
    text's word is that one, the rest of its first word not being word characters."""
    m = _WORD.match(phrase.strip().lower())
    return None if m is None else m.group()


@dataclass(frozen=True, slots=True)
class CueWords:
    """Closed word classes from claim_cues.json that the attribution rules need."""

    complementizers: tuple[str, ...]
    anaphoric_objects: tuple[str, ...]
    possessive_sources: frozenset[str]
    #: last words of cues that report a claim only before a that-clause or a quotation
    needs_clause: frozenset[str]
    #: uk/ru source cues whose speaker stands in the genitive ("по словам Гладкова")
    genitive_sources: frozenset[str]
    #: "tali", "these": before a speech noun they point back to the previous speaker's words
    demonstratives: tuple[str, ...]
    #: "by", "before": before an English gerund they make it a deed, not a claim
    deed_gerund_leads: tuple[str, ...]


@lru_cache(maxsize=1)
def cue_words() -> CueWords:
    """Complementizers, anaphoric objects and possessive source phrases, loaded once."""
    data = load_lexicon("claim_cues")
    return CueWords(
        complementizers=tuple(data["complementizers"]),
        anaphoric_objects=tuple(data["anaphoric_objects"]),
        possessive_sources=frozenset(p.lower() for p in data["possessive_sources"]),
        needs_clause=frozenset(w.lower() for w in data["needs_clause"]),
        genitive_sources=frozenset(p.lower() for p in data["genitive_sources"]),
        demonstratives=tuple(data["demonstratives"]),
        deed_gerund_leads=tuple(data["deed_gerund_leads"]),
    )


def word_alternation(words: Sequence[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_WORD = re.compile(r"\w+")


def cue_matches(
    patterns: Sequence[re.Pattern[str]],
    first_words: frozenset[str],
    text: str,
    s: int,
    e: int,
    lowered: tuple[str, re.Pattern[str] | None] | None = None,
) -> list[tuple[int, re.Match[str]]]:
    """(pattern index, match) for cues in text[s:e], tried only where a cue's first word starts.

    `lowered` is ``(text.lower(), CuePatterns.openers)`` when the caller has the lower-cased
    text at hand (of the same length): the words that open a cue are then found by one search
    instead of lower-casing every word of the sentence.
    """
    found: list[tuple[int, re.Match[str]]] = []
    floor = s
    for w in _openers(first_words, text, s, e, lowered):
        start = w.start()
        if start < floor or (start > 0 and text[start - 1] in "'’"):
            continue
        for k, pattern in enumerate(patterns):
            m = pattern.match(text, start, e)
            if m is not None:
                found.append((k, m))
                floor = m.end()
                break
    return found


def cue_matches_at(
    cues: CuePatterns, text: str, starts: Sequence[int], words: Mapping[int, str], e: int
) -> list[tuple[int, re.Match[str]]]:
    """cue_matches over (sources, verbs, gerunds) for the cue openers already found at
    `starts` (ascending offsets, all before e; `words` gives the opener word at each, see
    opener_starts), with the combined pattern CuePatterns.any_cue cut down to each word."""
    found: list[tuple[int, re.Match[str]]] = []
    floor = 0
    for start in starts:
        if start < floor or (start > 0 and text[start - 1] in "'’"):
            continue
        m = opener_cue(cues, words[start]).match(text, start, e)
        if m is not None:
            found.append(((m.lastindex or 1) - 1, m))
            floor = m.end()
    return found


def cue_finditer(
    pattern: re.Pattern[str], openers: re.Pattern[str] | None, text: str, s: int, e: int
) -> Iterator[re.Match[str]]:
    """pattern.finditer(text, s, e) for CuePatterns.verbs or .gerunds, tried only where a cue
    opener starts (`openers` is CuePatterns.verb_openers).

    Each of these cues starts with a plain word matched ignoring case, not after a word
    character: it can start only where `openers` finds a whole word, and those are few.
    """
    if openers is None:
        yield from pattern.finditer(text, s, e)
        return
    floor = s
    for w in openers.finditer(text, s, e):
        if w.start() < floor:
            continue
        m = pattern.match(text, w.start(), e)
        if m is not None:
            yield m
            floor = m.end()


def cue_finditer_at(
    pattern: re.Pattern[str], text: str, starts: Sequence[int], s: int, e: int
) -> Iterator[re.Match[str]]:
    """cue_finditer(pattern, CuePatterns.verb_openers, text, s, e) for the cue openers of
    text[s:e] already found at `starts` (see openers_within), in a text where folds_plainly
    holds: the verb openers, found ignoring case, are then the openers of the lower-cased text."""
    floor = s
    for start in starts:
        if start < floor:
            continue
        m = pattern.match(text, start, e)
        if m is not None:
            yield m
            floor = m.end()


# The characters re matches ignoring case to a character whose lower case differs from theirs
# (the dotless i, the long s, Greek letter variants, old Cyrillic letter forms, ...), the
# dotted capital I, which lower-cases to two characters, and the sigmas, whose lower case
# depends on the letters around them. The unit tests check the list against re.
_CASE_FOLD_EXCEPTIONS = re.compile(
    "[\u0130\u0131\u017f\u00b5\u0345\u03a3\u03c2\u03c3\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
    "\u03f5\u1c80-\u1c88\u1e9b\u1fbe\u0390\u03b0\u1fd3\u1fe3\ufb05\ufb06]"
)


def folds_plainly(text: str) -> bool:
    """Whether the text has no character of _CASE_FOLD_EXCEPTIONS: lower-case words then match
    it ignoring case exactly where they occur in its lower case (str.lower)."""
    return text.isascii() or _CASE_FOLD_EXCEPTIONS.search(text) is None


def opener_starts(cues: CuePatterns, text: str, folded: str | None) -> dict[int, str] | None:
    """Every cue opener in the whole text, found once in its lower-cased form `folded`: the
    opener word at each offset, in text order; None when the lower-cased text cannot be used
    (see cue_matches).

    The same words as CuePatterns.openers finds; an automaton reads the text once for every
    occurrence, even inside other words, and the few that are not whole words are dropped
    (whole words never overlap, so none hides another).
    """
    finder = cues.opener_finder
    if finder is None or folded is None or len(folded) != len(text):
        return None
    words = cues.opener_words
    found: dict[int, str] = {}
    for k, start, end in finder.find_matches_as_indexes(folded, overlapping=True):
        if is_whole_word(folded, start, end):
            found[start] = words[k]
    return found


def openers_within(text: str, starts: Sequence[int], s: int, e: int) -> Sequence[int] | None:
    """The openers of text[s:e] out of opener_starts' list: those a search of text[s:e] alone
    finds, unless a word runs across s or e (None: the span needs its own scan)."""
    if (s > 0 and is_word_char(text[s - 1])) or (
        0 < e < len(text) and is_word_char(text[e - 1]) and is_word_char(text[e])
    ):
        return None
    return starts[bisect_left(starts, s) : bisect_left(starts, e)]


def _openers(
    first_words: frozenset[str],
    text: str,
    s: int,
    e: int,
    lowered: tuple[str, re.Pattern[str] | None] | None,
) -> Iterator[re.Match[str]]:
    """The words of text[s:e] that are the first word of some cue, in text order."""
    if lowered is not None:
        folded, openers = lowered
        # Lower-casing keeps every character a word character or not, and the length (checked
        # here) and a word's letters unless they hold a sigma (kept out of the openers); a word
        # cut by the start of the span needs the plain scan.
        if openers is not None and len(folded) == len(text) and not (s > 0 and _WORD.match(text, s - 1)):
            yield from openers.finditer(folded, s, e)
            return
    for w in _WORD.finditer(text, s, e):
        # Most words open no cue: test that first, before any other work on the word.
        if w.group().lower() in first_words:
            yield w


@dataclass(frozen=True, slots=True)
class TypeLexicon:
    """Claim-type cue regexes in precedence order, and quantity unit nouns.

    `types` holds one named group per claim type, in precedence order, so that one search
    finds the best type starting at each offset; `ascii_stems` finds the same stems in
    lower-cased ASCII text in one pass, `stem_kinds` telling each stem's group and whether it
    must end a word (None when some stem could match ASCII text only through Unicode case
    folding).
    """

    names: tuple[str, ...]
    types: re.Pattern[str]
    ascii_stems: AhoCorasick | None
    stem_kinds: tuple[tuple[int, bool], ...]
    units: dict[str, str]
    unit_regex: re.Pattern[str]
    # Any unit noun as a whole word: without one the content states no quantity, and neither
    # the number-word conversion nor the unit search is needed. `ascii_units` finds the unit
    # nouns in lower-cased text like `ascii_stems`, whole words or not (see _names_a_unit).
    unit_word: re.Pattern[str]
    ascii_units: AhoCorasick | None
    #: type index -> (its framing stems, the indices of the types it wins over when one of those
    #: stems comes before their cue in the content)
    frames: dict[int, tuple[re.Pattern[str], frozenset[int]]]
    # Weapon words: the generic verbs of giving (the last group of `types`) beside one of them
    # report an arms transfer.
    weapons: re.Pattern[str]
    # A negation shortly before an attack word: a denial ("non sono circondati").
    negated_attack: re.Pattern[str]
    # Cue stems that type a claim by themselves ("has denied"), one group per type.
    cue_types: re.Pattern[str]
    cue_type_names: tuple[str, ...]
    # A verb of destroying or losing a few words before a noun of soldiers: losses, a
    # casualty report ("знищили 1 230 окупантів"); Cyrillic stems, tried on Cyrillic text only.
    personnel_losses: re.Pattern[str]
    # The multiplier of each scale word after a number ("850 тисяч", "2 million"), lower case.
    scales: dict[str, int]
    # "Кількість загиблих зросла до 12": the unit noun (group "unit") and the number (group
    # "n") a verb of rising sets; None-free, tried only where " до " occurs.
    rise: re.Pattern[str]
    # Set phrases whose words would read as a type's stem but name no such thing: a ceasefire
    # ("cessate il fuoco") is no fire, firefighters ("vigili del fuoco") report no attack.
    idioms: re.Pattern[str]


def _trie_alternation(stems: Sequence[str]) -> str:
    """An alternation matching exactly the given literal stems, shaped as a prefix tree.

    Nothing follows the alternation in the type patterns, so only whether some stem matches
    counts, not which; the tree lets the regex engine try a few first letters at each word
    instead of every stem (the flat alternation made classification a hot spot).
    """
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for stem in stems:
        node = tree
        for ch in stem:
            node = node.setdefault(ch, {})
        node[""] = {}  # a stem ends here

    def render(node: dict) -> str:  # type: ignore[type-arg]
        if "" in node:
            return ""  # a shorter stem already matches: longer ones add nothing
        return "(?:" + "|".join(
            (r"(?!\w)" if ch == _WORD_END else re.escape(ch)) + render(child)
            for ch, child in sorted(node.items())
        ) + ")"

    return render(tree)


_WORD_END = ">"  # a stem ending in it matches whole words only ("morta>" is not "mortaio")


@lru_cache(maxsize=1)
def type_lexicon() -> TypeLexicon:
    """Load claim_types.json once."""
    data = load_lexicon("claim_types")
    names = tuple(data["order"])

    def types(stems: dict[str, list[str]], flags: int) -> re.Pattern[str]:
        # The generic supply verbs form a last group, read as arms_transfer beside a weapon word.
        alternatives = [*(stems[name] for name in names), stems["supply_verbs"]]
        groups = (f"(?P<t{i}>{_trie_alternation(alt)})" for i, alt in enumerate(alternatives))
        return re.compile(r"(?<!\w)(?:" + "|".join(groups) + ")", flags)

    def stems_regex(words: Sequence[str]) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + _trie_alternation([w.lower() for w in words]), re.IGNORECASE)

    stems: dict[str, list[str]] = {**data["stems"], "supply_verbs": data["supply_verbs"]}
    # The stems of `types`, group by group, lower-cased, the word-end mark taken off.
    kinds = [
        (stem.lower().removesuffix(_WORD_END), i, stem.endswith(_WORD_END))
        for i, name in enumerate([*names, "supply_verbs"])
        for stem in stems[name]
    ]
    ascii_stems = (
        None
        if _folds_onto_ascii(w for words in stems.values() for w in words)
        or any(_WORD_END in stem for stem, _, _ in kinds)
        else AhoCorasick([stem for stem, _, _ in kinds])
    )
    negation = data["negation"]
    negated_attack = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(w) for w in negation["words"]) + r")(?!\w)"
        + r"(?:\W+\w+){0," + str(int(negation["reach"]) - 1) + r"}?\W+"
        + _trie_alternation([w.lower() for w in data["stems"]["attack_report"]]),
        re.IGNORECASE,
    )
    cue_type_names = tuple(data["cue_types"])
    cue_types = re.compile(
        r"(?<!\w)(?:" + "|".join(
            f"({_trie_alternation([w.lower() for w in data['cue_types'][name]])})"
            for name in cue_type_names
        ) + ")",
        re.IGNORECASE,
    )
    units = {
        word.lower(): unit
        for unit, words in data["quantity_units"].items()
        for word in words
    }
    scales = {word.lower(): int(factor) for word, factor in data["scale_words"].items()}
    scale_alt = "|".join(
        re.escape(w) + ("" if w.endswith(".") else r"(?!\w)") for w in sorted(scales, key=len, reverse=True)
    )
    digits = r"\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?"
    number = rf"({digits})(?:\s+({scale_alt}))?"
    unit_alt = "|".join(re.escape(w) for w in sorted(units, key=len, reverse=True))
    # "45 із 60 дронів", "45 of 60 drones": the count is the first number, the second its total.
    out_of = rf"(?:\s+(?:із|з|зі|из|of|out of|su|dei|degli|delle)\s+(?P<total>{digits}))?"
    unit_regex = re.compile(
        number + out_of + r"\s+(?:\w+\s+){0,2}?(?P<unit>" + unit_alt + r")(?!\w)", re.IGNORECASE
    )
    losses = data["personnel_losses"]
    loss_units = [w for w, unit in units.items() if unit in losses["units"]]
    personnel_losses = re.compile(
        r"(?<!\w)" + _trie_alternation([w.lower() for w in losses["verbs"]])
        + r"\w*(?:\W+\w+){0," + str(int(losses["reach"])) + r"}?\W+"
        + "(?:" + "|".join(re.escape(w) for w in sorted(loss_units, key=len, reverse=True)) + r")(?!\w)",
        re.IGNORECASE,
    )
    rise = data["rise"]
    rise_regex = re.compile(
        r"(?<!\w)(?P<unit>" + unit_alt + r")(?!\w)(?:\W+\w+){0," + str(int(rise["reach"])) + r"}?\s+"
        + "(?:" + "|".join(re.escape(w) for w in rise["verbs"]) + r")\s+до\s+(?P<n>" + digits + r")(?!\w)",
        re.IGNORECASE,
    )
    return TypeLexicon(
        names,
        types(stems, re.IGNORECASE),
        ascii_stems,
        tuple((i, whole) for _, i, whole in kinds),
        units,
        unit_regex,
        re.compile(r"(?<!\w)(?:" + _literal_trie(list(units)) + r")(?!\w)", re.IGNORECASE),
        None if _folds_onto_ascii(units) else AhoCorasick(sorted(units)),
        {
            names.index(frame): (stems_regex(spec["stems"]), frozenset(names.index(t) for t in spec["over"]))
            for frame, spec in data.get("frames", {}).items()
        },
        stems_regex(data["weapon_words"]),
        negated_attack,
        cue_types,
        cue_type_names,
        personnel_losses,
        scales,
        rise_regex,
        stems_regex(data["idioms"]),
    )


def _folds_onto_ascii(words: Iterable[str]) -> bool:
    """True when a character of some word matches an ASCII letter case-insensitively (the
    Kelvin sign matches "k"): then lower-casing ASCII text is no substitute for IGNORECASE."""
    return any(
        not ch.isascii() and any(re.fullmatch(re.escape(ch), a, re.IGNORECASE) for a in ascii_letters)
        for word in words
        for ch in word
    )


@lru_cache(maxsize=1)
def _channel_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    data = load_lexicon("channels")
    canonical: dict[str, str] = {}
    parts: list[str] = []
    for group in ("platforms", "outlets"):
        for name, spellings in data[group].items():
            for spelling in spellings:
                canonical[spelling.lower()] = name
                if len(spelling) == 1:
                    # "X" is a platform only right after a preposition ("su X", "on X").
                    lead = "|".join(
                        rf"(?<=\b{w} )" for w in ("su", "on", "via", "by", "sul", "da")
                    )
                    parts.append(
                        r"(?-i:(?:" + lead + ")" + re.escape(spelling.upper()) + ")"
                    )
    names = [s.lower() for s in canonical if len(s) > 1]
    parts.append(_literal_trie(names))
    return re.compile(
        r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE
    ), canonical


@lru_cache(maxsize=1)
def _channel_gate() -> re.Pattern[str] | None:
    """The first words of all channel names, lower-cased, as whole words: every channel the
    channel pattern finds in a text begins with one of them in the lower-cased text. None
    when some first word holds a letter re folds otherwise than by lower-casing it (see
    folds_plainly): Cyrillic names ("телеграм") fold plainly."""
    _, canonical = _channel_regex()
    heads = [_WORD.match(name) for name in canonical]
    first = {m.group() for m in heads if m is not None}
    if None in heads or not all(folds_plainly(w) for w in first):
        return None
    return re.compile(r"(?<!\w)(?:" + _literal_trie(sorted(first)) + r")(?!\w)")


def _literal_trie(strings: Sequence[str]) -> str:
    """An alternation of literal strings shaped as a prefix tree, longer matches tried first."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for string in strings:
        node = tree
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        alternatives = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if "" in node else body

    return render(tree)


# ---------------------------------------------------------------------------------------------
# Text structure

_QUOTE_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "‹": "›"}
# A quotation mark, or an apostrophe: two of them ('') open a quotation, one is skipped. One
# character class lets the engine scan for it fast, which an alternation with '' did not.
_QUOTE_CHAR = re.compile(r"[«“„\"‹']")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quotation: offsets of the opening and closing marks."""

    open: int
    close: int


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans


def split_sentences(text: str, language: str | None) -> list[tuple[int, int]]:
    """Sentence spans of text; the one place this module depends on a sentence splitter."""
    spans: list[tuple[int, int]] = []
    for p0, p1 in _paragraphs(text):
        for b in get_sentence_boundaries(language or "en", text[p0:p1]):
            s, e = p0 + int(b["start_index"]), p0 + int(b["end_index"])
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                spans.append((s, e))
    return spans


def find_quotes(text: str, title_end: int = 0) -> list[QuoteSpan]:
    """Quotations in the text; a quote may span sentences and paragraphs but not title and body."""
    if title_end:
        return _find_quotes(text, 0, title_end) + _find_quotes(
            text, title_end, len(text)
        )
    return _find_quotes(text, 0, len(text))


def _find_quotes(text: str, i: int, n: int) -> list[QuoteSpan]:
    quotes: list[QuoteSpan] = []
    while i < n:
        nxt = _QUOTE_CHAR.search(text, i, n)
        if nxt is None:
            break
        i = nxt.start()
        ch = text[i]
        if text.startswith("''", i):
            j = text.find("''", i + 2, min(n, i + 2500))
            if j > i + 2 and "\n\n" not in text[i:j]:
                quotes.append(QuoteSpan(i + 1, j))
                i = j + 2
                continue
        closer = _QUOTE_PAIRS.get(ch)
        if closer is None:
            i += 1
            continue
        j = text.find(closer, i + 1, min(n, i + 2500))
        if ch == '"' and j >= 0 and ("\n\n" in text[i:j] or _opens(text, j)):
            # '"Questa mattina … civili: lo ha riferito X. … volte. "Lo Stato …': the next mark
            # opens a quote of its own, so this one was never closed
            j = -1
        if ch == "“" and (j < 0 or "“" in text[i + 1 : j]):
            alt = text.find("“", i + 1, min(n, i + 2500))
            j = alt if j < 0 else j
        if j < 0:
            end = _unclosed_quote_end(text, i, n)
            if end is None:
                i += 1
                continue
            j = end
        if ch == '"' and j < n and text[j] == '"':
            j = _past_nested_quote(text, i, j, n)
        if j - i > 3:
            quotes.append(QuoteSpan(i, j))
        i = j + 1
    return quotes


# '"… take into the" boiler "the units … in it," the ministry said': a word quoted inside a
# straight quotation closes it early; the quotation goes on after the quoted word.
_NESTED_WORD = re.compile(r'[ \t]+[^\s"]+(?:[ \t]+[^\s"]+){0,2}[ \t]+"(?=\w)')


def _past_nested_quote(text: str, start: int, close: int, limit: int) -> int:
    """The real end of a long straight quotation closed with no punctuation right before a
    quoted word or two; close itself when the mark ends the quotation."""
    if text[close - 1] in ",.!?…" or len(text[start:close].split()) < 6:
        return close
    nested = _NESTED_WORD.match(text, close + 1, limit)
    if nested is None:
        return close
    end = text.find('"', nested.end(), min(limit, nested.end() + 2500))
    if end < 0 or text[end - 1] not in ",.!?…" or "\n\n" in text[close:end]:
        return close
    return end


_DASH_CUE = re.compile(
    r",?\s+[–—-]\s+(?=\w)|\s*:\s+(?=(?:lo|l['’]|la|le|li)\s?(?:ha|hanno|aveva|scrive|riferisce|"
    r"afferma|dice|annuncia|conferma|riporta)\b)"
)


def _opens(text: str, j: int) -> bool:
    """A straight quote mark after a space and before a word opens a quotation."""
    return 0 < j < len(text) - 1 and text[j - 1].isspace() and text[j + 1].isalnum()


def _unclosed_quote_end(text: str, start: int, limit: int) -> int | None:
    """An opening mark never closed: the quote ends before a ', – ha commentato' style attribution."""
    para_end = text.find("\n", start, limit)
    para_end = limit if para_end < 0 else para_end
    m = _DASH_CUE.search(text, start, para_end)
    return m.start() if m else None


def strip_span(
    text: str, s: int, e: int, chars: str = " \t\n,;:–—-"
) -> tuple[int, int]:
    while s < e and text[s] in chars:
        s += 1
    while e > s and text[e - 1] in chars:
        e -= 1
    return s, e


# ---------------------------------------------------------------------------------------------
# Classification


def classify(content: str, cue: str = "") -> ClaimType:
    """Claim type from the reporting cue when it names one ("has denied"), else from the words
    of the content, in the lexicon's precedence order; a cue of belief ("ritiene", "believes")
    frames the content as an assessment like a framing word inside it."""
    lex = type_lexicon()
    if cue:
        typed = lex.cue_types.search(cue)
        if typed is not None:
            return lex.cue_type_names[(typed.lastindex or 1) - 1]  # type: ignore[return-value]
    content = lex.idioms.sub(" ", content)
    plain = _plain_type_starts(lex, content)
    starts = _type_starts(lex, content) if plain is None else plain[0]
    # A denial negates an attack word: without one (of the stems the plain pass found) the
    # search for it is spared.
    if (plain is None or plain[1]) and lex.negated_attack.search(content) is not None:
        return "denial"  # "le truppe non hanno catturato Soledar", "did not strike the city"
    # The best type starting at each offset where some type matches; the best of those wins,
    # unless a framing type came first ("è preoccupato che possa fornire armi": an assessment).
    arms = lex.names.index("arms_transfer")
    supply = len(lex.names)  # the group of generic verbs of giving
    best = supply
    first: dict[int, int] = {}
    armed: bool | None = None
    for start, kind in starts:
        if kind == supply:
            if start > 0 and content[start - 1] == "-":
                continue  # "US-delivered missiles": the weapon's origin, not a transfer
            if armed is None:
                armed = lex.weapons.search(content) is not None
            if not armed:
                continue  # "ha fornito testimonianze": giving, but no weapon
            kind = arms
        first.setdefault(kind, start)
        best = min(best, kind)
        if best == 0:
            break
    for frame, (stems, over) in lex.frames.items():
        if cue and (best in over or best == supply) and stems.search(cue) is not None:
            best = frame  # "ritiene che le forze russe abbiano conquistato …": a belief, told as one
        elif best in over:
            framing = stems.search(content)
            if framing is not None and framing.start() < first[best]:
                best = frame
    casualty = lex.names.index("casualty_report")
    if (  # an assessment stays one
        best in (lex.names.index("attack_report"), supply)
        and _CYRILLIC.search(content) is not None
        and lex.personnel_losses.search(content) is not None
    ):
        # "знищили 1 230 окупантів", "уничтожили до 45 военнослужащих": losses, not a strike.
        best = casualty
    return lex.names[best] if best < len(lex.names) else "other"  # type: ignore[return-value]


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def _type_starts(lex: TypeLexicon, content: str) -> Iterator[tuple[int, int]]:
    """(offset, best type group matching there) for each offset where a type's stem starts a
    word of the content, in text order: what successive searches of `lex.types` find."""
    pos = 0
    while (m := lex.types.search(content, pos)) is not None:
        yield m.start(), (m.lastindex or 1) - 1
        pos = m.start() + 1


def _plain_type_starts(lex: TypeLexicon, content: str) -> tuple[list[tuple[int, int]], bool] | None:
    """_type_starts from one automaton pass over the lower-cased content, and whether some
    stem of an attack starts a word; None unless the content's lower case may stand for it.

    Case-insensitive matching costs several times a plain one, and a regex is tried at every
    offset: the automaton finds every stem in one pass.
    """
    if lex.ascii_stems is None or not _caseless_beyond_ascii(content):
        return None
    low = content.lower()
    best: dict[int, int] = {}
    kinds = lex.stem_kinds
    attack = lex.names.index("attack_report")
    attacked = False
    for stem, start, end in lex.ascii_stems.find_matches_as_indexes(low, overlapping=True):
        kind, whole = kinds[stem]
        if (start == 0 or not is_word_char(low[start - 1])) and (
            not whole or end == len(low) or not is_word_char(low[end])
        ):
            attacked = attacked or kind == attack
            if kind < best.get(start, kind + 1):
                best[start] = kind
    return sorted(best.items()), attacked


def _names_a_unit(units: AhoCorasick, low: str) -> bool:
    """Whether one of the unit nouns is a whole word of the lower-cased text `low`."""
    return any(
        is_whole_word(low, start, end)
        for _, start, end in units.find_matches_as_indexes(low, overlapping=True)
    )


def is_word_char(ch: str) -> bool:
    """Whether re's \\w matches the character."""
    return ch.isalnum() or ch == "_"


def is_whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as a whole word: no word character (\\w) touches it
    on either side, as (?<!\\w)...(?!\\w) requires."""
    return (start == 0 or not is_word_char(text[start - 1])) and (
        end == len(text) or not is_word_char(text[end])
    )


_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def _caseless_beyond_ascii(text: str) -> bool:
    """Whether every character of the text outside ASCII has no case ("’", "—", "…"): its lower
    case then matches lower-cased ASCII words exactly where the text matches them ignoring case."""
    if text.isascii():
        return True
    rest = _ASCII_RUNS.sub("", text)
    return rest.lower() == rest == rest.upper()


_NUMBER_WORD_LANGUAGES = frozenset({"it", "en", "fr", "es", "de", "pt", "ru"})
# Languages whose "X із Y" keeps its total Y as a quantity of its own (uk/ru air-defence tallies)
_TOTAL_LANGUAGES = frozenset({"uk", "ru"})
_OF_CONTEXT = re.compile(
    r"\b(?:dal|dall['’]|since|from|depuis|desde)\s+(?:the\s+)?(\d{1,2}\s+\w+(?:\s+\d{4})?|\w+\s+\d{1,2}(?:,\s*\d{4})?)",
    re.IGNORECASE,
)
_LOSSES = re.compile(
    r"\b(?:perdite|losses|pertes|pérdidas|втрати|потери)\b", re.IGNORECASE
)


def _number(raw: str, scale: str | None) -> int | float:
    digits = re.sub(r"\s", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        value: float = float(re.sub(r"[.,]", "", digits))
    else:
        value = float(digits.replace(",", "."))
    value *= type_lexicon().scales.get((scale or "").lower(), 1)
    return int(value) if value.is_integer() else value


# Forms of casualties.json's number words that are far more often another word: "семью"
# (a family, accusative) before "из трех человек" would count seven people.
_NOT_NUMBERS = frozenset({"семью", "сорока"})
_APOSTROPHES = "'’ʼ"


@lru_cache(maxsize=8)
def _spelled_numbers(language: str | None) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """For a language text2num cannot read (uk, ru): one pattern for a run of number words, in
    any case form ("двоє", "п'ятьох", "двадцять п'ять"), and each word's value, from the number
    words casualties.json spells per language. None for other languages."""
    if language is None:
        return None
    section = load_lexicon("casualties")["languages"].get(language, {})
    words: dict[str, int] = {}
    for value, forms in section.get("number_words", {}).items():
        for form in forms:
            if form.lower() in _NOT_NUMBERS:
                continue
            for mark in _APOSTROPHES:
                words[form.lower().replace("'", mark)] = int(value)
    if not words:
        return None
    one = "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
    return re.compile(rf"(?<!\w){one}(?:\s+{one})*(?!\w)", re.IGNORECASE), words


def _spelled_value(m: re.Match[str], words: Mapping[str, int]) -> str:
    """The digits of a run of number words: "сто двадцять п'ять" adds up to 125; a word that
    cannot add to the one before it ("два три") starts a new number."""
    numbers: list[int] = []
    place = 0  # the place value the next word must fall under to add up (0: none)
    for word in m.group(0).split():
        value = words[word.lower()]
        if numbers and value < place:
            numbers[-1] += value
        else:
            numbers.append(value)
        place = 100 if value == 100 else 10 if value >= 20 and value % 10 == 0 else 0
    return " ".join(map(str, numbers))


def extract_quantities(content: str, language: str | None) -> tuple[Quantity, ...]:
    """Numbers with units in the content ("120.160 soldati" → 120160 soldiers)."""
    lex = type_lexicon()
    if lex.ascii_units is not None and _caseless_beyond_ascii(content):
        named = _names_a_unit(lex.ascii_units, content.lower())
    else:
        named = lex.unit_word.search(content) is not None
    if not named:
        return ()
    text = content
    spelled = _spelled_numbers(language)
    if spelled is not None:
        text = spelled[0].sub(lambda m: _spelled_value(m, spelled[1]), content)
    elif language in _NUMBER_WORD_LANGUAGES:
        try:
            text = alpha2digit(content, language, threshold=2)
        except ValueError:
            text = content
    of: str | None = None
    if _LOSSES.search(text):
        since = _OF_CONTEXT.search(text)
        of = "losses" + (f" since {since.group(1)}" if since else "")
    found: list[Quantity] = []
    risen: set[int] = set()
    if " до " in text:
        for r in lex.rise.finditer(text):
            # "кількість поранених зросла до 12": the count of the unit named before the verb.
            found.append(Quantity(_number(r.group("n"), None), lex.units[r.group("unit").lower()], of))
            risen.add(r.start("n"))
    for m in lex.unit_regex.finditer(text):
        if re.fullmatch(r"(?:19|20)\d{2}", m.group(1)) or m.start(1) in risen:
            continue
        unit = lex.units[m.group("unit").lower()]
        found.append(Quantity(_number(m.group(1), m.group(2)), unit, of))
        if m.group("total") and language in _TOTAL_LANGUAGES:
            # "знешкодили 45 із 60 дронів": the total the count is out of (60 launched)
            found.append(Quantity(_number(m.group("total"), None), unit, "total"))
    return tuple(found)


def outlet_at(text: str, start: int) -> str | None:
    """The canonical name of the news outlet whose name begins at text[start] ("Українська
    правда", "РИА Новости"), else None (a platform, or no channel)."""
    regex, canonical = _channel_regex()
    m = regex.match(text, start)
    name = None if m is None else canonical.get(m.group(0).lower())
    return name if name in load_lexicon("channels")["outlets"] else None


def find_channels(text: str) -> tuple[str, ...]:
    """Canonical channel names mentioned in a stretch of text, in order, without repeats."""
    gate = _channel_gate()
    if (
        gate is not None
        and folds_plainly(text)
        and gate.search(text.lower()) is None
    ):
        return ()  # most attributions name no channel: one plain search rules them out
    regex, canonical = _channel_regex()
    seen: list[str] = []
    for m in regex.finditer(text):
        if len(m.group(0)) <= 3 and not m.group(0)[0].isupper():
            continue
        name = canonical.get(m.group(0).lower())
        if name and name not in seen:
            seen.append(name)
    return tuple(seen)
