"""Ingest engines: local worker processes, or a Dask cluster writing Parquet partitions."""
