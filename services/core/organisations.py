"""Canonical names of the bodies that speak in conflict news ("Onu", "ONU", "UN" are the United Nations), from lexicon organisations.json."""

from __future__ import annotations

from functools import lru_cache

import regex

from services.core.lexicon import load_lexicon

# "the UN", "l'Onu", "il Cremlino": an article before the name is not part of it.
_ARTICLE = r"(?:(?i:the|il|lo|la|l['’])\s*)?"


def _alternative(alias: str) -> str:
    # Abbreviations ("UN", "SBU") only as written: "un" is an article.
    return alias if alias == alias.upper() else f"(?i:{alias})"


@lru_cache(maxsize=1)
def _aliases() -> tuple[tuple[str, regex.Pattern[str]], ...]:
    raw = load_lexicon("organisations")["organisations"]
    return tuple(
        (canonical, regex.compile(_ARTICLE + "(?:" + "|".join(map(_alternative, aliases)) + ")"))
        for canonical, aliases in raw.items()
    )


def canonical_organisation(name: str | None) -> str | None:
    """The canonical name of the body `name` is, written in full or short; None for any other
    name (a body merely mentioned inside a longer name is not that body)."""
    if not name:
        return None
    for canonical, pattern in _aliases():
        if pattern.fullmatch(name.strip()):
            return canonical
    return None


@lru_cache(maxsize=1)
def _nominatives() -> dict[tuple[str, str], tuple[str, ...]]:
    """(canonical body, language) -> its nominative names there, the subject name first."""
    raw = load_lexicon("organisations").get("nominative", {})
    return {
        (canonical, language): tuple(names)
        for canonical, by_language in raw.items()
        for language, names in by_language.items()
        if names
    }


def nominative_organisation(name: str, language: str | None) -> str:
    """A known body named in an oblique case ("в Генштабе ВСУ", "у Повітряних силах") under the
    name organisations.json gives it as a subject in the language ("Генштаб ВСУ"); any other
    name, and a nominative writing of the body, as written."""
    if language is None:
        return name
    canonical = canonical_organisation(name)
    if canonical is None:
        return name
    names = _nominatives().get((canonical, language))
    words = name.lower().split()
    if names is None or " ".join(words) in (n.lower() for n in names):
        return name
    # The nominative as the article wrote it: the same qualifier ("Генштабу ЗСУ", "Міністерстві
    # оборони" without a country) and as many words ("Министерстве обороны России" is not
    # "Минобороны России"), else the same qualifier, else as many words, else the subject name.
    def same_end(n: str) -> bool:
        return n.lower().split()[-1] == words[-1]

    def as_long(n: str) -> bool:
        return len(n.split()) == len(words)

    for fits in (lambda n: same_end(n) and as_long(n), same_end, as_long):
        found = next((n for n in names if fits(n)), None)
        if found is not None:
            return found
    return names[0]
