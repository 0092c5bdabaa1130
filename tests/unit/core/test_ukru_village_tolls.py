"""A uk/ru brief about a village the gazetteer does not know: one incident in its raion's region, with the toll the next sentence gives."""

from __future__ import annotations

from datetime import UTC, datetime

from services.core.assembly import IncidentDraft, assemble_incidents
from services.core.sentences import split_sentences

PUBLISHED = datetime(2026, 3, 12, 9, tzinfo=UTC)


def _incidents(title: str, body: str, language: str) -> list[IncidentDraft]:
    text = title + "\n\n" + body
    return assemble_incidents(text, split_sentences(text, language), language, PUBLISHED)


def _toll(d: IncidentDraft) -> tuple[int | None, int | None]:
    return (
        None if d.fatalities is None else d.fatalities.best,
        None if d.injured is None else d.injured.best,
    )


def test_a_village_of_a_raion_named_like_the_oblast_lies_in_that_oblast_and_keeps_the_toll() -> None:
    [incident] = _incidents(
        "В Курской области при ударе дрона погибла женщина",
        "Украинский беспилотник атаковал частный дом в селе Малиновка Курского района, сообщил "
        "губернатор. Женщина погибла на месте, еще трое ранены.",
        "ru",
    )
    assert incident.place.text == "Малиновка"
    assert incident.place.place.admin1 == "Kursk"
    assert incident.cue.sub_event_type == "Air/drone strike"
    assert _toll(incident) == (1, 3)


def test_a_toll_in_the_sentence_after_an_unknown_village_is_that_villages_toll() -> None:
    [incident] = _incidents(
        "Дрон атаковал автомобиль в Брянской области",
        "Беспилотник ВСУ атаковал легковой автомобиль у села Зеленополье Брянского района. "
        "Водитель погиб, двое пассажиров ранены.",
        "ru",
    )
    assert incident.place.text == "Зеленополье"
    assert incident.place.place.admin1 == "Bryansk"
    assert _toll(incident) == (1, 2)


def test_a_ukrainian_brief_about_a_village_of_a_named_raion_gives_one_incident() -> None:
    [incident] = _incidents(
        "На Сумщині внаслідок атаки дрона загинув чоловік",
        "Російський дрон атакував автомобіль у селі Кудрявцеве Шосткинського району. "
        "Чоловік загинув на місці, ще двоє людей поранені.",
        "uk",
    )
    assert incident.place.text == "Кудрявцеве"
    assert incident.place.place.admin1 == "Sumy"
    assert _toll(incident) == (1, 2)


def test_a_raion_unlike_any_region_named_leaves_the_village_to_the_storys_region() -> None:
    [incident] = _incidents(
        "Обстрел в Белгородской области",
        "ВСУ обстреляли из артиллерии село Ветрогорье Крутобережского района. "
        "Пострадали двое мирных жителей.",
        "ru",
    )
    assert incident.place.place.admin1 == "Belgorod"
    assert _toll(incident) == (0, 2)


def test_a_village_named_with_its_raion_is_the_namesake_in_that_raion() -> None:
    [incident] = _incidents(
        "Удар дрона по Донеччині",
        "Росіяни атакували дроном автомобіль у селі Малинівка Покровського району. Загинув чоловік.",
        "uk",
    )
    assert incident.place.place.admin2 == "Pokrovskyi Raion"
    assert incident.place.place.lat is not None
    assert _toll(incident) == (1, 0)
