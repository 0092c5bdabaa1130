"""Loading of the versioned lexicon data files under services/core/data/lexicons/."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from typing import Any

import regex

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
