"""The `claimtrace` command line: a click group whose commands load lazily, so `--help` stays fast."""

from __future__ import annotations

import importlib
import os
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from claimtrace import __version__
from claimtrace.errors import ClaimtraceError, one_line, say

F = TypeVar("F", bound=Callable[..., Any])


class LazyGroup(click.Group):
    """A group whose subcommands are imported only when invoked or listed."""

    def __init__(
        self, *args: object, lazy: dict[str, tuple[str, str]] | None = None, **kwargs: object
    ) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy = lazy or {}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module, attr = self.lazy[cmd_name]
            return getattr(importlib.import_module(module), attr)
        return super().get_command(ctx, cmd_name)


def directory_option(flag: str, name: str, help: str) -> Callable[[F], F]:
    """An option naming an existing directory (a model, an evaluation split), None when not given."""
    return click.option(
        flag, name, type=click.Path(exists=True, file_okay=False, path_type=Path), default=None, help=help
    )


def lazy_commands(module: str, *names: str) -> dict[str, tuple[str, str]]:
    """A `LazyGroup`'s table entries for commands of `claimtrace.cli.<module>`, each defined there under its
    own name."""
    return {name: (f"claimtrace.cli.{module}", name) for name in names}


COMMANDS: dict[str, tuple[str, str]] = {
    **lazy_commands("analyze", "analyze", "demo"),
    "eval": ("claimtrace.cli.evaluate", "eval_group"),
    "train": ("claimtrace.cli.train", "train_group"),
    **lazy_commands("corpus", "ingest", "load", "claims", "trace", "reprints", "search", "export"),
    **lazy_commands("serve", "serve"),
}


@click.group(cls=LazyGroup, lazy=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimtrace")
def cli() -> None:
    """claimtrace: who claims what, on whose authority, how firmly, about whom, and when.

    \b
    Examples:
      claimtrace demo                       analyse the bundled example articles
      claimtrace analyze article.html       report on one page
      claimtrace analyze batch.jsonl --format jsonl > out.jsonl
      claimtrace ingest news/ --db news.db  build a corpus, then: claimtrace claims --db news.db
    """


def main() -> None:
    """Entry point: user-facing errors become one line on stderr and exit status 2; never a traceback."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.message = one_line(exc.message)  # a file name with a newline or escape sequence in it
        exc.show()
        sys.exit(exc.exit_code)
    except ClaimtraceError as exc:
        say(f"claimtrace: error: {exc}")
        sys.exit(2)
    except sqlite3.Error as exc:  # the store locked, full, damaged: the environment, not a bug
        from claimtrace.store.db import describe_sqlite_error

        say(f"claimtrace: error: {describe_sqlite_error(exc)}")
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
    except OSError as exc:  # writing output to a full disk, a vanished directory …
        where = f"{exc.filename}: " if exc.filename else ""
        say(f"claimtrace: error: {where}{exc.strerror or exc}")
        sys.exit(2)
    except Exception as exc:  # the last line of defence: a bug must still not print a traceback at a user
        if os.environ.get("CLAIMTRACE_DEBUG"):
            raise
        say(f"claimtrace: internal error: {type(exc).__name__}: {exc} (set CLAIMTRACE_DEBUG=1 for details)")
        sys.exit(3)
