"""Running gold cases through the in-process pipeline, aggregating per dataset and language, rendering."""

from __future__ import annotations

import json
import resource
import signal
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

import orjson
from rich.console import Console
from rich.table import Table
from tqdm import tqdm

from schemas import Article, Claim, Incident
from services.evaluation import metrics as m
from services.evaluation.gold import TASKS, GoldCase, Task

ALL = "all"
MIXED = "mixed"
UNKNOWN_LANGUAGE = "und"
DEFAULT_TIMEOUT_S = 300.0
# A runaway case must become a MemoryError (a failure) rather than an OOM kill of the whole
# run; 8 GiB of address space is several times what the pipeline needs on a normal case.
DEFAULT_MEMORY_CAP = 8 * 1024**3

Value = float | None
Report = dict[str, dict[str, dict[str, Value]]]


@dataclass
class CaseResult:
    """What one case contributed: additive counts, event-type label pairs, time and any error."""

    case_id: str
    dataset: str
    language: str
    tasks: list[Task]
    seconds: float
    error: str | None = None
    counts: m.Counts = field(default_factory=lambda: defaultdict(float))
    labels: list[tuple[str, str]] = field(default_factory=list)
    detail: dict[str, object] | None = None


class CaseTimeout(Exception):
    """The pipeline took longer than the per-case limit."""


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    # SIGALRM only exists in the main thread of a Unix process; elsewhere the case runs unbounded.
    usable = (
        seconds is not None
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable or seconds is None:
        yield
        return

    def _raise(signum: int, frame: FrameType | None) -> None:
        raise CaseTimeout(f"timed out after {seconds:.0f}s")

    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _memory_cap(limit_bytes: int | None) -> Iterator[None]:
    """Lower the process's address-space limit for the duration (never raises a hard limit)."""
    if limit_bytes is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    target = limit_bytes if hard == resource.RLIM_INFINITY else min(limit_bytes, hard)
    if soft != resource.RLIM_INFINITY and soft <= target:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (target, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def article_language(article: Article) -> str:
    """The article's language field, else the detected language, else 'und'."""
    if article.language:
        return article.language
    try:
        from services.core.language import detect_language
    except ImportError:
        return UNKNOWN_LANGUAGE
    lang, _ = detect_language(f"{article.title}\n{article.body}")
    return lang or UNKNOWN_LANGUAGE


def case_language(languages: Iterable[str]) -> str:
    distinct = set(languages)
    if len(distinct) == 1:
        return distinct.pop()
    return MIXED if distinct else UNKNOWN_LANGUAGE


def _raw_languages(case: GoldCase) -> dict[str, str]:
    """Article ids and languages read without validation, for cases whose articles are invalid."""
    out: dict[str, str] = {}
    for a in case.articles:
        lang = a.get("language")
        out[str(a.get("article_id"))] = lang if isinstance(lang, str) and lang else UNKNOWN_LANGUAGE
    return out


def score_case(
    case: GoldCase,
    incidents: Sequence[Incident],
    claims: Sequence[Claim],
    languages: dict[str, str],
) -> tuple[m.Counts, list[tuple[str, str]]]:
    """Counts of every task the case scores, from what the pipeline produced."""
    counts: m.Counts = defaultdict(float)
    labels: list[tuple[str, str]] = []
    tasks = set(case.tasks)
    if "incidents" in tasks:
        _add(counts, m.score_incidents(incidents, case.incidents))
    if "geocode" in tasks:
        _add(counts, m.score_geocode(incidents, case.incidents))
    if "event_type" in tasks:
        labels = m.event_type_labels(incidents, case.incidents)
    if "claims" in tasks:
        _add(counts, m.score_claims(claims, case.claims, list(languages)))
    if "dedup" in tasks:
        _add(counts, m.score_dedup(incidents, case.clusters, languages))
    return counts, labels


def failure_counts(
    case: GoldCase, languages: dict[str, str]
) -> tuple[m.Counts, list[tuple[str, str]]]:
    """Counts for a case the pipeline failed on: every gold item missed, and one wrong answer
    per gold item (at least one) charged to precision, so a crash never looks like caution."""
    counts, labels = score_case(case, [], [], languages)
    tasks = set(case.tasks)
    if "incidents" in tasks:
        counts["inc.produced"] = max(len(case.incidents), 1)
        counts["inc.no_incident_fp"] = counts["inc.no_incident_cases"]
    if "claims" in tasks:
        counts["cl.produced"] = max(len(case.claims), 1)
    if "dedup" in tasks:
        counts["dd.bcubed_p_sum"] = 0.0
        counts["dd.bcubed_r_sum"] = 0.0
        counts["dd.pairs_pred"] = max(counts["dd.pairs_gold"], 1)
    return counts, labels


def _add(into: m.Counts, other: m.Counts) -> None:
    for k, v in other.items():
        into[k] += v


Runner = Callable[[list[Article]], tuple[list[Incident], list[Claim]]]


def run_pipeline(articles: list[Article]) -> tuple[list[Incident], list[Claim]]:
    """Feed the articles in order into a fresh BatchPipeline; the live incidents and claims."""
    from services.core.pipeline import BatchPipeline

    pipeline = BatchPipeline().add_all(articles)
    return pipeline.live_incidents(), pipeline.live_claims()


def _incident_row(i: Incident) -> dict[str, object]:
    loc = i.location
    return {"sub_event_type": i.sub_event_type, "place": loc.name, "precision": loc.precision,
            "admin1": loc.admin1, "lat": loc.lat, "lon": loc.lon, "date": str(i.date.start),
            "date_end": str(i.date.end), "fatalities": i.fatalities.best,
            "injured": i.injured.best, "confidence": i.confidence, "article_ids": i.article_ids,
            "evidence": [e.text[:160] for e in i.evidence[:3]]}


def _claim_row(c: Claim) -> dict[str, object]:
    return {"speaker": c.speaker.name, "organization": c.speaker.organization,
            "content": c.content[:240], "claim_type": c.claim_type, "quote": c.quote,
            "confidence": c.confidence, "article_ids": c.article_ids}


def case_detail(
    case: GoldCase, incidents: Sequence[Incident], claims: Sequence[Claim], counts: m.Counts
) -> dict[str, object]:
    """What the pipeline produced next to the gold, compactly, for reading errors case by case."""
    return {
        "case_id": case.case_id, "dataset": case.dataset, "tasks": list(case.tasks),
        "counts": dict(counts),
        "produced_incidents": [_incident_row(i) for i in incidents],
        "gold_incidents": [g.model_dump(mode="json") for g in case.incidents],
        "produced_claims": [_claim_row(c) for c in claims],
        "gold_claims": [g.model_dump(mode="json") for g in case.claims],
        "gold_clusters": case.clusters,
    }


def run_case(
    case: GoldCase,
    runner: Runner = run_pipeline,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    details: bool = False,
) -> CaseResult:
    """Run and score one case; an exception or timeout makes it a failure, counted as wrong.

    With `details`, the result keeps what was produced next to the gold (`case_detail`)."""
    t0 = time.perf_counter()
    languages = _raw_languages(case)
    detail: dict[str, object] | None = None
    try:
        with _deadline(timeout_s):
            articles = case.parse_articles()
            languages = {a.article_id: article_language(a) for a in articles}
            incidents, claims = runner(articles)
        counts, labels = score_case(case, incidents, claims, languages)
        error = None
        if details:
            detail = case_detail(case, incidents, claims, counts)
    except Exception as e:  # noqa: BLE001 - a broken case is reported, never ends the run
        counts, labels = failure_counts(case, languages)
        error = f"{type(e).__name__}: {e}"
    return CaseResult(
        case_id=case.case_id,
        dataset=case.dataset,
        language=case_language(languages.values()),
        tasks=list(case.tasks),
        seconds=time.perf_counter() - t0,
        error=error,
        counts=counts,
        labels=labels,
        detail=detail,
    )


def run_cases(
    cases: Sequence[GoldCase],
    runner: Runner = run_pipeline,
    progress: bool = True,
    timeout_s: float | None = DEFAULT_TIMEOUT_S,
    memory_cap_bytes: int | None = DEFAULT_MEMORY_CAP,
    details: bool = False,
) -> list[CaseResult]:
    """Run every case in order with a progress bar on stderr; failures are kept as results."""
    bar = tqdm(cases, desc="eval", unit="case", file=sys.stderr, disable=not progress)
    with _memory_cap(memory_cap_bytes):
        return [run_case(c, runner, timeout_s, details) for c in bar]


# ---------------------------------------------------------------- aggregation


def _ratio(num: float, den: float) -> Value:
    return num / den if den else None


def _f1(p: Value, r: Value) -> Value:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


def _matching(name: str, key: str, c: m.Counts) -> dict[str, Value]:
    """Counts and precision/recall/F1 of a one-to-one matching of produced against gold."""
    gold, produced, matched = c[f"{key}.gold"], c[f"{key}.produced"], c[f"{key}.matched"]
    return {
        f"{name}.gold": gold,
        f"{name}.produced": produced,
        f"{name}.matched": matched,
        f"{name}.precision": _ratio(matched, produced),
        f"{name}.recall": _ratio(matched, gold),
        f"{name}.f1": _ratio(2 * matched, produced + gold),
    }


def _by_confidence(name: str, key: str, c: m.Counts) -> dict[str, Value]:
    """Calibration: records produced in each confidence band and the share of them that match."""
    out: dict[str, Value] = {}
    for band in m.BAND_NAMES:
        produced, matched = c[f"{key}.conf.{band}.produced"], c[f"{key}.conf.{band}.matched"]
        out[f"{name}.conf_{band}.produced"] = produced
        out[f"{name}.conf_{band}.precision"] = _ratio(matched, produced)
    return out


def _task_metrics(task: Task, c: m.Counts, labels: list[tuple[str, str]]) -> dict[str, Value]:
    if task == "incidents":
        return {
            **_matching("incidents", "inc", c),
            **_by_confidence("incidents", "inc", c),
            "incidents.event_type_acc": _ratio(c["inc.et_ok"], c["inc.et_n"]),
            "incidents.sub_event_type_acc": _ratio(c["inc.set_ok"], c["inc.set_n"]),
            "incidents.fatalities_acc": _ratio(c["inc.fat_ok"], c["inc.fat_n"]),
            "incidents.injured_acc": _ratio(c["inc.inj_ok"], c["inc.inj_n"]),
            "incidents.no_incident_cases": c["inc.no_incident_cases"],
            "incidents.no_incident_fp_rate": _ratio(
                c["inc.no_incident_fp"], c["inc.no_incident_cases"]
            ),
        }
    if task == "geocode":
        return {
            "geocode.n": c["geo.n"],
            "geocode.within_10km": _ratio(c["geo.within10"], c["geo.n"]),
            "geocode.within_25km": _ratio(c["geo.within25"], c["geo.n"]),
            "geocode.admin1_acc": _ratio(c["geo.admin1_ok"], c["geo.admin1_n"]),
            "geocode.first_within_10km": _ratio(c["geo1.within10"], c["geo1.n"]),
            "geocode.first_within_25km": _ratio(c["geo1.within25"], c["geo1.n"]),
            "geocode.first_admin1_acc": _ratio(c["geo1.admin1_ok"], c["geo1.admin1_n"]),
        }
    if task == "event_type":
        return {
            "event_type.n": float(len(labels)),
            "event_type.accuracy": _ratio(sum(g == p for g, p in labels), len(labels)),
            "event_type.macro_f1": m.macro_f1(labels),
        }
    if task == "claims":
        return {
            **_matching("claims", "cl", c),
            **_by_confidence("claims", "cl", c),
            "claims.speaker_acc": _ratio(c["cl.speaker_ok"], c["cl.speaker_n"]),
            "claims.attribution_acc": _ratio(c["cl.attr_ok"], c["cl.attr_n"]),
            "claims.claim_type_acc": _ratio(c["cl.type_ok"], c["cl.type_n"]),
            "claims.quote_acc": _ratio(c["cl.quote_ok"], c["cl.quote_n"]),
        }
    bp = _ratio(c["dd.bcubed_p_sum"], c["dd.items"])
    br = _ratio(c["dd.bcubed_r_sum"], c["dd.items"])
    pp = _ratio(c["dd.pairs_ok"], c["dd.pairs_pred"])
    pr = _ratio(c["dd.pairs_ok"], c["dd.pairs_gold"])
    return {
        "dedup.articles": c["dd.items"],
        "dedup.bcubed_precision": bp,
        "dedup.bcubed_recall": br,
        "dedup.bcubed_f1": _f1(bp, br),
        "dedup.pairwise_precision": pp,
        "dedup.pairwise_recall": pr,
        "dedup.pairwise_f1": _ratio(2 * c["dd.pairs_ok"], c["dd.pairs_pred"] + c["dd.pairs_gold"]),
        "dedup.crosslingual_pairs": c["dd.cross_gold"],
        "dedup.crosslingual_recall": _ratio(c["dd.cross_ok"], c["dd.cross_gold"]),
    }


def group_metrics(results: Sequence[CaseResult]) -> dict[str, Value]:
    """Every metric of every task scored in the group; None where nothing could be scored."""
    counts: m.Counts = defaultdict(float)
    labels: list[tuple[str, str]] = []
    for r in results:
        _add(counts, r.counts)
        labels.extend(r.labels)
    seconds = sum(r.seconds for r in results)
    out: dict[str, Value] = {
        "cases": float(len(results)),
        "cases_failed": float(sum(r.error is not None for r in results)),
        "seconds": seconds,
        "seconds_per_case": _ratio(seconds, len(results)),
    }
    scored = {t for r in results for t in r.tasks}
    for task in TASKS:
        if task in scored:
            out.update(_task_metrics(task, counts, labels))
    return out


def aggregate(results: Sequence[CaseResult]) -> Report:
    """{dataset: {'all' | language | 'mixed': {metric: value}}}, datasets and languages sorted."""
    by_dataset: dict[str, list[CaseResult]] = defaultdict(list)
    for r in results:
        by_dataset[r.dataset].append(r)
    report: Report = {}
    for dataset in sorted(by_dataset):
        rs = by_dataset[dataset]
        by_lang: dict[str, list[CaseResult]] = defaultdict(list)
        for r in rs:
            by_lang[r.language].append(r)
        report[dataset] = {ALL: group_metrics(rs)}
        for lang in sorted(by_lang):
            report[dataset][lang] = group_metrics(by_lang[lang])
    return report


# ---------------------------------------------------------------- rendering

_COUNT_SUFFIXES = (".gold", ".produced", ".matched", ".n", ".articles", "_pairs", "_cases")


def _fmt(metric: str, value: Value) -> str:
    if value is None:
        return "–"
    if metric in ("cases", "cases_failed") or metric.endswith(_COUNT_SUFFIXES):
        return f"{value:.0f}"
    if metric.startswith("seconds"):
        return f"{value:.2f}"
    return f"{value:.3f}"


def render_table(report: Report, console: Console) -> None:
    """One table per dataset: a row per metric, a column per language ('all' first)."""
    for dataset, by_lang in report.items():
        table = Table(title=f"dataset {dataset}", title_justify="left")
        table.add_column("metric")
        for lang in by_lang:
            table.add_column(lang, justify="right")
        names = list(by_lang[ALL])
        for name in names:
            table.add_row(name, *(_fmt(name, by_lang[lang].get(name)) for lang in by_lang))
        console.print(table)


def failures(results: Sequence[CaseResult]) -> list[tuple[str, str]]:
    return [(r.case_id, r.error) for r in results if r.error is not None]


def to_json(report: Report) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False)


def write_details(results: Sequence[CaseResult], path: Path) -> None:
    """One JSON line per case: its produced incidents and claims beside the gold, and its counts."""
    with path.open("wb") as f:
        for r in results:
            row = r.detail or {"case_id": r.case_id, "dataset": r.dataset, "error": r.error}
            f.write(orjson.dumps(row) + b"\n")
