"""Ukrainian and Russian war briefs read as incidents: places (oblasts, raions, hromadas, inflected names), types, tolls and dates."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from services.core.assembly import IncidentDraft, assemble_incidents
from services.core.dates import resolve_dates
from services.core.places import find_places
from services.core.sentences import split_sentences

PUBLISHED = datetime(2026, 11, 25, 12, tzinfo=UTC)


def _incidents(title: str, body: str, language: str) -> list[IncidentDraft]:
    text = title + "\n\n" + body
    return assemble_incidents(text, split_sentences(text, language), language, PUBLISHED)


def _toll(d: IncidentDraft) -> tuple[int | None, int | None]:
    return (
        None if d.fatalities is None else d.fatalities.best,
        None if d.injured is None else d.injured.best,
    )


def _regions(text: str) -> list[tuple[str, str | None]]:
    return [(m.place.kind, m.place.admin1) for m in find_places(text)]


# --- the General Staff's daily figures are claims, not incidents ---

def test_the_general_staffs_tally_of_enemy_losses_is_no_incident() -> None:
    assert _incidents(
        "Генштаб: втрати ворога за добу",
        "Загальні бойові втрати противника з 24.02.22 по 25.11.26 орієнтовно склали: особового "
        "складу — близько 1 150 000 осіб, танків — 11 300, артилерійських систем — 34 200.",
        "uk",
    ) == []


def test_a_russian_tally_of_losses_per_day_is_no_incident() -> None:
    assert _incidents(
        "Потери за сутки",
        "По данным Генштаба ВСУ, потери российской армии за сутки составили 1 040 человек, "
        "5 танков и 20 артиллерийских систем.",
        "ru",
    ) == []


# --- oblasts, raions and hromadas ---

@pytest.mark.parametrize(("adjective", "admin1"), [
    ("Запорожской", "Zaporizhzhia"), ("Ровенской", "Rivne"), ("Харьковской", "Kharkiv"),
    ("Днепропетровской", "Dnipropetrovsk"), ("Николаевской", "Mykolaiv"), ("Запорожскую", "Zaporizhzhia"),
])
def test_a_ukrainian_oblast_spelt_the_russian_way_is_that_oblast(adjective: str, admin1: str) -> None:
    assert _regions(f"Ночью дроны атаковали {adjective} область.") == [("region", admin1)]


def test_every_oblast_resolves_in_ukrainian_and_in_russian() -> None:
    uk = ["Вінницькій", "Волинській", "Дніпропетровській", "Донецькій", "Житомирській", "Закарпатській",
          "Запорізькій", "Івано-Франківській", "Київській", "Кіровоградській", "Луганській", "Львівській",
          "Миколаївській", "Одеській", "Полтавській", "Рівненській", "Сумській", "Тернопільській",
          "Харківській", "Херсонській", "Хмельницькій", "Черкаській", "Чернівецькій", "Чернігівській"]
    ru = ["Винницкой", "Волынской", "Днепропетровской", "Донецкой", "Житомирской", "Закарпатской",
          "Запорожской", "Ивано-Франковской", "Киевской", "Кировоградской", "Луганской", "Львовской",
          "Николаевской", "Одесской", "Полтавской", "Ровенской", "Сумской", "Тернопольской",
          "Харьковской", "Херсонской", "Хмельницкой", "Черкасской", "Черновицкой", "Черниговской"]
    read_uk = [_regions(f"Ворог атакував населені пункти у {a} області.") for a in uk]
    read_ru = [_regions(f"Противник атаковал населенные пункты в {a} области.") for a in ru]
    assert all(len(r) == 1 and r[0][0] == "region" for r in read_uk + read_ru)
    assert [r[0][1] for r in read_uk] == [r[0][1] for r in read_ru]
    assert len({r[0][1] for r in read_uk}) == 24


def test_damage_in_a_raion_places_the_drone_attack_on_the_oblast_in_that_raion() -> None:
    [incident] = _incidents(
        "Дрони атакували Сумщину",
        "Вночі росіяни атакували Сумщину ударними дронами. У Шосткинському районі пошкоджено "
        "ЛЕП, частина споживачів знеструмлена.",
        "uk",
    )
    assert incident.place.place.name == "Shostkynskyi Raion"
    assert incident.cue.sub_event_type == "Air/drone strike"


def test_a_village_of_the_shelled_raion_is_the_one_incident() -> None:
    [incident] = _incidents(
        "Обстріл району",
        "Ворог обстріляв Запорізький район. У Біленькому пошкоджено приватні будинки, поранена "
        "62-річна жінка.",
        "uk",
    )
    assert incident.place.place.name == "Bilenke"
    assert incident.place.place.admin1 == "Zaporizhzhia"


def test_a_hromada_is_read_as_the_town_its_adjective_is_built_on() -> None:
    [incident] = _incidents(
        "Атака на громаду",
        "Минулої доби ворог тричі атакував Марганецьку громаду дронами. Загинули троє людей, "
        "ще четверо поранені.",
        "uk",
    )
    assert incident.place.place.name == "Marhanets"
    assert incident.cue.sub_event_type == "Air/drone strike"
    assert _toll(incident) == (3, 4)


def test_a_hromada_named_with_its_raion_is_the_namesake_in_that_raion_also_in_the_headline() -> None:
    [incident] = _incidents(
        "Обстріл Покровської громади",
        "Вночі ворог обстріляв Покровську громаду Синельниківського району з важкої артилерії. "
        "Постраждав 45-річний чоловік.",
        "uk",
    )
    assert (incident.place.place.name, incident.place.place.admin2) == ("Pokrovske", "Synelnykivskyi Raion")


def test_a_hromada_after_its_raion_lies_in_that_raion() -> None:
    places = find_places("Росіяни обстріляли Нікопольський район: Марганецьку громаду та Покровську громаду.")
    assert [m.place.admin2 for m in places] == ["Nikopolskyi Raion"] * 3


@pytest.mark.parametrize(("phrase", "name"), [
    ("по Кривому Рогу", "Kryvyi Rih"), ("у Білій Церкві", "Bila Tserkva"),
    ("у Новій Каховці", "Nova Kakhovka"), ("в Старом Осколе", "Staryy Oskol"),
])
def test_both_words_of_an_inflected_two_word_town_are_read(phrase: str, name: str) -> None:
    [mention] = find_places(f"Вночі ворог вдарив ракетою {phrase}.")
    assert mention.place.name == name


def test_na_zaporizhzhi_is_the_oblast_and_u_zaporizhzhi_the_city() -> None:
    assert _regions("Бої тривають на Запоріжжі.") == [("region", "Zaporizhzhia")]
    assert _regions("Вибух пролунав у Запоріжжі.") == [("settlement", "Zaporizhzhia")]


def test_each_oblast_of_a_list_before_a_plural_noun_is_a_region_even_before_a_reporting_verb() -> None:
    incidents = _incidents(
        "Минобороны: сбиты 23 беспилотника",
        "В ночь на 25 ноября средствами ПВО перехвачены и уничтожены 23 украинских беспилотника над "
        "территориями Брянской, Курской и Белгородской областей, сообщили в Минобороны России.",
        "ru",
    )
    assert sorted(d.place.place.admin1 or "" for d in incidents) == ["Belgorod", "Bryansk", "Kursk"]
    assert {d.cue.sub_event_type for d in incidents} == {"Disrupted weapons use"}
    assert {d.date.start for d in incidents} == {date(2026, 11, 25)}


def test_a_village_of_the_dpr_written_out_lies_in_donetsk_oblast() -> None:
    [mention] = find_places("Подразделения освободили населенный пункт Новопавловка Донецкой Народной Республики.")
    assert mention.place.admin1 == "Donetsk"


# --- tolls and types ---

def test_a_toll_in_a_town_of_the_struck_oblast_places_the_strike_in_that_town() -> None:
    [incident] = _incidents(
        "Удар по Николаевской области",
        "Накануне противник нанес ракетный удар по Николаевской области. В Очакове ранены четыре человека.",
        "ru",
    )
    assert incident.place.place.name == "Ochakiv"
    assert _toll(incident)[1] == 4
    assert incident.date.start == date(2026, 11, 24)


def test_a_strike_dealt_on_a_place_with_no_means_named_is_remote_violence() -> None:
    [incident] = _incidents(
        "Атака на Запорожскую область",
        "Ночью российские войска нанесли удар по Запорожской области. В Запорожье погибла "
        "женщина, ранены пять человек.",
        "ru",
    )
    assert incident.cue.sub_event_type == "Shelling/artillery/missile attack"
    assert _toll(incident) == (1, 5)


def test_hits_recorded_in_oblasts_take_the_attack_the_brief_reported() -> None:
    incidents = _incidents(
        "Повітряні сили: збито 45 із 60 дронів",
        "У ніч на 25 листопада Росія атакувала Україну 60 ударними дронами. Силами ППО збито 45 "
        "із 60 дронів. Зафіксовано влучання на Київщині та Черкащині.",
        "uk",
    )
    assert sorted(d.place.place.admin1 or "" for d in incidents) == ["Cherkasy", "Kyiv"]
    assert {d.cue.sub_event_type for d in incidents} == {"Air/drone strike"}


# --- dates ---

@pytest.mark.parametrize(("sentence", "language"), [
    ("Накануне противник нанес удар по Белгороду.", "ru"),
    ("Напередодні ворог атакував Херсон.", "uk"),
    ("Об этом губернатор сообщил накануне.", "ru"),
])
def test_nakanune_alone_is_the_day_before_publication(sentence: str, language: str) -> None:
    [when] = resolve_dates(sentence, PUBLISHED, language)
    assert (when.start, when.end) == (date(2026, 11, 24), date(2026, 11, 24))


@pytest.mark.parametrize(("sentence", "language"), [
    ("Накануне массированного удара дроны кружили над городом.", "ru"),
    ("Напередодні удару оголосили тривогу.", "uk"),
])
def test_on_the_eve_of_an_event_is_no_date(sentence: str, language: str) -> None:
    assert resolve_dates(sentence, PUBLISHED, language) == []


# a village the gazetteer does not know, named with its raion: one incident in the raion's region,
# with the toll the next sentence gives ------------------------------------------------------------

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
