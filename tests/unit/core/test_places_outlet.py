"""The outlet (an article's source and url) as weak context for US namesakes."""

from services.core.events import classify_sentence
from services.core.places import find_places, outlet_states


def _states(text: str, source: str | None = None, url: str | None = None) -> list[str | None]:
    return [m.place.admin1 for m in find_places(text, "en", source=source, url=url)]


def test_a_town_that_opens_the_outlets_host_gives_its_state() -> None:
    assert outlet_states("chicagotribune.com", None) == {"Illinois"}
    assert outlet_states(None, "https://www.houstonchronicle.com/news/article/x.php") == {"Texas"}


def test_a_state_named_in_the_host_is_that_state() -> None:
    assert outlet_states("arkansasonline.com", None) == {"Arkansas"}


def test_a_town_closing_the_host_after_a_network_or_my_counts() -> None:
    assert outlet_states("nbcnewyork.com", None) == {"New York"}
    assert outlet_states("mysanantonio.com", None) == {"Texas"}


def test_a_city_subdomain_gives_its_state() -> None:
    assert outlet_states("sanfrancisco.cbslocal.com", None) == {"California"}


def test_an_outlet_written_as_a_name_is_read_like_a_host() -> None:
    assert outlet_states("Chicago Tribune", None) == {"Illinois"}


def test_call_signs_and_hosts_outside_us_domains_give_no_state() -> None:
    assert outlet_states("wsmv.com", None) == frozenset()
    assert outlet_states("lastampa.it", None) == frozenset()


def test_a_town_after_a_long_word_or_shadowed_by_a_longer_name_gives_no_state() -> None:
    # "enterprise" closes a newspaper's name; "springfield" (many states) is not "spring".
    assert outlet_states("sentinelandenterprise.com", None) == frozenset()
    assert outlet_states("springfieldnewsleader.com", None) == frozenset()


def test_a_name_shared_by_a_big_city_elsewhere_is_no_state() -> None:
    assert outlet_states("washingtonpost.com", None) == frozenset()


def test_the_outlets_state_decides_between_namesake_counties() -> None:
    text = "Marion County sheriff deputies said a child was shot in the face."
    assert _states(text, source="ocala.com") == ["Florida"]
    assert _states(text, source="tylerpaper.com") == ["Texas"]


def test_a_state_the_text_names_overrides_the_outlet() -> None:
    text = "Marion County, Tennessee, deputies said a child was shot in the face."
    assert _states(text, source="tylerpaper.com")[0] == "Tennessee"


def test_without_an_outlet_the_reading_is_unchanged() -> None:
    text = "Police in Columbus said two men were shot on Friday."
    assert _states(text) == _states(text, source="wsmv.com") == ["Ohio"]


def test_a_city_written_with_the_ukrainian_i_of_its_last_syllable_is_that_city() -> None:
    (mention,) = find_places("School No. 3, Mariupil'. Craters in the school yard.", "en")
    assert (mention.text, mention.place.name) == ("Mariupil", "Mariupol")


def test_the_swapped_vowel_never_reads_a_small_place_or_a_persons_name() -> None:
    assert find_places("Mr. Smith said Bristil was quiet.", "en") == []


def test_a_caption_of_ruined_buildings_reports_war_damage() -> None:
    for caption in ("A woman walks past ruined houses in Irpin", "The market now lies in ruins"):
        assert classify_sentence(caption, "en")[0].sub_event_type == "Shelling/artillery/missile attack"
    assert classify_sentence("The rain ruined the harvest festival", "en") == []


def test_namesakes_of_several_oblasts_give_the_country_not_a_guessed_oblast() -> None:
    (mention,) = find_places("Destruction of a farm in Kamianka", "en")
    assert (mention.precision, mention.place.admin1) == ("country", None)


def test_a_village_named_with_its_oblast_keeps_the_oblast() -> None:
    mentions = find_places("Shelling of a school in Kamianka, Zaporizhzhia Oblast", "en")
    assert mentions[0].place.admin1 == "Zaporizhzhia"
