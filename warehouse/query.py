"""Read-only SQL for users: the archive cannot be changed, and no other file reached, from here.

A read-only connection already refuses writes to the archive; switching off external
access also refuses COPY TO, ATTACH and reading arbitrary files, and locking the
configuration stops a query from switching it back on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from warehouse import db as dbmod


class QueryError(ValueError):
    """The SQL was refused or failed; the message is DuckDB's."""


@dataclass(slots=True)
class QueryResult:
    columns: list[str]
    rows: list[tuple[Any, ...]]


@contextlib.contextmanager
def sandboxed(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with dbmod.reader(path) as con:
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        yield con


def run_query(path: Path, sql: str, params: list[Any] | None = None) -> QueryResult:
    with sandboxed(path) as con:
        try:
            cur = con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise QueryError(str(exc).splitlines()[0]) from exc
        if cur.description is None:
            return QueryResult([], [])
        return QueryResult([d[0] for d in cur.description], cur.fetchall())
