"""Canonical names of the bodies that speak in conflict news ("Onu", "ONU", "UN" are the United Nations), from lexicon organisations.json, and uk/ru case and agreement (pymorphy3) that give a body, an office or a name in the nominative."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

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


_LANGUAGES = ("uk", "ru")


def phrase_languages(phrase: str) -> tuple[str, ...]:
    """The languages a uk/ru phrase may be in, likeliest first."""
    language = _phrase_language(phrase)
    return (language,) if language else _LANGUAGES


# uk/ru case and agreement come from pymorphy3 (OpenCorpora and LanguageTool dictionaries
# shipped in its PyPI packages), loaded on the first Cyrillic phrase that needs it so that
# it/en work and start-up never pay for it.
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
_NOMINATIVE = frozenset({"nomn"})


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
            form = inflected(head, _NOMINATIVE)
            if out is not None and form is not None:
                return [*out, as_written(word, form), *words[k + 1 :]]
        readings = tuple(p for p in parses if p.tag.POS in _ADJECTIVES)
        if not readings:
            return None
        adjectives.append((word, readings))
    return None


@lru_cache(maxsize=1)
def _body_heads() -> dict[str, frozenset[str]]:
    raw = load_lexicon("organisations").get("body_heads", {})
    return {language: frozenset(heads) for language, heads in raw.items()}


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
    words = phrase.split()
    heads = _body_heads()

    def is_head(p: Any, language: str) -> bool:
        # A guessed reading only for a word neither dictionary holds ("оперштабе"): "района"
        # is Russian, though the Ukrainian guesser reads it as "район" too.
        return (
            p.tag.POS == "NOUN"
            and p.normal_form in heads.get(language, ())
            and (known_word(p.word, language) or not any(known_word(p.word, o) for o in _LANGUAGES))
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
