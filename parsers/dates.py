"""Dates as these sites print them -> `date` / `datetime`.

One pattern covers the whole family: 2023-06-20, 2023-06-20 08:25(:22), 2023年06月20日
(8时25分), 2023/6/20, 2023.06.20, with full-width digits and separators normalized
first. Anything that is not a plausible calendar date is None, never a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from parsers.date_only import DateOnly

_FULLWIDTH = str.maketrans("０１２３４５６７８９：－／．　", "0123456789:-/. ")

_DATE = (
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:[\sT]*(?P<H>\d{1,2})\s*(?:[:：]|时|点)\s*(?P<M>\d{1,2})(?:\s*(?:[:：]|分)\s*(?P<S>\d{1,2}))?(?!\d)\s*(?:秒|分)?)?"
)
DATE_RE = re.compile(r"(?<!\d)" + _DATE)
# DATE_RE without its leading lookbehind, for `text.finditer_not_after` (`str.isdecimal`
# is `\d`) over long texts, where the lookbehind makes the engine try every position.
BARE_DATE = re.compile(_DATE)
_COMPACT_RE = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})$")


def _normalize(text: str) -> str:
    return text.translate(_FULLWIDTH).replace("\xa0", " ")


def _build(m: re.Match[str]) -> dt.datetime | None:
    try:
        day = DateOnly(int(m["y"]), int(m["m"]), int(m["d"]))  # no time printed (parsers/date_only.py)
        if m.groupdict().get("H") is not None:
            h, mi, s = int(m["H"]), int(m["M"]), int(m["S"] or 0)
            if h > 23 or mi > 59 or s > 59:
                return day
            return dt.datetime(day.year, day.month, day.day, h, mi, s)
        return day
    except ValueError:
        return None


def find_datetime(text: str | None) -> dt.datetime | None:
    """The first plausible date/time printed anywhere in `text`."""
    if not text:
        return None
    for m in DATE_RE.finditer(_normalize(text)):
        value = _build(m)
        if value is not None:
            return value
    return None


def parse_datetime(text: str | None) -> dt.datetime | None:
    """A timestamp from a value cell or meta tag (time part optional, midnight if absent)."""
    if not text:
        return None
    norm = _normalize(text).strip()
    m = _COMPACT_RE.match(norm)
    if m:
        return _build(m)
    return find_datetime(norm)


def parse_date(text: str | None) -> dt.date | None:
    value = parse_datetime(text)
    return value.date() if value else None


def has_time(text: str | None) -> bool:
    m = DATE_RE.search(_normalize(text or ""))
    return bool(m and m["H"] is not None)
