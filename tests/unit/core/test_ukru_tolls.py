"""Ukrainian and Russian tolls and war-report verbs: number words in their case forms, ages,
deaths told with a negation, dropped bombs, hits and strikes, and words that only look like triggers."""

from datetime import UTC, datetime

import pytest

from schemas import Article, Incident
from services.core.casualties import Count, find_casualties
from services.core.events import classify_sentence
from services.core.extract import extract_article

# A Friday at noon: "yesterday" is Thursday 4 June.
PUBLISHED = datetime(2026, 6, 5, 12, 0, tzinfo=UTC)


def _best(count: Count | None) -> int | None:
    return None if count is None else count.best


def _toll(sentence: str, language: str) -> tuple[int | None, int | None]:
    found = find_casualties(sentence, language)
    return _best(found.fatalities), _best(found.injured)


def _types(sentence: str, language: str) -> list[tuple[str, bool]]:
    return [(c.sub_event_type, c.negated_or_hypothetical) for c in classify_sentence(sentence, language)]


def _incidents(language: str, title: str, body: str) -> list[Incident]:
    article = Article(article_id="ukru-tolls-test", source="example.test", language=language,
                      published_at=PUBLISHED, title=title, body=body)
    return [m.incident for m in extract_article(article).mentions if m.incident is not None]


# --- number words ---------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "language", "toll"), [
    ("У Харкові пошкоджено житловий будинок, поранено трьох людей.", "uk", (None, 3)),
    ("Загинули троє цивільних, ще дев'ятеро отримали поранення.", "uk", (3, 9)),
    ("Загинули п’ятеро людей, ще 30 поранені.", "uk", (5, 30)),
    ("Загинули двоє людей, ще одинадцятьох поранено.", "uk", (2, 11)),
    ("Ранены пятеро жителей, погибли двое.", "ru", (2, 5)),
    ("В результате удара пострадали восемь человек, госпитализированы трое.", "ru", (None, 8)),
])
def test_ukrainian_and_russian_number_words_count_in_every_case_and_as_collectives(
        sentence: str, language: str, toll: tuple[int | None, int | None]) -> None:
    assert _toll(sentence, language) == toll


def test_a_spelled_number_under_a_quantifier_is_a_lower_bound() -> None:
    killed = find_casualties("Внаслідок удару загинули щонайменше п'ятеро людей.", "uk").fatalities
    assert killed is not None and (killed.best, killed.low, killed.high) == (5, 5, None)
    at_least = find_casualties("Погибли не менее пяти человек.", "ru").fatalities
    assert at_least is not None and (at_least.low, at_least.high) == (5, None)


def test_a_number_word_inside_another_word_counts_nobody() -> None:
    assert _toll("Сім'ї загиблих отримають допомогу.", "uk") == (None, None)


# --- ages -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "language", "toll"), [
    ("Поранено 62-річну жінку, пошкоджено кілька приватних будинків.", "uk", (None, 1)),
    ("Загинула 74-річна жінка, ще трьох людей поранено.", "uk", (1, 3)),
    ("Вчера дрон атаковал автомобиль в Шебекино, ранена 45-летняя женщина.", "ru", (None, 1)),
])
def test_an_age_is_the_victim_not_a_count_of_victims(
        sentence: str, language: str, toll: tuple[int | None, int | None]) -> None:
    assert _toll(sentence, language) == toll


# --- deaths told with a negation ---------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "language"), [
    ("Мирная жительница не выжила после удара беспилотника.", "ru"),
    ("В результате атаки не смогла выжить пожилая женщина.", "ru"),
    ("Водителя не удалось спасти, сообщил губернатор.", "ru"),
    ("Медики не змогли врятувати 68-річного чоловіка.", "uk"),
    ("Жінку, яка була за кермом, врятувати не вдалося.", "uk"),
    ("Пенсіонерка не вижила після обстрілу.", "uk"),
])
def test_a_victim_who_did_not_survive_or_could_not_be_saved_is_one_death(sentence: str, language: str) -> None:
    assert _toll(sentence, language)[0] == 1


def test_an_attack_someone_did_not_survive_is_no_negated_attack() -> None:
    assert _types("Жительница села не выжила после атаки дрона на автомобиль", "ru") == [("Air/drone strike", False)]
    assert _types("Чоловік не вижив після удару дрона по авто", "uk")[0] == ("Air/drone strike", False)
    # a real denial still negates
    assert _types("Минобороны заявило, что ВСУ не атаковали дронами жилые дома.", "ru")[0][1] is True


def test_a_toll_of_at_least_so_many_does_not_negate_the_strike_after_it() -> None:
    assert _types("Погибли не менее пяти человек в результате удара ракетой.", "ru")[0] == (
        "Shelling/artillery/missile attack", False)


def test_attackers_named_beside_a_wounded_civilian_are_no_enemy_loss() -> None:
    assert _toll("Вчера ВСУ обстреляли Шебекино, ранен мужчина.", "ru") == (None, 1)
    assert _toll("Окупанти обстріляли Херсон, поранено чоловіка.", "uk") == (None, 1)
    # a soldier of the other side killed is still a loss claim
    assert _toll("Противник потерял технику, погиб боец ВСУ.", "ru") == (None, None)


# --- war-report verbs -------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "language", "sub_event_type"), [
    ("Позавчора росіяни скинули дві авіабомби на Краматорськ.", "uk", "Air/drone strike"),
    ("Російський дрон скинув вибухівку на цивільний автомобіль.", "uk", "Air/drone strike"),
    ("Окупанти вдарили КАБами по Костянтинівці.", "uk", "Air/drone strike"),
    ("Российская авиация сбросила на город четыре управляемые авиабомбы.", "ru", "Air/drone strike"),
    ("Произошло попадание снаряда в жилой дом.", "ru", "Shelling/artillery/missile attack"),
    ("Внаслідок влучання дрона в багатоповерхівку постраждали люди.", "uk", "Air/drone strike"),
    ("Війська вдарили ракетами по промисловому об'єкту.", "uk", "Shelling/artillery/missile attack"),
    ("Сили оборони уразили ракетами склад боєприпасів.", "uk", "Shelling/artillery/missile attack"),
    ("Российские войска поразили артиллерией склад боеприпасов.", "ru", "Shelling/artillery/missile attack"),
    ("Тривають бої за Покровськ.", "uk", "Armed clash"),
    ("Боевые действия продолжаются у Часова Яра.", "ru", "Armed clash"),
])
def test_common_war_report_verbs_name_their_event(sentence: str, language: str, sub_event_type: str) -> None:
    assert _types(sentence, language)[0] == (sub_event_type, False)


@pytest.mark.parametrize(("sentence", "language"), [
    ("Кабінет міністрів ухвалив постанову про компенсації.", "uk"),
    ("Міністр оборони провів нараду в Міністерстві.", "uk"),
    ("Минувшей ночью министр провел совещание, сообщили в Минобороны.", "ru"),
    ("Через несколько минут после начала совещания боец покинул зал.", "ru"),
    ("Бойовики оголосили бойкот виборам.", "uk"),
])
def test_ministries_minutes_cabinets_and_boycotts_are_no_mines_bombs_or_battles(sentence: str, language: str) -> None:
    assert classify_sentence(sentence, language) == []


# --- whole reports ----------------------------------------------------------------------------

def test_a_ukrainian_report_of_dropped_bombs_gives_the_strike_with_its_toll() -> None:
    [incident] = _incidents(
        "uk", "Авіаудар по Костянтинівці",
        "Учора російська авіація скинула три авіабомби на Костянтинівку. "
        "Загинула 74-річна жінка, ще трьох людей поранено.")
    assert incident.sub_event_type == "Air/drone strike"
    assert (incident.fatalities.best, incident.injured.best) == (1, 3)
    assert str(incident.date.start) == "2026-06-04"


def test_a_russian_report_of_a_driver_who_could_not_be_saved_is_a_deadly_drone_strike() -> None:
    [incident] = _incidents(
        "ru", "Атака дрона на Белгород",
        "Вчера украинский дрон атаковал легковой автомобиль в Белгороде. "
        "Водителя не удалось спасти, сообщил губернатор.")
    assert incident.sub_event_type == "Air/drone strike"
    assert incident.fatalities.best == 1
