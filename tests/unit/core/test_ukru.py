"""Ukrainian and Russian war reporting: actors, demonyms, context markers, observations and relative dates."""

from datetime import UTC, date, datetime

from schemas import Article, Incident
from services.core.actors import Actor, find_actors
from services.core.dates import resolve_dates
from services.core.demonyms import find_demonyms, is_demonym
from services.core.extract import extract_article
from services.core.places import find_places

# A Friday at noon: "yesterday" is Thursday 4 June.
PUBLISHED = datetime(2026, 6, 5, 12, 0, tzinfo=UTC)


def _by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def _incidents(language: str, title: str, body: str) -> list[Incident]:
    article = Article(article_id="ukru-test", source="example.test", language=language,
                      published_at=PUBLISHED, title=title, body=body)
    return [m.incident for m in extract_article(article).mentions if m.incident is not None]


def _days(sentence: str, language: str) -> list[tuple[date, date, str | None]]:
    return [(d.start, d.end, d.text) for d in resolve_dates(sentence, PUBLISHED, language)]


# --- actors ---------------------------------------------------------------------------------

def test_russian_occupiers_shelling_a_town_are_russian_forces_and_the_perpetrator() -> None:
    sentence = "Російські окупанти вчора обстріляли Бериславщину з артилерії."
    russian = _by_name(find_actors(sentence, "uk"))["Russian forces"]
    assert (russian.kind, russian.country_code, russian.role) == ("state_forces", "RU", "perpetrator")
    assert sentence[russian.start:russian.end] == "Російські окупанти"


def test_defence_forces_liberate_while_the_general_staff_only_reports() -> None:
    sentence = "Сили оборони звільнили село на Запорізькому напрямку, повідомили у Генштабі ЗСУ."
    actors = find_actors(sentence, "uk")
    assert [(a.name, a.role) for a in actors] == [
        ("Ukrainian forces", "perpetrator"), ("Ukrainian forces", "other")]


def test_vsu_attacking_a_region_are_the_ukrainian_perpetrators() -> None:
    actors = _by_name(find_actors("В ночь на субботу ВСУ атаковали Курскую область беспилотниками.", "ru"))
    ukrainian = actors["Ukrainian forces"]
    assert (ukrainian.country_code, ukrainian.role) == ("UA", "perpetrator")


def test_russian_armed_forces_by_their_full_name_are_russian_forces() -> None:
    actors = _by_name(find_actors("Вооруженные силы России заняли населенный пункт в ДНР.", "ru"))
    assert actors["Russian forces"].country_code == "RU"


def test_a_woman_wounded_by_an_impersonal_verb_is_the_civilian_target() -> None:
    actors = _by_name(find_actors("Внаслідок атаки російських дронів поранено 57-річну жінку.", "uk"))
    assert actors["Russian forces"].role == "perpetrator"
    assert (actors["civilians"].kind, actors["civilians"].role) == ("civilians", "target")


def test_a_ministry_cited_with_po_dannym_is_a_source_not_a_party() -> None:
    actors = _by_name(find_actors("По данным Минобороны РФ, ВСУ потеряли за сутки до 200 военнослужащих.", "ru"))
    assert actors["government"].role == "other"


# --- demonyms -------------------------------------------------------------------------------

def test_a_sentence_initial_ukrainian_adjective_is_not_the_town_of_ukrainsk() -> None:
    places = find_places("Українські захисники відбили атаку на Часів Яр.", "uk")
    assert [p.place.name for p in places] == ["Chasiv Yar"]


def test_a_sentence_initial_ukrainian_adjective_in_russian_is_not_a_village() -> None:
    places = find_places("Украинские военные атаковали Курск беспилотниками.", "ru")
    assert [p.place.name for p in places] == ["Kursk"]


def test_nationality_adjectives_and_nouns_name_their_country() -> None:
    text = "Білоруські прикордонники затримали двох росіян біля кордону."
    assert [d.country_code for d in find_demonyms(text, "uk")] == ["BY", "RU"]
    assert [d.country_code for d in find_demonyms("Американские ракеты и иранские дроны.", "ru")] == ["US", "IR"]


def test_village_names_spelt_like_a_neuter_adjective_stay_places() -> None:
    # Ukrainske and Ruske are villages; the neuter adjective is left to the gazetteer.
    assert not is_demonym("Українське", "uk")
    assert not is_demonym("Украинское", "ru")
    assert is_demonym("Українські", "uk")


def test_a_brief_naming_no_place_happens_in_the_country_of_its_nationality() -> None:
    [incident] = _incidents("uk", "Кордон", "Білоруські прикордонники затримали двох порушників кордону.")
    assert (incident.sub_event_type, incident.location.country_code) == ("Arrests", "BY")


# --- context markers ------------------------------------------------------------------------

def test_an_attack_recalled_after_napomnim_is_not_a_second_incident() -> None:
    incidents = _incidents(
        "ru", "Обстрел Белгорода",
        "Вчера ВСУ обстреляли Белгород, ранен мужчина.\n\n"
        "Напомним, 12 мая украинский дрон атаковал автобус в Шебекино, погибли двое.")
    assert [(i.location.name, i.date.start) for i in incidents] == [("Belgorod", date(2026, 6, 4))]


def test_an_attack_recalled_after_nahadaiemo_is_not_a_second_incident() -> None:
    incidents = _incidents(
        "uk", "Обстріл Херсонщини",
        "Вчора окупанти обстріляли Берислав, загинув чоловік.\n\n"
        "Нагадаємо, 12 травня росіяни вдарили дронами по Херсону, тоді загинули четверо людей.")
    assert [i.location.name for i in incidents] == ["Beryslav"]


def test_an_air_raid_alert_over_a_drone_threat_is_no_drone_strike() -> None:
    body = ("Повітряна тривога у Києві тривала дві години через загрозу ударних БпЛА. "
            "Мешканці ховалися в укриттях. Рух метро було зупинено. Після відбою транспорт "
            "запрацював. Школи працювали дистанційно.")
    assert _incidents("uk", "Тривога в Києві", body) == []


def test_an_attack_during_an_air_raid_alert_is_still_an_attack() -> None:
    body = ("Під час повітряної тривоги росіяни вчора вдарили ракетами по Полтаві. "
            "Загинули двоє людей. Пошкоджено кілька будинків. Рятувальники працювали всю ніч. "
            "У місті оголошено жалобу.")
    [incident] = _incidents("uk", "Удар по Полтаві", body)
    assert incident.location.name == "Poltava"


# --- observations ---------------------------------------------------------------------------

def test_a_brief_observing_a_fire_in_a_town_reports_property_destruction_there() -> None:
    [incident] = _incidents("ru", "Пожар в Белгороде", "В Белгороде поврежден жилой дом, возник пожар.")
    assert (incident.sub_event_type, incident.location.name) == ("Looting/property destruction", "Belgorod")


# --- dates ----------------------------------------------------------------------------------

def test_the_night_to_a_dated_day_is_that_day() -> None:
    assert _days("В ночь на 5 июня ВСУ атаковали Белгородскую область.", "ru") == [
        (date(2026, 6, 5), date(2026, 6, 5), "5 июня")]
    assert _days("В ніч на 5 червня росіяни атакували Харків.", "uk") == [
        (date(2026, 6, 5), date(2026, 6, 5), "5 червня")]


def test_the_night_to_a_weekday_is_the_last_night_ending_on_that_weekday() -> None:
    assert _days("В ночь на воскресенье беспилотники атаковали Брянск.", "ru") == [
        (date(2026, 5, 31), date(2026, 5, 31), "В ночь на воскресенье")]


def test_morning_of_a_dated_day_is_that_day_not_today() -> None:
    assert _days("Утром 4 июня российская ракета попала в дом.", "ru") == [
        (date(2026, 6, 4), date(2026, 6, 4), "4 июня")]
    assert _days("Зранку 4 червня ракета влучила в будинок.", "uk") == [
        (date(2026, 6, 4), date(2026, 6, 4), "4 червня")]


def test_yesterday_morning_is_yesterday() -> None:
    assert _days("Вчера утром ВСУ обстреляли Горловку.", "ru") == [
        (date(2026, 6, 4), date(2026, 6, 4), "Вчера утром")]


def test_a_round_up_of_the_past_day_spans_the_last_24_hours() -> None:
    window = (date(2026, 6, 4), date(2026, 6, 5))
    assert [d[:2] for d in _days("Минулої доби росіяни обстріляли Херсонщину 45 разів.", "uk")] == [window]
    assert [d[:2] for d in _days("За сутки ПВО сбила 45 беспилотников.", "ru")] == [window]
    assert [d[:2] for d in _days("За прошедшую ночь сбили 27 беспилотников.", "ru")] == [window]


def test_days_ago_in_words_count_back_from_publication() -> None:
    assert _days("Три дні тому дрон атакував автомобіль.", "uk")[0][:2] == (date(2026, 6, 2), date(2026, 6, 2))
    assert _days("Два дня назад ракета попала в дом.", "ru")[0][:2] == (date(2026, 6, 3), date(2026, 6, 3))


def test_last_week_is_the_previous_calendar_week() -> None:
    week = (date(2026, 5, 25), date(2026, 5, 31))
    assert _days("На прошлой неделе ВСУ атаковали Белгород.", "ru")[0][:2] == week
    assert _days("Минулого тижня росіяни атакували Суми.", "uk")[0][:2] == week


def test_a_nightly_attack_in_a_headline_is_dated_to_the_night() -> None:
    assert [d[:2] for d in _days("Нічна атака дронів на Одесу", "uk")] == [(date(2026, 6, 4), date(2026, 6, 5))]


def test_a_dated_drone_strike_reads_place_type_and_day() -> None:
    incidents = _incidents("ru", "Шебекино",
                           "Вчера украинский беспилотник атаковал автомобиль в Шебекино, пострадал мужчина.")
    assert [(i.location.name, i.sub_event_type, i.date.start, i.date.end) for i in incidents] == [
        ("Shebekino", "Air/drone strike", date(2026, 6, 4), date(2026, 6, 4))]
