"""Read inputs: files, directories, JSONL batches, WARC archives and stdin, as RawInputs in a stable order.

Every failure is yielded as an InputError naming the input (and line or record) and the iteration goes on,
so one bad file never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from claimtrace.errors import InputError
from claimtrace.read.decode import decode_bytes, decode_text
from claimtrace.read.jsonl import iter_jsonl
from claimtrace.read.kinds import InputKind, kind_from_name, sniff_kind
from claimtrace.read.limited import GZIP_MAGIC, open_regular, read_file, read_limited
from claimtrace.read.warc import iter_warc
from claimtrace.record import RawInput
from claimtrace.settings import Settings

__all__ = ["decode_bytes", "directory_files", "iter_inputs", "raw_input_from_bytes", "read_bytes_as_text"]

STDIN = "-"
STDIN_ID = "stdin"
_SNIFF_BYTES = 1 << 16


def read_bytes_as_text(data: bytes, origin: str) -> str:
    """Decode one input's bytes (BOM, UTF-8, declared charset, detection); InputError when not text."""
    return decode_bytes(data, origin)


def iter_inputs(paths: Sequence[str], settings: Settings) -> Iterator[RawInput | InputError]:
    """Every input named by `paths`, in order: a directory's files recursively in sorted order."""
    for name in paths:
        if name == STDIN:
            yield from _iter_stdin(settings)
            continue
        path = Path(name)
        if path.is_dir():
            yield from _iter_directory(path, settings)
        elif not path.exists():
            yield InputError(name, "no such file or directory", path.name)
        else:
            yield from _iter_file(path, name, path.name, settings, kind_from_name(path))


def raw_input_from_bytes(data: bytes, origin: str, record_id: str, kind: InputKind | None = None) -> RawInput:
    """One text or HTML input from its bytes (kind sniffed when not given)."""
    text, warnings = decode_text(data, origin)
    if (kind or sniff_kind(text[:_SNIFF_BYTES])) == "html":
        return RawInput(id=record_id, origin=origin, html=text, warnings=warnings)
    return RawInput(id=record_id, origin=origin, text=text, warnings=warnings)


def directory_files(root: Path) -> tuple[list[Path], list[OSError]]:
    """The files under `root` whose names say what they are, hidden ones left out, in sorted order; and the
    subdirectories that could not be listed."""
    unlisted: list[OSError] = []
    found: list[Path] = []
    for folder, subfolders, names in os.walk(root, onerror=unlisted.append):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        found += [Path(folder, name) for name in names if not name.startswith(".")]
    return sorted(p for p in found if kind_from_name(p) is not None), unlisted


def _iter_directory(root: Path, settings: Settings) -> Iterator[RawInput | InputError]:
    """A directory's files; a subdirectory that cannot be listed and a named pipe, socket or device are
    errors, never skipped in silence."""
    files, unlisted = directory_files(root)
    for exc in sorted(unlisted, key=lambda e: str(e.filename)):
        yield InputError(str(exc.filename), f"cannot list directory: {exc.strerror or exc}")
    for path in files:
        relative = path.relative_to(root).as_posix()
        yield from _iter_file(path, str(root / relative), relative, settings, kind_from_name(path))


def _iter_file(
    path: Path, origin: str, record_id: str, settings: Settings, kind: InputKind | None
) -> Iterator[RawInput | InputError]:
    if kind is None:  # a name that says nothing (".json", none): the opening bytes decide
        try:
            kind = _sniff_file(path, origin)
        except InputError as exc:
            yield InputError(exc.origin, exc.message, record_id)
            return
    if kind in ("jsonl", "warc"):
        yield from _iter_container(path, origin, settings, kind)
        return
    try:
        yield raw_input_from_bytes(read_file(path, origin, settings.max_bytes), origin, record_id, kind)
    except InputError as exc:
        yield InputError(exc.origin, exc.message, record_id)


def _iter_container(
    path: Path, origin: str, settings: Settings, kind: InputKind
) -> Iterator[RawInput | InputError]:
    """A JSONL batch or WARC archive, streamed: the size limit applies to each record, not the whole file."""
    try:
        raw = open_regular(path, origin)
    except InputError as exc:
        yield exc
        return
    with raw:
        if kind == "warc":  # warcio reads gzip members itself
            yield from iter_warc(raw, origin, settings.max_bytes)
            return
        stream: BinaryIO = raw
        if raw.read(2) == GZIP_MAGIC:
            raw.seek(0)
            stream = gzip.GzipFile(fileobj=raw)  # type: ignore[assignment]
        else:
            raw.seek(0)
        yield from iter_jsonl(stream, origin, settings.max_bytes)


def _sniff_file(path: Path, origin: str) -> InputKind:
    with open_regular(path, origin) as raw:
        try:
            head = raw.read(_SNIFF_BYTES)
            if head[:2] == GZIP_MAGIC:
                raw.seek(0)
                head = gzip.GzipFile(fileobj=raw).read(_SNIFF_BYTES)
        except (OSError, EOFError, zlib.error):
            return "text"  # reading it whole then reports the damage
    return sniff_kind(head.decode("utf-8", errors="replace"))


def _iter_stdin(settings: Settings) -> Iterator[RawInput | InputError]:
    """Standard input, sniffed: a gzip stream is unpacked, then it is read as JSONL, WARC, HTML or text."""
    source = getattr(sys.stdin, "buffer", None)
    if source is None:  # a text-only replacement for stdin
        source = io.BytesIO(sys.stdin.read().encode("utf-8"))
    stream = io.BufferedReader(source, buffer_size=_SNIFF_BYTES)  # type: ignore[arg-type]
    try:
        if stream.peek(2)[:2] == GZIP_MAGIC:
            stream = io.BufferedReader(gzip.GzipFile(fileobj=stream), buffer_size=_SNIFF_BYTES)  # type: ignore[arg-type]
        head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(STDIN, f"cannot read standard input: {exc}", STDIN_ID)
        return
    kind = sniff_kind(head.decode("utf-8", errors="replace"))
    if kind == "jsonl":
        yield from iter_jsonl(stream, STDIN, settings.max_bytes)
    elif kind == "warc":
        yield from iter_warc(stream, STDIN, settings.max_bytes)
    else:
        try:
            data = read_limited(stream, STDIN, settings.max_bytes)
            yield raw_input_from_bytes(data, STDIN, STDIN_ID)
        except InputError as exc:
            yield InputError(exc.origin, exc.message, STDIN_ID)
