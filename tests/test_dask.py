"""The Dask engine on a LocalCluster: one model load per worker, Parquet partitions that pandas and DuckDB
read, and a store equal to a local ingest of the same inputs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrace.engine.dask import PLUGIN_NAME, ingest_dask
from claimtrace.engine.local import ingest_local
from test_ingest import article, claimtrace, snapshot, write_texts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    from distributed import LocalCluster

    # Threads in this process keep the test light on a shared machine; each worker still loads its own model.
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as local:
        yield local


def inputs(folder: Path) -> Path:
    write_texts(folder / "texts", 9)
    batch = [
        json.dumps({"id": "jsonl-1", "text": article(30), "url": "https://tidewater.example/one"}),
        '{"id": "broken"',
        json.dumps({"id": "dup", "text": article(2)}),
    ]
    (folder / "texts" / "batch.jsonl").write_text("\n".join(batch) + "\n", encoding="utf-8")
    return folder / "texts"


def test_dask_ingest_matches_a_local_ingest(cluster: object, tmp_path: Path) -> None:
    from distributed import Client

    source = inputs(tmp_path)
    dask_db, local_db, parts = tmp_path / "dask.db", tmp_path / "local.db", tmp_path / "parts"
    with Client(cluster) as client:
        result = ingest_dask([str(source)], dask_db, client, parts_dir=parts, batch_size=3)
        loads = client.run(lambda dask_worker: dask_worker.plugins[PLUGIN_NAME].loads)
    assert sorted(loads.values()) == [1, 1]  # one model load per worker for 4 batches
    assert (result.counts.stored, result.counts.failed) == (10, 1)
    ingest_local([str(source)], local_db, workers=1)
    assert snapshot(dask_db) == snapshot(local_db)


def test_partitions_are_read_by_pandas_and_duckdb(cluster: object, tmp_path: Path) -> None:
    import duckdb
    import pandas as pd
    from distributed import Client

    source = inputs(tmp_path)
    parts = tmp_path / "parts"
    with Client(cluster) as client:
        ingest_dask([str(source)], tmp_path / "store.db", client, parts_dir=parts, batch_size=4)
    articles = pd.read_parquet(parts / "articles")
    assert len(articles) == 11 and articles["error"].notna().sum() == 1
    assert (
        json.loads(articles.dropna(subset=["record_json"])["record_json"].iloc[0])["schema"] == "claimtrace/1"
    )
    sources = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{parts}/attributions/*.parquet') WHERE source IS NOT NULL"
    ).fetchall()[0][0]
    assert sources >= 10
    with sqlite3.connect(tmp_path / "store.db") as conn:
        assert conn.execute("SELECT count(*) FROM attributions").fetchone()[0] == len(
            pd.read_parquet(parts / "attributions")
        )


def test_load_brings_partitions_into_a_new_store_idempotently(cluster: object, tmp_path: Path) -> None:
    from distributed import Client

    source = inputs(tmp_path)
    parts = tmp_path / "parts"
    with Client(cluster) as client:
        ingest_dask([str(source)], tmp_path / "first.db", client, parts_dir=parts, batch_size=5)
    for _ in range(2):
        done = claimtrace("load", str(parts), "--db", "second.db", cwd=tmp_path)
        assert done.returncode == 1  # the broken JSONL line is reported as failed on every load
        assert "batch.jsonl:2: broken JSON" in done.stderr
    assert snapshot(tmp_path / "first.db") == snapshot(tmp_path / "second.db")


def test_the_cli_refuses_dask_without_a_scheduler(tmp_path: Path) -> None:
    done = claimtrace("ingest", str(tmp_path), "--engine", "dask", cwd=tmp_path)
    assert done.returncode == 2 and "--scheduler" in done.stderr and "Traceback" not in done.stderr


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path: Path) -> None:
    write_texts(tmp_path / "in", 1)
    done = claimtrace("ingest", "in", "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in done.stderr
    assert "Traceback" not in done.stderr
