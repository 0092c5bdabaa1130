"""An article through the whole extraction core (services.core.extract)."""

from datetime import UTC, datetime

from schemas import Article
from services.core.extract import extract_article


def test_a_claim_by_a_known_body_carries_its_canonical_name_whatever_the_language() -> None:
    article = Article(article_id="t-onu", source="example.it", title="Ucraina, l'allarme dell'Onu",
                      body="Secondo l'Onu, almeno dieci civili sono stati uccisi a Kharkiv nella notte.",
                      published_at=datetime(2024, 6, 5, 10, tzinfo=UTC), language="it")
    claims = [m.claim for m in extract_article(article).mentions if m.claim is not None]
    assert [c.speaker.organization for c in claims] == ["United Nations"]


def test_an_actor_named_in_two_sentences_of_one_incident_is_listed_once() -> None:
    article = Article(article_id="t-twice", source="example.ua", title="Росіяни обстріляли Херсон",
                      body="Вранці російські війська обстріляли Херсон з артилерії. Внаслідок удару "
                           "загинули двоє цивільних.",
                      published_at=datetime(2024, 6, 5, 10, tzinfo=UTC), language="uk")
    [incident] = [m.incident for m in extract_article(article).mentions if m.incident is not None]
    names = [(a.name, a.role) for a in incident.actors]
    assert names.count(("Russian forces", "perpetrator")) == 1


def test_an_actor_with_a_role_is_not_listed_again_without_one() -> None:
    article = Article(article_id="t-role", source="example.ua", title="ЗСУ звільнили Новодарівку",
                      body="Сили оборони України звільнили село Новодарівка на Запоріжжі, повідомив "
                           "Генштаб ЗСУ.",
                      published_at=datetime(2024, 6, 5, 10, tzinfo=UTC), language="uk")
    incidents = [m.incident for m in extract_article(article).mentions if m.incident is not None]
    assert incidents
    for incident in incidents:
        named = [a.name for a in incident.actors]
        assert len(named) == len(set(named)), incident.actors


def _claim_blocks(bodies: dict[str, str], published: datetime) -> set[str]:
    keys = set()
    for language, body in bodies.items():
        article = Article(article_id=f"t-{language}", source="example.org", title="", body=body,
                          published_at=published, language=language)
        keys |= {m.blocking_key for m in extract_article(article).mentions if m.kind == "claim"}
    return keys


def test_one_speaker_transliterated_four_ways_keys_one_block_of_claims() -> None:
    bodies = {
        "en": "A woman was killed in Vovchansk, regional governor Oleh Syniehubov said.",
        "it": "Una donna è stata uccisa a Vovchansk, ha detto il governatore Oleg Synegubov.",
        "uk": "У Вовчанську загинула жінка, повідомив голова ОВА Олег Синєгубов.",
        "ru": "В Волчанске погибла женщина, сообщил глава ОВА Олег Синегубов.",
    }
    assert _claim_blocks(bodies, datetime(2023, 1, 21, 10, tzinfo=UTC)) == {"speaker/sinehubov"}


def test_one_body_named_in_three_languages_keys_one_block_of_claims() -> None:
    bodies = {
        "it": "Lo Stato maggiore ucraino ha detto che le perdite russe hanno raggiunto 500.000 soldati.",
        "uk": "Генштаб ЗСУ повідомив, що втрати Росії сягнули 500 тисяч військових.",
        "ru": "Генштаб ВСУ сообщил, что потери России достигли 500 тысяч военных.",
    }
    assert _claim_blocks(bodies, datetime(2024, 6, 5, 10, tzinfo=UTC)) == {
        "speaker/heneral staf of the armed forces of ukraine"}
