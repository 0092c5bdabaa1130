"""Event typing of single sentences and short snippets (services.core.events)."""

from services.core.events import classify_sentence, classify_text, find_weapons


def _best(sentence: str, language: str = "en") -> str | None:
    cue = classify_text(sentence, language)
    return cue.sub_event_type if cue else None


def test_artillery_shelling_of_towns_is_a_shelling_attack_with_its_weapons() -> None:
    cue = classify_text(
        "Ieri gli occupanti hanno bombardato Izium e Balakliia con artiglieria, carri armati e mortai.", "it"
    )
    assert cue is not None
    assert cue.event_type == "Explosions/Remote violence"
    assert cue.sub_event_type == "Shelling/artillery/missile attack"
    assert set(cue.weapons) >= {"artillery", "tank", "mortar"}
    assert not cue.negated_or_hypothetical


def test_missile_attacks_are_shelling_but_attacks_by_drones_are_air_strikes() -> None:
    assert _best("L'esercito russo ha lanciato tre attacchi missilistici su Zaporizhzhia.", "it") == (
        "Shelling/artillery/missile attack"
    )
    assert _best("A drone attack hit an apartment block in Odesa overnight.") == "Air/drone strike"


def test_warplanes_pounding_a_village_is_an_air_strike_that_targets_civilians() -> None:
    cue = classify_text("Warplanes pounded the village, killing four civilians in their homes.", "en")
    assert cue is not None and cue.sub_event_type == "Air/drone strike"
    assert cue.civilian_targeting
    assert "aircraft" in cue.weapons


def test_repelled_attacks_are_an_armed_clash() -> None:
    assert _best("Le forze di difesa ucraine hanno respinto gli attacchi nemici vicino a Avdiivka.", "it") == (
        "Armed clash"
    )


def test_liberated_village_by_the_army_is_government_regaining_territory() -> None:
    assert _best("The army liberated the village of Klishchiivka after weeks of fighting.") == (
        "Government regains territory"
    )


def test_militants_seizing_a_town_is_a_non_state_actor_overtaking_territory() -> None:
    assert _best("Islamist militants seized the town of Mora after the garrison fled.") == (
        "Non-state actor overtakes territory"
    )


def test_gunmen_opening_fire_on_villagers_is_violence_against_civilians() -> None:
    cue = classify_text("Gunmen opened fire on villagers at a market, killing five.", "en")
    assert cue is not None
    assert (cue.event_type, cue.sub_event_type) == ("Violence against civilians", "Attack")
    assert cue.civilian_targeting


def test_kidnapping_is_an_abduction() -> None:
    assert _best("Un giornalista è stato rapito da uomini armati a Goma.", "it") == (
        "Abduction/forced disappearance"
    )


def test_police_arresting_suspects_is_an_arrest() -> None:
    assert _best("Police arrested three suspects in the port city on Monday.") == "Arrests"


def test_protest_types_depend_on_what_the_police_and_the_crowd_did() -> None:
    assert _best("Thousands of people marched peacefully in a protest against fuel prices.") == "Peaceful protest"
    assert _best("Police fired tear gas to disperse the protesters outside parliament.") == (
        "Protest with intervention"
    )
    assert _best("Security forces opened fire on demonstrators, killing two of them.") == (
        "Excessive force against protesters"
    )
    assert _best("Protesters threw stones at police and set cars on fire.") == "Violent demonstration"


def test_interceptions_and_seized_weapons_are_disrupted_weapons_use() -> None:
    assert _best("La difesa aerea ha abbattuto 12 droni nella notte.", "it") == "Disrupted weapons use"
    assert _best("Soldiers discovered a cache of rifles and grenades in an abandoned house.") == (
        "Disrupted weapons use"
    )


def test_specific_explosive_types_win_over_a_generic_explosion() -> None:
    assert _best("A suicide bomber blew himself up at a checkpoint.") == "Suicide bomb"
    assert _best("Two soldiers were wounded when a roadside bomb exploded near their patrol.") == (
        "Remote explosive/landmine/IED"
    )
    assert _best("Attackers threw a grenade into a crowded bar.") == "Grenade"
    assert _best("Residents were treated after a chlorine gas attack.") == "Chemical weapon"


def test_arms_deliveries_are_strategic_developments_other() -> None:
    cue = classify_text("Il treno trasportava un carico di armi consegnate dalla Corea del Nord.", "it")
    assert cue is not None
    assert (cue.event_type, cue.sub_event_type) == ("Strategic developments", "Other")


def test_threats_and_conditionals_are_marked_negated_or_hypothetical() -> None:
    threatened = classify_sentence("The commander threatened to shell the city again.", "en")
    assert threatened and all(c.negated_or_hypothetical for c in threatened)
    could = classify_sentence("Mosca potrebbe lanciare nuovi attacchi missilistici.", "it")
    assert could and could[0].negated_or_hypothetical
    reported = classify_sentence("Russian forces shelled Kherson overnight.", "en")
    assert reported and not reported[0].negated_or_hypothetical


def test_an_attempt_to_take_a_town_is_not_its_capture() -> None:
    attempt = classify_sentence("Le truppe russe hanno cercato più volte di conquistare Mykolaiv.", "it")
    assert attempt and all(c.negated_or_hypothetical for c in attempt)
    tried = classify_sentence("Militants tried to take control of the town.", "en")
    assert tried and all(c.negated_or_hypothetical for c in tried)
    captured = classify_sentence("Militants took control of the town on Monday.", "en")
    assert captured and not captured[0].negated_or_hypothetical


def test_a_capture_the_sentence_goes_on_to_deny_is_a_claim_not_a_change_of_control() -> None:
    denied = classify_sentence(
        "Mosca ha annunciato la conquista di Avdiivka, ma la notizia è stata smentita da Kiev.", "it")
    territory = [c for c in denied if "territory" in c.sub_event_type]
    assert territory and all(c.negated_or_hypothetical for c in territory)
    refuted = classify_sentence("Russia said its troops captured the village, a claim Kyiv denied.", "en")
    assert [c for c in refuted if "territory" in c.sub_event_type][0].negated_or_hypothetical
    # a strike whose authorship is denied still happened
    strike = classify_sentence("A missile struck the market in Kherson; Moscow denied responsibility.", "en")
    assert strike and not strike[0].negated_or_hypothetical
    claimed = classify_sentence("Il ministero russo ha annunciato la conquista di Avdiivka.", "it")
    assert claimed and not claimed[0].negated_or_hypothetical


def test_a_town_under_attack_by_forces_is_a_clash_not_a_bare_mention_of_an_attack() -> None:
    assert _best("Sotto attacco delle forze russe anche la roccaforte di Vuhledar.", "it") == "Armed clash"
    assert _best("The village came under attack by Russian forces overnight.", "en") == "Armed clash"
    bare = classify_sentence("L'attacco è stato condannato dal governo.", "it")
    assert all(c.score < 0.6 for c in bare)


def test_italian_bombs_in_the_plural_are_bombardment_not_a_planted_device() -> None:
    assert classify_sentence("Ancora bombe contro le città ucraine.", "it") == []
    assert _best("Una bomba è esplosa davanti alla caserma.", "it") == "Remote explosive/landmine/IED"
    assert find_weapons("Le bombe plananti russe hanno colpito Kharkiv.", "it") == ("aircraft",)


def test_guided_bombs_are_dropped_from_aircraft_and_a_state_bombing_is_a_strike() -> None:
    assert _best("A Russian guided bomb attack on Kharkiv hit a residential building.") == "Air/drone strike"
    assert find_weapons("Glide bombs hit Kharkiv overnight.", "en") == ("aircraft",)
    assert _best("Another Russian bombing killed two civilians in the village.") == "Shelling/artillery/missile attack"
    assert _best("A bomb exploded outside the police station.") == "Remote explosive/landmine/IED"


def test_history_is_marked_so_callers_can_drop_it() -> None:
    cues = classify_sentence("In 2014 separatists captured the town of Sloviansk.", "en")
    assert cues and cues[0].negated_or_hypothetical


def test_cue_offsets_point_at_the_trigger_words() -> None:
    sentence = "Overnight, Russian forces shelled the centre of Nikopol."
    cue = classify_sentence(sentence, "en")[0]
    assert sentence[cue.start:cue.end] == cue.trigger == "shelled"


def test_sentences_without_violence_give_no_cue() -> None:
    assert classify_sentence("The weather in Milan was mild and sunny.", "en") == []
    assert classify_text("Il consiglio comunale ha approvato il bilancio.", "it") is None


def test_weapons_map_to_the_fixed_vocabulary() -> None:
    weapons = find_weapons("Shahed drones and Iskander missiles struck the port; a sniper shot a soldier.", "en")
    assert {"drone", "missile", "small_arms"} <= set(weapons)


def test_unsupported_language_falls_back_to_english_rules() -> None:
    assert _best("Airstrikes hit the outskirts of the city.", "pt") == "Air/drone strike"


def test_basic_coverage_for_ukrainian_and_french() -> None:
    assert _best("Росіяни обстріляли Херсон з артилерії.", "uk") == "Shelling/artillery/missile attack"
    assert _best("Des frappes aériennes ont touché la ville.", "fr") == "Air/drone strike"


_GATED_SENTENCES = (
    "Russian artillery and mortars shelled the town, and a drone dropped a grenade.",
    "Cluster munitions and Grad rockets hit the village; a landmine exploded later.",
    "AIR STRIKES and an Air Strike: kamikaze drone strikes hit the shelled town.",
    "The mayor said the town was calm.",
)


def test_weapons_read_from_the_classes_a_sentence_may_name_match_a_union_of_every_class() -> None:
    import re

    from services.core.events import _rules, _weapon_spans
    from services.core.lexicon import fold_case

    rules = _rules("en")
    every = re.compile(
        r"(?<!\w)(?:" + "|".join(f"(?P<{name}>{body})(?!\\w)" for name, body in rules.weapon_bodies) + ")"
    )
    for sentence in _GATED_SENTENCES:
        folded = fold_case(sentence)
        union = [(m.lastgroup, m.start(), m.end()) for m in every.finditer(folded)]
        assert _weapon_spans(folded, "en", rules.gate.possible(folded)) == union


def test_triggers_read_from_the_gate_match_every_trigger_tried_at_every_offset() -> None:
    from services.core.events import _Match, _outermost, _rules, _trigger_matches
    from services.core.lexicon import fold_case

    rules = _rules("en")
    for sentence in _GATED_SENTENCES:
        folded = fold_case(sentence)
        tried = [
            _Match(t.sub_event_type, t.default, t.score, t.toll, start, m.end())
            for start in range(len(folded)) for t in rules.triggers
            if (m := t.pattern.match(folded, start)) is not None
        ]
        assert _trigger_matches(folded, rules, rules.gate.possible(folded)) == _outermost(tried)


def test_a_sentence_without_any_trigger_literal_passes_no_gate() -> None:
    from services.core.events import _rules
    from services.core.lexicon import fold_case

    possible = _rules("en").gate.possible(fold_case("The mayor said the weather was mild on Monday."))
    assert not any(source in possible for source in _rules("en").trigger_index)


def test_callers_get_a_list_of_their_own_though_readings_are_reused() -> None:
    sentence = "Russian artillery shelled the town overnight."
    first = classify_sentence(sentence, "en")
    first.clear()
    assert classify_sentence(sentence, "en")


def test_rebels_retaking_a_town_after_clashes_overtake_territory_rather_than_the_government() -> None:
    cues = classify_sentence("Houthi rebels retook the town after heavy clashes with government forces.", "en")
    assert cues[0].sub_event_type == "Non-state actor overtakes territory"


def test_an_army_retaking_a_town_after_clashes_regains_territory() -> None:
    cues = classify_sentence("The army retook the town after heavy clashes with the rebels.", "en")
    assert cues[0].sub_event_type == "Government regains territory"


def test_fighting_a_city_was_spared_is_negated() -> None:
    [cue] = classify_sentence("La città è stata in gran parte risparmiata dai combattimenti.", "it")
    assert cue.negated_or_hypothetical


def test_a_sentence_recalling_the_past_makes_every_cue_in_it_historical() -> None:
    cues = classify_sentence("Two years ago, drones struck the port and shelling killed five people.", "en")
    assert len(cues) >= 2
    assert all(c.negated_or_hypothetical for c in cues)


def test_a_negation_before_one_trigger_leaves_the_other_triggers_of_the_sentence_factual() -> None:
    cues = classify_sentence("The army did not shell the town; drones struck the depot on Monday.", "en")
    by_type = {c.sub_event_type: c for c in cues}
    assert by_type["Air/drone strike"].negated_or_hypothetical is False
    assert by_type["Shelling/artillery/missile attack"].negated_or_hypothetical is True


def test_a_truce_merely_named_is_weak_evidence_of_an_agreement_but_a_signing_is_strong() -> None:
    [named] = classify_sentence("Si parla di una tregua di trenta giorni nella regione di Kursk.", "it")
    assert named.sub_event_type == "Agreement" and named.score < 0.45
    [signed] = classify_sentence("Le parti hanno firmato un accordo di cessate il fuoco a Doha.", "it")
    assert signed.sub_event_type == "Agreement" and signed.score > 0.8


def test_a_proposed_ceasefire_is_hypothetical() -> None:
    [cue] = classify_sentence("Dopo la proposta di cessate il fuoco avanzata da Washington, i colloqui sono ripresi.", "it")
    assert cue.negated_or_hypothetical


def test_a_drone_dropping_a_bomb_is_an_air_strike() -> None:
    cues = classify_sentence("Nella notte un velivolo senza pilota ha rilasciato un ordigno su un impianto.", "it")
    assert cues[0].sub_event_type == "Air/drone strike" and "drone" in cues[0].weapons
    cues = classify_sentence("A drone dropped an explosive device on a substation overnight.", "en")
    assert cues[0].sub_event_type == "Air/drone strike"


def _types(sentence: str, language: str = "en") -> list[str]:
    return [c.sub_event_type for c in classify_sentence(sentence, language) if not c.negated_or_hypothetical]


def test_a_year_named_in_a_later_clause_does_not_make_the_strike_history() -> None:
    sentence = ("A drone strike killed four soldiers near the border on Friday, "
                "the heaviest loss since the army deployed there in 2019.")
    assert _best(sentence) == "Air/drone strike"
    assert not classify_text(sentence, "en").negated_or_hypothetical  # type: ignore[union-attr]


def test_a_year_in_the_strikes_own_clause_still_makes_it_history() -> None:
    assert _types("Rebels shelled the town in 2016.") == []
    assert _types("In 2016, rebels shelled the town.") == []


def test_a_first_time_since_a_year_recalls_no_event() -> None:
    assert _best("Army units seized control of the main highway on Tuesday for the first time since 2012.") \
        == "Government regains territory"


def test_a_protest_on_an_anniversary_is_todays_but_the_remembered_massacre_is_not() -> None:
    assert _types("Hundreds of students protested on the anniversary of the massacre.") == ["Peaceful protest"]


def test_the_subject_of_the_capture_decides_who_took_the_town() -> None:
    assert _best("An army spokesman said that rebels have taken over four localities.") \
        == "Non-state actor overtakes territory"
    assert _best("Government troops pushed into the district, clashing with insurgents and "
                 "capturing a strategic village.") == "Government regains territory"


def test_a_capture_beside_a_bombardment_is_the_capture() -> None:
    assert _best("Government forces recovered control of two villages after heavy artillery bombardment.") \
        == "Government regains territory"


def test_a_place_taken_after_the_defenders_withdrew_is_a_non_violent_transfer() -> None:
    assert _best("The militants seized the village following the withdrawal of army units.") \
        == "Non-violent transfer of territory"
    # fighting named beside the withdrawal: the capture stands
    assert _best("The militants seized the village after fierce clashes and the withdrawal of army units.") \
        == "Non-state actor overtakes territory"


def test_a_killing_verb_beside_an_explicit_bombing_is_its_toll_not_another_event() -> None:
    assert _types("Another Russian bombing killed two civilians in the village.")[0] \
        == "Shelling/artillery/missile attack"
    assert "Attack" not in _types("Due persone sono state uccise da un bombardamento russo sul villaggio.", "it")
    # alone, the killing is the event
    assert _types("Due civili sono stati uccisi nel villaggio.", "it") == ["Attack"]


def test_a_liberation_army_is_a_name_not_a_liberation() -> None:
    assert _best("Security forces killed 20 fighters of the National Liberation Army.") == "Armed clash"


def test_riot_police_at_a_protest_is_an_intervention_not_a_riot() -> None:
    assert _best("Riot police dispersed the protesters outside parliament.") == "Protest with intervention"


def test_a_non_violent_protest_crushed_by_force_is_excessive_force() -> None:
    assert _best("Security forces launched a crackdown on non-violent protesters in the capital.") \
        == "Excessive force against protesters"


def test_anti_aircraft_guns_are_not_an_air_strike() -> None:
    assert _best("Militants attacked army positions using anti-aircraft guns and mortar fire.") \
        == "Shelling/artillery/missile attack"


def test_an_intercepted_person_is_no_disrupted_weapon() -> None:
    assert _best("Soldiers intercepted him at a checkpoint and abducted him.") == "Abduction/forced disappearance"


def test_a_found_weapons_stash_is_disrupted_weapons_use() -> None:
    assert _best("Police stand before a stash of rockets left behind by the militants.") == "Disrupted weapons use"


def test_mass_graves_are_other_not_the_old_massacre() -> None:
    assert _best("Investigators said the mass graves hold victims massacred by the militants.") == "Other"


def test_barracks_set_up_are_a_base_and_observation_posts_named_are_not() -> None:
    assert _best("The army has established a number of barracks near the border.") \
        == "Headquarters or base established"
    assert _best("The army continues to deploy reinforcements to its observation points.") \
        == "Change to group/activity"


def test_a_human_chain_broken_up_by_police_is_a_protest_with_intervention() -> None:
    assert _best("Police baton charged a human chain of students and arrested ten of them.") \
        == "Protest with intervention"


def test_an_air_strike_the_forces_are_ready_to_counter_is_no_strike() -> None:
    assert "Air/drone strike" not in _types("Air defence units are ready to counter an airstrike by a mock enemy.")


def test_anti_aircraft_guns_and_water_cannon_are_no_aircraft_or_artillery() -> None:
    assert _best("Militants attacked government troops outside the town using anti-aircraft guns and mortars.") \
        == "Shelling/artillery/missile attack"
    assert "artillery" not in find_weapons("Police fired tear gas and water cannon at the crowd.", "en")


def test_protesters_blocking_roads_or_building_barricades_is_a_violent_demonstration() -> None:
    assert _best("Hundreds of protesters blocked the main road into the city for a second day.") \
        == "Violent demonstration"
    assert _best("Demonstrators set up burning barricades outside the ministry.") == "Violent demonstration"
    assert _best("Protesters marched peacefully while police blocked the roads around parliament.") \
        != "Violent demonstration"


def test_defection_is_a_change_to_the_group_even_when_an_amnesty_follows() -> None:
    assert _best("Dozens of fighters defected to the army and were granted an amnesty.") \
        == "Change to group/activity"


def test_mass_flight_or_return_is_other_whatever_violence_caused_it() -> None:
    assert _best("Some 4,000 people have fled their villages because of repeated militant attacks.") == "Other"
    assert _best("Thousands of civilians are fleeing the city after it was recaptured by the army.") == "Other"
    assert _best("Residents returned to the town after rebels seized it last month.") == "Other"
    assert _best("Two suspects fled after the shooting on Main Street.") != "Other"


def test_the_event_a_strike_retaliates_for_is_no_event_of_this_report() -> None:
    assert "Chemical weapon" not in _types(
        "Jets launched air strikes on the camps in retaliation for a chlorine attack on the town.")
    assert _best("Jets bombed three chemical weapons facilities overnight.") == "Air/drone strike"


def test_what_a_protest_is_about_is_no_event_of_its_own() -> None:
    assert _best("Hundreds of protesters rallied over the detention of a popular journalist.") == "Peaceful protest"
    assert _best("Students protested, demanding the release of activists detained and an end to excessive force.") \
        == "Peaceful protest"
    assert _best("Protesters demanded that the minister resign as police fired tear gas to disperse them.") \
        == "Protest with intervention"


def test_shell_casings_and_the_firearms_and_explosives_bureau_name_no_attack() -> None:
    assert classify_sentence("Investigators found several spent shell casings near the corner.", "en") == []
    assert classify_sentence(
        "Agents of the Bureau of Alcohol, Tobacco, Firearms and Explosives joined the police.", "en") == []
    assert _best("Rebels shelled the town overnight.") == "Shelling/artillery/missile attack"


def test_an_attack_dated_days_ago_recalls_only_its_own_clause() -> None:
    sentence = ("Dopo il massiccio attacco di due giorni fa con missili e droni sulle centrali elettriche, "
                "stanotte l'artiglieria russa ha bombardato la città di Kherson.")
    assert _types(sentence, "it") == ["Shelling/artillery/missile attack"]
    assert _types("Drones hit the depot three days ago, and overnight artillery shelled the town.") \
        == ["Shelling/artillery/missile attack"]


def test_fighting_for_ones_life_or_a_deportation_is_no_battle() -> None:
    assert "Armed clash" not in _types("The boy was still fighting for his life in hospital on Monday.")
    assert _best("Hundreds rallied over the arrest of an activist who has been fighting deportation.") \
        == "Peaceful protest"
    assert _best("Heavy fighting broke out near the town overnight.") == "Armed clash"


def test_a_grievance_seen_as_excessive_force_is_still_what_the_protest_is_about() -> None:
    assert _best("Students marched against the arrest of their dean and an end to what they see as "
                 "excessive force by police.") == "Peaceful protest"


def test_checkpoints_or_parts_of_a_town_overrun_in_an_attack_are_a_clash_not_a_takeover() -> None:
    assert _best("Militants attacked and overran several police checkpoints, killing four officers.") \
        == "Armed clash"
    assert _best("After fierce clashes the insurgents captured parts of the city at dawn.") == "Armed clash"
    assert _best("Rebel fighters captured the town after fierce clashes with the army.") \
        == "Non-state actor overtakes territory"


def test_a_protest_that_turns_violent_or_ends_in_a_clash_is_a_violent_demonstration() -> None:
    assert _best("Protests outside the summit turned very violent on Saturday.") == "Violent demonstration"
    assert _best("Police fired tear gas to disperse student protesters during a clash outside parliament.") \
        == "Violent demonstration"


def test_fighters_attacking_a_military_camp_is_an_armed_clash() -> None:
    assert _best("Insurgents attacked a military camp outside the town overnight, officials said.") == "Armed clash"


def test_police_dispatched_to_a_home_is_no_troop_movement() -> None:
    assert "Change to group/activity" not in _types("Deputies were dispatched to the home shortly after 9 p.m.")
    assert _best("The army has dispatched hundreds of troops to the border region.") == "Change to group/activity"


def test_forces_taking_people_away_is_an_abduction() -> None:
    assert _best("Security forces have taken at least six people, including a teenager, from their homes.") \
        == "Abduction/forced disappearance"
    assert "Abduction/forced disappearance" not in _types("Paramedics took two people to the hospital.")


def test_a_mug_shot_or_a_holiday_shot_is_no_shooting() -> None:
    assert classify_sentence("Police released his mug shot on Friday.", "en") == []
    assert classify_sentence("The square is the perfect backdrop for a family holiday shot.", "en") == []
    assert find_weapons("A man was shot outside the bar.", "en") == ("small_arms",)


def test_a_suspect_surrendering_to_police_is_no_agreement() -> None:
    assert "Agreement" not in _types("The two suspects surrendered Monday at the city police department.")
    assert "Agreement" not in _types("He surrendered to authorities late on Wednesday.")
    assert _best("Dozens of rebel fighters surrendered to the army with their weapons.") == "Agreement"
