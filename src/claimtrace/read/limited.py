"""Reading a file's bytes, gzip or not, never more than the size limit allows."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path
from typing import BinaryIO

from claimtrace.errors import InputError

GZIP_MAGIC = b"\x1f\x8b"


def too_large(origin: str, limit: int) -> InputError:
    return InputError(origin, f"input is larger than the limit of {limit:,} bytes (set CLAIMTRACE_MAX_BYTES)")


def read_limited(stream: BinaryIO, origin: str, limit: int) -> bytes:
    """Read a whole stream, refusing it past `limit` bytes (a huge input or gzip bomb never fills memory)."""
    try:
        data = stream.read(limit + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(origin, f"truncated or corrupt gzip data ({exc})") from None
    if len(data) > limit:
        raise too_large(origin, limit)
    return data


def read_file(path: Path, origin: str, limit: int) -> bytes:
    """The bytes of a file, gunzipped when it is gzip, within the size limit."""
    try:
        if path.stat().st_size > limit:  # a gzip file this big unpacks to more still
            raise too_large(origin, limit)
        with path.open("rb") as raw:
            if raw.read(2) == GZIP_MAGIC:
                raw.seek(0)
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    return read_limited(unzipped, origin, limit)  # type: ignore[arg-type]
            raw.seek(0)
            return read_limited(raw, origin, limit)
    except FileNotFoundError:
        raise InputError(origin, "no such file") from None
    except IsADirectoryError:
        raise InputError(origin, "is a directory") from None
    except PermissionError:
        raise InputError(origin, "permission denied") from None
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
