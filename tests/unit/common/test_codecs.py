"""Bad input is turned into a dead letter with a reason a person can read, never an exception that escapes."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from services.common.codecs import DLQ_ORIGINAL_LIMIT, RecordError, dead_letter, decode_article

GOOD = {
    "article_id": "a1", "source": "ansa.it", "url": None, "language": "it",
    "published_at": "2023-01-21T09:00:00+01:00", "title": "Titolo", "body": "Testo.",
}
LIMIT = 10_000


def raw(**changes: object) -> bytes:
    return json.dumps({**GOOD, **changes}).encode()


def reason_for(data: bytes | None) -> RecordError:
    with pytest.raises(RecordError) as info:
        decode_article(data, LIMIT)
    return info.value


def test_a_valid_article_decodes() -> None:
    assert decode_article(raw(), LIMIT).article_id == "a1"


def test_malformed_json_names_the_position() -> None:
    err = reason_for(b'{"article_id": "a1",')
    assert err.error_type == "json"
    assert "not JSON" in err.reason and "column" in err.reason


def test_invalid_utf8_says_which_byte() -> None:
    err = reason_for(b'{"title": "\xff"}')
    assert err.error_type == "encoding"
    assert "0xff" in err.reason


def test_missing_field_is_named() -> None:
    data = {k: v for k, v in GOOD.items() if k != "published_at"}
    err = reason_for(json.dumps(data).encode())
    assert err.error_type == "schema"
    assert "missing field 'published_at'" in err.reason


def test_wrong_type_is_named() -> None:
    err = reason_for(raw(body=["not", "text"]))
    assert "field 'body'" in err.reason


def test_empty_body_is_refused() -> None:
    assert "body is empty" in reason_for(raw(body="   \n ")).reason


def test_empty_record_is_refused() -> None:
    assert reason_for(b"").error_type == "empty"
    assert reason_for(None).error_type == "empty"


def test_huge_record_is_refused_with_its_size() -> None:
    err = reason_for(raw(body="x" * (LIMIT * 3)))
    assert err.error_type == "oversize"
    assert "over the" in err.reason


def test_a_json_array_is_not_an_article() -> None:
    assert "expected a JSON object" in reason_for(b"[1, 2]").reason


def test_dead_letter_keeps_where_it_came_from_and_the_original_bytes() -> None:
    letter = dead_letter(
        stage="extractor.decode", reason="r", error_type="json", raw=b"{oops",
        failed_at=datetime(2023, 1, 1, tzinfo=UTC), topic="articles.v1", partition=2, offset=41,
        key=b"a1",
    )
    assert (letter.source_topic, letter.source_partition, letter.source_offset) == ("articles.v1", 2, 41)
    assert base64.b64decode(letter.original_b64) == b"{oops"


def test_dead_letter_of_a_huge_record_is_truncated_but_says_so() -> None:
    big = b"x" * (DLQ_ORIGINAL_LIMIT + 10)
    letter = dead_letter(stage="s", reason="r", error_type="oversize", raw=big,
                         failed_at=datetime(2023, 1, 1, tzinfo=UTC))
    assert letter.original_truncated and letter.original_size == len(big)
