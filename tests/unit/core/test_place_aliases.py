"""A former name of a city is read as the city unless many villages bear it today."""

from services.core.places import find_places


def _read(text: str) -> list[tuple[str, str]]:
    return [(m.place.name, m.precision) for m in find_places(text, "en")]


def test_a_common_village_name_is_not_the_city_that_once_bore_it() -> None:
    # Melitopol was Novooleksandrivka; 42 Ukrainian villages bear the name today, and a
    # text that names none of their regions says only that it is in Ukraine
    assert _read("Russian troops captured Novooleksandrivka.") == [("Ukraine", "country")]


def test_a_rare_former_name_is_still_the_city() -> None:
    # "Krasny Liman" (Lyman's Soviet name, kept by Russian media); two villages share it
    assert _read("Troops were withdrawn from Krasny Liman.") == [("Lyman", "settlement")]
