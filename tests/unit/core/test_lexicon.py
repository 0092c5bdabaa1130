"""Tests for the lexicon helpers: the pattern reader, and the literal filter and gate that spare the readers most regex work."""

from __future__ import annotations

import json
import re
from importlib.resources import files

import pytest
import regex

from services.core.lexicon import (
    LiteralFilter,
    PatternGate,
    _case_partners,
    _partners_below,
    fold_case,
)
from services.core.pattern_literals import UnreadablePattern, required_literals


def test_a_text_without_the_required_words_is_ruled_out() -> None:
    prefilter = LiteralFilter.build(["(?:found )?shot to death", "(?:was|is) (?:killed|dead)"], ignore_case=False)
    assert prefilter is not None
    assert not prefilter.may_match("The council approved the new budget on Monday.")
    assert prefilter.may_match("A man was shot to death on Main Street.")
    assert prefilter.may_match("Police said one person is dead.")


def test_a_case_insensitive_filter_keeps_every_text_the_patterns_match() -> None:
    patterns = ["crimean bridge", r"ponte (?:di|della) crimea", r"кримськ\w+ міст\w*"]
    prefilter = LiteralFilter.build(patterns, ignore_case=True)
    assert prefilter is not None
    union = re.compile("|".join(patterns), re.IGNORECASE)
    # "ſ" (long s) and "ı" (dotless i) are letters re's IGNORECASE equates with "s" and "i".
    for text in ("Drones hit the CRIMEAN BRIDGE.", "Il Ponte di Crimea è chiuso.", "Кримський МІСТ закрито.",
                 "The Crimean Bridge", "the crimean brıdge", "the crimean bridge", "Ponte della Crimea"):
        assert union.search(text) is not None, text
        assert prefilter.may_match(text), text
    assert not prefilter.may_match("Drones hit a bridge in Kherson overnight.")


def test_a_filter_never_rules_out_a_text_with_letters_re_folds_specially() -> None:
    prefilter = LiteralFilter.build(["snake island"], ignore_case=True)
    assert prefilter is not None
    assert re.search("snake island", "Snake Iſland", re.IGNORECASE) is not None
    assert prefilter.may_match("Snake Iſland")
    assert prefilter.may_match("SNAKE İSLAND")


def test_a_pattern_without_a_telling_literal_disables_the_filter() -> None:
    assert LiteralFilter.build([r"\d+ killed", r"\w+s"], ignore_case=False) is None
    assert LiteralFilter.build(["ok"], ignore_case=False) is None
    assert LiteralFilter.build(["ok"], ignore_case=False, min_length=2) is not None


def test_a_filter_can_look_at_one_part_of_a_folded_text() -> None:
    prefilter = LiteralFilter.build(["all rights reserved"], ignore_case=True)
    assert prefilter is not None
    folded = fold_case("Police said.\nAll Rights Reserved.")
    assert not prefilter.may_match_folded(folded, 0, 12)
    assert prefilter.may_match_folded(folded, 13, len(folded))


def test_required_literals_keep_the_least_common_strings_each_match_contains() -> None:
    assert required_literals("zaporizh(?:zh)?ia nuclear (?:power )?plant") == frozenset({
        "zaporizhia nuclear plant", "zaporizhzhia nuclear plant",
        "zaporizhia nuclear power plant", "zaporizhzhia nuclear power plant",
    })
    assert required_literals(r"\w+") is None


def test_a_stretch_of_few_spellings_is_spelt_out() -> None:
    assert required_literals(r"in (?:19|20)\d\d") == frozenset({"in 19", "in 20"})
    assert required_literals("air ?strikes?") == frozenset({"airstrike", "airstrikes", "air strike", "air strikes"})
    assert required_literals("(?:was|is) (?:killed|dead)") == frozenset({"was killed", "was dead", "is killed", "is dead"})


def test_required_literals_leave_out_what_only_a_lookaround_or_an_optional_part_holds() -> None:
    assert required_literals(r"(?<=attacks by )(?:russia|moscow)") == frozenset({"russia", "moscow"})
    assert required_literals(r"(?<!\w)shell(?=ing)") == frozenset({"shell"})
    assert required_literals(r"uccis\w*(?: (?:un|una|due) )?") == frozenset({"uccis"})
    assert required_literals(r"bomb(?:ed|ing)+\s+\w+") == frozenset({"bomb"})


def test_required_literals_read_escapes_classes_and_groups_as_re_does() -> None:
    assert required_literals(r"\(photo: [^)]+\)") == frozenset({"(photo: "})
    assert required_literals(r"\x41\u00e9\N{LATIN SMALL LETTER A}[.]\101") == frozenset({"Aéa.A"})
    assert required_literals(r"(?P<n>\d+) (?:killed|dead)") == frozenset({" killed", " dead"})
    assert required_literals(r"(?i:kyiv) said") == frozenset({" said"})
    assert required_literals(r"(\w+) and \1 killed") == frozenset({" killed"})
    assert required_literals(r"\p{Lu}\p{Ll}+ said") == frozenset({" said"})  # the regex module's classes


_SAMPLES = (
    "Air strikes hit the port; 12 killed, 3 dead in 2014 (photo: AP).",
    "Uccisi due civili nella notte, bombardamenti su Kharkiv.",
    "Zaporizhzhia nuclear power plant was shelled by Russia, Kyiv said.",
    "Years ago the airstrike killed AéA.A in 1999; shelling resumed.",
)


@pytest.mark.parametrize("pattern", [
    "air ?strikes?", r"in (?:19|20)\d\d", "(?:was|is) (?:killed|dead)", r"(?P<n>\d+) (?:killed|dead)",
    r"(?<!\w)(?:years? ago)(?!\w)", r"uccis\w*(?: (?:un|una|due) )?", "zaporizh(?:zh)?ia nuclear (?:power )?plant",
    r"\(photo: [^)]+\)", r"shell(?:ed|ing)+", r"x{2,3}y|air(?:strike)", r"(?:shot|shell)(?:ing)?",
])
def test_every_match_contains_one_of_the_required_literals(pattern: str) -> None:
    found = required_literals(pattern)
    assert found is not None
    for text in _SAMPLES:
        for m in re.finditer(pattern, text, re.IGNORECASE):
            assert any(literal.lower() in m.group().lower() for literal in found), (pattern, m.group())


def _lexicon_strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [s for item in value for s in _lexicon_strings(item)]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _lexicon_strings(item)]
    return []


def _compiles(pattern: str) -> bool:
    try:
        regex.compile(pattern)
    except regex.error:
        try:
            re.compile(pattern)
        except re.error:
            return False
    return True


def test_the_reader_reads_every_pattern_of_the_lexicon_files() -> None:
    directory = files("services.core").joinpath("data", "lexicons")
    read = 0
    for resource in directory.iterdir():
        if resource.name.endswith(".json"):
            for text in _lexicon_strings(json.loads(resource.read_text(encoding="utf-8"))):
                if _compiles(text):
                    required_literals(text)  # raises UnreadablePattern on syntax it does not know
                    read += 1
    assert read > 1000


@pytest.mark.parametrize("pattern", [r"(?x) a b", r"(?|killed (by)|shot (at))", r"(?(1)a|b)", r"\G\w+", r"(abc"])
def test_syntax_the_reader_does_not_know_is_refused_loudly(pattern: str) -> None:
    with pytest.raises(UnreadablePattern):
        required_literals(pattern)
    with pytest.raises(UnreadablePattern):
        LiteralFilter.build([pattern], ignore_case=False)
    with pytest.raises(UnreadablePattern):
        PatternGate([pattern], ignore_case=True)


def test_a_pattern_setting_ignore_case_for_itself_has_no_literal_to_look_for_as_written() -> None:
    assert LiteralFilter.build(["(?i)shelling"], ignore_case=False) is None
    assert LiteralFilter.build(["(?i)shelling"], ignore_case=True) is None


def test_case_partners_are_the_letters_re_equates_though_lower_casing_keeps_them_apart() -> None:
    partners = _case_partners()
    assert partners["s"] == "ſ" and partners["ſ"] == "s" and "ᲀ" in partners["в"]
    for char, others in partners.items():
        for other in others:
            assert re.fullmatch(re.escape(char), other, re.IGNORECASE), (char, other)
            assert fold_case(other) != char


def test_no_character_outside_the_basic_plane_has_a_case_partner() -> None:
    assert _partners_below(0x110000) == dict(_case_partners())


def test_every_character_re_equates_with_a_letter_is_its_fold_or_a_partner() -> None:
    partners = _case_partners()
    everything = "".join(map(chr, range(0x10000)))
    for letter in "abcdefghijklmnopqrstuvwxyzàèéìòùабвгдежзийклмнопрстуфхцчшщъыьэюяєіїґαβγδεθικμπρσςφω":
        for char in set(re.findall(re.escape(letter), everything, re.IGNORECASE)):
            assert fold_case(char) == letter or fold_case(char) in partners.get(letter, "") or char == "\u0130", (
                letter, char)


def test_a_filter_keeps_every_text_a_pattern_matches_and_only_those_with_a_required_literal() -> None:
    patterns = ["was killed", "killed in action", "shell(?:ed|ing)", "missile strikes?"]
    prefilter = LiteralFilter.build(patterns, ignore_case=False)
    assert prefilter is not None
    union = re.compile("|".join(patterns))
    for text in ("two soldiers were killed in action", "the town was shelled overnight", "missile strikes hit"):
        assert union.search(text) is not None and prefilter.may_match(text), text
    # "shell(?:ed|ing)" is spelt out: a word that only begins alike is ruled out
    assert not prefilter.may_match("shellshocked")
    for text in ("a missile", "missiles struck", "he was kill", ""):
        assert not prefilter.may_match(text), text


def test_a_filter_looks_only_inside_the_bounds_it_is_given_as_re_reads_them() -> None:
    prefilter = LiteralFilter.build(["shelling"], ignore_case=False)
    assert prefilter is not None
    text = "after the shelling of the port"
    at = text.index("shelling")
    assert prefilter.may_match_folded(text, at, at + len("shelling"))
    assert not prefilter.may_match_folded(text, at + 1)
    assert not prefilter.may_match_folded(text, 0, at + len("shelling") - 1)
    # negative bounds mean the start of the text, as for re's pos and endpos
    assert prefilter.may_match_folded(text, -5)
    assert not prefilter.may_match_folded(text, 0, -1)


def test_a_filter_names_the_patterns_a_text_may_match() -> None:
    patterns = [r"image \d+ of", r"back to gallery", r"\(photo: [^)]+\)"]
    prefilter = LiteralFilter.build(patterns, ignore_case=True)
    assert prefilter is not None
    folded = fold_case("Smoke over the port (Photo: AP). Back To Gallery")
    assert prefilter.which_may_match_folded(folded) == frozenset({1, 2})
    assert prefilter.which_may_match_folded(folded, 0, 20) == frozenset()
    # "İ", which lower-casing turns into two characters, leaves every pattern possible
    assert prefilter.which_may_match_folded(fold_case("Back to gallery, İzmir")) == frozenset({0, 1, 2})


_GATED = [r"(?<!\w)(?:no one|nobody) (?:was|were) (?:hurt|injured)(?!\w)", r"(?<!\w)(?:last year|years? ago)(?!\w)",
          r"(?<!\w)\w+(?!\w)", r"(?<!\w)(?:could|would) have(?!\w)"]


def test_a_gate_names_only_the_patterns_whose_literals_a_text_holds() -> None:
    gate = PatternGate(_GATED, ignore_case=True)
    possible = gate.possible(fold_case("Nobody was hurt when the roof fell, police said."))
    assert _GATED[0] in possible and _GATED[1] not in possible and _GATED[3] not in possible


def test_a_gate_keeps_a_pattern_without_a_telling_literal_always_possible() -> None:
    gate = PatternGate(_GATED, ignore_case=True)
    assert gate.possible(fold_case("Quiet streets.")) == frozenset({_GATED[2]})


def test_a_gate_never_drops_a_pattern_that_matches() -> None:
    gate = PatternGate(_GATED, ignore_case=True)
    for text in ("NO ONE WAS INJURED", "Two years ago, it could have killed him", "Last Year's toll", "Il ſecondo"):
        possible = gate.possible(fold_case(text))
        assert all(p in possible for p in _GATED if re.search(p, text, re.IGNORECASE))


def test_a_gate_names_patterns_by_the_names_given_and_a_shared_name_by_any_of_its_patterns() -> None:
    gate = PatternGate(["shell(?:ed|ing)", "air ?strikes?", r"\w+s"], ignore_case=True,
                       names=["shelling", "air", "shelling"])
    assert gate.possible(fold_case("The town was SHELLED.")) == frozenset({"shelling"})
    assert gate.possible(fold_case("An airstrike hit it.")) == frozenset({"air", "shelling"})


def test_a_gate_over_nothing_possible_names_only_what_is_always_possible() -> None:
    gate = PatternGate([""], ignore_case=False, names=["empty union"])
    assert gate.possible("anything") == frozenset({"empty union"})
