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
