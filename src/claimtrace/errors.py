"""User-facing errors: one line, naming the input (and line) and what to do."""

import re
import sys


class ClaimtraceError(Exception):
    """An error whose message is fit to show a user as-is (no traceback)."""


class InputError(ClaimtraceError):
    """One input (file, JSONL line, WARC record) could not be read or analysed."""

    def __init__(self, origin: str, message: str, record_id: str | None = None) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message
        self.record_id = record_id or origin


# C0 and C1 controls, DEL, and the Unicode line and paragraph separators: none may reach a terminal raw.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(message: str) -> str:
    r"""`message` as one printable line: newlines, escapes and other controls shown as `\n`, `\x1b`."""
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), message)


def say(message: str) -> None:
    """Write `message` to stderr as one escaped line, never wrapped: logs and pipes get whole lines."""
    sys.stderr.write(one_line(message) + "\n")
    sys.stderr.flush()
