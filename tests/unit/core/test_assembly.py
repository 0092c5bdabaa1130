"""Assembly: which incidents an article yields — one per place, day and event, never at places named only as context."""

from __future__ import annotations

from datetime import UTC, date, datetime

from services.core.assembly import IncidentDraft, assemble_incidents
from services.core.sentences import split_sentences

PUBLISHED = datetime(2024, 6, 5, 10, tzinfo=UTC)


def incidents(text: str, language: str) -> list[IncidentDraft]:
    return assemble_incidents(text, split_sentences(text, language), language, PUBLISHED)


def places(text: str, language: str) -> list[str]:
    return sorted(d.place.place.name for d in incidents(text, language))


def test_a_drone_attack_and_its_interceptions_over_one_city_are_one_air_strike() -> None:
    text = ("Overnight Russian drones attacked Odesa, damaging a port warehouse. "
            "Air defence shot down twelve drones over Odesa, the army said.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Odesa"
    assert incident.cue.sub_event_type == "Air/drone strike"


def test_an_arrest_after_a_shooting_does_not_rename_the_shooting() -> None:
    text = ("A man was shot and killed in Memphis on Tuesday night. "
            "Police arrested a 19-year-old suspect in Memphis on Tuesday in connection with the killing.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Memphis"
    assert incident.cue.event_type != "Strategic developments"


def test_the_office_of_a_governor_is_not_where_the_shelling_happened() -> None:
    text = ("Un bombardamento russo ha ucciso tre civili a Sloviansk ieri sera. "
            "Lo ha reso noto il governatore di Donetsk, Pavlo Kyrylenko, che ha parlato di un attacco con razzi.")
    assert places(text, "it") == ["Sloviansk"]


def test_a_place_recalled_with_a_day_after_is_background() -> None:
    text = ("Russian missiles struck Kryvyi Rih on Tuesday, killing four people. "
            "The attack comes a day after missiles hit the central city of Poltava.")
    assert places(text, "en") == ["Kryvyi Rih"]


def test_an_air_raid_alert_is_not_an_attack() -> None:
    text = "Nella notte a Kiev è stato dichiarato l'allarme aereo per la minaccia di un attacco missilistico."
    assert incidents(text, "it") == []


def test_a_name_followed_by_a_reporting_verb_is_a_speaker_not_a_village() -> None:
    text = ("Une frappe de missile a tué quatre personnes à Lviv dans la nuit. "
            "Sadovyi a déclaré que le bombardement était l'attaque la plus importante.")
    assert places(text, "fr") == ["Lviv"]


def test_a_capital_joined_to_a_capital_standing_for_its_government_stands_for_its_own() -> None:
    text = ("Dopo la proposta di cessate il fuoco avanzata da Kiev e Washington, i russi hanno "
            "bombardato Sumy uccidendo due persone.")
    assert places(text, "it") == ["Sumy"]


def test_a_weapon_after_a_in_english_is_not_an_unknown_place() -> None:
    text = "A building collapsed as a result of a Shahed drone attack, killing two residents."
    assert all(d.place.place.name != "Shahed" for d in incidents(text, "en"))


def test_a_monitors_brief_about_damage_is_located_at_its_place() -> None:
    [incident] = incidents("Market complex in Kharkiv engulfed in flames.", "en")
    assert incident.place.place.name == "Kharkiv"
    assert incident.cue.sub_event_type == "Looting/property destruction"


def test_forces_seen_in_a_town_are_a_strategic_development_there() -> None:
    [incident] = incidents("Russian troops moving through Volnovakha.", "en")
    assert incident.place.place.name == "Volnovakha"
    assert (incident.cue.event_type, incident.cue.sub_event_type) == ("Strategic developments", "Other")


def test_a_brief_is_named_by_its_strongest_reading() -> None:
    text = "Police violently dispersed a peaceful protest in Kharkiv, injuring several students."
    [incident] = incidents(text, "en")
    assert incident.cue.sub_event_type == "Excessive force against protesters"


def test_a_report_that_counts_only_the_wounded_reports_no_dead() -> None:
    [incident] = incidents("Two people were wounded in a shooting in Memphis on Tuesday night.", "en")
    assert incident.injured is not None and incident.injured.best == 2
    assert incident.fatalities is not None and incident.fatalities.best == 0


def test_an_article_whose_headline_event_and_lead_place_never_meet_is_read_as_a_brief() -> None:
    text = ("Deadly missile strike overnight\n\n"
            "Odesa woke up to sirens and smoke. Rescuers worked through the morning. "
            "Schools stayed closed. The city council met at noon.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Odesa"
    assert incident.cue.sub_event_type == "Shelling/artillery/missile attack"


def test_an_article_whose_lead_reports_the_event_and_whose_body_names_the_place_is_read_there() -> None:
    text = ("Man arrested for shooting his brother\n\n"
            "Police arrested a man after they say he shot his younger brother in the head. "
            "The boy was taken to hospital.\n\n"
            "Officers responded to a home on Elm Drive in Lithonia, Georgia, on Sunday evening. "
            "Neighbours said the family had lived there for years. "
            "The investigation continues.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Lithonia"


def test_last_weeks_strikes_on_the_city_struck_today_are_background_not_another_incident() -> None:
    text = ("Missiles hit Lviv\n\n"
            "Russian missiles struck Lviv before dawn on Wednesday, damaging homes. "
            "Lviv had largely been spared the fighting, but last week Russian missiles struck its power plants. "
            "Rescuers worked through the morning. Schools stayed closed.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Lviv" and incident.date.precision == "day"


def test_everyone_shot_less_the_dead_read_elsewhere_are_the_wounded() -> None:
    text = ("Seven people shot in Gastonia\n\n"
            "Seven people were shot in Gastonia, North Carolina, on Monday night. "
            "Police said six of them died at the scene. The suspect fled.")
    [incident] = incidents(text, "en")
    assert (incident.fatalities.best, incident.injured.best) == (6, 1)  # type: ignore[union-attr]


def test_the_one_named_victim_hurt_in_a_report_of_one_death_is_the_one_who_died() -> None:
    text = ("Man dies after Alton shooting\n\n"
            "A man was killed in a shooting in Alton, Illinois, on Monday night. "
            "Police said Jones was hurt when a car drove by. Nobody has been arrested.")
    [incident] = incidents(text, "en")
    assert (incident.fatalities.best, incident.injured.best) == (1, 0)  # type: ignore[union-attr]


def test_a_toll_beside_an_event_that_names_no_place_goes_to_the_articles_one_incident() -> None:
    text = ("Missiles hit Sumy\n\n"
            "Russian missiles struck Sumy, Ukraine, on Tuesday morning, damaging homes.\n\n"
            "The missile strike killed 11 people and wounded 89. The search goes on.")
    [incident] = incidents(text, "en")
    assert (incident.fatalities.best, incident.injured.best) == (11, 89)  # type: ignore[union-attr]


def test_a_place_inside_a_compound_word_is_not_where_the_event_happened() -> None:
    text = ("Missiles struck Sevastopol on Sunday, killing four people. "
            "The city's Moscow-installed governor said 151 people were injured. "
            "Shrapnel also damaged the Odesa-Zaporizhzhia passenger train, which was empty.")
    assert "Moscow" not in places(text, "en")
    assert "Odesa" not in places(text, "en")


def test_an_undated_event_of_a_follow_up_article_lies_somewhere_in_the_month_before() -> None:
    text = ("Teen charged with murder in Memphis shooting\n\n"
            "A 17-year-old was charged after a man was shot and killed in Memphis, police said.")
    [incident] = incidents(text, "en")
    assert (incident.date.start.isoformat(), incident.date.end.isoformat()) == ("2024-05-05", "2024-06-05")


def test_an_undated_event_of_a_news_report_is_dated_to_the_eve_or_day_of_publication() -> None:
    text = ("Man killed in Memphis shooting\n\n"
            "A man was shot and killed in Memphis, police said.")
    [incident] = incidents(text, "en")
    assert (incident.date.start.isoformat(), incident.date.end.isoformat()) == ("2024-06-04", "2024-06-05")


def test_a_monitors_caption_about_a_targeted_building_is_located_at_its_town() -> None:
    [incident] = incidents("A gymnasium was targeted in Lysychansk, Luhansk oblast", "en")
    assert incident.place.place.name == "Lysychansk"


def test_a_caption_about_enemy_equipment_in_a_town_is_a_low_confidence_development_there() -> None:
    [incident] = incidents("Russian equipment in Khrustalnyi, Luhansk Oblast", "en")
    assert incident.place.place.name == "Khrustalnyi"
    assert incident.cue.event_type == "Strategic developments"


def test_a_brief_without_a_place_happens_in_the_country_of_its_actors() -> None:
    [incident] = incidents("Syrian army units recaptured a key neighbourhood on Thursday.", "en")
    assert (incident.place.place.country_code, incident.place.precision) == ("SY", "country")


def test_a_brief_without_a_place_or_known_actor_happens_in_the_country_its_nationality_names() -> None:
    [incident] = incidents("Turkish security forces have arrested dozens of people over suspected links to a "
                           "banned party.", "en")
    assert (incident.place.place.country_code, incident.cue.sub_event_type) == ("TR", "Arrests")


def test_a_brief_whose_only_place_is_unknown_happens_there_as_written() -> None:
    text = ("Last week the district saw a resurgence of mob violence against the minority. "
            "Attention has focused on attacks in the village of Qarzubeh.")
    [incident] = incidents(text, "en")
    assert (incident.place.text, incident.cue.sub_event_type) == ("Qarzubeh", "Mob violence")


def test_the_streets_of_a_capital_are_the_city_not_its_government() -> None:
    assert places("Protesters marched through the streets of Athens on Thursday.", "en") == ["Athens"]


def test_a_clear_event_in_a_province_the_gazetteer_does_not_know_keeps_the_name_as_written() -> None:
    [incident] = incidents("A grenade attack killed ten people in northern Zarvoland province late on Tuesday.", "en")
    assert (incident.place.text, incident.place.place.lat) == ("Zarvoland", None)


def test_a_toll_with_no_place_of_its_own_belongs_to_the_articles_only_incident() -> None:
    text = ("Police responded to a shooting outside a hotel in Burbank on Thursday night.\n\n"
            "The man was pronounced dead at the scene.")
    [incident] = incidents(text, "en")
    assert incident.fatalities is not None and incident.fatalities.best == 1


def test_a_brief_is_also_read_whole_so_a_protest_and_its_violence_in_two_sentences_meet() -> None:
    text = ("Hundreds of protesters marched in Hamburg against the summit on Friday. "
            "Later the district was the scene of escalating violence.")
    [incident] = incidents(text, "en")
    assert incident.cue.sub_event_type == "Violent demonstration"


def test_a_brief_reports_its_dated_event_however_late_the_report_comes() -> None:
    [incident] = incidents("On March 16, government forces recaptured Aleppo after heavy fighting.", "en")
    assert (incident.date.start.isoformat(), incident.date.precision) == ("2024-03-16", "day")


def test_a_full_article_recalling_a_day_months_ago_does_not_report_it() -> None:
    text = ("Grain exports from the port rose again this week. "
            "Ships left on schedule. Traders expect prices to fall. "
            "On March 16, government forces recaptured Aleppo after heavy fighting.")
    assert incidents(text, "en") == []


def test_a_town_measured_from_is_not_where_the_strike_was() -> None:
    text = ("A Russian missile struck Lviv on Wednesday. Lviv, located about 540 kilometers "
            "west of Kyiv, has been targeted by missile strikes several times.")
    assert places(text, "en") == ["Lviv"]


def test_a_town_measured_from_locates_an_event_at_an_unknown_village() -> None:
    text = "Gunmen attacked a checkpoint in Af-Urur, a village 90 km south of Bosaso, killing two soldiers."
    assert places(text, "en") == ["Bosaso"]


def test_explosions_merely_heard_are_not_an_incident() -> None:
    assert incidents("Explosions were heard in Kyiv and Sumy overnight.", "en") == []
    assert incidents("L'operazione ha provocato esplosioni che si sono udite anche a Kiev.", "it") == []


def test_the_hospital_town_the_victim_was_taken_to_is_not_where_he_was_shot() -> None:
    text = ("A man was shot at a home in Memphis on Monday night. "
            "He was taken to St. Mary's Hospital in Evansville, where he later died.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Memphis"
    assert incident.fatalities is not None and incident.fatalities.best == 1


def test_a_victims_home_town_is_not_where_the_shooting_happened() -> None:
    text = ("The shooting happened Monday at a home in White Plains.\n\n"
            "Troopers say Wyatt Whitaker, from Nortonville, was handling the gun and shot himself.")
    assert places(text, "en") == ["White Plains"]


def test_a_district_of_a_big_city_the_article_names_is_that_city() -> None:
    text = ("Russian missiles struck Kyiv overnight, killing two people. "
            "At least 18 people were injured in the Solomyanka district of the city, where a fire broke out.")
    assert places(text, "en") == ["Kyiv"]


def test_a_borough_as_big_as_a_city_keeps_its_own_name_beside_the_city() -> None:
    text = ("Four men were wounded early Saturday when a gunman fired into a Brooklyn bodega, police said. "
            "New York City police are searching for the gunman.")
    assert "Brooklyn" in places(text, "en")
    assert places("Two men were shot in East Flatbush, New York City police said.", "en") == ["New York City"]


def test_a_place_recalled_with_comes_months_after_is_background() -> None:
    text = ("Russian missiles hit Odesa on Monday, killing two people. "
            "The attack comes six months after a drone strike on Izmail killed a port worker.")
    assert places(text, "en") == ["Odesa"]


def test_a_sentence_about_recent_weeks_is_a_trend_not_another_incident() -> None:
    text = ("A Russian missile hit an energy facility in Kherson on Tuesday, killing three people. "
            "Mykolaiv has come under increasing aerial bombardment in recent weeks.")
    assert places(text, "en") == ["Kherson"]


def test_a_feud_carried_on_for_months_is_a_trend_not_another_incident() -> None:
    text = ("A man was shot and killed in Memphis on Tuesday night, police said. "
            "Investigators said two gangs have been targeting each other in shootings across Nashville for months.")
    assert places(text, "en") == ["Memphis"]


def test_a_sentence_about_the_war_so_far_lends_no_weapon_to_todays_strike() -> None:
    text = ("Un attacco russo ha colpito Kherson martedì, uccidendo tre persone. "
            "Dall'inizio della guerra Kherson è stata bersagliata da droni e aerei.")
    [incident] = incidents(text, "it")
    assert incident.place.place.name == "Kherson"
    assert incident.weapons == set()


def test_the_building_of_a_regional_administration_hit_is_in_that_town() -> None:
    assert places("L'edificio dell'amministrazione regionale di Kherson è stato colpito da un attacco missilistico.", "it") == ["Kherson"]
    assert places("A missile hit the Kherson regional administration building on Tuesday.", "en") == ["Kherson"]


def test_a_governor_is_still_an_office_not_a_place() -> None:
    text = "Russian missiles hit Sloviansk overnight, the governor of Donetsk said."
    assert places(text, "en") == ["Sloviansk"]


def test_a_toll_over_the_last_three_days_is_a_summary_not_the_days_toll() -> None:
    text = ("Le truppe russe hanno bombardato Kherson ieri, uccidendo due civili. "
            "Secondo il ministero, le forze russe hanno ucciso oltre 700 soldati negli ultimi tre giorni.")
    [incident] = incidents(text, "it")
    assert incident.fatalities is not None and incident.fatalities.best == 2


def test_a_weapon_system_is_not_the_town_that_shares_its_name() -> None:
    text = "Five drones were shot down with a Pantsyr-S missile system over Belgorod, the ministry said."
    assert places(text, "en") == ["Belgorod"]


def test_nobody_hurt_beside_placeless_damage_is_a_toll_of_zero_for_the_attack() -> None:
    text = ("Russian drones attacked Belgorod overnight, the governor said.\n\n"
            "Several buildings sustained minor damage, but nobody was injured.")
    [incident] = incidents(text, "en")
    assert incident.fatalities is not None and incident.fatalities.best == 0
    assert incident.injured is not None and incident.injured.best == 0


def test_a_hotel_named_after_a_village_stands_in_the_town_the_text_names() -> None:
    text = "The Druzhba (Friendship) Hotel in the centre of Pokrovsk was hit by a Russian missile on Monday."
    assert places(text, "en") == ["Pokrovsk"]


def test_a_lead_read_as_a_brief_also_gets_the_toll_its_body_gives() -> None:
    text = ("Memphis police investigate overnight gunfire\n\n"
            "A shooting on Elm Street left residents shaken on Tuesday. Three people were wounded and "
            "one person died, police said. Officers have not named a suspect. The investigation continues.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Memphis"
    assert incident.fatalities is not None and incident.fatalities.best == 1
    assert incident.injured is not None and incident.injured.best == 3


def test_a_regions_toll_does_not_raise_the_toll_of_a_town_in_it() -> None:
    text = ("Un attacco missilistico russo sulla regione di Dnipropetrovsk ha ucciso 20 persone martedì. "
            "A Samar, martedì, due persone sono state uccise nell'attacco missilistico.")
    [incident] = incidents(text, "it")
    assert incident.place.place.name == "Samar"
    assert incident.fatalities is not None and incident.fatalities.best == 2


def test_a_state_that_qualifies_a_town_is_no_region_wide_toll() -> None:
    text = ("A gunman wounded five people in Mesa, Arizona, on Tuesday. "
            "Two women were wounded in Mesa on Tuesday, police said.")
    [incident] = incidents(text, "en")
    assert incident.injured is not None and incident.injured.best == 5


def test_a_surname_that_folds_onto_a_town_abroad_is_not_a_place_there() -> None:
    text = ("A man shot his girlfriend, Shantai Hale, in Houston, Texas, on Tuesday. "
            "Hale was killed at her home in Houston, police said.")
    assert all(d.place.place.country_code == "US" for d in incidents(text, "en"))


def test_a_county_resolved_to_a_namesake_in_another_state_is_not_a_place() -> None:
    text = ("A 3-year-old boy shot himself in Sunman, Indiana, on Sunday. He died from a single "
            "gunshot wound, the coroner said on Tuesday after the autopsy in Dearborn County.")
    assert {d.place.place.admin1 for d in incidents(text, "en")} == {"Indiana"}


def test_a_countys_sheriffs_office_is_who_speaks_not_where_the_shooting_was() -> None:
    text = ("A man was shot and killed in Spring, Texas, on Tuesday night. "
            "Deputies said the Harris County Sheriff's Office is investigating the shooting.")
    assert places(text, "en") == ["Spring"]
    text = ("Two people were shot in Pittsburgh on Monday. "
            "The suspect was booked into the Allegheny County Jail after the shooting.")
    assert places(text, "en") == ["Pittsburgh"]


def test_a_russian_report_of_a_strike_carries_its_toll() -> None:
    text = ("Ночью российские войска нанесли ракетный удар по Харькову. "
            "В результате удара погибли трое, ещё 15 получили ранения.")
    [incident] = incidents(text, "ru")
    assert incident.place.place.name == "Kharkiv"
    assert incident.fatalities is not None and incident.fatalities.best == 3
    assert incident.injured is not None and incident.injured.best == 15


def test_a_toll_in_a_paragraph_of_several_places_goes_to_the_one_incident_among_them() -> None:
    text = ("Un missile russo ha colpito Kherson ieri sera.\n\n"
            "Le schegge sono cadute vicino a Chornobaivka e a Kherson. "
            "Altre 15 persone risultano ferite.")
    [incident] = incidents(text, "it")
    assert incident.place.place.name == "Kherson"
    assert incident.injured is not None and incident.injured.best == 15


def test_a_photo_caption_dated_the_day_after_is_the_strike_it_shows() -> None:
    text = ("A Russian missile struck Kherson on Monday, June 3, killing two people.\n\n"
            "Damage at the site of a Russian missile attack in Kherson on Tuesday, June 4, 2024.")
    [incident] = incidents(text, "en")
    assert incident.date.start == date(2024, 6, 3)
    assert len(incident.sentences) == 2


def test_a_second_strike_the_next_day_is_not_a_caption() -> None:
    text = ("A Russian missile struck Kherson on Monday, June 3, killing two people.\n\n"
            "Another missile attack hit Kherson on Tuesday, June 4, injuring five.")
    assert sorted(d.date.start for d in incidents(text, "en")) == [date(2024, 6, 3), date(2024, 6, 4)]


def test_a_victim_dying_later_is_the_dated_shooting_not_a_new_incident() -> None:
    text = ("Manson shooting victim dies\n\n"
            "MANSON, Wash. - The victim of the shooting in Manson has died at a hospital, the sheriff said. "
            "Deputies found the woman with a gunshot wound at a home in Manson last Thursday.")
    [incident] = incidents(text, "en")
    assert incident.date.precision == "day"
    assert incident.fatalities is not None and incident.fatalities.best == 1


def test_repelled_attacks_towards_listed_towns_are_clashes_at_each() -> None:
    text = ("Le forze ucraine hanno respinto nelle ultime 24 ore 54 attacchi russi nelle direzioni "
            "di Bakhmut, Avdiivka e Marinka, nella regione di Donetsk.")
    drafts = incidents(text, "it")
    assert sorted(d.place.place.name for d in drafts) == ["Avdiivka", "Bakhmut", "Marinka"]
    assert {d.cue.sub_event_type for d in drafts} == {"Armed clash"}


def test_the_city_a_suburb_belongs_to_is_not_where_the_shooting_was() -> None:
    text = ("A gunman killed one person and wounded five others in Mesa, Ariz., on Wednesday in a "
            "rampage that ended with his arrest at an apartment in suburban Phoenix.")
    assert places(text, "en") == ["Mesa"]


def test_no_casualties_stated_without_a_place_holds_for_every_incident() -> None:
    text = ("Ukrainian drones struck air bases in Olenegorsk and Ivanovo on Sunday, the ministry said.\n\n"
            "No casualties were reported either among servicemen or civilians.")
    drafts = incidents(text, "en")
    assert len(drafts) == 2
    assert all(d.fatalities is not None and d.fatalities.best == 0 for d in drafts)


def test_no_casualties_in_the_sentence_that_lists_the_targets_holds_for_every_target() -> None:
    text = ("Ukrainian drones struck air bases in Olenegorsk and Ivanovo on Sunday; "
            "no casualties were reported, the ministry said.")
    drafts = incidents(text, "en")
    assert sorted(d.place.place.name for d in drafts) == ["Ivanovo", "Olenegorsk"]
    assert all(d.fatalities is not None and d.fatalities.best == 0 for d in drafts)


def test_an_arrest_in_connection_with_the_shooting_days_later_is_part_of_it() -> None:
    text = ("A teenage girl died after being shot Monday in a home in Memphis. "
            "Her family said she was a gifted student. Neighbours heard several shots.\n\n"
            "Police arrested a 17-year-old in Memphis on Wednesday in connection with the shooting.")
    [incident] = incidents(text, "en")
    assert incident.cue.sub_event_type in ("Attack", "Armed clash")
    assert incident.date.start == date(2024, 6, 3)


def test_a_day_named_inside_the_month_of_the_sentence_dates_the_event() -> None:
    text = ("Teen charged in accidental shooting\n\n"
            "FITCHBURG, Mass. -- A city teenager was arrested in late May in connection with a shooting "
            "that wounded a 16-year-old on Wednesday, May 22.\n\n"
            "He was charged on May 28 with assault and battery with a dangerous weapon. The victim was "
            "treated for a minor wound. Police said the rifle was recovered.")
    [incident] = incidents(text, "en")
    assert incident.place.place.name == "Fitchburg"
    assert (incident.date.start, incident.date.end) == (date(2024, 5, 22), date(2024, 5, 22))


def test_a_hospital_named_for_a_nationality_does_not_hide_the_city_the_body_names() -> None:
    text = ("Girl, 10, injured in shooting\n\n"
            "Police are investigating a shooting that injured two men and a 10-year-old girl. "
            "Police said she was taken to Norwegian American Hospital in fair condition.\n\n"
            "Her father is in serious condition.\n\n"
            "The family has lived on the West Side of Chicago for twenty years, neighbours said.")
    assert places(text, "en") == ["Chicago"]


def test_a_lead_the_lexicon_reads_no_event_in_takes_the_event_of_the_next_sentences() -> None:
    text = ("Father saves son from intruders in Lemon Grove, California\n\n"
            "A suspect remained at large early Wednesday, sheriff's officials said.\n\n"
            "Two men entered a house on Edding Drive shortly before 2 a.m. Tuesday and confronted the homeowner.\n\n"
            "One of the intruders shot the homeowner's son, and the father returned fire.\n\n"
            "The wounded suspect died at the scene.")
    assert places(text, "en") == ["Lemon Grove"]


def test_a_first_name_that_also_names_a_province_abroad_is_the_victim_not_the_province() -> None:
    text = ("Officer charged in death of retiree\n\n"
            "PUNTA GORDA, Fla. - A police officer in Punta Gorda shot Mary Knowlton with a live round "
            "during a training demonstration on Tuesday. Mary Knowlton, 73, died at a hospital in Fort Myers. "
            "The officer was placed on leave. Punta Gorda police said the round was meant to be a blank.")
    assert places(text, "en") == ["Punta Gorda"]


def test_a_person_named_in_full_once_is_a_person_by_first_name_alone_too() -> None:
    text = ("Boy, 1, killed in attempted robbery\n\n"
            "PORTSMOUTH, Va. - A one-year-old boy died after a shooting on Saturday night in Portsmouth, police said. "
            "Officers found 1-year-old Dion Lofton Jr. with a gunshot wound.\n\n"
            "His grandmother, who visited Warsaw last year, says Dion was shot through a bedroom door.\n\n"
            "Neighbours in Portsmouth said they heard several shots.")
    assert places(text, "en") == ["Portsmouth"]


def test_a_first_name_that_names_a_city_is_the_person_when_the_text_names_no_other_place() -> None:
    text = ("Teen arrested in shooting that injured 2 children\n\n"
            "Charlotte Manow stands with her children outside their home, where bullets struck her son "
            "on Tuesday night. A 17-year-old was arrested on Wednesday and charged with aggravated assault. "
            "The two children were treated for minor wounds.")
    assert "Charlotte" not in places(text, "en")


def test_a_city_named_like_a_first_name_stays_the_city_before_an_agency_word() -> None:
    text = ("Man killed in overnight shooting\n\n"
            "Charlotte police said a man was shot and killed on Tuesday night outside a convenience store. "
            "Officers found the victim with several gunshot wounds. No arrests have been made.")
    assert places(text, "en") == ["Charlotte"]


def test_a_lead_dated_by_the_day_of_mourning_is_the_strike_the_body_dates_the_day_before() -> None:
    text = ("Droni russi su un palazzo a Kherson: le ricerche sono finite\n\n"
            "Ieri, 4 giugno, la città ha osservato il lutto. "
            "Un attacco di droni ha colpito un palazzo a Kherson, uccidendo nove persone.\n\n"
            "Nella notte del 3 giugno i russi hanno lanciato droni contro un palazzo a Kherson, "
            "uccidendo sei persone.")
    [incident] = incidents(text, "it")
    assert incident.place.place.name == "Kherson"
    assert incident.date.start == date(2024, 6, 3)
    assert incident.fatalities is not None and incident.fatalities.best == 9


def test_a_strike_reported_today_and_another_dated_in_its_own_sentence_stay_two() -> None:
    text = ("Ieri un attacco missilistico ha colpito Kharkiv, uccidendo tre persone.\n\n"
            "Il 3 giugno un attacco missilistico aveva colpito Kharkiv, uccidendo una donna.")
    assert sorted(d.date.start for d in incidents(text, "it")) == [date(2024, 6, 3), date(2024, 6, 4)]


def test_a_brief_about_an_air_raid_alert_reports_no_drone_strike() -> None:
    text = "Air raid alert in Kyiv\n\nAn air raid alert was declared in Kyiv over the threat of attack drones."
    assert incidents(text, "en") == []


def test_a_brief_about_an_air_raid_alert_in_ukrainian_reports_no_drone_strike() -> None:
    text = "Тривога у Києві\n\nУ Києві оголошено повітряну тривогу через загрозу ударних БпЛА."
    assert incidents(text, "uk") == []


def test_an_arrest_for_a_shooting_made_in_another_town_is_no_incident_of_its_own() -> None:
    text = ("Seven people were wounded in a shooting in San Francisco early Sunday, police said. "
            "The gunfire broke out outside a nightclub shortly after 2 a.m. "
            "Officers arrested two men in Oakland on Sunday in connection with the shooting. "
            "Both are being held without bail.")
    assert places(text, "en") == ["San Francisco"]


def test_an_arrest_beside_no_shooting_stays_an_arrest() -> None:
    text = ("Police arrested two opposition leaders in Oakland on Sunday, charged with sedition. "
            "Their lawyers called the charges political. "
            "A hearing is set for Monday. "
            "Both are being held without bail.")
    assert "Arrests" in {d.cue.sub_event_type for d in incidents(text, "en")}


def test_a_brief_is_judged_by_its_strongest_reading_not_the_weak_cue_nearest_its_place() -> None:
    text = "An angry mob vandalized five shops and attacked property in Kenya on Monday, police said."
    [incident] = incidents(text, "en")
    assert incident.cue.sub_event_type == "Mob violence"


def test_an_event_dated_to_the_month_of_publication_is_news_and_an_earlier_month_history() -> None:
    this_month = "Police detained dozens of activists at a protest in Kharkiv in June, officials said."
    assert places(this_month, "en") == ["Kharkiv"]
    last_month = "Police detained dozens of activists at a protest in Kharkiv in May, officials said."
    assert places(last_month, "en") == []


def test_a_shooting_recalled_as_a_week_earlier_is_background() -> None:
    text = ("A 10-year-old girl was wounded in a shooting in Memphis on Thursday afternoon, police said. "
            "She was taken to a hospital in fair condition. "
            "A week earlier, a 6-year-old boy was shot in Nashville.")
    assert places(text, "en") == ["Memphis"]
