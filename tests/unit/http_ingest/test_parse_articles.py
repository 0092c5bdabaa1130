"""POST /articles accepts one article or a batch, and says exactly what is wrong with a bad request."""

from __future__ import annotations

import json

import pytest

from services.http_ingest.server import MAX_BATCH, HttpError, parse_articles

ARTICLE = {
    "article_id": "a1", "source": "ansa.it", "published_at": "2023-01-21T09:00:00+01:00",
    "title": "Titolo", "body": "Testo dell'articolo.",
}


def status_and_reason(body: bytes, limit: int = 10_000) -> tuple[int, str]:
    with pytest.raises(HttpError) as info:
        parse_articles(body, limit)
    return info.value.status, info.value.reason


def test_one_article_is_accepted() -> None:
    [a] = parse_articles(json.dumps(ARTICLE).encode(), 10_000)
    assert a.article_id == "a1"


def test_a_batch_is_accepted_in_order() -> None:
    batch = [ARTICLE, {**ARTICLE, "article_id": "a2"}]
    assert [a.article_id for a in parse_articles(json.dumps(batch).encode(), 10_000)] == ["a1", "a2"]


def test_invalid_json_is_a_400_with_the_parser_message() -> None:
    status, reason = status_and_reason(b"{nope")
    assert status == 400 and "not JSON" in reason


def test_a_bad_item_in_a_batch_is_named_by_its_index() -> None:
    batch = [ARTICLE, {**ARTICLE, "published_at": None}]
    status, reason = status_and_reason(json.dumps(batch).encode())
    assert status == 400 and reason.startswith("[1] ") and "published_at" in reason


def test_an_oversize_article_is_a_413() -> None:
    status, _ = status_and_reason(json.dumps({**ARTICLE, "body": "x" * 20_000}).encode())
    assert status == 413


def test_a_batch_over_the_limit_is_a_413() -> None:
    status, reason = status_and_reason(json.dumps([ARTICLE] * (MAX_BATCH + 1)).encode())
    assert status == 413 and str(MAX_BATCH) in reason


def test_an_empty_body_is_a_400() -> None:
    assert status_and_reason(b"  ")[0] == 400
