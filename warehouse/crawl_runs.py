"""The crawl_runs ledger: one row per crawl of a source, written as the crawl goes.

What a run counted, how it ended, and why its listing walk stopped, so an interrupted
run still tells what it did and the next run knows whether the last walk can be trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from warehouse import db as dbmod
from warehouse.exchange import utcnow


@dataclass(slots=True)
class RunCounts:
    discovered: int = 0
    fetched: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0


def start_run(path: Path, run_id: str, source: str) -> list[str]:
    """Open a crawl_runs row; runs of this source left 'running' by a kill become 'interrupted'."""
    with dbmod.writer(path) as con:
        stale = con.execute(
            "SELECT run_id FROM crawl_runs WHERE source = ? AND status = 'running'", [source]
        ).fetchall()
        con.execute(
            "UPDATE crawl_runs SET status = 'interrupted' WHERE source = ? AND status = 'running'",
            [source],
        )
        con.execute(
            "INSERT INTO crawl_runs (run_id, source, started_at, status) VALUES (?, ?, ?, 'running')"
            " ON CONFLICT DO NOTHING",
            [run_id, source, utcnow()],
        )
    return [r[0] for r in stale]


def update_run(
    path: Path, run_id: str, counts: RunCounts, *, status: str | None = None, notes: str | None = None
) -> None:
    """Counts are written as the crawl goes, so an interrupted run still tells what it did."""
    with dbmod.writer(path) as con:
        con.execute(
            "UPDATE crawl_runs SET discovered = ?, fetched = ?, new = ?, changed = ?, unchanged = ?,"
            " failed = ?, status = coalesce(?, status), notes = coalesce(?, notes),"
            " finished_at = CASE WHEN ? IS NULL THEN finished_at ELSE ? END WHERE run_id = ?",
            [
                counts.discovered, counts.fetched, counts.new, counts.changed, counts.unchanged,
                counts.failed, status, notes, status, utcnow(), run_id,
            ],
        )  # fmt: skip


def record_walk(path: Path, run_id: str, *, complete: bool, stop: str) -> None:
    """Write down why this run's listing walk stopped, and whether it saw all it had to."""
    with dbmod.writer(path) as con:
        con.execute(
            "UPDATE crawl_runs SET discovery_stop = ?, walk_complete = ? WHERE run_id = ?",
            [stop, complete, run_id],
        )


def last_walk(path: Path, source: str, *, before_run: str | None = None) -> tuple[str, bool] | None:
    """(run_id, complete) of the newest earlier run of this source that began a walk.

    Only a complete last walk lets an incremental crawl stop at known articles: after
    a walk cut short (`--max-pages`, `--since`, a failed listing page, a kill before the
    walk was recorded), the pages behind where it stopped may hold articles never seen.
    """
    with dbmod.writer(path) as con:
        row = con.execute(
            "SELECT run_id, coalesce(walk_complete, false) FROM crawl_runs"
            " WHERE source = ? AND run_id IS DISTINCT FROM ?"
            " ORDER BY started_at DESC, run_id DESC LIMIT 1",
            [source, before_run],
        ).fetchone()
    return (row[0], bool(row[1])) if row else None
