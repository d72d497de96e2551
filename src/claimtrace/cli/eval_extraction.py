"""`claimtrace eval extraction DIR`: main-text extraction scored on the Zyte benchmark layout."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from claimtrace.settings import Settings


@click.command("extraction")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@click.option("--no-clean", is_flag=True, help="Score trafilatura's text without the residue cleaner.")
@click.option("--per-page", is_flag=True, help="Also list each page's scores (table format).")
def extraction(directory: Path, fmt: str, no_clean: bool, per_page: bool) -> None:
    """Score extraction on DIR (html/*.html.gz and ground-truth.json, e.g. shared/eval/zyte): 4-word-shingle
    precision, recall and F1 per page, averaged."""
    from claimtrace.evaluate.extraction import evaluate_extraction

    score = evaluate_extraction(directory, Settings(clean=not no_clean))
    if fmt == "json":
        click.echo(json.dumps(score.to_dict(), indent=2))
        return
    console = Console(highlight=False)
    table = Table(title=f"Main-text extraction on {directory} ({len(score.pages)} pages)")
    for column in ("precision", "recall", "F1", "mean page F1", "failed", "seconds"):
        table.add_column(column, justify="right")
    table.add_row(
        f"{score.precision:.4f}",
        f"{score.recall:.4f}",
        f"{score.f1:.4f}",
        f"{score.mean_page_f1:.4f}",
        str(len(score.failed)),
        f"{score.seconds:.1f}",
    )
    console.print(table)
    if per_page:
        pages = Table(title="Per page (worst F1 first)")
        for column in ("page", "precision", "recall", "F1", "error"):
            pages.add_column(column)
        for page in sorted(score.pages, key=lambda p: p.f1):
            scores = (f"{page.precision:.3f}", f"{page.recall:.3f}", f"{page.f1:.3f}")
            pages.add_row(page.id[:16], *scores, page.error)
        console.print(pages)
    for page in score.failed:
        click.echo(f"failed: {page.error}", err=True)
