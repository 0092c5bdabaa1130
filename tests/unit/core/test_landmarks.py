"""Landmarks: a facility named instead of a town is read as the settlement it stands in."""

from __future__ import annotations

from services.core.landmarks import find_landmarks, with_landmarks
from services.core.places import find_places


def test_the_crimean_bridge_is_in_kerch_in_any_language() -> None:
    for text in ("Droni hanno colpito il ponte di Crimea stanotte.",
                 "Drones struck the Crimean Bridge overnight.",
                 "Кримський міст пошкоджено вибухом."):
        [found] = find_landmarks(text)
        assert found.place.name == "Kerch", text


def test_a_landmark_replaces_the_region_named_inside_its_words() -> None:
    text = "Shelling hit the Zaporizhzhia nuclear power plant again."
    places = with_landmarks(text, find_places(text, "en"))
    assert [p.place.name for p in places] == ["Enerhodar"]


def test_a_text_without_landmarks_keeps_its_places() -> None:
    text = "Russian missiles struck Odesa overnight."
    assert with_landmarks(text, find_places(text, "en")) == find_places(text, "en")


def test_a_landmark_is_found_whatever_its_case() -> None:
    for text in ("DRONES STRUCK THE KERCH BRIDGE OVERNIGHT.", "Il PONTE DI CRIMEA è stato colpito."):
        [found] = find_landmarks(text)
        assert found.place.name == "Kerch", text


def test_a_text_naming_no_landmark_yields_none() -> None:
    assert find_landmarks("A bridge in Kherson was damaged by shelling, officials said.") == []


def test_an_island_is_read_at_its_own_point_not_at_its_harbour_town() -> None:
    [found] = find_landmarks("Ukrainian drones hit a radar on Snake Island.")
    assert found.precision == "point" and found.place.admin1 == "Odesa"
    assert found.place.lat is not None and abs(found.place.lat - 45.25) < 0.05


def test_the_nuclear_plant_is_found_in_any_romanisation_of_zaporizhzhia() -> None:
    for text in ("Power was cut at the Zaporizhzhya NPP again.",
                 "The Zaporozhye nuclear power station lost its last line."):
        [found] = find_landmarks(text)
        assert found.place.name == "Enerhodar", text


def test_the_yavoriv_training_ground_is_in_lviv_oblast() -> None:
    [found] = find_landmarks("Missiles struck the Yavoriv training ground at dawn.")
    assert found.place.admin1 == "Lviv" and found.precision == "point"


def test_a_power_plant_is_read_at_the_town_it_stands_in_not_the_city_it_is_named_after() -> None:
    for text, town in (("The IAEA said the Khmelnytskyi nuclear power plant lost power.", "Netishyn"),
                       ("Output at the Rivne NPP was cut after the strike.", "Varash"),
                       ("Missiles hit the Zaporizhzhia TPP overnight.", "Enerhodar"),
                       ("The Trypilska TPP near Kyiv was destroyed.", "Ukrainka"),
                       ("Drones struck the Oskilska HES on the reservoir.", "Oskil"),
                       ("Вранці ракети влучили у Трипільську ТЕС.", "Ukrainka")):
        [found] = find_landmarks(text)
        assert found.place.name == town, text


def test_a_city_named_without_its_plant_is_no_landmark() -> None:
    assert find_landmarks("Kyiv and Zaporizhzhia were shelled; the Rivne region lost power.") == []


def test_two_landmarks_of_one_text_are_both_found_in_text_order() -> None:
    found = find_landmarks("After the Kerch bridge blast, Burshtyn TPP and Ladyzhyn TPP were hit.")
    assert [m.place.name for m in found] == ["Kerch", "Burshtyn", "Ladyzhyn"]


def test_long_island_is_a_region_of_new_york_not_long_island_city() -> None:
    text = "Three men were found shot dead in a car on Long Island, police said."
    [found] = with_landmarks(text, find_places(text, "en"))
    assert (found.place.name, found.place.admin1, found.place.admin2, found.precision) == (
        "Long Island", "New York", None, "region")
    text = "A man was shot in Long Island City, Queens, on Sunday."
    assert "Long Island" not in [p.place.name for p in with_landmarks(text, find_places(text, "en"))]
