"""Open a claimtrace store: SQLite in WAL mode with foreign keys, migrated to the newest schema.

Migrations are the numbered `NNNN_name.sql` files beside this module; `PRAGMA user_version` records how many
have been applied, so opening an older store upgrades it in place and a newer one is refused.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path
from urllib.parse import quote

from claimtrace.errors import ClaimtraceError

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


def migrate(conn: sqlite3.Connection) -> int:
    """Apply every migration newer than the store's `user_version`; return the resulting version."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise ClaimtraceError(
            f"store schema version {current} is newer than this claimtrace understands ({SCHEMA_VERSION}): "
            "upgrade claimtrace"
        )
    for version, script in migrations():
        if version <= current:
            continue
        # executescript commits first; the migration and its version bump then land in one transaction.
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {version};\nCOMMIT;")
    return max(current, SCHEMA_VERSION)


def connect(
    path: str | Path = DEFAULT_DB, *, create: bool = True, readonly: bool = False
) -> sqlite3.Connection:
    """Open (and by default create and migrate) the store at `path`.

    Rows come back as `sqlite3.Row`. With `create=False` a missing file is a clear error rather than a new,
    empty store — what every read-only command wants.
    """
    path = Path(path)
    if not create and not path.exists():
        raise ClaimtraceError(
            f"{path}: no claimtrace store here (build one with `claimtrace ingest PATH --db {path}`)"
        )
    try:
        if readonly:
            # Quoted: a path holding "?", "#" or "%" would otherwise be read as URI syntax.
            uri = f"file:{quote(path.as_posix(), safe='/')}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(path, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            conn.execute("PRAGMA journal_mode = WAL")
            # WAL with synchronous=NORMAL keeps every committed transaction through a process crash.
            conn.execute("PRAGMA synchronous = NORMAL")
            migrate(conn)
        elif conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            raise ClaimtraceError(
                f"{path}: store schema is not at version {SCHEMA_VERSION}: open it read-write once"
            )
    except sqlite3.DatabaseError as exc:
        raise ClaimtraceError(f"{path}: not a usable claimtrace store ({exc})") from exc
    return conn
