"""Sentence meaning across languages (USE multilingual v3, shipped inside its wheel)."""

from __future__ import annotations

from services.core.matching import CROSS_LINGUAL_MEANING, CROSS_LINGUAL_SAME_INCIDENT_MEANING
from services.core.meaning import similarity

WOMAN_KILLED = "A woman was killed in the shelling of Vovchansk"


def test_a_sentence_and_its_italian_or_russian_translation_clear_the_cross_lingual_bar() -> None:
    assert similarity(WOMAN_KILLED, "Una donna è stata uccisa nel bombardamento di Vovchansk") >= CROSS_LINGUAL_MEANING
    assert similarity(WOMAN_KILLED, "Женщина погибла в результате обстрела Волчанска") >= CROSS_LINGUAL_MEANING


def test_ukrainian_is_not_among_the_models_languages_and_scores_lower() -> None:
    ukrainian = similarity(WOMAN_KILLED, "Жінка загинула внаслідок обстрілу Вовчанська")
    assert CROSS_LINGUAL_SAME_INCIDENT_MEANING - 0.1 < ukrainian < CROSS_LINGUAL_MEANING


def test_another_statement_on_the_same_war_stays_below_both_bars() -> None:
    assert similarity(WOMAN_KILLED, "Sei droni sono stati abbattuti dalla difesa aerea") < CROSS_LINGUAL_SAME_INCIDENT_MEANING
    assert similarity(WOMAN_KILLED, "The regional council will meet on Monday to discuss the budget") < 0.1
