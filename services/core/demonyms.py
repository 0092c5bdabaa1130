"""Nationality words ("Syrian", "turchi") and the country each names, from lexicon demonyms.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from services.core.lexicon import language_section


@dataclass(frozen=True, slots=True)
class Demonym:
    country_code: str
    start: int
    end: int


@lru_cache(maxsize=16)
def _pattern(language: str) -> regex.Pattern[str]:
    section = language_section("demonyms", language)
    body = "|".join(f"(?P<{code}>{'|'.join(forms)})" for code, forms in section.items())
    # English capitalises nationalities ("Polish police", not "polish"); Italian does not.
    flags = 0 if language == "en" else regex.IGNORECASE
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


def find_demonyms(text: str, language: str) -> list[Demonym]:
    """Every nationality word of `text`, in order."""
    return [Demonym(str(m.lastgroup), m.start(), m.end()) for m in _pattern(language).finditer(text)]


@lru_cache(maxsize=50_000)
def is_demonym(word: str, language: str) -> bool:
    """Whether `word` is a nationality word; the place reader asks it of every one-word name,
    and news names the same places article after article."""
    return _pattern(language).fullmatch(word) is not None
