"""Bytes to text: byte-order mark, then UTF-8, then the HTML's declared charset, then charset-normalizer."""

from __future__ import annotations

import codecs
import re
from typing import NamedTuple

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
_SURROGATE = re.compile("[\ud800-\udfff]")
# A well-formed UTF-8 sequence of two to four bytes: legacy 8-bit text almost never holds one by chance.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# UTF-16 without a byte-order mark: in mostly-Latin text, one byte of each pair is NUL.
_UTF16_NUL_SHARE = 0.4


class Decoded(NamedTuple):
    text: str
    warnings: list[str]


def decode_bytes(data: bytes, origin: str, charset: str | None = None) -> str:
    """Decode one input's bytes, or raise InputError when they are empty or not text.

    `charset` is what the transport declared (an HTTP Content-Type), tried before the page's own meta tag.
    """
    return decode_text(data, origin, charset).text


def decode_text(data: bytes, origin: str, charset: str | None = None) -> Decoded:
    """`decode_bytes`, with a warning for each guess it had to make (damaged UTF-8, a detected encoding)."""
    if not data.strip():
        raise InputError(origin, "empty input")
    warnings: list[str] = []
    text = _decode_with_bom(data)
    if text is None and b"\x00" in data:
        text = _decode_utf16_without_bom(data, warnings)
        if text is None:
            raise InputError(origin, "binary data (NUL bytes), not text or HTML")
    if text is None:
        text = _decode_declared(data, charset, warnings)
    if text is None:
        raise InputError(origin, "binary or undecodable data: no text encoding fits")
    problem = text_problem(text)
    if problem:
        raise InputError(origin, problem)
    return Decoded(text, warnings)


def text_problem(text: str) -> str | None:
    """Why `text` cannot be analysed (empty, binary, not valid Unicode), or None: the one check every reader
    applies, whether the text came as bytes or inside JSON."""
    if not text.strip():
        return "empty input"
    if len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        return "binary data (control characters), not text or HTML"
    surrogate = _SURROGATE.search(text)
    if surrogate:
        code = surrogate.group(0).encode("unicode_escape", "backslashreplace").decode("ascii")
        return f"lone surrogate {code} at character {surrogate.start()}: not valid Unicode"
    return None


def lone_surrogate(value: str) -> bool:
    return _SURROGATE.search(value) is not None


def _decode_with_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf16_without_bom(data: bytes, warnings: list[str]) -> str | None:
    even, odd = data[0::2], data[1::2]
    for encoding, nuls in (("utf-16-le", odd), ("utf-16-be", even)):
        if nuls and nuls.count(0) >= _UTF16_NUL_SHARE * len(nuls):
            try:
                text = data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            warnings.append(f"no byte-order mark: read as {encoding.upper()}")
            return text
    return None


def _decode_declared(data: bytes, charset: str | None, warnings: list[str]) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    meta = _META_CHARSET.search(data[:8192])
    for declared in (charset, meta.group(1).decode("ascii") if meta else None):
        if declared:
            try:
                return data.decode(declared)
            except (LookupError, UnicodeDecodeError):
                pass  # a wrong or unknown declaration: let the detector decide
    replaced = data.decode("utf-8", errors="replace")
    invalid = replaced.count("\ufffd") - data.count("\ufffd".encode())
    if len(_UTF8_MULTIBYTE.findall(data)) >= invalid:
        # Mostly well-formed UTF-8 with a few damaged bytes: keep it UTF-8 rather than reread it all as some
        # legacy encoding (which turns every accented letter into mojibake).
        warnings.append(f"invalid UTF-8 from byte {first_bad}: {invalid} bytes replaced with U+FFFD")
        return replaced
    best = from_bytes(data).best()
    if best is None:
        return None
    warnings.append(f"not UTF-8 and no declared charset fits: read as {best.encoding} (detected)")
    return str(best)
