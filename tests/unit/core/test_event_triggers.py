"""Event trigger lexicon (event_triggers.json): drones used against a target are an air/drone strike in every language."""

from __future__ import annotations

import pytest

from services.core.events import classify_sentence

STRONG = 0.6


@pytest.mark.parametrize(("sentence", "language"), [
    ('Nel pomeriggio gli occupanti sono tornati più attivi, utilizzando droni del tipo "Lancet" '
     "contro la comunità di Pokrovske.", "it"),
    ("Le truppe russe hanno usato droni FPV per colpire un autobus a Kherson.", "it"),
    ("Russian forces used attack drones against the village of Bilozerka overnight.", "en"),
    ("Les forces russes ont utilisé des drones contre le village.", "fr"),
    ("Las tropas rusas usaron drones contra la ciudad de Jersón.", "es"),
    ("Російські війська застосували ударні дрони проти селища.", "uk"),
    ("ВСУ применили беспилотники против автомобиля в селе.", "ru"),
])
def test_drones_used_against_a_target_are_a_clear_air_strike(sentence: str, language: str) -> None:
    best = classify_sentence(sentence, language)[0]
    assert best.sub_event_type == "Air/drone strike"
    assert best.score >= STRONG
    assert not best.negated_or_hypothetical


def test_drones_used_for_something_else_stay_a_weak_mention() -> None:
    cues = classify_sentence("The army is using drones to deliver supplies to the front.", "en")
    assert all(c.score < STRONG for c in cues)
