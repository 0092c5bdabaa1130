"""Fatality and injury figures in one sentence (services.core.casualties)."""

from difflib import SequenceMatcher

from services.core.casualties import Count, _offset_maps, find_casualties
from services.core.pattern_literals import required_literals as _required_literals


def _figure(count: Count | None) -> tuple[int | None, int | None, int | None] | None:
    return None if count is None else (count.best, count.low, count.high)


def test_una_donna_e_morta_is_one_fatality() -> None:
    sentence = "Nella città di Izium una donna è morta a causa di una granata."
    result = find_casualties(sentence, "it")
    assert result.fatalities is not None
    assert result.fatalities.best == 1
    assert sentence[result.fatalities.start:result.fatalities.end] == result.fatalities.text == "una donna è morta"
    assert result.injured is None


def test_number_words_are_read_for_killed_and_wounded() -> None:
    result = find_casualties("Two people were killed and seventeen others were wounded in the strike.", "en")
    assert _figure(result.fatalities) == (2, 2, 2)
    assert _figure(result.injured) == (17, 17, 17)


def test_italian_number_words_and_feriti() -> None:
    result = find_casualties("Sono morte tre persone e dodici sono rimaste ferite.", "it")
    assert _figure(result.fatalities) == (3, 3, 3)
    assert _figure(result.injured) == (12, 12, 12)


def test_at_least_gives_a_lower_bound_and_almost_an_upper_bound() -> None:
    assert _figure(find_casualties("At least 7 people died in the blast.", "en").fatalities) == (7, 7, None)
    assert _figure(find_casualties("Almost 40 people were killed.", "en").fatalities) == (40, None, 40)


def test_dozens_and_decine_are_ranges_without_a_best_figure() -> None:
    assert _figure(find_casualties("Dozens were wounded by the blast.", "en").injured) == (None, 24, 99)
    assert _figure(find_casualties("Decine di civili sono rimasti feriti.", "it").injured) == (None, 20, 99)


def test_killing_followed_by_a_figure() -> None:
    result = find_casualties("Warplanes pounded the village, killing 6 civilians, including 2 women.", "en")
    assert _figure(result.fatalities) == (6, 6, 6)


def test_thousands_separators_are_read_in_both_styles() -> None:
    assert find_casualties("Il bilancio è salito a 1.250 morti.", "it").fatalities.best == 1250  # type: ignore[union-attr]
    assert find_casualties("The death toll rose to 1,250.", "en").fatalities.best == 1250  # type: ignore[union-attr]


def test_a_man_was_shot_and_killed_is_one_fatality() -> None:
    result = find_casualties("A 23-year-old man was shot and killed outside a bar on Sunday.", "en")
    assert _figure(result.fatalities) == (1, 1, 1)


def test_no_one_was_hurt_is_zero_injured() -> None:
    assert _figure(find_casualties("No one else was hurt in the shooting.", "en").injured) == (0, 0, 0)
    assert _figure(find_casualties("Per fortuna non ci sono stati feriti.", "it").injured) == (0, 0, 0)


def test_a_named_death_and_nobody_else_hurt_keep_both_figures() -> None:
    result = find_casualties("A woman was killed and no one else was hurt.", "en")
    assert _figure(result.fatalities) == (1, 1, 1)
    assert _figure(result.injured) == (0, 0, 0)


def test_enemy_loss_claims_are_not_fatalities() -> None:
    sentence = "Nel corso dell'ultima giornata, 860 nemici sono stati eliminati, le perdite ammontano a 120.160 soldati."
    assert find_casualties(sentence, "it").fatalities is None
    assert find_casualties("Russian losses reached 120,160 soldiers.", "en").fatalities is None
    assert find_casualties("Ukraine said 300 enemy soldiers were killed.", "en").fatalities is None


def test_an_article_before_a_non_person_is_not_a_count() -> None:
    result = find_casualties("A car bomb killed three soldiers.", "en")
    assert _figure(result.fatalities) == (3, 3, 3)


def test_ages_and_years_are_not_casualty_figures() -> None:
    result = find_casualties("A 15-year-old boy was wounded in 2019 clashes.", "en")
    assert _figure(result.injured) == (1, 1, 1)
    assert result.fatalities is None


def test_a_sentence_without_casualties_has_none() -> None:
    result = find_casualties("Seven missiles were launched at the city.", "en")
    assert result.fatalities is None and result.injured is None


def test_no_one_was_killed_is_zero_and_not_one() -> None:
    result = find_casualties("Police said no one was killed but six people were injured.", "en")
    assert _figure(result.fatalities) == (0, 0, 0)
    assert _figure(result.injured) == (6, 6, 6)


def test_one_killed_after_a_comma_is_one_fatality() -> None:
    assert _figure(find_casualties("Two men shot, one killed.", "en").fatalities) == (1, 1, 1)


def test_secondo_meaning_according_to_is_not_the_number_two() -> None:
    result = find_casualties("I feriti sono 22 secondo il bilancio più recente.", "it")
    assert _figure(result.injured) == (22, 22, 22)
    assert result.injured is not None and result.injured.text == "I feriti sono 22"


def test_a_rising_toll_after_a_long_phrase_is_read() -> None:
    sentence = "The number of people killed in the rocket attack on the city on Monday night has risen to seven."
    assert _figure(find_casualties(sentence, "en").fatalities) == (7, 7, 7)


def test_people_shot_without_a_death_are_injured() -> None:
    result = find_casualties("Four people were shot outside a nightclub early Sunday.", "en")
    assert result.fatalities is None
    assert _figure(result.injured) == (4, 4, 4)


def test_shot_some_fatally_leaves_the_rest_injured() -> None:
    result = find_casualties("Six people were shot, two of whom have died.", "en")
    assert _figure(result.fatalities) == (2, 2, 2)
    assert _figure(result.injured) == (4, 4, 4)
    result = find_casualties("Five men were shot, three fatally, in a parked car.", "en")
    assert _figure(result.fatalities) == (3, 3, 3)
    assert _figure(result.injured) == (2, 2, 2)


def test_a_single_shot_fired_is_not_a_victim() -> None:
    assert find_casualties("Witnesses said one shot was fired into the car.", "en").injured is None
    assert find_casualties("Police shot down 15 drones overnight.", "en").injured is None


def test_enumerated_victims_are_added_up() -> None:
    assert _figure(find_casualties("Two women and a man were killed in the attack.", "en").fatalities) == (3, 3, 3)
    assert _figure(find_casualties("A 19-year-old man and a 20-year-old woman were wounded.", "en").injured) == (2, 2, 2)
    result = find_casualties("Nel crollo due bambini e tre adulti sono morti.", "it")
    assert _figure(result.fatalities) == (5, 5, 5)


def test_a_shooter_who_killed_himself_after_others_is_one_more_death() -> None:
    result = find_casualties("The gunman killed three people before turning the gun on himself.", "en")
    assert _figure(result.fatalities) == (4, 4, 4)


def test_an_accidental_self_shooting_is_one_death() -> None:
    result = find_casualties("A 15-year-old boy was killed after accidentally shooting himself.", "en")
    assert _figure(result.fatalities) == (1, 1, 1)


def test_a_child_by_age_who_died_is_one_fatality() -> None:
    assert _figure(find_casualties("3-year-old dies after finding a loaded gun at home", "en").fatalities) == (1, 1, 1)
    assert _figure(find_casualties("The teenager later died at the hospital.", "en").fatalities) == (1, 1, 1)


def test_sent_to_the_hospital_is_injured() -> None:
    result = find_casualties("The shooting sent three teens to the hospital.", "en")
    assert _figure(result.injured) == (3, 3, 3)


def test_figures_of_earlier_events_are_not_this_incidents() -> None:
    assert find_casualties("Last year, two men were killed on the same block.", "en").fatalities is None
    assert find_casualties("Three children have been shot in the past four days.", "en").injured is None


def test_a_number_after_of_is_not_a_toll() -> None:
    assert find_casualties("The father of 4 killed in the shooting was buried.", "en").fatalities is None
    assert _figure(find_casualties("One of the four was pronounced dead.", "en").fatalities) == (1, 1, 1)


def test_a_number_before_an_article_or_possessive_is_not_a_count() -> None:
    injured = find_casualties("She told NBC 6 the teen was shot in the leg.", "en").injured
    assert injured is not None and injured.best == 1  # the teen, not "6"
    dead = find_casualties("Police found the 911 caller's father dead.", "en").fatalities
    assert dead is None or dead.best == 1


def test_killing_and_wounding_others_in_italian() -> None:
    result = find_casualties("I missili hanno colpito il centro uccidendo tre civili e ferendone altri cinque.", "it")
    assert _figure(result.fatalities) == (3, 3, 3)
    assert _figure(result.injured) == (5, 5, 5)


def test_killed_one_and_injured_three_before_a_clause() -> None:
    result = find_casualties("The rampage killed one and injured three before police arrived.", "en")
    assert _figure(result.fatalities) == (1, 1, 1)
    assert _figure(result.injured) == (3, 3, 3)


def test_figures_in_number_words_keep_the_offsets_of_the_words() -> None:
    sentence = "Witnesses said two men were killed and three women were wounded near the market."
    result = find_casualties(sentence, "en")
    assert result.fatalities is not None and result.injured is not None
    assert sentence[result.fatalities.start:result.fatalities.end] == result.fatalities.text == "two men were killed"
    assert sentence[result.injured.start:result.injured.end] == result.injured.text == "three women were wounded"


def _full_alignment(original: str, converted: str) -> tuple[list[int], list[int]]:
    """Offsets aligned over the whole text with difflib, as they were before only the middle was."""
    starts = [0] * (len(converted) + 1)
    ends = [0] * (len(converted) + 1)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, original, converted, autojunk=False).get_opcodes():
        for j in range(j1, j2):
            starts[j] = i1 + (j - j1) if tag == "equal" else i1
            ends[j + 1] = i1 + (j + 1 - j1) if tag == "equal" else i2
    starts[len(converted)] = len(original)
    return starts, ends


def test_aligning_only_the_rewritten_middle_maps_offsets_like_the_whole_text() -> None:
    pairs = [
        ("Two people died and three were hurt.", "2 people died and 3 were hurt."),
        ("The third victim died on the way.", "The 3rd victim died on the way."),
        ("Ventidue persone sono morte.", "22 persone sono morte."),
        ("no change at all", "no change at all"),
        ("one", "1"),
        ("a two b", "a 2 b"),
        ("a b", "ab"),
        ("aa", "a"),
        ("", ""),
    ]
    for original, converted in pairs:
        assert _offset_maps(original, converted) == _full_alignment(original, converted), original


def test_required_literals_are_what_every_match_must_contain() -> None:
    assert _required_literals("(?:found )?shot to death") == frozenset({"found shot to death", "shot to death"})
    # a stretch of few spellings is spelt out
    assert _required_literals("(?:was|is) (?:killed|dead)") == frozenset(
        {"was killed", "was dead", "is killed", "is dead"})
    assert _required_literals(r"\w+") is None


def test_a_sentence_without_any_anchor_words_reports_nothing() -> None:
    result = find_casualties("The mayor opened the new bridge over the river on Monday.", "en")
    assert result.fatalities is None and result.injured is None


def test_a_victim_in_stable_condition_is_one_injured() -> None:
    found = find_casualties("A 12-year-old boy is in stable condition after the shooting.", "en")
    assert found.injured is not None and found.injured.best == 1
    assert found.fatalities is None


def test_shot_in_the_leg_is_one_injured() -> None:
    for sentence in ("The woman was shot in her right leg late Tuesday.",
                     "Police said the boy accidentally shot himself in the leg."):
        found = find_casualties(sentence, "en")
        assert found.injured is not None and found.injured.best == 1, sentence


def test_taken_away_with_non_life_threatening_injuries_is_one_injured() -> None:
    found = find_casualties("The victim was taken to MUSC with non-life threatening injuries.", "en")
    assert found.injured is not None and found.injured.best == 1


def test_an_age_after_a_name_is_not_a_toll() -> None:
    found = find_casualties("Demario Burnett, 21; and Jerry Coleman, 31 all died of gunshot wounds.", "en")
    assert found.fatalities is None or found.fatalities.best != 31


def test_the_injured_as_a_noun_is_no_count_but_more_after_a_number_is() -> None:
    assert find_casualties("He has been visiting the injured in the hospitals.", "en").injured is None
    found = find_casualties("The strike killed seven people and injured at least 77 more.", "en")
    assert found.injured is not None and found.injured.best == 77


def test_italian_past_historic_deaths_are_counted() -> None:
    found = find_casualties("In seguito all'attacco nemico morirono 12 persone, tra cui cinque bambini.", "it")
    assert found.fatalities is not None and found.fatalities.best == 12


def test_fatally_injured_is_a_death_not_an_injury() -> None:
    result = find_casualties("A 4-year-old boy was fatally injured when shots hit the family car on Sunday.", "en")
    assert _figure(result.fatalities) == (1, 1, 1)
    assert result.injured is None


def test_the_wounded_person_who_then_died_is_counted_once() -> None:
    sentence = "Deputies said the teenager who was injured in the shooting on Friday night has died."
    result = find_casualties(sentence, "en")
    assert _figure(result.fatalities) == (1, 1, 1)
    assert result.injured is None
    later = find_casualties("She was listed in critical condition at the hospital until she died on Monday.", "en")
    assert later.fatalities is not None and later.fatalities.best == 1
    assert later.injured is None


def test_a_person_critically_wounded_who_died_the_next_day_is_a_death() -> None:
    result = find_casualties("A 17-year-old who was critically wounded in a shooting on Elm Street died on Sunday.", "en")
    assert result.fatalities is not None and result.fatalities.best == 1
    assert result.injured is None


def test_one_of_the_wounded_dying_leaves_the_others_injured() -> None:
    result = find_casualties("Three people were injured and one of them later died at the hospital.", "en")
    assert _figure(result.fatalities) == (1, 1, 1)
    assert result.injured is not None and result.injured.best == 2


def test_a_wounded_victim_and_another_killed_are_both_counted() -> None:
    result = find_casualties("A man was wounded and a woman was killed in the shooting.", "en")
    assert _figure(result.fatalities) == (1, 1, 1)
    assert _figure(result.injured) == (1, 1, 1)


def test_what_could_have_killed_is_no_death() -> None:
    result = find_casualties("The surgeon said the bullet could have pierced her lung and killed her.", "en")
    assert result.fatalities is None


def test_no_one_has_been_seriously_hurt_is_zero() -> None:
    result = find_casualties("The mayor said windows were shattered but no one has been seriously hurt.", "en")
    assert _figure(result.injured) == (0, 0, 0)
    assert _figure(result.fatalities) == (0, 0, 0)


def test_a_citys_tally_of_many_shootings_is_no_incidents_toll() -> None:
    assert find_casualties("Three people were killed and 12 wounded in weekend shootings across the city.", "en") \
        == find_casualties("", "en")
    roundup = find_casualties("6 killed in overnight shootings in Detroit", "en")
    assert roundup.fatalities is None and roundup.injured is None


def test_a_toll_in_a_counted_number_of_shootings_is_still_read() -> None:
    result = find_casualties("Police said 3 people were hurt in two shootings on Main Street.", "en")
    assert result.injured is not None and result.injured.best == 3


def test_a_shooter_who_took_his_own_life_after_fatally_shooting_others() -> None:
    sentence = "The gunman used a shotgun to fatally shoot two neighbours and then take his own life, police said."
    result = find_casualties(sentence, "en")
    assert _figure(result.fatalities) == (3, 3, 3)


def test_the_anchor_prefilter_finds_what_searching_every_anchor_pattern_finds() -> None:
    from services.core.casualties import _rules
    from services.core.lexicon import fold_case

    anchors = _rules("en").anchors
    sentences = (
        "A 16-year-old girl died at the scene, police said.",
        "The 30-month-old toddler was killed when a stray bullet hit the house.",
        "Two men were wounded and one was killed in the shooting on Elm Street.",
        "The city council approved the budget for the new year on Monday.",
        "An old man said he heard shots.",
    )
    for sentence in sentences:
        folded = fold_case(sentence)
        every = {i for i, p in enumerate(anchors.patterns) if p.search(folded) is not None}
        assert anchors.present(folded) == every, sentence
    assert find_casualties("A 16-year-old girl died at the scene, police said.", "en").fatalities is not None


def test_a_subset_aside_does_not_replace_the_count_it_qualifies() -> None:
    hurt = find_casualties("42 people, including three children, were injured in the attack.", "en").injured
    assert hurt is not None and hurt.best == 42
    feriti = find_casualties("42 persone, tra cui tre bambini, sono rimaste ferite.", "it").injured
    assert feriti is not None and feriti.best == 42
    # an aside that counts the dead itself is still read
    shot = find_casualties("Five people were shot, including two men who were killed, police said.", "en")
    assert shot.fatalities is not None and shot.fatalities.best == 2


def test_russian_and_ukrainian_tolls_are_read_before_or_after_their_count() -> None:
    ru = find_casualties("В результате ракетного удара погибли 5 человек, ещё 12 получили ранения.", "ru")
    assert _figure(ru.fatalities) == (5, 5, 5) and _figure(ru.injured) == (12, 12, 12)
    uk = find_casualties("Щонайменше 7 людей загинули, 20 отримали поранення.", "uk")
    assert uk.fatalities is not None and uk.fatalities.low == 7
    assert _figure(uk.injured) == (20, 20, 20)


def test_russian_and_ukrainian_single_victims_and_denials() -> None:
    assert _figure(find_casualties("Беспилотник атаковал село, погиб один человек.", "ru").fatalities) == (1, 1, 1)
    assert _figure(find_casualties("Унаслідок обстрілу загинула жінка.", "uk").fatalities) == (1, 1, 1)
    assert _figure(find_casualties("По данным губернатора, пострадавших нет.", "ru").injured) == (0, 0, 0)
    assert _figure(find_casualties("Загинули двоє людей, 6 поранені.", "uk").fatalities) == (2, 2, 2)
    assert _figure(find_casualties("Погибли два человека.", "ru").fatalities) == (2, 2, 2)
    # a side's claim of enemy losses is no toll
    claim = find_casualties("Уничтожено до 100 военнослужащих ВСУ.", "ru")
    assert claim.fatalities is None and claim.injured is None


def test_french_and_spanish_tolls_are_read() -> None:
    fr = find_casualties("Au moins sept personnes ont été tuées et 24 blessées.", "fr")
    assert fr.fatalities is not None and fr.fatalities.low == 7
    assert _figure(fr.injured) == (24, 24, 24)
    assert _figure(find_casualties("42 personnes dont trois enfants ont été blessées.", "fr").injured) == (42, 42, 42)
    es = find_casualties("Al menos siete personas murieron y 20 resultaron heridas.", "es")
    assert es.fatalities is not None and es.fatalities.low == 7
    assert _figure(es.injured) == (20, 20, 20)
    # "a day after a missile attack killed 11": an earlier event's toll
    earlier = find_casualties("Atacan Járkov un día después de que un ataque con misiles matara a 11 personas.", "es")
    assert earlier.fatalities is None


def test_victims_named_with_an_of_phrase_are_counted() -> None:
    sentence = "Eighty-four residents of the apartment block, including 12 children, sustained injuries."
    assert _figure(find_casualties(sentence, "en").injured) == (84, 84, 84)
    assert _figure(find_casualties("Tre membri della stessa famiglia sono morti nell'incendio.", "it").fatalities) == (3, 3, 3)


def test_suffered_from_and_non_fatal_injuries_count_the_victims() -> None:
    hurt = find_casualties("Three people suffered from non-life-threatening gunshot wounds.", "en").injured
    assert _figure(hurt) == (3, 3, 3)
    sentence = "Police first said six people were shot, with four people having suffered non-fatal injuries."
    assert _figure(find_casualties(sentence, "en").injured) == (4, 4, 4)
    taken = find_casualties("The other three were taken to a hospital with minor injuries.", "en")
    assert _figure(taken.injured) == (3, 3, 3)


def test_a_dashed_aside_gives_the_dead_among_those_shot() -> None:
    result = find_casualties("Police say he shot five people — two fatally — outside a liquor store.", "en")
    assert _figure(result.fatalities) == (2, 2, 2)
    assert _figure(result.injured) == (3, 3, 3)


def test_a_headline_toll_that_rises_is_read() -> None:
    result = find_casualties("Death toll from missile strike on Dnipro apartment block rises to 23", "en")
    assert _figure(result.fatalities) == (23, 23, 23)


def test_a_headline_lone_victim_joins_the_counted_group() -> None:
    assert _figure(find_casualties("Woman, 2 sons shot outside Queens deli", "en").injured) == (3, 3, 3)
    assert _figure(find_casualties("Donna e due figli feriti a Napoli", "it").injured) == (3, 3, 3)


def test_two_victims_named_together_are_two() -> None:
    both = find_casualties("Both the driver and his passenger died at the scene, police said.", "en")
    assert _figure(both.fatalities) == (2, 2, 2)
    pair = find_casualties("He is accused of shooting four relatives, killing a mother and son.", "en")
    assert _figure(pair.fatalities) == (2, 2, 2)
    assert _figure(pair.injured) == (2, 2, 2)


def test_those_shot_who_then_died_are_dead_not_wounded() -> None:
    result = find_casualties("The two were shot several times on Friday and died at the scene.", "en")
    assert _figure(result.fatalities) == (2, 2, 2)
    assert result.injured is None


def test_a_count_of_those_shot_is_marked_as_everyone_hit() -> None:
    alone = find_casualties("Five people were shot on Sunday night.", "en").injured
    assert alone is not None and alone.best == 5 and alone.hit
    # with the dead in the same sentence the survivors are already known
    split = find_casualties("Five people were shot, two fatally.", "en").injured
    assert split is not None and split.best == 3 and not split.hit


def test_a_wounded_victim_already_named_is_marked() -> None:
    assert find_casualties("He said the boy was shot in the arm.", "en").injured.named  # type: ignore[union-attr]
    assert find_casualties("Marcus was hurt and called 911.", "en").injured.named  # type: ignore[union-attr]
    for sentence in ("A man was wounded in the shooting.", "Another man was wounded.", "His brother was wounded."):
        hurt = find_casualties(sentence, "en").injured
        assert hurt is not None and hurt.best == 1 and not hurt.named


def test_a_title_case_headline_toll_is_no_age_after_a_name() -> None:
    result = find_casualties("3 Killed, 5 Wounded in Overnight Shooting", "en")
    assert _figure(result.fatalities) == (3, 3, 3)
    assert _figure(result.injured) == (5, 5, 5)


def test_more_people_shot_beside_the_dead_are_all_wounded() -> None:
    result = find_casualties("Two people were killed and six more people shot, police said.", "en")
    assert _figure(result.fatalities) == (2, 2, 2)
    assert _figure(result.injured) == (6, 6, 6)


def test_an_ordinal_victim_tells_a_running_toll_of_at_least_that_many_dead() -> None:
    sentence = "La septième victime, un homme de 60 ans, a été retrouvée sous les gravats samedi."
    result = find_casualties(sentence, "fr")
    assert _figure(result.fatalities) == (7, 7, None)
    assert result.fatalities is not None and result.fatalities.text == "La septième victime"
    assert _figure(find_casualties("Nel pomeriggio è morta la quinta vittima del crollo.", "it").fatalities) == (5, 5, None)
    assert _figure(find_casualties("Hospital officials confirmed the sixth death on Monday.", "en").fatalities) == (6, 6, None)
    assert _figure(find_casualties("La cuarta víctima murió en el hospital.", "es").fatalities) == (4, 4, None)


def test_an_ordinal_victim_is_no_toll_among_the_wounded_or_across_incidents() -> None:
    # English "victim" counts those hit: the fourth one may well have survived
    assert find_casualties("The fourth victim walked into a hospital hours later.", "en").fatalities is None
    # beside wounds, the ordinal victim may be one of the wounded
    assert find_casualties("La troisième victime, blessée par balle, a été hospitalisée.", "fr").fatalities is None
    # a tally over a period is no incident's toll
    assert find_casualties("Era la terza vittima in una settimana sulla statale.", "it").fatalities is None
    assert find_casualties("It was the third death this year at the crossing.", "en").fatalities is None
    # the first dead named is no count of the others
    assert find_casualties("La première victime est un chauffeur de taxi.", "fr").fatalities is None


def test_a_higher_figure_in_the_sentence_is_kept_over_an_ordinal_victim() -> None:
    result = find_casualties("Dodici persone sono morte: la terza vittima è stata identificata.", "it")
    assert _figure(result.fatalities) == (12, 12, 12)


def test_a_toll_dated_to_a_season_of_another_year_is_background() -> None:
    assert find_casualties("In the spring of 2019, a gunman killed four people at a bar nearby.", "en").fatalities is None
    # the same toll without the season's year is this incident's
    assert _figure(find_casualties("A gunman killed four people at a bar nearby.", "en").fatalities) == (4, 4, 4)


def test_a_night_counted_in_several_shootings_is_a_roundup() -> None:
    tally = find_casualties("The weekend saw 11 shootings, including the 3 deaths.", "en")
    assert tally.fatalities is None and tally.injured is None
    series = find_casualties("Four men are dead after a series of overnight shooting's in the city.", "en")
    assert series.fatalities is None
    # two shootings may be one incident told twice: its toll stays
    pair = find_casualties("Two shootings that wounded a 9-year-old boy were linked by police.", "en")
    assert _figure(pair.injured) == (1, 1, 1)


def test_a_denial_in_capitals_still_voids_the_figure_inside_it() -> None:
    result = find_casualties("NO ONE WAS INJURED in the blast, officials said.", "en")
    assert _figure(result.injured) == (0, 0, 0)


def test_a_toll_told_with_a_number_word_is_read_after_the_words_are_converted() -> None:
    result = find_casualties("Three people were killed and a dozen were wounded in the attack.", "en")
    assert _figure(result.fatalities) == (3, 3, 3)
    assert _figure(result.injured) == (12, 12, 12)


def test_a_singular_victim_is_read_only_where_its_words_are() -> None:
    assert _figure(find_casualties("A woman was killed when a shell hit her house.", "en").fatalities) == (1, 1, 1)
    assert find_casualties("A woman was seen near the house.", "en") == find_casualties("Nothing happened.", "en")


def test_a_number_glued_to_a_name_by_a_hyphen_is_no_count() -> None:
    found = find_casualties("Dispatch told ABC-7 one person was taken to a hospital with serious injuries.", "en")
    assert found.injured is not None and found.injured.best == 1
    hit = find_casualties("Russian Kh-101 missiles struck the city; 3 people were wounded.", "en")
    assert hit.injured is not None and hit.injured.best == 3
