"""Numbered schema migrations, applied in order and recorded, so an older archive upgrades in place.

The one way into the schema (`ensure_schema`): `db` opens connections and knows nothing of
migrations, so the layers run migrate -> search_index/paper_trail -> db without a cycle.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import duckdb

from warehouse import db

_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")


def available() -> list[tuple[int, str, str]]:
    """(version, name, sql) for every shipped migration, oldest first."""
    found = []
    for entry in resources.files("warehouse").joinpath("schema").iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append((int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT now())"
    )
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def _index_existing_documents(con: duckdb.DuckDBPyConnection) -> None:
    from warehouse import search_index

    search_index.sync(con)


# Steps SQL cannot do alone (tokenizing Chinese text), run in the migration's transaction.
# (002 and 004 changed the index layout; 004 leaves it empty, so indexing follows 004.)
AFTER: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {4: _index_existing_documents}


def _link_existing_documents(con: duckdb.DuckDBPyConnection) -> None:
    from warehouse import paper_trail

    paper_trail.backfill(con)


AFTER[8] = _link_existing_documents  # proposals and copies of documents loaded before 008


def upgrade(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every migration newer than the archive, each in its own transaction."""
    applied = []
    have = current_version(con)
    for version, name, sql in available():
        if version <= have:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            if version in AFTER:
                AFTER[version](con)
            con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            con.execute("COMMIT")
        except Exception:
            with contextlib.suppress(duckdb.Error):  # a failed COMMIT has already rolled back
                con.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied


def ensure_schema(path: Path) -> None:
    """Create the archive (and its folder) if new; upgrade its schema if old."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists()
    try:
        with db.writer(path) as con:
            upgrade(con)
    except (duckdb.Error, OSError) as exc:
        # A file half-created on a full disk is not a database and would block every
        # later run: leave none behind (only then: another writer may own a new file).
        if fresh and any(t in str(exc) for t in _DISK_FULL):
            for leftover in (path, path.with_name(path.name + ".wal")):
                leftover.unlink(missing_ok=True)
        raise


_DISK_FULL = ("No space left on device", "Disk quota exceeded", "File too large")
