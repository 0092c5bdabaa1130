"""RSS/Atom feeds → Article records on articles.v1, skipping what the ledger says was already sent."""

from __future__ import annotations

import asyncio
import calendar
import hashlib
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from http.client import HTTPResponse
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import feedparser
import orjson
import structlog
from aiokafka import AIOKafkaProducer
from tqdm import tqdm

from schemas import Article
from services.cli.ingest import IngestReport, validate_line
from services.common import topics
from services.common.codecs import RecordError, dead_letter, dead_letter_key, encode
from services.common.kafka import producer_options
from services.common.settings import Settings
from services.ingest_sources.pages import PageError, read_saved_page
from services.ingest_sources.seen import (
    SeenLedger,
    content_hash,
    entry_article_id,
    ledger_path,
    normalize_url,
    url_article_id,
    url_domain,
)

log = structlog.get_logger(__name__)

#: feedparser's HTTP client has no timeout of its own; a feed server that never answers must not
#: hang an ingest run forever.
FETCH_TIMEOUT_S = 30.0
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "pre", "table", "tr", "section", "article", "header", "footer", "figure", "figcaption", "hr",
})
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template"})


class FeedError(Exception):
    """The feed itself cannot be read (missing file, network error, not a feed); nothing was sent."""


@dataclass
class Rejection:
    where: str
    reason: str
    error_type: str
    raw: bytes
    #: identifies this entry *and* this reason, so a re-poll does not dead-letter it again
    key: str


@dataclass
class FeedBatch:
    """What one read of a feed yielded: valid articles in feed order and the entries refused."""

    source: str
    title: str
    articles: list[tuple[str, Article]] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)


@dataclass
class FeedReport(IngestReport):
    """sent / skipped as already sent / rejected (with reasons), per run of one feed."""

    source: str = ""
    feed_title: str = ""
    skipped_seen: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    dead_lettered: int = 0

    def summary(self) -> str:
        line = (f"{self.source}: sent {self.sent} new article(s), skipped {self.skipped_seen} "
                f"already sent, rejected {self.rejected_total}")
        if self.rejected_total:
            line += f" ({self.dead_lettered} newly dead-lettered)"
        if self.sent == 0 and self.skipped_seen:
            line += "; nothing new since the last run"
        return line


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML snippet: block elements become line breaks, spacing is collapsed."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _is_url(source: str) -> bool:
    return urlsplit(source).scheme in {"http", "https"}


def _when(entry: Any) -> datetime | None:
    # feedparser normalises every date it understands to a UTC struct_time.
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), UTC)


def _entry_text(entry: Any) -> str:
    """The fullest text the entry carries: the longest content block, else the summary."""
    blocks = [c for c in entry.get("content", []) if c.get("value", "").strip()]
    if blocks:
        best = max(blocks, key=lambda c: len(c["value"]))
        value, kind = best["value"], best.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary", ""), detail.get("type", "text/html")
    return html_to_text(value) if "html" in kind else value.strip()


def _saved_page_link(entry: Any, feed_dir: Path) -> Path | None:
    """The local HTML file this entry links to, if any, confined to the feed file's folder."""
    hrefs = [entry.get("link")] + [link.get("href") for link in entry.get("links", [])]
    for href in filter(None, hrefs):
        parts = urlsplit(href)
        if parts.scheme not in {"", "file"} or not parts.path.lower().endswith(_PAGE_SUFFIXES):
            continue
        target = (feed_dir / unquote(parts.path)).resolve()
        # Never read outside the feed's own folder: a feed is input, not a licence to open files.
        if not target.is_relative_to(feed_dir):
            raise PageError(f"entry links {href}, outside the feed's folder {feed_dir}")
        return target
    return None


class _TimeoutHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> HTTPResponse:
        req.timeout = FETCH_TIMEOUT_S  # type: ignore[attr-defined]
        return super().http_open(req)


class _TimeoutHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> HTTPResponse:
        req.timeout = FETCH_TIMEOUT_S  # type: ignore[attr-defined]
        return super().https_open(req)


def _parse(source: str) -> tuple[Any, Path | None, str]:
    """feedparser's result; for a local file, the folder its saved pages may live in; and where
    the feed really is (final URL or absolute path), however the caller spelled it."""
    if _is_url(source):
        parsed = feedparser.parse(source, handlers=[_TimeoutHTTPHandler(), _TimeoutHTTPSHandler()])
        status = parsed.get("status")
        if status is not None and status >= 400:
            raise FeedError(f"{source}: the server answered HTTP {status}")
        feed_dir, location = None, str(parsed.get("href") or source)
    else:
        path = Path(unquote(urlsplit(source).path) if source.startswith("file:") else source)
        if not path.is_file():
            raise FeedError(f"{path} does not exist or is not a file")
        # Bytes, not the path: feedparser would otherwise decide by itself whether to open a file
        # or the network, and relative links stay relative so saved pages resolve against `path`.
        parsed = feedparser.parse(path.read_bytes())
        feed_dir, location = path.resolve().parent, str(path.resolve())
    if not parsed.entries and parsed.get("bozo"):
        raise FeedError(f"{source} is not a readable feed: {parsed.get('bozo_exception')}")
    return parsed, feed_dir, location


def read_feed(source: str, max_bytes: int, now: datetime | None = None) -> FeedBatch:
    """Every entry of a feed validated into an Article, or rejected with a reason (no Kafka here)."""
    parsed, feed_dir, location = _parse(source)
    feed = parsed.feed
    fetched_at = (now or datetime.now(UTC)) if feed_dir is None else None
    batch = FeedBatch(source=source, title=html_to_text(feed.get("title", "")))
    feed_domain = url_domain(feed.get("link")) or url_domain(parsed.get("href") or source)
    for n, entry in enumerate(parsed.entries, 1):
        label = entry.get("link") or entry.get("id") or entry.get("title") or "untitled"
        where = f"{source}#{n} ({label})"
        candidate: dict[str, Any] = {}
        try:
            candidate = _candidate(entry, feed_domain, feed_dir, fetched_at)
            article = validate_line(orjson.dumps(candidate), max_bytes)
        except RecordError as err:
            raw = orjson.dumps(candidate or dict(entry), default=str)
            key = hashlib.sha256(f"{location}\n{label}\n{err.reason}".encode()).hexdigest()
            batch.rejections.append(Rejection(where, err.reason, err.error_type, raw, key))
            continue
        batch.articles.append((where, article))
    return batch


def _candidate(
    entry: Any, feed_domain: str | None, feed_dir: Path | None, fetched_at: datetime | None
) -> dict[str, Any]:
    """The Article fields of one entry; RecordError for what no Article can be made of."""
    url = entry.get("link") if _is_url(entry.get("link") or "") else None
    title = html_to_text(entry.get("title", ""))
    body = _entry_text(entry)
    published_at = _when(entry)
    author = entry.get("author") or None
    if feed_dir is not None:
        try:
            page_path = _saved_page_link(entry, feed_dir)
            page = read_saved_page(page_path) if page_path else None
        except PageError as e:
            raise RecordError(str(e), "page") from e
        if page is not None:
            body = page.text
            url = url or page.url
            title = title or page.title
            published_at = published_at or page.published_at
            author = author or page.author
    source = feed_domain or url_domain(url)
    if not source:
        raise RecordError("cannot tell the outlet: the feed and the entry name no web address", "schema")
    entry_id = (entry.get("id") or "").strip()
    if url:
        article_id = url_article_id(url)
    elif entry_id:
        article_id = entry_article_id(source, entry_id)
    else:
        raise RecordError("entry has neither a link nor an id, so it has no stable identity", "schema")
    if published_at is None:
        raise RecordError("entry has no published or updated date", "schema")
    return {
        "article_id": article_id, "source": source, "url": url, "published_at": published_at,
        "title": title, "body": body, "author": author, "fetched_at": fetched_at,
    }


async def ingest_feed_async(source: str, settings: Settings, progress: bool = True) -> FeedReport:
    """Read a feed (URL or file), send the articles not sent before, dead-letter new rejections."""
    batch = await asyncio.to_thread(read_feed, source, settings.max_article_bytes)
    report = FeedReport(source=source, feed_title=batch.title)
    articles_topic = settings.topic_prefix + topics.ARTICLES
    dlq_topic = settings.topic_prefix + topics.DLQ
    with SeenLedger(ledger_path(settings)) as ledger:
        fresh: list[tuple[str, Article]] = []
        in_run: set[str] = set()
        for where, article in batch.articles:
            # The same story twice in one feed (e.g. pinned and listed) counts as seen, too.
            keys = {article.article_id, content_hash(article.source, article.body)}
            if article.url:
                keys.add(normalize_url(article.url))
            if ledger.seen_by(article) or keys & in_run:
                report.skipped_seen += 1
                continue
            in_run |= keys
            fresh.append((where, article))
        for r in batch.rejections:
            report.rejected[r.error_type] += 1
            report.problems.append((r.where, r.reason))
        letters = [r for r in batch.rejections if not ledger.was_dead_lettered(r.key)]
        if fresh or letters:
            await _send(fresh, letters, articles_topic, dlq_topic, settings, progress, ledger, report)
    log.info("feed.ingested", source=source, sent=report.sent, skipped_seen=report.skipped_seen,
             rejected=report.rejected_total, dead_lettered=report.dead_lettered)
    return report


async def _send(
    fresh: list[tuple[str, Article]],
    letters: list[Rejection],
    articles_topic: str,
    dlq_topic: str,
    settings: Settings,
    progress: bool,
    ledger: SeenLedger,
    report: FeedReport,
) -> None:
    """Send, wait for every acknowledgement, and only then write the ledger: a crash in between
    sends an article again next time (at-least-once), never loses one."""
    producer = AIOKafkaProducer(
        **producer_options(settings), acks="all", enable_idempotence=True, linger_ms=5,
        max_request_size=max(settings.max_article_bytes * 2, 1_048_576),
    )
    await producer.start()
    delivered: list[Article] = []
    try:
        pending = []
        for _, article in tqdm(fresh, desc="feed", unit="article", disable=not progress):
            fut = await producer.send(articles_topic, encode(article), key=article.article_id.encode())
            pending.append((article, fut))
        letter_futs = []
        for r in letters:
            letter = dead_letter(
                stage="ingest.feed", reason=f"{r.where}: {r.reason}", error_type=r.error_type,
                raw=r.raw, failed_at=datetime.now(UTC),
            )
            letter_futs.append((r, await producer.send(
                dlq_topic, encode(letter), key=dead_letter_key(r.where, None, None))))
        for article, fut in pending:
            await fut
            delivered.append(article)
        for _, fut in letter_futs:
            await fut
        ledger.record_dead_lettered((r.key, r.reason) for r in letters)
        report.dead_lettered = len(letters)
    finally:
        # Whatever the broker acknowledged is recorded even if a later send failed.
        ledger.record_sent(delivered)
        report.sent = len(delivered)
        report.article_ids = [a.article_id for a in delivered]
        await producer.stop()


def ingest_feed(source: str, settings: Settings, progress: bool = True) -> FeedReport:
    """The CLI's entry point: one feed, one run, one report (FeedError if the feed is unreadable)."""
    return asyncio.run(ingest_feed_async(source, settings, progress))
