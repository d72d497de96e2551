"""Calendar dates as claimtrace takes them from users: YYYY, YYYY-MM or YYYY-MM-DD, and real."""

from __future__ import annotations

import re
from datetime import date

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def is_calendar_date(value: str) -> bool:
    """Whether `value` is YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year (not 2026-13-45)."""
    if not _DATE.fullmatch(value):
        return False
    year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
