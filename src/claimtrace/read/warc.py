"""WARC / WARC.gz archives: each HTML response (or resource) record becomes one input, id = its target URI."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from claimtrace.errors import InputError
from claimtrace.read.decode import decode_bytes
from claimtrace.read.limited import read_limited
from claimtrace.record import RawInput

_HTML_TYPES = ("text/html", "application/xhtml")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


class _FramingError(Exception):
    """A record whose Content-Length does not match the archive: the records after it cannot be found."""


class _StrictArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's reader, with a wrong Content-Length an error rather than a warning printed on stderr, and a
    gzip member cut short noticed rather than taken for the end of the archive."""

    truncated = False

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if line.strip():
                if empty_size == 0:
                    raise _FramingError("record not followed by a blank line: its Content-Length is wrong")
                return line, empty_size
            empty_size += len(line)

    def close(self) -> None:
        decompressor = self.reader.decompressor if self.reader else None
        self.truncated = decompressor is not None and not decompressor.eof
        super().close()


def iter_warc(stream: BinaryIO, name: str, limit: int) -> Iterator[RawInput | InputError]:
    """Yield the HTML pages of an archive; a record that cannot be read is an error, and since a WARC cannot
    be resynchronised after a broken record (a wrong Content-Length, a cut), reading stops there."""
    number = 0
    archive = _StrictArchiveIterator(stream)
    records = iter(archive)
    while True:
        number += 1
        origin = f"{name}#{number}"
        try:
            record = next(records)
        except StopIteration:
            if archive.truncated:
                yield InputError(origin, "truncated archive: its last gzip member is cut short")
            return
        except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, ValueError, zlib.error …)
            reason = f"{type(exc).__name__}: {exc}"
            yield InputError(origin, f"unreadable WARC record, archive stops here ({reason})")
            return
        page: RawInput | InputError | None
        try:
            page = _page(record, origin, limit)
        except InputError as exc:
            page = exc
        except Exception as exc:  # a damaged payload inside an intact record
            page = InputError(origin, f"unreadable WARC record ({type(exc).__name__}: {exc})")
        try:
            archive.read_to_end()  # the rest of the record and the blank lines that must follow it
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise _FramingError(
                    "record ends before its Content-Length: a truncated archive or wrong length"
                )
        except _FramingError as exc:
            yield InputError(origin, f"{exc}; archive stops here")
            return
        if page is not None:
            yield page


def _page(record: Any, origin: str, limit: int) -> RawInput | None:
    if record.rec_type not in ("response", "resource"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or origin
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if status and not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and not content_type.lower().startswith(_HTML_TYPES):
        return None
    data = read_limited(record.content_stream(), origin, limit)
    charset = _CHARSET.search(content_type)
    html = decode_bytes(data, origin, charset.group(1) if charset else None)
    return RawInput(id=uri, origin=origin, html=html, url=uri if "://" in uri else None)
