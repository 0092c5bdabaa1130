"""Civilians killed by a weapon fired from afar are a remote-violence event, as ACLED codes it."""

import pytest

from services.core.events import classify_sentence


@pytest.mark.parametrize(("language", "sentence", "expected"), [
    ("it", "Due civili sono stati uccisi dal fuoco dell'artiglieria russa a Bilozerka.",
     "Shelling/artillery/missile attack"),
    ("it", "Due civili uccisi da un colpo di mortaio a Bilozerka.", "Shelling/artillery/missile attack"),
    ("it", "Due civili uccisi da un drone russo a Bilozerka.", "Air/drone strike"),
    ("en", "Two civilians were killed by a Russian drone in Bilozerka.", "Air/drone strike"),
])
def test_a_killing_by_a_remote_weapon_takes_the_weapons_type(language: str, sentence: str, expected: str) -> None:
    assert expected in {c.sub_event_type for c in classify_sentence(sentence, language)}


def test_a_killing_by_gunmen_stays_an_attack_on_civilians() -> None:
    types = {c.sub_event_type for c in classify_sentence("Uomini armati hanno ucciso due civili a Bilozerka.", "it")}
    assert "Attack" in types and "Shelling/artillery/missile attack" not in types
