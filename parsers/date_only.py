"""A date printed without a time of day, told apart from one printed at midnight.

`published_at` is a TIMESTAMP (CONTRACT.md), so a page that prints only `2023-06-20`
gets `2023-06-20 00:00:00`, exactly like a page that prints `2023-06-20 00:00:00`.
`DateOnly` is a datetime (every caller keeps working) that remembers the difference;
the loader writes it down as `published_date_only`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any


class DateOnly(dt.datetime):
    """Midnight of a day whose page printed no time of day."""

    def replace(self, *args: Any, **kwargs: Any) -> dt.datetime:  # type: ignore[override]
        """Setting a time of day makes it an ordinary datetime."""
        value = super().replace(*args, **kwargs)
        if value.time() != dt.time() or value.tzinfo is not None:
            return dt.datetime.combine(value.date(), value.timetz())
        return value


def is_date_only(value: object) -> bool | None:
    """True for a date without a time of day, False for a printed time, None for no value."""
    if value is None:
        return None
    return isinstance(value, DateOnly)
