"""claimtrace: who claims what, on whose authority, how firmly, about whom, and when."""

__version__ = "0.1.0"
SCHEMA = "claimtrace/1"
