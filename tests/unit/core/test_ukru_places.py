"""Places the way uk/ru war news lists them (hand-written sentences)."""

from __future__ import annotations

from services.core.places import find_places


def _read(sentence: str, language: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.place.name, m.place.admin1) for m in find_places(sentence, language)]


def test_hromadas_listed_after_their_plural_noun_and_a_colon_are_their_centres() -> None:
    assert _read("Протягом доби ворог обстріляв прикордонні громади: Краснопільську, Білопільську "
                 "та Миропільську.", "uk") == [
        ("Краснопільську", "Krasnopillia", "Sumy"), ("Білопільську", "Bilopillia", "Sumy"),
        ("Миропільську", "Myropillia", "Sumy")]
    assert _read("ВСУ обстреляли общины: Глушковскую и Тёткинскую.", "ru") == [
        ("Глушковскую", "Glushkovo", "Kursk"), ("Тёткинскую", "Tëtkino", "Kursk")]


def test_a_region_between_the_hromada_noun_and_the_colon_keeps_the_list() -> None:
    found = _read("Росіяни обстріляли громади Сумської області: Краснопільську та Білопільську.", "uk")
    assert [name for _, name, _ in found] == ["Sumy", "Krasnopillia", "Bilopillia"]


def test_hromadas_listed_before_their_plural_noun_are_their_centres() -> None:
    assert _read("Ворог бив по Нікопольському району: Марганецькій та Покровській громадах.", "uk")[1:] == [
        ("Марганецькій", "Marhanets", "Dnipropetrovsk"), ("Покровській", "Pokrov", "Dnipropetrovsk")]


def test_an_axis_named_by_a_towns_adjective_is_that_towns_surroundings() -> None:
    found = find_places("Найзапекліші бої тривають на Покровському напрямку.", "uk")
    assert [(m.text, m.place.name, m.precision) for m in found] == [
        ("Покровському напрямку", "Pokrovsk", "district")]
    found = find_places("На Купянском направлении продолжаются бои.", "ru")
    assert [(m.text, m.place.name, m.precision) for m in found] == [
        ("Купянском направлении", "Kupiansk", "district")]


def test_a_list_of_adjectives_without_a_hromada_noun_names_no_hromada() -> None:
    assert _read("Сили оборони: Краснопільську ділянку фронту утримують.", "uk") == []


def test_a_sentence_opening_pronoun_is_no_city() -> None:
    assert _read("Він наголосив, що Україна не здасться.", "uk") == [("Україна", "Ukraine", None)]
    assert _read("Так, у Харкові пролунали вибухи.", "uk") == [("Харкові", "Kharkiv", "Kharkiv")]


