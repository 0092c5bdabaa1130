"""bench/results.md is rendered from bench/results.json, and the results carry the keys the contract names."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from services.bench.report import (
    PIPELINE_KEYS,
    missing_keys,
    render_markdown,
    write_markdown,
)


def _results() -> dict[str, Any]:
    latency: dict[str, Any] = {"duration_s": 10.0}
    for level, base in ((25, 40), (50, 60), (90, 80)):
        latency |= {f"p50_ms_at_{level}pct": base, f"p95_ms_at_{level}pct": base * 2,
                    f"p99_ms_at_{level}pct": base * 3}
    return {
        "machine": {"cores": 2, "cpu": "AMD EPYC", "python": "3.11.7"},
        "quick": True,
        "pipeline": {
            "raw_aiokafka_per_s": 800.0,
            "faust_passthrough_per_s": 500.0,
            "pipeline_per_s": 25.0,
            "ratio_vs_raw": 0.0312,
            "ratio_vs_passthrough": 0.05,
        },
        "latency": latency,
        "scale": {"per_s_1_worker": 30.0, "per_s_2_workers": 45.0, "speedup_2_workers": 1.5},
        "memory": {"extractor_rss_mb": 198.0, "deduplicator_rss_mb": 86.0},
    }


def _rows(markdown: str) -> dict[str, list[str]]:
    rows = [line.strip("|").split("|") for line in markdown.splitlines() if line.startswith("| ")]
    return {cells[0].strip(): [c.strip() for c in cells[1:]] for cells in rows}


def test_each_headline_number_is_a_row_with_its_value_and_unit() -> None:
    rows = _rows(render_markdown(_results()))
    assert rows["(c) extractor + deduplicator"] == ["25.0", "articles/s"]
    assert rows["(a) raw aiokafka consume → produce"] == ["800.0", "articles/s"]
    assert rows["c / b"] == ["0.05", "×"]
    assert rows["latency p99 at 50% of (c)"] == ["180", "ms"]
    assert rows["speed-up with 2 extractors"] == ["1.5", "×"]
    assert rows["deduplicator peak RSS"] == ["86.0", "MB"]


def test_table_is_well_formed_markdown_with_a_header() -> None:
    lines = render_markdown(_results()).splitlines()
    header = lines.index("| measure | value | unit |")
    assert lines[header + 1] == "|---|---:|---|"
    body = [line for line in lines[header + 2:] if line.startswith("|")]
    assert body and all(line.count("|") == 4 for line in body)


def test_sections_not_in_the_results_have_no_rows() -> None:
    rows = _rows(render_markdown(_results()))
    assert "extraction core, one core" not in rows
    assert "dedup at 10k mentions" not in rows


def test_other_benchmarks_sections_are_shown_when_present() -> None:
    results = _results() | {"extract": {"articles_per_s_per_core": 51.1}}
    assert _rows(render_markdown(results))["extraction core, one core"] == ["51.1", "articles/s"]


def test_a_measure_without_data_reads_n_a() -> None:
    results = _results()
    results["latency"]["p99_ms_at_90pct"] = None
    assert _rows(render_markdown(results))["latency p99 at 90% of (c)"] == ["n/a", "ms"]


def test_machine_and_quick_run_are_stated_above_the_table() -> None:
    text = render_markdown(_results())
    assert "Machine: cores 2, cpu AMD EPYC, python 3.11.7 (quick run)." in text


def test_complete_results_miss_no_contract_key() -> None:
    assert missing_keys(_results()) == []


def test_missing_contract_keys_are_named() -> None:
    results = copy.deepcopy(_results())
    del results["latency"]["p99_ms_at_50pct"]
    del results["machine"]
    del results["scale"]
    assert missing_keys(results) == ["latency.p99_ms_at_50pct", "scale.speedup_2_workers", "machine"]


def test_a_null_measure_still_counts_as_present() -> None:
    results = _results()
    results["latency"]["p50_ms_at_25pct"] = None
    assert missing_keys(results) == []


def test_contract_holds_the_keys_consumers_read() -> None:
    expected = {
        "pipeline.raw_aiokafka_per_s", "pipeline.faust_passthrough_per_s", "pipeline.pipeline_per_s",
        "pipeline.ratio_vs_passthrough", "scale.speedup_2_workers", "memory.extractor_rss_mb",
        "memory.deduplicator_rss_mb", "machine",
        *(f"latency.p{q}_ms_at_{lv}pct" for q in (50, 95, 99) for lv in (25, 50, 90)),
    }
    assert expected <= set(PIPELINE_KEYS)


def test_written_report_is_the_rendered_markdown(tmp_path: Path) -> None:
    path = tmp_path / "bench" / "results.md"
    write_markdown(_results(), path)
    assert path.read_text(encoding="utf-8") == render_markdown(_results())
