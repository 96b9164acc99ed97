"""Which archived responses stand behind the documents: the input of `reparse`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from warehouse import db as dbmod


@dataclass(slots=True)
class RawPage:
    fetch_id: int
    url: str
    final_url: str
    source: str | None
    fetched_at: dt.datetime


def latest_page_fetches(path: Path, source: str | None = None) -> list[RawPage]:
    """Per URL, the newest successful page fetch that has its bytes in the WARC archive."""
    with dbmod.reader(path) as con:
        rows = con.execute(
            """
            SELECT fetch_id, coalesce(origin_url, url),
                   coalesce(origin_final_url, origin_url, final_url, url), source, fetched_at
            FROM fetches
            WHERE kind IN ('page', 'file') AND ok AND warc_file IS NOT NULL
              AND (? IS NULL OR source = ?)
            QUALIFY row_number() OVER (PARTITION BY coalesce(origin_url, url)
                                       ORDER BY fetched_at DESC, fetch_id DESC) = 1
            ORDER BY fetch_id
            """,
            [source, source],
        ).fetchall()
    return [RawPage(*r) for r in rows]
