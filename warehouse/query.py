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
    more: int = 0  # rows the query had beyond `max_rows` (counted, not fetched into Python)


def duckdb_message(exc: duckdb.Error) -> str:
    """DuckDB's message with its hint lines ('Candidate bindings', 'Did you mean'), without
    the blank lines and the caret picture of the statement."""
    lines = [line.rstrip() for line in str(exc).splitlines()]
    kept: list[str] = []
    for line in lines:
        if line.startswith("LINE ") or (kept and kept[-1].startswith("LINE ")):
            kept.append(line)  # the position picture stays whole
        elif line.strip():
            kept.append(line)
    return "\n".join(kept)


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
    if not sql or not sql.strip():
        raise QueryError('no SQL given: govarchive query "SELECT title FROM documents LIMIT 5"')
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(duckdb_message(exc)) from exc
    if not statements:
        raise QueryError("no SQL statement given (only comments or semicolons)")
    if len(statements) > 1:
        raise QueryError(f"one statement at a time: got {len(statements)}; run each on its own")
    for statement in statements:
        if statement.type not in READ_STATEMENTS:
            kind = statement.type.name
            raise QueryError(f"only queries can run here; {kind} statements are refused")


def run_query(
    path: Path, sql: str, params: list[Any] | None = None, *, max_rows: int | None = None
) -> QueryResult:
    """Run one read-only statement. With `max_rows`, only that many rows become Python
    values; the rest are counted as Arrow batches (`SELECT * FROM range(300000)` drawn
    whole took 68 s and 380 MB)."""
    with sandboxed(path) as con:
        check_read_only(con, sql)
        try:
            cur = con.execute(sql, params or [])
            if cur.description is None:
                return QueryResult([], [])
            columns = [d[0] for d in cur.description]
            if max_rows is None:
                return QueryResult(columns, cur.fetchall())
            return _first_rows(cur, columns, max_rows)
        except duckdb.Error as exc:
            raise QueryError(duckdb_message(exc)) from exc


def _first_rows(cur: duckdb.DuckDBPyConnection, columns: list[str], max_rows: int) -> QueryResult:
    rows: list[tuple[Any, ...]] = []
    more = 0
    for batch in cur.to_arrow_reader(2048):
        room = max_rows - len(rows)
        if room > 0:
            taken = batch.slice(0, room)
            values = [col.to_pylist() for col in taken.columns]
            rows.extend(zip(*values, strict=True) if values else [() for _ in range(taken.num_rows)])
            more += max(0, batch.num_rows - room)
        else:
            more += batch.num_rows
    return QueryResult(columns, rows, more)


check_read_only = _check_read_only
