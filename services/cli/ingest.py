"""Put Article JSON Lines on articles.v1: validate each line, send the good ones, dead-letter and report the rest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from aiokafka import AIOKafkaProducer
from tqdm import tqdm

from schemas import Article
from services.common import topics
from services.common.codecs import (
    DLQ_ORIGINAL_LIMIT,
    RecordError,
    dead_letter,
    dead_letter_key,
    decode_article,
    encode,
)
from services.common.kafka import producer_options
from services.common.settings import Settings


@dataclass
class IngestReport:
    sent: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    article_ids: list[str] = field(default_factory=list)

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())


def jsonl_files(paths: list[Path]) -> list[Path]:
    """The files to read: each file as given, each folder's *.jsonl files in name order."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.rglob("*.jsonl")))
        elif p.exists():
            out.append(p)
        else:
            raise FileNotFoundError(f"{p} does not exist")
    return out


def read_lines(files: list[Path]) -> Iterator[tuple[str, bytes]]:
    """(where, raw line) for every non-blank line; `where` is file:line for error reports."""
    for f in files:
        with f.open("rb") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    yield f"{f}:{n}", line.rstrip(b"\r\n")


def validate_line(raw: bytes, max_bytes: int) -> Article:
    return decode_article(raw, max_bytes)


async def ingest(
    paths: list[Path], settings: Settings, progress: bool = True
) -> tuple[IngestReport, list[tuple[str, str]]]:
    """Send every valid article of the JSON Lines files; returns the report and (where, reason)
    for each rejected line."""
    lines = [Line(where, raw) for where, raw in read_lines(jsonl_files(paths))]
    return await ingest_lines(lines, settings, progress)


@dataclass(frozen=True)
class Line:
    """One input record: where it came from, its bytes, and the reason when it is already known bad."""

    where: str
    raw: bytes
    error: RecordError | None = None


def page_lines(pages: list[Path], max_bytes: int) -> list[Line]:
    """Saved HTML pages as article lines (trafilatura, offline); a page that yields no article
    keeps the reason, so it is reported and dead-lettered like any bad line."""
    from services.ingest_sources.pages import page_article

    lines = []
    for page in pages:
        try:
            lines.append(Line(str(page), encode(page_article(page, max_bytes))))
        except RecordError as e:
            lines.append(Line(str(page), page.read_bytes()[:DLQ_ORIGINAL_LIMIT], e))
        except OSError as e:
            lines.append(Line(str(page), b"", RecordError(f"cannot read the page: {e}", "page")))
    return lines


async def ingest_lines(
    lines: list[Line], settings: Settings, progress: bool = True
) -> tuple[IngestReport, list[tuple[str, str]]]:
    """Validate and send lines: good ones to articles.v1, the rest to dlq.v1 with the reason."""
    report = IngestReport()
    problems: list[tuple[str, str]] = []
    producer = AIOKafkaProducer(
        **producer_options(settings), acks="all", enable_idempotence=True, linger_ms=5,
        max_request_size=max(settings.max_article_bytes * 2, 1_048_576),
    )
    await producer.start()
    articles_topic = settings.topic_prefix + topics.ARTICLES
    dlq_topic = settings.topic_prefix + topics.DLQ
    try:
        pending = []
        for line in tqdm(lines, desc="ingest", unit="article", disable=not progress):
            where, raw = line.where, line.raw
            try:
                if line.error is not None:
                    raise line.error
                article = validate_line(raw, settings.max_article_bytes)
            except RecordError as err:
                report.rejected[err.error_type] += 1
                problems.append((where, err.reason))
                letter = dead_letter(
                    stage="ingest.validate", reason=f"{where}: {err.reason}",
                    error_type=err.error_type, raw=raw, failed_at=datetime.now(UTC),
                )
                pending.append(
                    await producer.send(dlq_topic, encode(letter), key=dead_letter_key(where, None, None))
                )
                continue
            pending.append(
                await producer.send(articles_topic, encode(article), key=article.article_id.encode())
            )
            report.sent += 1
            report.article_ids.append(article.article_id)
        for fut in pending:
            await fut
    finally:
        await producer.stop()
    return report, problems
