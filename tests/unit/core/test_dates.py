"""Tests for resolving temporal expressions against the publication time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from services.core.dates import EventDate, default_event_date, resolve_dates

# Friday 20 January 2023, 09:30 in Rome.
MORNING = datetime(2023, 1, 20, 9, 30, tzinfo=timezone(timedelta(hours=1)))
EVENING = datetime(2023, 1, 20, 19, 0, tzinfo=timezone(timedelta(hours=1)))


def _spans(
    sentence: str, language: str, published_at: datetime = MORNING
) -> list[tuple[date, date, str]]:
    return [
        (d.start, d.end, d.precision)
        for d in resolve_dates(sentence, published_at, language)
    ]


def _day(day: date) -> tuple[date, date, str]:
    return (day, day, "day")


def test_ieri_resolves_to_the_day_before_publication() -> None:
    assert _spans("Ieri un missile ha colpito Kharkiv.", "it") == [
        _day(date(2023, 1, 19))
    ]


def test_yesterday_resolves_to_the_day_before_publication() -> None:
    assert _spans("Yesterday a missile hit Kharkiv.", "en") == [_day(date(2023, 1, 19))]


def test_l_altro_ieri_is_two_days_before_and_not_yesterday() -> None:
    assert _spans("L'altro ieri sono morte due persone.", "it") == [
        _day(date(2023, 1, 18))
    ]
    assert _spans("The day before yesterday two people died.", "en") == [
        _day(date(2023, 1, 18))
    ]


def test_oggi_and_this_morning_are_the_publication_day() -> None:
    assert _spans("Oggi è stata colpita Odessa.", "it") == [_day(date(2023, 1, 20))]
    assert _spans("Stamattina è stata colpita Odessa.", "it") == [
        _day(date(2023, 1, 20))
    ]
    assert _spans("This morning Odesa was hit.", "en") == [_day(date(2023, 1, 20))]


def test_stanotte_in_a_morning_article_is_the_publication_day() -> None:
    assert _spans("Stanotte i russi hanno bombardato Kherson.", "it") == [
        _day(date(2023, 1, 20))
    ]
    assert _spans("Russia shelled Kherson overnight.", "en") == [
        _day(date(2023, 1, 20))
    ]


def test_the_night_of_a_named_date_is_that_date_not_the_night_before_publication() -> None:
    assert _spans("Nella notte del 17 gennaio i russi hanno colpito Odessa con un drone.", "it") == [
        _day(date(2023, 1, 17))
    ]
    assert _spans("In the early hours of January 17 drones hit Odesa.", "en") == [
        _day(date(2023, 1, 17))
    ]


def test_last_night_in_an_evening_article_spans_the_day_before_and_the_day() -> None:
    assert _spans("Last night Russia shelled Kherson.", "en", EVENING) == [
        (date(2023, 1, 19), date(2023, 1, 20), "range")
    ]


def test_the_publication_day_is_the_local_date_of_published_at() -> None:
    late_utc = datetime(2023, 1, 20, 23, 30, tzinfo=UTC)
    in_kyiv = late_utc.astimezone(timezone(timedelta(hours=2)))
    assert _spans("Ieri è stata colpita Odessa.", "it", in_kyiv) == [
        _day(date(2023, 1, 20))
    ]


def test_nelle_ultime_24_ore_is_a_window_ending_at_publication() -> None:
    window = (date(2023, 1, 19), date(2023, 1, 20), "range")
    assert _spans("Nelle ultime 24 ore sono stati uccisi 3 civili.", "it") == [window]
    assert _spans("In the past 24 hours 3 civilians were killed.", "en") == [window]
    assert _spans("Over the last 48 hours two towns were shelled.", "en") == [
        (date(2023, 1, 18), date(2023, 1, 20), "range")
    ]


def test_a_weekday_is_the_most_recent_such_day_not_after_publication() -> None:
    assert _spans("Lunedì un drone ha colpito Odessa.", "it") == [
        _day(date(2023, 1, 16))
    ]
    assert _spans("On Monday a drone hit Odesa.", "en") == [_day(date(2023, 1, 16))]
    assert _spans("Venerdì un drone ha colpito Odessa.", "it") == [
        _day(date(2023, 1, 20))
    ]


def test_last_friday_on_a_friday_is_a_week_earlier() -> None:
    assert _spans("Venerdì scorso un drone ha colpito Odessa.", "it") == [
        _day(date(2023, 1, 13))
    ]
    assert _spans("Last Friday a drone hit Odesa.", "en") == [_day(date(2023, 1, 13))]


def test_next_monday_is_not_a_past_event_date() -> None:
    assert _spans("Talks will resume next Monday.", "en") == []


def test_the_night_between_two_weekdays_is_the_day_after_midnight() -> None:
    assert _spans("Nella notte tra sabato e domenica è stata colpita Kiev.", "it") == [
        _day(date(2023, 1, 15))
    ]


def test_overnight_on_a_named_day_is_that_day_not_the_night_before_publication() -> None:
    # MORNING is a Friday: "overnight" alone is the night that just ended
    thursday = [_day(date(2023, 1, 19))]
    assert _spans("A missile hit Dnipro overnight on Thursday.", "en") == thursday
    assert _spans("Drones attacked Kyiv overnight Thursday, officials said.", "en") == thursday
    assert _spans("Drones attacked Kyiv overnight Wednesday to Thursday.", "en") == thursday
    assert _spans("Drones attacked Kyiv overnight.", "en") == [_day(date(2023, 1, 20))]


def test_absolute_dates_in_italian_and_english() -> None:
    jan20 = [_day(date(2023, 1, 20))]
    assert _spans("Il 20 gennaio 2023 c'è stato un attacco.", "it") == jan20
    assert _spans("On January 20, 2023 there was an attack.", "en") == jan20
    assert _spans("On 20 January 2023 there was an attack.", "en") == jan20
    assert _spans("Il comunicato del 20/01/2023 parla di un attacco.", "it") == jan20


def test_a_day_and_month_without_year_is_in_the_past() -> None:
    assert _spans("Il 24 febbraio è iniziata l'invasione.", "it") == [
        _day(date(2022, 2, 24))
    ]
    assert _spans("Il 3 gennaio è stata colpita Kramatorsk.", "it") == [
        _day(date(2023, 1, 3))
    ]


def test_a_weekday_restating_an_absolute_date_is_not_reported_twice() -> None:
    assert _spans("Tuesday, 1 March 2022, 19:48", "en") == [_day(date(2022, 3, 1))]


def test_a_month_name_alone_has_month_precision_in_the_past() -> None:
    november = (date(2022, 11, 1), date(2022, 11, 30), "month")
    assert _spans("A novembre l'esercito ucraino ha ripreso Kherson.", "it") == [
        november
    ]
    assert _spans("In November the Ukrainian army retook Kherson.", "en") == [november]
    assert _spans("A gennaio sono aumentati gli attacchi.", "it") == [
        (date(2023, 1, 1), date(2023, 1, 31), "month")
    ]


def test_a_month_with_a_year_has_month_precision() -> None:
    assert _spans("Nel marzo 2022 la città era assediata.", "it") == [
        (date(2022, 3, 1), date(2022, 3, 31), "month")
    ]


def test_a_year_alone_has_year_precision() -> None:
    assert _spans("Nel 2014 la Crimea è stata annessa.", "it") == [
        (date(2014, 1, 1), date(2014, 12, 31), "year")
    ]


def test_dal_24_febbraio_is_a_range_up_to_publication() -> None:
    since = (date(2022, 2, 24), date(2023, 1, 20), "range")
    assert _spans("Dal 24 febbraio sono morti 7mila civili.", "it") == [since]
    assert _spans("Since February 24, some 7,000 civilians died.", "en") == [since]
    dates = resolve_dates(
        "Dal 24 febbraio a oggi sono morti 7mila civili.", MORNING, "it"
    )
    assert (dates[0].start, dates[0].end, dates[0].text) == (
        date(2022, 2, 24),
        date(2023, 1, 20),
        "Dal 24 febbraio",
    )


def test_explicit_ranges_between_two_dates() -> None:
    assert (date(2022, 6, 24), date(2022, 6, 25), "range") in _spans(
        "Nella notte tra il 24 e il 25 giugno è stata colpita Odessa.", "it"
    )
    assert _spans("Dal 3 al 5 marzo ci sono stati scontri.", "it") == [
        (date(2022, 3, 3), date(2022, 3, 5), "range")
    ]
    assert _spans(
        "Dall'11 marzo al 3 aprile 2022 la città è stata assediata.", "it"
    ) == [(date(2022, 3, 11), date(2022, 4, 3), "range")]


@pytest.mark.parametrize(
    ("sentence", "language", "days"),
    [
        ("Due giorni fa è esploso un deposito.", "it", 2),
        ("2 giorni fa è esploso un deposito.", "it", 2),
        ("Tre settimane fa è esploso un deposito.", "it", 21),
        ("Two days ago a depot exploded.", "en", 2),
        ("A week ago a depot exploded.", "en", 7),
    ],
)
def test_n_days_ago_counts_back_from_publication(
    sentence: str, language: str, days: int
) -> None:
    assert _spans(sentence, language) == [
        _day(date(2023, 1, 20) - timedelta(days=days))
    ]


def test_la_settimana_scorsa_is_the_previous_calendar_week() -> None:
    week = (date(2023, 1, 9), date(2023, 1, 15), "range")
    assert _spans("La settimana scorsa la città è stata colpita.", "it") == [week]
    assert _spans("Last week the city was hit.", "en") == [week]


@pytest.mark.parametrize(
    "sentence",
    [
        "Il bilancio delle 24 ore precedenti parla di 12 insediamenti colpiti.",
        "Un Su-34 è stato abbattuto alle 14.30 vicino a Belgorod.",
        "Un uomo di 45 anni è stato ferito; i danni ammontano a 1.500.000 euro.",
        "Those 3 may face charges, police said.",
        "The 120,160 figure was repeated.",
    ],
)
def test_numbers_times_and_ages_are_not_dates(sentence: str) -> None:
    lang = "en" if sentence.startswith(("Those", "The")) else "it"
    assert resolve_dates(sentence, MORNING, lang) == []


def test_evidence_offsets_point_at_the_expression() -> None:
    sentence = "Secondo il governatore, ieri sera un drone ha colpito Sumy."
    (found,) = resolve_dates(sentence, MORNING, "it")
    assert found.start_char is not None and found.end_char is not None
    assert sentence[found.start_char : found.end_char] == found.text == "ieri"


def test_several_cues_in_one_sentence_come_in_text_order() -> None:
    found = resolve_dates(
        "Ieri e oggi sono caduti missili, come il 3 gennaio.", MORNING, "it"
    )
    assert [d.text for d in found] == ["Ieri", "oggi", "3 gennaio"]


def test_other_languages_resolve_yesterday_and_absolute_dates() -> None:
    assert _spans("Вчера ракета попала в Харьков.", "ru") == [_day(date(2023, 1, 19))]
    assert _spans("За минулу добу ворог атакував Херсон.", "uk") == [
        (date(2023, 1, 19), date(2023, 1, 20), "range")
    ]
    assert _spans("Hier, un missile a frappé Kharkiv le 18 janvier.", "fr") == [
        _day(date(2023, 1, 19)),
        _day(date(2023, 1, 18)),
    ]
    assert _spans("El lunes los rusos bombardearon Járkov.", "es") == [
        _day(date(2023, 1, 16))
    ]


def test_a_language_without_locale_data_still_reads_numeric_dates() -> None:
    assert _spans("2023-01-18", "xx") == [_day(date(2023, 1, 18))]


def test_sentence_without_cue_has_no_dates() -> None:
    assert (
        resolve_dates("Un missile ha colpito il centro della città.", MORNING, "it")
        == []
    )


def test_default_event_date_is_the_publication_day_or_the_day_before() -> None:
    assert default_event_date(MORNING) == EventDate(
        date(2023, 1, 19), date(2023, 1, 20), "range", None, None, None
    )


def test_a_number_word_rule_is_found_beside_rules_with_known_first_letters() -> None:
    # "tre giorni fa" opens with a number word (no fixed first letters): it is searched
    # for outright while "ieri" is found through the index, and both resolve.
    found = _spans("Ieri è caduto un razzo, tre giorni fa un altro.", "it")
    assert found == [
        _day(date(2023, 1, 19)),
        _day(date(2023, 1, 17)),
    ]


def test_overnight_in_an_article_dated_without_a_time_may_be_the_night_before() -> None:
    midnight = datetime(2016, 11, 23, tzinfo=UTC)  # a date with no time of day
    [found] = resolve_dates("A child died after an overnight shooting.", midnight, "en")
    assert (found.start, found.end) == (date(2016, 11, 22), date(2016, 11, 23))
    morning = datetime(2016, 11, 23, 7, 30, tzinfo=UTC)
    [found] = resolve_dates("A child died after an overnight shooting.", morning, "en")
    assert (found.start, found.end) == (date(2016, 11, 23), date(2016, 11, 23))


def test_a_cue_in_capitals_or_glued_to_punctuation_is_still_read() -> None:
    # The rules are ruled out per sentence by the literal words they need; that check must
    # fold case and ignore word edges as the rules themselves do.
    assert _spans("IERI, a Kharkiv: un missile.", "it") == [_day(date(2023, 1, 19))]
    assert _spans("(Yesterday) a missile hit Kharkiv.", "en") == [_day(date(2023, 1, 19))]


def test_a_sentence_with_no_word_any_rule_needs_has_no_relative_date() -> None:
    assert _spans("Un missile ha colpito una scuola di Kharkiv.", "it") == []
    assert _spans("A missile hit a school in Kharkiv.", "en") == []


# Friday 2 December 2016, a date without a time, as local news sites stamp it.
LOCAL_NEWS = datetime(2016, 12, 2, tzinfo=UTC)


def _roles(sentence: str) -> list[tuple[date, str | None]]:
    return [(d.start, d.role) for d in resolve_dates(sentence, LOCAL_NEWS, "en")]


def test_a_holiday_is_its_last_day_on_or_before_publication() -> None:
    assert _spans("A man shot his cousin on New Year's Eve, police say.", "en", LOCAL_NEWS) == [
        _day(date(2015, 12, 31))]
    assert _spans("Two men were wounded in a shooting on Thanksgiving night.", "en", LOCAL_NEWS) == [
        _day(date(2016, 11, 24))]
    assert _spans("Three people were shot at a cookout on Mother's Day.", "en", LOCAL_NEWS) == [
        _day(date(2016, 5, 8))]
    assert _spans("Fireworks turned to gunfire on the Fourth of July.", "en", LOCAL_NEWS) == [
        _day(date(2016, 7, 4))]


def test_a_weekday_with_a_part_of_the_day_before_a_full_date_only_restates_it() -> None:
    assert _spans("Five people were shot Wednesday afternoon, July 9, 2014 in Spring.", "en",
                  LOCAL_NEWS) == [_day(date(2014, 7, 9))]


def test_a_date_inside_the_phrase_naming_the_event_is_the_events_date() -> None:
    assert _roles("He is charged in the Nov. 7 killing of his girlfriend.") == [
        (date(2016, 11, 7), "event")]
    assert _roles("Police released new details of the April 24 mass shooting.") == [
        (date(2016, 4, 24), "event")]
    assert _roles("The incident happened Oct. 4 around 9:30 p.m.") == [(date(2016, 10, 4), "event")]


def test_a_date_of_a_statement_or_a_step_of_the_case_is_a_development() -> None:
    assert _roles("A man was shot Sunday, police said Monday.") == [
        (date(2016, 11, 27), None), (date(2016, 11, 28), "development")]
    assert _roles("He was arrested at his girlfriend's house on Tuesday.") == [
        (date(2016, 11, 29), "development")]
    assert _roles("The center will reopen on a limited schedule Wednesday.") == [
        (date(2016, 11, 30), "development")]
    assert _roles("Police identified the man shot and killed on Tuesday.") == [(date(2016, 11, 29), None)]


def test_among_in_ukrainian_is_not_the_abbreviation_of_wednesday() -> None:
    assert resolve_dates("Серед них п'ятеро дітей, ще 30 людей поранені.", EVENING, "uk") == []
    [wednesday] = resolve_dates("У середу росіяни обстріляли Херсон.", EVENING, "uk")
    assert wednesday.start.weekday() == 2


def test_rules_and_month_names_are_read_whatever_their_case() -> None:
    # the literal prefilters look at the case-folded sentence: capitals must not hide a cue
    assert _spans("YESTERDAY a drone hit the depot.", "en") == [_day(date(2023, 1, 19))]
    assert _spans("The attack came on 3 JANUARY, police said.", "en") == [_day(date(2023, 1, 3))]


def test_a_month_name_inside_another_word_dates_nothing() -> None:
    assert _spans("The Mayor said 12 people were moved.", "en") == []
