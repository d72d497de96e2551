"""Trained attribution tagger and its merge with the rule finder.

PLACEHOLDER until the trained model lands: passes the rule finder's spans through unchanged.
"""

from __future__ import annotations

from spacy.tokens import Doc

from claimtrace.analyze.types import AttributionSpans


def find_attributions(doc: Doc, rule_spans: list[AttributionSpans]) -> list[AttributionSpans]:
    return rule_spans
