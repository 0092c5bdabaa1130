"""Saved HTML pages become article text with trafilatura, offline, or a reason why they cannot."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.common.codecs import RecordError
from services.ingest_sources.pages import PageError, page_article, read_saved_page
from services.ingest_sources.seen import url_article_id

PAGES = Path(__file__).resolve().parents[2] / "fixtures" / "feeds" / "pages"
KHERSON_URL = "https://www.ansa.it/mondo/2023/01/22/kherson_bombardamenti.html"


def test_a_saved_page_gives_the_article_text_without_navigation_or_footer() -> None:
    page = read_saved_page(PAGES / "kherson.html")
    assert page.text.startswith("Le forze russe hanno bombardato il centro di Kherson")
    assert "tre persone sono morte" in page.text
    assert "Cookie policy" not in page.text and "Sport" not in page.text


def test_the_title_is_kept_apart_from_the_text() -> None:
    page = read_saved_page(PAGES / "kherson.html")
    assert page.title == "Bombardamenti a Kherson"
    assert not page.text.startswith("Bombardamenti a Kherson")


def test_a_saved_page_states_its_canonical_url_outlet_author_and_publication_time() -> None:
    page = read_saved_page(PAGES / "kherson.html")
    assert page.url == KHERSON_URL
    assert page.domain == "ansa.it"
    assert page.author == "Redazione Test"
    assert page.published_at == datetime(2023, 1, 22, 7, 15, tzinfo=UTC)


def test_a_page_article_is_keyed_by_its_canonical_url() -> None:
    article = page_article(PAGES / "kherson.html", max_bytes=1_000_000)
    assert article.article_id == url_article_id(KHERSON_URL)
    assert (article.source, article.url) == ("ansa.it", KHERSON_URL)
    assert article.published_at.utcoffset() is not None


def test_a_page_without_a_canonical_url_is_keyed_by_its_text(tmp_path: Path) -> None:
    html = (PAGES / "kherson.html").read_text(encoding="utf-8")
    copy = tmp_path / "copy.html"
    copy.write_text(html.replace('<link rel="canonical"', '<link rel="stylesheet"'), encoding="utf-8")
    first = page_article(copy, max_bytes=1_000_000, source="ansa.it")
    again = page_article(copy, max_bytes=1_000_000, source="ansa.it")
    assert first.url is None
    assert first.article_id == again.article_id
    assert first.article_id.startswith("page-")


def test_a_page_with_no_article_text_is_refused_with_its_name() -> None:
    with pytest.raises(PageError, match="no_text.html has no readable article text"):
        read_saved_page(PAGES / "no_text.html")


def test_a_page_that_states_no_date_is_refused_as_an_article() -> None:
    with pytest.raises(RecordError, match="states no publication date"):
        page_article(PAGES / "undated.html", max_bytes=1_000_000)


def test_a_missing_page_is_refused_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(PageError, match="gone.html cannot be read"):
        read_saved_page(tmp_path / "gone.html")


def test_an_oversize_page_is_refused_like_any_oversize_record() -> None:
    with pytest.raises(RecordError) as info:
        page_article(PAGES / "kherson.html", max_bytes=100)
    assert info.value.error_type == "oversize"
