"""Open a claimtrace store: SQLite in WAL mode with foreign keys, migrated to the newest schema.

Migrations are the numbered `NNNN_name.sql` files beside this module; `PRAGMA user_version` records how many
have been applied, so opening an older store upgrades it in place and a newer one is refused.
"""

from __future__ import annotations

import os
import re
import sqlite3
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from claimtrace.errors import ClaimtraceError
from claimtrace.settings import DEFAULT_LOCK_TIMEOUT

DEFAULT_DB = "claimtrace.db"
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migrations() -> list[tuple[int, str]]:
    """(version, SQL script) pairs in version order."""
    found = []
    for entry in resources.files("claimtrace.store").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    if [version for version, _ in found] != list(range(1, len(found) + 1)):
        raise ClaimtraceError("store migrations are not numbered 0001, 0002, … without gaps")
    return found


SCHEMA_VERSION = len(migrations())


def _statements(script: str) -> list[str]:
    """A migration script cut into whole statements (a trigger's body keeps its inner semicolons)."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending)
            pending = ""
    return statements


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the store's `user_version`; return the resulting version.

    Each migration runs in a transaction that takes the write lock first and only then reads the version, so
    two processes creating or upgrading one store at once never both apply the same migration."""
    for version, script in migrations():
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = _schema_version(conn)
            if current < version:
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
    return _schema_version(conn)


def _schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _check_store(conn: sqlite3.Connection, path: Path, writing: bool) -> None:
    """Refuse a database that is not a claimtrace store (another program's, or a newer claimtrace's) with the
    reason; a reader also refuses an older store, which only a writer may upgrade."""
    version = _schema_version(conn)
    tables: list[str] = []
    if version == 0:
        tables = [
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 4")
        ]
        # Another claimtrace process may have created the store between the two reads; its tables and its
        # version are committed together, so the version read after the tables tells.
        version = _schema_version(conn)
    if version > SCHEMA_VERSION:
        raise ClaimtraceError(
            f"{path}: store schema version {version} is newer than this claimtrace understands "
            f"({SCHEMA_VERSION}): upgrade claimtrace"
        )
    if version == 0:
        if tables:
            raise ClaimtraceError(
                f"{path}: not a claimtrace store: another program's SQLite database (tables "
                f"{', '.join(tables[:3])}{' …' if len(tables) > 3 else ''}); give a new file with --db"
            )
        if not writing:
            raise ClaimtraceError(
                f"{path}: an empty database, no claimtrace store yet "
                f"(build one with `claimtrace ingest PATH --db {path}`)"
            )
    elif version < SCHEMA_VERSION and not writing:
        raise ClaimtraceError(
            f"{path}: store schema version {version} is older than this claimtrace's ({SCHEMA_VERSION}); "
            f"an ingest into it upgrades it in place (`claimtrace ingest PATH --db {path}`)"
        )


def describe_sqlite_error(exc: sqlite3.Error) -> str:
    """What a SQLite failure means to the person running claimtrace, and what to do."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return (
            f"the store is locked by another process (another ingest?) and stayed locked past the wait "
            f"({message}); what was committed is kept: run the command again when that one is done"
        )
    if "disk is full" in message or "disk full" in message:
        return (
            f"the disk is full ({message}); every committed batch is kept: free some space and run the "
            "command again, and it resumes where it stopped"
        )
    if "malformed" in message or "corrupt" in message:
        return f"the store is damaged ({message}); `sqlite3 STORE .recover` can salvage what is readable"
    if "readonly" in message or "read-only" in message:
        return f"the store cannot be written here ({message}): check its and its directory's permissions"
    return f"not a usable claimtrace store ({message})"


def _strict_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise sqlite3.DatabaseError(
            f"database disk image is malformed (text not UTF-8 at byte {exc.start})"
        ) from None


def strict_text(conn: sqlite3.Connection) -> None:
    """Make text that is not UTF-8 (a damaged page SQLite's checks pass) a DatabaseError like any damage,
    instead of a UnicodeDecodeError; for whole-store reads (export), where a Python decoder costs little."""
    conn.text_factory = _strict_text


def check_integrity(conn: sqlite3.Connection, path: str | Path) -> None:
    """Refuse a damaged store with SQLite's own finding (`PRAGMA quick_check`: one pass over the file)."""
    try:
        finding = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        finding = str(exc)
    if finding != "ok":
        damaged = describe_sqlite_error(sqlite3.DatabaseError(f"corrupt: {finding}"))
        raise ClaimtraceError(f"{path}: {damaged}")


def _open_readonly(path: Path) -> sqlite3.Connection:
    """Open without ever writing: `mode=ro`, or `immutable=1` where the directory is read-only (SQLite can
    then create no `-shm` file, which a WAL store needs for `mode=ro`)."""
    # Quoted: a path holding "?", "#" or "%" would otherwise be read as URI syntax.
    uri = f"file:{quote(path.resolve().as_posix(), safe='/')}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    return sqlite3.connect(uri + "&immutable=1", uri=True, check_same_thread=False)


def connect(
    path: str | Path = DEFAULT_DB,
    *,
    create: bool = True,
    readonly: bool = False,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
) -> sqlite3.Connection:
    """Open (and by default create and migrate) the store at `path`.

    Rows come back as `sqlite3.Row`. With `create=False` a missing file is a clear error rather than a new,
    empty store. With `readonly` nothing is ever written, created or migrated — what every read-only command
    wants; a writer waits up to `lock_timeout` seconds for another writer's lock.
    """
    path = Path(path)
    if (readonly or not create) and not path.exists():
        raise ClaimtraceError(
            f"{path}: no claimtrace store here (build one with `claimtrace ingest PATH --db {path}`)"
        )
    if path.exists() and not path.is_file():
        raise ClaimtraceError(f"{path}: not a regular file, so not a claimtrace store")
    try:
        conn = _open_readonly(path) if readonly else sqlite3.connect(path, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")
        _check_store(conn, path, writing=not readonly)
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            # WAL with synchronous=NORMAL keeps every committed transaction through a process crash.
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise ClaimtraceError(f"{path}: {describe_sqlite_error(exc)}") from exc
    return conn
