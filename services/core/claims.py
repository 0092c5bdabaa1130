"""Attributed claims: who said what (direct, indirect or mixed speech), its type and quantities."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from schemas.models import ClaimType
from services.core.claim_text import (
    Quantity,
    QuoteSpan,
    classify,
    cue_finditer,
    cue_finditer_at,
    cue_matches,
    cue_matches_at,
    cue_patterns,
    cue_words,
    extract_quantities,
    find_channels,
    find_quotes,
    folds_plainly,
    is_word_char,
    opener_starts,
    openers_within,
    outlet_at,
    split_sentences,
    strip_span,
    word_alternation,
)
from services.core.lexicon import LiteralFilter, load_lexicon
from services.core.organisations import canonical_organisation, nominative_organisation
from services.core.speakers import (
    Speaker,
    SpeakerRegistry,
    bare_settlement,
    honorifics,
    is_outlet,
    is_pronoun,
    names_an_office,
    nominative_name,
    nominative_role,
    office_holders,
    office_key,
    parse_speaker,
    scan_backward,
    scan_backward_settled,
    scan_forward,
    speaker_lexicon,
    tokenize,
    vet_speaker,
)

__all__ = ["ClaimDraft", "Quantity", "Speaker", "extract_claims"]

QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """One attributed claim read from one article, before deduplication."""

    speaker: Speaker
    cue: str
    content: str
    content_start: int
    content_end: int
    quote: QuoteKind
    claim_type: ClaimType
    quantities: tuple[Quantity, ...]
    via: tuple[str, ...]
    confidence: float
    # The span the content was read from, when the content leaves words of it out (the
    # attribution between the quoted parts of one claim); None when the content is the span.
    span_text: str | None = None


# Prepositions that put a place name after them ("in", "a", "near"): the town is where, not who.
_LOCATIVES = frozenset(
    {"in", "at", "near", "outside", "di", "da", "nel", "nella", "vicino", "à", "en", "près", "cerca"}
)
_LOCATIVES_IT = _LOCATIVES | {"a", "ad"}
_DATELINE = re.compile(
    r"\s*(?:\([A-Za-z][\w .]{1,20}\)\s*[-–—]\s*)?(?:[A-ZÀ-Ü][A-ZÀ-Ü' ]{2,},?\s*(?:[\w() ]{0,30}?)?\s*"
    r"(?:\d{1,2}\s+\w{3,9}\.?)?\s*(?:\([\w ]+\))?\s*[-–—]\s*)|\s*\([A-Za-z][\w .]{1,20}\)\s*[-–—]\s*"
)
_SKIP_NOUNS = (
    r"(?:statement|post|video|videomessaggio|messaggio|message|address|interview|intervista|conferenza stampa|"
    r"press conference|briefing|Telegram|Facebook|X|Twitter|channel|canale|nota|comunicato|reporters|"
    r"journalists|giornalisti|ore|hours|mattina|morning|evening|sera|pagina|page|app|account|televisione|tv|"
    r"television|radio|social media|social|media|memo|letter|lettera|report|rapporto|speech|discorso|"
    r"tweet|email|e-mail|op-ed|editorial|editoriale|article|articolo|book|libro|documento|document)"
)
_COMPLEMENTIZER = word_alternation(cue_words().complementizers)
# Italian "da" and "di" with the article folded in ("dalla", "dell'"): who a statement is by or
# of. One fragment serves every pattern below that names an agent or an owner.
_IT_FROM = r"da|dal|dalla|dallo|dall['’]|dai|dagli|dalle"
_IT_OF = r"di|del|della|dello|dell['’]|dei|degli|delle"
_AGENT = re.compile(
    r"\s+(?:by|of|from|" + _IT_FROM + "|" + _IT_OF + r")(?:\s+|(?<=['’]))",
    re.IGNORECASE,
)
_SKIP_ONE = (
    r"(?:"
    + _COMPLEMENTIZER
    + r"|di|on\s+\w+day|\w+day|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica|today|"
    r"yesterday|oggi|ieri|also|inoltre|anche|poi|earlier|later|again|кроме того|крім того|также|також|"
    r"(?:nelle|nella|nel|in|on|via|su|sul|sulla|at|during|to|a)\s+(?:\w+(?:\s+|['’])){0,3}?"
    + _SKIP_NOUNS
    + r"|"
    r"quanto\s+\w+\s+(?=da\b|dal|dalla|dalle|dai|dagli|dall)|"
    r"(?:al|alla|ai|agli|to)\s+(?:[A-Z][\w.]*\s+){1,3}(?=[a-z])|"
    r"[-–—]\s+come\s+[^-–—]{3,60}[-–—])"
)
_LEADING_SKIP = re.compile(r"(?:\s*[,:;–—-]?\s*" + _SKIP_ONE + r"\b)+", re.IGNORECASE)
_SOURCE_WORDS = (
    r"(?:come riport\w*|come rifer\w*|come scrive|citat[oaie]|riporta|according to|as reported|"
    r"secondo quanto|stando a|reports?|ha riferito|ha reso noto|ha detto|said|"
    r"сообщает|передает|передаёт|пишет|повідомляє|передає|пише)\b"
)
_TRAILING_SOURCE = re.compile(r"[,;]?\s*[-–—(]?\s*" + _SOURCE_WORDS + r".*$", re.IGNORECASE | re.DOTALL)
_SOURCE_WORD = re.compile(r"(?<!\w)" + _SOURCE_WORDS, re.IGNORECASE)
# The same words, written in lower case, for lower-cased text (see folds_plainly).
_SOURCE_WORD_LOWER = re.compile(r"(?<!\w)" + _SOURCE_WORDS)
# "told reporters that", "ha detto ai giornalisti che": the addressee is not part of the content.
_OBJECT_THEN_THAT = re.compile(
    r"(?:\S+\s+){0,5}?(?:" + _COMPLEMENTIZER + r")\s+", re.IGNORECASE
)
# "said in his nightly video address that", "ha detto nel suo videomessaggio serale che": a
# prepositional phrase (where, when, through what) between the cue and its "that" is an adverbial
# of the cue; what was said follows "that".
_ADVERBIAL_THEN_THAT = re.compile(
    r"(?:in|on|at|during|via|through|over|after|before|nel|nella|nello|nei|nelle|nell['’]|su|sul|"
    r"sulla|sui|sulle|durante|dopo|prima|con|with|a|al|alla|ai)\b[^\S\n]*"
    r"(?:[^\s,.;:!?«»“”\"()]+\s+){0,7}?(?:" + _COMPLEMENTIZER + r")\s+",
    re.IGNORECASE,
)
# "told reporters Moscow was ready", "told Reuters the strike ...": "tell" takes its addressee
# with no preposition, and the reported clause may follow with no "that". The addressee is an
# object pronoun, an audience noun, or an outlet (channels.json); with "that" after it,
# content_span skips it already.
_TOLD = re.compile(r"\b(?:told|tells|tell|telling)$", re.IGNORECASE)
_TOLD_ADDRESSEE = re.compile(
    r"(?:him|her|them|me|us|you|reporters|journalists|correspondents|lawmakers|legislators|senators|"
    r"supporters|(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:press|media|committee|parliament|council|"
    r"audience|crowd|newspaper|agency|broadcaster|channel|network|station|daily|radio|television|"
    r"reporters|journalists)|"
    + word_alternation(tuple(speaker_lexicon().outlets))
    + r")\s+(?!(?:that|about|of|to|on|in)\b)(?=\w)",
    re.IGNORECASE,
)
# How a source asks not to be named: "who asked not to be named", "speaking on condition of
# anonymity", "che ha chiesto l'anonimato", "che ha chiesto di restare anonimo". It says who the
# source is, never what was claimed. _UNNAMED is what is asked for, _ANONYMITY the whole request.
_UNNAMED = (
    r"not to be (?:named|identified)|on (?:the )?condition of anonymity|anonymity|l['’]anonimato|"
    r"di (?:restare|rimanere) anonim[oaie]|di non essere (?:nominat|identificat)[oaie]"
)
_ANONYMITY = (
    r"(?:(?:who|che)\s+)?(?:asked|requested|spoke|speaking|declined to be|ha chiesto|hanno chiesto|"
    r"chiedendo|ha parlato|hanno parlato|parlando)\s+(?:" + _UNNAMED + r"|"
    r"in condizione di anonimato|(?:in|sotto) anonimato)"
)
_ANONYMITY_ONLY = re.compile(
    r"\s*(?:" + _UNNAMED + r"|(?:restare|rimanere) anonim[oaie])[.!]?\s*", re.IGNORECASE
)
# "..., ha detto un funzionario in condizione di anonimato.", "..., a senior official said on
# condition of anonymity.": a prepositional phrase closing the sentence after an inverted or
# final cue says how or where it was said; the clause before the cue is the content.
_CLOSING_ADVERBIAL = re.compile(
    r"\s*(?:(?:in|on|at|via|under|during|nel|nella|su|sul|sulla|durante|sotto)\s+"
    r"[^,;:.!?«»“”\"()]{2,50}|,?\s*" + _ANONYMITY + r")[.!?]?\s*",
    re.IGNORECASE,
)
# "le parole del ministro X secondo cui ...": the NP before "secondo cui" (according to whom)
# speaks, and what it holds runs to the next clause: a comma, or "e" going on with the outer phrase
# ("... secondo cui X e della richiesta di Y").
_WHOM_CUE = "secondo cui"
_ACCORDING_TO_WHOM = re.compile(r"[\s,]+secondo (?:cui|il quale|la quale|i quali|le quali)\s+", re.IGNORECASE)
_WHOM_CLAUSE_END = re.compile(
    r"\s*[,;]|\s+e\s+(?:" + _IT_OF + r"|a|al|alla|ai|agli|alle|all['’]|per|con)(?:\s|(?<=['’]))",
    re.IGNORECASE,
)
_ANAPHORIC_PASSIVE = re.compile(
    r"(?:(?:this|it|ciò|questo|questa)\s+)?(?:was|is|has been|had been|è stato|è stata|era stato|viene|veniva)",
    re.IGNORECASE,
)
# Every uk/ru cue: an outlet after "повідомляє", "передает" relays, and after "сообщил" it is
# the addressee ("сообщил ТАСС": told TASS).
_RELAY_CUE = re.compile(
    r"(?:come |citat|riport|rifer|report|cited|quoted|as reported|$|[\u0400-\u04ff])", re.IGNORECASE
)
# "Jason Healey, a senior research scholar at Columbia University, said": name, appositive, cue.
_APPOSITIVE_SUBJECT = re.compile(
    r"(?:^|(?<=[.;:\]]\s)|(?<=,\s)|(?<=\n))(?P<name>(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.\s+)?"
    r"[A-ZÀ-ÜА-ЯЁІЇЄҐ][\w'’.-]*(?:\s+[A-ZÀ-ÜА-ЯЁІЇЄҐ][\w'’.-]*){0,3}),\s+(?P<app>[^,;:\"“”«»]{2,130}?(?:,[^,;:\"“”«»]{2,50})?),\s*$"
)

# "Il comitato investigativo russo, che indaga sui crimini più gravi, ha dichiarato": a sentence's
# subject with a relative clause between it and the cue, whatever the case of its first word.
_RELATIVE_SUBJECT = re.compile(
    r"\s*(?P<name>[^\W\d][^,;:\"“”«»()]{2,70}?),\s+(?:che|il quale|la quale|i quali|le quali|who"
    r"|which|qui|quien|quienes)\s[^;:\"“”«»]{2,160}?,\s*",
    re.IGNORECASE,
)

_LAST_WORD = re.compile(r"(?:^|(?<=[\s,;:]))(\w+)\s*$")


def _final_word(stretch: str) -> str:
    """The word characters (\\w) that end a stretch but for spaces: "he" in "so, he "."""
    words = stretch.rsplit(None, 1)
    last = words[-1] if words else ""
    k = len(last)
    while k > 0 and is_word_char(last[k - 1]):
        k -= 1
    return last[k:]


def _blank(m: re.Match[str]) -> str:
    """Replace a span by spaces: hides it from a scan while keeping offsets."""
    return " " * len(m.group(0))


# ", on Telegram,", ", cited by Interfax,", ", speaking on condition of anonymity,", ", parlando
# in condizione di anonimato,": an aside between a speaker and the cue, hidden from the NP scan.
_CHANNEL_ASIDE = re.compile(
    r",\s*(?:(?:su|on|via|sul|in)\s+[\w ]{2,25}|(?:citat[oaie]|cited|quoted)\s+(?:da\w*|by)\s+[^,]{2,40}|"
    r"(?:speaking|talking|writing|parlando|scrivendo)\s+[^,]{2,60}|" + _ANONYMITY + r"[^,]{0,30}),\s*$"
)
# "A senior official who asked not to be named said": the request between subject and cue;
# "Secondo un funzionario che ha chiesto l'anonimato, ...": between source and content.
_ANONYMITY_BEFORE_CUE = re.compile(r"\s+" + _ANONYMITY + r"\s*,?\s*$", re.IGNORECASE)
_LEADING_ANONYMITY = re.compile(r"\s*,?\s*" + _ANONYMITY + r"\s*,", re.IGNORECASE)
_ANONYMITY_WORDS = ("anonym", "anonim", "named", "identified")


def _may_ask_anonymity(stretch: str) -> bool:
    """Whether _ANONYMITY_BEFORE_CUE can match in stretch: the cheap test before the scan."""
    return any(w in stretch for w in _ANONYMITY_WORDS)


_PAREN_ACRONYM = re.compile(r"\s*\([A-Z][\w.-]{1,10}\)")
# "secondo il governatore citato dall'agenzia Interfax": the agency relays, the governor speaks.
_RELAY = r"[\s,]+(?:citat[oaie]|ripres[oaie]|cited|quoted)\s+(?:by|" + _IT_FROM + r")\b"
_RELAYED_BY = re.compile(_RELAY, re.IGNORECASE)
_RELAY_ASIDE = re.compile(r"\s*" + _RELAY + r"[^,.;:]{1,60},", re.IGNORECASE)
# Trailing time and manner adverbs written out word for word: the words _trailing_adverb
# looks for at a stretch's end before it tries the pattern.
_PLAIN_ADVERBS = (
    "also", "earlier", "later", "previously", "today", "yesterday", "ieri", "oggi", "anche", "poi",
    "inoltre", "sabato", "domenica", "nelle scorse ore", "in a statement", "in una nota", "then",
    "now", "again", "too", "already", "still", "once", "recently",
)
_PERIODS = ("week", "month", "year", "weekend")
_TRAILING_ADVERB = re.compile(
    r"\s+(?:on\s+\w+day|\w+day|" + "|".join(_PLAIN_ADVERBS) + r"|già|"
    r"lunedì|martedì|mercoledì|giovedì|venerdì|(?:this|last|next)\s+(?:" + "|".join(_PERIODS) + r")|"
    r"(?-i:(?!(?:ally|family|daily|weekly|monthly|assembly|supply|rally|reply|only)\b)[a-z]{3,}ly)|"
    r"также|тоже|також)\s*$",
    re.IGNORECASE,
)
# The last word of each ASCII adverb but those the pattern reads by their ending ("...day",
# "...ly"): an ASCII stretch ending in no such word holds no trailing adverb.
_ADVERB_LAST_WORDS = frozenset(w.rsplit(None, 1)[-1] for w in _PLAIN_ADVERBS) | frozenset(_PERIODS)


def _trailing_adverb(text: str, pos: int, endpos: int) -> re.Match[str] | None:
    """_TRAILING_ADVERB.search(text, pos, endpos), ruling out first the many stretches whose
    last word ends no adverb (the pattern puts a space before an adverb's last word and
    nothing but spaces after it)."""
    words = text[pos:endpos].rsplit(None, 1)
    last = words[-1] if words else ""
    if last.isascii():
        # ASCII text is matched ignoring case exactly as its lower case.
        low = last.lower()
        if low not in _ADVERB_LAST_WORDS and not low.endswith(("day", "ly")):
            return None
    return _TRAILING_ADVERB.search(text, pos, endpos)


# "Il leader ceceno, Ramzan Kadyrov, ha esortato": an office, then the holder's name.
_ROLE_THEN_NAME = re.compile(
    r"\s*(?:(?:But|And|Ma|E|Però|Intanto|Meanwhile)\s+)?(?P<np>[^,;:«»“”\"]{2,80},\s+"
    r"[A-ZÀ-Ü][\w'’.-]*(?:\s+[A-ZÀ-Ü][\w'’.-]*){1,3}),\s*"
)
_SENTENCE_SUBJECT = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Ma|E|Però|Intanto|Meanwhile|Earlier|Later|Also|Anche|However|Tuttavia)"
    r"(?:\s*,)?\s+)?"
    r"(?P<np>[^\s,;:()«»“”\"]+(?:\s+[^\s,;:()«»“”\"]+){0,11}?)\s*(?:(?:has|have|had|also|ha|hanno)\s+)?"
)
_FULL_NAME = re.compile(r"\b[A-ZÀ-Ü][a-zà-ÿ]+(?:\s+[A-Z]\.)?\s+[A-ZÀ-Ü][a-zà-ÿ'’-]+\b")
_FINITE_VERB = re.compile(
    r"\b(?:was|were|is|are|been|be|did|does|do|è|sono|era|erano|stato|stata|stati|viene|vengono|no|not|non)\b",
    re.IGNORECASE,
)
_CLAUSE_WORD = re.compile(
    r"^(?:in|tra|nella|nel|con|per|dopo|after|before|during|об|в)\b|\b(?:ma|but|che|that|who|which|chi|cui|"
    r"where|dove|when|quando|if|se|и|і|та)\b",
    re.IGNORECASE,
)
_NUMBER_START = re.compile(
    r"(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|no|none|initial|videos?|photos?)\b",
    re.IGNORECASE,
)
_INTRODUCTORY = re.compile(
    r"\s*(?:\w+ing|in|on|at|after|before|during|nel|nella|dopo|durante|prima)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(
    r"\b(?:avrebbe|avrebbero|sarebbe|sarebbero|sarebbero stati|would have)\b",
    re.IGNORECASE,
)
_OBJECT_GOES_ON = re.compile(r"\s*(?:\.(?=\s+[a-z]))?\s*[^\s,.;:(–—-]+(?:\s+\S+){2}")
# What may precede a sentence's subject: a lead-in ending in a colon or dash, and a
# conjunction or time adverb ("Ma il portavoce ..., ha detto", "Yesterday the minister said").
_SUBJECT_LEAD = re.compile(
    r"(?:.*[:;–—])?\s*(?:\[[.…]+\]\s*)?(?:(?:ma|e|ed|and|but|yet|so|ieri|oggi|poi|intanto|inoltre|anche|però|"
    r"yesterday|today|meanwhile|also|later|earlier|however|et|mais|hier|y|pero|ayer)\s+)?",
    re.DOTALL | re.IGNORECASE,
)
# How the addressee between a cue and its "that" starts: "told reporters that", "ha detto ai
# giornalisti che", "a dit à la presse que".
_ADDRESSEE = re.compile(
    r"(?:a|ad|ai|al|alla|alle|agli|allo|all['’]\w*|to|à|au|aux|the|reporters|journalists|giornalisti|"
    r"him|her|them|me|us|gli|le|mi|ci|loro|poi|then|also|anche|в|у|во|на|під|под|журналистам|"
    r"журналістам|репортерам|репортёрам|изданию|виданню|агентству|телеканалу|каналу)$",
    re.IGNORECASE,
)
_THESE_WORDS = re.compile(
    r"\s*((?:" + word_alternation(cue_words().demonstratives) + r")\s+(?:"
    + word_alternation(tuple(speaker_lexicon().speech_nouns))
    + r"))\b",
    re.IGNORECASE,
)
# What a cue's subject did rather than said: a gerund after "by", "before", "after", "while".
_ADVERBIAL_GERUND = re.compile(
    r"(?:" + word_alternation(cue_words().deed_gerund_leads) + r")\s+\w+ing\b", re.IGNORECASE
)
_THAT_WORD = re.compile(r"(?<!\w)(?:" + _COMPLEMENTIZER + r")\s+", re.IGNORECASE)
_CHANNEL_THEN_OWNER = re.compile(
    r"\s+(?:(?:su|sul|sulla|on|via|in)\s+(?:\w+\s+){0,2}?(?:de|" + _IT_OF + r"|of|by)"
    r"|(?:pubblicat|diffus|fornit|comunicat)[oaie]\s+(?:" + _IT_FROM + r")"
    r"|(?:published|released|provided)\s+by)\b\s*",
    re.IGNORECASE,
)
_OBJECT_THEN_COLON = re.compile(r"(?:[^\s:«»“”\"]+\s+){0,4}?[^\s:«»“”\"]+:\s+(?=\w)")
_CYRILLIC_START = re.compile(r"[\u0400-\u04ff]")
_NAME_AFFILIATION = re.compile(
    r"(?:^|\n)\s*[A-ZÀ-Ü][\w.'’-]+(?:\s+[A-ZÀ-Ü][\w.'’-]*){1,3},\s+[^:\n,]{2,60}$"
)
_TRAILING_ASIDE = re.compile(
    r"(?:[”»\"]\s*,|,\s*(?=(?:although|though|even though|while|whereas|mentre|sebbene|benché|anche se)\b)|"
    r"\s+[—–]\s+(?=which|who|che|il quale|la quale)\b)",
    re.IGNORECASE,
)
# After "ha accusato Kiev", "urged Congress": the object's complement goes on.
_OBJECT_CONTINUES = re.compile(
    r"\s*(?:di|de|d['’]|of|to|a|ad|per|for|on|su|sul|sulla|about|in|into|with|con|that|che|que|à)\b",
    re.IGNORECASE,
)
# A conjunction ending a stretch: a coordinated subject follows, or a clause dangles.
_CONJUNCTION_END = re.compile(r"\s(?:e|ed|and|и|і|та|et|y)$", re.IGNORECASE)
_CONJUNCTION_REACH = 4  # the longest match of _CONJUNCTION_END: a space and "and"
_NP_REACH = 240
_NP_TAIL = 40
_CLOSED_NAME = re.compile(r"\s*[»”\"]\s*,")
_QUOTED_NAME = re.compile(r"\s*[«“\"](?P<name>[A-ZÀ-Ü][\w .'’-]{1,40}?)[»”\"]")
_CLAUSE_STOP = re.compile(r"[.!?;](?:\s|$)|[«“\"]")
# An honorific's period ("said Mr. Clyburn") or a middle initial's ("Janet L. Yellen said") ends
# no clause.
_ABBREVIATION_BEFORE = re.compile(
    r"(?<![\w.])(?:" + word_alternation(honorifics()) + r"|(?<=\w )[A-Z])\.$"
)
_HEADLINE_SOURCE = re.compile(
    r"^(?P<content>.{15,}?)\s+[-–—:]\s+(?P<np>[^\s,.:;-][^,.:;]{1,40}?)\s*$"
)
_SOURCE_LABELS = ("Source", "Fonte", "Джерело", "Источник")
_SOURCE_LINE = re.compile(
    r"(?m)^\s*(?:" + "|".join(_SOURCE_LABELS) + r")\s*:\s*(?P<np>[^\n]{3,120})$"
)
_AFTER_QUOTE_HEAD = re.compile(r"[\s,.!?…):]*(?:[–—-]\s*)?")
_IN_WORDS_OF = re.compile(
    r"(?:In|Nelle parole di)\s+(.{2,60}?)['’ʼ]s words$|(?:In|Nelle)\s+parole di\s+(.{2,60})$"
)
_FINAL_THAT = re.compile(r"\s+(?:che|that|que|що|что)$", re.IGNORECASE)
_LEFT_OPEN = re.compile(
    r"(?:[–—(-]|\b(?:che|that|e|and|ma|but|però|quanto|dove|where|sempre))[\s,]*$", re.IGNORECASE
)
# A (right-stripped) stretch that ends with a closing quote: the cue after it attributes the quote.
_CLOSING_QUOTE_END = re.compile(r"[»”\"][\s,.!?]*[–—-]?$")
# A closing quote and its short subject ending a stretch: the cue after it attributes the quote.
_QUOTE_THEN_SUBJECT = re.compile(r"[,!?][»”\"]\s+(?:[^\s«»“”\".!?;:]+\s+){0,5}[^\s«»“”\".!?;:]+,$")
_QUOTE_SUBJECT_REACH = 120
_CLAUSE_GOES_ON = re.compile(r"\s*[,.;:(–—-]|\s*(?:" + _COMPLEMENTIZER + r")\b")
_THAT_CLAUSE = re.compile(r"\s*,?\s*(?:" + _COMPLEMENTIZER + r")\b", re.IGNORECASE)
_COMMA_NEXT = re.compile(r"\s*,")
_COMMA_END = re.compile(r",\s*$")
_GERUND_THAT = re.compile(r"\s+(?:\w+\s+)?(?:" + _COMPLEMENTIZER + r")\b", re.IGNORECASE)
_ANAPHORIC = re.compile(
    r"(?:^|[\s:;,(–—-])(?:"
    + word_alternation(cue_words().anaphoric_objects)
    + r")\s*$",
    re.IGNORECASE,
)
# The longest match of _ANAPHORIC in a right-stripped stretch: one character, then the longest
# object word (an ignore-case match takes one character of text per character of the word).
_ANAPHORIC_REACH = 1 + max(len(w) for w in cue_words().anaphoric_objects)
# "Lo ha riferito - come riporta la Tass - il ministero": a relay between dashes sits between
# the cue and its inverted subject.
_DASH_ASIDE = re.compile(r"\s*[–—-]\s[^–—\-.]{1,80}?\s[–—-]\s*")
# A colon's last noun phrase after a preposition is a place or an object ("Assalto … del Donetsk:
# «…»"), never the one who speaks, unless the word before names words ("Parole di X:").
_PREPOSITION_END = re.compile(
    r"(\w+)\s+(?:(?:di|del|della|dello|dei|degli|delle|in|nel|nella|a|al|alla|per|su|sul|sulla"
    r"|of|in|at|for|on|to|near|de|du|des|en)\s+|(?:dell|d|nell|all|sull)['’])(?:the\s+)?$",
    re.IGNORECASE,
)
_QUOTE_NOUNS = frozenset(
    {*speaker_lexicon().speech_nouns, "quote", "quotes", "citazione", "parola", "messages", "messaggi"}
)


_NEEDS_CLAUSE = cue_words().needs_clause
_GENITIVE_SOURCES = cue_words().genitive_sources
# "заявили в Минобороны России", "повідомили у Генштабі ЗСУ": in uk/ru the body that speaks
# after a plural cue is named where it speaks, behind a locative preposition.
_LOCATIVE_BODY = re.compile(r"\s*(?:в|у|во)\s+(?=\w)", re.IGNORECASE)
_LOCATIVE_LANGUAGES = frozenset({"uk", "ru"})
_THAT_BEFORE = re.compile(r"(?<!\w)(?:що|что)\s*$", re.IGNORECASE)
# At most this many sentences of facts before a uk/ru "Про це повідомив" are its content.
_FACTS_REACH = 4
_TOPIC_PREPOSITIONS = frozenset({"о", "об", "обо", "про"})
_TERSE_TYPES: frozenset[ClaimType] = frozenset({"casualty_report", "attack_report"})
# What makes the object of such a cue a claim: a complementizer or a quotation mark, in the
# content or just before it ("hopes that", "declared, “…").
_CLAUSE_OR_QUOTE = re.compile(r"(?<!\w)(?:" + _COMPLEMENTIZER + r")(?!\w)|[«“\"”»]", re.IGNORECASE)
_CLAUSE_LOOKBACK = 12
# A quote attributed after it and resumed in the next sentence ('"…," said X. "…"') is one claim
# when its opening part is a lead-in: short, or far outweighed by what follows. A long opening
# part stands as a claim by itself, and the quote after it as another.
_HEAD_MAX = 20  # words
_CHAIN_RATIO = 2
_CHAIN_MAX = 4  # quoted parts of one claim: a longer run reads as several statements
_CHAIN_GAP = 20  # words of attribution between two parts
_QUOTE_MARKS = re.compile(r"[\"“”«»]")


# ---------------------------------------------------------------------------------------------
# Extraction


@dataclass(frozen=True, slots=True)
class _Found:
    speaker: Speaker
    cue: str
    start: int
    end: int
    quote: QuoteKind
    outside: str  # the attribution around the content, where a channel may be named
    confidence: float
    headline_link: bool = False
    parts: tuple[tuple[int, int], ...] = ()  # the quoted parts of a claim told in several


def _intro_phrases(language: str | None) -> list[str]:
    intros = load_lexicon("claim_cues")["speaker_intros"]
    langs = list(intros) if language is None or language not in intros else [language, "en"]
    return [p for lang in langs for p in intros.get(lang, [])]


@lru_cache(maxsize=16)
def _speaker_intros(language: str | None) -> re.Pattern[str] | None:
    """Phrases that name who speaks next without a claim of their own ("L'annuncio è arrivato
    dal presidente X"), for the language and English."""
    phrases = _intro_phrases(language)
    if not phrases:
        return None
    return re.compile(r"(?<!\w)(?:" + word_alternation(phrases) + r")(?!\w)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _WireCues:
    """How uk/ru wire copy attributes a sentence (claim_cues.json "wire_cues"): "…, пишет ТАСС со
    ссылкой на оперштаб", "…, йдеться у зведенні Генштабу", or "Как говорится в сообщении X, …"."""

    gate: re.Pattern[str]  # a citing phrase or impersonal verb: most sentences hold neither
    trailing: re.Pattern[str]
    leading: re.Pattern[str]


@lru_cache(maxsize=4)
def _wire_cues(language: str | None) -> _WireCues | None:
    spec = load_lexicon("claim_cues").get("wire_cues", {}).get(language or "")
    if not spec:
        return None
    citing = word_alternation(spec["citing"])
    impersonal = word_alternation(spec["impersonal"])
    cue = (
        rf"(?P<cue>(?:{word_alternation(spec['relays'])})\s+[^,.;:!?«»“”\"]{{2,60}}?\s+(?:{citing})"
        rf"|(?:{impersonal})\s+(?:у|в|во|на)\s+(?:{word_alternation(spec['documents'])}))(?!\w)"
    )
    return _WireCues(
        re.compile(rf"(?<!\w)(?:{citing}|{impersonal})(?!\w)", re.IGNORECASE),
        re.compile(
            rf"\s*[,;–—-]\s*{cue}\s*(?P<src>[^.;!?«»“”\"]{{0,120}}?)[\s.!?]*$", re.IGNORECASE
        ),
        re.compile(
            rf"\s*(?:як|как)\s+{cue}\s*(?P<src>[^,.;!?«»“”\"]{{0,120}}?)\s*,\s*", re.IGNORECASE
        ),
    )


@lru_cache(maxsize=16)
def _speaker_intro_filter(language: str | None) -> LiteralFilter | None:
    """Rules out at once the many texts that hold none of the phrases: their sentences need
    no search of their own."""
    return LiteralFilter.build([re.escape(p) for p in _intro_phrases(language)], ignore_case=True)


class _Reader:
    """One pass over one document: quotes first, then indirect cues sentence by sentence."""

    def __init__(
        self,
        text: str,
        language: str | None,
        sentences: Sequence[tuple[int, int]],
        title_end: int,
    ):
        self.text = text
        self.language = language
        self.cues = cue_patterns(language)
        self.sentences = list(sentences)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.title_end = title_end
        title = text[:title_end].strip()
        body_start = title_end + 2
        after = body_start + len(title)
        tail = text[after : after + 3].lstrip(". ")
        repeated = (
            bool(title)
            and text.startswith(title, body_start)
            and tail[:1] in ("", "\n")
        )
        self.headline_end = body_start + len(title) if repeated else title_end
        self.quotes = find_quotes(text, title_end)
        # in_quote asks about long quotations only, once per cue.
        # Quotations never overlap and come in text order (see find_quotes).
        long_quotes = [q for q in self.quotes if q.close - q.open > 25]
        self.long_opens = [q.open for q in long_quotes]
        self.long_closes = [q.close for q in long_quotes]
        folded = text.lower()
        self.lowered = (folded, self.cues.openers) if len(folded) == len(text) else None
        # Cue openers found once over the whole text rather than sentence by sentence.
        self.openers = opener_starts(self.cues, text, folded)
        self.opener_offsets = list(self.openers or ())
        # Where lower-casing folds case as re does, lower-case words are looked up in the
        # lower-cased text, and verb cues around quotes read from the openers found once.
        self.plain_folded = folded if len(folded) == len(text) and folds_plainly(text) else None
        self.plain_case = (
            self.openers is not None
            and self.cues.verb_openers is not None
            and self.plain_folded is not None
        )
        self.registry = SpeakerRegistry()
        self.found: list[_Found] = []
        self.prev_quote: tuple[QuoteSpan, Speaker] | None = None
        # The claim a quote attributed after it heads, the last quote it holds and how many.
        self.chain: tuple[int, QuoteSpan, int] | None = None
        self.introduced: tuple[Speaker, int] | None = None
        # Few articles hold a label at all: a substring test spares the line-by-line search.
        src = _SOURCE_LINE.search(text) if any(w in text for w in _SOURCE_LABELS) else None
        self.source_line: Speaker | None = None
        if src is not None:
            self.source_line = parse_speaker(text, src.start("np"), src.end("np"))

    # -- helpers -------------------------------------------------------------------------------

    def sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sentences:
            if s <= pos < e:
                return s, e
        return pos, pos

    def verb_cues(self, pattern: re.Pattern[str], s: int, e: int) -> Iterator[re.Match[str]]:
        """cue_finditer(pattern, verb_openers, text, s, e) for the verb or gerund cues."""
        within = openers_within(self.text, self.opener_offsets, s, e) if self.plain_case else None
        if within is None:
            return cue_finditer(pattern, self.cues.verb_openers, self.text, s, e)
        return cue_finditer_at(pattern, self.text, within, s, e)

    def in_quote(self, pos: int) -> bool:
        # Only the last long quotation opened before pos can hold it.
        k = bisect_left(self.long_opens, pos) - 1
        return k >= 0 and pos < self.long_closes[k]

    def speaker_at(self, s: int, e: int, cue: str = "", oblique: bool = False) -> Speaker | None:
        """The speaker the phrase text[s:e] names; `oblique` when the cue puts it in the
        genitive or accusative whatever the cue's words ("со ссылкой на губернатора")."""
        speaker = parse_speaker(self.text, s, e)
        if speaker is None:
            return None
        if speaker.kind == "person" and (oblique or cue.lower() in _GENITIVE_SOURCES):
            # "по словам Гладкова": the name is read in the nominative the article uses.
            named = nominative_name(speaker.name, self.text[:s])
            role = None if speaker.role is None else nominative_role(speaker.role)
            if (named, role) != (speaker.name, speaker.role):
                speaker = replace(speaker, name=named, role=role)
        elif self.language in _LOCATIVE_LANGUAGES and (
            speaker.kind == "organization" or speaker.role is None
        ):
            # "заявили в Генштабе ВСУ", "в Кремле заявили": a known body speaks under its
            # subject name ("Генштаб ВСУ", "Кремль"), whatever case the cue governs.
            named = nominative_organisation(speaker.name, self.language)
            if named != speaker.name:
                organization = named if speaker.organization in (None, speaker.name) else speaker.organization
                speaker = replace(speaker, name=named, organization=organization, kind="organization")
        if (
            speaker.kind == "person"
            and " " not in speaker.name
            and not self.registry.knows(speaker.name)
        ):
            # A surname whose full name appeared earlier outside any attribution.
            full = self.full_name(speaker.name, s)
            if full is not None:
                speaker = Speaker(
                    full,
                    speaker.role,
                    speaker.organization,
                    speaker.country_code,
                    "person",
                )
        acronym = _PAREN_ACRONYM.match(self.text, e)
        body = acronym.group(0).strip(" ()") if acronym is not None else None
        if body is not None and canonical_organisation(body) is not None:
            # "L'intelligence militare ucraina (SBU)": the acronym names the body exactly.
            speaker = replace(speaker, organization=body)
        if _RELAY_CUE.match(cue) and (
            is_outlet(speaker)
            # "повідомляє Українська правда": the phrase read stops at the lower-case word of an
            # outlet's name, which still names the outlet
            or (_CYRILLIC_START.match(speaker.name) and outlet_at(self.text, s) is not None)
        ):
            # "come riporta la Cnn": the outlet relays someone else's claim.
            return None
        vetted = vet_speaker(speaker)
        if vetted is None or (
            not self.registry.knows(vetted.name)
            and bare_settlement(vetted)
            and self.named_as_place(vetted.name)
        ):
            # A town the article names as a place ("in Kryvyi Rih") is where, not who.
            return None
        return self.registry.observe(vetted)

    def named_as_place(self, name: str) -> bool:
        """Whether the text puts a locative preposition one or two words before the name."""
        # Italian "a Kryvyi Rih" is a place; English "a Warren ally" is not.
        locatives = _LOCATIVES_IT if self.language == "it" else _LOCATIVES
        at = self.text.find(name)
        while at >= 0:
            end = at + len(name)
            whole = end >= len(self.text) or not self.text[end].isalnum()
            before = self.text[max(0, at - 30) : at].lower().split()[-2:]
            if whole and any(w.strip("'’") in locatives for w in before):
                return True
            at = self.text.find(name, at + len(name))
        return False

    def full_name(self, surname: str, before: int) -> str | None:
        """'Mark Rossi' for 'Rossi' when the text named him in full before position `before`."""
        lex = speaker_lexicon()
        at = self.text.find(" " + surname, 0, before)
        while at > 0:
            words = self.text[max(0, at - 40) : at].split()
            first = words[-1] if words else ""
            if len(first) == 2 and first.endswith(".") and len(words) > 1:
                first = f"{words[-2]} {first}"  # "James E." before "Clyburn"
            end = at + 1 + len(surname)
            whole_word = end >= len(self.text) or not self.text[end].isalnum()
            low = first.lower()
            if (
                whole_word
                # "Ivanovo, Belaya": a word closed by a comma ends a list, not a first name
                and first[-1:] not in ",;:"
                and first[:1].isupper()
                and low not in lex.vocabulary
                and low not in lex.determiners
            ):
                return f"{first} {surname}"
            at = self.text.find(" " + surname, at + 1, before)
        return None

    def previous_speaker(self, before: int | None = None) -> Speaker | None:
        """The nearest earlier speaker; failing that, the nearest earlier full name in the text."""
        if self.registry.last is not None or before is None:
            return self.registry.last
        names = [
            m
            for m in _FULL_NAME.finditer(self.text, 0, before)
            if not _is_sentence_start(self.text, m.start())
        ]
        for m in reversed(names):
            speaker = parse_speaker(self.text, m.start(), m.end())
            if speaker is not None and speaker.kind == "person" and " " in speaker.name:
                return self.registry.observe(speaker)
        return None

    def np_after(self, pos: int, limit: int) -> tuple[int, int] | None:
        """Speaker NP starting at pos, after skipping channel/time adverbials."""
        skip = _LEADING_SKIP.match(self.text, pos, limit)
        if skip and skip.end() > pos:
            # "according to a statement by the governor": whose statement it is, past the noun
            agent = _AGENT.match(self.text, skip.end(), limit)
            pos = agent.end() if agent else skip.end()
        tokens = tokenize(self.text[pos:limit], pos)
        k = 0
        while k < len(tokens) and tokens[k].text in ",:–—-":
            k += 1
        end = scan_forward(tokens, k)
        if end <= k:
            return None
        named = _QUOTED_NAME.match(self.text, tokens[end - 1].end, limit)
        if named is not None and not any(t.text[:1].isupper() for t in tokens[k:end]):
            # "l'agenzia di stampa «Ukrinform»": the quoted name is the one that speaks.
            return named.start("name"), named.end("name")
        start, stop = tokens[k].start, tokens[end - 1].end
        relayed = _RELAYED_BY.search(self.text, start, stop)
        return (start, relayed.start()) if relayed is not None else (start, stop)

    def owner_after_channel(self, np: tuple[int, int], limit: int) -> tuple[int, int] | None:
        """'secondo un post su Telegram del governatore X', 'secondo i dati pubblicati dal
        governatore X': past a speech noun and the channel or the participle that gives it out,
        the phrase naming whose words they are."""
        owner = _CHANNEL_THEN_OWNER.search(self.text, np[0], min(limit, np[1] + _NP_TAIL))
        if owner is None:
            return None
        words = self.text[np[0] : owner.start()].lower().split()
        if len(words) > 3 or not speaker_lexicon().speech_nouns.intersection(words):
            return None
        return self.np_after(owner.end(), limit)

    def body_after(self, pos: int, limit: int) -> int:
        """Where the speaker phrase after a cue at pos begins: past "в"/"у" when a body
        follows it in uk/ru ("сообщили в МВД"), else pos."""
        if self.language not in _LOCATIVE_LANGUAGES:
            return pos
        prep = _LOCATIVE_BODY.match(self.text, pos, limit)
        if prep is None:
            return pos
        np = self.np_after(prep.end(), limit)
        body = parse_speaker(self.text, *np) if np is not None else None
        return prep.end() if body is not None and body.kind == "organization" else pos

    def np_before(self, pos: int, floor: int) -> tuple[int, int] | None:
        """Speaker NP ending just before pos (a cue), skipping a parenthetical channel phrase."""
        if pos - floor > _NP_REACH:
            # A speaker phrase is short: tokenize only the stretch before the cue, from a word start.
            cut = self.text.find(" ", pos - _NP_REACH, pos)
            floor = cut + 1 if cut >= 0 else floor
        window = self.text[floor:pos]
        # Both patterns need a character most stretches lack: test for it before the scan.
        if window.rstrip().endswith(","):
            window = _CHANNEL_ASIDE.sub(_blank, window)
        if "(" in window:
            window = _PAREN_ACRONYM.sub(_blank, window)
        if _may_ask_anonymity(window):
            window = _ANONYMITY_BEFORE_CUE.sub(_blank, window)
        while (
            trail := _trailing_adverb(window, max(0, len(window) - 40), len(window))
        ) is not None and trail.start() > 0:
            window = window[: trail.start()]
        stretch = window.rstrip().rstrip(",")
        # A speaker phrase is a few words: its last words, cut at a space (no token runs across
        # one), are read first, and the whole stretch only when the phrase may begin earlier.
        cut = stretch.find(" ", len(stretch) - _NP_TAIL) if len(stretch) > _NP_TAIL else -1
        tokens = tokenize(stretch[cut:], floor + cut) if cut > 0 else []
        start = scan_backward_settled(tokens, len(tokens)) if tokens else None
        if start is None:
            tokens = tokenize(stretch, floor)
            if not tokens:
                return None
            start = scan_backward(tokens, len(tokens))
        if start >= len(tokens):
            return None
        return tokens[start].start, tokens[-1].end

    def content_span(self, s: int, e: int) -> tuple[int, int]:
        # After a comma ("Secondo X, l'attacco ha provocato esplosioni che ...") the clause is
        # the content itself, not "told reporters that" with an addressee to skip.
        closed = _CLOSED_NAME.match(self.text, s, e)
        if closed is not None:
            s = closed.end() - 1  # 'secondo «X», ...': continue from the comma after the name
        relay = _RELAY_ASIDE.match(self.text, s, e)
        if relay is not None:
            s = relay.end() - 1  # "secondo X, citato dall'Ansa, ...": on after the relay
        anonymous = _LEADING_ANONYMITY.match(self.text, s, e)
        if anonymous is not None:
            s = anonymous.end() - 1  # "secondo X, che ha chiesto l'anonimato, ...": on after it
        after_comma = self.text[s:e].lstrip()[:1] == ","
        s, e = strip_span(self.text, s, e)
        lead = None if after_comma else _OBJECT_THEN_THAT.match(self.text, s, e)
        if lead and lead.group(0).split()[0] not in cue_words().complementizers:
            first = self.text[s:e].split(None, 1)[0]
            # "сообщил журналистам, что": the addressee may close with the comma before "что".
            if not (first[:1].isupper() or _ADDRESSEE.match(first.rstrip(",;:"))):
                lead = None  # "l'operazione ha provocato esplosioni che": a clause, not an addressee
        elif not after_comma and _CYRILLIC_START.match(self.text, s, e):
            # "повідомив журналістам: …", "заявив в ефірі телемарафону: …": to whom or where,
            # then the statement after a colon.
            lead = _OBJECT_THEN_COLON.match(self.text, s, e)
            if lead is not None and not _ADDRESSEE.match(lead.group(0).split()[0].rstrip(",;:")):
                lead = None
        if lead is None and not after_comma:
            lead = _ADVERBIAL_THEN_THAT.match(self.text, s, e)
        if lead:
            s = lead.end()
        skip = _LEADING_SKIP.match(self.text, s, e)
        if skip and skip.end() < e:
            s = skip.end()
        s, e = strip_span(self.text, s, e)
        m = _DATELINE.match(self.text, s, e)
        if m and m.end() < e:
            s = m.end()
        cut = _trailing_source(self.text, s, e, self.plain_folded)
        if cut and cut.start() - s > 20:
            e = cut.start()
        aside = _TRAILING_ASIDE.search(self.text, s, e)
        if aside and len(self.text[s : aside.start()].split()) >= 5:
            # "..., which it calls a special operation": the writer's aside, not the claim.
            e = aside.start()
        s, e = strip_span(self.text, s, e, " \t\n,;:–—-(")
        dangling = _CONJUNCTION_END.search(self.text, max(s, e - 6), e)
        if dangling is not None and dangling.start() > s:
            # "... in the city and [said ...]": the next cue took the rest of the sentence.
            s, e = strip_span(self.text, s, dangling.start(), " \t\n,;:–—-(")
        return s, e

    def add(
        self,
        speaker: Speaker,
        cue: str,
        s: int,
        e: int,
        quote: QuoteKind,
        via_from: tuple[int, int],
        conf: float,
        headline_link: bool = False,
    ) -> None:
        s, e = strip_span(self.text, s, e)
        if _ANONYMITY_ONLY.match(self.text, s, e):
            return  # "who asked not to be named (said ...)": how a source speaks, not a claim
        if (
            quote != "direct"
            # "said that while demoting him would be ...": after "that" a gerund opens the clause
            and not _FINAL_THAT.search(self.text, max(0, s - 8), s - 1)
            and (gerund := _ADVERBIAL_GERUND.match(self.text, s, e)) is not None
        ):
            that = _THAT_WORD.search(self.text, gerund.end(), e)
            if that is None:
                return  # "responded by intensifying strikes", "said before introducing Perry": a deed
            s = that.end()  # "said after meeting Putin that ...": what was said follows "that"
        if quote != "direct" and _TOLD.search(cue) and (
            told := _TOLD_ADDRESSEE.match(self.text, s, e)
        ):
            s = told.end()
        whole = next(
            (q for q in self.quotes if q.open == s and e - 2 <= q.close < e), None
        )
        if whole is not None:
            # "ha detto che «...»": the content is exactly one quotation.
            s, e = strip_span(self.text, whole.open + 1, whole.close, " \t\n,;:")
            quote = "direct"
        words = len(self.text[s:e].split())
        if e - s < 8 or words < (2 if quote == "direct" else 4):
            if not (
                words >= 2
                and e - s >= 8
                and self.language in _LOCATIVE_LANGUAGES
                # "сообщил о новом обстреле": what a report is about is not what it says
                and self.text[s:e].split(None, 1)[0].lower() not in _TOPIC_PREPOSITIONS
                and (
                    classify(self.text[s:e], cue) in _TERSE_TYPES
                    # "заявил, что Киев готовит провокацию", "заявив, що ППО працювала": a
                    # that-clause says something, a subject and its verb already
                    or _THAT_BEFORE.search(self.text, max(0, s - 6), s)
                )
            ):
                return
            # uk and ru tell a toll or a strike in two or three words ("пострадали двое").
        last = cue.rsplit(None, 1)[-1].lower() if cue.strip() else ""
        if (
            last in _NEEDS_CLAUSE
            and _CLAUSE_OR_QUOTE.search(self.text, max(0, s - _CLAUSE_LOOKBACK), e) is None
        ):
            return  # "expressed condolences to the family": a noun object, no claim
        vs, ve = via_from
        outside = (
            self.text[vs : max(vs, min(s, ve))]
            + " "
            + self.text[min(max(e, vs), ve) : ve]
        )
        self.found.append(
            _Found(
                speaker, cue, s, e, quote, outside, conf, headline_link
            )
        )

    # -- quotes --------------------------------------------------------------------------------

    def read_quote(self, q: QuoteSpan) -> None:
        inner_s, inner_e = strip_span(self.text, q.open + 1, q.close, " \t\n,;:")
        words = len(self.text[inner_s:inner_e].split())
        if words < 2:
            return
        found = self.attribute_after(q)
        if words <= 3 and _word_before(self.text, q.open):
            # A phrase quoted inside a sentence ('a kind of "veiled sanction," he said') is no
            # claim, though a speaker named after it may go on in the next quote.
            if found is not None:
                self.registry.last = found[0]
                self.prev_quote = (q, found[0])
            return
        if found is None and self.continue_quote(q, inner_s, inner_e):
            return
        attributed_after = found is not None
        if words < 3 and (found is None or not found[1]):
            return
        found = found or self.attribute_before(q)
        conf = 0.9
        prev = self.prev_quote
        if (
            found is None
            and prev is not None
            and q.open - prev[0].close < 200
            and words >= 4
        ):
            between = self.text[prev[0].close + 1 : q.open]
            if len(between.split()) <= 15 and "\n\n" not in between:
                found, conf = (prev[1], ""), 0.7
        if found is None and self.introduced is not None and words >= 6:
            speaker, at = self.introduced
            if at < q.open and "\n\n" not in self.text[at : q.open]:
                found, conf = (speaker, ""), 0.6
        if found is None and self.source_line is not None and words >= 6:
            found, conf = (self.source_line, ""), 0.6
        if found is None:
            return
        speaker, cue = found
        self.registry.last = speaker
        s, e = self.sentence_of(q.open)
        added = len(self.found)
        self.add(
            speaker, cue, inner_s, inner_e, "direct", (s, max(e, q.close + 150)), conf
        )
        self.prev_quote = (q, speaker)
        self.chain = (added, q, 1) if attributed_after and len(self.found) > added else None

    def continue_quote(self, q: QuoteSpan, s: int, e: int) -> bool:
        """'"…," said X. "…"': a quote that opens the sentence after the attribution of the
        quote before it, with none of its own, goes on with that quote's claim; True when it
        joined it."""
        if self.chain is None:
            return False
        at, last, n = self.chain
        between = self.text[last.close + 1 : q.open]
        tail = between.strip()
        if (
            n >= _CHAIN_MAX
            or "\n" in between  # a new paragraph starts anew
            or len(between.split()) > _CHAIN_GAP
            or _QUOTE_MARKS.search(between) is not None
            or not (tail[-1:] in (".", "!", "?") or (n > 1 and not tail))
            or not self.text[s : s + 1].isupper()
            # the attribution is the one sentence between the parts, not the writer's own
            or bisect_right(self.sentence_starts, q.open)
            > bisect_right(self.sentence_starts, last.close) + 1
        ):
            return False
        if n == 1 and self.text[last.open + 1 : last.close].rstrip()[-1:] == ".":
            return False  # '"We will rebuild it." Ruiz said. "…"': a whole sentence quoted alone
        f = self.found[at]
        head = len(self.text[f.start : f.end].split())
        if n == 1 and head > _HEAD_MAX and len(self.text[s:e].split()) <= _CHAIN_RATIO * head:
            return False
        self.found[at] = replace(f, end=e, parts=(f.parts or ((f.start, f.end),)) + ((s, e),))
        self.chain = (at, q, n + 1)
        self.prev_quote = (q, f.speaker)
        self.registry.last = f.speaker
        return True

    def attribute_after(self, q: QuoteSpan) -> tuple[Speaker, str] | None:
        """'«...» ha affermato Kirby', '"...," a smiling Clinton said', '"...", he added'."""
        limit = self.text.find("\n", q.close)
        limit = len(self.text) if limit < 0 else min(limit, q.close + 250)
        pos = q.close + 1
        head = _AFTER_QUOTE_HEAD.match(self.text[pos:limit])
        pos += head.end() if head else 0
        clause_end = limit
        for stop in _CLAUSE_STOP.finditer(self.text, pos, limit):
            # "said Mr. Clyburn": an honorific's period does not end the clause.
            if not _ABBREVIATION_BEFORE.search(self.text, max(pos, stop.start() - 6), stop.start() + 1):
                clause_end = stop.start()
                break
        m = next(self.verb_cues(self.cues.verbs, pos, clause_end), None)
        if self.cues.after_quote is not None:
            phrase = self.cues.after_quote.match(self.text, pos, clause_end)
            if phrase is not None and (m is None or phrase.start() <= m.start()):
                m = phrase
        if m is None or len(self.text[pos : m.start()].split()) > 10:
            return None
        if m.start() > pos:
            subject = self.text[pos : m.start()].strip(" ,")
            if is_pronoun(subject):
                last = self.previous_speaker()
                return (last, m.group(0)) if last is not None else None
            speaker = self.speaker_at(pos, m.start(), m.group(0))
            return (speaker, m.group(0)) if speaker is not None else None
        np = self.np_after(m.end(), clause_end)
        if np is not None:
            speaker = self.speaker_at(*np, m.group(0))
            if speaker is not None:
                return speaker, m.group(0)
        last = self.previous_speaker()
        return (last, m.group(0)) if last is not None else None

    def attribute_before(self, q: QuoteSpan) -> tuple[Speaker, str] | None:
        s, _ = self.sentence_of(q.open)
        floor = max(
            s, max((p.close + 1 for p in self.quotes if p.close < q.open), default=0)
        )
        if floor >= q.open:
            floor = max(0, q.open - 200)
        window = self.text[floor : q.open].rstrip()
        end = floor + len(window)
        colon = window.endswith(":")
        if colon:
            end -= 1
            window = window[:-1].rstrip()
            end = floor + len(window)
        words_m = _IN_WORDS_OF.search(window)
        if words_m:
            g = 1 if words_m.group(1) else 2
            speaker = self.speaker_at(floor + words_m.start(g), floor + words_m.end(g))
            return (speaker, "words") if speaker else None
        comp = _FINAL_THAT.search(window)
        cue_end = end - (comp.end() - comp.start()) if comp else end
        cue_m = None
        for m in self.verb_cues(self.cues.verbs, floor, cue_end):
            if m.end() >= cue_end - 1:
                cue_m = m
        if cue_m is None:
            for m in self.verb_cues(self.cues.gerunds, floor, cue_end):
                if len(self.text[m.end() : cue_end].split()) <= 1:
                    last = self.previous_speaker()
                    return (last, m.group(0)) if last is not None else None
        if cue_m is not None:
            before = self.text[floor : cue_m.start()].rstrip()
            if _CONJUNCTION_END.search(before, max(0, len(before) - _CONJUNCTION_REACH)):
                # 'Trump returned to the stage and declared, "…"': the sentence's subject speaks.
                s, _ = self.sentence_of(q.open)
                speaker = self.coordinated_speaker(max(s, floor), cue_m.start(), cue_m.group(0))
                if speaker is not None:
                    return speaker, cue_m.group(0)
            np = self.np_before(cue_m.start(), floor)
            if np is not None:
                tokens = tokenize(self.text[np[0] : np[1]])
                if len(tokens) == 1 and is_pronoun(tokens[0].text):
                    last = self.previous_speaker()
                    return (last, cue_m.group(0)) if last is not None else None
                speaker = self.speaker_at(*np)
                if speaker is not None:
                    return speaker, cue_m.group(0)
            np = self.np_after(cue_m.end(), cue_end)
            if np is not None:
                speaker = self.speaker_at(*np)
                if speaker is not None:
                    return speaker, cue_m.group(0)
            last = self.previous_speaker()
            return (last, cue_m.group(0)) if last is not None else None
        if colon and (label := _NAME_AFFILIATION.search(window)) is not None:
            # 'Meghan McCain, Twitter: "..."': a round-up line names the speaker and where she wrote.
            speaker = self.speaker_at(floor + label.start(), floor + label.end())
            if speaker is not None:
                return speaker, ":"
        if colon:
            earlier = cue_matches(
                (self.cues.verbs,), self.cues.first_words, self.text, floor, end
            )
            if earlier:
                m = earlier[-1][1]
                subject = self.subject_before(m.start(), floor)
                if subject is not None:
                    speaker = self.speaker_at(*subject, m.group(0))
                    if speaker is not None:
                        return speaker, m.group(0)
            np = self.np_before(end, floor)
            if np is not None and (
                (prep := _PREPOSITION_END.search(self.text, max(floor, np[0] - 40), np[0]))
                is not None
                and prep.group(1).lower() not in _QUOTE_NOUNS
            ):
                np = None
            if np is not None and np[0] - floor < 80:
                if (
                    self.text[np[0] : np[1]].lower()
                    in ("details", "dettagli", "quote", "citazione")
                    and self.source_line
                ):
                    return self.source_line, ":"
                speaker = self.speaker_at(*np)
                if speaker is not None:
                    return speaker, ":"
        return None

    # -- indirect speech -----------------------------------------------------------------------

    def read(self) -> None:
        """Walk sentences in order so pronouns and surnames resolve to earlier speakers."""
        pending = list(self.quotes)
        intros = _speaker_intros(self.language)
        wire = _wire_cues(self.language) if self.language in _LOCATIVE_LANGUAGES else None
        intro_filter = _speaker_intro_filter(self.language)
        if intros is not None and intro_filter is not None and not intro_filter.may_match(self.text):
            intros = None
        for idx, (s, e) in enumerate(self.sentences):
            if intros is not None:
                self.read_intro(intros, s, e)
            while pending and pending[0].open < e:
                self.read_quote(pending.pop(0))
            if self.text.find("secondo ", s, e) >= 0:
                self.read_according_to_whom(s, e)
            matches = self.cues_in(s, e)
            if wire is not None and wire.gate.search(self.text, s, e) is not None:
                matches = self.read_wire(wire, s, e, matches)
            for kind in range(3):
                for k, m in matches:
                    if k != kind or self.in_quote(m.start()):
                        continue
                    if k == 0:
                        self.read_source(m, s, e, idx)
                    elif k == 1:
                        self.read_verb(m, s, e, idx)
                    else:
                        self.read_gerund(m, s, e)
        for q in pending:
            self.read_quote(q)
        self.read_headline()

    def read_according_to_whom(self, s: int, e: int) -> None:
        """"le osservazioni di Trump secondo cui l'Ue non avrebbe speso abbastanza e della
        richiesta ...": the phrase before "secondo cui" names the speaker; the content is the
        relative clause, up to the next clause."""
        for m in _ACCORDING_TO_WHOM.finditer(self.text, s, e):
            if self.in_quote(m.start()):
                continue
            np = self.np_before(m.start(), s)
            speaker = self.speaker_at(*np, _WHOM_CUE) if np is not None else None
            if speaker is None:
                continue
            stop = _WHOM_CLAUSE_END.search(self.text, m.end(), e)
            cs, ce = self.content_span(m.end(), stop.start() if stop is not None else e)
            self.add(speaker, _WHOM_CUE, cs, ce, self.quote_kind(cs, ce), (s, e), 0.7)

    def cues_in(self, s: int, e: int) -> list[tuple[int, re.Match[str]]]:
        """The source (0), verb (1) and gerund (2) cues of the sentence text[s:e]."""
        patterns = (self.cues.sources, self.cues.verbs, self.cues.gerunds)
        openers = self.openers
        within = None if openers is None else openers_within(self.text, self.opener_offsets, s, e)
        return (
            cue_matches(patterns, self.cues.first_words, self.text, s, e, self.lowered)
            if openers is None or within is None
            else cue_matches_at(self.cues, self.text, within, openers, e)
        )

    def read_wire(
        self, wire: _WireCues, s: int, e: int, matches: list[tuple[int, re.Match[str]]]
    ) -> list[tuple[int, re.Match[str]]]:
        """"…, пишет ТАСС со ссылкой на оперштаб": the source cited speaks, the outlet is the
        channel; "…, говорится в сообщении Минобороны": the body whose document it is speaks.
        The cues read here are dropped from `matches`; a sentence with a cue before a trailing
        wire cue ("X заявил, что …, пишет ТАСС со ссылкой на Y") is left to that cue."""
        m = wire.trailing.search(self.text, s, e)
        leading = False
        if m is None or any(c.start() < m.start() for _, c in matches):
            m = wire.leading.match(self.text, s, e)
            leading = True
            if m is None:
                return matches
        src_s, src_e = strip_span(self.text, *m.span("src"))
        cue = " ".join(m.group("cue").split())
        # The source runs to the end of the sentence or the comma: read whole first
        # ("со ссылкой на Белгородскую областную администрацию"), else its leading phrase.
        speaker = self.speaker_at(src_s, src_e, cue, oblique=True) if src_e > src_s else None
        if speaker is None or speaker.kind == "person" and speaker.role is None and " " not in speaker.name:
            np = self.np_after(src_s, src_e) if src_e > src_s else None
            speaker = self.speaker_at(*np, cue, oblique=True) if np is not None else None
        if speaker is None:
            return matches
        cs, ce = self.content_span(m.end(), e) if leading else self.content_span(s, m.start())
        self.add(speaker, cue, cs, ce, self.quote_kind(cs, ce), (s, e), 0.75)
        if leading:
            return [(k, c) for k, c in matches if c.start() >= m.end()]
        return [(k, c) for k, c in matches if c.start() < m.start()]

    def facts_before(self, idx: int) -> int:
        """The first of the sentences before sentence idx that a uk/ru "Про це повідомив",
        "Об этом сообщил" reports: the one right before it and, going back through the same
        paragraph, each that holds no quotation, no claim and no cue of its own (a brief gives
        two or three sentences of facts, then who told them)."""
        first = idx - 1
        while first > 0 and idx - first < _FACTS_REACH:
            ps, pe = self.sentences[first - 1]
            if (
                ps < self.headline_end
                or "\n" in self.text[pe : self.sentences[first][0]]
                or any(ps <= q.close and q.open < pe for q in self.quotes)
                or any(f.start < pe and ps < f.end for f in self.found)
                or self.cues_in(ps, pe)
            ):
                break
            first -= 1
        return first

    def read_intro(self, intros: re.Pattern[str], s: int, e: int) -> None:
        """'L'annuncio è arrivato dal presidente X': the quotes that follow in the paragraph
        with no cue of their own are X's."""
        m = intros.search(self.text, s, e)
        if m is None or self.in_quote(m.start()):
            return
        np = self.np_after(m.end(), e)
        speaker = self.speaker_at(*np, m.group(0)) if np is not None else None
        if speaker is not None:
            self.introduced = (speaker, m.end())

    def read_source(self, m: re.Match[str], s: int, e: int, idx: int) -> None:
        if m.group(0).lower() in cue_words().possessive_sources:
            # "по его данным", "secondo lui": the previous speaker goes on.
            speaker_then = self.previous_speaker(m.start())
            if speaker_then is not None:
                cs, ce = self.content_span(m.end(), e)
                self.add(
                    speaker_then,
                    m.group(0),
                    cs,
                    ce,
                    self.quote_kind(cs, ce),
                    (s, e),
                    0.7,
                )
            return
        these = _THESE_WORDS.match(self.text, m.end(), e)
        # "Как сообщили в МЧС, …": the body is named where it speaks.
        np = (these.start(1), these.end()) if these else self.np_after(self.body_after(m.end(), e), e)
        if np is None:
            return
        np_tokens = tokenize(self.text[np[0] : np[1]])
        if these is not None or (len(np_tokens) == 1 and is_pronoun(np_tokens[0].text)):
            # "secondo lui", "Secondo tali dati, ...": the speaker, or the figures, of before.
            speaker = self.previous_speaker()
        else:
            speaker = self.speaker_at(*np, m.group(0))
        if speaker is None:
            np = self.owner_after_channel(np, e)
            speaker = None if np is None else self.speaker_at(*np, m.group(0))
        if speaker is None or np is None:
            return
        left = self.text[s : m.start()]
        if left.strip() and _ANAPHORIC_PASSIVE.fullmatch(left.strip()) and idx > 0:
            ps, pe = self.sentences[idx - 1]
            cs, ce = self.content_span(ps, pe)
            self.add(speaker, m.group(0), cs, ce, self.quote_kind(cs, ce), (s, e), 0.7)
            return
        right_s = np[1]
        right = self.text[right_s:e]
        left_words = len(left.split())
        right_words = len(right.split())
        left_open = bool(_LEFT_OPEN.search(left))
        # uk/ru: "По словам Гладкова, пострадали двое" (add() keeps a terse content of a toll).
        least = 2 if self.language in _LOCATIVE_LANGUAGES else 3
        if right_words >= least and (left_words <= 4 or left_open):
            cs, ce = self.content_span(right_s, e)
        elif left_words >= 3:
            cs, ce = self.content_span(s, m.start())
        else:
            return
        self.add(speaker, m.group(0), cs, ce, self.quote_kind(cs, ce), (s, e), 0.75)

    def quote_kind(self, cs: int, ce: int) -> QuoteKind:
        inside = [
            q
            for q in self.quotes
            if cs <= q.open and q.close <= ce + 1 and q.close - q.open > 6
        ]
        return "mixed" if inside else "indirect"

    def read_verb(self, m: re.Match[str], s: int, e: int, idx: int) -> None:
        text = self.text
        cue = m.group(0)
        left = text[s : m.start()]
        left_stripped = left.rstrip()
        # "«...» ha affermato X" is a quote attribution, handled with the quote.
        if left_stripped[-1:] in '»”"' or _CLOSING_QUOTE_END.search(left_stripped):
            return
        # Both patterns end at the end of the stretch and span a few characters: search its tail.
        anaphoric = _ANAPHORIC.search(left_stripped, max(0, len(left_stripped) - _ANAPHORIC_REACH))
        if anaphoric:
            aside = _DASH_ASIDE.match(text, m.end(), e)
            np = self.np_after(self.body_after(aside.end() if aside else m.end(), e), e)
            speaker = self.speaker_at(*np, cue) if np else None
            if speaker is None:
                return
            if (
                np is not None
                and anaphoric.group(0).strip(" :;,(–—-").lower() in ("it", "this", "that")
                and _OBJECT_GOES_ON.match(text, np[1], e)
            ):
                return  # "said it expects the U.S. economy to grow": a subject pronoun, the NP an object
            before = text[s : s + anaphoric.start()].rstrip(" :;,–—-")
            if len(before.split()) >= 4:
                cs, ce = self.content_span(s, s + len(before))
            elif idx > 0:
                first = self.facts_before(idx) if self.language in _LOCATIVE_LANGUAGES else idx - 1
                cs, ce = self.content_span(self.sentences[first][0], self.sentences[idx - 1][1])
            else:
                return
            linked = cs < self.headline_end
            self.add(
                speaker,
                cue,
                cs,
                ce,
                self.quote_kind(cs, ce),
                (s, e),
                0.8,
                headline_link=linked,
            )
            return
        if (
            _CONJUNCTION_END.search(left_stripped, max(0, len(left_stripped) - _CONJUNCTION_REACH))
            and len(text[m.end() : e].split()) >= 3
        ):
            # "The governor visited the site and said that ...": the sentence's subject speaks.
            speaker = self.coordinated_speaker(s, m.start(), cue)
            if speaker is not None:
                cs, ce = self.content_span(m.end(), e)
                self.add(speaker, cue, cs, ce, self.quote_kind(cs, ce), (s, e), 0.7)
                return
        subject = self.subject_before(m.start(), s)
        subject_first = subject is not None and _SUBJECT_LEAD.fullmatch(
            text, s, subject[0]
        )
        ends_clause = left_stripped == "" or left_stripped[-1:] in ",:;–—-("
        if (
            ends_clause
            and not subject_first
            and subject is not None
            and text[subject[1] : m.start()].strip(" ,") == ""
            and text[s : subject[0]].rstrip().endswith(",")
            and len(text[s : subject[0]].split()) >= 4
        ):
            # "About a hundred were injured, Mikhail Razvozhayev, the governor, said": the clause
            # before the named (appositive) subject is the content.
            speaker = self.speaker_at(*subject, cue)
            if speaker is not None:
                lead = text[s : subject[0]].rstrip(" ,")
                if self.says_after(m.end(), e) or (
                    names_an_office(lead) and not _FINITE_VERB.search(lead)
                ):
                    # "Secondo la Tass, X, un soldato, ha raccontato che ...": the lead-in is
                    # a source or a setting; "The ranking members, X and Y, said ...": it is the
                    # subject the names stand beside. What X said follows the cue.
                    cs, ce = self.content_span(m.end(), e)
                else:
                    cs, ce = self.content_span(s, subject[0])
                self.add(speaker, cue, cs, ce, self.quote_kind(cs, ce), (s, e), 0.75)
                return
        if ends_clause and not subject_first:
            np = self.np_after(self.body_after(m.end(), e), e)
            if left_stripped == "" or np is None:
                speaker = self.previous_speaker()
                if speaker is None:
                    return
                if left_stripped == "":
                    cs, ce = self.content_span(m.end(), e)
                elif (
                    left_stripped.endswith(",")
                    and len(left_stripped.split()) >= 4
                    # "..., X, un consigliere, ha detto di essere contrario": the clause before
                    # the comma is the subject's, not the content, when the cue goes on.
                    and not self.says_after(m.end(), e)
                ):
                    if _QUOTE_THEN_SUBJECT.search(
                        left_stripped, max(0, len(left_stripped) - _QUOTE_SUBJECT_REACH)
                    ):
                        return  # '"…," the region's governor, Maksym Kozytskyi, wrote': the quote's cue
                    # "Sei delle vittime sono ricoverate, ha riferito.": the clause before is the content.
                    cs, ce = self.content_span(s, s + len(left_stripped))
                else:
                    return
                self.add(speaker, cue, cs, ce, self.quote_kind(cs, ce), (s, e), 0.6)
                return
            speaker = self.speaker_at(*np, cue)
            if speaker is None:
                return
            rest = text[np[1] : e]
            # "..., ha detto un funzionario che ha chiesto l'anonimato.": how, not what
            closing = _CLOSING_ADVERBIAL.fullmatch(rest) is not None
            inverted = (
                left_stripped.endswith(",")
                and len(left_stripped.split()) >= 4
                and speaker.kind == "person"
                and text[np[0] : np[1]][:1].isupper()
                and not _OBJECT_CONTINUES.match(rest)
            )
            if (
                len(rest.split()) >= 4
                and not inverted
                and not _CLAUSE_GOES_ON.match(rest)
                and not closing
            ):
                return  # the NP after the cue is its object, not an inverted subject
            if len(rest.split()) >= 4 and _THAT_CLAUSE.match(rest) and not closing:
                cs, ce = self.content_span(np[1], e)
            elif len(left_stripped.split()) < 4 and _COMMA_NEXT.match(rest):
                # "E dunque, insiste il ministero, gli Stati Uniti sono ...": a parenthetical cue.
                cs, ce = self.content_span(np[1], e)
            else:
                cs, ce = self.content_span(s, len(left_stripped) + s)
            self.add(speaker, cue, cs, ce, self.quote_kind(cs, ce), (s, e), 0.75)
            return
        np = subject
        if np is None:
            return
        comma = text.rfind(",", np[0], np[1])
        if comma >= 0 and _PREPOSITION_END.search(text, max(s, np[0] - 40), np[0]) is not None:
            # "... and a member of the city council, Kyrylenko said": the phrase before the comma
            # ends the clause a preposition opened; the name after it is the subject.
            name = text[comma + 1 : np[1]]
            np = (np[1] - len(name.lstrip()), np[1])
        np_text = text[np[0] : np[1]]
        if is_pronoun(np_text.strip()):
            speaker = self.previous_speaker(np[0])
        else:
            speaker = self.speaker_at(*np, cue)
        if speaker is None:
            return
        pre = text[s : np[0]].rstrip()
        if _CLOSING_QUOTE_END.search(pre):
            return
        if (
            pre.endswith(",")
            and len(pre.split()) >= 4
            and not self.says_after(m.end(), e)
            # "In an interview Monday, X said Russia can't stand him": an adverbial, not a claim;
            # what was said, however short, follows the cue
            and not (len(pre.split()) < 6 and _INTRODUCTORY.match(pre))
        ):
            cs, ce = self.content_span(s, s + len(pre))
        else:
            if len(text[m.end() : e].split()) < 2:
                return
            cs, ce = self.content_span(m.end(), e)
        self.add(speaker, cue, cs, ce, self.quote_kind(cs, ce), (s, e), 0.75)

    def coordinated_speaker(self, s: int, cue_start: int, cue: str) -> Speaker | None:
        """The subject of the sentence from s, for a cue coordinated with an earlier verb ("The
        governor visited the site and said"); None unless a subject opens the sentence."""
        text = self.text
        np = self.np_after(s, cue_start)
        start = s
        if np is None:
            # "On Russia, Trump knocked ... and said": the subject follows the lead-in.
            comma = text.find(",", s, cue_start)
            start = comma + 1
            np = self.np_after(start, cue_start) if comma >= 0 else None
        if np is None or len(text[start : np[0]].split()) > 2:
            return None
        if is_pronoun(text[np[0] : np[1]].strip()):
            return self.previous_speaker(np[0])
        return self.speaker_at(*np, cue)

    def says_after(self, cue_end: int, e: int) -> bool:
        """The cue goes on with what was said (more than a few words, not a closing comma):
        "X, il portavoce, ha detto ieri." says nothing after the cue; "... ha detto che ..." does."""
        skip = _LEADING_SKIP.match(self.text, cue_end, e)
        head = self.text[skip.end() if skip else cue_end : e].lstrip()
        return len(self.text[cue_end:e].split()) > 6 and head[:1] not in ",.;"

    def read_gerund(self, m: re.Match[str], s: int, e: int) -> None:
        """', aggiungendo che ...' / ', adding that ...': the main clause's speaker goes on."""
        if not _COMMA_END.search(self.text[s : m.start()]):
            return
        if not _GERUND_THAT.match(self.text[m.end() : e]):
            return
        same_sentence = [
            f for f in self.found if s <= f.start < e or f.start < s <= f.end
        ]
        speaker = (
            same_sentence[-1].speaker if same_sentence else self.previous_speaker()
        )
        if speaker is None:
            return
        cs, ce = self.content_span(m.end(), e)
        self.add(speaker, m.group(0), cs, ce, self.quote_kind(cs, ce), (s, e), 0.65)

    def subject_before(self, cue_start: int, s: int) -> tuple[int, int] | None:
        """The subject NP right before a cue, including 'Name, appositive,' subjects."""
        np = self.np_before(cue_start, s)
        # The pattern ends in ",\s*$": without a comma closing the stretch it cannot match.
        comma_before = self.text[s:cue_start].rstrip().endswith(",")
        appositive = _APPOSITIVE_SUBJECT.search(self.text, s, cue_start) if comma_before else None
        if (
            appositive is not None
            and _CYRILLIC_START.match(appositive.group("name"))
            and not names_an_office(appositive.group("app"))
        ):
            # uk/ru list places before a post-posed cue ("у районах Мирноград, Родинське та
            # Удачне, повідомляє Генштаб"): a uk/ru apposition names the holder's office.
            appositive = None
        if appositive is not None and (np is None or np[0] > appositive.start("name")):
            return appositive.start("name"), appositive.end("app")
        relative = _RELATIVE_SUBJECT.fullmatch(self.text, s, cue_start) if comma_before else None
        if (
            relative is not None
            and len(relative.group("name").split()) <= 6
            and not _FINITE_VERB.search(relative.group("name"))
        ):
            return relative.start("name"), relative.end("name")
        aside = _CHANNEL_ASIDE.search(self.text, s, cue_start) if comma_before else None
        if aside is None and _may_ask_anonymity(self.text[s:cue_start]):
            aside = _ANONYMITY_BEFORE_CUE.search(self.text, s, cue_start)
        if aside is not None:
            cue_start = aside.start()  # "A senior official, speaking on condition of anonymity, said"
        # A short sentence-initial subject the NP scanner cannot read word by word:
        # "A spokesman for the Senate campaign effort said ...".
        # "The DNC on Friday publicly said": time and manner adverbs are not part of the subject.
        while (
            trail := _trailing_adverb(self.text, max(s, cue_start - 30), cue_start)
        ) is not None and trail.start() > s:
            cue_start = trail.start()
        # The pattern ends in ",\s*" too.
        if self.text[s:cue_start].rstrip().endswith(","):
            role_name = _ROLE_THEN_NAME.fullmatch(self.text, s, cue_start)
            if role_name is not None:
                return role_name.start("np"), role_name.end("np")
        # The whole stretch is read only when it may begin before the NP found: never when
        # that NP opens the sentence.
        whole = (
            _SENTENCE_SUBJECT.fullmatch(self.text, s, cue_start) if np is None or np[0] > s else None
        )
        if whole is not None and (np is None or np[0] > whole.start("np")):
            phrase = whole.group("np")
            parsed = parse_speaker(self.text, whole.start("np"), whole.end("np"))
            plausible = parsed is not None and (
                names_an_office(phrase)
                or (parsed.kind == "person" and " " in parsed.name)
                or (len(phrase.split()) <= 6 and not _NUMBER_START.match(phrase))
            )
            if (
                plausible
                and not _FINITE_VERB.search(phrase)
                and not _CLAUSE_WORD.search(phrase)
                and not cue_matches(
                    (self.cues.verbs,), self.cues.first_words, phrase, 0, len(phrase)
                )
            ):
                return whole.start("np"), whole.end("np")
        if (
            np is None
            # the pattern's word can only be the stretch's last: test that one first
            and is_pronoun(_final_word(self.text[s:cue_start]))
            and (last := _LAST_WORD.search(self.text, s, cue_start)) is not None
            and is_pronoun(last.group(1))
        ):
            return last.start(1), last.end(1)  # "Nearly 70 were injured, he said"
        return np

    def read_headline(self) -> None:
        """Title claims: 'content - Speaker', or a reported-speech headline the body attributes."""
        title = self.text[: self.title_end]
        if any(f.start < self.title_end for f in self.found):
            return
        m = _HEADLINE_SOURCE.match(title)
        if m:
            speaker = parse_speaker(title, m.start("np"), m.end("np"))
            speaker = None if speaker is None else vet_speaker(speaker)
            if (
                speaker is not None
                and len(m.group("np").split()) <= 4
                and not is_outlet(speaker)
            ):
                speaker = self.registry.observe(speaker)
                self.add(
                    speaker,
                    title[m.end("content") : m.start("np")].strip(" -–—:"),
                    m.start("content"),
                    m.end("content"),
                    "indirect",
                    (0, self.title_end),
                    0.6,
                )
                return
        if _CONDITIONAL.search(title):
            body = [f for f in self.found if f.start >= self.title_end]
            if body:
                first = min(body, key=lambda f: f.start)
                self.add(
                    first.speaker,
                    first.cue,
                    0,
                    self.title_end,
                    "indirect",
                    (0, 0),
                    0.5,
                    headline_link=True,
                )


def _same_reading(a: _Found, b: _Found) -> bool:
    """Two spans are one claim when they overlap for one speaker, or nearly coincide."""
    shared = min(a.end, b.end) - max(a.start, b.start)
    if shared <= 0:
        return False
    if a.speaker.name == b.speaker.name:
        return True
    return shared >= 0.8 * min(a.end - a.start, b.end - b.start)


_ASIDE_LEAD = re.compile(
    r"[\s,;:–—-]*(?:\b(?:dove|where|mentre|while|e|and|ma|but|che|that)\b[\s,]*)?$", re.IGNORECASE
)


def _cut_at_aside(text: str, outer: _Found, inner: _Found) -> tuple[_Found, _Found] | None:
    """`outer` ended where a source aside inside it ("…, dove, secondo la Bbc, …") gives the
    rest to another speaker, and the aside's claim ended at its clause's comma; None unless
    `inner` is such an aside's claim."""
    if inner.speaker.name == outer.speaker.name or not inner.cue:
        return None
    if not (outer.start < inner.start and inner.end <= outer.end):
        return None
    at = text.rfind(inner.cue, outer.start, inner.start)
    if at < 0:
        return None
    # A source aside opens after a comma; "secondo cui" follows its speaker's NP with or without.
    if inner.cue != _WHOM_CUE and (
        text[at - 2 : at].strip() not in (",", "") or text[at - 1 : at] not in (" ", ",")
    ):
        return None
    if len(text[at : inner.start].split()) > 8:
        return None
    lead = _ASIDE_LEAD.search(text[outer.start : at])
    end = outer.start + (lead.start() if lead else at - outer.start)
    if len(text[outer.start : end].split()) < 3:
        return None
    comma = text.find(",", inner.start, inner.end)
    inner_end = comma if comma > 0 and len(text[inner.start : comma].split()) >= 3 else inner.end
    return replace(outer, end=end), replace(inner, end=inner_end)


def _relayed(text: str, a: _Found, b: _Found) -> _Found | None:
    """Of two readings where an outlet's claim wraps another speaker's, the inner one, with the
    outlet's attribution kept as the channel; None when neither reading relays the other."""
    outer, inner = (a, b) if a.end - a.start > b.end - b.start else (b, a)
    if not (is_outlet(outer.speaker) and not is_outlet(inner.speaker)):
        return None
    if not (outer.start <= inner.start and inner.end <= outer.end):
        return None
    if not inner.cue.strip() or text.find(inner.cue, outer.start, inner.start) < 0:
        return None  # the inner speaker's own cue must lie inside what the outlet reports
    return replace(inner, outside=f"{inner.outside} {outer.outside}")


def _trailing_source(
    text: str, s: int, e: int, folded: str | None = None
) -> re.Match[str] | None:
    """_TRAILING_SOURCE.search(text, s, e), without trying the optional lead-in everywhere.

    The pattern only puts punctuation and spaces before its source word, so its leftmost
    match starts in the run of such characters just before the first source word, found in
    `folded` when given (the text lower-cased, where folds_plainly holds for it).
    """
    word = (
        _SOURCE_WORD.search(text, s, e)
        if folded is None
        else _SOURCE_WORD_LOWER.search(folded, s, e)
    )
    if word is None:
        return None
    start = word.start()
    while start > s and (text[start - 1] in ",;-–—(" or text[start - 1].isspace()):
        start -= 1
    return _TRAILING_SOURCE.search(text, start, e)


def _word_before(text: str, pos: int) -> bool:
    """Whether a word of the same line, not a sentence's end or a colon, comes right before pos."""
    before = text[max(0, pos - 12) : pos]
    return before[before.rfind("\n") + 1 :].rstrip()[-1:].isalnum()


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in ".!?\n"


def _words(content: str) -> set[str]:
    return set(_WORDS.findall(content.lower()))


def _restates(headline: set[str], body: set[str]) -> bool:
    """A body claim restates a headline claim when it shares half of the headline’s words."""
    return bool(headline) and len(headline & body) >= len(headline) / 2


_WORDS = re.compile(r"\w{3,}")
_NON_WORDS = re.compile(r"\W+")


def _norm(content: str) -> str:
    return _NON_WORDS.sub(" ", content.lower()).strip()


def extract_claims(
    title: str,
    body: str,
    language: str | None,
    sentences: Sequence[tuple[int, int]] | None = None,
) -> list[ClaimDraft]:
    """Attributed claims of one article; offsets are into ``title + "\\n\\n" + body``."""
    text = title + "\n\n" + body
    spans = split_sentences(text, language) if sentences is None else sentences
    reader = _Reader(text, language, spans, len(title))
    reader.read()
    return _finalise(reader, language)


def _name_bare_offices(found: list[_Found], text: str) -> list[_Found]:
    """'il sindaco' becomes the mayor the article names elsewhere, when the name is unambiguous.

    Holders come from the claims' own speakers and, when some speaker is a bare office, from
    office mentions anywhere in the text; of several holders of one office the nearest one
    before the claim wins, and a demonym on the bare office must agree with the holder's.
    """
    def bare(sp: Speaker) -> bool:
        # Named by an office only ("il sindaco", "sindaco della città", "Moscow-installed
        # governor"): a person's own name never holds an office word.
        return office_key(sp.name) is not None

    def compatible(sp: Speaker, holder: Speaker) -> bool:
        # "portavoce del Cremlino" is not any spokesman: the names it carries must fit the holder.
        if sp.country_code is not None and holder.country_code not in (None, sp.country_code):
            return False
        key = office_key(sp.name)
        proper = [
            w.lower() for w in sp.name.split() if w[:1].isupper() and w.lower() != key
        ]
        context = f"{holder.role or ''} {holder.organization or ''}".lower()
        # uk/ru give a holder's body in the nominative ("Харківська ОВА") and a bare office
        # names it in the genitive ("голова Харківської ОВА"): a stem is enough there.
        return all(w in context or (len(w) > 6 and w[:-3] in context) for w in proper)

    if not any(bare(f.speaker) for f in found):
        return found
    holders: list[tuple[int, str, Speaker]] = [
        (f.start, key, f.speaker)
        for f in found
        if f.speaker.kind == "person"
        and f.speaker.role
        and not bare(f.speaker)
        and (key := office_key(f.speaker.role)) is not None
    ]
    wanted = frozenset(
        key for f in found if bare(f.speaker) and (key := office_key(f.speaker.name)) is not None
    )
    holders.extend(office_holders(text, wanted))
    resolved: list[_Found] = []
    for f in found:
        sp = f.speaker
        key = office_key(sp.name) if bare(sp) else None
        if key is not None:
            fits = [
                (pos, h)
                for pos, k, h in holders
                if k == key and compatible(sp, h)
            ]
            names = {h.name for _, h in fits}
            if len(names) == 1:
                f = replace(f, speaker=fits[0][1])
            elif names:
                before = [x for x in fits if x[0] <= f.start]
                pos, holder = max(before, key=lambda x: x[0]) if before else min(fits, key=lambda x: x[0])
                f = replace(f, speaker=holder)
            elif (
                sp.country_code is not None
                and (previous := _previous_person(resolved, f.start)) is not None
                and compatible(sp, previous)
            ):
                # "Putin afferma che … «…», tuona il presidente russo": a national office right
                # after a named speaker whose office the text does not give is that speaker again.
                f = replace(f, speaker=previous)
        resolved.append(f)
    return resolved


_VARIATION_REACH = 600  # characters from the end of one claim to the start of the next


def _previous_person(found: list[_Found], start: int) -> Speaker | None:
    """The named person whose claim ends just before `start`, when the text gives no office."""
    earlier = [f for f in found if f.end <= start and start - f.end <= _VARIATION_REACH]
    if not earlier:
        return None
    sp = max(earlier, key=lambda f: f.end).speaker
    if sp.kind != "person" or sp.role is not None or office_key(sp.name) is not None:
        return None
    return sp


def _join_split_quotes(text: str, kept: list[_Found], gerunds: re.Pattern[str]) -> list[_Found]:
    """'"The best way to push back," Schiff said, "is to act together."': one sentence, one claim.

    A direct quote that stops on a comma and resumes in lower case after a short attribution
    by the same speaker is one claim; its span runs over the attribution in between. A gerund
    cue in the attribution ('the daily wrote, adding, "no, …"') starts a statement of its own.
    """
    joined: list[_Found] = []
    for f in kept:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.quote == "direct"
            and f.quote == "direct"
            and prev.speaker == f.speaker
            and text[prev.end : prev.end + 1] == ","
            and 0 < f.start - prev.end <= 80
            and "\n" not in text[prev.end : f.start]
            and text[f.start : f.start + 1].islower()
            # 'Schiff said, "is to act …"' resumes the quote; 'extending his "condolences …"' quotes anew
            and text[prev.end + 1 : f.start].rstrip(" «“\"").endswith(",")
            and gerunds.search(text, prev.end, f.start) is None
        ):
            joined[-1] = replace(prev, end=f.end)
            continue
        joined.append(f)
    return joined


def _finalise(reader: _Reader, language: str | None) -> list[ClaimDraft]:
    text = reader.text
    found = reader.found
    body = [f for f in found if f.start >= reader.headline_end]
    if body and any(f.start < reader.headline_end and not f.headline_link for f in found):
        # A headline (or its repeat opening the body) that restates a body claim gives way to it,
        # unless the body itself points back at the headline ("Lo ha reso noto ..."); a headline
        # claim the body does not restate stays.
        body_words = [_words(text[f.start : f.end]) for f in body]

        def restated(f: _Found) -> bool:
            words = _words(text[f.start : f.end])
            return any(_restates(words, b) for b in body_words)

        found = [f for f in found if f.start >= reader.headline_end or f.headline_link or not restated(f)]
    found = _name_bare_offices(found, text)
    ordered = sorted(found, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[_Found] = []
    seen: set[str] = set()
    for f in ordered:
        key = _norm(text[f.start : f.end])
        if key in seen:
            continue
        overlap = next(
            (k for k in kept if k.end > f.start and k.start < f.end and _same_reading(f, k)), None
        )
        if overlap is not None and (relayed := _relayed(text, f, overlap)) is not None:
            # "secondo la Cnn, l'ISW ritiene che …": the outlet relays the claim it wraps.
            kept.remove(overlap)
            seen.add(_norm(text[relayed.start : relayed.end]))
            kept.append(relayed)
            continue
        if overlap is not None and (cut := _cut_at_aside(text, overlap, f)) is not None:
            # "… Rostov, Kursk, dove, secondo la Bbc, mille soldati …": the aside starts a claim
            # of its own and ends the one that holds it.
            kept[kept.index(overlap)] = cut[0]
            seen.add(key)
            kept.append(cut[1])
            continue
        if overlap is not None:
            # Keep one reading of a span: the wider one, marked mixed when it wraps a quote.
            if f.end - f.start > overlap.end - overlap.start:
                kept.remove(overlap)
            else:
                continue
        seen.add(key)
        kept.append(f)
    kept = _join_split_quotes(text, sorted(kept, key=lambda f: f.start), reader.cues.gerunds)
    drafts: list[ClaimDraft] = []
    for f in sorted(kept, key=lambda f: f.start):
        content = text[f.start : f.end]
        span_text: str | None = None
        if f.parts and f.parts[0][0] == f.start and f.parts[-1][1] == f.end:
            # each part keeps the comma the quote closed on: "closed to all traffic, Repairs …"
            span_text = content
            content = " ".join(text[a : b + 1 if text[b : b + 1] == "," else b] for a, b in f.parts)
        drafts.append(
            ClaimDraft(
                speaker=f.speaker,
                cue=f.cue,
                content=content,
                content_start=f.start,
                content_end=f.end,
                quote=f.quote,
                claim_type=classify(content, f.cue),
                quantities=extract_quantities(content, language),
                via=find_channels(f.outside),
                confidence=f.confidence,
                span_text=span_text,
            )
        )
    return drafts
