"""bench/results.json → bench/results.md: the contract keys of the results and their Markdown table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: dotted keys other tools and the docs read from bench/results.json after `newsevents bench pipeline`
PIPELINE_KEYS: tuple[str, ...] = (
    "pipeline.raw_aiokafka_per_s",
    "pipeline.faust_passthrough_per_s",
    "pipeline.pipeline_per_s",
    "pipeline.ratio_vs_raw",
    "pipeline.ratio_vs_passthrough",
    *(f"latency.p{q}_ms_at_{lv}pct" for lv in (25, 50, 90) for q in (50, 95, 99)),
    "scale.speedup_2_workers",
    "memory.extractor_rss_mb",
    "memory.deduplicator_rss_mb",
    "machine",
)

#: (dotted key, label, unit) of the headline rows, in table order; absent keys are left out
ROWS: tuple[tuple[str, str, str], ...] = (
    ("extract.articles_per_s_per_core", "extraction core, one core", "articles/s"),
    ("extract.ratio_vs_baseline", "extraction core vs keyword baseline", "×"),
    ("dedup.us_per_mention_10k", "dedup at 10k mentions", "µs/mention"),
    ("dedup.growth_ratio", "dedup cost growth (largest / 10k)", "×"),
    ("pipeline.raw_aiokafka_per_s", "(a) raw aiokafka consume → produce", "articles/s"),
    ("pipeline.faust_passthrough_per_s", "(b) no-op Faust agent", "articles/s"),
    ("pipeline.pipeline_per_s", "(c) extractor + deduplicator", "articles/s"),
    ("pipeline.pipeline_incl_startup_per_s", "(c) including worker start-up", "articles/s"),
    ("pipeline.ratio_vs_raw", "c / a", "×"),
    ("pipeline.ratio_vs_passthrough", "c / b", "×"),
    *((f"latency.p{q}_ms_at_{lv}pct", f"latency p{q} at {lv}% of (c)", "ms")
      for lv in (25, 50, 90) for q in (50, 95, 99)),
    ("latency.extractor_cpu_ms_per_article_at_50pct", "extractor worker CPU at 50% of (c)", "ms/article"),
    ("latency.deduplicator_cpu_ms_per_article_at_50pct", "deduplicator worker CPU at 50% of (c)", "ms/article"),
    ("scale.per_s_1_worker", "1 extractor", "articles/s"),
    ("scale.per_s_2_workers", "2 extractors", "articles/s"),
    ("scale.speedup_2_workers", "speed-up with 2 extractors", "×"),
    ("pipeline.broker_bytes_per_article.total", "broker bytes per article, all topics and the changelog", "bytes"),
    ("pipeline.broker_bytes_per_article.dedup_changelog", "of which the deduplicator's table changelog", "bytes"),
    ("memory.extractor_rss_mb", "extractor peak RSS", "MB"),
    ("memory.deduplicator_rss_mb", "deduplicator peak RSS", "MB"),
    ("memory.passthrough_rss_mb", "no-op Faust worker peak RSS", "MB"),
    ("memory.extractor_startup_s", "extractor start → first mention", "s"),
    ("memory.deduplicator_startup_s", "deduplicator start → first incident/claim", "s"),
)

_MISSING = object()


def lookup(results: dict[str, Any], dotted: str) -> Any:
    """The value at `section.key` (or a top-level key), or a sentinel when any part is absent."""
    node: Any = results
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return _MISSING
        node = node[part]
    return node


def missing_keys(results: dict[str, Any], keys: tuple[str, ...] = PIPELINE_KEYS) -> list[str]:
    """Contract keys that are absent; a present key whose value is null (no data) counts as present."""
    return [k for k in keys if lookup(results, k) is _MISSING]


def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value).replace("|", "\\|")


def render_markdown(results: dict[str, Any]) -> str:
    """A short Markdown report: one table of the headline numbers present, then the machine."""
    lines = ["# newsevents benchmarks", ""]
    machine = results.get("machine")
    if isinstance(machine, dict):
        lines.append("Machine: " + ", ".join(f"{k} {_fmt(v)}" for k, v in machine.items())
                     + (" (quick run)" if results.get("quick") else "") + ".")
        lines.append("")
    lines += ["| measure | value | unit |", "|---|---:|---|"]
    for key, label, unit in ROWS:
        value = lookup(results, key)
        if value is not _MISSING:
            lines.append(f"| {label} | {_fmt(value)} | {unit} |")
    lines += ["", ("Raw numbers and how each was measured: `bench/results.json`, "
                   "`services/bench/pipeline.py`."), ""]
    return "\n".join(lines)


def write_markdown(results: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_markdown(results), encoding="utf-8")
