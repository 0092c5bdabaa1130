"""RSS and Atom entries become valid Articles (or rejections with reasons), from files offline or URLs."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from schemas import Article
from services.ingest_sources.feeds import (
    FeedBatch,
    FeedError,
    FeedReport,
    html_to_text,
    read_feed,
)
from services.ingest_sources.seen import entry_article_id, url_article_id

FEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "feeds"
RSS = str(FEEDS / "ansa_rss.xml")
ATOM = str(FEEDS / "kyiv_atom.xml")
LIMIT = 1_000_000


def by_title(batch: FeedBatch) -> dict[str, Article]:
    return {a.title: a for _, a in batch.articles}


def test_rss_entries_become_articles_of_the_feeds_outlet() -> None:
    articles = by_title(read_feed(RSS, LIMIT))
    assert {a.source for a in articles.values()} == {"ansa.it"}
    assert "Attacco con droni su Odessa" in articles


def test_publication_times_are_aware_and_in_utc() -> None:
    odessa = by_title(read_feed(RSS, LIMIT))["Attacco con droni su Odessa"]
    assert odessa.published_at == datetime(2023, 1, 21, 8, 0, tzinfo=UTC)
    offset = odessa.published_at.utcoffset()
    assert offset is not None and offset.total_seconds() == 0


def test_html_in_a_summary_is_stripped_to_paragraphs_and_scripts_are_dropped() -> None:
    odessa = by_title(read_feed(RSS, LIMIT))["Attacco con droni su Odessa"]
    assert odessa.body == (
        "Un attacco con droni ha colpito Odessa nella notte.\n"
        "Due civili sono rimasti feriti & tre edifici danneggiati."
    )


def test_full_content_is_preferred_to_the_short_summary() -> None:
    kirby = by_title(read_feed(RSS, LIMIT))["Kirby: razzi nordcoreani alla Wagner"]
    assert kirby.body.startswith("Lo ha reso noto il portavoce")
    assert "Breve sommario" not in kirby.body


def test_an_entry_linking_a_saved_page_takes_its_body_and_canonical_url_from_the_page() -> None:
    kherson = by_title(read_feed(RSS, LIMIT))["Bombardamenti a Kherson"]
    assert kherson.body.startswith("Le forze russe hanno bombardato il centro di Kherson")
    assert "Sommario breve del feed" not in kherson.body
    assert kherson.url == "https://www.ansa.it/mondo/2023/01/22/kherson_bombardamenti.html"
    assert kherson.article_id == url_article_id(kherson.url)
    assert kherson.published_at == datetime(2023, 1, 22, 7, 15, tzinfo=UTC)


def test_article_ids_are_the_same_on_every_read_and_ignore_tracking_tags() -> None:
    first = [a.article_id for _, a in read_feed(RSS, LIMIT).articles]
    assert first == [a.article_id for _, a in read_feed(RSS, LIMIT).articles]
    kirby = by_title(read_feed(RSS, LIMIT))["Kirby: razzi nordcoreani alla Wagner"]
    assert kirby.article_id == url_article_id("https://www.ansa.it/mondo/2023/01/21/kirby_wagner.html")


def test_the_same_link_twice_in_a_feed_gives_the_same_article_id() -> None:
    ids = [a.article_id for _, a in read_feed(RSS, LIMIT).articles]
    assert len(ids) == 4 and len(set(ids)) == 3


def test_entries_without_a_date_or_text_are_rejected_with_reasons() -> None:
    batch = read_feed(RSS, LIMIT)
    reasons = {r.where.split("#")[1]: r.reason for r in batch.rejections}
    assert reasons == {
        "4 (https://www.ansa.it/mondo/2023/01/22/senza_data.html)": "entry has no published or updated date",
        "5 (https://www.ansa.it/mondo/2023/01/22/solo_titolo.html)": "field 'body': body is empty",
    }
    assert all(r.raw for r in batch.rejections)


def test_atom_entries_use_the_updated_time_when_there_is_no_published_one() -> None:
    dnipro = by_title(read_feed(ATOM, LIMIT))["Missile strike on Dnipro"]
    assert dnipro.published_at == datetime(2023, 1, 23, 5, 45, tzinfo=UTC)
    assert dnipro.author == "Olena Test"
    assert dnipro.body == (
        "A missile hit a residential building in Dnipro on Saturday.\nAt least 40 people were killed."
    )


def test_an_atom_entry_with_no_link_is_keyed_by_its_entry_id() -> None:
    dnipro = by_title(read_feed(ATOM, LIMIT))["Missile strike on Dnipro"]
    assert dnipro.url is None
    entry_id = "tag:kyivdesk.example.org,2023:entry-1"
    assert dnipro.article_id == entry_article_id("kyivdesk.example.org", entry_id)


def test_an_atom_published_time_wins_over_its_updated_time() -> None:
    officials = by_title(read_feed(ATOM, LIMIT))["Officials comment on the strike"]
    assert officials.published_at == datetime(2023, 1, 23, 9, 0, tzinfo=UTC)
    assert officials.body == "The regional governor said rescue work continues."


def test_a_local_feed_sets_no_fetch_time() -> None:
    assert all(a.fetched_at is None for _, a in read_feed(ATOM, LIMIT).articles)


def feed_linking(href: str) -> str:
    return f"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
      <link>https://example.org/</link><item><title>Escape</title><link>{href}</link>
      <guid>e1</guid><pubDate>Sat, 21 Jan 2023 09:00:00 +0000</pubDate>
      <description>Public summary of the entry.</description></item></channel></rss>"""


def test_a_saved_page_outside_the_feeds_folder_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "secret.html").write_text("<html><body><p>secret text</p></body></html>")
    feed = tmp_path / "feeds" / "f.xml"
    feed.parent.mkdir()
    feed.write_text(feed_linking("../secret.html"))
    batch = read_feed(str(feed), LIMIT)
    assert batch.articles == []
    [rejection] = batch.rejections
    assert "outside the feed's folder" in rejection.reason and rejection.error_type == "page"


def test_a_missing_saved_page_rejects_the_entry_with_the_path(tmp_path: Path) -> None:
    feed = tmp_path / "f.xml"
    feed.write_text(feed_linking("pages/gone.html"))
    [rejection] = read_feed(str(feed), LIMIT).rejections
    assert "gone.html cannot be read" in rejection.reason


def test_a_missing_feed_file_is_a_feed_error(tmp_path: Path) -> None:
    with pytest.raises(FeedError, match="does not exist"):
        read_feed(str(tmp_path / "nope.xml"), LIMIT)


def test_a_file_that_is_not_a_feed_is_a_feed_error(tmp_path: Path) -> None:
    junk = tmp_path / "junk.xml"
    junk.write_text("<not a feed")
    with pytest.raises(FeedError, match="is not a readable feed"):
        read_feed(str(junk), LIMIT)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_dir(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on loopback serving tmp_path, so feedparser's own client does the fetch."""
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", tmp_path
    server.shutdown()
    server.server_close()


def test_a_feed_url_is_fetched_and_read_like_the_file(http_dir: tuple[str, Path]) -> None:
    base, root = http_dir
    (root / "kyiv.atom").write_bytes(Path(ATOM).read_bytes())
    batch = read_feed(f"{base}/kyiv.atom", LIMIT, now=datetime(2023, 1, 24, tzinfo=UTC))
    offline = read_feed(ATOM, LIMIT)
    assert [a.article_id for _, a in batch.articles] == [a.article_id for _, a in offline.articles]
    assert all(a.fetched_at == datetime(2023, 1, 24, tzinfo=UTC) for _, a in batch.articles)


def test_a_fetched_feed_never_reads_local_files_it_links(http_dir: tuple[str, Path]) -> None:
    base, root = http_dir
    secret = root / "secret.html"
    secret.write_text("<html><body><article><p>" + "secret text. " * 30 + "</p></article></body></html>")
    (root / "remote.xml").write_text(feed_linking(secret.as_uri()))
    [(_, article)] = read_feed(f"{base}/remote.xml", LIMIT).articles
    assert article.body == "Public summary of the entry."


def test_a_feed_url_that_answers_404_is_a_feed_error(http_dir: tuple[str, Path]) -> None:
    base, _ = http_dir
    with pytest.raises(FeedError, match="404"):
        read_feed(f"{base}/missing.xml", LIMIT)


def test_html_to_text_keeps_paragraphs_and_decodes_entities() -> None:
    html = "<p>Uno &amp; due</p><br><div> tre   quattro </div><style>p{}</style>"
    assert html_to_text(html) == "Uno & due\ntre quattro"


def test_the_report_says_when_nothing_was_new() -> None:
    report = FeedReport(source="f.xml", skipped_seen=3)
    assert report.summary() == (
        "f.xml: sent 0 new article(s), skipped 3 already sent, rejected 0; nothing new since the last run"
    )
