"""Reading a file's bytes, gzip or not, never more than the size limit allows."""

from __future__ import annotations

import gzip
import os
import stat
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


def not_regular(mode: int) -> str | None:
    """What a file that is not a regular file is ("a named pipe (FIFO)" …), or None for a regular one."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def open_regular(path: Path, origin: str) -> BinaryIO:
    """Open a regular file for reading; a FIFO, socket or device is refused rather than waited on forever.

    Opened non-blocking and checked on the open descriptor, so nothing can swap the file in between."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
    what = not_regular(os.fstat(fd).st_mode)
    if what is not None:
        os.close(fd)
        raise InputError(origin, f"{what}, not a regular file: not read")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def read_file(path: Path, origin: str, limit: int) -> bytes:
    """The bytes of a regular file, gunzipped when it is gzip, within the size limit."""
    with open_regular(path, origin) as raw:
        try:
            if os.fstat(raw.fileno()).st_size > limit:  # a gzip file this big unpacks to more still
                raise too_large(origin, limit)
            if raw.read(2) == GZIP_MAGIC:
                raw.seek(0)
                with gzip.GzipFile(fileobj=raw) as unzipped:
                    return read_limited(unzipped, origin, limit)  # type: ignore[arg-type]
            raw.seek(0)
            return read_limited(raw, origin, limit)
        except OSError as exc:
            raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None
