"""Test support, imported by tests, benches and the screenshot script (never shipped in the wheel): servers
over a store (harness), Debian's Chromium under Playwright (browser) and a small hand-written store for the
API and browser tests (sample_store). Benches and docs/screenshots put tests/ on sys.path to import it."""
