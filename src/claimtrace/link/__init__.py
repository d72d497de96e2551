"""Linking across articles: near-duplicate reprints, one claim in many reports, and where it came from."""
