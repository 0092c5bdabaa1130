"""Assembly on war reports: route ends, subjects of reporting verbs, denied and foreign captures, raions beside villages."""

from __future__ import annotations

from datetime import UTC, date, datetime

from services.core.assembly import IncidentDraft, assemble_incidents
from services.core.sentences import split_sentences

PUBLISHED = datetime(2024, 6, 5, 10, tzinfo=UTC)


def incidents(text: str, language: str) -> list[IncidentDraft]:
    return assemble_incidents(text, split_sentences(text, language), language, PUBLISHED)


def readings(text: str, language: str) -> list[tuple[str, str]]:
    return sorted((d.place.place.name, d.cue.sub_event_type) for d in incidents(text, language))


def places_of(text: str, language: str) -> list[str]:
    return sorted(d.place.place.name for d in incidents(text, language))


# -- where a train or bus was going is not where it was hit ---------------------------------

def test_the_end_of_a_train_route_is_not_where_the_damage_was_seen() -> None:
    text = ("Il treno era in viaggio da Kyiv a Shostka. "
            "I soccorritori stanno esaminando le carrozze danneggiate.")
    assert incidents(text, "it") == []


def test_a_bridge_blast_in_a_region_stays_in_the_region_not_at_the_train_destination() -> None:
    text = ("Un'esplosione ha fatto crollare un ponte nella regione di Sumy, causando il deragliamento "
            "di un treno. Il treno era in viaggio da Kyiv a Shostka. "
            "I soccorritori stanno esaminando le carrozze danneggiate.")
    [incident] = incidents(text, "it")
    assert incident.place.place.name == "Sumy"
    assert incident.place.precision == "region"


def test_a_bus_hit_on_its_way_is_located_where_it_was_hit_not_at_its_ends() -> None:
    text = "A drone hit a bus travelling from Kherson to Mykolaiv near Snihurivka, killing two passengers."
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Snihurivka"
    assert incident.fatalities is not None and incident.fatalities.best == 2


def test_a_route_between_two_towns_names_neither_as_the_place_of_the_damage() -> None:
    text = "The train was travelling from Kyiv to Shostka. Rescuers are examining the damaged carriages."
    assert incidents(text, "en") == []


# -- a place after a preposition is never the subject of the verb after it -------------------

def test_an_air_base_named_after_a_preposition_is_where_the_strike_was_not_who_spoke() -> None:
    text = ("Il capo dell'intelligence, descrivendo l'attacco di droni alla base aerea di Engels, "
            "ha affermato che diversi bombardieri sono stati colpiti.")
    assert readings(text, "it") == [("Engels", "Air/drone strike")]


def test_a_town_before_a_comma_and_a_reporting_verb_is_still_the_place_of_the_strike() -> None:
    text = "I droni ucraini hanno colpito un deposito a Bryansk, ha detto il governatore."
    assert readings(text, "it") == [("Bryansk", "Air/drone strike")]


def test_a_named_speaker_followed_by_a_reporting_verb_is_still_no_place() -> None:
    text = ("Un missile ha colpito un palazzo a Dnipro. "
            "Lysak ha detto che i soccorritori sono al lavoro.")
    assert [d.place.place.name for d in incidents(text, "it")] == ["Dnipro"]


# -- a capture the article reports as denied -------------------------------------------------

def test_a_capture_the_article_reports_as_denied_is_not_dated_by_its_repetition() -> None:
    text = ("Il ministero della Difesa russo ha annunciato la conquista di Vuhledar, ma la notizia è "
            "stata smentita da Kiev: i combattimenti continuano. Il ministero precisa che le truppe "
            "russe hanno preso il controllo di Vuhledar ieri sera.")
    [incident] = incidents(text, "it")
    assert incident.place.place.name == "Vuhledar"
    assert incident.cue.sub_event_type == "Armed clash"
    # the fighting the article reports, not the claimed capture of the evening before
    assert incident.date.end == date(2024, 6, 5)


def test_an_attempted_capture_does_not_deny_the_capture_reported_later() -> None:
    text = ("Le truppe russe hanno tentato di conquistare Robotyne. "
            "Ieri le truppe russe hanno preso il controllo di Robotyne.")
    [incident] = incidents(text, "it")
    assert incident.place.place.name == "Robotyne"
    assert incident.date.start == date(2024, 6, 4)


# -- who takes ground decides how a capture is coded ------------------------------------------

def test_a_state_retaking_its_own_town_regains_territory() -> None:
    text = "Le forze russe hanno ripreso il controllo di Sudzha, nella regione di Kursk."
    assert readings(text, "it") == [("Sudzha", "Government regains territory")]


def test_ukrainian_troops_liberating_a_ukrainian_village_regain_territory() -> None:
    text = "Ukrainian troops liberated the village of Robotyne, the General Staff said."
    assert readings(text, "en") == [("Robotyne", "Government regains territory")]


def test_one_states_forces_taking_a_village_of_another_state_is_an_armed_clash() -> None:
    text = "Russian forces captured the village of Robotyne, the Russian defence ministry said."
    assert readings(text, "en") == [("Robotyne", "Armed clash")]


def test_a_capture_given_to_no_one_in_a_war_between_states_is_an_armed_clash() -> None:
    text = "Il ministero della Difesa ha rivendicato la conquista del villaggio di Robotyne."
    assert readings(text, "it") == [("Robotyne", "Armed clash")]


def test_an_armed_group_seizing_a_town_still_overtakes_territory() -> None:
    text = "Islamic State militants seized the town of Palmyra on Tuesday."
    assert [d.cue.sub_event_type for d in incidents(text, "en")] == ["Non-state actor overtakes territory"]


# -- a raion beside a village ----------------------------------------------------------------

def test_a_raion_named_beside_a_village_of_another_raion_is_an_incident_of_its_own() -> None:
    text = ("Il villaggio di Kozinka è stato bombardato con 120 proiettili, "
            "il distretto di Sebekino è stato colpito 106 volte.")
    found = {(d.place.place.name, d.place.precision) for d in incidents(text, "it")}
    assert found == {("Kozinka", "settlement"), ("Shebekino", "district")}


def test_a_raion_that_holds_the_named_village_is_only_its_address() -> None:
    text = "Il villaggio di Malynivka, nel distretto di Chuhuiv, è stato bombardato."
    assert [(d.place.place.name, d.place.precision) for d in incidents(text, "it")] == [("Malynivka", "settlement")]


def test_a_county_in_a_dateline_does_not_become_a_second_place_beside_the_town() -> None:
    text = "MIAMI-DADE COUNTY, Fla. - A 15-year-old boy was shot and killed in Hollywood on Wednesday."
    assert [d.place.place.name for d in incidents(text, "en")] == ["Hollywood"]


# -- a town named as another place's address -------------------------------------------------

def test_an_air_base_near_a_city_is_located_at_the_base_not_at_the_city() -> None:
    text = "According to the source, the Olenya base near Murmansk in the Arctic Circle was also hit by drones."
    assert [d.place.place.name for d in incidents(text, "en")] == ["Olenegorsk"]


def test_a_village_near_a_city_is_located_at_the_village() -> None:
    text = "Russian artillery shelled Klishchiivka near Bakhmut."
    assert [d.place.place.name for d in incidents(text, "en")] == ["Klishchiivka"]


def test_two_towns_joined_by_and_are_two_places_not_an_address() -> None:
    text = "Russian drones struck Kharkiv and Odesa overnight."
    assert places_of(text, "en") == ["Kharkiv", "Odesa"]


# -- the attack named again ------------------------------------------------------------------

def test_the_attack_named_again_reports_the_strike_at_the_places_it_targeted() -> None:
    text = ("Nella notte i droni ucraini hanno colpito la base aerea di Engels. "
            "L'attacco ha preso di mira anche gli aeroporti di Ivanovo e Voskresensk.")
    assert readings(text, "it") == [("Engels", "Air/drone strike"), ("Ivanovo", "Air/drone strike"),
                                     ("Voskresensk", "Air/drone strike")]


def test_the_attack_named_with_no_strike_reported_before_stays_a_weak_mention() -> None:
    text = "L'attacco ha preso di mira gli aeroporti di Ivanovo e Voskresensk."
    assert all(d.cue.score < 0.6 for d in incidents(text, "it"))


# -- a village the gazetteer does not know, in Ukrainian and Russian --------------------------

def test_a_russian_village_the_gazetteer_does_not_know_is_kept_as_written() -> None:
    text = "Украинские силы нанесли удар дронами-камикадзе по автомобилю в селе Чернооково Климовского района."
    [incident] = incidents(text, "ru")
    assert incident.place.place.name == "Чернооково"
    assert incident.place.place.lat is None


def test_an_unknown_village_lies_in_the_region_the_article_names_and_takes_its_toll() -> None:
    text = ("Жительница Брянской области погибла после атаки дрона на автомобиль.\n\n"
            "По данным губернатора, украинские силы нанесли удар дронами-камикадзе по движущемуся "
            "автомобилю в селе Чернооково.")
    [incident] = incidents(text, "ru")
    assert incident.place.place.name == "Чернооково"
    assert incident.place.place.admin1 == "Bryansk"
    assert incident.fatalities is not None and incident.fatalities.best == 1


def test_a_ukrainian_village_after_u_seli_is_kept_as_written() -> None:
    text = "Російські війська вдарили дронами по автомобілю у селі Зеленопілля Сумського району."
    assert [d.place.place.name for d in incidents(text, "uk")] == ["Зеленопілля"]


# -- the victims of the strikes the article reports ------------------------------------------

def test_a_town_read_only_through_its_dead_in_a_missile_report_counts_the_missile_victims() -> None:
    text = ("Un massiccio attacco missilistico russo ha colpito Dnipro nella notte. I soccorritori hanno "
            "lavorato per ore tra le macerie. Il sindaco ha proclamato il lutto cittadino.\n\n"
            "Nella vicina città di Samar due persone sono state uccise. Le autorità locali hanno aperto "
            "un centro di accoglienza.")
    found = {d.place.place.name: d for d in incidents(text, "it")}
    assert found["Samar"].cue.sub_event_type == "Shelling/artillery/missile attack"
    assert found["Samar"].fatalities is not None and found["Samar"].fatalities.best == 2


def test_beside_a_battle_told_in_its_own_words_a_killing_stays_an_attack() -> None:
    text = ("Un massiccio attacco missilistico russo ha colpito Dnipro nella notte. I soccorritori hanno "
            "lavorato per ore tra le macerie. Scontri armati sono in corso a Pokrovsk.\n\n"
            "Nella vicina città di Samar due persone sono state uccise. Le autorità locali hanno aperto "
            "un centro di accoglienza.")
    found = {d.place.place.name: d.cue.sub_event_type for d in incidents(text, "it")}
    assert found["Pokrovsk"] == "Armed clash"
    assert found["Samar"] == "Attack"


# -- figures given for the day the event was reported ----------------------------------------

def test_a_toll_given_for_the_reporting_day_is_the_toll_of_the_event_it_reports() -> None:
    text = ("Ieri, 4 giugno, la Giornata del lutto è continuata a Odessa. Attacco di droni su una casa a "
            "Odessa: le operazioni di ricerca sono terminate. Sono morte 12 persone, tra cui cinque bambini."
            "\n\nNella notte del 3 giugno i russi hanno colpito con un drone un edificio residenziale a "
            "Odessa. La sera del 3 giugno si è saputo di sette persone morte.")
    [incident] = incidents(text, "it")
    assert incident.date.start == date(2024, 6, 3)
    assert incident.fatalities is not None and incident.fatalities.best == 12


# -- a facility named in full, then by its own name -------------------------------------------

def test_an_air_base_named_in_full_and_then_by_its_name_alone_is_one_place() -> None:
    text = ("Il filmato sembra mostrare l'aeroporto russo di Belaya in fiamme dopo un attacco di droni. "
            "I droni dell'intelligence hanno colpito diversi bombardieri strategici. "
            "Il governatore ha confermato l'incendio.\n\n"
            "Secondo l'intelligence, l'operazione con i droni ha colpito gli aeroporti di Ivanovo e Belaya.")
    names = {d.place.place.name for d in incidents(text, "it")}
    assert "Belaya" not in names
    assert "Sredniy" in names


def test_a_town_named_inside_a_region_phrase_stays_the_town() -> None:
    text = ("Un drone ha colpito un deposito nella regione di Kharkiv. I vigili del fuoco hanno spento "
            "l'incendio. Il governatore ha parlato di danni lievi.\n\n"
            "In serata un missile ha colpito il centro di Kharkiv.")
    found = {(d.place.place.name, d.place.precision) for d in incidents(text, "it")}
    assert ("Kharkiv", "settlement") in found
