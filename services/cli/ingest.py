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
from services.common.codecs import RecordError, dead_letter, dead_letter_key, decode_article, encode
from services.common.kafka import aiokafka_options
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
    """Send every valid article; returns the report and (where, reason) for each rejected line."""
    files = jsonl_files(paths)
    lines = list(read_lines(files))
    report = IngestReport()
    problems: list[tuple[str, str]] = []
    producer = AIOKafkaProducer(
        **aiokafka_options(settings), acks="all", enable_idempotence=True, linger_ms=5,
        max_request_size=max(settings.max_article_bytes * 2, 1_048_576),
    )
    await producer.start()
    articles_topic = settings.topic_prefix + topics.ARTICLES
    dlq_topic = settings.topic_prefix + topics.DLQ
    try:
        pending = []
        for where, raw in tqdm(lines, desc="ingest", unit="article", disable=not progress):
            try:
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
