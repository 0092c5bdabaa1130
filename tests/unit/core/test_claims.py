"""Behaviour of attributed-claim extraction on short hand-written news sentences."""

from __future__ import annotations

from services.core.claims import (
    _LAST_WORD,
    _TRAILING_ADVERB,
    _TRAILING_SOURCE,
    ClaimDraft,
    _final_word,
    _trailing_adverb,
    _trailing_source,
    extract_claims,
)


def _by_content(claims: list[ClaimDraft], fragment: str) -> ClaimDraft:
    matches = [c for c in claims if fragment in c.content]
    assert matches, f"no claim containing {fragment!r} in {[c.content for c in claims]}"
    return matches[0]


def test_guillemet_quote_followed_by_cue_and_surname_resolves_to_full_name() -> None:
    body = (
        "Il portavoce della Casa Bianca Mark Rossi ha parlato ai giornalisti. "
        "«Le forniture di armi continueranno senza interruzioni» ha affermato Rossi."
    )
    claims = extract_claims("Titolo", body, "it")
    claim = _by_content(claims, "Le forniture di armi")
    assert claim.speaker.name == "Mark Rossi"
    assert claim.quote == "direct"
    assert claim.cue == "ha affermato"
    assert claim.content == "Le forniture di armi continueranno senza interruzioni"


def test_offsets_point_into_title_blank_line_body() -> None:
    title = "Attacco a Odessa"
    body = (
        "Il sindaco Gennadi Bianchi ha dichiarato che due droni hanno colpito il porto."
    )
    text = title + "\n\n" + body
    claim = extract_claims(title, body, "it")[0]
    assert text[claim.content_start : claim.content_end] == claim.content
    assert claim.content == "due droni hanno colpito il porto."
    assert claim.quote == "indirect"


def test_two_quotes_around_one_cue_give_two_claims_for_the_same_speaker() -> None:
    body = (
        "«Questi lanci violano la tregua» ha affermato il ministro degli Esteri Paolo Verdi, "
        "aggiungendo che «la risposta sarà ferma e proporzionata»."
    )
    claims = extract_claims("Titolo", body, "it")
    contents = [c.content for c in claims]
    assert "Questi lanci violano la tregua" in contents
    assert "la risposta sarà ferma e proporzionata" in contents
    assert {c.speaker.name for c in claims} == {"Paolo Verdi"}


def test_speaker_before_colon_introduces_a_direct_quote() -> None:
    body = "Il governatore della regione Ivan Petrenko: «Il nemico ha colpito tre villaggi con l'artiglieria»."
    claim = extract_claims("Titolo", body, "it")[0]
    assert claim.speaker.name == "Ivan Petrenko"
    assert claim.speaker.role is not None and claim.speaker.role.startswith(
        "governatore"
    )
    assert claim.claim_type == "attack_report"


def test_secondo_names_an_organisation_speaker_for_the_rest_of_the_sentence() -> None:
    body = "Nella notte – secondo lo Stato maggiore ucraino – le difese aeree hanno abbattuto 14 droni."
    claim = extract_claims("Titolo", body, "it")[0]
    assert claim.speaker.kind == "organization"
    assert claim.speaker.name == "Stato maggiore ucraino"
    assert claim.speaker.country_code == "UA"
    assert claim.content.startswith("le difese aeree hanno abbattuto")


def test_lo_ha_reso_noto_attributes_the_headline_to_the_body_speaker() -> None:
    title = "L'Iran avrebbe consegnato droni all'esercito russo."
    body = "Lo ha reso noto il portavoce del Dipartimento di Stato americano Carl Neri, come riporta la Cnn."
    claims = extract_claims(title, body, "it")
    claim = _by_content(claims, "L'Iran avrebbe consegnato droni")
    assert claim.content_start == 0
    assert claim.speaker.name == "Carl Neri"
    assert claim.speaker.role == "portavoce"
    assert claim.speaker.organization == "Dipartimento di Stato americano"
    assert claim.speaker.country_code == "US"
    assert claim.via == ("CNN",)
    assert claim.claim_type == "arms_transfer"


def test_english_end_attribution_takes_the_clause_before_the_speaker() -> None:
    body = "Russian shelling killed four civilians in the city overnight, Governor Oleh Kovalenko said on Telegram."
    claim = extract_claims("Headline", body, "en")[0]
    assert claim.speaker.name == "Oleh Kovalenko"
    assert (
        claim.content == "Russian shelling killed four civilians in the city overnight"
    )
    assert claim.via == ("Telegram",)
    assert claim.claim_type == "casualty_report"


def test_pronoun_speaker_resolves_to_the_previous_named_speaker() -> None:
    body = (
        '"We will rebuild every school," Mayor Anna Kovac said on Monday. '
        '"The enemy will not break us," she added.'
    )
    claims = extract_claims("Headline", body, "en")
    assert [c.speaker.name for c in claims] == ["Anna Kovac", "Anna Kovac"]


def test_according_to_with_a_report_noun_names_the_reporting_body() -> None:
    body = "Ten people were injured, according to the latest report by the State Emergency Service."
    claim = extract_claims("Headline", body, "en")[0]
    assert "State Emergency Service" in claim.speaker.name
    assert claim.content == "Ten people were injured"


def test_outlet_that_only_relays_is_not_a_speaker() -> None:
    body = "Lo riferisce la Bbc. Il porto è rimasto chiuso per tutta la giornata."
    assert extract_claims("Il porto di Odessa è stato chiuso", body, "it") == []


def test_short_scare_quotes_are_not_claims() -> None:
    body = "Il governo parla di un 'successo' e di un “piano speciale” senza altri dettagli."
    assert all(
        "piano speciale" != c.content for c in extract_claims("Titolo", body, "it")
    )


def test_article_without_reporting_cues_has_no_claims() -> None:
    body = "Il treno è partito alle otto. Le scuole restano aperte nonostante la neve."
    assert extract_claims("Cronaca", body, "it") == []


def test_sentences_passed_in_are_used_instead_of_splitting() -> None:
    title = "T"
    body = "Il ministro Lara Conti ha detto che il ponte è stato riaperto."
    text = title + "\n\n" + body
    claims = extract_claims(title, body, "it", sentences=[(0, 1), (3, len(text))])
    assert claims[0].speaker.name == "Lara Conti"


def test_conditional_headline_is_attributed_to_the_body_speaker() -> None:
    title = "Minsk avrebbe inviato nuovi carri armati al confine"
    body = "Il ministro della Difesa lituano Tomas Kairys ha dichiarato che i movimenti sono in corso."
    claims = extract_claims(title, body, "it")
    headline = _by_content(claims, "Minsk avrebbe inviato")
    assert headline.speaker.name == "Tomas Kairys"
    assert headline.quote == "indirect"


def test_office_then_name_subject_is_the_speaker_not_the_object() -> None:
    body = (
        "Il leader ceceno, Ramzan Dudaev, ha esortato la Russia a usare armi più potenti "
        "contro le città ucraine."
    )
    claim = extract_claims("Titolo", body, "it")[0]
    assert claim.speaker.name == "Ramzan Dudaev"
    assert claim.content.startswith("la Russia a usare armi")


def test_name_with_an_appositive_before_the_cue() -> None:
    body = (
        "Jana Novak, a senior analyst at the Prague Institute, said that the offensive "
        "could stall before winter."
    )
    claim = extract_claims("Headline", body, "en")[0]
    assert claim.speaker.name == "Jana Novak"
    assert claim.content == "the offensive could stall before winter."
    assert claim.claim_type == "assessment"


def test_headline_repeated_as_the_first_body_line_is_not_a_second_claim() -> None:
    title = "Shelling kills two in Kherson, governor says"
    body = (
        title
        + "\n\nShelling killed two civilians in Kherson overnight, Governor Ivan Marko said."
    )
    claims = extract_claims(title, body, "en")
    assert len(claims) == 1
    assert claims[0].content == "Shelling killed two civilians in Kherson overnight"


def test_a_quote_right_after_an_attributed_quote_continues_the_same_speaker() -> None:
    body = (
        '"The bridge is closed to all traffic," said Colonel Petro Savchuk. '
        '"Repairs will take at least three weeks."'
    )
    claims = extract_claims("Headline", body, "en")
    assert [c.speaker.name for c in claims] == ["Petro Savchuk"]
    assert claims[0].content.endswith("traffic, Repairs will take at least three weeks.")


def test_a_bare_office_takes_the_name_of_its_only_holder_in_the_article() -> None:
    body = (
        "Il sindaco di Leopoli Andrij Sadowy ha detto che tre scuole resteranno chiuse. "
        "Secondo il sindaco, i danni agli edifici residenziali sono molto gravi."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [c.speaker.name for c in claims] == ["Andrij Sadowy", "Andrij Sadowy"]


def test_the_trailing_source_finder_agrees_with_the_plain_search() -> None:
    texts = [
        "Le truppe sono avanzate di due chilometri, come riportano i media locali.",
        "The army lost 40 tanks - according to the General Staff (AP).",
        "Nothing to see here at all.",
        "Secondo quanto riferito, ha detto il sindaco, la città è calma",
        "Troops said,  ;  (reports say) more",
        "The army lost 40 tanks, AS REPORTED by the General Staff.",
    ]
    for text in texts:
        for s in range(0, len(text), 7):
            plain = _TRAILING_SOURCE.search(text, s, len(text))
            fast = _trailing_source(text, s, len(text))
            assert (plain and plain.span()) == (fast and fast.span()), (text, s)
            folded = _trailing_source(text, s, len(text), text.lower())
            assert (plain and plain.span()) == (folded and folded.span()), (text, s)


def test_an_honorific_period_does_not_end_the_speaker_after_a_quote() -> None:
    body = '"The party is not in a good place yet," said Mr. Harlan Briggs, a House Democrat.'
    claim = _by_content(extract_claims("Title", body, "en"), "not in a good place")
    assert claim.speaker.name == "Harlan Briggs"
    assert claim.quote == "direct"


def test_doubled_apostrophe_quotes_are_attributed_to_the_speaker_after_them() -> None:
    body = "Experts disagree. ''I would not object to cutting that back,'' Ms. Vance said."
    claim = _by_content(extract_claims("Title", body, "en"), "cutting that back")
    assert claim.speaker.name == "Vance"
    assert claim.speaker.organization is None


def test_time_and_manner_adverbs_are_not_part_of_the_subject() -> None:
    body = "The Monetary Board on Friday officially said that growth would slow to one percent."
    claim = _by_content(extract_claims("Title", body, "en"), "growth would slow")
    assert claim.speaker.name == "Monetary Board"


def test_it_before_a_cue_is_a_subject_pronoun_not_an_anaphoric_object() -> None:
    body = "The central bank said it expects the U.S. economy to grow by two percent next year."
    claims = extract_claims("Title", body, "en")
    assert [c.speaker.name for c in claims] == ["central bank"]


def test_a_bare_office_takes_the_name_given_anywhere_in_the_article() -> None:
    body = (
        "Il sindaco della capitale Pietro Zanetti ha visitato il quartiere colpito. "
        "Nessuno è rimasto ferito e i danni sono lievi, ha scritto il sindaco su Telegram."
    )
    claim = _by_content(extract_claims("Titolo", body, "it"), "Nessuno è rimasto ferito")
    assert claim.speaker.name == "Pietro Zanetti"


def test_a_platform_after_an_office_is_not_the_holder_s_name() -> None:
    body = "I danni sono lievi e nessuno è rimasto ferito, ha scritto il sindaco su Telegram."
    claims = extract_claims("Titolo", body, "it")
    assert all(c.speaker.name != "Telegram" for c in claims)


def test_a_conjunction_before_the_cue_hands_the_claim_to_the_sentence_subject() -> None:
    body = "Governor Anna Kerr visited the site on Tuesday and said that eight people had died."
    claim = _by_content(extract_claims("Title", body, "en"), "eight people had died")
    assert claim.speaker.name == "Anna Kerr"


def test_clause_before_a_named_appositive_subject_is_the_content() -> None:
    body = "About forty people were hurt by debris, Pavel Orlov, the regional governor, said."
    claim = _by_content(extract_claims("Title", body, "en"), "About forty people were hurt")
    assert claim.speaker.name == "Pavel Orlov"
    assert "Orlov" not in claim.content


def test_a_name_and_affiliation_before_a_colon_attribute_a_round_up_quote() -> None:
    body = 'Who won the debate?\n\nMaria Costa, The Daily Ledger: "The challenger had a strong night."'
    claim = _by_content(extract_claims("Title", body, "en"), "strong night")
    assert claim.speaker.name == "Maria Costa"


def test_an_inverted_subject_after_the_cue_may_be_followed_by_an_adverbial() -> None:
    body = "– Si tratta di una visita importante per il paese, ha twittato Marco Neri prima del suo arrivo."
    claim = _by_content(extract_claims("Titolo", body, "it"), "visita importante")
    assert claim.speaker.name == "Marco Neri"


def test_a_clause_after_a_source_comma_is_the_whole_content() -> None:
    body = "Secondo quanto riferiscono i media locali, l'esplosione ha causato danni che si sono visti da lontano."
    claim = _by_content(extract_claims("Titolo", body, "it"), "danni")
    assert claim.content.startswith("l'esplosione ha causato")


def test_a_headline_claim_the_body_does_not_restate_is_kept() -> None:
    title = "Mayor says city budget will shrink next year"
    body = "The mayor of Riverton, Lena Hart, said on Monday that new buses would arrive in May."
    claims = extract_claims(title, body, "en")
    assert any("budget will shrink" in c.content for c in claims)
    assert any("new buses" in c.content for c in claims)


def test_a_quoted_name_after_a_generic_outlet_noun_is_the_speaker() -> None:
    body = 'Secondo l\'agenzia di stampa "Novapress", i feriti sono saliti a diciassette.'
    claim = _by_content(extract_claims("Titolo", body, "it"), "feriti")
    assert claim.speaker.name == "Novapress"
    assert claim.content.startswith("i feriti")


def test_an_adjective_inside_an_office_phrase_keeps_the_phrase_whole() -> None:
    body = "Due persone sono morte negli attacchi: lo ha reso noto il governatore dell'omonima regione."
    claim = _by_content(extract_claims("Titolo", body, "it"), "Due persone sono morte")
    assert claim.speaker.name == "governatore dell'omonima regione"


def test_a_lead_in_phrase_before_the_subject_of_a_coordinated_cue_is_skipped() -> None:
    body = "On trade, Senator Lee Park criticised the treaty and said the deal would cost jobs."
    claim = _by_content(extract_claims("Title", body, "en"), "cost jobs")
    assert claim.speaker.name == "Lee Park"


def test_a_middle_initial_stays_inside_the_full_name() -> None:
    body = (
        "Representative James E. Corbin of Ohio spoke at the rally. "
        '"We need more volunteers at the polls," said Mr. Corbin.'
    )
    claim = _by_content(extract_claims("Title", body, "en"), "more volunteers")
    assert claim.speaker.name == "James E. Corbin"


def test_a_quote_split_by_its_attribution_mid_sentence_is_one_claim() -> None:
    body = '"The best answer," Ruiz said, "is a joint response from all the allies."'
    claims = extract_claims("Title", body, "en")
    assert len(claims) == 1
    assert claims[0].content.startswith("The best answer")
    assert claims[0].content.endswith("all the allies.")


def test_two_whole_quotes_around_an_attribution_stay_two_claims() -> None:
    body = '"We will rebuild the bridge." Ruiz said. "It will take two years."'
    claims = extract_claims("Title", body, "en")
    assert len(claims) == 2


def test_the_outlet_that_quotes_a_speaker_is_not_the_speaker() -> None:
    body = ('"Questa mattina missili russi hanno colpito un convoglio umanitario": lo ha riferito il capo '
            "dell'amministrazione regionale militare Oleksandr Starukh, citato da Espreso Tv.")
    [claim] = extract_claims("Convoglio colpito", body, "it")
    assert claim.speaker.name == "Oleksandr Starukh"


def test_quotes_after_an_announcement_naming_its_source_are_that_speakers() -> None:
    body = (
        "L'annuncio è arrivato dal ministro degli Esteri, Paolo van der Verdi, direttamente da Bruxelles. "
        "Il piano sarà pronto entro marzo. “Avrà un costo di circa due miliardi di euro per tutti”.\n\n"
        "“Questa frase sta in un altro paragrafo senza alcun autore”."
    )
    claims = extract_claims("Titolo", body, "it")
    claim = _by_content(claims, "Avrà un costo")
    assert claim.speaker.name == "Paolo van der Verdi"
    assert claim.quote == "direct"
    assert not [c for c in claims if "altro paragrafo" in c.content]


def test_a_national_office_right_after_a_named_speaker_is_the_same_person() -> None:
    body = (
        "Ivan Petrenko afferma che la tregua dipende dalla situazione sul terreno. "
        "«Se nei prossimi giorni ci sarà un blocco, nessuno potrà scappare», tuona il presidente russo."
    )
    claim = _by_content(extract_claims("Titolo", body, "it"), "nessuno potrà scappare")
    assert claim.speaker.name == "Ivan Petrenko"


def test_officials_after_a_named_speaker_stay_unnamed_officials() -> None:
    body = (
        "Peter Lang wrote that the department would review the request. "
        "The bureau got a warrant Sunday to look at the messages, officials said."
    )
    claims = extract_claims("Headline", body, "en")
    assert all(c.speaker.name != "Peter Lang" for c in claims if "got a warrant" in c.content)


def test_an_outlet_relaying_another_speakers_claim_is_the_channel_not_the_speaker() -> None:
    body = (
        "Ma, secondo la Cnn, l'Institute for the Study of War ritiene che le forze russe "
        "abbiano conquistato la cittadina di confine."
    )
    claim = _by_content(extract_claims("Titolo", body, "it"), "forze russe")
    assert claim.speaker.name == "Institute for the Study of War"
    assert "CNN" in claim.via


def test_a_source_aside_inside_a_claim_ends_it_and_starts_a_short_claim_of_its_own() -> None:
    body = (
        "Il ministero della Difesa di Mosca ha fatto sapere di aver abbattuto 8 droni lanciati "
        "sulle regioni di Rostov e Kursk, dove, secondo la Bbc, mille soldati stranieri sarebbero "
        "stati uccisi, e di aver distrutto un deposito."
    )
    claims = extract_claims("Titolo", body, "it")
    ministry = _by_content(claims, "abbattuto 8 droni")
    assert ministry.content.endswith("Rostov e Kursk")
    aside = _by_content(claims, "mille soldati")
    assert aside.speaker.name == "Bbc"
    assert aside.content == "mille soldati stranieri sarebbero stati uccisi"


def test_a_pronoun_cue_after_the_clause_gives_it_to_the_previous_speaker() -> None:
    body = (
        "The strike killed seven in Dnipro, said governor Serhiy Lysak.\n\n"
        "Nearly 70 people, including 10 children, were injured, he said, adding the numbers could rise."
    )
    claim = _by_content(extract_claims("Headline", body, "en"), "Nearly 70 people")
    assert claim.speaker.name == "Serhiy Lysak"
    assert claim.content == "Nearly 70 people, including 10 children, were injured"


def test_the_emergencies_service_is_a_speaking_body() -> None:
    body = "Two people were also killed in the town of Samar, the state emergencies service said."
    claim = _by_content(extract_claims("Headline", body, "en"), "Two people")
    assert claim.speaker.kind == "organization"
    assert claim.speaker.name.endswith("emergencies service")


def test_an_announcement_written_in_capitals_still_names_the_speaker_of_the_quote_after_it() -> None:
    body = ('THE ANNOUNCEMENT CAME FROM the foreign minister, Anna Berg, on Tuesday. '
            '"We will not send troops to the border."')
    claim = _by_content(extract_claims("Border talks", body, "en"), "We will not send troops")
    assert claim.speaker.name == "Anna Berg"


def test_a_noun_object_of_expressed_or_declared_is_no_claim() -> None:
    body = (
        "The mayor visited the damaged school on Monday and expressed condolences to the families "
        "of the victims. The governor declared Tuesday a day of mourning in the region."
    )
    assert extract_claims("Strike on Odesa", body, "en") == []


def test_expressed_with_a_that_clause_is_still_a_claim() -> None:
    body = "The ministry expressed confidence that the air defences would hold through the winter."
    claim = _by_content(extract_claims("Air defence", body, "en"), "air defences would hold")
    assert claim.speaker.name == "ministry"


def test_hoping_to_do_something_is_no_claim() -> None:
    body = "The president hopes to secure new air defence systems at the summit next week."
    assert extract_claims("Summit", body, "en") == []


def test_a_quote_before_an_appositive_speaker_is_the_quote_alone() -> None:
    body = (
        "Rescuers worked through the night.\n\n"
        '"Four people died in the strike, including a child. It is a terrible loss," the '
        "region's governor, Ivan Petrenko, wrote on Telegram, extending his \"condolences to "
        'every family."'
    )
    claims = extract_claims("Strike on the city", body, "en")
    quote = _by_content(claims, "Four people died")
    assert quote.content.endswith("It is a terrible loss")
    assert quote.speaker.name == "Ivan Petrenko"


def test_a_lead_adverb_and_comma_keep_a_possessive_speaker_whole() -> None:
    body = (
        "Meanwhile, Norway's foreign minister said on Monday it was \"very likely\" that the "
        "cable had been cut on purpose."
    )
    claim = _by_content(extract_claims("Cable", body, "en"), "cable had been cut")
    assert claim.speaker.name == "Norway's foreign minister"


def test_social_media_between_cue_and_quote_is_not_content() -> None:
    body = (
        'Ivan Petrenko, the head of the city administration, said in a statement on social media: '
        '"Six people have died, two are under the rubble."'
    )
    claim = _by_content(extract_claims("Toll rises", body, "en"), "Six people have died")
    assert claim.content.startswith("Six people")


def test_a_relay_between_dashes_does_not_hide_the_inverted_speaker() -> None:
    body = (
        "Due persone sono morte nel crollo di un ponte sulla ferrovia. "
        "Lo ha riferito - come riporta l'agenzia Tass - il ministero russo per le emergenze."
    )
    claim = _by_content(extract_claims("Titolo", body, "it"), "Due persone sono morte")
    assert claim.speaker.name.lower().startswith("ministero")


def test_a_place_after_a_preposition_before_a_colon_is_no_speaker() -> None:
    body = 'Nuovo assalto delle truppe alla roccaforte di Pokrovsk: "Uccisi 11 soldati". Altre notizie.'
    assert extract_claims("Titolo", body, "it") == []
    words = 'Le parole del presidente: "Uccisi 11 soldati nemici". Altre notizie.'
    assert _by_content(extract_claims("Titolo", words, "it"), "Uccisi 11").speaker.name == "presidente"


def test_a_subject_with_a_relative_clause_speaks_after_it() -> None:
    body = (
        "Il governatore Mario Bianchi ha visitato il porto. Il comitato investigativo, che indaga "
        "sui crimini più gravi, ha dichiarato di aver aperto un'indagine sull'attacco."
    )
    claim = _by_content(extract_claims("Titolo", body, "it"), "aperto un'indagine")
    assert claim.speaker.name.lower().startswith("comitato investigativo")


def test_a_word_quoted_inside_a_straight_quotation_does_not_end_it() -> None:
    body = (
        'The ministry spoke on Friday. "Full control of the town lets us cut the supply routes and '
        'take into the" cauldron "the units still remaining in it," the Defence Ministry said.'
    )
    claim = _by_content(extract_claims("Title", body, "en"), "Full control")
    assert claim.content.endswith("the units still remaining in it")
    assert claim.speaker.name == "Defence Ministry"


def test_the_document_named_between_cue_and_clause_is_not_content() -> None:
    body = "Caplin declined to comment. Band argued in the memo that his firm had helped the foundation."
    claim = _by_content(extract_claims("Title", body, "en"), "his firm had helped")
    assert claim.content.startswith("his firm")


def test_air_defence_forces_and_secondo_quanto_raccontato_name_speakers() -> None:
    body = (
        "L'attacco è avvenuto dopo mezzanotte: le forze di difesa aerea ucraine hanno detto che "
        "la Russia ha lanciato 8 droni. Secondo quanto raccontato da fonti dell'esercito, "
        "l'operazione era stata preparata da mesi."
    )
    claims = extract_claims("Titolo", body, "it")
    assert "difesa aerea" in _by_content(claims, "8 droni").speaker.name
    assert _by_content(claims, "preparata da mesi").speaker is not None


def test_a_trailing_adverb_is_found_as_the_full_pattern_finds_it() -> None:
    for stretch in (
        "The DNC on Friday",
        "The ministry also",
        "Il ministero ha poi",
        "Il ministero nelle scorse ore",
        "The ministry in a statement ",
        "The minister last weekend",
        "Officials publicly",
        "Officials only",
        "Il sindaco già",
        "Глава также",
        "The minister ſtill",
        "The minister, on Monday,",
        "The governor",
        "",
        "   ",
    ):
        for pos in (0, max(0, len(stretch) - 12)):
            fast = _trailing_adverb(stretch, pos, len(stretch))
            slow = _TRAILING_ADVERB.search(stretch, pos, len(stretch))
            assert (fast and fast.span()) == (slow and slow.span()), stretch


def test_the_final_word_of_a_stretch_is_the_one_the_last_word_pattern_can_read() -> None:
    for stretch, word in (
        ("Nearly 70 were injured, he ", "he"),
        ("Nearly 70 were injured,he", "he"),
        ("the x-she", "she"),
        ("(he)", ""),
        ("", ""),
    ):
        assert _final_word(stretch) == word
        m = _LAST_WORD.search(stretch)
        assert m is None or m.group(1) == word


def test_a_long_office_before_its_holder_s_name_is_read_whole() -> None:
    body = (
        "Overnight strikes hit the city centre and the station. The head of the regional "
        "military administration of the Kharkiv oblast Oleh Syniehubov said that two people died in the attack."
    )
    claim = _by_content(extract_claims("Titolo", body, "en"), "two people died")
    assert claim.speaker.name == "Oleh Syniehubov"


def test_after_an_introductory_adverbial_a_short_statement_follows_the_cue() -> None:
    body = "In an interview on Monday, Senator Jane Moore said voters “can’t stand” either party."
    claim = _by_content(extract_claims("Title", body, "en"), "either party")
    assert claim.speaker.name == "Jane Moore"
    assert claim.content.startswith("voters")
    # an adverbial and nothing said after the cue is still no claim
    assert extract_claims("Title", "Responding to the attack, Senator Jane Moore said so.", "en") == []


def test_a_quote_cue_coordinated_with_an_earlier_verb_belongs_to_the_sentence_subject() -> None:
    body = (
        "The agency said the search found nothing.\n\n"
        "Mayor Tom Baker came back to the stage an hour later and declared, “We will rebuild every house.”"
    )
    claim = _by_content(extract_claims("Title", body, "en"), "rebuild every house")
    assert claim.speaker.name == "Tom Baker"
    body_it = (
        "L'agenzia ha detto che la ricerca non ha dato esiti.\n\n"
        "Il sindaco Marco Neri è tornato sul palco e ha dichiarato: «Ricostruiremo ogni casa del quartiere»."
    )
    claim = _by_content(extract_claims("Titolo", body_it, "it"), "Ricostruiremo")
    assert claim.speaker.name == "Marco Neri"


def test_a_quote_resumed_after_a_gerund_cue_is_a_second_statement() -> None:
    body = (
        "“The mayor has the experience to lead the city, and we back her without doubt,” the paper wrote, "
        "adding, “no, we are not doing this only because her rival is weak.”"
    )
    claims = extract_claims("Title", body, "en")
    first = _by_content(claims, "experience to lead")
    second = _by_content(claims, "not doing this")
    assert first is not second
    assert "rival" not in first.content
    # resumed after a plain attribution, the quote is one statement
    body = "“The best way to push back,” Schiff said, “is to act together in the House.”"
    claims = extract_claims("Title", body, "en")
    assert len(claims) == 1 and "act together" in claims[0].content


def test_a_long_appositive_between_name_and_cue_still_names_the_speaker() -> None:
    body = (
        "Maria Bianchi, deputy director of Eastern European and Baltic security studies at the "
        "Institute for Strategic Affairs in Rome, said that the sanctions might have been expected."
    )
    claim = _by_content(extract_claims("Title", body, "en"), "sanctions might")
    assert claim.speaker.name == "Maria Bianchi"


def test_polls_surveys_and_historians_are_sources_after_according_to() -> None:
    body = "The senator remains in a close race with her rival, according to recent polls."
    claim = _by_content(extract_claims("Title", body, "en"), "close race")
    assert claim.speaker.name == "recent polls"
    body = "The governor won most rural counties last time, according to exit surveys of voters."
    claim = _by_content(extract_claims("Title", body, "en"), "rural counties")
    assert claim.speaker.name == "exit surveys of voters"
    body = "It is vital that the mayor makes this case now, according to presidential historians."
    claim = _by_content(extract_claims("Title", body, "en"), "makes this case")
    assert claim.speaker.name == "presidential historians"


def test_a_middle_initial_after_a_quote_does_not_end_its_attribution() -> None:
    body = "“Hiring is drawing people back into work,” central bank chair Janet L. Moore said last month."
    claim = _by_content(extract_claims("Title", body, "en"), "Hiring is drawing")
    assert claim.speaker.name == "Janet L. Moore"
    assert claim.quote == "direct"
