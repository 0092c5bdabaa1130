"""Canonical names of the bodies that speak in conflict news ("Onu", "ONU", "UN" are the United Nations), from lexicon organisations.json."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from services.core.lexicon import load_lexicon

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


# Case endings of the adjectives in a body's name, (genitive or locative, nominative), by
# language: the feminine of an oblast or an administration ("Харківської", "Запорізькій" ->
# "Харківська", "Запорізька"; "Белгородской" -> "Белгородская"), the masculine of a raion or
# a staff ("Харківському", "оперативном"), the plural of forces. A Russian masculine ending
# in a stressed -ой is in organisations.json (`stressed_adjectives`: областного -> областной),
# since the oblique forms do not show the stress.
_ADJECTIVE_ENDINGS: dict[str, tuple[tuple[str, str], ...]] = {
    "uk": (("ої", "а"), ("ій", "а"), ("ого", "ий"), ("ому", "ий"), ("их", "і"),
           # the accusative "з посиланням на Харківську ОВА" puts a source in
           ("ьку", "ька"), ("ну", "на")),
    "ru": (("ской", "ская"), ("цкой", "цкая"), ("ой", "ая"), ("ского", "ский"), ("цкого", "цкий"),
           ("ском", "ский"), ("цком", "цкий"), ("ого", "ый"), ("ом", "ый"), ("ых", "ые"),
           ("их", "ие"), ("скую", "ская"), ("цкую", "цкая"), ("ую", "ая")),
}
# A word only one of the two languages spells ("області", "Воздушных"), else an ending only
# one of them gives an adjective ("-ої", "-ой").
_UKRAINIAN_LETTERS = regex.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_LETTERS = regex.compile(r"[ыэёъЫЭЁЪ]")
_CYRILLIC_PHRASE = regex.compile(r"^[\p{Cyrillic}][\p{Cyrillic}\s'’ʼ-]*$")


def _phrase_language(phrase: str) -> str | None:
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


@lru_cache(maxsize=1)
def _oblique_heads() -> dict[str, dict[str, str]]:
    raw = load_lexicon("organisations").get("oblique_heads", {})
    return {language: dict(heads) for language, heads in raw.items()}


@lru_cache(maxsize=1)
def _stressed_adjectives() -> dict[str, dict[str, str]]:
    raw = load_lexicon("organisations").get("stressed_adjectives", {})
    return {language: dict(words) for language, words in raw.items()}


# After these letters Russian writes -ий, not -ый ("Курского" is handled as -ского; "дорожного"
# is -ый by its н): only г, к, х, ж, ш, ч, щ before the ending take -ий.
_SOFT_STEM_END = frozenset("гкхжшчщ")


def _adjective_nominative(word: str, language: str) -> str | None:
    low = word.lower()
    stressed = _stressed_adjectives().get(language, {}).get(low)
    if stressed is not None:
        return word[:1] + stressed[1:] if word[:1].isupper() else stressed
    for genitive, nominative in _ADJECTIVE_ENDINGS[language]:
        if low.endswith(genitive) and len(low) - len(genitive) >= 3:
            stem = word[: len(word) - len(genitive)]
            if nominative == "ый" and stem[-1:].lower() in _SOFT_STEM_END:
                nominative = "ий"
            return stem + nominative
    return None


@lru_cache(maxsize=4096)
def nominative_body(phrase: str) -> str:
    """The body or territory of a uk/ru office, named in the genitive the office puts it in
    ("начальник Харківської ОВА", "губернатор Белгородской области"), in the nominative
    ("Харківська ОВА", "Белгородская область"); a known body under the nominative
    organisations.json gives it ("Повітряних сил ЗСУ" -> "Повітряні сили ЗСУ"). Only the
    adjectives and the head noun opening the phrase change, and only when the head is a noun of
    `oblique_heads` or an abbreviation; a genitive after them stays ("прокуратури Харківської
    області" -> "прокуратура Харківської області"), and any other phrase ("Києва", "МИД
    России") is kept as written."""
    if not _CYRILLIC_PHRASE.match(phrase):
        return phrase
    language = _phrase_language(phrase)
    if canonical_organisation(phrase) is not None:
        for tried in (language,) if language else ("uk", "ru"):
            named = nominative_organisation(phrase, tried)
            # Without a letter to tell the language, the nominative must keep the qualifier
            # the article wrote, less a case ending ("Генштабу ЗСУ" is Ukrainian: "Генштаб
            # ЗСУ", not "Генштаб ВСУ"; "Кремля": "Кремль").
            if named != phrase and (
                language or phrase.split()[-1].startswith(named.split()[-1][:-1])
            ):
                return named
        return phrase
    for tried in (language,) if language else ("uk", "ru"):
        agreeing = _agreeing_head(phrase.split(), tried)
        if agreeing is not None:
            return agreeing
    return phrase


def _agreeing_head(words: list[str], language: str) -> str | None:
    """The phrase with its opening adjectives and head noun in the nominative; None when it
    opens with no such group."""
    heads = _oblique_heads().get(language, {})
    out: list[str] = []
    for k, word in enumerate(words):
        if word.isupper() and len(word) > 1:
            # An abbreviation heads the phrase as written: "Херсонської ОВА".
            return " ".join(out + words[k:]) if out else None
        head = heads.get(word.lower())
        if head is not None:
            head = word[:1] + head[1:] if word[:1].isupper() else head
            return " ".join([*out, head, *words[k + 1 :]])
        adjective = _adjective_nominative(word, language)
        if adjective is None:
            return None
        out.append(adjective)
    return None


# Genitive endings of a city's name after an office ("мер Києва", "мэр Москвы", "глава
# Донецка", "мер Вінниці"), with the nominative endings its stem may take back, likeliest first.
_MASCULINE_NOMINATIVES = ("", "о", "ь", "е")  # Київ, Дніпро, Бахмут
_SOFT_NOMINATIVES = ("ь", "й", "е", "")  # Мелітополь, Гуляйполе
_CITY_GENITIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "uk": {"а": _MASCULINE_NOMINATIVES, "я": _SOFT_NOMINATIVES, "и": ("а",), "і": ("я", "а")},
    "ru": {"а": _MASCULINE_NOMINATIVES, "я": _SOFT_NOMINATIVES, "ы": ("а",), "и": ("ь", "я", "а")},
}
_VELAR_OR_SIBILANT = frozenset("гкхжшчщ")  # Russian writes -и, not -ы, after them: Праги, Прага
_CLOSED_SYLLABLE = str.maketrans({"о": "і", "е": "і", "є": "ї"})
_CITY_WORD = regex.compile(r"^[\p{Lu}][\p{Ll}'’ʼ-]{2,}$")


@lru_cache(maxsize=4096)
def nominative_city(word: str, russian: bool) -> str:
    """The nominative of a city an office names in the genitive ("Києва" -> "Київ", "Харкова"
    -> "Харків", "Дніпра" -> "Дніпро", "Москвы" -> "Москва", "Белгорода" -> "Белгород"); the
    word as written when the gazetteer knows no settlement by it or no nominative gives it.

    The gazetteer knows a place by skeleton keys of many writings, oblique ones among them
    ("Києва", "Дніпр"): a nominative is a form the endings give that names the same
    settlement, and of those the one spelt like the gazetteer's own name comes first
    ("Київ", not the Russian-style "Києв"), else the likeliest ending. Ukrainian closes the
    last syllable the oblique cases open (Харков-, Харків); Russian does not."""
    if not _CYRILLIC_PHRASE.match(word) or not _CITY_WORD.match(word):
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
    language = "ru" if russian else "uk"
    low = word.lower()
    names: list[str] = []
    for ending, nominatives in _CITY_GENITIVES[language].items():
        if not low.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: len(word) - len(ending)]
        if russian and ending == "и" and stem[-1:].lower() in _VELAR_OR_SIBILANT:
            nominatives = ("а",)
        closed = stem[:-2] + stem[-2:].translate(_CLOSED_SYLLABLE)
        for base in (stem,) if russian else dict.fromkeys((closed, stem)):
            names.extend(base + nominative for nominative in nominatives)
    same: list[str] = []
    spelt: list[str] = []
    for name in names:
        # A genitive the gazetteer does not know may only name a town of some size: a small
        # namesake is likelier chance than the city an office is of.
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


_CITY_MIN = 10_000
