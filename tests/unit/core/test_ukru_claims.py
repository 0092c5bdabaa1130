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
    assert c.speaker.organization == "Херсонської ОВА"
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
    assert c.speaker.organization == "Харківської ОВА"
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
    assert c.speaker.organization == "Белгородской области"
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
    assert (c.speaker.name, c.speaker.role) == ("Дмитро Кулеба", "Міністр")
    assert c.speaker.country_code == "UA"
    c = _only(
        "Мер Києва Віталій Кличко повідомив у Telegram, що у Дарницькому районі пошкоджено будинок.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == ("Віталій Кличко", "Мер", "Києва")
    assert c.via == ("Telegram",)
    assert c.claim_type == "attack_report"


def test_denials_by_spokespeople_are_denials() -> None:
    c = _only(
        "Пресс-секретарь Кремля Дмитрий Песков опроверг сообщения о подготовке новых переговоров.",
        "ru",
    )
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == (
        "Дмитрий Песков",
        "Пресс-секретарь",
        "Кремля",
    )
    assert c.claim_type == "denial"
    c = _only(
        "Речник Повітряних сил Юрій Ігнат спростував інформацію про збиття літака над Києвом.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.organization) == ("Юрій Ігнат", "Повітряних сил")
    assert c.claim_type == "denial"


def test_what_a_report_is_about_is_no_claim_however_terse() -> None:
    assert _claims("Губернатор Вячеслав Гладков сообщил о новом обстреле.", "ru") == []


def test_subject_first_attributions_still_read() -> None:
    c = _only("Олег Синєгубов заявив, що внаслідок обстрілу поранено п'ятьох людей.", "uk")
    assert c.speaker.name == "Олег Синєгубов"
    assert c.claim_type == "casualty_report"
    c = _only("Губернатор Вячеслав Гладков сообщил, что в результате обстрела погиб мирный житель.", "ru")
    assert (c.speaker.name, c.speaker.role) == ("Вячеслав Гладков", "Губернатор")


def test_a_genitive_office_before_a_genitive_name_is_given_in_the_nominative() -> None:
    c = _only(
        "За словами голови Харківської ОВА Олега Синєгубова, внаслідок удару поранено шестеро людей.",
        "uk",
    )
    assert (c.speaker.name, c.speaker.role, c.speaker.organization) == (
        "Олег Синєгубов",
        "голова",
        "Харківської ОВА",
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
    assert canonical_organisation("Міноборони Росії") == "Ministry of Defence of Russia"
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
