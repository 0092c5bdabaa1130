"""Text of claims: reporting-cue lexicons, sentences, quotations, claim types, quantities, channels."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from string import ascii_letters

from sentencex import get_sentence_boundaries
from text_to_num import alpha2digit

from schemas.models import ClaimType

_LEXICON_DIR = Path(__file__).parent / "data" / "lexicons"



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
    # first word holds a sigma, whose lower case depends on the letters around it.
    openers: re.Pattern[str] | None
    # sources, verbs and gerunds as one pattern, tried in that order (groups 1, 2, 3): one match
    # call per cue opener instead of up to three (see cue_matches_at).
    any_cue: re.Pattern[str]
    # The cue openers as whole words of the text itself, ignoring case as the cue patterns do;
    # None unless every verb and gerund cue starts with a plain word (see cue_finditer).
    verb_openers: re.Pattern[str] | None


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


def _word_regex(phrases: Sequence[str]) -> re.Pattern[str]:
    return re.compile(
        # A cue ending in an elided article ("dall’") runs straight into the next word.
        r"(?<![\w'’])(?:" + _alternation(phrases) + r")(?:(?<=['’])|(?![\w]))",
        re.IGNORECASE,
    )


@lru_cache(maxsize=16)
def cue_patterns(language: str | None) -> CuePatterns:
    """Reporting cues for a language (all languages when it is unknown), English always added."""
    data = json.loads((_LEXICON_DIR / "claim_cues.json").read_text(encoding="utf-8"))
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
    sigma = any(ch in "σς" for w in first_words for ch in w)
    verbs, sources, gerunds = (_word_regex(gather(key)) for key in ("verbs", "sources", "gerunds"))
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
        openers=None if sigma or not whole else re.compile(r"(?<!\w)(?:" + _literal_trie(whole) + r")(?!\w)"),
        # An alternation tries its branches in order and keeps the first that matches: the
        # same match as trying the three patterns one after the other.
        any_cue=re.compile(
            "|".join(f"({p.pattern})" for p in (sources, verbs, gerunds)), re.IGNORECASE
        ),
        verb_openers=(
            re.compile(r"(?<!\w)(?:" + _literal_trie(whole) + r")(?!\w)", re.IGNORECASE)
            if plain_starts and whole
            else None
        ),
    )


@dataclass(frozen=True, slots=True)
class CueWords:
    """Closed word classes from claim_cues.json that the attribution rules need."""

    complementizers: tuple[str, ...]
    anaphoric_objects: tuple[str, ...]
    possessive_sources: frozenset[str]
    #: last words of cues that report a claim only before a that-clause or a quotation
    needs_clause: frozenset[str]


@lru_cache(maxsize=1)
def cue_words() -> CueWords:
    """Complementizers, anaphoric objects and possessive source phrases, loaded once."""
    data = json.loads((_LEXICON_DIR / "claim_cues.json").read_text(encoding="utf-8"))
    return CueWords(
        complementizers=tuple(data["complementizers"]),
        anaphoric_objects=tuple(data["anaphoric_objects"]),
        possessive_sources=frozenset(p.lower() for p in data["possessive_sources"]),
        needs_clause=frozenset(w.lower() for w in data["needs_clause"]),
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
    any_cue: re.Pattern[str], text: str, starts: Sequence[int], e: int
) -> list[tuple[int, re.Match[str]]]:
    """cue_matches over (sources, verbs, gerunds) for the cue openers already found at
    `starts` (ascending offsets, all before e), with the combined pattern CuePatterns.any_cue."""
    found: list[tuple[int, re.Match[str]]] = []
    floor = 0
    for start in starts:
        if start < floor or (start > 0 and text[start - 1] in "'’"):
            continue
        m = any_cue.match(text, start, e)
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


def opener_starts(text: str, lowered: tuple[str, re.Pattern[str] | None] | None) -> list[int] | None:
    """Offsets of every cue opener in the whole text, found once in its lower-cased form; None
    when `lowered` cannot be used (see cue_matches)."""
    if lowered is None or lowered[1] is None or len(lowered[0]) != len(text):
        return None
    return [m.start() for m in lowered[1].finditer(lowered[0])]


def openers_within(text: str, starts: list[int], s: int, e: int) -> list[int] | None:
    """The openers of text[s:e] out of opener_starts' list: those a search of text[s:e] alone
    finds, unless a word runs across s or e (None: the span needs its own scan)."""
    if (s > 0 and _WORD.match(text, s - 1)) or (0 < e < len(text) and _WORD.match(text, e - 1) and _WORD.match(text, e)):
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
    finds the best type starting at each offset; `ascii_types` is the same over lower-cased
    stems, for lower-cased ASCII text (None when some stem could match ASCII text only
    through Unicode case folding).
    """

    names: tuple[str, ...]
    types: re.Pattern[str]
    ascii_types: re.Pattern[str] | None
    units: dict[str, str]
    unit_regex: re.Pattern[str]
    # Any unit noun as a whole word: without one the content states no quantity, and neither
    # the number-word conversion nor the unit search is needed. `ascii_unit_word` is for
    # lower-cased ASCII text, like `ascii_types`.
    unit_word: re.Pattern[str]
    ascii_unit_word: re.Pattern[str] | None
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
    data = json.loads((_LEXICON_DIR / "claim_types.json").read_text(encoding="utf-8"))
    names = tuple(data["order"])

    def types(stems: dict[str, list[str]], flags: int) -> re.Pattern[str]:
        # The generic supply verbs form a last group, read as arms_transfer beside a weapon word.
        alternatives = [*(stems[name] for name in names), stems["supply_verbs"]]
        groups = (f"(?P<t{i}>{_trie_alternation(alt)})" for i, alt in enumerate(alternatives))
        return re.compile(r"(?<!\w)(?:" + "|".join(groups) + ")", flags)

    def stems_regex(words: Sequence[str]) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)" + _trie_alternation([w.lower() for w in words]), re.IGNORECASE)

    stems: dict[str, list[str]] = {**data["stems"], "supply_verbs": data["supply_verbs"]}
    lowered = {name: [stem.lower() for stem in words] for name, words in stems.items()}
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
    number = r"(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)(?:\s+(mila|migliaia|milioni|million|thousand))?"
    unit_alt = "|".join(re.escape(w) for w in sorted(units, key=len, reverse=True))
    unit_regex = re.compile(
        number + r"\s+(?:\w+\s+){0,2}?(" + unit_alt + r")(?!\w)", re.IGNORECASE
    )
    return TypeLexicon(
        names,
        types(stems, re.IGNORECASE),
        None if _folds_onto_ascii(w for words in stems.values() for w in words) else types(lowered, 0),
        units,
        unit_regex,
        re.compile(r"(?<!\w)(?:" + _literal_trie(list(units)) + r")(?!\w)", re.IGNORECASE),
        None if _folds_onto_ascii(units) else re.compile(r"(?<!\w)(?:" + _literal_trie(list(units)) + r")(?!\w)"),
        {
            names.index(frame): (stems_regex(spec["stems"]), frozenset(names.index(t) for t in spec["over"]))
            for frame, spec in data.get("frames", {}).items()
        },
        stems_regex(data["weapon_words"]),
        negated_attack,
        cue_types,
        cue_type_names,
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
    data = json.loads((_LEXICON_DIR / "channels.json").read_text(encoding="utf-8"))
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
_QUOTE_CHAR = re.compile(r"[«“„\"‹]|''")
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
    if lex.negated_attack.search(content) is not None:
        return "denial"  # "le truppe non hanno catturato Soledar", "did not strike the city"
    pattern = lex.types
    searched = content
    if lex.ascii_types is not None and content.isascii():
        # Case-insensitive matching costs several times a plain one; ASCII lower-cases exactly.
        pattern, searched = lex.ascii_types, content.lower()
    # The best type starting at each offset where some type matches; the best of those wins,
    # unless a framing type came first ("è preoccupato che possa fornire armi": an assessment).
    arms = lex.names.index("arms_transfer")
    supply = len(lex.names)  # the group of generic verbs of giving
    best = supply
    first: dict[int, int] = {}
    armed: bool | None = None
    pos = 0
    while best > 0:
        m = pattern.search(searched, pos)
        if m is None:
            break
        kind = (m.lastindex or 1) - 1
        pos = m.start() + 1
        if kind == supply:
            if m.start() > 0 and searched[m.start() - 1] == "-":
                continue  # "US-delivered missiles": the weapon's origin, not a transfer
            if armed is None:
                armed = lex.weapons.search(content) is not None
            if not armed:
                continue  # "ha fornito testimonianze": giving, but no weapon
            kind = arms
        first.setdefault(kind, m.start())
        best = min(best, kind)
    for frame, (stems, over) in lex.frames.items():
        if cue and (best in over or best == supply) and stems.search(cue) is not None:
            best = frame  # "ritiene che le forze russe abbiano conquistato …": a belief, told as one
        elif best in over:
            framing = stems.search(content)
            if framing is not None and framing.start() < first[best]:
                best = frame
    return lex.names[best] if best < len(lex.names) else "other"  # type: ignore[return-value]


_NUMBER_WORD_LANGUAGES = frozenset({"it", "en", "fr", "es", "de", "pt", "ru"})
_OF_CONTEXT = re.compile(
    r"\b(?:dal|dall['’]|since|from|depuis|desde)\s+(?:the\s+)?(\d{1,2}\s+\w+(?:\s+\d{4})?|\w+\s+\d{1,2}(?:,\s*\d{4})?)",
    re.IGNORECASE,
)
_LOSSES = re.compile(
    r"\b(?:perdite|losses|pertes|pérdidas|втрати|потери)\b", re.IGNORECASE
)


def _number(raw: str, scale: str | None) -> int | float:
    digits = raw.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", digits):
        value: float = float(re.sub(r"[.,]", "", digits))
    else:
        value = float(digits.replace(",", "."))
    factor = {
        "mila": 1000,
        "thousand": 1000,
        "migliaia": 1000,
        "milioni": 1_000_000,
        "million": 1_000_000,
    }
    value *= factor.get((scale or "").lower(), 1)
    return int(value) if value.is_integer() else value


def extract_quantities(content: str, language: str | None) -> tuple[Quantity, ...]:
    """Numbers with units in the content ("120.160 soldati" → 120160 soldiers)."""
    lex = type_lexicon()
    if lex.ascii_unit_word is not None and content.isascii():
        named = lex.ascii_unit_word.search(content.lower())
    else:
        named = lex.unit_word.search(content)
    if named is None:
        return ()
    text = content
    if language in _NUMBER_WORD_LANGUAGES:
        try:
            text = alpha2digit(content, language, threshold=2)
        except ValueError:
            text = content
    of: str | None = None
    if _LOSSES.search(text):
        since = _OF_CONTEXT.search(text)
        of = "losses" + (f" since {since.group(1)}" if since else "")
    found: list[Quantity] = []
    for m in lex.unit_regex.finditer(text):
        if re.fullmatch(r"(?:19|20)\d{2}", m.group(1)):
            continue
        unit = lex.units[m.group(3).lower()]
        found.append(Quantity(_number(m.group(1), m.group(2)), unit, of))
    return tuple(found)


def find_channels(text: str) -> tuple[str, ...]:
    """Canonical channel names mentioned in a stretch of text, in order, without repeats."""
    regex, canonical = _channel_regex()
    seen: list[str] = []
    for m in regex.finditer(text):
        if len(m.group(0)) <= 3 and not m.group(0)[0].isupper():
            continue
        name = canonical.get(m.group(0).lower())
        if name and name not in seen:
            seen.append(name)
    return tuple(seen)
