"""The already-sent ledger remembers articles by id, URL and text across runs, and dead letters by reason."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from schemas import Article
from services.common.settings import Settings
from services.ingest_sources.seen import (
    SeenLedger,
    content_hash,
    ledger_path,
    normalize_url,
    url_article_id,
    url_domain,
)

WHEN = datetime(2023, 1, 21, 8, tzinfo=UTC)


def article(url: str | None, body: str = "Un attacco con droni ha colpito Odessa.", source: str = "ansa.it",
            article_id: str | None = None) -> Article:
    return Article(
        article_id=article_id or (url_article_id(url) if url else "x-1"), source=source, url=url,
        published_at=WHEN, title="Odessa", body=body,
    )


def test_an_article_never_sent_is_not_seen(tmp_path: Path) -> None:
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        assert ledger.seen_by(article("https://www.ansa.it/a.html")) is None


def test_a_sent_article_is_still_seen_after_the_ledger_is_reopened(tmp_path: Path) -> None:
    a = article("https://www.ansa.it/a.html")
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        ledger.record_sent([a])
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        assert ledger.seen_by(a) == "id"
        assert ledger.sent_count() == 1


def test_the_same_url_with_tracking_tags_and_a_fragment_counts_as_seen(tmp_path: Path) -> None:
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        ledger.record_sent([article("https://www.ansa.it/a.html?id=7")])
        again = article("https://WWW.ANSA.IT/a.html?utm_source=rss&id=7#comments", article_id="other-id",
                        body="Testo diverso.")
        assert ledger.seen_by(again) == "url"


def test_the_same_text_from_the_same_outlet_under_a_new_url_counts_as_seen(tmp_path: Path) -> None:
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        ledger.record_sent([article("https://www.ansa.it/a.html", body="Un attacco   con droni.")])
        moved = article("https://www.ansa.it/b.html", body="un attacco con DRONI.")
        assert ledger.seen_by(moved) == "content"


def test_the_same_text_from_another_outlet_is_a_new_report(tmp_path: Path) -> None:
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        ledger.record_sent([article("https://www.ansa.it/a.html")])
        assert ledger.seen_by(article("https://www.rainews.it/a.html", source="rainews.it")) is None


def test_recording_the_same_article_twice_keeps_one_row(tmp_path: Path) -> None:
    a = article("https://www.ansa.it/a.html")
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        ledger.record_sent([a])
        ledger.record_sent([a])
        assert ledger.sent_count() == 1


def test_a_dead_lettered_rejection_is_remembered_and_others_are_not(tmp_path: Path) -> None:
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        ledger.record_dead_lettered([("k1", "entry has no published or updated date")])
    with SeenLedger(tmp_path / "seen.sqlite3") as ledger:
        assert ledger.was_dead_lettered("k1")
        assert not ledger.was_dead_lettered("k2")


def test_the_ledger_lives_under_the_data_dir(tmp_path: Path) -> None:
    assert ledger_path(Settings(data_dir=tmp_path)).is_relative_to(tmp_path)


def test_url_normalisation_keeps_meaningful_query_parameters() -> None:
    assert normalize_url("https://Ansa.it/x?b=2&utm_medium=feed&fbclid=z#top") == "https://ansa.it/x?b=2"
    assert url_article_id("https://ansa.it/x#top") == url_article_id("https://ansa.it/x")
    assert url_article_id("https://ansa.it/x?id=1") != url_article_id("https://ansa.it/x?id=2")


def test_the_outlet_of_a_web_address_drops_www_and_ignores_local_paths() -> None:
    assert url_domain("https://www.ansa.it/mondo/a.html") == "ansa.it"
    assert url_domain("file:///tmp/a.html") is None
    assert url_domain(None) is None


def test_content_hash_ignores_spacing_and_case_but_not_the_outlet() -> None:
    assert content_hash("ansa.it", "Due  civili\nferiti") == content_hash("ansa.it", "due civili feriti")
    assert content_hash("ansa.it", "Due civili feriti") != content_hash("rainews.it", "Due civili feriti")
