"""Tests for the geoparser: finding place names in text and choosing their readings."""

from __future__ import annotations

import pytest

from services.core.gazetteer import DEFAULT_PATH, Gazetteer, Place, name_key
from services.core.places import (
    UNLISTED_POPULATION,
    PlaceMention,
    _unlisted_population,
    find_places,
    primary_place,
)

pytestmark = pytest.mark.skipif(not DEFAULT_PATH.exists(),
                                reason="gazetteer not built: run `make setup`")


def _names(mentions: list[PlaceMention]) -> list[str]:
    return [m.place.name for m in mentions]


def _only(text: str, written: str) -> PlaceMention:
    found = [m for m in find_places(text) if m.text == written]
    assert len(found) == 1, [m.text for m in find_places(text)]
    return found[0]


def test_italian_list_of_villages_gives_one_mention_each() -> None:
    text = ("L'artiglieria ha colpito Vovchansk, Kupyansk, Strilecha, Vilcha, Ogirtseve "
            "e altri villaggi della zona.")
    mentions = [m for m in find_places(text) if m.precision != "region"]
    assert [m.text for m in mentions] == ["Vovchansk", "Kupyansk", "Strilecha", "Vilcha",
                                          "Ogirtseve"]
    assert {m.place.admin1 for m in mentions} == {"Kharkiv"}


def test_offsets_point_at_the_name_as_written() -> None:
    text = "Esplosioni a Kramatorsk nella notte."
    (mention,) = find_places(text)
    assert text[mention.start:mention.end] == "Kramatorsk" == mention.text


def test_village_without_coordinates_falls_back_to_district_precision() -> None:
    mention = _only("Bombardato anche Ogirtseve, vicino al confine.", "Ogirtseve")
    assert mention.place.name == "Ohirtseve"
    assert mention.place.admin1 == "Kharkiv"
    assert mention.precision == "district"


def test_gulyaipole_is_the_zaporizhzhia_town_not_the_village() -> None:
    mention = _only("Colpita con i razzi anche Gulyaipole.", "Gulyaipole")
    assert (mention.place.name, mention.place.admin1) == ("Huliaipole", "Zaporizhzhia")


def test_exonyms_resolve_to_the_canonical_place() -> None:
    text = "Secondo Kiev le truppe di Mosca si ritirano da Lugansk e Leopoli resta calma."
    assert _names(find_places(text)) == ["Kyiv", "Moscow", "Luhansk", "Lviv"]


def test_region_phrases_are_region_mentions() -> None:
    for text, written in [("Raid nella regione di Kharkiv.", "regione di Kharkiv"),
                          ("Shelling in Donetsk Oblast overnight.", "Donetsk Oblast"),
                          ("Shelling in the Kherson region.", "Kherson region"),
                          ("Обстріл у Харківській області.", "Харківській області")]:
        mention = _only(text, written)
        assert mention.precision == "region"
        assert mention.place.kind == "region"


def test_ukrainian_and_russian_case_forms_are_recognised() -> None:
    text = "Вибухи у Харкові та Києві. Взрывы в Харькове и в Москве."
    assert _names(find_places(text)) == ["Kharkiv", "Kyiv", "Kharkiv", "Moscow"]


def test_multi_word_names_are_one_mention() -> None:
    text = "Droni su San Pietroburgo; raid su Kryvyi Rih e Nova Kakhovka."
    mentions = find_places(text)
    assert [m.text for m in mentions] == ["San Pietroburgo", "Kryvyi Rih", "Nova Kakhovka"]
    (new_york,) = find_places("The mayor of New York spoke later.")
    assert new_york.place.country_code == "US"


@pytest.mark.parametrize("text", [
    "Le forze russe avanzano. In serata il bilancio.",
    "The army said that Via Appia was closed.",
    "In March and May the talks stalled.",
])
def test_common_capitalised_words_are_not_places(text: str) -> None:
    assert find_places(text) == []


def test_person_names_are_not_places() -> None:
    text = "John Kirby and Vladimir Putin spoke about the war."
    assert find_places(text) == []


def test_surnames_and_acronyms_are_not_places() -> None:
    text = "Zelensky met Melnyk in Kyiv; the GIU and the SBU reported drone hits."
    assert [m.text for m in find_places(text)] == ["Kyiv"]


def test_far_away_village_named_like_a_common_word_is_not_a_place() -> None:
    assert find_places("Colpita una Banca a Kharkiv.")[0].text == "Kharkiv"
    assert len(find_places("Colpita una Banca a Kharkiv.")) == 1


def test_street_names_are_not_the_town_they_are_named_after() -> None:
    mentions = find_places("Shelling hit Leningradskaya Street in Lyman.")
    assert [m.text for m in mentions] == ["Lyman"]


def test_a_region_named_right_after_a_place_picks_the_homonym_in_it() -> None:
    mention = _only("Russian helicopters near Pervomaisk, Luhansk Oblast.", "Pervomaisk")
    assert mention.place.admin1 == "Luhansk"


def test_co_mentioned_places_pull_an_ambiguous_name_towards_them() -> None:
    text = "Fighting continued in Bakhmut, Soledar and Donetsk."
    donetsk = _only(text, "Donetsk")
    assert donetsk.place.country_code == "UA"


def test_country_names_in_several_languages() -> None:
    assert _names(find_places("La Russia attacca l'Ucraina.")) == ["Russia", "Ukraine"]
    assert [m.precision for m in find_places("Russland und die Ukraine.")] == ["country",
                                                                                "country"]


def test_a_misspelt_town_after_a_preposition_is_still_found() -> None:
    mention = _only("Destroyed school in Severdonetsk.", "Severdonetsk")
    assert mention.place.admin1 == "Luhansk"
    assert mention.score < 1.0


def test_lowercase_name_is_used_only_when_nothing_else_is_found() -> None:
    (mention,) = find_places("fires seen in kharkiv overnight")
    assert mention.place.name == "Kharkiv"
    assert mention.score < 0.8


def test_primary_place_prefers_the_settlement_over_its_region() -> None:
    mentions = find_places("Damage to a school in Lyman, Donetsk Oblast.")
    primary = primary_place(mentions)
    assert primary is not None and primary.place.name == "Lyman"
    assert primary.precision == "settlement"


def test_primary_place_prefers_the_place_after_a_preposition() -> None:
    mentions = find_places("Moscow sent more troops to the front near Kupiansk.")
    primary = primary_place(mentions)
    assert primary is not None and primary.place.name == "Kupiansk"


def test_primary_place_of_nothing_is_none() -> None:
    assert primary_place([]) is None


def test_a_region_noun_governs_every_name_of_its_list() -> None:
    before = find_places("Bombardamenti nelle regioni di Donetsk e Lugansk durante la notte.")
    after = find_places("Shelling hit the Kharkiv and Sumy regions overnight.")
    assert [(m.text, m.precision) for m in before] == [("Donetsk", "region"), ("Lugansk", "region")]
    assert [m.precision for m in after] == ["region", "region"]


def test_a_capitalised_plural_region_noun_after_an_oxford_comma_list_makes_every_name_a_region() -> None:
    mentions = find_places("Drones hit airfields in the Murmansk, Irkutsk, Ivanovo, and Amur Regions.", "en")
    assert [(m.place.name, m.precision) for m in mentions] == [
        ("Murmansk", "region"), ("Irkutsk", "region"), ("Ivanovo", "region"), ("Amur", "region")]
    governed = find_places("Raids were reported in the regions of Kharkiv, Sumy, and Poltava.", "en")
    assert [m.precision for m in governed] == ["region", "region", "region"]


@pytest.mark.parametrize("text", [
    "I droni sono stati abbattuti sulle regioni di Belgorod, Kursk, dove, secondo le autorità"
    " locali, due case sono state danneggiate, e Voronezh.",
    "Drones were downed over the regions of Belgorod and Kursk, where a fuel depot burned for"
    " hours, and Voronezh, the ministry said.",
])
def test_a_list_of_regions_goes_on_past_a_relative_clause_on_its_last_name(text: str) -> None:
    assert [(m.place.name, m.precision) for m in find_places(text)] == [
        ("Belgorod", "region"), ("Kursk", "region"), ("Voronezh", "region")]


def test_a_name_opening_a_new_clause_after_a_relative_clause_is_no_item_of_the_list() -> None:
    text = ("Drones hit the regions of Belgorod and Kursk, where a fuel depot burned for hours,"
            " and Moscow said it had downed 20 more.")
    assert _only(text, "Moscow").precision == "settlement"


def test_an_ampersand_joins_a_list_of_regions_as_and_does() -> None:
    mentions = find_places("Positions were hit near the border of Zaporizhzhia & Dnipropetrovsk oblasts.")
    assert [(m.place.name, m.precision) for m in mentions] == [("Zaporizhzhia", "region"),
                                                               ("Dnipropetrovsk", "region")]


def test_a_hyphenated_pair_before_border_is_the_first_names_region() -> None:
    mentions = find_places("Artillery fire was reported along the Kharkiv-Belgorod border.")
    assert [(m.text, m.place.name, m.place.admin1, m.precision) for m in mentions] == [
        ("Kharkiv-Belgorod border", "Kharkiv", "Kharkiv", "region")]


def test_a_hyphenated_pair_of_countries_before_border_stays_the_country() -> None:
    mentions = find_places("Troops gathered near the Russia-Ukraine border.")
    assert [(m.place.name, m.precision) for m in mentions] == [("Russia", "country")]


def test_a_village_without_a_namesake_in_the_oblast_named_after_it_is_that_oblast() -> None:
    elsewhere = find_places("A drone hit a tractor near Ocheretyne, Sumy Oblast.")
    there = find_places("A drone hit a tractor near Ocheretyne, Donetsk Oblast.")
    assert [(m.text, m.place.name, m.precision) for m in elsewhere][0] == ("Ocheretyne", "Sumy", "region")
    assert [(m.text, m.place.admin1, m.precision) for m in there][0] == (
        "Ocheretyne", "Donetsk", "settlement")


def test_a_town_named_before_another_oblast_stays_the_town() -> None:
    mentions = find_places("Displaced people from Bakhmut in the Dnipropetrovsk region receive aid.")
    assert [(m.text, m.place.admin1, m.precision) for m in mentions][0] == ("Bakhmut", "Donetsk", "settlement")


def test_a_place_in_a_city_named_like_its_oblast_lies_in_that_oblast() -> None:
    base = find_places("The airfields targeted included Belaya in Irkutsk.")
    town = find_places("Drones struck Kupiansk in Kharkiv.")
    assert [(m.text, m.place.admin1, m.precision) for m in base][0] == ("Belaya", "Irkutsk", "region")
    assert [(m.text, m.place.admin1, m.precision) for m in town][0] == ("Kupiansk", "Kharkiv", "settlement")


def test_a_site_named_like_a_faraway_town_in_a_city_is_read_in_that_citys_region() -> None:
    market = find_places("Shrapnel damaged the Troitskyi market in Dnipro.")
    plant = find_places("Workers left the Ilyich steel plant in Mariupol.")
    assert [(m.text, m.place.admin1, m.precision) for m in market][0] == (
        "Troitskyi", "Dnipropetrovsk", "region")
    assert [(m.text, m.place.admin1, m.precision) for m in plant][0] == ("Ilyich", "Donetsk", "region")


def test_a_named_building_in_a_city_that_dwarfs_its_namesakes_is_in_that_citys_state() -> None:
    mentions = find_places("A fight broke out at the Springfield Community Center in Las Vegas.")
    assert [(m.text, m.place.admin1, m.precision) for m in mentions][0] == (
        "Springfield", "Nevada", "region")


def test_a_city_of_several_regions_places_nothing_in_any_of_them() -> None:
    mentions = find_places("Shells hit the Lozova station in Pervomaiskyi.")
    assert [(m.text, m.precision) for m in mentions][0] == ("Lozova", "settlement")


def test_a_district_noun_after_one_name_is_not_taken_again_by_the_next() -> None:
    mentions = find_places("Shelling hit flats in the Vostochny district of Mariupol.")
    assert [(m.text, m.place.admin1) for m in mentions] == [("Vostochny district", "Donetsk"),
                                                            ("Mariupol", "Donetsk")]


def test_a_big_city_before_in_another_city_stays_itself() -> None:
    mentions = find_places("Families who fled from Mariupol in Zaporizhzhia queued for aid.")
    assert [(m.text, m.place.name, m.precision) for m in mentions][0] == ("Mariupol", "Mariupol", "settlement")


def test_a_town_before_a_comma_and_its_country_is_not_read_as_a_namesake_state() -> None:
    mentions = find_places("Protesters gathered in Tbilisi, Georgia, on Sunday.")
    assert [(m.place.name, m.place.country_code) for m in mentions] == [("Tbilisi", "GE"), ("Georgia", "GE")]


def test_without_a_region_noun_the_same_names_are_cities() -> None:
    mentions = find_places("Russian troops shelled Kharkiv and Sumy overnight.")
    assert [(m.text, m.precision) for m in mentions] == [("Kharkiv", "settlement"),
                                                         ("Sumy", "settlement")]


def test_a_two_word_name_is_read_whole_and_an_elided_article_is_not_part_of_it() -> None:
    mentions = find_places("Missili su Nova Kakhovka e sull'Ucraina orientale.")
    assert [m.text for m in mentions][:2] == ["Nova Kakhovka", "Ucraina"]


def test_a_possessive_does_not_stop_a_name_from_being_found() -> None:
    assert "Kharkiv" in [m.text for m in find_places("Kharkiv's mayor said the city was shelled.")]


def test_a_first_name_before_a_surname_is_a_person_not_a_town() -> None:
    mentions = find_places("Tyler Manow stands with his children outside the house in Gastonia.")
    assert [m.text for m in mentions] == ["Gastonia"]


def test_a_title_abbreviation_marks_the_next_name_as_a_person() -> None:
    assert find_places("Sgt. Wayne Jefferson said four men were shot at a laundromat.") == []


def test_a_surname_given_to_a_person_is_not_a_place_elsewhere_in_the_text() -> None:
    text = ("Police said Kayla Walker, 7, was shot at home in Queens. "
            "Walker did not survive, police said.")
    assert [m.text for m in find_places(text)] == ["Queens"]


def test_a_lowercase_word_that_is_also_a_first_name_does_not_mark_a_person() -> None:
    text = "Il ministero ha dichiarato che Washington e Kiev sono responsabili."
    assert [m.text for m in find_places(text)] == ["Washington", "Kiev"]


def test_saint_written_short_opens_one_place_name() -> None:
    mentions = find_places("ST. LOUIS (AP) — A man was shot in St. Louis on Friday.")
    assert {(m.place.name, m.place.country_code) for m in mentions} == {("St. Louis", "US")}


def test_a_region_is_read_in_the_country_of_the_places_the_text_names_inside_it() -> None:
    mentions = find_places("PUNTA GORDA, Fla. — A Florida woman was killed in an accidental shooting.")
    florida = next(m for m in mentions if m.text == "Florida")
    assert (florida.place.kind, florida.place.country_code) == ("region", "US")


def test_headline_words_that_name_far_away_villages_are_not_places() -> None:
    assert find_places("Man Who Shot Four People Is Under Arrest, Police Say") == []


def test_a_province_named_with_an_article_or_as_a_direction_is_the_region() -> None:
    italian = find_places("Assalto finale per la conquista della roccaforte del Donetsk.")
    english = find_places("Heavy fighting continues on the Zaporizhzhia direction.")
    assert [(m.place.name, m.precision) for m in italian] == [("Donetsk", "region")]
    assert [(m.place.name, m.precision) for m in english] == [("Zaporizhzhia", "region")]


def test_a_town_named_as_a_direction_or_front_is_the_area_around_the_town() -> None:
    direction = find_places("Heavy fighting continues on the Pokrovsk direction.")
    front = find_places("Ukrainian troops repelled an assault on the Huliaipole front.")
    assert [(m.place.name, m.place.kind, m.precision) for m in direction] == [
        ("Pokrovsk", "settlement", "district")]
    assert [(m.place.name, m.place.admin1, m.precision) for m in front] == [
        ("Huliaipole", "Zaporizhzhia", "district")]


def test_a_nationality_is_not_a_town_of_a_similar_name() -> None:
    assert find_places("Syrian army units recaptured a key neighbourhood on Thursday.") == []


def test_a_headline_written_in_title_case_is_read_as_one_whatever_the_body_does() -> None:
    text = "6 Hurt in 2 Downtown Minneapolis Shootings, Suspect Arrested\n\nPolice say the victims are not cooperating."
    assert [m.place.name for m in find_places(text)] == ["Minneapolis"]


def test_a_small_us_town_is_found_when_the_text_is_about_the_us() -> None:
    text = "A girl was shot in Winder, Georgia, on Monday, Barrow County deputies said."
    assert "Winder" in [m.place.name for m in find_places(text)]


def test_a_us_state_written_short_after_a_place_is_that_state_and_places_the_town_in_it() -> None:
    mentions = find_places("NASHVILLE, Tenn. (WKRN) - Two teens were shot in a park.")
    assert [(m.place.name, m.place.admin1, m.precision) for m in mentions] == [
        ("Nashville", "Tennessee", "settlement"), ("Tennessee", "Tennessee", "region")]


def test_an_abbreviated_state_is_never_read_as_a_foreign_town() -> None:
    mentions = find_places("He lives in Anderson, Ind. and works there.")
    assert {m.place.country_code for m in mentions} == {"US"}


def test_a_middle_initial_marks_a_person() -> None:
    assert "Taylor" not in [m.text for m in find_places("Courtney L. Taylor, 41, was released on Monday.")]


def test_a_street_named_after_a_town_is_not_the_town() -> None:
    assert find_places("The shooting happened on Boulder Run Loop on Wednesday.") == []


def test_a_far_namesake_in_local_news_is_a_neighbourhood_of_the_town_the_text_is_about() -> None:
    text = ("Teen dies in Seattle shooting. Seattle Police said a teenager in High Point was "
            "handling a gun when he shot himself.")
    assert {m.place.name for m in find_places(text)} == {"Seattle"}


def test_far_apart_towns_of_one_story_keep_their_own_places() -> None:
    text = ("Drones hit air bases in Murmansk and Irkutsk overnight. Murmansk officials said a "
            "fire broke out; another drone fell near Voskresensk.")
    assert {"Murmansk", "Irkutsk", "Voskresensk"} <= {m.place.name for m in find_places(text)}


def test_a_word_merely_ending_like_saint_does_not_glue_to_the_next_name() -> None:
    # "Midwest." ends in "st." but is no abbreviation: "Kyiv" after it is a place of its own.
    mentions = find_places("Storms hit the Midwest. Kyiv was shelled overnight.")
    assert [m.text for m in mentions][-1:] == ["Kyiv"]


def test_saint_written_short_after_a_bracket_still_opens_a_place_name() -> None:
    mentions = find_places("Residents (St. Petersburg) were evacuated.")
    assert [m.text for m in mentions] == ["St. Petersburg"]


def test_a_name_repeated_in_the_text_is_read_the_same_each_time() -> None:
    text = ("Russian missiles hit Kharkiv and Izium on Monday. Kharkiv lost power, "
            "and Izium was shelled again. The governor of Kharkiv said three people died.")
    mentions = [m for m in find_places(text) if m.text == "Kharkiv"]
    assert len(mentions) == 3
    assert len({(m.place.geonames_id, m.score) for m in mentions}) == 1


def test_a_compass_word_is_not_a_region() -> None:
    text = "Another Southwest Side shooting minutes earlier left a man wounded in Chicago."
    assert _names(find_places(text, "en")) == ["Chicago"]
    assert _names(find_places(text, "en")) == ["Chicago"]


def test_a_place_name_before_place_or_plaza_is_a_street() -> None:
    text = "Police are investigating a shooting at Chesapeake Place in Tallahassee."
    assert _names(find_places(text, "en")) == ["Tallahassee"]


def test_a_street_named_after_a_state_is_a_street_but_a_city_court_is_in_the_city() -> None:
    assert _names(find_places("Crews were sent to a Florida Avenue address in North Charleston.", "en")) == [
        "North Charleston"]
    assert _names(find_places("Damage to the Kharkiv Court of Appeal and the surroundings", "en")) == ["Kharkiv"]


def test_a_bare_village_name_prefers_its_namesake_in_a_front_line_oblast() -> None:
    # Yampil is also a Vinnytsia town and Protopopivka a Kirovohrad village: war news means
    # the ones on the Donetsk and Kharkiv fronts.
    assert _only("Ukrainian units repelled an assault on Yampil.", "Yampil").place.admin1 == "Donetsk"
    assert _only("Shells landed in Protopopivka on Sunday.", "Protopopivka").place.admin1 == "Kharkiv"


def test_a_place_written_as_a_village_is_not_a_namesake_city() -> None:
    mention = _only("Residents of the village of Chumakove were evacuated.", "Chumakove")
    assert (mention.place.name, mention.place.admin1) == ("Chumakove", "Sumy")


def test_a_village_council_does_not_make_a_town_a_village() -> None:
    mention = _only("The Borodyanka village council building was burnt out.", "Borodyanka")
    assert (mention.place.name, mention.place.admin1) == ("Borodianka", "Kyiv")


def test_a_town_with_two_letters_swapped_is_still_found() -> None:
    mention = _only("Heavy fighting went on in Popsana overnight.", "Popsana")
    assert (mention.place.name, mention.place.admin1) == ("Popasna", "Luhansk")


def test_an_oblast_named_alone_is_placed_at_its_administrative_centre() -> None:
    mention = _only("Artillery strikes were reported in Kherson Oblast.", "Kherson Oblast")
    assert mention.precision == "region"
    assert mention.place.lat is not None and mention.place.lon is not None
    assert abs(mention.place.lat - 46.64) < 0.05 and abs(mention.place.lon - 32.61) < 0.05


def test_fort_written_short_opens_one_place_name() -> None:
    mentions = find_places("A man was shot in Ft. Worth on Sunday.")
    assert [(m.text, m.place.name) for m in mentions] == [("Ft. Worth", "Fort Worth")]


def test_a_repeated_name_marked_as_a_region_is_read_apart_from_the_city() -> None:
    text = ("Shelling hit Donetsk on Monday. Fighting went on across the Donetsk region, "
            "and Donetsk itself lost power.")
    mentions = find_places(text)
    kinds = [(m.text, m.place.kind) for m in mentions]
    assert kinds[0] == ("Donetsk", "settlement")
    assert kinds[-1] == ("Donetsk", "settlement")
    assert ("Donetsk region", "region") in kinds


def test_a_village_written_with_the_kh_as_a_bare_k_is_still_found() -> None:
    mention = _only("Russian shelling hit homes in Karkiv overnight.", "Karkiv")
    assert (mention.place.name, mention.place.admin1) == ("Kharkiv", "Kharkiv")


@pytest.mark.parametrize("text", [
    "Shells hit a farm in Rozivka village in Vinnytsia Oblast.",
    "Shells hit Rozivka, a village in Vinnytsia Oblast.",
])
def test_a_village_said_to_lie_in_an_oblast_is_the_namesake_of_that_oblast(text: str) -> None:
    mention = _only(text, "Rozivka")
    assert mention.place.admin1 == "Vinnytsia"


def test_a_front_line_village_of_the_register_outweighs_a_rear_namesake_geonames_counts() -> None:
    mention = _only("Fierce fighting near Sosnove on Tuesday.", "Sosnove")
    assert mention.place.admin1 == "Donetsk"


def test_register_villages_count_as_typical_villages_only_beside_a_namesake_with_a_figure() -> None:
    def village(population: int, country: str = "UA") -> Place:
        return Place("Sadove", None, country, "Kherson", None, 46.0, 33.0, population,
                     "settlement", population == 0)

    assert _unlisted_population([village(0), village(900)]) == UNLISTED_POPULATION
    # Among hamlets none of which has a figure (a word of an American story that is also a
    # Ukrainian hamlet), nothing becomes a likelier reading than it was.
    assert _unlisted_population([village(0), village(0)]) == 0
    assert _unlisted_population([village(0), village(5000, "US")]) == 0


def _two_sadoves(same_raion: bool, second_raion: str = "Henicheskyi Raion") -> Gazetteer:
    def village(raion: str, lat: float) -> Place:
        return Place("Sadove", None, "UA", "Kherson", raion, lat, 33.0, 0, "settlement", True)

    places = [
        Place("Ukraine", 1, "UA", None, None, 48.5, 31.5, 40_000_000, "country"),
        Place("Kherson", None, "UA", "Kherson", None, 46.6, 32.6, 0, "region"),
        Place("Skadovskyi Raion", None, "UA", "Kherson", "Skadovskyi Raion", 46.2, 32.9, 0,
              "district"),
        village("Skadovskyi Raion", 46.1),
        # Namesakes of two raions ~80 km apart; of one raion ~20 km apart.
        village("Skadovskyi Raion", 46.3) if same_raion else village(second_raion, 46.8),
    ]
    index: dict[str, tuple[int, ...]] = {}
    for row, place in enumerate(places):
        index.setdefault(name_key(place.name), ())
        index[name_key(place.name)] += (row,)
    return Gazetteer(places, index)


def test_two_namesake_villages_of_one_raion_are_reported_as_that_raion() -> None:
    (mention,) = find_places("Shelling hit Sadove overnight.", gazetteer=_two_sadoves(True))
    assert (mention.place.kind, mention.place.name) == ("district", "Skadovskyi Raion")


def test_two_namesake_villages_of_different_raions_are_reported_as_their_oblast() -> None:
    (mention,) = find_places("Shelling hit Sadove overnight.", gazetteer=_two_sadoves(False))
    assert (mention.place.kind, mention.place.name) == ("region", "Kherson")


def test_among_namesakes_of_one_oblast_the_village_of_a_front_line_raion_is_read() -> None:
    # Beryslavskyi Raion lies on the Dnipro front line, Skadovskyi Raion deep behind it.
    gazetteer = _two_sadoves(False, second_raion="Beryslavskyi Raion")
    (mention,) = find_places("Shelling hit Sadove overnight.", gazetteer=gazetteer)
    assert (mention.place.name, mention.place.admin2) == ("Sadove", "Beryslavskyi Raion")


@pytest.mark.parametrize(("text", "admin1"), [
    ("Artillery fire hit Myrne on Monday.", "Donetsk"),
    ("LNR forces shelled Myrne on Monday.", "Luhansk"),
    ("LPR-backed fighters entered Myrne.", "Luhansk"),
    ("Бойовики ЛНР обстріляли Мирне.", "Luhansk"),
    ("DPR units said they took Bilohorivka.", "Donetsk"),
    ("Ukrainian troops held Bilohorivka.", "Luhansk"),
])
def test_forces_named_after_a_region_pull_a_namesake_village_into_it(text: str, admin1: str) -> None:
    (mention,) = find_places(text)
    assert (mention.place.kind, mention.place.admin1) == ("settlement", admin1)


def test_a_region_acronym_is_context_not_a_place() -> None:
    assert [m.text for m in find_places("LPR and DPR leaders met in Moscow.")] == ["Moscow"]


def test_a_county_is_read_as_the_county_of_the_state_the_story_is_in() -> None:
    text = ("A man was shot Sunday in Gaston County, deputies said. The Gaston County "
            "Sheriff's Office said the victim was taken to a hospital in Gastonia, N.C.")
    county = [m for m in find_places(text) if m.text == "Gaston County"]
    assert county and all(m.place.kind == "district" and m.place.admin1 == "North Carolina"
                          for m in county)
    assert county[0].precision == "district"


def test_a_small_town_near_the_story_city_beats_a_far_bigger_namesake() -> None:
    text = ("HOUSTON — A four-year-old boy was shot at his home in Katy on Monday, Houston "
            "police said. The boy was taken to a hospital in Houston.")
    katy = _only(text, "Katy")
    assert (katy.place.country_code, katy.place.admin1) == ("US", "Texas")


def test_a_dateline_state_picks_the_namesake_in_that_state() -> None:
    text = ("NASHVILLE, Tenn. — A toddler was shot Tuesday afternoon at an apartment complex "
            "in Madison, police said.")
    assert _only(text, "Madison").place.admin1 == "Tennessee"


def test_a_town_written_as_a_neighbourhood_is_the_city_it_belongs_to() -> None:
    text = ("A man was shot Friday night in Chicago's Englewood neighborhood, police said. "
            "Another man was wounded in the Pullman neighborhood. Chicago police are "
            "investigating both shootings in Chicago.")
    for written in ("Englewood", "Pullman"):
        hood = _only(text, written)
        assert (hood.place.name, hood.place.admin1) == ("Chicago", "Illinois")


def test_a_surname_given_with_an_age_is_not_a_town() -> None:
    text = ("LAROSE, La. — Neely Gardner, 19, was booked with negligent homicide. "
            "Gardner told detectives the gun went off.")
    assert "Gardner" not in [m.text for m in find_places(text)]


def test_an_alias_of_a_small_town_does_not_vouch_for_that_town() -> None:
    # "East Las Vegas" is a GeoNames alias of Las Vegas, New Mexico; the city a story about
    # Clark County means is Las Vegas, Nevada.
    text = ("1 dead in East Las Vegas shooting\n\nOne man died and a teenager was arrested, "
            "Las Vegas police said. He was booked into the Clark County jail.")
    assert _only(text, "Las Vegas").place.admin1 == "Nevada"


def test_a_small_town_with_one_namesake_after_in_is_found_without_its_state() -> None:
    mentions = find_places("A teenager was wounded in Huntingburg on Friday night.", "en")
    assert [(m.place.name, m.place.admin1) for m in mentions] == [("Huntingburg", "Indiana")]


def test_a_county_with_one_namesake_is_found_before_its_deputies() -> None:
    mentions = find_places("Barrow County deputies are investigating the shooting.", "en")
    assert [(m.place.admin2, m.place.admin1, m.precision) for m in mentions] == [
        ("Barrow County", "Georgia", "district")]


def test_a_county_named_alone_is_coded_at_its_most_populous_town() -> None:
    # GVA codes "unincorporated Palm Beach County" at the postal city, as ACLED codes a
    # region-only report at its capital: the county stays the unit, and the text as written.
    county, = find_places("Two men were shot and killed in unincorporated Palm Beach County.", "en")
    assert (county.place.name, county.place.admin2, county.place.admin1, county.precision) == (
        "West Palm Beach", "Palm Beach County", "Florida", "district")
    town = find_places("A man was shot in West Palm Beach, Florida.", "en")[0].place
    assert (county.place.lat, county.place.lon) == (town.lat, town.lon)


def test_a_lone_small_town_is_not_read_far_from_the_places_of_the_story() -> None:
    text = ("Two men were shot in Baltimore on Sunday, Baltimore police said. A third man was "
            "wounded in North Baltimore an hour later.")
    assert {m.place.admin1 for m in find_places(text, "en")} == {"Maryland"}


def test_a_lone_small_town_needs_an_english_text_to_skip_its_state() -> None:
    assert find_places("Un ragazzo è stato ferito in Huntingburg venerdì.", "it") == []


def test_ft_written_short_is_the_fort_of_the_name() -> None:
    mention = _only("A woman was killed in Ft. Lauderdale on Monday.", "Ft. Lauderdale")
    assert (mention.place.name, mention.place.admin1) == ("Fort Lauderdale", "Florida")


def test_dc_written_alone_is_washington() -> None:
    mention = _only("D.C. police are looking for the gunman who fired at a nightclub.", "D.C.")
    assert (mention.place.name, mention.place.admin1) == ("Washington", "District of Columbia")


def test_a_contraction_is_not_a_village() -> None:
    text = "\"I've been shot,\" the boy told a deputy in Tampa, Florida."
    assert "I've" not in [m.text for m in find_places(text, "en")]


def test_a_lone_first_name_given_an_age_is_a_person() -> None:
    text = ("Two children were hit in the drive-by shooting in San Antonio. Tristan, 8, shows "
            "where the bullet struck him.")
    assert "Tristan" not in [m.text for m in find_places(text, "en")]


def test_a_middle_name_before_a_surname_and_an_age_is_not_a_town() -> None:
    text = "Police arrested Deanthony Shiquan Billingsley, 20, of Bessemer, Alabama."
    assert "Shiquan" not in [m.text for m in find_places(text, "en")]


def test_a_town_name_before_and_another_street_and_streets_is_a_street() -> None:
    text = ("Two teens were shot in East Nashville. The car ran a four-way stop at Meridian "
            "and Grace Streets, police said.")
    assert "Meridian" not in [m.text for m in find_places(text, "en")]


def test_a_state_named_in_passing_does_not_outvote_the_towns_of_the_story() -> None:
    text = ("The teen was shot in Lakeland, Polk County deputies said. She first told deputies "
            "the two were in Georgia.")
    assert {m.place.admin1 for m in find_places(text, "en") if m.text != "Georgia"} == {"Florida"}


def test_a_neighbourhood_of_the_story_town_stays_that_town() -> None:
    text = ("4-year-old shot in St. Augustine\n\nThe boy was shot in St. Augustine on Sunday. "
            "He was flown to a hospital in Jacksonville. Neighbors in the St. Augustine "
            "neighborhood said they heard one shot. St. Augustine police are investigating.")
    assert {m.place.name for m in find_places(text, "en") if m.text == "St. Augustine"} \
        == {"Saint Augustine"}


def test_a_us_state_named_like_a_country_is_the_state_in_american_local_news() -> None:
    text = ("Four teens were shot in Valdosta on Friday. Tifton police are helping. It was the "
            "worst shooting in South Georgia this year.")
    georgia = _only(text, "Georgia")
    assert (georgia.place.country_code, georgia.place.admin1) == ("US", "Georgia")


def test_the_country_georgia_stays_a_country_in_war_news() -> None:
    text = "Ukraine and Georgia condemned the strike on Kharkiv."
    assert _only(text, "Georgia").place.kind == "country"


def test_a_surname_after_an_age_and_a_first_name_is_not_a_town() -> None:
    text = ("Police said 18-year-old Dametrious Addison was hit in the neck. His friend "
            "admitted shooting Addison in the face.")
    assert "Addison" not in [m.text for m in find_places(text, "en")]


def test_a_town_after_an_age_and_before_a_person_noun_stays_a_town() -> None:
    text = "A 7-year-old South Dallas girl was hit by a stray bullet, Dallas police said."
    assert [m.place.name for m in find_places(text, "en")] == ["Dallas", "Dallas"]


def test_a_county_and_a_town_named_together_read_each_other() -> None:
    text = ("FAYETTE COUNTY - A fire captain was charged after a junior firefighter was shot at "
            "a firehouse in Brownsville.")
    assert {(m.text, m.place.admin1) for m in find_places(text, "en")} == {
        ("FAYETTE COUNTY", "Pennsylvania"), ("Brownsville", "Pennsylvania")}


def test_two_towns_of_one_county_read_each_other() -> None:
    text = "The shooting happened in Universal City, San Antonio police said."
    assert _only(text, "Universal City").place.admin1 == "Texas"


def test_lake_alone_is_no_place() -> None:
    text = ("A child was shot in Marion County. Deputies responded to a shooting on Monica Drive "
            "in the Lake O' the Pines area, near Shreveport, Louisiana.")
    assert "Lake" not in [m.text for m in find_places(text, "en")]


def test_an_oblast_adjective_names_its_region_not_a_namesake_village() -> None:
    places = find_places("Росіяни атакували Харківську область, а у Донецькій області тривають бої.", "uk")
    assert [(p.place.name, p.precision) for p in places] == [("Kharkiv", "region"), ("Donetsk", "region")]


@pytest.mark.parametrize(("text", "language", "region"), [
    # the oblast's own adjectival name, kept transliterated in the gazetteer ("odeska oblast")
    ("Вночі росіяни вдарили по Одеської області.", "uk", "Odesa"),
    ("У Запорізькій області загинула жінка.", "uk", "Zaporizhzhia"),
    ("У Вінницькій області збили дрон.", "uk", "Vinnytsia"),
    ("У Чернівецькій області оголосили тривогу.", "uk", "Chernivtsi"),
    ("Ракету збили над Одеською областю.", "uk", "Odesa"),
    ("В Ростовской области сбили беспилотник.", "ru", "Rostov"),
    # no such name in the gazetteer: the city the adjective is built on (Суми, Сумы, Одесса)
    ("У Сумській області загинув чоловік.", "uk", "Sumy"),
    ("В Сумской области погиб мужчина.", "ru", "Sumy"),
    ("Удар по Одесской области.", "ru", "Odesa"),
])
def test_an_oblast_adjective_in_any_case_names_its_oblast(text: str, language: str, region: str) -> None:
    regions = [(p.place.name, p.place.country_code) for p in find_places(text, language)
               if p.precision == "region"]
    assert regions == [(region, "RU" if region == "Rostov" else "UA")]


@pytest.mark.parametrize(("text", "language", "raion", "oblast"), [
    ("Обстріл у Покровському районі Донецької області.", "uk", "Pokrovskyi Raion", "Donetsk"),
    ("У Бучанському районі знайшли тіла.", "uk", "Buchanskyi Raion", "Kyiv"),
    ("Обстрел Никопольского района.", "ru", "Nikopolskyi Raion", "Dnipropetrovsk"),
    ("В Харьковском районе слышны взрывы.", "ru", "Kharkivskyi Raion", "Kharkiv"),
])
def test_an_adjective_before_raion_names_that_raion(text: str, language: str, raion: str, oblast: str) -> None:
    first = find_places(text, language)[0]
    assert (first.place.kind, first.place.name, first.place.admin1, first.precision) == (
        "district", raion, oblast, "district")


def test_a_raion_the_gazetteer_does_not_hold_is_no_town_of_another_oblast() -> None:
    # Klimovsk is a town near Moscow; "Климовский район" is a raion of Bryansk oblast we do not hold.
    places = find_places("В Климовском районе Брянской области беспилотник атаковал автомобиль.", "ru")
    assert [(p.place.name, p.precision) for p in places] == [("Bryansk", "region")]


@pytest.mark.parametrize(("text", "language"), [
    ("Атака на позиції тривала всю ніч.", "uk"),      # not Ataky
    ("Пожежу загасили рятувальники.", "uk"),          # not Pozhezha
    ("Ракета влучила в житловий будинок.", "uk"),     # not Rokyta
    ("Сили оборони відбили атаку.", "uk"),            # not Sil
])
def test_a_common_noun_opening_a_sentence_is_no_hamlet(text: str, language: str) -> None:
    assert find_places(text, language) == []


def test_a_city_in_an_oblique_case_may_open_a_sentence() -> None:
    assert [(p.place.name, p.precision) for p in find_places("Харкову знову завдано удару.", "uk")] == [
        ("Kharkiv", "settlement")]


def test_a_short_adjective_stem_reaches_no_village_abroad() -> None:
    # "Оде-" alone spells a village in India; the oblast adjective must not fall back to it.
    assert all(p.place.country_code in {"UA", "RU"}
               for p in find_places("Обстріл Одеської області.", "uk"))


def test_two_namesakes_close_together_in_one_oblast_read_as_a_village_not_the_oblast() -> None:
    # Two Nelipivkas of Donetsk oblast lie ~18 km apart: either is nearer than the oblast.
    mention = _only("Shelling was reported in Nelipivka on Sunday morning.", "Nelipivka")
    assert (mention.place.kind, mention.place.name, mention.place.admin1) == (
        "settlement", "Nelipivka", "Donetsk")


def test_far_apart_namesakes_in_one_oblast_still_give_the_oblast() -> None:
    # The Hrakoves of Kharkiv oblast lie ~60 km apart: no guess between them.
    mention = _only("Artillery hit Hrakove, Kharkiv Oblast, on Tuesday.", "Hrakove")
    assert (mention.place.kind, mention.place.admin1) == ("region", "Kharkiv")


def test_a_hromada_named_by_its_towns_adjective_is_that_town() -> None:
    mention = _only("Two houses burned in Zymohiryivska overnight, officials said.",
                    "Zymohiryivska")
    assert (mention.place.name, mention.place.admin1) == ("Zymohiria", "Luhansk")
    mention = _only("Gas supply failed in Bakhmutska on Friday.", "Bakhmutska")
    assert (mention.place.name, mention.place.admin1) == ("Bakhmut", "Donetsk")


_WIRE_BODY = (" A teenager fired at a crowded porch on Sunday night, the police department said,"
              " adding that the wounded were taken to a hospital in serious condition.")


def _readings(text: str) -> list[tuple[str, str, str | None]]:
    return [(m.text, m.place.name, m.place.admin1) for m in find_places(text, "en")]


def test_a_us_dateline_after_a_title_case_headline_is_read() -> None:
    # The headline's last capitalised word and the dateline are two paragraphs, not one name.
    text = "Police Release Report on Weekend Shooting\n\nMANCHESTER, IL -" + _WIRE_BODY
    assert ("MANCHESTER", "Manchester", "Illinois") in _readings(text)


def test_a_wire_dateline_after_a_capitalised_line_is_no_place() -> None:
    text = "Drones hit the bridge\n\nPublished July 17, 2023 | 12:30 PM\n\nMOSCOW (Sputnik) -" + _WIRE_BODY
    assert all(m.text != "MOSCOW" for m in find_places(text, "en"))


def test_a_state_written_out_after_a_comma_qualifies_the_town() -> None:
    assert ("Manchester", "Manchester", "Illinois") in _readings(
        "A man was shot Friday in Manchester, Illinois, police said.")


def test_a_neighbourhood_named_like_a_far_city_is_the_dateline_city() -> None:
    text = ("Girl Shot In Knoxville\n\nPITTSBURGH (WXYZ) - A girl was shot Sunday night in the"
            " city's Knoxville neighborhood, police said.")
    assert {(name, state) for _, name, state in _readings(text)} == {("Pittsburgh", "Pennsylvania")}


def test_a_far_namesake_in_a_story_of_another_state_is_a_part_of_its_town() -> None:
    text = ("A teenager fired at a porch in Knoxville on Sunday night, police said. He was taken"
            " to jail in Pittsburgh.")
    assert _readings(text)[0] == ("Knoxville", "Pittsburgh", "Pennsylvania")


def test_a_far_namesake_beside_only_a_county_is_read_as_that_county() -> None:
    text = ("A teenager fired at a porch in Knoxville on Sunday night. He will be arraigned in"
            " Allegheny County Family Court.")
    assert [(m.text, m.place.admin2, m.precision) for m in find_places(text, "en")] == [
        ("Knoxville", "Allegheny County", "district"),
        ("Allegheny County", "Allegheny County", "district")]


def test_a_home_town_named_without_in_keeps_its_own_state() -> None:
    assert ("Knoxville", "Knoxville", "Tennessee") in _readings(
        "A man from Knoxville was shot in Chicago on Sunday night, police said.")


def test_a_far_town_run_into_a_building_name_is_no_place_of_a_one_state_story() -> None:
    text = ("Four teens were shot in Las Vegas on Saturday. A fight broke out at the Hollywood "
            "Recreation Center, and one boy was taken to Sunrise Trauma Center, Las Vegas police said.")
    assert {m.place.admin1 for m in find_places(text, "en")} == {"Nevada"}
