"""`newsevents process`: read Article JSON Lines, run the in-process pipeline, write incidents.jsonl and claims.jsonl."""

from __future__ import annotations

import time
from pathlib import Path

import orjson
from tqdm import tqdm

from services.cli.ingest import read_lines
from services.common.codecs import RecordError, decode_article
from services.common.settings import get_settings
from services.core.pipeline import BatchPipeline


def run_process(input_path: Path, out: Path, progress: bool = True) -> str:
    settings = get_settings()
    files = sorted(input_path.rglob("*.jsonl")) if input_path.is_dir() else [input_path]
    lines = list(read_lines(files))
    pipeline = BatchPipeline()
    rejected: list[tuple[str, str]] = []
    t0 = time.perf_counter()
    for where, raw in tqdm(lines, desc="process", unit="article", disable=not progress):
        try:
            article = decode_article(raw, settings.max_article_bytes)
        except RecordError as e:
            rejected.append((where, e.reason))
            continue
        pipeline.add(article)
    elapsed = time.perf_counter() - t0
    out.mkdir(parents=True, exist_ok=True)
    incidents = pipeline.live_incidents()
    claims = pipeline.live_claims()
    with (out / "incidents.jsonl").open("wb") as fh:
        for i in incidents:
            fh.write(orjson.dumps(i.model_dump(mode="json")) + b"\n")
    with (out / "claims.jsonl").open("wb") as fh:
        for c in claims:
            fh.write(orjson.dumps(c.model_dump(mode="json")) + b"\n")
    lines_out = [
        f"read {len(lines)} line(s) in {elapsed:.1f}s ({len(lines) / max(elapsed, 1e-9):.0f}/s): "
        f"{len(lines) - len(rejected) - len(pipeline.unsupported)} processed, "
        f"{len(rejected)} rejected, {len(pipeline.unsupported)} unsupported, "
        f"{pipeline.articles_without_events} without events",
        f"wrote {len(incidents)} incident(s) to {out / 'incidents.jsonl'}",
        f"wrote {len(claims)} claim(s) to {out / 'claims.jsonl'}",
    ]
    for where, reason in (rejected + pipeline.unsupported)[:10]:
        lines_out.append(f"  skipped {where}: {reason}")
    return "\n".join(lines_out)
