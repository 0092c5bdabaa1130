"""Benchmarks without a broker: the extraction core against a simple baseline, and dedup as state grows."""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import statistics
import time
from collections.abc import Callable, Iterable
from datetime import timedelta
from pathlib import Path
from typing import Any

from sentencex import segment
from tqdm import tqdm

from schemas import Article, Mention
from services.common.settings import REPO_ROOT
from services.core.dedup import Deduplicator, DedupParams
from services.core.extract import UnsupportedArticle, extract_article
from services.evaluation.gold import load_cases

NEWS_MIN_WORDS = 150
DEV_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
RESULTS = REPO_ROOT / "bench" / "results.json"
RESULTS_MD = REPO_ROOT / "bench" / "results.md"

#: the baseline a user would write first: split sentences, match a handful of keywords
_BASELINE = re.compile(
    r"\b(?:shell\w*|missile\w*|drone\w*|strike\w*|attack\w*|killed|wounded|injured|bombard\w*|"
    r"attacc\w*|uccis\w*|feriti|morti|missil\w*|droni)\b",
    re.IGNORECASE,
)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": cpu, "python": platform.python_version()}


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_articles() -> list[Article]:
    """The bundled samples, plus every distinct dev gold article when ../shared is present."""
    articles = [Article.model_validate_json(line) for line in
                (REPO_ROOT / "samples" / "articles.jsonl").read_text().splitlines() if line.strip()]
    if DEV_DIR.is_dir():
        seen = {a.article_id for a in articles}
        for case in load_cases(sorted(DEV_DIR.glob("*.jsonl"))):
            for raw in case.articles:
                a = Article.model_validate(raw)
                if a.article_id not in seen and a.body.strip():
                    seen.add(a.article_id)
                    articles.append(a)
    return articles


def _rate(fn: Callable[[Article], object], articles: list[Article], rounds: int) -> float:
    """Best of `rounds` passes, articles per second: the least disturbed by a shared machine."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for a in articles:
            fn(a)
        best = min(best, time.process_time() - t0)
    return len(articles) / best


def _extract(a: Article) -> object:
    try:
        return extract_article(a)
    except UnsupportedArticle:
        return None


def _baseline(a: Article) -> object:
    return [s for s in segment(a.language or "en", a.title + "\n\n" + a.body) if _BASELINE.search(s)]


def bench_extract(quick: bool) -> dict[str, Any]:
    # News-sized texts only (the snippet datasets are one-sentence annotations, not news)
    articles = [a for a in bench_articles() if len(a.body.split()) >= NEWS_MIN_WORDS]
    if quick:
        articles = articles[:: max(1, len(articles) // 150)]
    t0 = time.perf_counter()
    extract_article(articles[0])  # loads the gazetteer and lexicons
    startup = time.perf_counter() - t0
    sizes = sorted(len((a.title + a.body).encode()) for a in articles)
    words = statistics.mean(len(a.body.split()) for a in articles)
    rounds = 1 if quick else 3
    ours = _rate(_extract, articles, rounds)
    base = _rate(_baseline, articles, rounds)
    return {
        "articles": len(articles),
        "words_mean": round(words, 1),
        "bytes_p50": sizes[len(sizes) // 2],
        "bytes_p90": sizes[int(len(sizes) * 0.9)],
        "bytes_max": sizes[-1],
        "articles_per_s_per_core": round(ours, 1),
        "articles_per_s_per_core_at_600_words": round(ours * words / 600, 1),
        "kwords_per_s": round(ours * words / 1000, 1),
        "baseline_articles_per_s": round(base, 1),
        "ratio_vs_baseline": round(ours / base, 4),
        "startup_s": round(startup, 2),
        "rss_mb": round(rss_mb(), 1),
    }


def _seed_mentions(articles: Iterable[Article]) -> list[Mention]:
    out = []
    for a in articles:
        try:
            out.extend(m for m in extract_article(a).mentions if m.kind == "incident")
        except UnsupportedArticle:
            continue
    return out


def synthetic_stream(seeds: list[Mention], n: int) -> Iterable[Mention]:
    """n mentions built from real ones: each copy shifted to a later day (a few hundred mentions a
    day, as a busy feed) and to its own copy of the block, so the stream never ends the same way."""
    per_day = 300
    for i in range(n):
        m = seeds[i % len(seeds)]
        inc = m.incident
        assert inc is not None
        shift = timedelta(days=i // per_day)
        copy = i // len(seeds)
        date = inc.date.model_copy(update={"start": inc.date.start + shift, "end": inc.date.end + shift})
        yield m.model_copy(update={
            "mention_id": f"{m.mention_id}-{i}",
            "blocking_key": f"{m.blocking_key}#{copy % 50}",
            "incident": inc.model_copy(update={"incident_id": f"{inc.incident_id}-{i}", "date": date,
                                               "article_ids": [f"{inc.article_ids[0]}-{copy}"]}),
        })


def bench_dedup(quick: bool) -> dict[str, Any]:
    seeds = _seed_mentions(bench_articles()[:400])
    sizes = [10_000, 100_000] if quick else [10_000, 100_000, 1_000_000]
    out: dict[str, Any] = {"seed_mentions": len(seeds)}
    for n in sizes:
        state: dict[str, object] = {}
        dedup = Deduplicator(state, DedupParams(window_days=30))
        window = min(10_000, n // 10)
        t_last = 0.0
        for i, m in enumerate(tqdm(synthetic_stream(seeds, n), total=n, desc=f"dedup {n:,}", leave=False)):
            if i == n - window:
                t0 = time.process_time()
            dedup.add(m)
        t_last = time.process_time() - t0
        label = {10_000: "10k", 100_000: "100k", 1_000_000: "1m"}[n]
        out[f"us_per_mention_{label}"] = round(t_last / window * 1e6, 1)
        out[f"state_keys_{label}"] = len(state)
        out[f"rss_mb_{label}"] = round(rss_mb(), 1)
    last = "1m" if not quick else "100k"
    out["growth_ratio"] = round(out[f"us_per_mention_{last}"] / out["us_per_mention_10k"], 3)
    out["growth_measured_at"] = last
    return out


def run_bench(what: str, quick: bool, progress: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Run the chosen benchmarks; their sections replace the same sections of bench/results.json
    (others are kept), and bench/results.md is rendered from the result."""
    from services.bench.report import write_markdown

    results: dict[str, Any] = {}
    if RESULTS.exists():
        results = json.loads(RESULTS.read_text())
    results["machine"] = machine()
    results["quick"] = quick
    if what in ("extract", "all"):
        progress("extract: extraction core vs keyword baseline")
        results["extract"] = bench_extract(quick)
    if what in ("dedup", "all"):
        progress("dedup: cost per mention as state grows")
        results["dedup"] = bench_dedup(quick)
    if what in ("pipeline", "all"):
        from services.bench.pipeline import bench_pipeline

        results.update(bench_pipeline(quick, progress))
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    write_markdown(results, RESULTS_MD)
    return results
