"""uk/ru morphology from pymorphy3 (OpenCorpora and LanguageTool dictionaries shipped in its PyPI
packages): the readings of a word, its forms in another case, and a phrase of adjectives and a
head noun put back in the nominative. The analysers load on the first Cyrillic word that needs
them, so that it/en work and start-up never pay for them."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

import regex

LANGUAGES = ("uk", "ru")

# A word only one of the two languages spells ("області", "Воздушных"), else an ending only
# one of them gives an adjective ("-ої", "-ой").
_UKRAINIAN_LETTERS = regex.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = regex.compile(r"[ыэёъЫЭЁЪ]")
CYRILLIC_PHRASE = regex.compile(r"^[\p{Cyrillic}][\p{Cyrillic}\s'’ʼ-]*$")


def phrase_language(phrase: str) -> str | None:
    """The one of LANGUAGES a phrase's letters or adjective ending show, if any."""
    if _UKRAINIAN_LETTERS.search(phrase):
        return "uk"
    if _RUSSIAN_LETTERS.search(phrase):
        return "ru"
    first = phrase.split(None, 1)[0].lower()
    if first.endswith("ої"):
        return "uk"
    if first.endswith("ой"):
        return "ru"
    return None


def phrase_languages(phrase: str) -> tuple[str, ...]:
    """The languages a uk/ru phrase may be in, likeliest first."""
    language = phrase_language(phrase)
    return (language,) if language else LANGUAGES


@lru_cache(maxsize=2)
def _analyzer(language: str) -> Any:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang=language)


@lru_cache(maxsize=16384)
def word_parses(word: str, language: str) -> tuple[Any, ...]:
    """pymorphy3's readings of `word` in `language`, likeliest first (cached per word)."""
    return tuple(_analyzer(language).parse(word))


@lru_cache(maxsize=16384)
def known_word(word: str, language: str) -> bool:
    """The dictionary of `language` holds `word` (not a guess from its ending)."""
    return bool(_analyzer(language).word_is_known(word.lower()))


@lru_cache(maxsize=16384)
def inflected(parse: Any, grammemes: frozenset[str]) -> str | None:
    """The form of `parse` with `grammemes` (cached: inflecting walks the word's paradigm)."""
    form = parse.inflect(set(grammemes))
    return None if form is None else str(form.word)


# The cases an office or a cue puts a body or a person in: genitive ("голова Харківської ОВА"),
# locative ("в Запорізькій ОВА"), accusative ("со ссылкой на Белгородскую область"), dative.
OBLIQUE_CASES = frozenset({"gent", "datv", "accs", "loct"})
_ADJECTIVES = frozenset({"ADJF", "PRTF"})
NOMINATIVE = frozenset({"nomn"})


def as_written(word: str, form: str) -> str:
    """`form` capitalised as the text wrote `word`."""
    if word.isupper() and len(word) > 1:
        return form.upper()
    if word[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _number(parse: Any) -> str:
    return "plur" if "plur" in parse.tag else "sing"


def _agreeing(parses: tuple[Any, ...], case: str, gender: str | None, number: str) -> Any:
    for p in parses:
        if p.tag.case == case and _number(p) == number and (
            number == "plur" or gender is None or p.tag.gender == gender
        ):
            return p
    return None


def _nominative_adjectives(
    adjectives: list[tuple[str, tuple[Any, ...]]], case: str, gender: str | None, number: str
) -> list[str] | None:
    out: list[str] = []
    for word, parses in adjectives:
        p = _agreeing(parses, case, gender, number)
        if p is None:
            return None
        grammemes = {"nomn", "plur"} if number == "plur" else {"nomn", gender or p.tag.gender}
        form = inflected(p, frozenset(grammemes))
        if form is None:
            return None
        out.append(as_written(word, form))
    return out


def nominative_group(
    words: list[str],
    language: str,
    is_head: Callable[[Any], bool],
    abbreviations: bool = False,
    known: bool = False,
) -> list[str] | None:
    """`words` opening with adjectives and a head `is_head` accepts, in an oblique case, with
    the adjectives and the head in the nominative, the adjectives in the head's gender and
    number ("Дніпропетровської обласної військової адміністрації" -> "Дніпропетровська обласна
    військова адміністрація"), the words after the head as written (a genitive complement:
    "прокуратури Харківської області"); None when the words open with no such group. With
    `abbreviations`, an all-capital abbreviation heads the group unchanged and the adjectives
    keep their own gender ("Харківської ОВА" -> "Харківська ОВА"). With `known`, only words the
    dictionary of `language` holds make a group."""
    adjectives: list[tuple[str, tuple[Any, ...]]] = []
    for k, word in enumerate(words):
        if abbreviations and word.isupper() and len(word) > 1:
            if not adjectives:
                return None
            for pivot in adjectives[0][1]:
                out = _nominative_adjectives(adjectives, pivot.tag.case, pivot.tag.gender, _number(pivot))
                if out is not None:
                    return out + words[k:]
            return None
        if known and not known_word(word, language):
            return None
        parses = tuple(p for p in word_parses(word, language) if p.tag.case in OBLIQUE_CASES)
        for head in parses:
            if not is_head(head):
                continue
            gender = head.tag.gender if head.tag.gender in ("masc", "femn", "neut") else None
            out = _nominative_adjectives(adjectives, head.tag.case, gender, _number(head))
            form = inflected(head, NOMINATIVE)
            if out is not None and form is not None:
                return [*out, as_written(word, form), *words[k + 1 :]]
        readings = tuple(p for p in parses if p.tag.POS in _ADJECTIVES)
        if not readings:
            return None
        adjectives.append((word, readings))
    return None


# pymorphy3 tags of a person's name: such a reading of a word is not a place's.
PERSONAL_NAME = frozenset({"Name", "Surn", "Patr"})


@lru_cache(maxsize=50_000)
def noun_nominatives(word: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """The nominatives a lower-case Cyrillic word may be a case form of as a common or place
    noun (Харкові -> харків, Каховці -> каховка, Москве -> москва, Черкасів -> черкаси):
    pymorphy3's readings in `languages` (guessed from the ending when the dictionary lacks
    the word), each in the nominative of its own number and in the singular; readings as a
    person's name left out ("Петрова")."""
    forms: dict[str, None] = {}
    for language in languages:
        for parse in word_parses(word, language):
            if parse.tag.POS == "NOUN" and not PERSONAL_NAME & parse.tag.grammemes:
                forms[inflected(parse, NOMINATIVE) or parse.normal_form] = None
                forms[parse.normal_form] = None
    return tuple(forms)
