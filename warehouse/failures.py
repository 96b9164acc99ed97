"""What failed, why, and how often: the rows behind `govarchive failures`.

A crawl's failed URLs live in the frontier (reason, attempts); a manual ingest that
failed has only its `fetches` row. Both are listed until a later fetch succeeded, and
a crawl's can be put back in the queue (`--retry`) for the next run of its source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from warehouse import db as dbmod
from warehouse import migrate
from warehouse.exchange import utcnow


@dataclass(slots=True)
class Failure:
    source: str | None
    url: str
    kind: str
    state: str  # failed (given up) | pending (to be retried by the next run) | ingest
    attempts: int
    reason: str | None
    when: dt.datetime | None  # UTC


def list_failures(path: Path, source: str | None = None) -> list[Failure]:
    with dbmod.reader(path) as con:
        rows = con.execute(
            """
            SELECT source, url, kind, state, attempts, last_error, updated_at FROM frontier
            WHERE last_error IS NOT NULL AND state IN ('failed', 'pending')
              AND (?::VARCHAR IS NULL OR source = ?)
            UNION ALL
            SELECT source, url, kind, 'ingest', count(*), arg_max(coalesce(error, 'http: status ' || status), fetched_at),
                   max(fetched_at)
            FROM fetches f
            WHERE run_id IS NULL AND kind = 'page' AND NOT ok AND (?::VARCHAR IS NULL OR source = ?)
              AND NOT EXISTS (SELECT 1 FROM fetches g WHERE g.url = f.url AND g.ok AND g.fetched_at > f.fetched_at)
            GROUP BY source, url, kind
            ORDER BY 1 NULLS LAST, 2
            """,
            [source, source, source, source],
        ).fetchall()
    return [Failure(*r) for r in rows]


def requeue_failures(path: Path, source: str | None = None) -> int:
    """Failed frontier URLs become pending with a fresh attempt count; returns how many."""
    migrate.ensure_schema(path)
    with dbmod.writer(path) as con:
        n = dbmod.scalar(
            con,
            "SELECT count(*) FROM frontier WHERE state = 'failed' AND (?::VARCHAR IS NULL OR source = ?)",
            [source, source],
        )
        con.execute(
            "UPDATE frontier SET state = 'pending', attempts = 0, updated_at = ?"
            " WHERE state = 'failed' AND (?::VARCHAR IS NULL OR source = ?)",
            [utcnow(), source, source],
        )
    return int(n)
