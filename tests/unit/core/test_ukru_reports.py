"""Short uk/ru reports written in the style of Ukrinform, Suspilne, RIA and TASS, with the coding an
analyst would give them: the incident's type and place."""

from __future__ import annotations

from datetime import UTC, datetime

from services.core.assembly import IncidentDraft, assemble_incidents
from services.core.places import find_places
from services.core.sentences import split_sentences

PUBLISHED = datetime(2026, 11, 25, 12, tzinfo=UTC)


def _incidents(body: str, language: str) -> list[IncidentDraft]:
    text = "Новини\n\n" + body
    return assemble_incidents(text, split_sentences(text, language), language, PUBLISHED)


def _coded(body: str, language: str) -> list[tuple[str, str]]:
    return [(d.cue.sub_event_type, d.place.place.name) for d in _incidents(body, language)]


def test_occupiers_killing_a_civilian_is_an_attack_on_civilians() -> None:
    assert _coded("Російські окупанти вбили мирного жителя у Бериславі, повідомила Херсонська "
                  "обласна прокуратура.", "uk") == [("Attack", "Beryslav")]
    assert _coded("В Горловке украинские военные убили мирного жителя, сообщил глава города.",
                  "ru") == [("Attack", "Horlivka")]


def test_a_capture_reported_by_the_ministry_is_at_the_village_not_in_russia() -> None:
    # The place before ", сообщили в Минобороны" closes the content: it is not the speaker.
    assert _coded("Российские войска освободили населенный пункт Петропавловка, сообщили в "
                  "Минобороны России.", "ru") == [("Armed clash", "Petropavlivka")]
    assert _coded("Російські війська захопили село Петропавлівка, повідомили в Генштабі ЗСУ.",
                  "uk") == [("Armed clash", "Petropavlivka")]


def test_the_words_of_a_self_styled_republic_are_no_places() -> None:
    found = find_places("Российские войска освободили населенный пункт Петропавловка в Донецкой "
                        "Народной Республике.", "ru")
    assert [m.text for m in found] == ["Петропавловка"]
    assert find_places("ВСУ обстреляли Луганскую Народную Республику.", "ru") == []


def test_a_strike_with_no_weapon_named_is_shelling_and_a_named_weapon_decides() -> None:
    assert _coded("Внаслідок удару поранено трьох людей, повідомив мер Кривого Рогу Олександр Вілкул.",
                  "uk") == [("Shelling/artillery/missile attack", "Kryvyi Rih")]
    assert _coded("В результате удара по Белгороду погибли три человека, сообщил губернатор.",
                  "ru") == [("Shelling/artillery/missile attack", "Belgorod")]
    assert _coded("Внаслідок удару дрона по Херсону поранено жінку.", "uk") == [
        ("Air/drone strike", "Kherson")]


def test_a_city_council_after_the_toll_is_who_reports_not_where() -> None:
    incidents = _incidents("Росіяни вдарили по Сумах балістичною ракетою, загинули 35 людей, повідомили у "
                           "Сумській міськраді.", "uk")
    assert [(d.place.place.name, d.fatalities.best if d.fatalities else None) for d in incidents] == [
        ("Sumy", 35)]
