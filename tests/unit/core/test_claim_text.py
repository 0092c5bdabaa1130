"""Behaviour of claim text helpers: quotations, claim types, quantities and channels."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from services.core.claim_text import (
    _caseless_beyond_ascii,
    _names_a_unit,
    _plain_type_starts,
    _trie_alternation,
    _type_starts,
    classify,
    cue_finditer,
    cue_finditer_at,
    cue_matches,
    cue_matches_at,
    cue_patterns,
    extract_quantities,
    find_channels,
    find_quotes,
    folds_plainly,
    opener_cue,
    opener_starts,
    openers_within,
    type_lexicon,
)

LEXICONS = Path(__file__).resolve().parents[3] / "services" / "core" / "data" / "lexicons"


def test_a_quotation_may_span_sentences_but_not_title_and_body() -> None:
    title = 'Il sindaco: "Resistiamo…'
    body = 'Il sindaco ha detto: "Nessuno ci piegherà. Ricostruiremo tutto". Poi è ripartito.'
    text = title + "\n\n" + body
    quotes = find_quotes(text, len(title))
    assert [text[q.open + 1 : q.close] for q in quotes] == [
        "Nessuno ci piegherà. Ricostruiremo tutto"
    ]


def test_an_unclosed_quote_ends_before_a_dash_attribution() -> None:
    text = "“Sappiamo di 52 feriti. Case distrutte ovunque, – ha commentato il sindaco."
    quote = find_quotes(text)[0]
    assert (
        text[quote.open + 1 : quote.close]
        == "Sappiamo di 52 feriti. Case distrutte ovunque"
    )


def test_italian_thousands_separator_and_since_context_give_a_loss_quantity() -> None:
    quantities = extract_quantities(
        "le perdite totali dal 24 febbraio ammontano a 120.160 soldati", "it"
    )
    assert quantities[0].value == 120160
    assert quantities[0].unit == "soldiers"
    assert quantities[0].of == "losses since 24 febbraio"


def test_number_words_become_quantities() -> None:
    quantities = extract_quantities("seven civilians were killed", "en")
    assert quantities[0].value == 7
    assert quantities[0].unit == "people"


def test_claim_types_follow_the_content_words() -> None:
    assert classify("Mosca nega di aver colpito obiettivi civili") == "denial"
    assert (
        classify("Questi trasferimenti sono in diretta violazione della risoluzione")
        == "accusation"
    )
    assert classify("Gli alleati hanno fornito nuovi missili a Kiev") == "arms_transfer"
    assert classify("The strike killed 12 people") == "casualty_report"
    assert classify("We will respond and they will pay") == "threat"
    assert classify("The talks went on for three hours") == "other"


def test_channels_are_found_by_name_and_single_letters_need_a_preposition() -> None:
    assert find_channels("ha scritto su Facebook, come riporta l'Ansa") == (
        "Facebook",
        "ANSA",
    )
    assert find_channels("ha scritto su X") == ("X",)
    assert find_channels("il fattore X") == ()


def test_the_stem_tree_matches_exactly_the_stems_in_any_case() -> None:
    stems = ["attac", "attacco", "bomb", "bombard", "ucci", "ucciso", "shell"]
    tree = re.compile(r"(?<!\w)(?:" + _trie_alternation(stems) + ")", re.IGNORECASE)
    flat = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, stems)) + ")", re.IGNORECASE)
    for text in ("Attacco a Kiev", "bombardamento", "l'ucciso", "SHELLING", "sub-bomb",
                 "contrattacco", "atta", "uc ciso", ""):
        assert bool(tree.search(text)) == bool(flat.search(text)), text


def test_a_cue_ending_in_an_elided_article_runs_into_the_next_word() -> None:
    cues = cue_patterns("it")
    text = "Secondo quanto riportato dall’agenzia, il ponte è crollato."
    m = cues.sources.match(text)
    assert m is not None and m.group(0) == "Secondo quanto riportato dall’"


def test_plural_auxiliaries_are_generated_from_singular_cues() -> None:
    assert cues_match("it", "I militari hanno riconosciuto che", "hanno riconosciuto")
    assert cues_match("en", "They have denied that", "have denied")


def cues_match(language: str, text: str, cue: str) -> bool:
    return any(m.group(0) == cue for m in cue_patterns(language).verbs.finditer(text))


def test_destruction_of_equipment_is_an_attack_report_not_a_threat() -> None:
    assert classify("Sono stati distrutti 40 carri armati e 12 sistemi di artiglieria") == "attack_report"
    assert classify("Such actions will not go unanswered") == "threat"


def test_the_type_earliest_in_precedence_wins_wherever_it_occurs_in_the_content() -> None:
    # the attack word comes first, the denial later: precedence, not position, decides
    assert classify("Troops shelled the town, the ministry did not confirm it") == "denial"
    assert classify("L'esercito ha bombardato la città, ma il ministero nega ogni accusa") == "denial"


def test_claim_types_ignore_case_in_plain_and_accented_text() -> None:
    assert classify("THE STRIKE KILLED 12 PEOPLE") == "casualty_report"
    assert classify("NON È VERO che abbiamo colpito la città") == "denial"


def test_a_content_without_a_unit_noun_has_no_quantities() -> None:
    assert extract_quantities("They lost many of their positions in two weeks", "en") == ()


def test_unit_nouns_are_found_in_any_case() -> None:
    quantities = extract_quantities("The army lost 120 SOLDIERS in a week", "en")
    assert [(q.value, q.unit) for q in quantities] == [(120, "soldiers")]


def test_cue_openers_found_in_lowered_text_are_those_of_the_plain_word_scan() -> None:
    cues = cue_patterns("en")
    patterns = (cues.sources, cues.verbs, cues.gerunds)
    text = "MEANWHILE the Minister SAID that talks would resume, officials told reporters on Monday."
    lowered = (text.lower(), cues.openers)
    for s in (0, text.index("SAID"), text.index("SAID") + 1, text.index("officials")):
        plain = cue_matches(patterns, cues.first_words, text, s, len(text))
        fast = cue_matches(patterns, cues.first_words, text, s, len(text), lowered)
        assert [(k, m.span()) for k, m in fast] == [(k, m.span()) for k, m in plain]
    found = cue_matches(patterns, cues.first_words, text, 0, len(text), lowered)
    assert [m.group(0).lower() for _, m in found][:2] == ["said", "told"]


def test_an_unclosed_straight_quote_ends_at_its_attribution_not_at_the_next_opening_mark() -> None:
    text = ('"Questa mattina i missili hanno colpito un convoglio uccidendo 25 persone: lo ha riferito '
            'il governatore. Il convoglio era partito all\'alba. "Lo Stato terrorista lancia razzi '
            'contro i civili". Lo ha scritto il presidente.')
    spans = [text[q.open + 1 : q.close] for q in find_quotes(text)]
    assert spans[0].startswith("Questa mattina") and spans[0].endswith("25 persone")
    assert spans[1] == "Lo Stato terrorista lancia razzi contro i civili"


def test_a_worry_about_future_supplies_is_an_assessment_not_an_arms_transfer() -> None:
    assert classify("l'Occidente è preoccupato che il Paese possa fornire più armi alla Russia") == "assessment"
    assert classify("La Corea del Nord avrebbe fornito razzi e missili al gruppo Wagner") == "arms_transfer"


def test_terrorising_civilians_reports_attacks_while_terrorism_accuses() -> None:
    assert classify("Il nemico continua a terrorizzare la popolazione civile dei villaggi") == "attack_report"
    assert classify("Questo è terrorismo di Stato contro i civili") == "accusation"
    # the same claim in English has the same type, in either spelling
    assert classify("The enemy continues to terrorise the civilian population of the villages") == "attack_report"
    assert classify("The enemy terrorized the villages all night") == "attack_report"
    assert classify("Ворог продовжує тероризувати мирне населення Харківщини") == "attack_report"
    assert classify("Враг продолжает терроризировать мирное население") == "attack_report"
    assert classify("Це справжній тероризм проти цивільних") == "accusation"
    assert classify("Это терроризм против мирных жителей") == "accusation"


def test_an_appeal_to_international_law_accuses() -> None:
    assert classify("The occupiers shelled a residential district with weapons banned by international law") == "accusation"
    assert classify("Il diritto umanitario internazionale vieta di colpire le case dei civili") == "accusation"
    assert classify("The occupiers shelled a residential district overnight") == "attack_report"


def test_burning_buildings_and_counteroffensives_are_attack_reports() -> None:
    assert classify("Le case vicino alla stazione sono in fiamme") == "attack_report"
    assert classify("Two warehouses were ablaze after the night") == "attack_report"
    assert classify("Si è fermata la controffensiva nemica vicino al fiume") == "attack_report"
    assert classify("The counteroffensive has stalled in the south") == "attack_report"


def test_a_ceasefire_or_the_fire_brigade_is_no_attack() -> None:
    assert classify("Mosca si è detta contraria al cessate il fuoco") == "other"
    assert classify("He would not agree to a cease-fire before the talks") == "assessment"
    assert classify("I vigili del fuoco hanno lavorato tutta la notte") == "other"
    assert classify("Firefighters worked through the night") == "other"
    assert classify("Il nemico ha aperto il fuoco sul villaggio") == "attack_report"


def test_holding_to_account_threatens_and_attributing_an_attack_accuses() -> None:
    assert classify("the attackers would be held accountable for every drone they launch") == "threat"
    assert classify("ha attribuito all'esercito nemico il lancio del missile") == "accusation"
    assert classify("Officials attributed the blast to a drone launched from the border") == "accusation"


def test_crimea_is_a_place_not_a_crime() -> None:
    assert classify("Kyiv launched drones at the Crimean Bridge overnight, killing two people") == "casualty_report"
    assert classify("This is a war crime against civilians") == "accusation"
    assert classify("These crimes will not be forgotten") == "accusation"


def test_cues_read_from_openers_found_once_are_those_read_sentence_by_sentence() -> None:
    cues = cue_patterns("en")
    patterns = (cues.sources, cues.verbs, cues.gerunds)
    text = (
        "According to the mayor, the bridge was hit twice. The governor said that two people died, "
        "adding that rescuers were still at work. Officials told reporters on Monday."
    )
    lowered = (text.lower(), cues.openers)
    openers = opener_starts(cues, text, text.lower())
    assert openers is not None
    starts = list(openers)
    first_end = text.index(". The") + 1
    for s, e in ((0, first_end), (first_end + 1, text.index(" Officials")), (0, len(text))):
        within = openers_within(text, starts, s, e)
        assert within is not None
        one_by_one = cue_matches(patterns, cues.first_words, text, s, e, lowered)
        combined = cue_matches_at(cues, text, within, openers, e)
        assert [(k, m.span()) for k, m in combined] == [(k, m.span()) for k, m in one_by_one]
    kinds = [k for k, _ in cue_matches_at(cues, text, starts, openers, len(text))]
    assert kinds[:3] == [0, 1, 2]  # a source, a verb, a gerund


def test_a_span_cut_inside_a_word_is_left_to_its_own_scan() -> None:
    cues = cue_patterns("en")
    text = "The minister said so."
    openers = opener_starts(cues, text, text.lower())
    assert openers is not None
    starts = list(openers)
    assert openers_within(text, starts, 0, text.index("said") + 2) is None
    assert openers_within(text, starts, text.index("inister"), len(text)) is None
    assert openers_within(text, starts, 0, len(text)) == [text.index("said")]


def test_verb_cues_read_at_openers_are_those_a_full_scan_finds() -> None:
    cues = cue_patterns("it")
    assert cues.verb_openers is not None
    text = (
        "Il ministro HA DETTO che il ponte è stato colpito, aggiungendo che due persone sono morte; "
        "l'ex-sindaco ha poi dichiarato ai giornalisti, secondo fonti locali, che i soccorsi ha"
    )
    for s, e in ((0, len(text)), (text.index("DETTO"), len(text)), (3, len(text) - 1), (0, text.index("poi"))):
        for pattern in (cues.verbs, cues.gerunds):
            fast = [m.span() for m in cue_finditer(pattern, cues.verb_openers, text, s, e)]
            assert fast == [m.span() for m in pattern.finditer(text, s, e)]
    found = [m.group(0) for m in cue_finditer(cues.verbs, cues.verb_openers, text, 0, len(text))]
    assert found[0] == "HA DETTO"


def test_mortars_are_weapons_not_deaths() -> None:
    assert classify("Il nemico ha colpito i villaggi con artiglieria e mortai") == "attack_report"
    assert classify("Russian mortars shelled the village overnight") == "attack_report"
    assert classify("Tre persone sono morte nell'incendio") == "casualty_report"
    assert classify("Une personne est morte et deux autres blessées") == "casualty_report"


def test_a_cue_that_denies_or_accuses_types_the_claim_whatever_its_content() -> None:
    assert classify("deliberately targeting civilians during the war", "has always denied") == "denial"
    assert classify("Kyiv of shelling the market in the morning", "accused") == "accusation"
    assert classify("le forze ucraine il lancio del drone", "ha attribuito") == "accusation"
    assert classify("the strike killed three people", "said") == "casualty_report"


def test_a_negated_attack_is_a_denial() -> None:
    assert classify("I nostri soldati non sono circondati") == "denial"
    assert classify("Russian forces did not capture the town") == "denial"
    assert classify("The shelling did not stop until the morning, killing two people") == "casualty_report"
    assert classify("No one was killed in the attack") == "casualty_report"


def test_giving_without_a_weapon_is_no_arms_transfer() -> None:
    assert classify("I prigionieri hanno fornito testimonianze sull'attacco") == "attack_report"
    assert classify("I volontari consegnano medicine ogni giorno") == "other"
    assert classify("Berlin delivered new air defence systems to Kyiv") == "arms_transfer"


def test_a_threat_of_encirclement_names_a_danger_not_a_threat() -> None:
    assert classify("Le truppe si sono ritirate per la minaccia di accerchiamento") == "attack_report"
    assert classify("Il presidente ha minacciato una risposta durissima") == "threat"


def test_a_bare_modal_does_not_frame_a_casualty_report() -> None:
    assert classify("Five people could still be trapped under the rubble") == "casualty_report"
    assert classify("Altre 12 persone potrebbero trovarsi sotto le macerie") == "casualty_report"
    assert classify("Analysts are worried that the country could supply more missiles") == "assessment"


def test_a_stem_marked_as_a_word_end_matches_whole_words_only() -> None:
    tree = re.compile(r"(?<!\w)(?:" + _trie_alternation(["morta>", "mort", "bomb"]) + ")")
    assert tree.search("una donna morta ieri") and tree.search("la morte")
    tree = re.compile(r"(?<!\w)(?:" + _trie_alternation(["morta>", "bomb"]) + ")")
    assert tree.search("colpi di mortaio") is None
    assert tree.search("è morta.") is not None


def test_a_retreat_told_as_a_noun_is_no_attack_but_withdrawn_troops_are() -> None:
    assert classify("la ritirata degli ucraini era cominciata già ieri") == "other"
    assert classify("le truppe sono state ritirate dal villaggio su linee più vantaggiose") == "attack_report"


def test_surrender_infiltration_and_targeting_are_attack_reports() -> None:
    assert classify("I soldati nemici nella città hanno iniziato ad arrendersi") == "attack_report"
    assert classify("alcune unità si erano infiltrate nella città") == "attack_report"
    assert classify("ha preso di mira gli aeroporti della regione") == "attack_report"


def test_an_intent_to_kill_or_an_evil_enemy_is_an_accusation() -> None:
    assert classify("l'obiettivo era uccidere il sindaco e la sua squadra") == "accusation"
    assert classify("The evil state once again shows its essence") == "accusation"
    assert classify("the enemy strikes at peaceful cities every night") == "accusation"
    assert classify("il missile ha colpito il palazzo, uccidendo due persone") == "casualty_report"


def test_hurt_or_hospitalised_people_are_a_casualty_report() -> None:
    assert classify("no one was seriously hurt in the attack") == "casualty_report"
    assert classify("Two residents were hospitalised after the strike") == "casualty_report"


def test_a_cue_of_belief_frames_the_content_as_an_assessment() -> None:
    assert classify("le forze russe abbiano conquistato la cittadina", "ritiene") == "assessment"
    assert classify("the army will soon run out of shells", "believes") == "assessment"
    assert classify("le forze russe hanno conquistato la cittadina", "ha detto") == "attack_report"


def _lexicon_letters(*names: str) -> set[str]:
    letters: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            letters.update(c for c in value if c.isalpha())
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for name in names:
        walk(json.loads((LEXICONS / f"{name}.json").read_text(encoding="utf-8")))
    return letters


def test_outside_the_fold_exceptions_re_ignores_case_as_lower_casing_does() -> None:
    # Every character with a case, checked against every letter of the lexicons whose words
    # are looked up in lower-cased text.
    cased = "".join(
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if not 0xD800 <= ord(c) <= 0xDFFF and (c.lower() != c or c.upper() != c)
    )
    letters = _lexicon_letters("claim_cues", "channels")
    assert all(folds_plainly(p) for p in letters)
    for p in letters:
        for c in re.findall(re.escape(p), cased, re.IGNORECASE):
            if c.lower() != p.lower():
                assert not folds_plainly(c), (p, c)
    assert not folds_plainly("ſaid") and not folds_plainly("İstanbul") and folds_plainly("Città “x”")


def test_verb_cues_read_at_openers_found_once_are_those_a_scan_of_the_stretch_finds() -> None:
    cues = cue_patterns("it")
    assert cues.verb_openers is not None
    text = (
        "Il ministro HA DETTO che il ponte è stato colpito, aggiungendo che due persone sono morte; "
        "l'ex-sindaco ha poi dichiarato ai giornalisti, secondo fonti locali, che i soccorsi ha"
    )
    openers = opener_starts(cues, text, text.lower())
    assert openers is not None and folds_plainly(text)
    for s, e in ((0, len(text)), (text.index("DETTO"), len(text)), (0, text.index("poi"))):
        within = openers_within(text, list(openers), s, e)
        assert within is not None
        for pattern in (cues.verbs, cues.gerunds):
            found = [m.span() for m in cue_finditer_at(pattern, text, within, s, e)]
            assert found == [m.span() for m in cue_finditer(pattern, cues.verb_openers, text, s, e)]
            assert found == [m.span() for m in pattern.finditer(text, s, e)]


def test_a_cue_read_from_its_opener_word_is_the_one_the_combined_pattern_reads() -> None:
    for language, text in (
        ("it", "Il ministro ha inoltre affermato che il ponte è crollato, ha detto Rossi; HA SCRITTO."),
        ("en", "According to the mayor, officials said and then told reporters, adding that he has said so."),
    ):
        cues = cue_patterns(language)
        openers = opener_starts(cues, text, text.lower())
        assert openers
        for start, word in openers.items():
            fast = opener_cue(cues, word).match(text, start)
            full = cues.any_cue.match(text, start)
            assert (fast and (fast.lastindex, fast.span())) == (full and (full.lastindex, full.span()))


def test_claim_types_found_in_one_pass_are_those_the_type_pattern_finds() -> None:
    lex = type_lexicon()
    assert lex.ascii_stems is not None
    for content in (
        "Russian forces shelled the city and killed two civilians, the governor said.",
        "The strike hit a “civilian” building — no one was killed, officials said…",
        "La donna è morta ieri; il mortaio non ha colpito le case.",
        "La donna e morta ieri; il mortaio non ha colpito le case.",
        "US-delivered missiles were supplied last week, and Kyiv will respond.",
        "They did not shell the town and denied any attack.",
    ):
        slow = []
        pos = 0
        while (m := lex.types.search(content, pos)) is not None:
            slow.append((m.start(), (m.lastindex or 1) - 1))
            pos = m.start() + 1
        assert list(_type_starts(lex, content)) == slow, content
        plain = _plain_type_starts(lex, content)
        assert (plain is None) == ("è" in content)
        assert plain is None or plain[0] == slow, content
        assert plain is None or plain[1] or lex.negated_attack.search(content) is None


def test_a_text_with_a_cased_letter_beyond_ascii_is_typed_by_the_pattern() -> None:
    assert _caseless_beyond_ascii("He said “no” — twice…")
    assert not _caseless_beyond_ascii("La città è stata colpita")
    assert classify("La città è stata bombardata, ci sono morti") == classify(
        "La citta e stata bombardata, ci sono morti"
    )


def test_a_channel_named_in_any_case_passes_the_channel_gate() -> None:
    assert find_channels("ha scritto su TELEGRAM, come riporta l'ANSA") == ("Telegram", "ANSA")
    assert find_channels("secondo la Bbc e Rbc-Ukraine") == ("BBC", "RBC-Ukraine")
    assert find_channels("he wrote on X and told reporters") == ("X",)
    assert find_channels("the report was released") == ()
    assert find_channels("ha scritto su Telegraм") == ()


def test_openers_found_by_the_automaton_are_the_whole_words_the_opener_pattern_finds() -> None:
    for language, text in (
        ("en", "He has said, as was expected within hours, that Ukraine's army said no; saying"),
        ("it", "Ha detto che a Kiev la casa è stata colpita, ha affermato: «Aha», hanno aggiunto"),
    ):
        cues = cue_patterns(language)
        assert cues.openers is not None
        folded = text.lower()
        expected = {m.start(): m.group() for m in cues.openers.finditer(folded)}
        assert expected and opener_starts(cues, text, folded) == expected
    assert opener_starts(cue_patterns("en"), "İs", "i̇s") is None  # lower case of another length


def test_a_unit_noun_counts_only_as_a_whole_word() -> None:
    lex = type_lexicon()
    assert lex.ascii_units is not None
    assert _names_a_unit(lex.ascii_units, "120 raiders crossed") is False
    assert _names_a_unit(lex.ascii_units, "a showcase of 3 tanks") is True
    assert _names_a_unit(lex.ascii_units, "40 air strikes") is True
    assert extract_quantities("Kyiv says 40 air strikes hit the region", "en") == extract_quantities(
        "Kyiv says 40 AIR STRIKES hit the region", "en"
    )
    assert extract_quantities("He showcased 12 raiders", "en") == ()


def test_a_lone_apostrophe_opens_no_quotation_but_two_do() -> None:
    text = "L'esercito ha detto: ''Nessuno e' passato di qui'' e poi «Resistiamo» all'alba."
    quotes = find_quotes(text)
    assert [text[q.open + 1 : q.close] for q in quotes] == ["Nessuno e' passato di qui", "Resistiamo"]
