"""The `fetches` rows: one per HTTP exchange archived, and the payloads they share.

A fetch row is written with the WARC record it points at (`Archive.store_fetches`); a
payload seen before is found here so it is stored as a revisit of the first copy.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import pyarrow as pa

from warehouse import db as dbmod
from warehouse.db import insert_rows, reserve_ids
from warehouse.exchange import FetchResult
from warehouse.payload_index import PayloadIndex
from warehouse.warc import WarcLocation


def insert_fetches(
    con: duckdb.DuckDBPyConnection,
    fetches: Sequence[tuple[FetchResult, WarcLocation | None]],
    *,
    run_id: str | None,
    source: str | None,
    kind: str,
    ids: Sequence[int] | None = None,
    revisit_of: dict[int, int] | None = None,
) -> list[int]:
    """Record fetches (the WARC location of each, where it has one); return their ids.

    `ids` are ids reserved beforehand with `reserve_fetch_ids`; `revisit_of` maps the
    position of a fetch stored as a WARC revisit to the fetch that holds its payload.
    """
    if not fetches:
        return []
    ids = list(ids) if ids is not None else reserve_fetch_ids(con, len(fetches))
    revisit_of = revisit_of or {}
    rows = []
    for i, (fetch_id, (res, loc)) in enumerate(zip(ids, fetches, strict=True)):
        rows.append(
            (
                fetch_id, run_id, source, kind, res.url, res.final_url, res.status, res.ok,
                res.error, res.failure_kind, res.content_type,
                json.dumps([list(h) for h in res.headers], ensure_ascii=False),
                json.dumps([{"url": r.url, "status": r.status} for r in res.redirects]),
                res.payload_sha256, len(res.content) if res.status is not None else None,
                res.truncated,
                loc.file if loc else None, loc.offset if loc else None,
                loc.length if loc else None, loc.record_id if loc else None,
                res.fetched_at, res.elapsed_ms,
                loc.record_type if loc else None, revisit_of.get(i),
                res.origin_url, res.origin_final_url,
            )
        )  # fmt: skip
    insert_rows(
        con,
        "fetches",
        (
            "fetch_id", "run_id", "source", "kind", "url", "final_url", "status", "ok", "error",
            "failure_kind", "content_type", "headers", "redirects", "payload_sha256", "size", "truncated",
            "warc_file", "warc_offset", "warc_length", "warc_record_id", "fetched_at",
            "elapsed_ms", "warc_type", "revisit_of", "origin_url", "origin_final_url",
        ),
        rows,
    )  # fmt: skip
    return ids


def reserve_fetch_ids(con: duckdb.DuckDBPyConnection, n: int) -> list[int]:
    return reserve_ids(con, "fetch_id_seq", n)


@dataclass(slots=True)
class StoredPayload:
    """An archived response whose payload a later identical one can refer to."""

    fetch_id: int
    uri: str
    fetched_at: dt.datetime
    record_id: str | None


def stored_payloads(
    con: duckdb.DuckDBPyConnection, digests: Sequence[str], index: PayloadIndex | None = None
) -> dict[str, StoredPayload]:
    """For each sha256 already archived as a full response, the first fetch that holds it.

    `index`: the writing process's `PayloadIndex` of this archive; only the digests it
    says may be archived are looked up (none, on a first crawl)."""
    unique = list(set(digests))
    if index is not None:
        index.catch_up(con)
        unique = index.may_hold(unique)
    if not unique:
        return {}
    with dbmod.registered(con, "_digests", "payload_sha256", unique, pa.string()):
        rows = con.execute(
            """
            SELECT payload_sha256, arg_min(fetch_id, fetch_id), arg_min(coalesce(final_url, url), fetch_id),
                   arg_min(fetched_at, fetch_id), arg_min(warc_record_id, fetch_id)
            FROM fetches SEMI JOIN _digests USING (payload_sha256)
            WHERE warc_type = 'response' AND warc_file IS NOT NULL
            GROUP BY payload_sha256
            """
        ).fetchall()
    return {r[0]: StoredPayload(r[1], r[2], r[3], r[4]) for r in rows}
