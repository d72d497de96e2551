"""Corpus commands: ingest, load, claims, trace, reprints, search, export — thin shells over the engines and
store/queries.py."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from claimtrace.errors import ClaimtraceError, say
from claimtrace.settings import FAST_HELP
from claimtrace.store.db import DEFAULT_DB

SHOWN_FAILURES = 20

db_option = click.option(
    "--db",
    "db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The store file.",
)


def _stdout_console() -> Console:
    """Rich output on stdout; wide when piped, so rows are not folded to 80 columns."""
    return Console() if sys.stdout.isatty() else Console(width=200)


def _open(db: str) -> Any:
    """The store, read-only: a read command never creates, migrates or writes a file."""
    from claimtrace.store.db import connect

    return connect(db, readonly=True)


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="progress.data.speed")


def _progress(console: Console) -> Progress:
    """The ingest bar, drawn only on a terminal: a log file or pipe gets the summary lines alone."""
    return Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TextColumn("elapsed"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=console,
        disable=not console.is_terminal,
    )


def _report(counts: Any, link: Any) -> None:
    say(
        f"stored {counts.stored}, already stored {counts.duplicate}, failed {counts.failed}"
        + (f", not English (stored, not analysed) {counts.not_english}" if counts.not_english else "")
    )
    if link is not None:
        say(
            f"linked {link.new_articles} new articles: {link.reprint_clusters} reprint clusters, "
            f"{link.claim_clusters} claim clusters across articles"
        )
    for note in counts.notes[:SHOWN_FAILURES]:
        say(f"  note: {note}")
    if len(counts.notes) > SHOWN_FAILURES:
        say(f"  … and {len(counts.notes) - SHOWN_FAILURES} more notes")
    for origin, reason in counts.failures[:SHOWN_FAILURES]:
        say(f"  failed: {reason if reason.startswith(origin) else f'{origin}: {reason}'}")
    if counts.failed > SHOWN_FAILURES:
        say(f"  … and {counts.failed - SHOWN_FAILURES} more (table `failures` in the store)")


def _relink(db: str) -> Any:
    """A full rebuild of every link (the normal pass links only articles not linked yet)."""
    from claimtrace.engine.local import link_with_retries
    from claimtrace.store.db import connect

    conn = connect(db, create=False)
    try:
        return link_with_retries(conn, full=True)
    finally:
        conn.close()


_RELINK_HELP = "Rebuild all reprint and claim links from scratch instead of linking only new articles."


@click.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--workers", type=click.IntRange(min=1), help="Worker processes (default: all cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786), with --engine dask.")
@click.option(
    "--parts",
    type=click.Path(file_okay=False),
    help="Parquet output directory for --engine dask [default: the store's name + .parts].",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Articles per committed transaction (local) or per Dask task.",
)
@click.option("--no-link", is_flag=True, help="Skip the reprint and claim linking pass.")
@click.option("--relink", is_flag=True, help=_RELINK_HELP + " PATHS may then be omitted.")
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    help="Refuse inputs larger than this many bytes [default: 5 MiB, or $CLAIMTRACE_MAX_BYTES].",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    help="Refuse article texts longer than this [default: 1,000,000, or $CLAIMTRACE_MAX_CHARS].",
)
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    help="Seconds to wait while another ingest holds the store's write lock "
    "[default: 600, or $CLAIMTRACE_LOCK_TIMEOUT].",
)
@click.option("--fast", is_flag=True, help=FAST_HELP)
def ingest(
    paths: tuple[str, ...],
    db: str,
    workers: int | None,
    engine: str,
    scheduler: str | None,
    parts: str | None,
    batch_size: int,
    no_link: bool,
    relink: bool,
    max_bytes: int | None,
    max_chars: int | None,
    lock_timeout: float | None,
    fast: bool,
) -> None:
    """Analyse PATHS (files, directories, JSONL, WARC, or - for stdin) into the store, then link reprints and
    claims. Safe to rerun: stored articles are skipped, so an interrupted run resumes where it stopped.

    \b
    Examples:
      claimtrace ingest news/ --db news.db
      claimtrace ingest crawl.warc.gz --workers 2
      claimtrace ingest news/ --engine dask --scheduler tcp://10.0.0.5:8786
      claimtrace ingest --relink --db news.db
    """
    from claimtrace.settings import Settings

    if relink and no_link:
        raise click.UsageError("--relink and --no-link contradict each other")
    if not paths:
        if not relink:
            raise click.UsageError("give at least one PATH (or --relink alone to rebuild the links)")
        link = _relink(db)
        _stdout_console().print(
            f"relinked {link.new_articles} articles: {link.reprint_clusters} reprint clusters, "
            f"{link.claim_clusters} claim clusters across articles"
        )
        return

    defaults = Settings()
    settings = Settings(
        max_bytes=max_bytes or defaults.max_bytes,
        max_chars=max_chars or defaults.max_chars,
        lock_timeout=defaults.lock_timeout if lock_timeout is None else lock_timeout,
        fast=fast or defaults.fast,
    )
    with _progress(Console(stderr=True)) as bar:
        task = bar.add_task("ingest", total=None)

        def total(n: int | None) -> None:
            bar.update(task, total=n)

        def advance(n: int) -> None:
            bar.advance(task, n)

        from claimtrace.engine.local import IngestResult, ingest_local
        from claimtrace.engine.local import Progress as EngineProgress

        # the engine with its own options; what every engine takes is passed below
        run: Callable[..., IngestResult]
        if engine == "dask":
            from claimtrace.engine.dask import ingest_dask

            if not scheduler:
                raise click.UsageError("--engine dask needs --scheduler ADDRESS (e.g. tcp://127.0.0.1:8786)")
            run = partial(ingest_dask, scheduler=scheduler, parts_dir=parts)
        else:
            if scheduler:
                raise click.UsageError("--scheduler is for --engine dask")
            run = partial(ingest_local, workers=workers)
        result = run(
            list(paths),
            db,
            settings=settings,
            batch_size=batch_size,
            progress=EngineProgress(total, advance),
            link=not (no_link or relink),
        )
    _report(result.counts, _relink(db) if relink else result.link)
    if result.counts.failed:
        sys.exit(1)


@click.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@db_option
@click.option("--no-link", is_flag=True, help="Skip the reprint and claim linking pass.")
@click.option("--relink", is_flag=True, help=_RELINK_HELP)
def load(directory: str, db: str, no_link: bool, relink: bool) -> None:
    """Bring Parquet partitions written by `ingest --engine dask` into the store (idempotent)."""
    from claimtrace.engine.parquet import load_parts

    if relink and no_link:
        raise click.UsageError("--relink and --no-link contradict each other")
    result = load_parts(directory, db, link=not (no_link or relink))
    _report(result.counts, _relink(db) if relink else result.link)
    if result.counts.failed:
        sys.exit(1)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[tuple[str, str, int | None]]) -> None:
    """Print rows as JSON, CSV or a rich table of the given (key, header, max width) columns."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow([key for key, _, _ in columns])
        for row in rows:
            writer.writerow(["" if row.get(key) is None else row[key] for key, _, _ in columns])
        return
    table = Table(show_lines=False, highlight=False)
    for _, header, width in columns:
        table.add_column(header, max_width=width, overflow="fold")
    for row in rows:
        table.add_row(*(Text("" if row.get(key) is None else str(row[key])) for key, _, _ in columns))
    _stdout_console().print(table)


def _flatten_events(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for row in rows:
        row["event_summary"] = "; ".join(
            f"{e['type']}/{e['status']}" + (f" ({e['actor']})" if e.get("actor") else "")
            for e in row["events"]
        )
    return rows


CLAIM_COLUMNS = [
    ("claim_id", "cluster", None),
    ("published", "date", 10),
    ("outlet", "outlet", 18),
    ("source", "source", 28),
    ("cue", "cue", 12),
    ("content", "content", 60),
    ("certainty_label", "certainty", 9),
    ("certainty_value", "value", 5),
    ("event_summary", "events", 28),
    ("claim_articles", "articles", 8),
]
format_option = click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True
)


def filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """The claim filters as options (declared once, in store/queries/filters.py, with the API's)."""
    from claimtrace.store.queries.filters import FILTERS

    for spec in reversed(FILTERS):
        if spec.cli:
            command = click.option(spec.cli, spec.name, type=spec.type, help=spec.help)(command)
    return command


@click.command()
@db_option
@filter_options
@format_option
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
def claims(db: str, fmt: str, limit: int, offset: int, **filters: Any) -> None:
    """List claims (who says what, on whose authority, how firmly), newest first, with filters."""
    from claimtrace.store.queries import ClaimFilters, query_claims

    conn = _open(db)
    rows = _flatten_events(query_claims(conn, ClaimFilters.from_mapping(filters), limit=limit, offset=offset))
    if fmt == "csv":
        for row in rows:
            row.pop("events")
        _emit(rows, fmt, [(key, key, None) for key in rows[0]] if rows else CLAIM_COLUMNS)
    else:
        _emit(rows, fmt, CLAIM_COLUMNS)


@click.command()
@click.argument("claim_id", type=int)
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def trace(claim_id: int, db: str, fmt: str) -> None:
    """Show how the claim cluster CLAIM_ID (the claim_id of `claimtrace claims`) travelled: reports in time
    order, the outlet credited as the original, who cites whom, and which reports add their own sourcing."""
    from claimtrace.store.queries import trace_claim

    result = trace_claim(_open(db), claim_id)
    if result is None:
        raise ClaimtraceError(f"no claim {claim_id} in {db} (claim ids are in `claimtrace claims` output)")
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    claim = result["claim"]
    console = _stdout_console()
    console.print(Text(f"claim {claim['claim_id']}: “{claim['content']}”", style="bold"))
    credited = claim["credited_outlet"] or "unknown"
    basis = {"credited": "credited by the reports", "earliest": "earliest report", "none": "no outlet known"}
    console.print(
        Text(
            f"{claim['n_articles']} articles, {claim['n_outlets']} outlets; first published "
            f"{claim['first_published'] or 'undated'}; original: {credited} "
            f"({basis.get(claim['credited_basis'], claim['credited_basis'])})"
        )
    )
    table = Table(highlight=False)
    for header in ("#", "date", "outlet", "article", "source", "cue", "credits", "role"):
        table.add_column(header, overflow="fold", max_width=40)
    for link in result["chain"]:
        if link["is_origin"]:
            role = "origin"
        elif link["adds_own_sourcing"]:
            role = "adds sourcing: " + "; ".join(link["own_sources"])
        else:
            role = "re-report" if link["credits"] else "independent report"
        credits = link["credits"] or ""
        if link["cites_article_id"]:
            credits += f" (article {link['cites_article_id']})"
        table.add_row(
            *(
                Text(str(v))
                for v in (
                    link["position"],
                    link["published"] or "",
                    link["outlet"] or "",
                    f"{link['article_id']} {link['title'] or link['record_id']}",
                    link["source"] or "",
                    link["cue"] or "",
                    credits,
                    role,
                )
            )
        )
    console.print(table)


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min-size", type=click.IntRange(min=2), default=2, show_default=True)
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
def reprints(db: str, fmt: str, min_size: int, limit: int, offset: int) -> None:
    """List clusters of near-duplicate (reprinted or rewritten) articles, largest first."""
    from claimtrace.store.queries import reprint_clusters

    clusters = reprint_clusters(_open(db), limit=limit, offset=offset, min_size=min_size)
    if fmt == "json":
        click.echo(json.dumps(clusters, ensure_ascii=False, indent=2))
        return
    rows = [
        {
            "cluster": c["cluster"],
            "size": c["size"],
            **a,
            "score": "" if a["score"] is None else f"{a['score']:.2f}",
            "title": a["title"] or a["record_id"],
        }
        for c in clusters
        for a in c["articles"]
    ]
    _emit(
        rows,
        "table",
        [
            ("cluster", "cluster", None),
            ("size", "size", None),
            ("article_id", "article", None),
            ("published", "date", 10),
            ("outlet", "outlet", 20),
            ("title", "title", 50),
            ("score", "similarity", None),
        ],
    )


@click.command()
@click.argument("query")
@db_option
@format_option
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
def search(query: str, db: str, fmt: str, limit: int, offset: int) -> None:
    """Full-text search over article titles and text."""
    from claimtrace.store.queries import search_articles

    rows = search_articles(_open(db), query, limit=limit, offset=offset)
    _emit(
        rows,
        fmt,
        [
            ("article_id", "article", None),
            ("published", "date", 10),
            ("outlet", "outlet", 20),
            ("title", "title", 40),
            ("snippet", "match", 70),
        ],
    )


@click.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), required=True)
@click.option(
    "--out",
    type=click.Path(),
    help="jsonl: a file (default stdout); parquet/csv: a directory [default: claimtrace-export].",
)
def export(db: str, fmt: str, out: str | None) -> None:
    """Export the store: jsonl = the claimtrace/1 records exactly as analysed; parquet/csv = the tables
    articles, claims (one row per attribution, with source, certainty, events and cluster) and events."""
    from claimtrace.engine.export import export_jsonl, export_tables
    from claimtrace.store.db import check_integrity, strict_text

    conn = _open(db)
    strict_text(conn)
    check_integrity(conn, db)  # a damaged store is refused before any output, not halfway through it
    if fmt == "jsonl":
        # Written whole to a temporary file first: a store that fails halfway leaves no partial output.
        folder = Path(out).resolve().parent if out else None
        with tempfile.NamedTemporaryFile("w+", encoding="utf-8", dir=folder, delete=False) as handle:
            try:
                n = export_jsonl(conn, handle)
            except BaseException:
                Path(handle.name).unlink()
                raise
        if out:
            os.replace(handle.name, out)
            say(f"wrote {n} records to {out}")
        else:
            with open(handle.name, encoding="utf-8") as written:
                shutil.copyfileobj(written, sys.stdout)
            Path(handle.name).unlink()
        return
    for path, n in export_tables(conn, Path(out or "claimtrace-export"), fmt):
        say(f"wrote {n} rows to {path}")
