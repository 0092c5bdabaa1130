"""Ukrainian and Russian attributions read the way uk/ru war news writes them (hand-written sentences)."""

from __future__ import annotations

from services.core.claims import ClaimDraft, extract_claims
from services.core.speakers import nominative_name


def _claims(body: str, language: str) -> list[ClaimDraft]:
    return extract_claims("Новини", body, language)


def _only(body: str, language: str) -> ClaimDraft:
    claims = _claims(body, language)
    assert len(claims) == 1, claims
    return claims[0]


def test_a_post_posed_cue_gives_the_clause_before_it_to_the_office_holder_after_it() -> None:
    c = _only(
        "Внаслідок удару загинули двоє цивільних, повідомив начальник Херсонської ОВА "
        "Олександр Прокудін у Telegram.",
        "uk",
    )
    assert c.speaker.name == "Олександр Прокудін"
    assert c.speaker.role == "начальник"
    assert c.speaker.organization == "Херсонська ОВА"
    assert c.content == "Внаслідок удару загинули двоє цивільних"
    assert c.via == ("Telegram",)
    assert c.quote == "indirect"
    assert c.claim_type == "casualty_report"


def test_a_russian_post_posed_cue_names_the_channel_written_in_cyrillic() -> None:
    c = _only(
        "В результате обстрела погибли два человека, сообщил глава Донецка Алексей Кулемзин "
        "в телеграм-канале.",
        "ru",
    )
    assert c.speaker.name == "Алексей Кулемзин"
    assert c.speaker.role == "глава"
    assert c.content == "В результате обстрела погибли два человека"
    assert c.via == ("Telegram",)
    assert c.claim_type == "casualty_report"


def test_pro_tse_makes_the_previous_sentence_the_content() -> None:
    claims = _claims(
        "Росіяни вдарили ракетами по Харкову, пошкоджено житловий будинок. Про це повідомив "
        "голова Харківської ОВА Олег Синєгубов.",
        "uk",
    )
    assert len(claims) == 1
    c = claims[0]
    assert c.speaker.name == "Олег Синєгубов"
    assert c.speaker.role == "голова"
    assert c.speaker.organization == "Харківська ОВА"
    assert c.content == "Росіяни вдарили ракетами по Харкову, пошкоджено житловий будинок."
    assert c.claim_type == "attack_report"


def test_ob_etom_makes_the_previous_sentence_the_content_with_its_channel() -> None:
    c = _only(
        "Беспилотник атаковал частный дом в Шебекино, пострадали двое мирных жителей. Об этом "
        "сообщил губернатор Белгородской области Вячеслав Гладков в Telegram.",
        "ru",
    )
    assert c.speaker.name == "Вячеслав Гладков"
    assert c.speaker.role == "губернатор"
    assert c.speaker.organization == "Белгородская область"
    assert c.via == ("Telegram",)
    assert c.content.startswith("Беспилотник атаковал частный дом")


def test_po_slovam_gives_the_speaker_as_the_article_names_him_elsewhere() -> None:
    claims = _claims(
        "Губернатор Вячеслав Гладков сообщил, что ночью обстрелу подверглись два села. "
        "По словам Гладкова, пострадали двое.",
        "ru",
    )
    second = claims[-1]
    assert second.content == "пострадали двое."
    assert second.speaker.name == "Вячеслав Гладков"
    assert second.claim_type == "casualty_report"


def test_za_slovamy_puts_a_genitive_name_back_in_the_nominative() -> None:
    c = _only("За словами Зеленського, Росія готує новий наступ на сході.", "uk")
    assert c.speaker.name == "Зеленський"
    c = _only("За словами Олега Синєгубова, у Харкові пошкоджено школу.", "uk")
    assert c.speaker.name == "Олег Синєгубов"
    assert c.claim_type == "attack_report"
    c = _only("По словам Марии Захаровой, Киев готовит провокации на границе.", "ru")
    assert c.speaker.name == "Мария Захарова"


def test_a_genitive_name_follows_the_article_before_any_case_ending() -> None:
    assert nominative_name("Кличка", "Мер Віталій Кличко заявив про це.") == "Кличко"
    assert nominative_name("Пескова", "Песков и Пески") == "Песков"
    assert nominative_name("Гладкова", "") == "Гладков"
    assert nominative_name("Верещук", "") == "Верещук"
    assert nominative_name("Smith", "") == "Smith"


def test_a_body_named_where_it_speaks_is_the_speaker() -> None:
    c = _only(
        "Кроме того, в Курской области сбиты три беспилотника, заявили в Минобороны России.",
        "ru",
    )
    assert c.speaker.name == "Минобороны России"
    assert c.speaker.kind == "organization"
    assert c.speaker.country_code == "RU"
    assert c.content == "в Курской области сбиты три беспилотника"
    assert c.claim_type == "attack_report"
    c = _only("Уночі ворог атакував Одесу ударними дронами, повідомили у Повітряних силах ЗСУ.", "uk")
    assert c.speaker.kind == "organization"
    assert c.speaker.name == "Повітряні сили ЗСУ"


def test_ob_etom_soobshchili_v_gives_the_previous_sentence_to_the_body() -> None:
    claims = _claims(
        "Над Курской областью ночью сбиты три беспилотника. Об этом сообщили в Минобороны России.",
        "ru",
    )
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Минобороны России", "Над Курской областью ночью сбиты три беспилотника.")
    ]


def test_a_body_posting_in_its_telegram_channel_is_the_speaker_and_the_channel_is_kept() -> None:
    c = _only(
        "Сили ППО знешкодили 45 ударних дронів, повідомили Повітряні сили ЗСУ у телеграм-каналі.",
        "uk",
    )
    assert c.speaker.name == "Повітряні сили ЗСУ"
    assert c.speaker.kind == "organization"
    assert c.via == ("Telegram",)
    assert c.claim_type == "attack_report"
    assert [(q.value, q.unit) for q in c.quantities] == [(45, "drones")]


def test_a_genitive_place_or_body_between_office_and_name_is_the_organisation() -> None:
    c = _only(
        "Міністр закордонних справ України Дмитро Кулеба заявив, що Україна не піде на поступки.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.role) == ("Дмитро Кулеба", "міністр")
    assert c.speaker.country_code == "UA"
    c = _only(
        "Мер Києва Віталій Кличко повідомив у Telegram, що у Дарницькому районі пошкоджено будинок.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == ("Віталій Кличко", "мер", "Київ")
    assert c.via == ("Telegram",)
    assert c.claim_type == "attack_report"


def test_denials_by_spokespeople_are_denials() -> None:
    c = _only(
        "Пресс-секретарь Кремля Дмитрий Песков опроверг сообщения о подготовке новых переговоров.",
        "ru",
    )
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == (
        "Дмитрий Песков",
        "пресс-секретарь",
        "Кремль",
    )
    assert c.claim_type == "denial"
    c = _only(
        "Речник Повітряних сил Юрій Ігнат спростував інформацію про збиття літака над Києвом.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.organization) == ("Юрій Ігнат", "Повітряні сили")
    assert c.claim_type == "denial"


def test_what_a_report_is_about_is_no_claim_however_terse() -> None:
    assert _claims("Губернатор Вячеслав Гладков сообщил о новом обстреле.", "ru") == []


def test_subject_first_attributions_still_read() -> None:
    c = _only("Олег Синєгубов заявив, що внаслідок обстрілу поранено п'ятьох людей.", "uk")
    assert c.speaker.name == "Олег Синєгубов"
    assert c.claim_type == "casualty_report"
    c = _only("Губернатор Вячеслав Гладков сообщил, что в результате обстрела погиб мирный житель.", "ru")
    assert (c.speaker.name, c.speaker.role) == ("Вячеслав Гладков", "губернатор")


def test_a_genitive_office_before_a_genitive_name_is_given_in_the_nominative() -> None:
    c = _only(
        "За словами голови Харківської ОВА Олега Синєгубова, внаслідок удару поранено шестеро людей.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == (
        "Олег Синєгубов",
        "голова",
        "Харківська ОВА",
    )
    assert c.claim_type == "casualty_report"


def test_kak_soobshchil_names_the_speaker_in_the_nominative() -> None:
    c = _only(
        "Как сообщил мэр Белгорода Валентин Демидов, в городе повреждены несколько домов.", "ru"
    )
    assert (c.speaker.name, c.speaker.role) == ("Валентин Демидов", "мэр")
    assert c.content == "в городе повреждены несколько домов."
    assert c.claim_type == "attack_report"


def test_bodies_read_by_their_abbreviations_and_after_a_locative() -> None:
    c = _only("За інформацією ДСНС, під завалами можуть перебувати люди.", "uk")
    assert (c.speaker.name, c.speaker.kind) == ("ДСНС", "organization")
    assert c.claim_type == "casualty_report"
    c = _only("В МЧС сообщили, что пожар на складе полностью потушен.", "ru")
    assert (c.speaker.name, c.speaker.kind) == ("МЧС", "organization")
    c = _only("По данным Минобороны России, за сутки сбиты 20 украинских беспилотников.", "ru")
    assert c.speaker.name == "Минобороны России"
    assert [(q.value, q.unit) for q in c.quantities] == [(20, "drones")]


def test_an_outlet_relays_and_is_the_channel_not_the_speaker() -> None:
    assert _claims("Росіяни обстріляли Нікополь з артилерії, повідомляє Суспільне.", "uk") == []
    c = _only(
        "Песков отрицает причастность Москвы к атаке на нефтебазу, сообщает РИА Новости.", "ru"
    )
    assert c.speaker.name == "Песков"
    assert c.content == "причастность Москвы к атаке на нефтебазу"
    assert c.claim_type == "denial"
    assert c.via == ("RIA Novosti",)


def test_a_quoted_toll_after_a_dash_is_the_officials_casualty_report() -> None:
    claims = _claims(
        "Губернатор Вячеслав Гладков рассказал о ночной атаке. «Пострадавших нет», — уточнил губернатор.",
        "ru",
    )
    quote = claims[-1]
    assert quote.quote == "direct"
    assert quote.content == "Пострадавших нет"
    assert quote.claim_type == "casualty_report"


def test_uk_and_ru_bodies_in_any_case_have_one_canonical_name() -> None:
    from services.core.organisations import canonical_organisation

    assert canonical_organisation("Генштабу ЗСУ") == "General Staff of the Armed Forces of Ukraine"
    assert canonical_organisation("Міноборони Росії") == "Ministry of Defence of the Russian Federation"
    assert canonical_organisation("Повітряних силах ЗСУ") == "Air Force of Ukraine"
    assert canonical_organisation("Кремля") == "Kremlin"
    assert canonical_organisation("МЧС") == "Ministry of Emergency Situations of Russia"
    assert canonical_organisation("ск") is None


# -- round 2: number words, several sentences before "Про це", bodies in oblique cases -----------


def _counts(c: ClaimDraft) -> list[tuple[int | float, str]]:
    return [(q.value, q.unit) for q in c.quantities]


def test_uk_number_words_in_any_case_form_are_counts() -> None:
    c = _only(
        "Внаслідок обстрілу загинули двоє цивільних, ще п'ятеро поранених, повідомив начальник "
        "Запорізької ОВА Іван Федоров.",
        "uk",
    )
    assert _counts(c) == [(2, "people"), (5, "injured")]
    c = _only("За даними Повітряних сил, ворог випустив понад 20 ракет і сорок два шахеди.", "uk")
    assert _counts(c) == [(20, "missiles"), (42, "drones")]


def test_ru_number_words_and_compound_numbers_are_counts() -> None:
    c = _only(
        "По данным Минобороны России, за ночь сбиты двадцать три беспилотника и две ракеты.", "ru"
    )
    assert _counts(c) == [(23, "drones"), (2, "missiles")]
    c = _only("По словам Гладкова, в результате удара трое погибших и четверо раненых.", "ru")
    assert _counts(c) == [(3, "killed"), (4, "injured")]


def test_a_day_of_the_month_before_a_verb_is_no_count() -> None:
    from services.core.claim_text import extract_quantities

    assert extract_quantities("Вранці 25 листопада загинули двоє цивільних", "uk") == (
        extract_quantities("двоє цивільних", "uk")
    )
    assert [(q.value, q.unit) for q in extract_quantities("эвакуировали семью из трех человек", "ru")] == [
        (3, "people")
    ]


def test_pro_tse_after_several_sentences_of_facts_takes_them_all() -> None:
    claims = _claims(
        "Уночі росіяни атакували Запоріжжя ударними дронами. Пошкоджено три приватні будинки та "
        "автомобіль. Загинули двоє людей, ще п'ятеро поранені. Про це повідомив начальник "
        "Запорізької ОВА Іван Федоров.",
        "uk",
    )
    assert len(claims) == 1
    c = claims[0]
    assert c.speaker.name == "Іван Федоров"
    assert c.content.startswith("Уночі росіяни атакували Запоріжжя")
    assert c.content.endswith("ще п'ятеро поранені.")
    assert (2, "people") in _counts(c) and (3, "buildings") in _counts(c)


def test_ob_etom_takes_the_facts_back_to_the_paragraph_break() -> None:
    claims = _claims(
        "Белгород снова под ударом.\n\nНочью беспилотники атаковали Белгород. Повреждены два "
        "жилых дома. Об этом сообщил губернатор Вячеслав Гладков.",
        "ru",
    )
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Вячеслав Гладков", "Ночью беспилотники атаковали Белгород. Повреждены два жилых дома.")
    ]


def test_ob_etom_stops_at_a_quote_a_claim_or_a_relayed_sentence() -> None:
    claims = _claims(
        "Губернатор заявил: «Ситуация под контролем». Ночью беспилотники атаковали Белгород. "
        "Повреждены два дома. Об этом сообщил губернатор Вячеслав Гладков.",
        "ru",
    )
    assert claims[-1].content == "Ночью беспилотники атаковали Белгород. Повреждены два дома."
    claims = _claims(
        "В Курске ночью было тихо, сообщает ТАСС. Беспилотники атаковали Белгород. Повреждены "
        "два дома. Об этом сообщил губернатор Вячеслав Гладков.",
        "ru",
    )
    assert claims[-1].content == "Беспилотники атаковали Белгород. Повреждены два дома."
    claims = _claims(
        "Синєгубов заявив, що ситуація в Харкові контрольована. Росіяни вдарили по Харкову "
        "ракетами. Пошкоджено школу. Про це повідомив мер Харкова Ігор Терехов.",
        "uk",
    )
    assert claims[-1].speaker.name == "Ігор Терехов"
    assert claims[-1].content == "Росіяни вдарили по Харкову ракетами. Пошкоджено школу."


def test_a_body_named_in_an_oblique_case_speaks_under_its_nominative_name() -> None:
    c = _only("Кроме того, в Курской области сбиты три беспилотника, заявили в Генштабе ВСУ.", "ru")
    assert (c.speaker.name, c.speaker.kind) == ("Генштаб ВСУ", "organization")
    c = _only("За даними Генштабу ЗСУ, за добу ворог втратив 1200 військових.", "uk")
    assert c.speaker.name == "Генштаб ЗСУ"
    assert _counts(c) == [(1200, "soldiers")]
    c = _only(
        "Над Белгородом ночью сбиты два беспилотника. Об этом сообщили в Министерстве обороны России.",
        "ru",
    )
    assert c.speaker.name == "Министерство обороны России"
    c = _only("Уночі над областю збито 12 дронів, повідомили в Міністерстві оборони.", "uk")
    assert c.speaker.name == "Міністерство оборони"
    c = _only("В Кремле заявили, что переговоры пока не планируются.", "ru")
    assert (c.speaker.name, c.speaker.kind) == ("Кремль", "organization")


def test_a_nominative_or_indeclinable_body_name_stays_as_written() -> None:
    from services.core.organisations import nominative_organisation

    assert nominative_organisation("Минобороны России", "ru") == "Минобороны России"
    assert nominative_organisation("Генеральний штаб ЗСУ", "uk") == "Генеральний штаб ЗСУ"
    assert nominative_organisation("Генеральном штабе ВСУ", "ru") == "Генеральный штаб ВСУ"
    assert nominative_organisation("Повітряних силах", "uk") == "Повітряні сили"
    assert nominative_organisation("Херсонської ОВА", "uk") == "Херсонської ОВА"
    assert nominative_organisation("Stato maggiore ucraino", "it") == "Stato maggiore ucraino"


# Round 3: speakers' offices and bodies in the nominative, and a wider sweep of brief styles.


def _who(c: ClaimDraft) -> tuple[str, str | None, str | None]:
    return c.speaker.name, c.speaker.role, c.speaker.organization


def test_an_office_holders_oblast_administration_is_given_in_the_nominative() -> None:
    c = _only(
        "Уночі ворог атакував Запоріжжя, пошкоджено багатоповерхівку, повідомив начальник "
        "Запорізької ОВА Іван Федоров.",
        "uk",
    )
    assert _who(c) == ("Іван Федоров", "начальник", "Запорізька ОВА")
    c = _only(
        "Росіяни обстріляли Берислав, загинула жінка, повідомив голова Херсонської ОДА "
        "Олександр Прокудін.",
        "uk",
    )
    assert _who(c) == ("Олександр Прокудін", "голова", "Херсонська ОДА")
    c = _only(
        "Начальник Дніпропетровської обласної військової адміністрації Сергій Лисак повідомив, "
        "що загинули двоє людей.",
        "uk",
    )
    assert _who(c) == ("Сергій Лисак", "начальник", "Дніпропетровська обласна військова адміністрація")


def test_a_governors_region_is_given_in_the_nominative_and_a_ministry_stays() -> None:
    c = _only(
        "Губернатор Брянской области Александр Богомаз сообщил, что в результате атаки дрона "
        "ранен мирный житель.",
        "ru",
    )
    assert _who(c) == ("Александр Богомаз", "губернатор", "Брянская область")
    c = _only(
        "Глава Донецкой Народной Республики Денис Пушилин заявил, что ВСУ обстреляли Донецк из РСЗО.",
        "ru",
    )
    assert _who(c) == ("Денис Пушилин", "глава", "Донецкая Народная Республика")
    c = _only(
        "Официальный представитель Минобороны РФ Игорь Конашенков заявил, что за сутки сбиты "
        "17 беспилотников.",
        "ru",
    )
    assert c.speaker.organization == "Минобороны РФ"


def test_a_genitive_source_gives_office_and_body_in_the_nominative() -> None:
    c = _only(
        "По словам губернатора Курской области Алексея Смирнова, пострадали два человека.", "ru"
    )
    assert _who(c) == ("Алексей Смирнов", "губернатор", "Курская область")
    c = _only(
        "По словам официального представителя МИД России Марии Захаровой, Киев готовит "
        "провокацию на границе.",
        "ru",
    )
    assert _who(c) == ("Мария Захарова", "официальный представитель", "МИД России")
    c = _only(
        "За словами заступника голови Запорізької ОВА Івана Федорова, ворог обстріляв місто з "
        "артилерії.",
        "uk",
    )
    assert _who(c) == ("Іван Федоров", "заступник голови", "Запорізька ОВА")


def test_a_capitalised_office_at_a_sentence_start_is_the_lower_case_role() -> None:
    c = _only(
        "Президент Володимир Зеленський заявив, що Україна потребує більше систем ППО.", "uk"
    )
    assert c.speaker.role == "президент"
    c = _only(
        "Врио губернатора Курской области Александр Хинштейн сообщил, что пострадали трое.", "ru"
    )
    assert _who(c) == ("Александр Хинштейн", "врио губернатора", "Курская область")
    c = _only(
        "Заступник голови Офісу президента Ірина Верещук заявила, що евакуація з Покровська триває.",
        "uk",
    )
    assert _who(c) == ("Ірина Верещук", "заступник голови", "Офіс президента")


def test_a_place_or_body_the_office_is_not_built_on_stays_as_written() -> None:
    c = _only(
        "Мер Харкова Ігор Терехов повідомив, що внаслідок удару КАБом поранено шестеро людей.", "uk"
    )
    assert _who(c) == ("Ігор Терехов", "мер", "Харків")  # a city is given in the nominative
    c = _only(
        "«Мы не допустим эскалации», — заявил министр иностранных дел России Сергей Лавров.", "ru"
    )
    assert _who(c) == ("Сергей Лавров", "министр", "иностранных дел России")


def test_a_body_named_where_it_speaks_is_given_in_the_nominative() -> None:
    c = _only(
        "У Запоріжжі внаслідок обстрілу пошкоджено 15 будинків, повідомили в Запорізькій ОВА.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.kind) == ("Запорізька ОВА", "organization")
    assert _counts(c) == [(15, "buildings")]
    c = _only("За даними Генштабу, ворог втратив 1200 осіб за добу.", "uk")
    assert c.speaker.name == "Генштаб"


def test_an_unnamed_office_with_its_region_is_a_person_holding_it() -> None:
    c = _only(
        "Губернатор Курской области заявил, что в Рыльске пострадали трое мирных жителей.", "ru"
    )
    assert _who(c) == ("Губернатор Курской области", "губернатор", "Курская область")
    assert c.speaker.kind == "person"
    assert c.claim_type == "casualty_report"


def test_a_press_service_named_with_its_governors_region_is_the_body_that_speaks() -> None:
    c = _only(
        "Как сообщает пресс-служба губернатора Белгородской области, в Грайвороне поврежден "
        "жилой дом.",
        "ru",
    )
    assert (c.speaker.name, c.speaker.kind) == (
        "пресс-служба губернатора Белгородской области",
        "organization",
    )
    assert c.content == "в Грайвороне поврежден жилой дом."
    assert c.claim_type == "attack_report"


def test_where_a_speaker_spoke_is_no_part_of_the_name() -> None:
    c = _only(
        "Захарова на брифинге заявила, что удары по Донецку являются военным преступлением Киева.",
        "ru",
    )
    assert (c.speaker.name, c.speaker.kind) == ("Захарова", "person")
    assert c.claim_type == "accusation"
    c = _only(
        "Зеленський у вечірньому зверненні заявив, що Україна посилить протиповітряну оборону "
        "столиці.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.kind) == ("Зеленський", "person")


def test_a_lead_adverb_or_kak_is_no_speaker() -> None:
    c = _only(
        "Также губернатор Курской области Алексей Смирнов сообщил, что пострадали двое мирных "
        "жителей.",
        "ru",
    )
    assert _who(c) == ("Алексей Смирнов", "губернатор", "Курская область")
    assert _claims("Как передает корреспондент ТАСС, в Донецке слышны взрывы.", "ru") == []


def test_the_general_staff_and_air_defence_briefs_read_body_content_and_counts() -> None:
    c = _only(
        "Сили ППО збили 45 ударних дронів типу Shahed, повідомили у Повітряних силах ЗСУ.", "uk"
    )
    assert (c.speaker.name, c.speaker.kind) == ("Повітряні сили ЗСУ", "organization")
    assert c.claim_type == "attack_report"
    assert _counts(c) == [(45, "drones")]
    c = _only(
        "Протягом ночі сили ППО знешкодили 38 ворожих безпілотників, повідомив командувач "
        "Повітряних сил ЗСУ Микола Олещук.",
        "uk",
    )
    assert _who(c) == ("Микола Олещук", "командувач", "Повітряні сили ЗСУ")
    assert _counts(c) == [(38, "drones")]
    c = _only(
        "Средствами ПВО сбиты 12 беспилотников над территорией Брянской области, сообщил "
        "губернатор Александр Богомаз.",
        "ru",
    )
    assert (c.speaker.name, c.speaker.role) == ("Александр Богомаз", "губернатор")
    assert _counts(c) == [(12, "drones")]
    c = _only("Втрати ворога за добу становлять 1250 осіб, повідомив Генеральний штаб ЗСУ у Facebook.", "uk")
    assert c.speaker.name == "Генеральний штаб ЗСУ"
    assert c.via == ("Facebook",)
    assert _counts(c) == [(1250, "people")]


def test_a_casualty_update_from_a_city_head_reads_in_both_languages() -> None:
    c = _only(
        "Число погибших в результате удара ВСУ по Горловке выросло до четырех, сообщил глава "
        "города Иван Приходько.",
        "ru",
    )
    assert (c.speaker.name, c.speaker.role) == ("Иван Приходько", "глава")
    assert c.claim_type == "casualty_report"
    c = _only(
        "В Одесі внаслідок атаки загинули троє людей, ще семеро поранені, повідомили в ДСНС.", "uk"
    )
    assert c.speaker.name == "ДСНС"
    assert _counts(c) == [(3, "people"), (7, "injured")]


def test_an_outlet_that_writes_or_reports_alone_is_no_speaker() -> None:
    assert _claims("В Курской области сбиты пять беспилотников, пишет РИА Новости.", "ru") == []
    assert _claims("У Сумах пролунали вибухи, пише Суспільне.", "uk") == []
    assert _claims("Як повідомляє Укрінформ, у Києві пролунали вибухи.", "uk") == []


def test_the_body_of_an_office_in_the_nominative() -> None:
    from services.core.organisations import nominative_body

    assert nominative_body("Херсонської ОВА") == "Херсонська ОВА"
    assert nominative_body("Белгородской области") == "Белгородская область"
    assert nominative_body("Белгородского района") == "Белгородский район"
    assert nominative_body("Харківської міської ради") == "Харківська міська рада"
    assert nominative_body("прокуратури Харківської області") == "прокуратура Харківської області"
    assert nominative_body("Воздушных сил Украины") == "Воздушные силы Украины"
    assert nominative_body("Генштабу ЗСУ") == "Генштаб ЗСУ"
    assert nominative_body("Генштабе ВСУ") == "Генштаб ВСУ"
    assert nominative_body("Кремля") == "Кремль"
    for kept in ("Минобороны РФ", "МИД России", "Києва", "Харківська ОВА", "закордонних справ України"):
        assert nominative_body(kept) == kept
    assert nominative_body("Kharkiv Regional Administration") == "Kharkiv Regional Administration"


def test_a_role_in_the_nominative_as_the_lexicon_names_it() -> None:
    from services.core.speakers import nominative_role

    assert nominative_role("Міністр") == "міністр"
    assert nominative_role("начальника") == "начальник"
    assert nominative_role("заступника голови") == "заступник голови"
    assert nominative_role("Врио губернатора") == "врио губернатора"
    assert nominative_role("ВРИО") == "ВРИО"
    assert nominative_role("President") == "President"


def test_an_interview_or_broadcast_between_name_and_cue_is_the_channel() -> None:
    c = _only(
        "Песков в интервью РБК заявил, что Москва открыта для переговоров с Киевом без "
        "предварительных условий.",
        "ru",
    )
    assert (c.speaker.name, c.via) == ("Песков", ("RBC",))
    c = _only(
        "Захарова заявила в эфире телеканала «Россия-1», что Запад продолжает накачивать Киев "
        "оружием.",
        "ru",
    )
    assert (c.speaker.name, c.via) == ("Захарова", ("Rossiya-1",))
    c = _only(
        "Зеленський у своєму телеграм-каналі заявив, що Росія вночі випустила по Україні понад "
        "100 дронів.",
        "uk",
    )
    assert (c.speaker.name, c.via) == ("Зеленський", ("Telegram",))
    assert _counts(c) == [(100, "drones")]
    c = _only(
        "Зеленський у соцмережі X заявив, що Росія вночі випустила по Україні понад 100 дронів.",
        "uk",
    )
    assert c.speaker.name == "Зеленський"


def test_an_outlet_told_in_the_dative_is_the_channel() -> None:
    c = _only("Гладков сообщил Интерфаксу, что в Шебекино пострадали двое мирных жителей.", "ru")
    assert (c.speaker.name, c.via) == ("Гладков", ("Interfax",))
    c = _only("Зеленський сказав Укрінформу, що Україна посилить протиповітряну оборону.", "uk")
    assert (c.speaker.name, c.via) == ("Зеленський", ("Ukrinform",))


def test_a_ministry_of_a_self_proclaimed_republic_is_a_body_not_a_person() -> None:
    c = _only(
        "В Минздраве ДНР сообщили, что число пострадавших в Донецке выросло до восьми.", "ru"
    )
    assert (c.speaker.name, c.speaker.kind) == ("Минздрав ДНР", "organization")
    assert c.claim_type == "casualty_report"
    c = _only(
        "У Харківській обласній прокуратурі повідомили, що внаслідок удару загинула жінка.", "uk"
    )
    assert (c.speaker.name, c.speaker.kind) == ("Харківська обласна прокуратура", "organization")


def test_a_staff_or_raion_in_the_locative_is_given_in_the_nominative() -> None:
    from services.core.organisations import nominative_body

    assert nominative_body("оперативном штабе Белгородской области") == (
        "оперативный штаб Белгородской области"
    )
    assert nominative_body("областном оперштабе") == "областной оперштаб"
    assert nominative_body("Харківському районі") == "Харківський район"
    assert nominative_body("Запорізькій ОВА") == "Запорізька ОВА"



def test_a_three_word_that_clause_is_a_claim() -> None:
    c = _only("Официальный представитель МИД России Мария Захарова заявила, что Киев готовит провокацию.", "ru")
    assert (c.speaker.name, c.content) == ("Мария Захарова", "Киев готовит провокацию.")
    c = _only("Міністр закордонних справ України Андрій Сибіга заявив, що Росія зриває переговори.", "uk")
    assert _who(c) == ("Андрій Сибіга", "міністр", "закордонних справ України")


def test_a_name_with_an_appositive_office_before_the_cue_speaks() -> None:
    c = _only("Олег Синєгубов, голова Харківської ОВА, повідомив, що внаслідок удару поранено двох людей.", "uk")
    assert _who(c) == ("Олег Синєгубов", "голова", "Харківська ОВА")


def test_a_later_office_named_with_its_body_is_the_holder_named_before() -> None:
    claims = _claims(
        "Губернатор Белгородской области Вячеслав Гладков сообщил, что в Шебекино поврежден дом. "
        "Губернатор Белгородской области уточнил, что пострадали двое мирных жителей.",
        "ru",
    )
    assert [c.speaker.name for c in claims] == ["Вячеслав Гладков", "Вячеслав Гладков"]


def test_kak_soobshchili_v_names_the_body_that_speaks() -> None:
    c = _only("Как сообщили в оперативном штабе Белгородской области, в результате атаки пострадали три человека.", "ru")
    assert (c.speaker.name, c.speaker.kind) == ("оперативный штаб Белгородской области", "organization")
    c = _only("Як повідомили в ДСНС, пожежу на складі повністю ліквідовано рятувальниками.", "uk")
    assert c.speaker.name == "ДСНС"


# -- round 4: types, quantities, wire copy, addressees, cities ---------------------------------


def test_general_staff_loss_reports_are_casualty_reports() -> None:
    c = _only(
        "Загальні бойові втрати ворога з 24.02.22 по 25.11.25 орієнтовно становлять близько "
        "1 170 000 осіб, повідомляє Генштаб ЗСУ.",
        "uk",
    )
    assert c.claim_type == "casualty_report"
    assert [(q.value, q.unit, q.of) for q in c.quantities] == [(1170000, "people", "losses")]
    c = _only("За минулу добу українські захисники знищили 1 230 окупантів, повідомив Генштаб ЗСУ.", "uk")
    assert c.claim_type == "casualty_report"
    assert _counts(c) == [(1230, "soldiers")]
    c = _only("ВС РФ уничтожили до 45 военнослужащих ВСУ, сообщило Минобороны России.", "ru")
    assert c.claim_type == "casualty_report"


def test_destroying_drones_or_hitting_occupiers_stays_an_attack_report() -> None:
    assert _only("Сили ППО знищили 12 дронів над Київщиною, повідомили в Повітряних силах.", "uk").claim_type == "attack_report"
    assert _only("Окупанти обстріляли Херсон з артилерії, повідомив Олександр Прокудін.", "uk").claim_type == "attack_report"
    c = _only("Средствами ПВО перехвачены 30 беспилотников, сообщили в Минобороны.", "ru")
    assert c.claim_type == "attack_report"


def test_n_of_m_counts_the_n_whatever_words_come_between_and_keeps_m_as_the_total() -> None:
    c = _only("Сили ППО збили 45 із 60 ударних дронів, повідомили в Повітряних силах.", "uk")
    assert _counts(c) == [(45, "drones"), (60, "drones")]
    assert [q.of for q in c.quantities] == [None, "total"]
    c = _only("Силы ПВО сбили 45 из 60 беспилотников, сообщили в Минобороны.", "ru")
    assert _counts(c) == [(45, "drones"), (60, "drones")]


def test_scale_words_multiply_the_count() -> None:
    c = _only("Втрати ворога становлять 850 тисяч осіб, заявив Зеленський.", "uk")
    assert _counts(c) == [(850000, "people")]
    c = _only("Без света остались 1,2 млн человек, сообщил губернатор Вячеслав Гладков.", "ru")
    assert _counts(c) == [(1200000, "people")]
    c = _only("Без світла залишилися 350 тис. людей, повідомив Олег Синєгубов.", "uk")
    assert _counts(c) == [(350000, "people")]


def test_a_toll_that_rose_to_a_number_counts_the_unit_named_before_it() -> None:
    c = _only("Кількість поранених зросла до 12, повідомив Олег Синєгубов.", "uk")
    assert _counts(c) == [(12, "injured")]
    c = _only("Число погибших выросло до четырех, сообщил губернатор Вячеслав Гладков.", "ru")
    assert _counts(c) == [(4, "killed")]
    c = _only("Кількість загиблих унаслідок удару по Тернополю зросла до 12 людей, повідомили в ДСНС.", "uk")
    assert _counts(c) == [(12, "killed")]


def test_an_outlet_citing_a_source_relays_the_sources_claim() -> None:
    c = _only("Над регионом сбиты 12 беспилотников, пишет ТАСС со ссылкой на оперштаб.", "ru")
    assert c.speaker.name == "оперштаб"
    assert c.via == ("TASS",)
    assert c.content == "Над регионом сбиты 12 беспилотников"
    c = _only(
        "В результате атаки погибли два человека, передает РИА Новости со ссылкой на губернатора "
        "Вячеслава Гладкова.",
        "ru",
    )
    assert _who(c) == ("Вячеслав Гладков", "губернатор", None)
    assert c.via == ("RIA Novosti",)
    assert c.claim_type == "casualty_report"
    c = _only(
        "У Харкові пошкоджено будинок, пише Суспільне з посиланням на Харківську міську раду.", "uk"
    )
    assert c.speaker.name == "Харківська міська рада"
    assert c.via == ("Suspilne",)


def test_a_source_cited_before_the_clause_speaks_too() -> None:
    c = _only(
        "Як повідомляє Укрінформ з посиланням на Харківську ОВА, внаслідок удару поранено трьох людей.",
        "uk",
    )
    assert c.speaker.name == "Харківська ОВА"
    assert c.via == ("Ukrinform",)
    assert c.content == "внаслідок удару поранено трьох людей."


def test_a_claim_said_in_a_bodys_document_is_the_bodys() -> None:
    c = _only("За добу ворог втратив 1 230 окупантів, йдеться у зведенні Генштабу.", "uk")
    assert c.speaker.name == "Генштаб"
    assert c.content == "За добу ворог втратив 1 230 окупантів"
    assert c.claim_type == "casualty_report"
    c = _only("Средствами ПВО перехвачены 30 беспилотников, говорится в сообщении Минобороны.", "ru")
    assert c.speaker.organization == "Минобороны"
    assert c.content == "Средствами ПВО перехвачены 30 беспилотников"
    c = _only("Внаслідок обстрілу загинула жінка, зазначається в повідомленні ОВА.", "uk")
    assert c.speaker.name == "ОВА"
    c = _only("Як йдеться у зведенні Генштабу ЗСУ, за минулу добу ворог втратив 1 230 окупантів.", "uk")
    assert c.speaker.name == "Генштаб ЗСУ"
    assert c.content.startswith("за минулу добу ворог")


def test_a_document_of_nobody_or_a_speaker_before_the_wire_cue_takes_no_wire_claim() -> None:
    assert _claims("Внаслідок обстрілу загинула жінка, зазначається в повідомленні.", "uk") == []
    c = _only(
        "Губернатор Вячеслав Гладков заявил, что в Шебекино пострадали двое мирных жителей, пишет "
        "ТАСС со ссылкой на оперштаб.",
        "ru",
    )
    assert c.speaker.name == "Вячеслав Гладков"


def test_the_addressee_or_setting_before_the_claim_is_no_part_of_it() -> None:
    c = _only(
        "Губернатор Вячеслав Гладков сообщил журналистам, что в результате атаки погибли два человека.",
        "ru",
    )
    assert c.content == "в результате атаки погибли два человека."
    c = _only("Зеленський заявив в ефірі телемарафону: ворог готує новий наступ біля Покровська.", "uk")
    assert c.content == "ворог готує новий наступ біля Покровська."
    c = _only("Кличко повідомив журналістам: у Києві пошкоджено три будинки.", "uk")
    assert c.content == "у Києві пошкоджено три будинки."


def test_a_mayors_city_is_given_in_the_nominative() -> None:
    cases = [
        ("Внаслідок атаки загинули двоє людей, повідомив мер Києва Віталій Кличко.", "uk", "Київ"),
        ("В результате атаки погибли два человека, сообщил мэр Москвы Сергей Собянин.", "ru", "Москва"),
        ("Внаслідок удару поранено трьох людей, повідомив мер Харкова Ігор Терехов.", "uk", "Харків"),
        ("При атаке пострадали трое, сообщил мэр Белгорода Валентин Демидов.", "ru", "Белгород"),
        ("Внаслідок удару поранено трьох людей, повідомив мер Дніпра Борис Філатов.", "uk", "Дніпро"),
        ("Внаслідок удару поранено трьох людей, повідомив мер Одеси Геннадій Труханов.", "uk", "Одеса"),
    ]
    for body, language, city in cases:
        assert _only(body, language).speaker.organization == city, body


def test_a_city_in_the_genitive_keeps_the_writing_of_its_language() -> None:
    from services.core.organisations import nominative_city

    assert nominative_city("Харькова", russian=True) == "Харьков"
    assert nominative_city("Киева", russian=True) == "Киев"
    assert nominative_city("Вінниці", russian=False) == "Вінниця"
    assert nominative_city("Мелітополя", russian=False) == "Мелітополь"
    assert nominative_city("Запоріжжя", russian=False) == "Запоріжжя"  # already the nominative
    assert nominative_city("Петрова", russian=True) == "Петрова"  # no city of that size


def test_a_two_word_city_after_an_office_is_given_in_the_nominative() -> None:
    cases = [
        ("Внаслідок удару поранено трьох людей, повідомив мер Кривого Рогу Олександр Вілкул.", "uk",
         "Олександр Вілкул", "Кривий Ріг"),
        ("При атаке пострадали трое, сообщил глава Старого Оскола Андрей Чесноков.", "ru",
         "Андрей Чесноков", "Старый Оскол"),
        # A given name that is also a city's ("Владимир") still opens the holder's name.
        ("При атаке пострадали трое, сообщил мэр Новой Каховки Владимир Леонтьев.", "ru",
         "Владимир Леонтьев", "Новая Каховка"),
    ]
    for body, language, name, city in cases:
        speaker = _only(body, language).speaker
        assert (speaker.name, speaker.organization) == (name, city), body


def test_a_city_with_no_letter_of_its_language_is_read_in_either() -> None:
    from services.core.organisations import nominative_city

    assert nominative_city("Білої Церкви", russian=False) == "Біла Церква"
    assert nominative_city("Белой Церкви", russian=True) == "Белая Церковь"
    assert nominative_city("Горловки", russian=False) == "Горловка"
    assert nominative_city("Великої Британії", russian=False) == "Великої Британії"  # no city


def test_places_listed_before_a_post_posed_cue_are_no_speaker_and_office() -> None:
    c = _only(
        "Ворог атакував у районах населених пунктів Мирноград, Родинське, Котлине та Удачне, "
        "повідомляє Генштаб ЗСУ.",
        "uk",
    )
    assert c.speaker.name == "Генштаб ЗСУ"
    assert c.content.endswith("Котлине та Удачне")


def test_a_name_and_its_office_between_commas_before_a_uk_ru_cue_is_the_speaker() -> None:
    c = _only("Сергій Лисак, голова Дніпропетровської ОВА, повідомив, що загинули двоє людей.", "uk")
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == (
        "Сергій Лисак", "голова", "Дніпропетровська ОВА")
    c = _only("Вячеслав Гладков, губернатор Белгородской области, сообщил, что пострадали три человека.", "ru")
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == (
        "Вячеслав Гладков", "губернатор", "Белгородская область")


def test_a_two_word_that_clause_is_a_claim() -> None:
    c = _only("Речник Повітряних сил Юрій Ігнат заявив, що ППО працювала.", "uk")
    assert (c.speaker.name, c.content) == ("Юрій Ігнат", "ППО працювала.")
    assert _only("Песков заявил, что переговоры продолжаются.", "ru").content == "переговоры продолжаются."


def test_authorities_a_wire_cites_in_lower_case_speak_with_the_wire_as_channel() -> None:
    c = _only("В Донецке повреждены два дома, сообщает ТАСС со ссылкой на местные власти.", "ru")
    assert (c.speaker.name, c.speaker.kind) == ("местные власти", "organization")
    assert c.content == "В Донецке повреждены два дома"
    assert c.via == ("TASS",)
    c = _only("У Херсоні поранено жінку, повідомляє Суспільне з посиланням на місцеву владу.", "uk")
    assert c.speaker.name == "місцева влада"  # the accusative the preposition takes, undone


def test_a_tally_out_of_a_total_keeps_both_numbers() -> None:
    c = _only("Сили ППО знешкодили 45 із 60 дронів, повідомили у Повітряних силах.", "uk")
    assert [(q.value, q.unit, q.of) for q in c.quantities] == [(45, "drones", None), (60, "drones", "total")]
    c = _only("Ночью силы ПВО уничтожили 45 из 60 украинских беспилотников, сообщили в Минобороны России.", "ru")
    assert [(q.value, q.of) for q in c.quantities] == [(45, None), (60, "total")]


def test_an_office_of_a_bare_place_noun_names_no_body() -> None:
    for body, language in (
        ("ВСУ атаковали Горловку беспилотниками, погибла женщина, сообщил глава города Иван Приходько.", "ru"),
        ("Погибли два человека, заявил губернатор региона Евгений Балицкий.", "ru"),
        ("Внаслідок удару поранено жінку, повідомив мер міста Ігор Терехов.", "uk"),
    ):
        speaker = _only(body, language).speaker
        assert speaker.organization is None, body
        assert speaker.role in ("глава", "губернатор", "мер"), body


def test_men_and_women_are_counted_as_people() -> None:
    c = _only("Губернатор Вячеслав Гладков сообщил, что в Шебекино пострадали двое мужчин.", "ru")
    assert _counts(c) == [(2, "people")]
    c = _only("Внаслідок удару загинули дві жінки, повідомив Іван Федоров.", "uk")
    assert _counts(c) == [(2, "people")]


def test_a_city_or_regional_council_speaks_under_its_nominative_name() -> None:
    c = _only("Загинули 35 людей, повідомили у Сумській міськраді.", "uk")
    assert (c.speaker.name, c.speaker.kind) == ("Сумська міськрада", "organization")
    c = _only("Загинули 35 людей, повідомив секретар Сумської міськради Артем Кобзар.", "uk")
    assert (c.speaker.name, c.speaker.organization) == ("Артем Кобзар", "Сумська міськрада")
    c = _only("Пострадали три человека, сообщили в Белгородском горсовете.", "ru")
    assert c.speaker.name == "Белгородский горсовет"


def test_an_outlet_whose_name_has_a_lower_case_word_reports_no_claim_of_its_own() -> None:
    assert _claims("У Києві відбулася акція протесту, повідомляє Українська правда.", "uk") == []
    assert _claims("В Курске повреждены дома, передает РИА Новости.", "ru") == []
