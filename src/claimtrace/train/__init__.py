"""Training code for the models shipped in `claimtrace/models/` (run through `claimtrace train …`)."""
