"""Who speaks in a claim: noun-phrase scanning, role/organisation parsing and name resolution."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import accumulate
from typing import Any, Literal, NamedTuple, TypeGuard, cast

from services.core.claim_text import folds_plainly, is_whole_word
from services.core.lexicon import load_lexicon
from services.core.morphology import (
    NOMINATIVE,
    as_written,
    inflected,
    known_word,
    nominative_group,
    phrase_languages,
    word_parses,
)
from services.core.organisations import (
    canonical_organisation,
    names_no_body,
    nominative_body,
    nominative_city,
)

SpeakerKind = Literal["person", "organization"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """The source of a claim as the article names it."""

    name: str
    role: str | None
    organization: str | None
    country_code: str | None
    kind: SpeakerKind


class Token(NamedTuple):
    """One word or punctuation mark with its offsets into the scanned text."""

    text: str
    low: str
    start: int
    end: int


# tokenize builds thousands of tokens per article: tuple.__new__ skips the Python-level
# constructor a NamedTuple (or a dataclass) would run for each.
_new_token = cast(Callable[[tuple[str, str, int, int]], Token], partial(tuple.__new__, Token))


# Elided articles (dell', l') become their own token so that `dell'amministrazione` reads as
# function word + noun; English possessive `'s` stays glued to its noun.
_TOKEN = re.compile(
    r"(?:[^\W\d_]{1,4}['’](?=[^\W\d_]))(?<!s['’])|\w+(?:[-.'’ʼ]\w+)*['’ʼ]?|[^\w\s]",
    re.UNICODE,
)


@lru_cache(maxsize=1)
def honorifics() -> tuple[str, ...]:
    """Honorifics and name suffixes written with a period ("Mr", "Sen", "Jr"), capitalised."""
    roles_data = load_lexicon("speaker_roles")
    words = roles_data["title_prefixes"] + roles_data["name_suffixes"]
    return tuple(sorted({t[:1].upper() + t[1:] for t in words}, key=len, reverse=True))


# The same tokens as separators of a split (one C-level call instead of a match object per
# token). Without an apostrophe in the text the elision alternative never matches; leaving it
# out spares trying it at every letter.
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
_PLAIN_TOKEN_SPLIT = re.compile(r"(\w+(?:[-.'’ʼ]\w+)*['’ʼ]?|[^\w\s])")


_DOTTED_CAPITALS = re.compile(r"[A-Z](?:\.[A-Z])+")


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into word/punctuation tokens carrying absolute offsets.

    An honorific or an initial keeps its period ("Mr. Clyburn", "James E. Clyburn"), so that
    the period does not read as the end of the name phrase.
    """
    splitter = _TOKEN_SPLIT if ("'" in text or "’" in text) else _PLAIN_TOKEN_SPLIT
    parts = splitter.split(text)  # separator, token, separator, ..., token, separator
    words = parts[1::2]
    bounds = list(accumulate(map(len, parts), initial=offset))
    tokens = list(map(_new_token, zip(words, map(str.lower, words), bounds[1::2], bounds[2::2])))
    if "." not in words:
        return tokens
    titles = _honorific_set()
    merged: list[int] = []
    k = words.index(".")
    while True:
        prev, dot = tokens[k - 1], tokens[k]
        if (
            k > 0
            and prev.end == dot.start
            # an honorific, a middle initial ("James E. Clyburn") or a dotted abbreviation
            # ("a senior U.S. official")
            and (
                prev.text in titles
                or (len(prev.text) == 1 and prev.text.isupper())
                or _DOTTED_CAPITALS.fullmatch(prev.text) is not None
            )
            and text[dot.end - offset : dot.end - offset + 1].isspace()
        ):
            tokens[k - 1] = _new_token((prev.text + ".", prev.low + ".", prev.start, dot.end))
            merged.append(k)
        try:
            k = words.index(".", k + 1)
        except ValueError:
            break
    for k in reversed(merged):
        del tokens[k]
    return tokens


@lru_cache(maxsize=1)
def _honorific_set() -> frozenset[str]:
    return frozenset(honorifics())


@dataclass(frozen=True, slots=True)
class SpeakerLexicon:
    """Role nouns, organisation heads, demonyms and NP glue words, lower-cased."""

    roles: frozenset[tuple[str, ...]]
    org_heads: frozenset[tuple[str, ...]]
    vocabulary: frozenset[str]
    demonyms: dict[str, str]
    metonyms: frozenset[str]
    function_words: frozenset[str]
    determiners: frozenset[str]
    title_prefixes: frozenset[str]
    name_particles: frozenset[str]
    pronouns: frozenset[str]
    speech_nouns: frozenset[str]
    not_names: frozenset[str]
    outlets: dict[str, str]
    platforms: frozenset[str]
    max_phrase: int


def _phrase_tokens(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


@lru_cache(maxsize=1)
def speaker_lexicon() -> SpeakerLexicon:
    """Load speaker_roles.json, channels.json and the pronoun list of claim_cues.json once."""
    roles_data = load_lexicon("speaker_roles")
    cues = load_lexicon("claim_cues")
    channels = load_lexicon("channels")
    roles = frozenset(_phrase_tokens(p) for p in roles_data["person_roles"])
    heads = frozenset(_phrase_tokens(p) for p in roles_data["org_heads"])
    function_words = frozenset(w.lower() for w in roles_data["np_function_words"])
    vocabulary = {
        w for phrase in roles | heads for w in phrase if w not in function_words
    }
    vocabulary.update(w.lower() for w in roles_data["modifiers"])
    outlets: dict[str, str] = {}
    for canonical, spellings in channels["outlets"].items():
        for spelling in spellings:
            outlets[spelling.lower()] = canonical
    return SpeakerLexicon(
        roles=roles,
        org_heads=heads,
        vocabulary=frozenset(vocabulary),
        demonyms={k.lower(): v for k, v in roles_data["demonyms"].items()},
        metonyms=frozenset(m.lower() for m in roles_data["metonyms"]),
        function_words=function_words,
        determiners=frozenset(d.lower() for d in roles_data["determiners"]),
        title_prefixes=frozenset(t.lower() for t in roles_data["title_prefixes"]),
        name_particles=frozenset(t.lower() for t in roles_data["name_particles"]),
        pronouns=frozenset(p.lower() for p in cues["pronoun_subjects"]),
        speech_nouns=frozenset(n.lower() for n in cues["speech_nouns"]),
        not_names=frozenset(n.lower() for n in roles_data["not_names"]),
        outlets=outlets,
        platforms=frozenset(
            spelling.lower()
            for spellings in channels["platforms"].values()
            for spelling in spellings
        ),
        max_phrase=max(len(p) for p in roles | heads),
    )


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


_POSSESSIVE_END = re.compile(r"['’ʼ]s?$")
# What a word ends with when _POSSESSIVE_END can match it.
_POSSESSIVE_LAST = frozenset("'’ʼs")


def _content_word(tok: Token, lex: SpeakerLexicon) -> bool:
    """A word that can sit inside a speaker noun phrase."""
    low = tok.low
    if low[-1:] in _POSSESSIVE_LAST:
        low = _POSSESSIVE_END.sub("", low)
    if low in lex.not_names:
        return False
    if _is_cap(tok) and low not in lex.function_words and low not in lex.determiners:
        return True
    return low in lex.vocabulary or low in lex.demonyms or low in lex.speech_nouns


_CHANNEL_PREPOSITIONS = frozenset(
    {"su", "sul", "on", "via", "in", "a", "to", "at", "per", "sur", "en", "в", "у", "во"}
)


def scan_forward(tokens: list[Token], i: int) -> int:
    """End index (exclusive) of the speaker noun phrase starting at tokens[i]; i if none."""
    lex = speaker_lexicon()
    j = i
    n = len(tokens)
    while j < n and tokens[j].low in lex.determiners:
        j += 1
    if j < n and tokens[j].low in lex.pronouns and j == i:
        return j + 1
    end = i
    while j < n:
        tok = tokens[j]
        if (
            _content_word(tok, lex)
            or tok.low == "s"
            and j > i
            and tokens[j - 1].text[-1:] in "'’ʼ"
        ):
            j += 1
            end = j
            continue
        if end > i and _has_role(tokens[i:end], lex):
            # "il portavoce del fronte orientale delle forze armate Serhiy Cherevaty": the words
            # between an office and its holder's name need not be in the lexicon.
            k = j
            while (
                k < n
                and k - j < 10
                and tokens[k].text[:1].isalpha()
                and not _is_cap(tokens[k])
            ):
                k += 1
            run = k
            while run < n and _is_cap(tokens[run]) and tokens[run].low not in lex.not_names:
                run += 1
            if (
                k > j
                and run > k
                # "sindaco di Leopoli" names a place; "... della Russia Sergei Sobyanin" a holder
                and (tokens[k - 1].low not in lex.function_words or run - k >= 3)
                # "il sindaco su Telegram": a lone preposition leads to a channel, not a name
                and not (k - j == 1 and tokens[j].low in _CHANNEL_PREPOSITIONS)
            ):
                j = run
                end = run
                continue
        if tok.low in lex.function_words or tok.low in lex.determiners:
            k = j
            while k < n and (
                tokens[k].low in lex.function_words or tokens[k].low in lex.determiners
            ):
                k += 1
            if end > i and k < n and _content_word(tokens[k], lex) and k - j <= 2:
                j = k
                continue
            if (
                end > i
                and k + 1 < n
                and k - j <= 2
                and tokens[k].text.isalpha()
                and tokens[k].text.islower()
                and tokens[k + 1].low in lex.vocabulary
                and not tokens[k + 1].text[:1].isupper()
            ):
                # "il governatore dell'omonima regione": one adjective before a known noun.
                j = k + 2
                end = j
                continue
            break
        if tok.text == "," and end > i and j + 1 < n and _is_cap(tokens[j + 1]):
            # Appositive name after a role: "the head of the administration, Oleh Prokudin,"
            k = j + 1
            while k < n and (_is_cap(tokens[k]) or _inner_particle(tokens, k, lex)) \
                    and tokens[k].low not in lex.determiners:
                k += 1
            if (
                1 <= k - j - 1 <= 4
                and (k == n or tokens[k].text in ",.;:")
                and _has_role(tokens[i:end], lex)
            ):
                j = k
                end = k
            break
        break
    named = end - i >= 2 and _is_cap(tokens[end - 1]) and _is_cap(tokens[end - 2])
    if end > i and not named and _has_role(tokens[i:end], lex):
        end = _far_appositive(tokens, end, lex)
    return end


def _inner_particle(tokens: list[Token], k: int, lex: SpeakerLexicon) -> bool:
    """'von'/'der' inside "Ursula von der Leyen": a particle between capitalised name words."""
    return (
        k > 0
        and tokens[k].low in lex.name_particles
        and (_is_cap(tokens[k - 1]) or tokens[k - 1].low in lex.name_particles)
        and k + 1 < len(tokens)
        and (_is_cap(tokens[k + 1]) or tokens[k + 1].low in lex.name_particles)
    )


def _far_appositive(tokens: list[Token], end: int, lex: SpeakerLexicon) -> int:
    """Role phrase followed within the clause by ', Name Surname': extend the NP to the name."""
    k = end
    while (
        k < len(tokens)
        and k - end < 20
        and (tokens[k].text[:1].isalnum() or tokens[k].text in "'’")
    ):
        k += 1
    if k + 1 < len(tokens) and tokens[k].text == ",":
        m = k + 1
        while (
            m < len(tokens)
            and (_is_cap(tokens[m]) or _inner_particle(tokens, m, lex))
            and tokens[m].low not in lex.determiners
        ):
            m += 1
        if 2 <= m - k - 1 <= 4 and (m == len(tokens) or tokens[m].text in ",.;:"):
            return m
    return end


def scan_backward(tokens: list[Token], j: int) -> int:
    """Start index of the speaker noun phrase ending just before tokens[j]; j if none."""
    return _scan_backward(tokens, j)[0]


def scan_backward_settled(tokens: list[Token], j: int) -> int | None:
    """scan_backward over the last tokens of a longer list, or None when its reading might
    change with the tokens before them: unless the scan stopped two tokens or more into the
    list, a phrase may begin earlier."""
    start, settled = _scan_backward(tokens, j)
    return start if settled else None


def _scan_backward(tokens: list[Token], j: int) -> tuple[int, bool]:
    """scan_backward, and whether it stopped with two tokens or more before it (it then read
    none of them: it looks at most two tokens back)."""
    lex = speaker_lexicon()
    i = j
    start = j
    while i > 0:
        tok = tokens[i - 1]
        if (
            _content_word(tok, lex)
            or tok.low == "s"
            and i > 1
            and tokens[i - 2].text[-1:] in "'’ʼ"
        ):
            i -= 1
            start = i
            continue
        if tok.low in lex.determiners:
            i -= 1
            start = i
            continue
        if (
            tok.low in lex.function_words
            and start < j
            and i > 1
            and _content_word(tokens[i - 2], lex)
        ):
            i -= 1
            continue
        break
    settled = i >= 2
    if start < j and j - start == 1 and tokens[start].low in lex.determiners:
        return j, settled
    # "Il sindaco di Leopoli, Andriy Sadovyi, ha detto": step over the appositive commas.
    if (
        start < j
        and j - start <= 4
        and all(_is_cap(t) for t in tokens[start:j])
        and start >= 2
        and tokens[start - 1].text == ","
    ):
        outer, outer_settled = _scan_backward(tokens[: start - 1], start - 1)
        settled = settled and outer_settled
        if outer < start - 1 and _has_role(tokens[outer : start - 1], lex):
            return outer, settled
    return start, settled


def _has_role(tokens: list[Token], lex: SpeakerLexicon) -> bool:
    lows = tuple(t.low for t in tokens)
    offices = _offices()
    return any(
        lows[a : a + size] in offices
        for size in range(1, lex.max_phrase + 1)
        for a in range(len(lows) - size + 1)
    )


@lru_cache(maxsize=1)
def _offices() -> frozenset[tuple[str, ...]]:
    """Role and organisation-head phrases in one set: one look-up per word run."""
    lex = speaker_lexicon()
    return lex.roles | lex.org_heads


def _longest_match(
    lows: list[str], phrases: frozenset[tuple[str, ...]], max_len: int
) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for a in range(len(lows)):
        for size in range(min(max_len, len(lows) - a), 0, -1):
            if tuple(lows[a : a + size]) in phrases:
                if best is None or size > best[1] - best[0]:
                    best = (a, a + size)
                break
    return best


def _country(lows: list[str], lex: SpeakerLexicon) -> str | None:
    for a in range(len(lows)):
        pair = " ".join(lows[a : a + 2])
        if pair in lex.demonyms:
            return lex.demonyms[pair]
        if lows[a].rstrip("'’ʼs") in lex.demonyms:
            return lex.demonyms[lows[a].rstrip("'’ʼs")]
        if lows[a] in lex.demonyms:
            return lex.demonyms[lows[a]]
    return None


def _span_text(text: str, tokens: list[Token]) -> str:
    return text[tokens[0].start : tokens[-1].end] if tokens else ""


def _person_run(tokens: list[Token], lex: SpeakerLexicon) -> tuple[int, int] | None:
    """The person's name inside a phrase: a capitalised run not part of an organisation name."""
    runs: list[tuple[int, int]] = []
    a = 0
    while a < len(tokens):
        if _is_cap(tokens[a]) and tokens[a].low not in lex.determiners:
            b = a
            while b < len(tokens) and (
                _is_cap(tokens[b])
                and tokens[b].low not in lex.function_words
                # "Ursula von der Leyen", "Frank-Walter Steinmeier van der Bellen": particles
                # inside a name, between capitalised words
                or b > a
                and _inner_particle(tokens, b, lex)
            ):
                b += 1
            if b > a:
                runs.append((a, b))
            a = max(b, a + 1)
        else:
            a += 1
    candidates: list[tuple[int, int]] = []
    for a, b in runs:
        inner_roles = [k for k in range(a, b - 1) if (tokens[k].low,) in lex.roles]
        if inner_roles:
            a = inner_roles[-1] + 1
        if b - a >= 3 and _genitive_before_name(tokens, a, b):
            # "мер Києва Віталій Кличко", "пресс-секретарь Кремля Дмитрий Песков": uk/ru put the
            # office's place or body in the genitive, capitalised, straight before the holder.
            candidates.append((b - 2, b))
            continue
        while a < b and (
            tokens[a].low in lex.vocabulary
            or tokens[a].low.rstrip(".") in lex.title_prefixes
            or (tokens[a].low,) in lex.roles
            or tokens[a].low in lex.demonyms
        ):
            a += 1
        if a >= b:
            continue
        words = [t.low for t in tokens[a:b]]
        named = [
            k
            for k, w in enumerate(words)
            if w in lex.vocabulary or (w,) in lex.org_heads or w in lex.metonyms
        ]
        if named:
            # "Head of the Kharkiv Regional Military Administration Oleg Synegubov": a first
            # name and a surname closing an organisation's capitalised name are its holder.
            tail = a + named[-1] + 1
            if b - tail == 2 or (b - tail == 3 and tokens[tail].low in _given_names()):
                if not any(t.low in lex.demonyms or t.low in lex.not_names for t in tokens[tail:b]):
                    candidates.append((tail, b))
            continue
        if any(w.rstrip("'’ʼ") in lex.demonyms for w in words):
            continue
        after_function = a > 0 and (
            tokens[a - 1].low in lex.function_words
            # "ministère de l'Intérieur": an article between the preposition and the noun
            or (
                a > 1
                and tokens[a - 1].low in lex.determiners
                and tokens[a - 2].low in lex.function_words
            )
        )
        if after_function and b - a >= 3:
            # "sindaco di Leopoli Andriy Sadovy": the place ends the office, the name follows.
            a = b - 2
        elif after_function:
            continue
        if (
            b - a == 1
            and b < len(tokens)
            and tokens[b].low not in lex.function_words
            and tokens[b].text != ","
        ):
            # A lone capitalised word before more of the phrase is a modifier ("Sumy prosecutor's office").
            continue
        candidates.append((a, b))
    # "Минздрав ДНР", "пресс-служба МВД": a Cyrillic abbreviation names no person.
    candidates = [
        (a, b)
        for a, b in candidates
        if not all(t.text.isupper() and _CYRILLIC.match(t.text) for t in tokens[a:b])
    ]
    multi = [c for c in candidates if c[1] - c[0] >= 2]
    if multi:
        return multi[0]
    return candidates[-1] if candidates else None


def _genitive_before_name(tokens: list[Token], a: int, b: int) -> bool:
    """Whether a capitalised Cyrillic run ends in a first name and a surname after other words
    ("Харківської ОВА Олег Синєгубов"): those words name the office, not the person."""
    from services.core.gazetteer import given_name_places

    first = tokens[b - 2]
    # A given name that also names a city ("Владимир") is a name between an office's genitive
    # and a surname.
    return (
        _CYRILLIC.match(first.text) is not None
        and (first.low in _given_names() or first.low in given_name_places())
        and _CYRILLIC.match(tokens[b - 1].text) is not None
    )


_LOCATIVE_PREPOSITIONS = frozenset({"в", "у", "во"})
# Where or when a uk/ru speaker spoke, between the name and the cue ("Захарова на брифинге
# заявила", "Зеленський у вечірньому зверненні заявив"): no part of the name.
_SETTING_PREPOSITIONS = frozenset({"в", "у", "во", "на", "під", "под", "після", "после"})


def _before_setting(tokens: list[Token]) -> list[Token]:
    """A uk/ru speaker phrase less a closing prepositional phrase on a lower-case noun ("на
    брифинге", "в интервью РБК"); "в Херсоне" may be part of an office and stays."""
    for k in range(1, len(tokens) - 1):
        if tokens[k].low in _SETTING_PREPOSITIONS and not _is_cap(tokens[k + 1]):
            return tokens[:k]
    return tokens
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_POSSESSIVE = re.compile(r"['’ʼ]s?$")
_POSSESSIVE_OWNER = re.compile(r"\w['’ʼ]s$")


def _nominative_office(role: str | None, organization: str | None) -> tuple[str | None, str | None]:
    """A uk/ru holder's office and its body in the nominative ("начальника Харківської ОВА" ->
    "начальник", "Харківська ОВА"); other languages as written."""
    if role is not None and _CYRILLIC.search(role):
        role = nominative_role(role)
    if organization is not None and _CYRILLIC.search(organization):
        if names_no_body(organization):
            return role, None  # "глава города": which city, the sentence does not say here
        named = nominative_body(organization)
        if named == organization and role is not None:
            # "мер Києва", "мэр Москвы": the city the office is of, in the nominative.
            russian = _RUSSIAN_OFFICE.search(f"{role} {organization}") is not None
            named = nominative_city(organization, russian)
        organization = named
    return role, organization


# Letters only Russian writes ("мэр", "Москвы"): the city's Russian nominative, not Ukrainian.
_RUSSIAN_OFFICE = re.compile(r"[ыэёъЫЭЁЪ]")


def _cyrillic_role(role: str) -> str:
    return nominative_role(role) if _CYRILLIC.search(role) else role


def parse_speaker(text: str, start: int, end: int) -> Speaker | None:
    """Read a speaker noun phrase text[start:end] into a Speaker; None if it names nobody."""
    return _parse_phrase(text[start:end])


# The attribution rules parse the same phrase several times per article (once per cue that
# finds it); the reading depends on the phrase alone.
@lru_cache(maxsize=4096)
def _parse_phrase(phrase: str) -> Speaker | None:
    speaker = _parse_speaker(phrase, 0, len(phrase))
    if speaker is not None and speaker.name.lower() in speaker_lexicon().platforms:
        return None  # "account Telegram": a channel carries words, it does not say them
    if speaker is not None and _POSSESSIVE.search(speaker.name):
        # "Broaddrick’s account": the possessive marks the owner, who is the speaker.
        name = _POSSESSIVE.sub("", speaker.name).strip()
        if name:
            speaker = replace(speaker, name=name)
    return speaker


def _parse_speaker(text: str, start: int, end: int) -> Speaker | None:
    lex = speaker_lexicon()
    tokens = [t for t in tokenize(text[start:end], start) if t.text not in "()"]
    while tokens and (
        tokens[0].low in lex.determiners
        or tokens[0].low in lex.not_names
        or tokens[0].text in ",;:–-'\"’”»"
        # "В МЧС сообщили": the body that speaks is named where it speaks
        or (tokens[0].low in _LOCATIVE_PREPOSITIONS and len(tokens) > 1)
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in ",;:.–-":
        tokens = tokens[:-1]
    if not tokens:
        return None
    if _CYRILLIC.match(tokens[0].text):
        tokens = _before_setting(tokens)
    lows = [t.low for t in tokens]
    # "il report dello Stato maggiore" speaks for the Stato maggiore.
    noun = next(
        (k for k in range(min(3, len(lows))) if lows[k] in lex.speech_nouns), None
    )
    if (
        noun is not None
        and noun + 2 < len(tokens)
        and lows[noun + 1] in lex.function_words
    ):
        k = noun + 1
        while k < len(tokens) and (
            lows[k] in lex.function_words or lows[k] in lex.determiners
        ):
            k += 1
        tokens, lows = tokens[k:], lows[k:]
    elif noun is not None and lows[noun] not in ("fonti", "sources") and len(tokens) > 1:
        return None
    if not tokens:
        return None
    country = _country(lows, lex)
    comma = next((k for k, t in enumerate(tokens) if t.text == ","), None)
    if (
        comma is not None
        and 0 < comma <= 4
        and all(_is_cap(t) or t.text.endswith(".") for t in tokens[:comma])
    ):
        head = _person_run(tokens[:comma], lex)
        if (
            head is not None
            and head == (0, comma)
            or (head is not None and head[1] == comma)
        ):
            apposition = tokens[comma + 1 :]
            while apposition and apposition[0].low in lex.determiners:
                apposition = apposition[1:]
            role_text = _span_text(text, apposition) or None
            org = None
            if role_text is not None:
                inner = _longest_match(
                    [t.low for t in apposition], lex.org_heads, lex.max_phrase
                )
                org = _span_text(text, apposition[inner[0] :]) if inner else None
                office = _longest_match([t.low for t in apposition], lex.roles, lex.max_phrase)
                if (
                    office is not None
                    and office[0] == 0
                    and office[1] < len(apposition)
                    and _CYRILLIC.match(apposition[0].text)
                ):
                    # "Олег Синєгубов, голова Харківської ОВА,": the office, then its body.
                    role_text = _span_text(text, apposition[: office[1]])
                    org = _span_text(text, apposition[office[1] :])
            role_text, org = _nominative_office(role_text, org)
            return Speaker(
                _span_text(text, tokens[head[0] : head[1]]),
                role_text,
                org,
                country,
                "person",
            )
    person = _person_run(tokens, lex)
    role_span = _longest_match(lows, lex.roles, lex.max_phrase)
    org_span = _longest_match(lows, lex.org_heads, lex.max_phrase)
    if person is not None:
        name = _span_text(text, tokens[person[0] : person[1]])
        rest = [
            t
            for k, t in enumerate(tokens)
            if not person[0] <= k < person[1]
            and t.low.rstrip(".") not in lex.title_prefixes
        ]
        role: str | None = None
        organization: str | None = None
        if role_span is not None:
            role = _span_text(text, tokens[role_span[0] : role_span[1]])
            tail = (
                tokens[role_span[1] : person[0]]
                if role_span[1] <= person[0]
                else tokens[role_span[1] :]
            )
            while tail and (
                tail[0].low in lex.function_words or tail[0].low in lex.determiners
            ):
                tail = tail[1:]
            while tail and tail[-1].text in ",;:":
                tail = tail[:-1]
            if tail:
                organization = _span_text(text, tail)
        elif rest:
            org_tokens = [
                t for t in rest if t.low not in lex.function_words and t.text not in ","
            ]
            if org_tokens and (
                org_span is not None or any(_is_cap(t) for t in org_tokens)
            ):
                organization = _span_text(text, rest).strip(" ,")
                organization = re.sub(
                    r"^(?:at|of|di|del|della|from|da|dal)\s+", "", organization
                )
        role, organization = _nominative_office(role, organization)
        return Speaker(name, role, organization, country, "person")
    has_cap = any(_is_cap(t) for t in tokens)
    if org_span is None and role_span is None and not has_cap:
        return None
    name = _span_text(text, tokens)
    if len(tokens) == 1 and tokens[0].low in lex.pronouns:
        return None
    if (
        role_span is not None
        and role_span[1] == len(tokens)
        and 0 < role_span[0] <= 3
        and _POSSESSIVE_OWNER.search(tokens[0].text)
        and all(t.text.islower() for t in tokens[1 : role_span[0]])
    ):
        # "Sweden's energy minister", "the region's governor": an office holder, not a body.
        return Speaker(name, name, None, country, "person")
    if (
        role_span is not None
        and org_span is None
        and role_span == (0, len(tokens))
        and lows[-1]
        not in (
            "witnesses",
            "testimoni",
            "residents",
            "residenti",
            "officials",
            "funzionari",
            "testigos",
            "témoins",
        )
    ):
        # A bare role ("il governatore") is a person whose name we do not know.
        return Speaker(name, _cyrillic_role(name), None, country, "person")
    if (
        role_span is not None
        and role_span[0] == 0
        and role_span[1] < len(tokens)
        and _CYRILLIC.match(tokens[0].text)
    ):
        # "Губернатор Курской области заявил": an office with the body or territory it heads
        # in the genitive is its holder, unnamed ("голова Харківської ОВА" as a later mention).
        body = _span_text(text, tokens[role_span[1] :])
        nominative = nominative_body(body)
        if nominative != body or canonical_organisation(body) is not None:
            role = nominative_role(_span_text(text, tokens[: role_span[1]]))
            return Speaker(name, role, nominative, country, "person")
    if _CYRILLIC.match(tokens[0].text):
        # "повідомили в Запорізькій ОВА": a body speaks under its name as a subject.
        name = nominative_body(name)
    return Speaker(
        name,
        None,
        name if org_span is not None or has_cap else None,
        country,
        "organization",
    )


@lru_cache(maxsize=4096)
def office_key(role: str) -> str | None:
    """The office noun of a role phrase ("governor" in "Moscow-installed governor"), lower-cased."""
    lex = speaker_lexicon()
    for tok in tokenize(role):
        if (tok.low,) in lex.roles:
            return tok.low
    return None


@lru_cache(maxsize=1)
def _verb_words() -> frozenset[str]:
    """Every word of every reporting-verb cue (claim_cues.json), lower-cased."""
    cues = load_lexicon("claim_cues")
    function_words = speaker_lexicon().function_words | speaker_lexicon().determiners
    return frozenset(
        w
        for phrases in cues["verbs"].values()
        for phrase in phrases
        for w in phrase.lower().split()
        if w not in function_words
    )


def office_holders(text: str, offices: frozenset[str]) -> list[tuple[int, str, Speaker]]:
    """Named holders of the given offices anywhere in a text, as (offset, office noun, person).

    Reads "il sindaco di Mosca Sergei Sobyanin" and "Ivan Fedorov, the regional governor", so
    that a claim the article attributes to a bare "sindaco" can be given its name. Only a
    window around each mention of an office is tokenized.
    """
    if not offices:
        return []
    found: list[tuple[int, str, Speaker]] = []
    for at, until in _office_mentions(text, offices):
        # A line break ends a phrase: "Source: Head of the … Administration Oleg Synegubov\nIn …".
        lo = max(0, at - 120, text.rfind("\n", 0, at) + 1)
        hi = text.find("\n", until, until + 160)
        tokens = tokenize(text[lo : hi if hi >= 0 else until + 160], lo)
        k = next((i for i, t in enumerate(tokens) if t.start == at), None)
        if k is None:
            continue
        office = tokens[k].low
        end = scan_forward(tokens, k)
        between = [t.low for t in tokens[k + 1 : end] if not _is_cap(t)]
        if (
            end > k + 1
            and _is_cap(tokens[end - 1])
            # "lawmaker told Fox News": a reporting verb ends the office phrase
            and not any(w in _verb_words() for w in between)
        ):
            speaker = parse_speaker(text, tokens[k].start, tokens[end - 1].end)
            if _named_holder(speaker):
                found.append((at, office, speaker))
                continue
        # "Name Surname, the (regional) governor": a name just before an appositive office.
        j = k
        while j > 0 and k - j < 4 and tokens[j - 1].text != ",":
            j -= 1
        if j >= 3 and tokens[j - 1].text == ",":
            a = j - 1
            while a > 0 and j - 1 - a < 3 and _is_cap(tokens[a - 1]):
                a -= 1
            if j - 1 - a >= 2:
                speaker = parse_speaker(text, tokens[a].start, tokens[j - 2].end)
                if _named_holder(speaker):
                    found.append((at, office, speaker))
    return found


def _named_holder(speaker: Speaker | None) -> TypeGuard[Speaker]:
    """A person with a first name and a surname who can hold an office; not a town ("the city
    of Kryvyi Rih, according to local officials")."""
    return (speaker is not None and speaker.kind == "person" and " " in speaker.name
            and not bare_settlement(speaker)
            # "Голова Харківської ОВА уточнив": an office with its body names no holder
            and office_key(speaker.name) is None)


def _office_mentions(text: str, offices: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each mention of the offices (lower-case words) in the text, as
    _office_regex(offices).finditer finds them.

    A regex ignoring case is tried at every offset of the text; where lower-casing folds case
    as it does (see folds_plainly), plain substring searches of the lower-cased text find the
    same words, and the leftmost mention, the first office in the alternation's order at one
    offset, wins as in the regex.
    """
    folded = text.lower()
    if len(folded) != len(text) or not folds_plainly(text) or not all(map(folds_plainly, offices)):
        return [m.span() for m in _office_regex(offices).finditer(text)]
    found: list[tuple[int, int, int]] = []
    for rank, office in enumerate(sorted(offices)):
        at = folded.find(office)
        while at >= 0:
            end = at + len(office)
            if is_whole_word(folded, at, end):
                found.append((at, rank, end))
            at = folded.find(office, at + 1)
    mentions: list[tuple[int, int]] = []
    for at, _, end in sorted(found):
        if not mentions or at >= mentions[-1][1]:
            mentions.append((at, end))
    return mentions


@lru_cache(maxsize=256)
def _office_regex(offices: frozenset[str]) -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(o) for o in sorted(offices)) + r")(?!\w)",
        re.IGNORECASE,
    )


# subject_before asks about the same phrase once per cue that follows it.
@lru_cache(maxsize=4096)
def names_an_office(phrase: str) -> bool:
    """True when a phrase contains a role noun or an organisation head ("spokesman", "ministry")."""
    return _has_role(tokenize(phrase), speaker_lexicon())


def is_outlet(speaker: Speaker) -> bool:
    """True when the 'speaker' is a news outlet relaying someone else's words."""
    return speaker.name.lower() in speaker_lexicon().outlets


def is_pronoun(word: str) -> bool:
    """True for subject pronouns that refer back to an earlier speaker."""
    return word.lower() in speaker_lexicon().pronouns


class SpeakerRegistry:
    """Speakers seen so far in one document: surname look-up and the most recent speaker."""

    def __init__(self) -> None:
        self._by_surname: dict[str, Speaker] = {}
        self._organizations: list[Speaker] = []
        self.last: Speaker | None = None

    def knows(self, surname: str) -> bool:
        """True when a speaker with this surname was seen before."""
        return self._key(surname) in self._by_surname

    def _key(self, name: str) -> str:
        return name.split()[-1].lower().rstrip("'’ʼs") if name.split() else ""

    def observe(self, speaker: Speaker) -> Speaker:
        """Resolve a mention against earlier ones (surname → full name) and remember it."""
        if speaker.kind == "organization":
            words = set(speaker.name.lower().split())
            for known_org in self._organizations:
                if words < set(known_org.name.lower().split()):
                    speaker = known_org
                    break
            else:
                self._organizations.append(speaker)
            self.last = speaker
            return speaker
        key = self._key(speaker.name)
        known = self._by_surname.get(key)
        size = len(speaker.name.split())
        if (
            known is not None
            and known.kind == "person"
            and (size == 1 or speaker.name == known.name)
        ):
            # A bare surname, or the same full name again: one person, details merged.
            speaker = replace(
                known,
                role=known.role or speaker.role,
                organization=known.organization or speaker.organization,
                country_code=known.country_code or speaker.country_code,
            )
        if size >= 2 or (key and key not in self._by_surname):
            self._by_surname[key] = speaker
        self.last = speaker
        return speaker


@dataclass(frozen=True, slots=True)
class _NameRules:
    """Closed word classes that tell a clause or a place from a speaker's name (lower-cased)."""

    relatives: frozenset[str]
    clause_words: frozenset[str]
    not_alone: frozenset[str]
    capitals: frozenset[str]


@lru_cache(maxsize=1)
def _name_rules() -> _NameRules:
    roles_data = load_lexicon("speaker_roles")
    capitals = load_lexicon("capitals")
    return _NameRules(
        relatives=frozenset(w.lower() for w in roles_data["relative_pronouns"]),
        clause_words=frozenset(w.lower() for w in roles_data["clause_words"]),
        not_alone=frozenset(w.lower() for w in roles_data["not_alone"]),
        capitals=frozenset(n.lower() for n in capitals["names"]),
    )


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    from services.core.gazetteer import load_given_names

    return load_given_names()


# A dateline opening the phrase ("MOSCOW - Russia's ..."): the place the story was filed from.
_DATELINE_HEAD = re.compile(r"^[A-Z]{3,}(?:\s+[A-Z]{3,})*\s*[-–—]\s")
def _is_settlement(name: str, rules: _NameRules) -> bool:
    """A town's name and nothing else: no country, capital or region reading competes."""
    from services.core.gazetteer import default_gazetteer

    places = default_gazetteer().candidates(name)
    if not places or any(
        p.kind == "country" or p.name.lower() in rules.capitals for p in places
    ):
        return False
    return any(p.kind == "settlement" for p in places)


def _verb_like(tok: Token, lex: SpeakerLexicon) -> bool:
    """A lower-case word a name phrase cannot end in: a reporting verb, an auxiliary, a past form."""
    low = tok.low
    return not _is_cap(tok) and (
        low in _verb_words()
        or low == "to"
        or (len(low) > 4 and low.endswith("ed") and low not in lex.vocabulary)
    )


@lru_cache(maxsize=4096)
def vet_speaker(speaker: Speaker) -> Speaker | None:
    """The speaker if its name can name one, trimmed of stray words; None for a clause or a list
    of places.

    A relative pronoun hands the phrase to its antecedent ("Republicans who" → Republicans); a
    leading subordinator or a trailing verb is cut off ("As Politico", "officials have").
    """
    lex = speaker_lexicon()
    rules = _name_rules()
    name = speaker.name
    if ":" in name or _DATELINE_HEAD.match(name):
        return None
    tokens = tokenize(name)
    a, b = 0, len(tokens)
    while a < b and tokens[a].low in rules.clause_words:
        a += 1
    while b > a and (
        _verb_like(tokens[b - 1], lex) or tokens[b - 1].low in rules.clause_words
    ):
        b -= 1
    relative = next((k for k in range(a, b) if tokens[k].low in rules.relatives), None)
    if relative is not None:
        b = relative
    if a >= b:
        return None
    kept = tokens[a:b]
    lows = [t.low for t in kept]
    if any(w in rules.clause_words for w in lows) or lows[0] in lex.function_words:
        return None  # "campaign to energize voters, after early data", "with whom the report"
    if lows[-1] in lex.pronouns or (len(kept) > 1 and lows[-1] in ("i", "io")):
        return None  # "Last week I": the writer, not a speaker
    if len(kept) == 1 and lows[0] in rules.not_alone:
        return None
    if (a, b) != (0, len(tokens)):
        trimmed = _parse_phrase(name[kept[0].start : kept[-1].end])
        return None if trimmed is None else vet_speaker(trimmed)
    if speaker.role is None and "," in name:
        parts = [p.strip() for p in name.split(",")]
        if all(p and _is_settlement(p, rules) for p in parts):
            return None  # "Ivanovo, Belaya": a list of places
    return speaker


@lru_cache(maxsize=4096)
def bare_settlement(speaker: Speaker) -> bool:
    """A speaker named only by a city that is no capital: 'Kryvyi Rih', 'Vegas' (not 'Kyiv')."""
    lex = speaker_lexicon()
    tokens = tokenize(speaker.name)
    return (
        speaker.role is None
        and 1 <= len(tokens) <= 3
        and all(_is_cap(t) for t in tokens)
        and (len(tokens) == 1 or tokens[0].low not in _given_names())
        and speaker.name.lower() not in lex.metonyms
        and _is_settlement(speaker.name, _name_rules())
    )


# Surname endings, as (genitive ending, nominative ending), longest first, for a surname the
# dictionaries do not hold: pymorphy3's guess for an unknown -ова/-ина word is a feminine
# adjective or surname in the nominative ("Синєгубова"), not the masculine genitive a source
# puts it in. Known surnames and all given names take their case from the dictionaries.
_SURNAME_ENDINGS = (
    ("цького", "цький"), ("ського", "ський"), ("цкого", "цкий"), ("ского", "ский"),
    ("ської", "ська"), ("цької", "цька"), ("ской", "ская"), ("цкой", "цкая"),
    ("ової", "ова"), ("евої", "ева"), ("євої", "єва"), ("іної", "іна"), ("иної", "ина"),
    ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
    ("ова", "ов"), ("ева", "ев"), ("єва", "єв"), ("ёва", "ёв"), ("іна", "ін"), ("їна", "їн"), ("ина", "ин"),
)
_CYRILLIC_WORD = re.compile(r"(?<!\w)[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ-]+")
_SOFT_END = "аеєиіїоуюяьйыэё"
# A source names a person in the genitive ("за словами Олега Синєгубова") or, after "на", the
# accusative ("со ссылкой на Гладкова").
_NAME_CASES = frozenset({"gent", "accs"})


def nominative_name(name: str, before: str) -> str:
    """A uk/ru person's name read in the genitive ("Гладкова", "Олега Синєгубова") put back in
    the nominative: as the text `before` names the person (a capitalised word whose stem,
    the word less its final vowels, begins the genitive: "Гладков", "Зеленський"), else by
    pymorphy3's dictionaries, a surname they lack by its ending."""
    words = name.split()
    if not words or not all(_CYRILLIC.match(w) for w in words):
        return name
    named = {m.group() for m in _CYRILLIC_WORD.finditer(before)}
    out: list[str] = []
    for word in words:
        stemmed = [
            w
            for w in named
            if w != word
            and len(stem := w.rstrip(_SOFT_END)) >= 3
            and word.startswith(stem)
            and len(word) - len(stem) <= 3
        ]
        if stemmed:
            # The longest shared stem, then the shortest word: "Песков" over "Пески" and
            # "Песковы" for "Пескова".
            out.append(min(stemmed, key=lambda w: (-len(w.rstrip(_SOFT_END)), len(w))))
            continue
        out.append(word)
    return " ".join(_nominative_words(words, out, phrase_languages(name)))


def _nominative_words(words: list[str], named: list[str], languages: tuple[str, ...]) -> list[str]:
    """The name words the text did not name (`named` holds them as written) in the nominative:
    a given name the dictionaries hold as a Name, then the surname as a Surn of the given
    name's gender, else by the surname endings."""
    out = list(named)
    gender: str | None = None
    for k, word in enumerate(words):
        surname = k == len(words) - 1
        parse = _name_reading(word, "Surn" if surname else "Name", gender, languages)
        if parse is not None:
            gender = gender or parse.tag.gender
        if out[k] != word:
            continue
        form = None if parse is None else inflected(parse, NOMINATIVE)
        if form is not None:
            out[k] = as_written(word, form)
        elif surname:
            out[k] = _by_ending(word)
    return out


def _name_reading(word: str, kind: str, gender: str | None, languages: tuple[str, ...]) -> Any:
    for language in languages:
        if not known_word(word, language):
            continue
        for p in word_parses(word, language):
            if kind in p.tag and p.tag.case in _NAME_CASES and (gender is None or p.tag.gender in (gender, "ms-f")):
                return p
    return None


def _by_ending(word: str) -> str:
    low = word.lower()
    for gen, nom in _SURNAME_ENDINGS:
        if low.endswith(gen) and len(low) - len(gen) >= 3:
            return word[: -len(gen)] + nom
    return word


@lru_cache(maxsize=4096)
def nominative_role(role: str) -> str:
    """A uk/ru office as the role lexicon names it: the genitive a source puts it in ("за
    словами голови", "по словам официального представителя") back in the nominative, an
    adjective in its office noun's gender, and the capital of a sentence start or of a title
    ("Міністр", "Губернатор") in lower case. Only the words up to the office noun change: the
    genitive after it names whose office it is ("заступника голови" -> "заступник голови",
    "врио губернатора" stays)."""
    if not _CYRILLIC.search(role):
        return role
    roles = speaker_lexicon().roles

    def is_office(p: Any) -> bool:
        # One person's office: the plural reading of "голови" is no office.
        form = None if "plur" in p.tag else inflected(p, NOMINATIVE)
        return form is not None and (form,) in roles

    words = role.split()
    # The language whose dictionary holds the words first: "официального" is no Ukrainian word.
    for known, language in ((k, lang) for k in (True, False) for lang in phrase_languages(role)):
        nominative = nominative_group(words, language, is_office, known=known)
        if nominative is not None:
            words = nominative
            break
    first = words[0]
    if first[:1].isupper() and not first.isupper() and first.lower() in speaker_lexicon().vocabulary:
        words = [first.lower(), *words[1:]]
    return " ".join(words)
