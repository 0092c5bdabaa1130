"""One article record in, its mentions or the reason it cannot be read out: shared by the agent and `newsevents replay`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import structlog

from schemas import Mention
from services.common.codecs import RecordError, decode_article
from services.core.extract import UnsupportedArticle, extract_article

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class Outcome:
    mentions: list[Mention] = field(default_factory=list)
    error: RecordError | None = None
    stage: str = "extract"
    article_id: str | None = None
    language: str | None = None


def handle_article(raw: bytes | None, max_bytes: int, article_timestamp: datetime | None = None) -> Outcome:
    """Never raises: a record that cannot be read becomes an Outcome with an error for dlq.v1.
    The mentions carry the article record's Kafka timestamp, for end-to-end latency."""
    try:
        article = decode_article(raw, max_bytes)
    except RecordError as err:
        return Outcome(error=err, stage="decode")
    try:
        result = extract_article(article)
    except UnsupportedArticle as err:
        return Outcome(error=RecordError(str(err), err.error_type), article_id=article.article_id)
    except Exception as err:  # a bug on one article must not stop the stream
        log.exception("article.extract_failed", article_id=article.article_id)
        return Outcome(
            error=RecordError(f"extractor crashed: {err!r}", "internal"), article_id=article.article_id
        )
    mentions = [m.model_copy(update={"article_timestamp": article_timestamp}) for m in result.mentions]
    return Outcome(mentions=mentions, article_id=article.article_id, language=result.language)
