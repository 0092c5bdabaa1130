"""A hit or strike with no weapon named is dealt from afar: the weapon named decides, else shelling."""

import pytest

from services.core.events import classify_sentence


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russian forces hit a school in Mykolaiv.", "Shelling/artillery/missile attack"),
    ("A drone struck an apartment block in Kyiv.", "Air/drone strike"),
    ("Missiles hit the port of Odesa.", "Shelling/artillery/missile attack"),
])
def test_a_hit_takes_the_weapons_type_else_shelling(sentence: str, expected: str) -> None:
    assert expected in {c.sub_event_type for c in classify_sentence(sentence, "en")}


def test_a_bare_hit_is_weak_evidence() -> None:
    scores = [c.score for c in classify_sentence("Russian forces hit a school in Mykolaiv.", "en")
              if c.sub_event_type == "Shelling/artillery/missile attack"]
    assert scores and max(scores) < 0.6
