"""The crawl frontier and the crawl_runs ledger: the SQL behind a resumable crawl.

Every state change is committed before the crawl moves on, so after a kill the
frontier says exactly which URLs are still owed: `pending` ones are fetched by the
next run of the same source, whatever run discovered them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from warehouse import db as dbmod
from warehouse.exchange import utcnow

MAX_ATTEMPTS = 3
_DISCOVERED_COLUMNS = (
    "source", "url", "kind", "listed_title", "listed_date", "referrer", "discovered_at",
    "discovered_run",
)  # fmt: skip


@dataclass(slots=True)
class FrontierItem:
    url: str
    kind: str
    etag: str | None = None
    last_modified: str | None = None
    attempts: int = 0
    referrer: str | None = None


@dataclass(slots=True)
class Discovered:
    url: str
    kind: str = "article"
    title: str | None = None
    date: dt.date | None = None
    referrer: str | None = None


@dataclass(slots=True)
class Settled:
    """The result of one frontier item's fetch, to be written back."""

    url: str
    state: str  # done | failed | pending (retry later)
    fetch_id: int | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    final: bool = False  # a failure not worth retrying (robots, off-site, 404)


_SETTLED_SCHEMA = pa.schema(
    [("url", pa.string()), ("state", pa.string()), ("fetch_id", pa.int64()),
     ("error", pa.string()), ("etag", pa.string()), ("last_modified", pa.string()),
     ("final", pa.bool_())]
)  # fmt: skip


class Frontier:
    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.source = source

    def urls(self) -> set[str]:
        """Every URL the source has, in any state (a discovery walk checks links against it)."""
        with dbmod.writer(self.path, migrate_schema=False) as con:
            rows = con.execute("SELECT url FROM frontier WHERE source = ?", [self.source]).fetchall()
        return {r[0] for r in rows}

    def add(self, items: Sequence[Discovered], run_id: str) -> int:
        """Insert newly discovered URLs as pending; return how many were new."""
        if not items:
            return 0
        now = utcnow()
        rows = [(self.source, d.url, d.kind, d.title, d.date, d.referrer, now, run_id) for d in items]
        with dbmod.writer(self.path, migrate_schema=False) as con:
            before = con.execute(
                "SELECT count(*) FROM frontier WHERE source = ?", [self.source]
            ).fetchone()[0]
            staged = pa.Table.from_pylist(
                [dict(zip(_DISCOVERED_COLUMNS, r, strict=True)) for r in rows]
            )
            con.register("_discovered", staged)
            try:
                con.execute(
                    "INSERT INTO frontier (source, url, kind, state, listed_title, listed_date,"
                    " referrer, discovered_at, discovered_run)"
                    " SELECT source, url, kind, 'pending', listed_title, listed_date, referrer,"
                    " discovered_at, discovered_run FROM _discovered"
                    " QUALIFY row_number() OVER (PARTITION BY url) = 1"
                    " ON CONFLICT DO NOTHING"
                )
            finally:
                con.unregister("_discovered")
            after = con.execute(
                "SELECT count(*) FROM frontier WHERE source = ?", [self.source]
            ).fetchone()[0]
        return int(after - before)

    def requeue_done(self, kind: str = "article") -> int:
        """--full: every fetched article becomes pending again (re-visited with a conditional GET)."""
        with dbmod.writer(self.path, migrate_schema=False) as con:
            n = con.execute(
                "SELECT count(*) FROM frontier WHERE source = ? AND kind = ? AND state IN ('done', 'failed')",
                [self.source, kind],
            ).fetchone()[0]
            con.execute(
                "UPDATE frontier SET state = 'pending', attempts = 0, updated_at = ?"
                " WHERE source = ? AND kind = ? AND state IN ('done', 'failed')",
                [utcnow(), self.source, kind],
            )
        return int(n)

    def pending(
        self,
        kind: str,
        limit: int,
        exclude: Sequence[str] = (),
        settled_before: dt.datetime | None = None,
    ) -> list[FrontierItem]:
        """Pending URLs, oldest first.

        `exclude` keeps out the batch in flight; `settled_before` keeps out what this run
        already tried and put back as pending (a retryable failure waits for the next run
        instead of being hammered again now).
        """
        with (
            dbmod.writer(self.path, migrate_schema=False) as con,
            dbmod.registered(con, "_in_flight", "url", list(exclude), pa.string()),
        ):
            rows = con.execute(
                "SELECT url, kind, etag, last_modified, attempts, referrer FROM frontier"
                " WHERE source = ? AND kind = ? AND state = 'pending'"
                " AND url NOT IN (SELECT url FROM _in_flight)"
                " AND (?::TIMESTAMP IS NULL OR updated_at IS NULL OR updated_at < ?::TIMESTAMP)"
                " ORDER BY discovered_at, url LIMIT ?",
                [self.source, kind, settled_before, settled_before, limit],
            ).fetchall()
        return [FrontierItem(*r) for r in rows]

    def settle(self, results: Sequence[Settled]) -> None:
        """Write fetch outcomes back in one statement: a failure is retried by later runs
        until MAX_ATTEMPTS (or at once parked, when `final`)."""
        if not results:
            return
        staged = pa.Table.from_pylist(
            [
                {"url": r.url, "state": r.state, "fetch_id": r.fetch_id, "error": r.error,
                 "etag": r.etag, "last_modified": r.last_modified, "final": r.final}
                for r in results
            ],
            schema=_SETTLED_SCHEMA,
        )  # fmt: skip
        with dbmod.writer(self.path, migrate_schema=False) as con:
            con.register("_settled", staged)
            try:
                con.execute(
                    """
                    UPDATE frontier f SET
                        attempts = f.attempts + 1,
                        last_fetch_id = s.fetch_id,
                        last_error = CASE WHEN s.state = 'failed' THEN s.error END,
                        state = CASE
                            WHEN s.state <> 'failed' THEN s.state
                            WHEN s.final OR f.attempts + 1 >= ? THEN 'failed'
                            ELSE 'pending' END,
                        etag = CASE WHEN s.state = 'failed' THEN f.etag ELSE coalesce(s.etag, f.etag) END,
                        last_modified = CASE WHEN s.state = 'failed' THEN f.last_modified
                                             ELSE coalesce(s.last_modified, f.last_modified) END,
                        updated_at = ?
                    FROM _settled s
                    WHERE f.source = ? AND f.url = s.url
                    """,
                    [MAX_ATTEMPTS, utcnow(), self.source],
                )
            finally:
                con.unregister("_settled")

    def counts(self) -> dict[str, int]:
        with dbmod.writer(self.path, migrate_schema=False) as con:
            rows = con.execute(
                "SELECT state, count(*) FROM frontier WHERE source = ? GROUP BY state", [self.source]
            ).fetchall()
        return {state: int(n) for state, n in rows}


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
    with dbmod.writer(path, migrate_schema=False) as con:
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
    with dbmod.writer(path, migrate_schema=False) as con:
        con.execute(
            "UPDATE crawl_runs SET discovered = ?, fetched = ?, new = ?, changed = ?, unchanged = ?,"
            " failed = ?, status = coalesce(?, status), notes = coalesce(?, notes),"
            " finished_at = CASE WHEN ? IS NULL THEN finished_at ELSE ? END WHERE run_id = ?",
            [
                counts.discovered, counts.fetched, counts.new, counts.changed, counts.unchanged,
                counts.failed, status, notes, status, utcnow(), run_id,
            ],
        )  # fmt: skip


def has_finished_run(path: Path, source: str) -> bool:
    """Whether a crawl of this source ever walked its listings to the end.

    Until one has, an incremental crawl must not stop at known pages: the pages
    beyond where an interrupted walk stopped were never seen.
    """
    with dbmod.writer(path, migrate_schema=False) as con:
        row = con.execute(
            "SELECT count(*) FROM crawl_runs WHERE source = ? AND status = 'finished'", [source]
        ).fetchone()
    return bool(row and row[0])


def record_walk(path: Path, run_id: str, *, complete: bool, stop: str) -> None:
    """Write down why this run's listing walk stopped, and whether it saw all it had to."""
    with dbmod.writer(path, migrate_schema=False) as con:
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
    with dbmod.writer(path, migrate_schema=False) as con:
        row = con.execute(
            "SELECT run_id, coalesce(walk_complete, false) FROM crawl_runs"
            " WHERE source = ? AND run_id IS DISTINCT FROM ?"
            " ORDER BY started_at DESC, run_id DESC LIMIT 1",
            [source, before_run],
        ).fetchone()
    return (row[0], bool(row[1])) if row else None
