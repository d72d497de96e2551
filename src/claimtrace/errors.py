"""User-facing errors: one line, naming the input (and line) and what to do."""


class ClaimtraceError(Exception):
    """An error whose message is fit to show a user as-is (no traceback)."""


class InputError(ClaimtraceError):
    """One input (file, JSONL line, WARC record) could not be read or analysed."""

    def __init__(self, origin: str, message: str, record_id: str | None = None) -> None:
        super().__init__(f"{origin}: {message}")
        self.origin = origin
        self.message = message
        self.record_id = record_id or origin
