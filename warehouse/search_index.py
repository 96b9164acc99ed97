"""Keeping the full-text index true to `documents`, inside the loader's own transaction.

Why incremental postings and not DuckDB's FTS extension rebuilt after a crawl: search
runs on a read-only connection, so it can never repair a stale index itself, and a
rebuild of the FTS index over 100,000 Chinese documents (one row per token occurrence)
took minutes here. Postings written with each load are correct the moment the load
commits, and readers see them in the same snapshot as the documents. Each batch's
postings are appended sorted by term, so DuckDB's min/max zone maps let a query read
only the few row groups of each batch that can hold its terms; `compact()` re-sorts the
whole table (optional, after large crawls) so every term lives in one or two row groups.

Only current versions are indexed: a version that stops being current loses its
postings in the transaction that replaced it, and a version that becomes current
again (content reverted) is indexed again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from warehouse import tokens

TITLE, BODY = 0, 1


@dataclass(slots=True)
class IndexRow:
    version_id: int
    url: str
    source: str | None
    published_at: object
    title: str | None
    body_text: str | None


def index_rows(con: duckdb.DuckDBPyConnection, rows: Sequence[IndexRow]) -> int:
    """Append postings and document lengths for these versions; return postings written."""
    if not rows:
        return 0
    titles = [r.title or "" for r in rows]
    bodies = [r.body_text or "" for r in rows]
    ids = np.asarray([r.version_id for r in rows], dtype=np.int64)
    parts = []
    for field, texts in ((TITLE, titles), (BODY, bodies)):
        p = tokens.postings(texts)
        parts.append((ids[p.doc], p.term, np.full(len(p.term), field, dtype=np.uint8), p.tf))
    version = np.concatenate([p[0] for p in parts])
    term = np.concatenate([p[1] for p in parts])
    field = np.concatenate([p[2] for p in parts])
    tf = np.minimum(np.concatenate([p[3] for p in parts]), 65535).astype(np.uint16)
    order = np.argsort(term, kind="stable")
    postings = pa.table(
        {
            "term": term[order].astype(np.int32),
            "version_id": version[order],
            "field": field[order],
            "tf": tf[order],
        }
    )
    docs = pa.table(
        {
            "version_id": pa.array(ids),
            "url": pa.array([r.url for r in rows], pa.string()),
            "source": pa.array([r.source for r in rows], pa.string()),
            "published_at": pa.array([r.published_at for r in rows], pa.timestamp("us")),
            "title_len": pa.array([len(t) for t in titles], pa.int32()),
            "body_len": pa.array([len(b) for b in bodies], pa.int32()),
        }
    )
    con.register("_search_postings_batch", postings)
    con.register("_search_docs_batch", docs)
    try:
        con.execute("INSERT INTO search_postings SELECT * FROM _search_postings_batch")
        con.execute("INSERT INTO search_docs SELECT * FROM _search_docs_batch")
    finally:
        con.unregister("_search_postings_batch")
        con.unregister("_search_docs_batch")
    return len(term)


def drop_versions(con: duckdb.DuckDBPyConnection, version_ids: Sequence[int]) -> None:
    if not version_ids:
        return
    ids = list(version_ids)
    con.execute("DELETE FROM search_postings WHERE list_contains(?, version_id)", [ids])
    con.execute("DELETE FROM search_docs WHERE list_contains(?, version_id)", [ids])


_UNINDEXED = """
    SELECT v.version_id, v.url, v.source, v.published_at, v.title, v.body_text
    FROM document_versions v
    WHERE v.is_current {extra}
      AND NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.version_id = v.version_id)
"""
_STALE = """
    SELECT d.version_id FROM search_docs d
    WHERE NOT EXISTS (SELECT 1 FROM document_versions v
                      WHERE v.version_id = d.version_id AND v.is_current) {extra}
"""


def sync(con: duckdb.DuckDBPyConnection, urls_table: str | None = None) -> int:
    """Bring the index in line with the current versions (of the staged URLs, if given).

    Runs inside the caller's transaction. Returns how many versions were (re)indexed.
    """
    unindexed_extra = stale_extra = ""
    if urls_table:
        unindexed_extra = f"AND v.url IN (SELECT url FROM {urls_table})"
        stale_extra = f"AND d.url IN (SELECT url FROM {urls_table})"
    stale = [r[0] for r in con.execute(_STALE.format(extra=stale_extra)).fetchall()]
    drop_versions(con, stale)
    rows = [IndexRow(*r) for r in con.execute(_UNINDEXED.format(extra=unindexed_extra)).fetchall()]
    for start in range(0, len(rows), 5000):
        index_rows(con, rows[start : start + 5000])
    return len(rows)


def compact(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the postings sorted by term (one transaction; readers keep their snapshot)."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _postings_sorted AS "
            "SELECT * FROM search_postings ORDER BY term, version_id"
        )
        con.execute("DELETE FROM search_postings")
        con.execute("INSERT INTO search_postings SELECT * FROM _postings_sorted")
        con.execute("DROP TABLE _postings_sorted")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")
