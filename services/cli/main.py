"""The `newsevents` command: workers, topics, ingest, batch processing, evaluation and inspection."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from services.common.logging import configure_logging
from services.common.settings import get_settings

cli = typer.Typer(no_args_is_help=True, add_completion=False, help=__doc__)
topics_cli = typer.Typer(no_args_is_help=True, help="Contract topics from deploy/topics.toml.")
broker_cli = typer.Typer(no_args_is_help=True, help="Talk to the configured Kafka broker.")
cli.add_typer(topics_cli, name="topics")
cli.add_typer(broker_cli, name="broker")

APPS = ("extractor", "deduplicator")


def _err(msg: str, code: int = 1) -> typer.Exit:
    typer.secho(msg, fg=typer.colors.RED, err=True)
    return typer.Exit(code)


@cli.command()
def worker(
    app: Annotated[str, typer.Argument(help="extractor or deduplicator")],
    loglevel: Annotated[str, typer.Option(help="Faust log level")] = "warn",
    metrics_port: Annotated[
        int | None, typer.Option(help="serve Prometheus /metrics on this port")
    ] = None,
) -> None:
    """Run one worker of a Faust app against the configured broker (Ctrl-C stops it cleanly)."""
    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    port = metrics_port if metrics_port is not None else settings.metrics_port
    if port:
        from services.common.metrics import serve_metrics

        serve_metrics(port)
    if app == "extractor":
        from services.extractor.app import create_app
    elif app == "deduplicator":
        from services.deduplicator.app import create_app  # type: ignore[assignment]
    else:
        raise _err(f"unknown app {app!r}: choose one of {', '.join(APPS)}", 2)
    from services.common.faust_base import make_worker

    faust_app = create_app(settings)
    make_worker(faust_app, loglevel).execute_from_commandline()


@topics_cli.command("create")
def topics_create() -> None:
    """Create every topic of the deploy file that does not exist yet (safe to run again)."""
    from services.cli.admin import create_topics

    settings = get_settings()
    try:
        results = asyncio.run(create_topics(settings))
    except Exception as e:
        raise _err(f"could not create topics on {settings.kafka_bootstrap}: {e}") from e
    for spec, outcome in results:
        typer.echo(f"{outcome:8} {spec.name} (partitions={spec.partitions}, "
                   f"{spec.config.get('cleanup.policy', 'delete')})")


@broker_cli.command("wait")
def broker_wait(
    bootstrap: Annotated[str | None, typer.Option(help="host:port; default from settings")] = None,
    timeout: Annotated[float, typer.Option(help="seconds")] = 60.0,
) -> None:
    """Wait until a Kafka broker answers metadata requests."""
    from services.cli.admin import wait_for_broker

    settings = get_settings()
    target = bootstrap or settings.kafka_bootstrap
    try:
        asyncio.run(wait_for_broker(target, timeout, settings))
    except TimeoutError as e:
        raise _err(str(e)) from e
    typer.echo(f"broker at {target} is ready")


@cli.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help="JSON Lines files or folders of them")] = None,
    feed: Annotated[list[str] | None, typer.Option(help="RSS/Atom feed URL or file (repeatable)")] = None,
    page: Annotated[list[Path] | None, typer.Option(help="saved HTML page (repeatable)")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="no progress bar")] = False,
) -> None:
    """Validate articles and put them on articles.v1; rejected ones go to dlq.v1. Feeds remember
    what they sent (by URL and content hash), so polling a feed again sends only new entries."""
    settings = get_settings()
    if not paths and not feed and not page:
        raise _err("give JSON Lines files/folders, --feed URL|FILE or --page FILE.html", 2)
    if page:
        from services.cli.ingest import ingest_lines, page_lines

        lines = page_lines(page, settings.max_article_bytes)
        page_report, page_problems = asyncio.run(ingest_lines(lines, settings, progress=not quiet))
        typer.echo(f"sent {page_report.sent} page(s) as articles; rejected {page_report.rejected_total}")
        for where, reason in page_problems:
            typer.echo(f"  rejected {where}: {reason}", err=True)
    if paths:
        from services.cli.ingest import ingest as run_ingest

        try:
            report, problems = asyncio.run(run_ingest(paths, settings, progress=not quiet))
        except FileNotFoundError as e:
            raise _err(str(e), 2) from e
        typer.echo(f"sent {report.sent} article(s) to {settings.topic_prefix}articles.v1; "
                   f"rejected {report.rejected_total}")
        for where, reason in problems[:20]:
            typer.echo(f"  rejected {where}: {reason}", err=True)
        if len(problems) > 20:
            typer.echo(f"  ... and {len(problems) - 20} more (all in dlq.v1)", err=True)
    for source in feed or []:
        from services.ingest_sources.feeds import FeedError, ingest_feed

        try:
            feed_report = ingest_feed(source, settings, progress=not quiet)
        except FeedError as e:
            raise _err(str(e), 2) from e
        typer.echo(feed_report.summary())


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="listen address; default NEWSEVENTS_HTTP_HOST")] = None,
    port: Annotated[int | None, typer.Option(help="listen port; default NEWSEVENTS_HTTP_PORT")] = None,
) -> None:
    """Serve the HTTP ingest endpoint: POST /articles (one article or a JSON array)."""
    from services.http_ingest.server import serve as run_server

    settings = get_settings()
    configure_logging(settings.log_level, settings.log_format)
    try:
        run_server(settings, host, port)
    except ValueError as e:
        raise _err(str(e), 2) from e


@cli.command()
def process(
    input_path: Annotated[Path, typer.Option("--in", help="Article JSON Lines")],
    out: Annotated[Path, typer.Option("--out", help="folder for incidents.jsonl, claims.jsonl")],
    quiet: Annotated[bool, typer.Option("--quiet")] = False,
) -> None:
    """Run extraction + dedup in-process (no broker) and write the latest revision of each id."""
    from services.cli.batch import run_process

    if not input_path.exists():
        raise _err(f"{input_path} does not exist", 2)
    summary = run_process(input_path, out, progress=not quiet)
    typer.echo(summary)


def _timestamp(value: str) -> datetime:
    ts = datetime.fromisoformat(value)
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


@cli.command()
def replay(
    since: Annotated[str, typer.Option("--from", help="ISO time; naive means UTC")],
    until: Annotated[str | None, typer.Option("--to", help="ISO time; default: now")] = None,
    topic: Annotated[str, typer.Option(help="articles.v1 (re-extract) or mentions.v1")] = "articles.v1",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="only show what would be replayed")] = False,
    allow_partial: Annotated[bool, typer.Option(help="replay what retention left")] = False,
    quiet: Annotated[bool, typer.Option("--quiet")] = False,
) -> None:
    """Reprocess a time range through the current rules; safe while workers run (see README)."""
    from services.cli import replay as rp
    from services.common import topics as catalogue

    if topic not in (catalogue.ARTICLES, catalogue.MENTIONS):
        raise _err(f"replay reads {catalogue.ARTICLES} or {catalogue.MENTIONS}, not {topic}", 2)
    settings = get_settings()
    try:
        start, stop = _timestamp(since), _timestamp(until) if until else None
        ranges = asyncio.run(rp.plan(settings, topic, start, stop, allow_partial))
    except ValueError as e:
        raise _err(f"replay refused: {e}", 2) from e
    total = sum(r.count for r in ranges)
    for r in ranges:
        typer.echo(f"  {settings.topic_prefix}{topic}[{r.partition}] offsets {r.start}..{r.end} "
                   f"({r.count} record(s))")
    if total == 0:
        raise _err("replay refused: no records in that time range", 2)
    if dry_run:
        typer.echo(f"dry run: would replay {total} record(s)")
        return
    report = asyncio.run(rp.execute(settings, topic, ranges, progress=not quiet))
    letters = sum(report.dead_letters.values())
    typer.echo(f"replayed {report.read} record(s): {report.mentions_sent} mention(s) sent, "
               f"{report.without_events} without events, {letters} dead letter(s)")


@cli.command()
def show(
    idle: Annotated[float, typer.Option(help="stop after this many quiet seconds")] = 8.0,
    timeout: Annotated[float, typer.Option(help="stop after this many seconds in any case")] = 120.0,
) -> None:
    """Print the current incidents and claims on the output topics as tables."""
    from services.cli.show import show as run_show

    n_inc, n_claims = run_show(get_settings(), idle, timeout)
    if n_inc + n_claims == 0:
        raise _err("no incidents or claims on the output topics yet")


@cli.command("eval")
def evaluate(
    files: Annotated[list[Path] | None, typer.Argument(help="gold case files; default ../shared/eval/dev/*.jsonl")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON instead of tables")] = False,
    limit: Annotated[int | None, typer.Option(help="at most N cases per file")] = None,
    dataset: Annotated[list[str] | None, typer.Option(help="only these datasets (repeatable)")] = None,
    details: Annotated[Path | None, typer.Option(help="write each case's output beside its gold to this JSON Lines file")] = None,
) -> None:
    """Score extraction + dedup on gold cases (../shared/eval/FORMAT.md), per dataset and language."""
    from services.cli.eval_cmd import eval_command

    code = eval_command(files or [], as_json, limit, dataset, details)
    if code:
        raise typer.Exit(code)


@cli.command()
def bench(
    what: Annotated[str, typer.Argument(help="extract, dedup, pipeline or all")] = "all",
    quick: Annotated[bool, typer.Option("--quick", help="smaller runs (under 5 minutes)")] = False,
) -> None:
    """Benchmarks; results go to bench/results.json (kept across runs, keyed by section) and bench/results.md."""
    from services.bench.core import RESULTS, RESULTS_MD, run_bench
    from services.bench.pipeline import BenchError

    sections = {"extract": ("extract",), "dedup": ("dedup",),
                "pipeline": ("pipeline", "latency", "scale", "memory")}
    if what not in (*sections, "all"):
        raise _err(f"unknown benchmark {what!r}: choose extract, dedup, pipeline or all", 2)
    try:
        results = run_bench(what, quick, progress=typer.echo)
    except BenchError as e:
        raise _err(f"bench {what}: {e}") from e
    for name in (s for key, group in sections.items() if what in (key, "all") for s in group):
        if isinstance(results.get(name), dict):
            typer.echo(f"{name}:")
            for k, v in results[name].items():
                typer.echo(f"  {k:40} {v}")
    typer.echo(f"machine: {results['machine']}; written to {RESULTS} and {RESULTS_MD}")


@cli.command()
def status(
    once: Annotated[bool, typer.Option("--once", help="print one view and exit (for scripts)")] = False,
    interval: Annotated[float, typer.Option(help="seconds between refreshes")] = 2.0,
) -> None:
    """Live view: records and records/s per topic, lag per group and partition, dead letters."""
    from services.cli.status import run_status

    settings = get_settings()
    try:
        run_status(settings, once, interval)
    except Exception as e:
        raise _err(f"could not read status from {settings.kafka_bootstrap}: {e}") from e


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
