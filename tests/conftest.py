"""Shared fixtures. The spaCy pipeline loads once per test process (load_pipeline caches it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

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


@pytest.fixture(scope="session")
def rules() -> Callable[[str], list[dict[str, Any]]]:
    """The rule finder alone over a parsed text, as claimtrace/1 attribution dicts (the trained tagger and its
    merge have their own tests in test_attribution_model.py)."""
    from claimtrace.analyze.attribution.component import build_attributions
    from claimtrace.analyze.attribution.rules import find_rule_attributions
    from claimtrace.analyze.pipeline import load_pipeline

    pipeline = load_pipeline(components=("claimtrace_attribution",))

    def run(text: str) -> list[dict[str, Any]]:
        with pipeline.select_pipes(disable=["claimtrace_attribution"]):
            doc = pipeline(text)
        return [found.to_dict() for found in build_attributions(doc, find_rule_attributions(doc))]

    return run


@pytest.fixture(scope="session")
def rule_roles(rules) -> Callable[[str], list[tuple[str | None, str | None, str | None]]]:
    """The (source, cue, content) texts of each attribution the rule finder alone finds in a text."""

    def run(text: str) -> list[tuple[str | None, str | None, str | None]]:
        return [
            tuple(None if a[role] is None else a[role]["text"] for role in ("source", "cue", "content"))
            for a in rules(text)
        ]

    return run
