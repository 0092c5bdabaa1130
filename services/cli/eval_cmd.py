"""`newsevents eval`: score the in-process pipeline on gold case files and print a table or JSON."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from services.evaluation.gold import GoldFormatError, expand_paths, load_cases
from services.evaluation.report import (
    aggregate,
    failures,
    render_table,
    run_cases,
    to_json,
    write_details,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DEV_DIR = REPO_ROOT.parent / "shared" / "eval" / "dev"
_MAX_FAILURES_SHOWN = 20


def eval_command(
    files: list[Path],
    as_json: bool,
    limit: int | None,
    datasets: list[str] | None,
    details: Path | None = None,
) -> int:
    """Run the evaluation; return the exit code (0 done, 2 bad input, 1 nothing to run).

    Failed cases do not change the exit code: they are scored as wrong and listed.
    """
    err = Console(stderr=True)
    if not files:
        if not DEFAULT_DEV_DIR.is_dir():
            err.print(f"[red]no gold data: {DEFAULT_DEV_DIR} does not exist[/red] "
                      "(pass case files, or lay shared/ beside the repository)")
            return 2
        files = [DEFAULT_DEV_DIR]
    try:
        paths = expand_paths(files)
        cases = load_cases(paths, datasets, limit)
    except (FileNotFoundError, GoldFormatError) as e:
        err.print(f"[red]{escape(str(e))}[/red]")
        return 2
    if not cases:
        wanted = f" of dataset(s) {', '.join(datasets)}" if datasets else ""
        err.print(f"[red]no cases{wanted} in {', '.join(str(p) for p in paths) or 'no files'}[/red]")
        return 1

    t0 = time.perf_counter()
    results = run_cases(cases, progress=True, details=details is not None)
    wall = time.perf_counter() - t0
    report = aggregate(results)

    if details is not None:
        write_details(results, details)
        err.print(f"per-case details (produced next to gold): {details}")
    failed = failures(results)
    for case_id, error in failed[:_MAX_FAILURES_SHOWN]:
        err.print(f"[yellow]failed[/yellow] {escape(case_id)}: {escape(error)}", highlight=False)
    if len(failed) > _MAX_FAILURES_SHOWN:
        err.print(f"... and {len(failed) - _MAX_FAILURES_SHOWN} more failed case(s)")

    slowest = sorted(results, key=lambda r: r.seconds, reverse=True)[:3]
    summary = (f"{len(results)} case(s) from {len(paths)} file(s) in {wall:.1f}s wall time "
               f"({len(failed)} failed); slowest: "
               + ", ".join(f"{r.case_id} {r.seconds:.2f}s" for r in slowest))
    if as_json:
        sys.stdout.write(to_json(report) + "\n")
        err.print(summary)
    else:
        out = Console()
        render_table(report, out)
        out.print(summary)
    return 0
