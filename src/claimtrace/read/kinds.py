"""What kind of input a path or a byte string is: text, HTML, a JSONL batch or a WARC archive."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

InputKind = Literal["text", "html", "jsonl", "warc"]

_SUFFIX_KINDS: dict[str, InputKind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|section)\b",
    re.IGNORECASE | re.DOTALL,
)
# `{"` opens a JSON object; `{{#x}}` or `{% if %}` opens a scraped page that still has template tags.
_JSON_OBJECT_START = re.compile(r'\{\s*"')
_HTML_TAGS = re.compile(r"</(?:p|div|article|body|html|span|a|li|h[1-6])>|<br\s*/?>", re.IGNORECASE)


def kind_from_name(path: Path) -> InputKind | None:
    """The kind its name says (`.gz` looked through), or None for a name that says nothing."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return _SUFFIX_KINDS.get(suffixes[-1]) if suffixes else None


def sniff_kind(head: str) -> InputKind:
    """The kind of an input judged by its opening text (stdin, or a file whose name says nothing)."""
    if head.startswith("WARC/"):
        return "warc"
    first_line = head.lstrip().split("\n", 1)[0]
    if _JSON_OBJECT_START.match(first_line):
        return "jsonl"
    if first_line.startswith("{"):
        try:
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except ValueError:
            pass
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 2:
        return "html"
    return "text"
