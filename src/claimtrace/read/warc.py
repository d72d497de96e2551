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


def iter_warc(stream: BinaryIO, name: str, limit: int) -> Iterator[RawInput | InputError]:
    """Yield the HTML pages of an archive; a record that cannot be read is an error, and since a WARC cannot
    be resynchronised after a broken record, reading stops there."""
    number = 0
    records = iter(ArchiveIterator(stream))
    while True:
        number += 1
        origin = f"{name}#{number}"
        try:
            record = next(records)
        except StopIteration:
            return
        except Exception as exc:  # warcio raises many kinds (ArchiveLoadFailed, ValueError, zlib.error …)
            reason = f"{type(exc).__name__}: {exc}"
            yield InputError(origin, f"unreadable WARC record, archive stops here ({reason})")
            return
        try:
            page = _page(record, origin, limit)
        except InputError as exc:
            yield exc
            continue
        except Exception as exc:  # a damaged payload inside an intact record
            yield InputError(origin, f"unreadable WARC record ({type(exc).__name__}: {exc})")
            continue
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
