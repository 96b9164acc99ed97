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


# What a reader may run: queries (SELECT, DESCRIBE, SHOW, SUMMARIZE, FROM ...), EXPLAIN
# and CALL of table functions. Everything else (ATTACH, SET, COPY, DDL ...) is refused
# before it runs, on top of the read-only, no-external-access connection.
READ_STATEMENTS = frozenset(
    {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN, duckdb.StatementType.CALL}
)


def _check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(str(exc).splitlines()[0]) from exc
    for statement in statements:
        if statement.type not in READ_STATEMENTS:
            kind = statement.type.name
            raise QueryError(f"only queries can run here; {kind} statements are refused")


def run_query(path: Path, sql: str, params: list[Any] | None = None) -> QueryResult:
    with sandboxed(path) as con:
        _check_read_only(con, sql)
        try:
            cur = con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise QueryError(str(exc).splitlines()[0]) from exc
        if cur.description is None:
            return QueryResult([], [])
        return QueryResult([d[0] for d in cur.description], cur.fetchall())
