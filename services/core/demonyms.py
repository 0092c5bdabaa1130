"""Nationality words ("Syrian", "turchi") and the country each names, from lexicon demonyms.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from services.core.lexicon import language_section, load_lexicon


@dataclass(frozen=True, slots=True)
class Demonym:
    country_code: str
    start: int
    end: int


def _nationalities(language: str) -> str:
    """One alternative of the language's nationality words, each group named for its country."""
    section = language_section("demonyms", language)
    body = "|".join(f"(?P<{code}>{'|'.join(forms)})" for code, forms in section.items())
    return f"(?:{body})"


def _flags(language: str) -> int:
    # English capitalises nationalities ("Polish police", not "polish"); Italian does not.
    return 0 if language == "en" else regex.IGNORECASE


@lru_cache(maxsize=16)
def _pattern(language: str) -> regex.Pattern[str]:
    return regex.compile(rf"(?<!\w){_nationalities(language)}(?!\w)", _flags(language))


def find_demonyms(text: str, language: str) -> list[Demonym]:
    """Every nationality word of `text`, in order."""
    return [Demonym(str(m.lastgroup), m.start(), m.end()) for m in _pattern(language).finditer(text)]


@lru_cache(maxsize=16)
def _capital_pattern(language: str) -> regex.Pattern[str] | None:
    phrases = load_lexicon("capitals")["phrases"].get(language)
    if not phrases:
        return None
    nationality = _nationalities(language)
    body = "|".join(phrase.replace("{demonym}", nationality) for phrase in phrases)
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", _flags(language))


def find_capital_phrases(text: str, language: str) -> list[Demonym]:
    """Every "the Ukrainian capital", "la capitale russa", "українська столиця" of `text`: the
    span of the whole phrase and the country whose capital it names (capitals.json)."""
    pattern = _capital_pattern(language)
    if pattern is None:
        return []
    return [Demonym(str(m.lastgroup), m.start(), m.end()) for m in pattern.finditer(text)]


@lru_cache(maxsize=50_000)
def is_demonym(word: str, language: str) -> bool:
    """Whether `word` is a nationality word; the place reader asks it of every one-word name,
    and news names the same places article after article."""
    return _pattern(language).fullmatch(word) is not None
