"""The "already sent" ledger: articles remembered by id, URL and content hash in SQLite under the data dir."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal, Self
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from schemas import Article
from services.common.settings import Settings
from services.core.records import stable_id

SeenBy = Literal["id", "url", "content"]

# Query parameters that only say where a click came from: the same article must not look new
# because a feed appended a campaign tag to its link.
_TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sent (
    article_id   TEXT PRIMARY KEY,
    url          TEXT,
    content_hash TEXT NOT NULL,
    source       TEXT NOT NULL,
    sent_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sent_url ON sent (url);
CREATE INDEX IF NOT EXISTS sent_content ON sent (content_hash);
CREATE TABLE IF NOT EXISTS dead_lettered (
    rejection_key TEXT PRIMARY KEY,
    reason        TEXT NOT NULL,
    at            TEXT NOT NULL
);
"""


def ledger_path(settings: Settings) -> Path:
    return settings.data_dir / "ingest" / "seen.sqlite3"


def normalize_url(url: str) -> str:
    """The URL an article is known by: lower-case scheme and host, no fragment, no tracking tags."""
    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in _TRACKING_PARAMS
    ]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), "")
    )


def url_domain(url: str | None) -> str | None:
    """The outlet a web address belongs to, as articles name it: `https://www.ansa.it/x` → `ansa.it`."""
    parts = urlsplit(url or "")
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return None
    return parts.hostname.lower().removeprefix("www.")


def url_article_id(url: str) -> str:
    return stable_id("url", normalize_url(url))


def entry_article_id(source: str, entry_id: str) -> str:
    """For entries with no public URL: feed entry ids are only unique within one outlet."""
    return stable_id("entry", source, entry_id.strip())


def content_hash(source: str, body: str) -> str:
    """Same outlet, same text (whitespace and case aside) = same article. Scoped by outlet because
    a wire story republished by two outlets is two reports the deduplicator should count."""
    text = " ".join(body.split()).casefold()
    return hashlib.sha256(f"{source}\n{text}".encode()).hexdigest()


class SeenLedger:
    """What ingest already delivered to the broker; written only after the broker acknowledged."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # isolation_level=None: each write below is its own explicit transaction.
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.executescript(_SCHEMA)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def seen_by(self, article: Article) -> SeenBy | None:
        """Why this article counts as already sent (its id, its URL or its text), or None."""
        if self._db.execute("SELECT 1 FROM sent WHERE article_id = ?", (article.article_id,)).fetchone():
            return "id"
        if article.url and self._db.execute(
            "SELECT 1 FROM sent WHERE url = ?", (normalize_url(article.url),)
        ).fetchone():
            return "url"
        if self._db.execute(
            "SELECT 1 FROM sent WHERE content_hash = ?", (content_hash(article.source, article.body),)
        ).fetchone():
            return "content"
        return None

    def record_sent(self, articles: Iterable[Article], at: datetime | None = None) -> None:
        stamp = (at or datetime.now(UTC)).isoformat()
        rows = [
            (a.article_id, normalize_url(a.url) if a.url else None,
             content_hash(a.source, a.body), a.source, stamp)
            for a in articles
        ]
        with self._transaction():
            self._db.executemany("INSERT OR IGNORE INTO sent VALUES (?, ?, ?, ?, ?)", rows)

    def was_dead_lettered(self, rejection_key: str) -> bool:
        return bool(self._db.execute(
            "SELECT 1 FROM dead_lettered WHERE rejection_key = ?", (rejection_key,)
        ).fetchone())

    def record_dead_lettered(self, rejections: Iterable[tuple[str, str]], at: datetime | None = None) -> None:
        """(rejection key, reason) pairs, so re-polling a feed does not fill dlq.v1 with copies."""
        stamp = (at or datetime.now(UTC)).isoformat()
        with self._transaction():
            self._db.executemany(
                "INSERT OR IGNORE INTO dead_lettered VALUES (?, ?, ?)",
                [(key, reason, stamp) for key, reason in rejections],
            )

    def sent_count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM sent").fetchone()[0])

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")
