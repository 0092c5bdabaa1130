"""Tests for the geoparser's whole-document scans: each fast form finds what the plain rule finds."""

from __future__ import annotations

import re

import pytest

from services.core.gazetteer import DEFAULT_PATH, Gazetteer, Place, name_key
from services.core.places import (
    _DISTRICT_NOUNS,
    _REGION_NOUNS,
    _lexicon,
    _region_noun_starts,
    _surnames,
    _tokens,
    find_places,
)

needs_gazetteer = pytest.mark.skipif(not DEFAULT_PATH.exists(),
                                     reason="gazetteer not built: run `make setup`")

# The rule as one would write it: a region or district noun at a word start, in any case.
_PLAIN_NOUN = re.compile(rf"\b(?:{_REGION_NOUNS}|{_DISTRICT_NOUNS})", re.IGNORECASE)


def _plain_noun_starts(text: str) -> list[int]:
    return [k for k in range(len(text)) if _PLAIN_NOUN.match(text, k)]


@pytest.mark.parametrize("text", [
    "Shelling hit the Kharkiv region and the Donetsk Oblast overnight.",
    "REGION, Region, rEgIoN and regional: every case, and a noun inside a longer word.",
    "Nella regione di Kharkiv e nelle province vicine, distretti e raion.",
    "In der Regionen und im Distrikt; la región y las regiones.",
    "У Харківській області та в районах Донеччини; в областях і районів.",
    "Удар по ОБЛАСТІ та РАЙОНАХ.",
    "Oblast at the very start; subregion, preoblast and xdistrict are inside words.",
    "Look-alikes: \u212aharkiv oblast, region with a long \u017f (re\u017fion), d\u0131strict, \u0130.",
    "_region 1district \u00e9region \u2014region \u201cOblast\u201d (raions) rayon-based.",
    "",
])
def test_region_nouns_are_found_where_the_plain_case_blind_rule_finds_them(text: str) -> None:
    assert _region_noun_starts(text) == _plain_noun_starts(text)


def test_region_nouns_at_the_start_of_the_text_are_found() -> None:
    assert _region_noun_starts("Oblast officials said") == [0]
    assert _region_noun_starts("region") == [0]


def _glued_pairs(text: str) -> list[tuple[str, str]]:
    tokens = _tokens(text)
    return [(tokens.text[k], tokens.text[k + 1]) for k in range(len(tokens) - 1)
            if tokens.glued[k]]


@pytest.mark.parametrize(("text", "pair"), [
    ("A shooting in St. Louis on Friday.", ("St", "Louis")),
    ("Police in Ste. Genevieve said", ("Ste", "Genevieve")),
    ("He moved to Ft.Lauderdale last year.", ("Ft", "Lauderdale")),
    ("Deputies in Mt. Vernon responded", ("Mt", "Vernon")),
    ("St. Louis police said", ("St", "Louis")),
])
def test_an_abbreviated_first_word_is_glued_to_the_name_it_opens(text: str,
                                                                pair: tuple[str, str]) -> None:
    assert pair in _glued_pairs(text)


@pytest.mark.parametrize("text", [
    "The museum of Amst. Holland opened.",  # the abbreviation ends a longer word
    "It was the first. Louis arrived later.",  # "st." closes an ordinal
    "Ste.  Genevieve",  # two spaces: the abbreviation does not open the name
    "Mt. vernon",  # no capital after it
])
def test_a_dot_that_opens_no_abbreviated_name_glues_nothing_across_it(text: str) -> None:
    tokens = _tokens(text)
    for k in range(len(tokens) - 1):
        if tokens.glued[k]:
            assert text[tokens.end[k]: tokens.start[k + 1]].isspace()


def test_words_carry_offsets_and_drop_possessives_and_elided_articles() -> None:
    text = "Kharkiv's mayor visited dell'Ucraina."
    tokens = _tokens(text)
    assert tokens.text == ["Kharkiv", "mayor", "visited", "Ucraina"]
    assert [text[s:e] for s, e in zip(tokens.start, tokens.end)] == tokens.text
    assert tokens.lower[3] == "ucraina" and tokens.capital == [True, False, False, True]


@needs_gazetteer
@pytest.mark.parametrize(("text", "surnames"), [
    ("Neely Gardner, 19, was booked into the county jail.", {"gardner"}),
    ("Mary Ann Jones, 45, and Tom Lee, 52, were hurt.", {"ann", "jones", "lee"}),
    ("Tristan, 8, shows where he was hit.", {"tristan"}),
    ("Police named him as\nNeely\nGardner,  19 , of Dayton.", {"gardner"}),
    ("The 17-year-old Steven Evans was arrested; the 1234-year-old Bronze Bell was not.", {"evans"}),
    ("The victims, 19, 20, were taken to hospital.", set()),  # ages with no name before them
    ("In 2019, 12, people", set()),
])
def test_a_name_given_an_age_is_a_surname_wherever_the_age_stands(text: str,
                                                                  surnames: set[str]) -> None:
    assert surnames <= _surnames(text, _tokens(text), _lexicon())
    if not surnames:
        assert not _surnames(text, _tokens(text), _lexicon()) & {"victims", "people"}


@needs_gazetteer
def test_a_state_abbreviation_after_a_comma_names_the_state() -> None:
    mentions = find_places("PUNTA GORDA, Fla. (WINK) A man was shot on Friday.", "en")
    assert ("Fla.", "Florida") in [(m.text, m.place.name) for m in mentions]


@needs_gazetteer
def test_a_state_abbreviation_after_a_number_is_not_read() -> None:
    mentions = find_places("The score was 21, Fla. fans left early.", "en")
    assert "Fla." not in [m.text for m in mentions]


def test_candidates_of_a_key_are_a_fresh_list_each_time() -> None:
    places = [Place("Sadove", None, "UA", "Kherson", None, 46.5, 32.9, 300, "settlement")]
    gazetteer = Gazetteer(places, {name_key("Sadove"): (0,)})
    first = gazetteer.candidates_for_key(name_key("Sadove"))
    first.clear()
    assert gazetteer.candidates_for_key(name_key("Sadove")) == places
    assert gazetteer.candidates_for_key("nowhere") == []


@needs_gazetteer
def test_only_an_age_of_one_to_three_digits_makes_the_name_after_it_a_surname() -> None:
    text = "A 1234-year-old Bronze Bell was found; a 25-year-old Jane Doe was hurt."
    found = _surnames(text, _tokens(text), _lexicon())
    assert "doe" in found and "bell" not in found
