"""Reading an archive the way a user's DuckDB CLI would: a read-only connection, closed after."""

from __future__ import annotations

from pathlib import Path

import duckdb


def rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()
