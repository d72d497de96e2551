"""JSONL batches: one `{"id", "text" | "html", "url"?, "published"?}` object a line.

A bad line is an error naming file:line, and the rest of the batch goes on.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from claimtrace.dates import is_calendar_date
from claimtrace.errors import InputError
from claimtrace.read.decode import lone_surrogate, text_problem
from claimtrace.read.limited import too_large
from claimtrace.record import RawInput

_CHUNK = 1 << 16
_ISO_DATE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\d-])")


def iter_jsonl(stream: BinaryIO, name: str, limit: int) -> Iterator[RawInput | InputError]:
    """One RawInput or InputError per non-blank line; `limit` bounds each line, not the batch."""
    number = 0
    while True:
        number += 1
        origin = f"{name}:{number}"
        try:
            line = stream.readline(limit + 1)
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield too_large(origin, limit)
                continue
        except (EOFError, gzip.BadGzipFile, zlib.error, OSError) as exc:
            yield InputError(origin, f"truncated or corrupt data, batch stops here ({exc})")
            return
        if not line:
            return
        if not line.strip():
            continue
        try:
            yield parse_line(line, origin)
        except InputError as exc:
            yield exc


def parse_line(line: bytes, origin: str) -> RawInput:
    """One batch line as a RawInput (its id defaulting to `origin`, "file:line"), or InputError saying what is
    wrong with it."""
    try:
        obj: Any = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(origin, "line is not UTF-8") from None
    except json.JSONDecodeError as exc:
        # json says "Invalid control character at": the column completes that sentence.
        reason = exc.msg.removesuffix(" at")
        raise InputError(origin, f"broken JSON: {reason} at column {exc.colno}") from None
    except RecursionError:
        raise InputError(origin, "broken JSON (nested too deeply)") from None
    if not isinstance(obj, dict):
        raise InputError(origin, f"expected a JSON object, got {type(obj).__name__}")
    record_id = _record_id(obj.get("id"), origin)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError(origin, 'no "text" or "html" string in this line', record_id)
    body_key = "text" if isinstance(text, str) else "html"
    problem = text_problem(text if isinstance(text, str) else html)
    if problem:
        raise InputError(origin, f'"{body_key}": {problem}', record_id)
    return RawInput(
        id=record_id,
        origin=origin,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=_optional_string(obj, "url", origin, record_id),
        published=_published(obj, origin, record_id),
    )


def _record_id(value: Any, origin: str) -> str:
    """The line's own id (a string or a whole number), else `origin`; a list or object is no id."""
    if value is None or value == "":
        return origin
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(origin, f'"id" must be a string or a whole number, got {type(value).__name__}')
    if isinstance(value, str) and lone_surrogate(value):
        raise InputError(origin, '"id" holds a lone surrogate: not valid Unicode')
    return str(value)


def published_date(value: str) -> str | None:
    """`value` as YYYY-MM-DD or YYYY-MM (a full ISO timestamp keeps its date), or None when it is no real
    date: the one check for a caller's publication date, in batches and in the API alike."""
    match = _ISO_DATE.match(value.strip())
    return match.group(0) if match and is_calendar_date(match.group(0)) else None


def _published(obj: dict[str, Any], origin: str, record_id: str) -> str | None:
    value = _optional_string(obj, "published", origin, record_id)
    if value is None:
        return None
    published = published_date(value)
    if published is None:
        raise InputError(origin, f'"published" must be YYYY-MM-DD or YYYY-MM, got {value[:40]!r}', record_id)
    return published


def _optional_string(obj: dict[str, Any], key: str, origin: str, record_id: str) -> str | None:
    value = obj.get(key)
    if value is None or isinstance(value, str):
        if value and lone_surrogate(value):
            raise InputError(origin, f'"{key}" holds a lone surrogate: not valid Unicode', record_id)
        return value or None
    raise InputError(origin, f'"{key}" must be a string, got {type(value).__name__}', record_id)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return
