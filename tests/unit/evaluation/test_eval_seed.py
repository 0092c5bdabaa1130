"""End-to-end evaluation of the seed case file: the report shape, never accuracy numbers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from services.cli import eval_cmd
from services.cli.eval_cmd import DEFAULT_DEV_DIR, eval_command
from services.evaluation.gold import load_cases
from services.evaluation.report import ALL, aggregate, run_cases

SEED = DEFAULT_DEV_DIR / "seed.jsonl"

needs_seed = pytest.mark.skipif(
    not SEED.exists(),
    reason=f"gold data not laid out: {SEED} is absent (shared/ is not beside the repo)",
)

# Metrics whose denominator is never empty on the seed case (it has gold incidents and claims),
# so they must be numbers whatever the pipeline produces.
ALWAYS_NUMERIC = (
    "cases", "cases_failed", "seconds", "seconds_per_case",
    "incidents.gold", "incidents.produced", "incidents.matched", "incidents.recall",
    "incidents.f1", "claims.gold", "claims.produced", "claims.matched", "claims.recall",
    "claims.f1",
)
# Present for the seed's tasks; None only where nothing could be scored (e.g. no matched pair,
# or a gold field that is null everywhere).
PRESENT = ALWAYS_NUMERIC + (
    "incidents.precision", "incidents.event_type_acc", "incidents.sub_event_type_acc",
    "incidents.fatalities_acc", "incidents.injured_acc", "incidents.no_incident_cases",
    "incidents.no_incident_fp_rate", "claims.precision", "claims.speaker_acc",
    "claims.attribution_acc", "claims.claim_type_acc", "claims.quote_acc",
)


@needs_seed
def test_the_seed_report_has_every_metric_of_its_tasks() -> None:
    results = run_cases(load_cases([SEED]), progress=False)
    report = aggregate(results)
    assert "seed" in report
    by_lang = report["seed"]
    assert ALL in by_lang and len(by_lang) >= 2  # 'all' plus the case's language
    for lang, metrics in by_lang.items():
        assert metrics["cases"] == 1, lang
        for name in PRESENT:
            assert name in metrics, f"{lang}: {name} missing"
            value = metrics[name]
            assert value is None or isinstance(value, float | int), f"{lang}: {name}={value!r}"
        for name in ALWAYS_NUMERIC:
            assert isinstance(metrics[name], float | int), f"{lang}: {name} is not numeric"
        # A pipeline failure must show up as a counted failure, not as a missing case.
        assert metrics["cases_failed"] in (0, 1)


@needs_seed
def test_the_eval_command_prints_json_keyed_by_dataset_language_metric(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert eval_command([SEED], as_json=True, limit=None, datasets=None) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"seed"}
    assert report["seed"][ALL]["cases"] == 1
    assert all(isinstance(v, float | int) for v in (report["seed"][ALL]["incidents.f1"],
                                                    report["seed"][ALL]["claims.f1"]))


def test_the_eval_command_reports_a_missing_file_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert eval_command([tmp_path / "nope.jsonl"], as_json=False, limit=None, datasets=None) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_without_files_and_without_the_dev_folder_the_command_explains_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(eval_cmd, "DEFAULT_DEV_DIR", tmp_path / "shared" / "eval" / "dev")
    assert eval_cmd.eval_command([], as_json=False, limit=None, datasets=None) == 2
    assert "no gold data" in capsys.readouterr().err


def test_details_put_each_case_output_beside_its_gold(tmp_path: Path) -> None:
    case = {
        "case_id": "own-0001", "dataset": "own", "tasks": ["incidents", "claims"],
        "articles": [{
            "article_id": "own-a1", "source": "example.org", "url": None, "language": "en",
            "published_at": "2024-05-12T09:00:00+00:00",
            "title": "Shelling kills two in Kherson",
            "body": "Russian artillery shelled Kherson on Saturday, killing two civilians, "
                    "the regional governor Oleksandr Prokudin said on Telegram.",
        }],
        "incidents": [{"sub_event_type": "Shelling/artillery/missile attack",
                       "location": {"name": "Kherson", "lat": 46.6354, "lon": 32.6169},
                       "date": "2024-05-11", "fatalities": 2, "article_ids": ["own-a1"]}],
        "claims": [],
    }
    cases = tmp_path / "own.jsonl"
    cases.write_text(json.dumps(case) + "\n", encoding="utf-8")
    details = tmp_path / "details.jsonl"

    assert eval_command([cases], as_json=True, limit=None, datasets=None, details=details) == 0

    (row,) = [json.loads(line) for line in details.read_text(encoding="utf-8").splitlines()]
    assert row["case_id"] == "own-0001"
    assert row["gold_incidents"][0]["fatalities"] == 2
    places = [i["place"] for i in row["produced_incidents"]]
    assert "Kherson" in places
    assert row["counts"]["inc.gold"] == 1
