"""`python -m claimtrace` runs the command line."""

from claimtrace.cli import main

main()
