"""Specifications of uk/ru case and agreement from pymorphy3: bodies, offices and names in the nominative."""

from __future__ import annotations

import subprocess
import sys

from services.core.organisations import nominative_body
from services.core.places import find_places
from services.core.speakers import nominative_name, nominative_role


def test_adjectives_take_the_gender_and_number_of_their_head_noun() -> None:
    assert nominative_body("Дніпропетровської обласної військової адміністрації") == (
        "Дніпропетровська обласна військова адміністрація"
    )
    assert nominative_body("Курского областного правительства") == "Курское областное правительство"
    assert nominative_body("Сухопутних військ") == "Сухопутні війська"
    assert nominative_body("Одесской городской думы") == "Одесская городская дума"


def test_a_stressed_russian_adjective_comes_from_the_dictionary() -> None:
    assert nominative_body("городского совета") == "городской совет"
    assert nominative_body("Краснодарском краевом центре") == "Краснодарский краевой центр"


def test_a_body_in_the_accusative_or_locative_is_given_in_the_nominative() -> None:
    assert nominative_body("Белгородскую областную администрацию") == "Белгородская областная администрация"
    assert nominative_body("Одеській обласній раді") == "Одеська обласна рада"
    assert nominative_body("Курской АЭС") == "Курская АЭС"


def test_a_genitive_complement_after_the_head_stays_as_written() -> None:
    assert nominative_body("прокуратури Дніпропетровської області") == "прокуратура Дніпропетровської області"
    assert nominative_body("управления МЧС Курской области") == "управление МЧС Курской области"


def test_a_noun_that_heads_no_body_leaves_the_phrase_as_written() -> None:
    for kept in ("Одеси", "закордонних справ", "Одеська ОВА"):
        assert nominative_body(kept) == kept


def test_an_office_adjective_agrees_with_its_office_noun() -> None:
    assert nominative_role("официального представителя") == "официальный представитель"
    assert nominative_role("командувача") == "командувач"
    assert nominative_role("речниці") == "речниця"
    assert nominative_role("голови") == "голова"


def test_names_a_source_puts_in_the_genitive_come_back_by_the_dictionary() -> None:
    assert nominative_name("Андрія Ткаченка", "") == "Андрій Ткаченко"
    assert nominative_name("Марії Захарової", "") == "Марія Захарова"
    assert nominative_name("Сергея Собянина", "") == "Сергей Собянин"
    assert nominative_name("Ірини Верещук", "") == "Ірина Верещук"


def test_a_surname_the_dictionary_lacks_comes_back_by_its_ending() -> None:
    assert nominative_name("Олега Синєгубова", "") == "Олег Синєгубов"


def _read(sentence: str, language: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.place.name, m.place.admin1) for m in find_places(sentence, language)]


def test_a_town_in_ka_is_found_in_its_locative_in_tsi() -> None:
    assert _read("Уночі дрони атакували об'єкти у Шостці.", "uk") == [("Шостці", "Shostka", "Sumy")]
    assert _read("Після обстрілу в Костянтинівці загорівся склад.", "uk") == [
        ("Костянтинівці", "Kostiantynivka", "Donetsk")]


def test_a_russian_locative_is_read_as_its_city_not_a_lookalike_village() -> None:
    assert _read("Ночью в Брянске сработала ПВО.", "ru") == [("Брянске", "Bryansk", "Bryansk")]


def test_a_plural_town_name_comes_back_in_the_plural() -> None:
    assert _read("Вибухи пролунали в Сумах.", "uk") == [("Сумах", "Sumy", "Sumy")]
    assert _read("Росіяни знову атакували околиці Черкас.", "uk") == [("Черкас", "Cherkasy", "Cherkasy")]


def test_a_two_word_name_may_keep_its_noun_as_written() -> None:
    assert _read("Российские ракеты попали в Белую Церковь.", "ru") == [
        ("Белую Церковь", "Bila Tserkva", "Kyiv")]


def test_a_region_adjective_without_its_noun_is_not_read_as_a_village() -> None:
    assert _read("Помимо Брянской, дроны сбили над Тульской.", "ru") == []


def test_italian_and_english_text_never_loads_the_dictionaries() -> None:
    script = (
        "import sys\n"
        "from datetime import datetime, UTC\n"
        "from schemas import Article\n"
        "from services.core.extract import extract_article\n"
        "for lang, body in (('en', 'Two people were killed in a shelling of Kharkiv, the governor said.'),\n"
        "                   ('it', 'Due persone sono morte a Kharkiv, ha detto il governatore.')):\n"
        "    extract_article(Article(article_id=lang, source='t', url=None, title='', body=body,\n"
        "        published_at=datetime(2026, 11, 25, tzinfo=UTC), language=lang))\n"
        "print('pymorphy3' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_city_named_in_the_genitive_plural_comes_back_by_the_dictionary() -> None:
    from services.core.organisations import nominative_city

    assert nominative_city("Черкас", russian=False) == "Черкаси"
    assert nominative_city("Черкасс", russian=True) == "Черкассы"
    assert nominative_city("Краматорська", russian=False) == "Краматорськ"


def test_a_noun_reads_back_to_its_nominatives_and_a_surname_to_none() -> None:
    from services.core.morphology import noun_nominatives

    assert "харків" in noun_nominatives("харкові", ("uk",))
    assert "москва" in noun_nominatives("москве", ("ru",))
    assert noun_nominatives("петрова", ("ru",)) == ()
