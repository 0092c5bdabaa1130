"""Canonical names of the bodies that speak in conflict news ("Onu", "ONU", "UN" are the United Nations), from lexicon organisations.json, and a uk/ru body or city named in an oblique case given in the nominative."""

from __future__ import annotations

from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

import regex

from services.core.lexicon import load_lexicon
from services.core.morphology import (
    CYRILLIC_PHRASE,
    LANGUAGES,
    PERSONAL_NAME,
    as_written,
    known_word,
    nominative_group,
    noun_nominatives,
    phrase_language,
    phrase_languages,
    word_parses,
)

if TYPE_CHECKING:
    from services.core.gazetteer import Place

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


@lru_cache(maxsize=1)
def _body_heads() -> dict[str, frozenset[str]]:
    raw = load_lexicon("organisations").get("body_heads", {})
    return {language: frozenset(heads) for language, heads in raw.items()}


@lru_cache(maxsize=1)
def _generic_places() -> dict[str, frozenset[str]]:
    raw = load_lexicon("organisations").get("generic_places", {})
    return {language: frozenset(nouns) for language, nouns in raw.items()}


def names_no_body(phrase: str) -> bool:
    """A uk/ru office's complement that is a bare place noun ("глава города", "губернатор
    региона", "мер міста"): it says where, not which body."""
    if not CYRILLIC_PHRASE.match(phrase) or " " in phrase.strip():
        return False
    generic = _generic_places()
    return any(
        p.tag.POS == "NOUN" and p.normal_form in generic.get(language, ())
        for language in phrase_languages(phrase)
        if known_word(phrase, language)
        for p in word_parses(phrase.lower(), language)
    )


@lru_cache(maxsize=4096)
def nominative_body(phrase: str) -> str:
    """The body or territory of a uk/ru office, named in the genitive the office puts it in
    ("начальник Харківської ОВА", "губернатор Белгородской области"), in the nominative
    ("Харківська ОВА", "Белгородская область"); a known body under the nominative
    organisations.json gives it ("Повітряних сил ЗСУ" -> "Повітряні сили ЗСУ"). Only the
    adjectives and the head noun opening the phrase change (in the head's gender and number),
    and only when the head is a noun of `body_heads` or an abbreviation; a genitive after them stays ("прокуратури Харківської
    області" -> "прокуратура Харківської області"), and any other phrase ("Києва", "МИД
    России") is kept as written."""
    if not CYRILLIC_PHRASE.match(phrase):
        return phrase
    language = phrase_language(phrase)
    if canonical_organisation(phrase) is not None:
        for tried in phrase_languages(phrase):
            named = nominative_organisation(phrase, tried)
            # Without a letter to tell the language, the nominative must keep the qualifier
            # the article wrote, less a case ending ("Генштабу ЗСУ" is Ukrainian: "Генштаб
            # ЗСУ", not "Генштаб ВСУ"; "Кремля": "Кремль").
            if named != phrase and (
                language or phrase.split()[-1].startswith(named.split()[-1][:-1])
            ):
                return named
        return phrase
    words = phrase.split()
    heads = _body_heads()

    def is_head(p: Any, language: str) -> bool:
        # A guessed reading only for a word neither dictionary holds ("оперштабе"): "района"
        # is Russian, though the Ukrainian guesser reads it as "район" too.
        return (
            p.tag.POS == "NOUN"
            and p.normal_form in heads.get(language, ())
            and (known_word(p.word, language) or not any(known_word(p.word, o) for o in LANGUAGES))
        )

    # The language whose dictionary holds every word first ("Минздраве ДНР" is Russian).
    for known in (True, False):
        for tried in phrase_languages(phrase):
            agreeing = nominative_group(
                words, tried, partial(is_head, language=tried), abbreviations=True, known=known
            )
            if agreeing is not None:
                return " ".join(agreeing)
    return phrase


_CITY_WORD = regex.compile(r"^[\p{Lu}][\p{Ll}'’ʼ-]{2,}$")
# A genitive the gazetteer does not know may only name a town of some size: a small namesake is
# likelier chance than the city an office is of.
_CITY_MIN = 10_000


def _city_nominatives(words: list[str], language: str) -> list[str]:
    """The nominatives a one- or two-word city name in an oblique case may come from."""
    if len(words) == 2:
        noun = words[1].lower()

        def is_noun(p: Any) -> bool:
            return p.word == noun and p.tag.POS == "NOUN" and not PERSONAL_NAME & p.tag.grammemes

        group = nominative_group(words, language, is_noun)
        return [] if group is None else [" ".join(group)]
    low = words[0].lower()
    return [as_written(words[0], form) for form in noun_nominatives(low, (language,)) if form != low]


@lru_cache(maxsize=4096)
def nominative_city(word: str, russian: bool) -> str:
    """The nominative of a city an office names in the genitive ("Києва" -> "Київ", "Харкова"
    -> "Харків", "Дніпра" -> "Дніпро", "Москвы" -> "Москва", "Белгорода" -> "Белгород"); the
    word as written when the gazetteer knows no settlement by it or no nominative gives it.

    The nominatives are pymorphy3's readings of the word as a noun in the language (Russian
    when the office is spelt so: "Харькова" -> "Харьков", not "Харків"). The gazetteer knows a
    place by skeleton keys of many writings, oblique ones among them ("Києва"): a nominative
    must name the same settlement, and of those the one spelt like the gazetteer's own name
    comes first. A two-word name, an adjective and its noun ("Кривого Рогу" -> "Кривий Ріг"),
    is put back in the nominative as a whole, the adjective agreeing with the noun."""
    words = word.split()
    if not CYRILLIC_PHRASE.match(word) or len(words) > 2 or not all(map(_CITY_WORD.match, words)):
        return word
    from services.core.gazetteer import default_gazetteer, name_key  # loaded on first use

    gazetteer = default_gazetteer()

    def towns(name: str) -> list[Place]:
        return [p for p in gazetteer.candidates(name) if p.kind == "settlement"]

    known = max(towns(word), key=lambda p: p.population, default=None)
    if known is not None and known.population < _CITY_MIN:
        known = None  # a village spelt like the genitive ("Вінниці"): the city is meant
    if known is not None and name_key(word) == name_key(known.name):
        return word  # already the nominative ("Запоріжжя")
    # A name spelt alike in both languages ("Старого Оскола" after "глава") may be Russian.
    languages = ("ru",) if russian else ("uk", "ru") if phrase_language(word) is None else ("uk",)
    names = [name for language in languages for name in _city_nominatives(words, language)]
    same: list[str] = []
    spelt: list[str] = []
    for name in names:
        places = [
            p
            for p in towns(name)
            if (p.geonames_id == known.geonames_id if known is not None else p.population >= _CITY_MIN)
        ]
        if places:
            same.append(name)
            if any(name_key(name) == name_key(p.name) for p in places):
                spelt.append(name)
    return (spelt or same or [word])[0]
