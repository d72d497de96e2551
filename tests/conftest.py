"""Shared fixtures. The spaCy pipeline loads once per test process (load_pipeline caches it)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED_EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The research corpora beside the checkout; tests that need them skip when they are absent."""
    if not SHARED_EVAL.is_dir():
        pytest.skip("../shared/eval is not present on this machine")
    return SHARED_EVAL


@pytest.fixture(scope="session")
def nlp():
    from claimtrace.analyze.pipeline import load_pipeline

    return load_pipeline()
