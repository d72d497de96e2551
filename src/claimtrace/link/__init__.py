"""Linking across articles: near-duplicate reprints, the same claim in many reports, and where it came from."""
