"""Scorers for claimtrace against research corpora, computed as shared/design/evaluation.md describes."""
