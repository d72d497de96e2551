"""Debian's headless Chromium under Playwright, for the browser tests and the README screenshots: one launch
recipe, never a browser Playwright downloads."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
NO_CHROMIUM = f"Debian's chromium is not installed ({CHROMIUM})"


@contextmanager
def chromium_context(profile_dir: Path, **options: Any) -> Iterator[Any]:
    """A persistent Chromium context with a fresh profile in `profile_dir`; `options` go to Playwright
    (viewport, …)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            user_data_dir=str(profile_dir),
            executable_path=str(CHROMIUM),
            headless=True,
            args=list(CHROMIUM_ARGS),
            **options,
        )
        try:
            yield context
        finally:
            context.close()
