"""Property tests: any bytes, through any reader, give RawInputs or InputErrors, never an exception."""

from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrace.errors import InputError
from claimtrace.read import iter_inputs, read_bytes_as_text
from claimtrace.record import RawInput
from claimtrace.settings import Settings

SMALL_LIMIT = Settings(max_bytes=4096)
SUFFIXES = [
    ".txt",
    ".html",
    ".htm",
    ".jsonl",
    ".warc",
    ".txt.gz",
    ".html.gz",
    ".jsonl.gz",
    ".warc.gz",
    ".dat",
]

# Bytes that look a little like each format, so readers go past their first checks.
_prefixes = st.sampled_from(
    [
        b"",
        b"WARC/1.0\r\n",
        b'{"id": "x", "text": "',
        b"<html><body><p>",
        b"\x1f\x8b",
        b"\xef\xbb\xbf",
        b"\xff\xfe",
    ]
)
inputs = st.builds(lambda prefix, rest: prefix + rest, _prefixes, st.binary(max_size=3000))
lines = st.lists(
    st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.text(max_size=50).map(lambda t: f'{{"id": "a", "text": {json.dumps(t)}}}'.encode()),
    ),
    max_size=8,
).map(b"\n".join)


def check(items: list[object]) -> None:
    for item in items:
        assert isinstance(item, RawInput | InputError), item
        if isinstance(item, RawInput):
            assert (item.text is None) != (item.html is None)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=inputs, suffix=st.sampled_from(SUFFIXES), packed=st.booleans())
def test_any_file_reads_to_inputs_or_errors(data: bytes, suffix: str, packed: bool) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if packed and suffix.endswith(".gz") else data)
        check(list(iter_inputs([str(path)], SMALL_LIMIT)))
        check(list(iter_inputs([directory], SMALL_LIMIT)))


@settings(max_examples=100, deadline=None)
@given(data=lines)
def test_any_jsonl_batch_reads_line_by_line(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "batch.jsonl"
        path.write_bytes(data)
        items = list(iter_inputs([str(path)], SMALL_LIMIT))
    check(items)
    assert len(items) <= data.count(b"\n") + 1


@settings(max_examples=100, deadline=None)
@given(data=inputs)
def test_any_stdin_reads_to_inputs_or_errors(data: bytes) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        check(list(iter_inputs(["-"], SMALL_LIMIT)))


@settings(max_examples=100, deadline=None)
@given(data=inputs)
def test_decoding_any_bytes_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        assert isinstance(read_bytes_as_text(data, "x"), str)
    except InputError as exc:
        assert str(exc).startswith("x: ")


@settings(max_examples=50, deadline=None)
@given(text=st.text(min_size=1, max_size=500).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_text_round_trips(text: str) -> None:
    try:
        assert read_bytes_as_text(text.encode("utf-8"), "x") == text
    except InputError as exc:  # only text made mostly of control characters is refused, as binary
        assert "binary" in str(exc)
