"""The one `--since` grammar every command takes: YYYY-MM-DD, YYYY-MM or YYYY.

`crawl --since` (listed dates) and `search --since` (published dates) once read dates
differently; a value one command took, the other refused. A month or a year means its
first day.
"""

from __future__ import annotations

import datetime as dt

FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y")


def parse_since(value: str | dt.date | None) -> dt.date | None:
    """The first day `value` covers; ValueError (one line, the value quoted) for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = value.strip()
    for fmt in FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"--since takes a date: YYYY-MM-DD, YYYY-MM or YYYY (got {value!r})")
