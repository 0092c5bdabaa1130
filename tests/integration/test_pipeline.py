"""End to end on the real broker: articles in, incidents and claims out, bad input dead-lettered, no duplicates."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from services.common import topics
from tests.integration.conftest import RunningPipeline
from tests.integration.kafka_io import consume_until, produce, values

REPO = Path(__file__).resolve().parents[2]
SAMPLES = [json.loads(line) for line in (REPO / "samples" / "articles.jsonl").read_text().splitlines()]
SEED = next(a for a in SAMPLES if a["article_id"] == "seed-it-0001")
ODESSA = next(a for a in SAMPLES if a["article_id"] == "sample-it-0002")


def schema(name: str) -> Draft202012Validator:
    return Draft202012Validator(json.loads((REPO / "schemas" / "json" / name).read_text()))


def t(p: RunningPipeline, name: str) -> str:
    return p.settings.topic_prefix + name


def send_articles(p: RunningPipeline, articles: list[dict]) -> None:  # type: ignore[type-arg]
    asyncio.run(produce(p.settings.kafka_bootstrap, t(p, topics.ARTICLES),
                        [(a["article_id"].encode(), json.dumps(a).encode()) for a in articles]))


def outputs_citing(p: RunningPipeline, article_id: str, want_claims: bool = True) -> tuple[list[dict], list[dict]]:  # type: ignore[type-arg]
    def cites(r: object) -> bool:
        return article_id in json.loads(r.value)["article_ids"]  # type: ignore[attr-defined]

    def done(recs: list) -> bool:  # type: ignore[type-arg]
        inc = [r for r in recs if r.topic == t(p, topics.INCIDENTS) and cites(r)]
        cl = [r for r in recs if r.topic == t(p, topics.CLAIMS) and cites(r)]
        return bool(inc) and (bool(cl) or not want_claims)

    recs = asyncio.run(consume_until(p.settings.kafka_bootstrap,
                                     [t(p, topics.INCIDENTS), t(p, topics.CLAIMS)], done, settle_s=5,
                                     check=p.assert_alive))
    incidents = [v for r, v in zip(recs, values(recs)) if r.topic == t(p, topics.INCIDENTS)]
    claims = [v for r, v in zip(recs, values(recs)) if r.topic == t(p, topics.CLAIMS)]
    return ([i for i in incidents if article_id in i["article_ids"]],
            [c for c in claims if article_id in c["article_ids"]])


def test_seed_article_comes_out_as_incidents_and_claims_valid_against_the_committed_schemas(
    pipeline: RunningPipeline,
) -> None:
    send_articles(pipeline, [SEED])
    incidents, claims = outputs_citing(pipeline, SEED["article_id"])
    pipeline.assert_alive()
    assert incidents and claims
    for record in incidents:
        schema("incident.v1.json").validate(record)
    for record in claims:
        schema("claim.v1.json").validate(record)
    text = SEED["title"] + "\n\n" + SEED["body"]
    for record in incidents + claims:
        for ev in record["evidence"]:
            assert text[ev["char_start"]:ev["char_end"]] == ev["text"]
    assert "Vovchansk" in {i["location"]["name"] for i in incidents}


def test_bad_records_are_dead_lettered_with_reasons_and_the_worker_keeps_going(
    pipeline: RunningPipeline,
) -> None:
    good = {**ODESSA, "article_id": "after-the-bad-ones"}
    bad: list[tuple[bytes | None, bytes]] = [
        (b"k1", b"\xff\xfe not utf-8"),
        (b"k2", b'{"article_id": "broken",'),
        (b"k3", json.dumps({k: v for k, v in ODESSA.items() if k != "published_at"}).encode()),
        (b"k4", json.dumps({**ODESSA, "article_id": "wrong-type", "body": 42}).encode()),
        (b"k5", json.dumps({**ODESSA, "article_id": "empty", "body": "  "}).encode()),
        (b"k6", json.dumps({**ODESSA, "article_id": "huge", "body": "x" * 1_500_000}).encode()),
        (b"k7", json.dumps({**ODESSA, "article_id": "klingon", "language": "xx"}).encode()),
    ]
    asyncio.run(produce(pipeline.settings.kafka_bootstrap, t(pipeline, topics.ARTICLES),
                        bad + [(b"good", json.dumps(good).encode())]))
    letters = values(asyncio.run(consume_until(
        pipeline.settings.kafka_bootstrap, [t(pipeline, topics.DLQ)], lambda r: len(r) >= len(bad),
        check=pipeline.assert_alive)))
    by_key = {base64.b64decode(x["source_key_b64"]): x for x in letters if x["source_key_b64"]}
    for key, _ in bad:
        assert key in by_key, f"no dead letter for {key!r}"
        letter = by_key[key]
        schema("dead_letter.v1.json").validate(letter)
        assert letter["source_topic"] == t(pipeline, topics.ARTICLES)
        assert letter["source_offset"] is not None and letter["reason"]
    assert "UTF-8" in by_key[b"k1"]["reason"]
    assert "not JSON" in by_key[b"k2"]["reason"]
    assert "published_at" in by_key[b"k3"]["reason"]
    assert "body" in by_key[b"k4"]["reason"]
    assert "empty" in by_key[b"k5"]["reason"]
    assert by_key[b"k6"]["error_type"] == "oversize"
    assert "language 'xx'" in by_key[b"k7"]["reason"]
    incidents, _ = outputs_citing(pipeline, "after-the-bad-ones", want_claims=False)
    assert incidents, "the worker did not process the good article after the bad ones"
    pipeline.assert_alive()


def test_the_same_article_twice_yields_no_duplicate_incident(pipeline: RunningPipeline) -> None:
    article = {**ODESSA, "article_id": "twice"}
    send_articles(pipeline, [article])
    first, _ = outputs_citing(pipeline, "twice", want_claims=False)
    send_articles(pipeline, [article])
    second, _ = outputs_citing(pipeline, "twice", want_claims=False)
    assert first
    assert sorted((i["incident_id"], i["revision"]) for i in second) == sorted(
        (i["incident_id"], i["revision"]) for i in first
    )
