"""The `parse_errors` rows: a page that could not be parsed, kept against its fetch until
a later parse of the same bytes succeeds (`reparse`)."""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import pyarrow as pa

from warehouse import db as dbmod


def record_parse_error(
    con: duckdb.DuckDBPyConnection,
    *,
    fetch_id: int,
    url: str,
    kind: str,
    message: str,
    parser_version: str,
) -> None:
    con.execute(
        "INSERT INTO parse_errors (fetch_id, url, kind, message, parser_version, recorded_at)"
        " VALUES (?, ?, ?, ?, ?, now())",
        [fetch_id, url, kind, message, parser_version],
    )


def resolve_parse_errors(con: duckdb.DuckDBPyConnection, fetch_ids: Sequence[int]) -> None:
    """A later successful parse of the same fetch closes its recorded errors."""
    if fetch_ids:
        with dbmod.registered(con, "_parsed", "fetch_id", list(fetch_ids), pa.int64()):
            con.execute(
                "UPDATE parse_errors SET resolved = true WHERE fetch_id IN (SELECT fetch_id FROM _parsed)"
            )
