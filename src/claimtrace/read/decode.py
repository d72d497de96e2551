"""Bytes to text: byte-order mark, then UTF-8, then the HTML's declared charset, then charset-normalizer."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from claimtrace.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE
)
# C0 controls other than tab, newline, form feed and carriage return: text has almost none, binary has many.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01


def decode_bytes(data: bytes, origin: str, charset: str | None = None) -> str:
    """Decode one input's bytes, or raise InputError when they are empty or not text.

    `charset` is what the transport declared (an HTTP Content-Type), tried before the page's own meta tag.
    """
    if not data.strip():
        raise InputError(origin, "empty input")
    text = _decode_with_bom(data)
    if text is None:
        if b"\x00" in data:
            raise InputError(origin, "binary data (NUL bytes), not text or HTML")
        text = _decode_declared(data, charset)
    if text is None:
        raise InputError(origin, "binary or undecodable data: no text encoding fits")
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(origin, "binary data (control characters), not text or HTML")
    if not text.strip():
        raise InputError(origin, "empty input")
    return text


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_declared(data: bytes, charset: str | None) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    meta = _META_CHARSET.search(data[:8192])
    for declared in (charset, meta.group(1).decode("ascii") if meta else None):
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: let the detector decide
    best = from_bytes(data).best()
    return None if best is None else str(best)
