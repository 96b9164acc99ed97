"""The crawl frontier: the SQL behind a resumable crawl (its runs: `crawl_runs.py`).

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
        with dbmod.writer(self.path) as con:
            rows = con.execute("SELECT url FROM frontier WHERE source = ?", [self.source]).fetchall()
        return {r[0] for r in rows}

    def add(self, items: Sequence[Discovered], run_id: str) -> int:
        """Insert newly discovered URLs as pending; return how many were new.

        One statement: the count is the INSERT's own (rows inserted, conflicts not counted),
        not two counts of the source's rows around it, which scanned the frontier twice.
        """
        if not items:
            return 0
        now = utcnow()
        rows = [(self.source, d.url, d.kind, d.title, d.date, d.referrer, now, run_id) for d in items]
        with dbmod.writer(self.path) as con:
            staged = pa.Table.from_pylist(
                [dict(zip(_DISCOVERED_COLUMNS, r, strict=True)) for r in rows]
            )
            con.register("_discovered", staged)
            try:
                inserted = dbmod.scalar(
                    con,
                    "INSERT INTO frontier (source, url, kind, state, listed_title, listed_date,"
                    " referrer, discovered_at, discovered_run)"
                    " SELECT source, url, kind, 'pending', listed_title, listed_date, referrer,"
                    " discovered_at, discovered_run FROM _discovered"
                    " QUALIFY row_number() OVER (PARTITION BY url) = 1"
                    " ON CONFLICT DO NOTHING",
                )
            finally:
                con.unregister("_discovered")
        return int(inserted)

    def requeue_done(self, kind: str = "article") -> int:
        """--full: every fetched article becomes pending again (re-visited with a conditional GET)."""
        with dbmod.writer(self.path) as con:
            n = dbmod.scalar(
                con,
                "SELECT count(*) FROM frontier WHERE source = ? AND kind = ? AND state IN ('done', 'failed')",
                [self.source, kind],
            )
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
            dbmod.writer(self.path) as con,
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
        with dbmod.writer(self.path) as con:
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
        with dbmod.writer(self.path) as con:
            rows = con.execute(
                "SELECT state, count(*) FROM frontier WHERE source = ? GROUP BY state", [self.source]
            ).fetchall()
        return {state: int(n) for state, n in rows}
