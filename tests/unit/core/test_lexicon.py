"""Tests for the lexicon helpers: the head index and literal filter that spare the readers most regex work."""

from __future__ import annotations

import re
from re import _parser as _sre  # type: ignore[attr-defined]

from services.core.lexicon import (
    HeadIndex,
    LiteralFilter,
    PatternGate,
    fold_case,
    literal_trie,
    required_literals,
)

_ALTERNATIVES = ["air ?strikes?", "shell(?:ed|ing|s)?", "(?:rockets?|missiles?) (?:hit|struck)", "strike"]


def _starts_by_union(text: str) -> list[tuple[int, int]]:
    """(offset, first alternative) at every start where the plain union matches."""
    union = re.compile(r"(?<!\w)(?:" + "|".join(f"(?P<a{i}>{a})" for i, a in enumerate(_ALTERNATIVES)) + r")(?!\w)")
    found, hit = [], union.search(text)
    while hit is not None:
        found.append((hit.start(), int((hit.lastgroup or "a0")[1:])))
        hit = union.search(text, hit.start() + 1)
    return found


def _starts_by_index(text: str, index: HeadIndex) -> list[tuple[int, int]]:
    patterns = [re.compile(rf"(?<!\w)(?:{a})(?!\w)") for a in _ALTERNATIVES]
    found = []
    for offset, which in index.candidates(text):
        first = next((i for i in which if patterns[i].match(text, offset)), None)
        if first is not None:
            found.append((offset, first))
    return found


def test_head_index_finds_the_same_starts_and_alternatives_as_the_plain_union() -> None:
    index = HeadIndex.build(_ALTERNATIVES, ignore_case=False)
    assert index is not None
    for text in (
        "missiles struck the port after an air strike and heavy shelling",
        "the airstrikes followed shells; a strike hit nothing",
        "unshelled, airstrip and strikers are no triggers",
    ):
        assert _starts_by_index(text, index) == _starts_by_union(text)


def test_head_index_skips_word_starts_no_alternative_begins_with() -> None:
    index = HeadIndex.build(_ALTERNATIVES, ignore_case=False)
    assert index is not None
    offsets = [offset for offset, _ in index.candidates("the mayor said the town was calm")]
    assert offsets == []


def test_head_index_lists_only_the_alternatives_whose_first_letters_are_written() -> None:
    index = HeadIndex.build(_ALTERNATIVES, ignore_case=False)
    assert index is not None
    assert index.candidates("shelling") == [(0, (1,))]
    assert index.candidates("strike") == [(0, (3,))]


def test_case_insensitive_head_index_matches_capitalised_words() -> None:
    index = HeadIndex.build(["Russian forces", "police"], ignore_case=True)
    assert index is not None
    assert index.candidates("POLICE and russian forces") == [(0, (1,)), (11, (0,))]


def test_an_alternative_that_may_begin_with_any_letter_disables_the_index() -> None:
    assert HeadIndex.build([r"\w+ killed", "police"], ignore_case=False) is None
    assert HeadIndex.build([r"[^\W\d_]+ dead"], ignore_case=True) is None


def test_head_index_finds_a_start_at_the_very_beginning_and_after_punctuation() -> None:
    index = HeadIndex.build(_ALTERNATIVES, ignore_case=False)
    assert index is not None
    assert [offset for offset, _ in index.candidates("shelling,strike (airstrikes)")] == [0, 9, 17]


def test_head_index_offers_starts_inside_non_ascii_words_for_the_caller_to_check() -> None:
    # "é" is not an ASCII word character, so the letters after it are offered too; the
    # caller's own (?<!\w) pattern rejects them.
    index = HeadIndex.build(["strike"], ignore_case=False)
    assert index is not None
    assert [offset for offset, _ in index.candidates("éstrike strike")] == [1, 8]
    pattern = re.compile(r"(?<!\w)(?:strike)(?!\w)")
    assert [o for o, _ in index.candidates("éstrike strike") if pattern.match("éstrike strike", o)] == [8]


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


def test_required_literals_keep_the_least_common_string_each_match_contains() -> None:
    assert required_literals(_sre.parse("zaporizh(?:zh)?ia nuclear (?:power )?plant")) == frozenset({"ia nuclear "})
    assert required_literals(_sre.parse(r"\w+")) is None


def test_a_literal_trie_matches_exactly_its_strings() -> None:
    trie = re.compile(literal_trie({"shot", "shell", "strike"}))
    assert [trie.fullmatch(w) is not None for w in ("shot", "shell", "strike", "shelf")] == [True, True, True, False]


def test_a_filter_keeps_every_text_a_pattern_matches_and_only_those_with_a_required_literal() -> None:
    patterns = ["was killed", "killed in action", "shell(?:ed|ing)", "missile strikes?"]
    prefilter = LiteralFilter.build(patterns, ignore_case=False)
    assert prefilter is not None
    union = re.compile("|".join(patterns))
    for text in ("two soldiers were killed in action", "the town was shelled overnight", "missile strikes hit"):
        assert union.search(text) is not None and prefilter.may_match(text), text
    # "shell" is all "shell(?:ed|ing)" is known to need: a filter may keep a text no pattern matches
    assert prefilter.may_match("shellshocked")
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


def test_a_gate_over_patterns_the_stdlib_cannot_read_tries_them_all() -> None:
    branch_reset = r"(?<!\w)(?|killed (by)|shot (at))"  # the regex module's syntax
    gate = PatternGate([branch_reset, _GATED[1]], ignore_case=False)
    assert gate.possible("nothing here") == frozenset({branch_reset})
