"""Saved web pages → article text and metadata with trafilatura, offline: read from disk, never fetched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import orjson
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from schemas import Article
from services.cli.ingest import validate_line
from services.common.codecs import RecordError
from services.core.records import stable_id
from services.ingest_sources.seen import content_hash, url_article_id, url_domain

# htmldate (inside trafilatura) returns this shape when the page carries a time, a date otherwise.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_TIME_XPATH = (
    "//meta[@property='article:published_time' or @itemprop='datePublished'"
    " or @name='article:published_time' or @property='og:published_time']/@content"
    " | //time[@itemprop='datePublished' or @pubdate]/@datetime"
)
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "outputformat": _DATE_FORMAT}


class PageError(ValueError):
    """A saved page that yields no article text; the message says which page and why."""


@dataclass(frozen=True)
class SavedPage:
    path: Path
    title: str
    text: str
    url: str | None
    published_at: datetime | None
    author: str | None
    domain: str | None


def _page_date(value: str | None) -> datetime | None:
    if not value:
        return None
    for fmt in (_DATE_FORMAT, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            parsed = datetime.strptime(value, fmt)
        except ValueError:
            continue
        # A page that states only a day is read as that day at 00:00 UTC: the pipeline needs an
        # aware timestamp and the extractor's date resolution works at day precision anyway.
        return (parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)).astimezone(UTC)
    return None


def _stated_time(html: bytes) -> datetime | None:
    """The publication time a page states in its metadata, to the second. htmldate (behind
    trafilatura) prefers a date in the URL, which loses the time of day."""
    try:
        tree = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    for value in tree.xpath(_TIME_XPATH):
        try:
            stated = datetime.fromisoformat(value.strip())
        except ValueError:
            continue
        if stated.tzinfo is not None:
            return stated.astimezone(UTC)
    return None


def _public_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme in {"http", "https"} else None


def _without_title_line(text: str, title: str) -> str:
    """trafilatura keeps the page's <h1> as the first line; the title travels in its own field."""
    first, _, rest = text.partition("\n")
    return rest.lstrip("\n") if title and first.strip() == title.strip() else text


def read_saved_page(path: Path) -> SavedPage:
    """The main text of a saved HTML page and what the page says about itself (canonical URL, date)."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise PageError(f"saved page {path} cannot be read: {e.strerror or e}") from e
    doc = trafilatura.bare_extraction(
        raw, with_metadata=True, include_comments=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(doc, Document):
        raise PageError(f"saved page {path} has no readable article text")
    title = (doc.title or "").strip()
    text = _without_title_line((doc.text or "").strip(), title)
    if not text.strip():
        raise PageError(f"saved page {path} has no readable article text")
    url = _public_url(doc.url)
    return SavedPage(
        path=path, title=title, text=text, url=url,
        published_at=_stated_time(raw) or _page_date(doc.date), author=doc.author or None,
        domain=url_domain(url) or (doc.hostname or None),
    )


def page_article(path: Path, max_bytes: int, source: str | None = None) -> Article:
    """One saved page as an Article: id from its canonical URL (or its text when it names none),
    outlet from `source` or the page's host; RecordError says what is missing."""
    try:
        page = read_saved_page(path)
    except PageError as e:
        raise RecordError(str(e), "page") from e
    outlet = source or page.domain
    if not outlet:
        raise RecordError(f"saved page {path} names no site; pass the outlet as source", "schema")
    if page.published_at is None:
        raise RecordError(f"saved page {path} states no publication date", "schema")
    article_id = (
        url_article_id(page.url) if page.url
        else stable_id("page", content_hash(outlet, page.text))
    )
    candidate = {
        "article_id": article_id, "source": outlet, "url": page.url,
        "published_at": page.published_at, "title": page.title, "body": page.text,
        "author": page.author,
    }
    return validate_line(orjson.dumps(candidate), max_bytes)
