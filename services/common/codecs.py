"""Bytes ↔ records: strict decoding with reasons a person can read, and dead-letter envelopes."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from typing import TypeVar

import orjson
from pydantic import BaseModel, ValidationError

from schemas import Article, DeadLetter

M = TypeVar("M", bound=BaseModel)

#: the dead-letter topic keeps at most this much of a huge original (its size is recorded)
DLQ_ORIGINAL_LIMIT = 512 * 1024


class RecordError(ValueError):
    """A record that cannot be read; `reason` is meant for the person reading the dead letter."""

    def __init__(self, reason: str, error_type: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.error_type = error_type


def _human_size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def describe_validation_error(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        where = ".".join(str(p) for p in e["loc"]) or "record"
        if e["type"] == "missing":
            parts.append(f"missing field '{where}'")
        else:
            msg = e["msg"].removeprefix("Value error, ")
            parts.append(f"field '{where}': {msg}")
    return "; ".join(parts)


def decode_json(raw: bytes | None, max_bytes: int) -> object:
    if raw is None or len(raw) == 0:
        raise RecordError("record value is empty", "empty")
    if len(raw) > max_bytes:
        raise RecordError(
            f"record is {_human_size(len(raw))}, over the {_human_size(max_bytes)} limit",
            "oversize",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RecordError(
            f"value is not valid UTF-8 (byte 0x{raw[e.start]:02x} at position {e.start})",
            "encoding",
        ) from e
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise RecordError(f"value is not JSON: {e.msg} at line {e.lineno} column {e.colno}", "json") from e


def decode_model(model: type[M], raw: bytes | None, max_bytes: int) -> M:
    data = decode_json(raw, max_bytes)
    if not isinstance(data, dict):
        raise RecordError(f"expected a JSON object, got {type(data).__name__}", "schema")
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise RecordError(describe_validation_error(e), "schema") from e


def decode_article(raw: bytes | None, max_bytes: int) -> Article:
    return decode_model(Article, raw, max_bytes)


def encode(record: BaseModel) -> bytes:
    return orjson.dumps(record.model_dump(mode="json"))


def dead_letter(
    *,
    stage: str,
    reason: str,
    error_type: str,
    raw: bytes | None,
    failed_at: datetime,
    topic: str | None = None,
    partition: int | None = None,
    offset: int | None = None,
    key: bytes | None = None,
) -> DeadLetter:
    original = raw or b""
    return DeadLetter(
        stage=stage,
        reason=reason,
        error_type=error_type,
        source_topic=topic,
        source_partition=partition,
        source_offset=offset,
        source_key_b64=base64.b64encode(key).decode() if key else None,
        original_b64=base64.b64encode(original[:DLQ_ORIGINAL_LIMIT]).decode(),
        original_size=len(original),
        original_truncated=len(original) > DLQ_ORIGINAL_LIMIT,
        failed_at=failed_at,
    )


def dead_letter_key(topic: str | None, partition: int | None, offset: int | None) -> bytes:
    return f"{topic}/{partition}/{offset}".encode()
