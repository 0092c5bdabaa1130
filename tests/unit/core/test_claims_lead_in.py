"""Claims whose subject is a 'Name, appositive,' phrase after a lead-in clause."""

from __future__ import annotations

from services.core.claims import extract_claims


def test_lead_in_before_an_appositive_subject_is_not_the_claim_when_the_cue_goes_on() -> None:
    body = (
        "A guidare l'operazione è stato il capo dei servizi speciali, Marco Bellini, il quale, "
        "descrivendo l'attacco alla base, ha affermato che i droni erano stati nascosti in "
        "casse caricate su camion."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Marco Bellini", "i droni erano stati nascosti in casse caricate su camion.")
    ]


def test_clause_before_an_appositive_subject_is_the_claim_when_the_cue_ends_the_sentence() -> None:
    body = "About a hundred people were injured in the strike, Mikhail Petrov, the governor, said on Telegram."
    claims = extract_claims("Title", body, "en")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Mikhail Petrov", "About a hundred people were injured in the strike")
    ]


def test_source_quoted_by_an_agency_is_the_speaker_and_the_relay_is_not_content() -> None:
    body = (
        "Un'esplosione, secondo il governatore della regione di Kursk citato dall'agenzia "
        "russa Interfax, ha provocato il crollo di un ponte."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("governatore della regione di Kursk", "ha provocato il crollo di un ponte.")
    ]


def test_relay_aside_after_a_named_source_is_skipped() -> None:
    body = (
        "Secondo il portavoce militare Marco Bellini, citato dall'agenzia Ansa, le truppe "
        "hanno respinto tre assalti nella notte."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Marco Bellini", "le truppe hanno respinto tre assalti nella notte.")
    ]


def test_source_post_on_a_channel_speaks_for_its_owner() -> None:
    body = (
        "Il palazzo del consiglio regionale è stato colpito da un missile questa mattina, "
        "secondo un post su Telegram del governatore regionale Marco Bellini."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content) for c in claims] == [
        (
            "Marco Bellini",
            "Il palazzo del consiglio regionale è stato colpito da un missile questa mattina",
        )
    ]


def test_source_figures_published_by_an_official_are_that_officials_claim() -> None:
    body = (
        "Secondo i dati ufficiali pubblicati dal capo dell'amministrazione militare regionale, "
        "Marco Bellini, 20 civili sono stati uccisi nei bombardamenti."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Marco Bellini", "20 civili sono stati uccisi nei bombardamenti.")
    ]


def test_known_acronym_in_brackets_after_a_body_names_its_organisation() -> None:
    body = (
        "Il servizio di sicurezza ucraino (SBU) ha fatto sapere di aver colpito quattro basi "
        "aeree in territorio russo."
    )
    claims = extract_claims("Titolo", body, "it")
    assert [c.speaker.organization for c in claims] == ["SBU"]


def test_source_these_figures_refers_to_the_body_that_spoke_last() -> None:
    body = (
        "Secondo lo Stato maggiore ucraino, nell'ultima giornata sono stati abbattuti 40 droni. "
        "Le statistiche sono impressionanti. Secondo tali dati, circa mille carri armati sono "
        "stati distrutti dall'inizio della guerra."
    )
    claims = extract_claims("Titolo", body, "it")
    last = claims[-1]
    assert last.content == "circa mille carri armati sono stati distrutti dall'inizio della guerra."
    assert last.speaker == claims[0].speaker


def test_name_after_a_comma_closing_a_prepositional_phrase_is_the_subject() -> None:
    body = (
        "Thirty people were wounded, including two children and a member of the local city "
        "council, Petrenko said."
    )
    claims = extract_claims("Title", body, "en")
    assert [(c.speaker.name, c.content) for c in claims] == [
        (
            "Petrenko",
            "Thirty people were wounded, including two children and a member of the local city council",
        )
    ]


def test_clause_before_a_bare_cue_is_its_content_only_when_the_cue_ends_the_sentence() -> None:
    body = (
        "Il ministero ha detto che la città è stata presa. Poco dopo la notizia Marco Bellini, "
        "un consigliere del presidente, ha detto in un'intervista di essere contrario alla tregua. "
        "Sei delle vittime sono ricoverate in ospedale, ha riferito."
    )
    claims = extract_claims("Titolo", body, "it")
    contents = [c.content for c in claims]
    assert not any(c.startswith("Poco dopo") for c in contents)
    assert "Sei delle vittime sono ricoverate in ospedale" in contents


def test_office_before_the_names_it_stands_for_is_the_subject_not_the_claim() -> None:
    body = (
        "The debate went on for hours. The ranking members of the Judiciary Committee, "
        "Anna Petrenko and Mark Rossi, said the letter was vague."
    )
    claims = extract_claims("Title", body, "en")
    assert [c.content for c in claims] == ["the letter was vague."]


def test_source_statement_by_someone_is_that_persons_claim() -> None:
    body = (
        "Two people were killed in the strike on the port, according to a statement by the "
        "regional governor Oleh Petrenko."
    )
    claims = extract_claims("Title", body, "en")
    assert [(c.speaker.name, c.content) for c in claims] == [
        ("Oleh Petrenko", "Two people were killed in the strike on the port")
    ]
