"""Issue 15, the store side: read commands never write, two writers wait for each other, a read-only
directory still reads, a full disk or a damaged file is a clear message and a resumable store."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrace.errors import ClaimtraceError
from claimtrace.store.db import SCHEMA_VERSION, connect, describe_sqlite_error, migrations

TEXTS = [
    f"Officials in Norvik said on Monday that ferry service {i} would resume, according to the Harbor Post."
    for i in range(12)
]


def claimtrace(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimtrace", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
        env={**os.environ, **env},
    )


def digest(*paths: Path) -> list[str | None]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else None for p in paths]


def batch(folder: Path, texts: list[str], name: str = "news.jsonl") -> Path:
    path = folder / name
    path.write_text("".join(json.dumps({"id": f"n{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
    return path


# 2. Read commands never create, migrate or write a file.
@pytest.mark.parametrize(
    "command", [["claims"], ["search", "ferry"], ["reprints"], ["export", "--format", "jsonl"]]
)
def test_read_commands_leave_a_foreign_database_alone(tmp_path: Path, command: list[str]) -> None:
    foreign = tmp_path / "f.db"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE notes (x)")
    empty = tmp_path / "e.db"
    empty.touch()
    before = digest(foreign, empty)
    for db, reason in (
        (foreign, "not a claimtrace store: another program's SQLite database (tables notes)"),
        (empty, "an empty database, no claimtrace store yet"),
    ):
        done = claimtrace(*command, "--db", str(db))
        assert done.returncode == 2 and reason in done.stderr and done.stdout == ""
        assert len(done.stderr.splitlines()) == 1
    assert digest(foreign, empty) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["e.db", "f.db"]  # no -wal, no -shm


def test_a_writer_refuses_a_foreign_database_too(tmp_path: Path) -> None:
    foreign = tmp_path / "f.db"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE notes (x)")
    with pytest.raises(ClaimtraceError, match="not a claimtrace store"):
        connect(foreign)
    with sqlite3.connect(foreign) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_reader_refuses_an_older_store_without_upgrading_it(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as raw:
        raw.executescript(migrations()[0][1] + "\nPRAGMA user_version = 1;")
    before = digest(path)
    with pytest.raises(
        ClaimtraceError, match=f"version 1 is older than this claimtrace's \\({SCHEMA_VERSION}\\)"
    ):
        connect(path, readonly=True)
    assert digest(path) == before
    assert connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # a writer upgrades


# 5. Writers wait for each other.
def test_many_processes_creating_one_store_at_once_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    errors: list[BaseException] = []
    start = threading.Barrier(6)

    def open_store() -> None:
        start.wait()
        try:
            connect(path).close()
        except BaseException as exc:  # collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert connect(path, readonly=True).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.fixture
def held_lock(tmp_path: Path) -> Iterator[tuple[Path, threading.Event]]:
    """A store whose write lock another connection holds until the event is set."""
    path = tmp_path / "busy.db"
    connect(path).close()
    release = threading.Event()
    holder = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")

    def hold() -> None:
        release.wait(60)
        holder.execute("COMMIT")
        holder.close()

    thread = threading.Thread(target=hold)
    thread.start()
    yield path, release
    release.set()
    thread.join()


def test_an_ingest_says_clearly_when_another_holds_the_store(
    tmp_path: Path, held_lock: tuple[Path, threading.Event]
) -> None:
    path, _ = held_lock
    done = claimtrace("ingest", str(batch(tmp_path, TEXTS[:1])), "--db", str(path), "--lock-timeout", "0.5")
    assert done.returncode == 2
    assert (
        "locked by another process (another ingest?)" in done.stderr and "internal error" not in done.stderr
    )


def test_an_ingest_waits_for_another_writer(tmp_path: Path, held_lock: tuple[Path, threading.Event]) -> None:
    path, release = held_lock
    threading.Timer(2.0, release.set).start()
    done = claimtrace("ingest", str(batch(tmp_path, TEXTS[:2])), "--db", str(path), "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert connect(path, readonly=True).execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_two_ingests_into_one_new_store_both_finish(tmp_path: Path) -> None:
    path = tmp_path / "both.db"
    first, second = batch(tmp_path, TEXTS[:6], "a.jsonl"), batch(tmp_path, TEXTS[6:], "b.jsonl")
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "claimtrace",
                "ingest",
                str(p),
                "--db",
                str(path),
                "--workers",
                "1",
                "--batch-size",
                "2",
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        for p in (first, second)
    ]
    results = [(run.wait(timeout=300), run.stderr.read() if run.stderr else "") for run in runs]
    assert [code for code, _ in results] == [0, 0], results
    conn = connect(path, readonly=True)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 12
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# 6. A store in a read-only directory still reads.
def unprivileged() -> list[str]:
    """A command prefix that drops root (under which every directory is writable), or [] when not root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only directory cannot be made")
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    if subprocess.run([*prefix, sys.executable, "-c", "import claimtrace"], check=False).returncode != 0:
        pytest.skip("the interpreter is not usable by an unprivileged user here")
    return prefix


def test_a_store_in_a_read_only_directory_is_readable(tmp_path: Path) -> None:
    prefix = unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="ct-ro-"))
    try:
        store = folder / "news.db"
        done = claimtrace("ingest", str(batch(tmp_path, TEXTS[:2])), "--db", str(store), "--workers", "1")
        assert done.returncode == 0, done.stderr
        assert not (folder / "news.db-shm").exists()  # a clean close leaves no WAL index behind
        folder.chmod(0o555)
        for command in (["claims", "--format", "json"], ["export", "--format", "jsonl"], ["reprints"]):
            read = subprocess.run(
                [*prefix, sys.executable, "-m", "claimtrace", *command, "--db", str(store)],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert read.returncode == 0, read.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["news.db"]
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)


# 7. A full disk ends the run with a clear message and a store that a rerun completes.
def test_a_full_disk_ends_ingest_cleanly_and_a_rerun_completes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, nlp: object
) -> None:
    import claimtrace.engine.local as local

    source = batch(tmp_path, TEXTS)
    store = tmp_path / "full.db"
    local.ingest_local([str(batch(tmp_path, TEXTS[:2], "first.jsonl"))], store, workers=1, nlp=nlp)  # type: ignore[arg-type]
    real_connect = local.connect

    def small_disk(db: object, **options: object) -> sqlite3.Connection:
        # SQLite's own page limit fails writes exactly as a full disk does (SQLITE_FULL).
        conn = real_connect(db, **options)  # type: ignore[arg-type]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(local, "connect", small_disk)
    with pytest.raises(sqlite3.OperationalError) as full:
        local.ingest_local([str(source)], store, workers=1, batch_size=2, nlp=nlp)  # type: ignore[arg-type]
    message = describe_sqlite_error(full.value)
    assert "disk is full" in message and "resumes where it stopped" in message
    kept = connect(store, readonly=True)
    assert kept.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = kept.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 2 <= stored < len(TEXTS) and stored % 2 == 0  # whole batches of 2: none half-written
    kept.close()
    monkeypatch.setattr(local, "connect", real_connect)
    result = local.ingest_local([str(source)], store, workers=1, batch_size=2, nlp=nlp)  # type: ignore[arg-type]
    assert (result.counts.stored, result.counts.duplicate) == (len(TEXTS) - stored, stored)


# 11. A damaged store is a clear error, and export writes nothing before saying so.
def test_a_damaged_store_is_reported_before_any_output(tmp_path: Path) -> None:
    store = tmp_path / "news.db"
    done = claimtrace(
        "ingest", str(batch(tmp_path, TEXTS[:3])), "--db", str(store), "--workers", "1", "--no-link"
    )
    assert done.returncode == 0, done.stderr
    data = bytearray(store.read_bytes())
    page = 4096
    for start in range(3 * page, len(data) - page, 2 * page):  # every other page's header and cells
        data[start : start + 600] = os.urandom(600)
    store.write_bytes(bytes(data))
    exported = claimtrace("export", "--format", "jsonl", "--db", str(store))
    assert exported.returncode == 2 and exported.stdout == ""
    assert "damaged" in exported.stderr and len(exported.stderr.splitlines()) == 1
    listed = claimtrace("claims", "--format", "json", "--db", str(store))  # may not touch a damaged page
    assert listed.returncode in (0, 2) and "internal error" not in listed.stderr


# 8. A subdirectory that cannot be listed is an error, not a silent skip (also needs a non-root reader).
def test_an_unlistable_subdirectory_is_an_error() -> None:
    prefix = unprivileged()
    folder = Path(tempfile.mkdtemp(prefix="ct-dir-"))
    try:
        (folder / "a.txt").write_text(TEXTS[0])
        (folder / "locked").mkdir()
        (folder / "locked" / "b.txt").write_text(TEXTS[1])
        (folder / "locked").chmod(0)
        folder.chmod(0o755)
        listing = (
            "import sys\nfrom claimtrace.read import iter_inputs\nfrom claimtrace.settings import Settings\n"
        )
        listing += (
            "for item in iter_inputs([sys.argv[1]], Settings()):\n    print(type(item).__name__, item)\n"
        )
        read = subprocess.run(
            [*prefix, sys.executable, "-c", listing, str(folder)], capture_output=True, text=True, check=False
        )
        assert read.returncode == 0, read.stderr
        assert (
            read.stdout.splitlines()[0]
            == f"InputError {folder / 'locked'}: cannot list directory: Permission denied"
        )
        assert read.stdout.splitlines()[1].startswith("RawInput")
    finally:
        (folder / "locked").chmod(0o755)
        shutil.rmtree(folder)
