"""Keeping the full-text index true to `documents`, inside the loader's own transaction.

Why incremental postings rather than DuckDB's FTS extension rebuilt after each crawl:
search runs on a read-only connection, so it can never repair a stale index itself;
`create_fts_index` rebuilds the whole index every time, and a full bigram rebuild in
SQL over 100,000 synthetic documents took over 6 minutes here, during which new
documents would be unsearchable (or need an exact-scan fallback, ~400 ms at 100k).
Postings written with each load are correct the moment the load commits, and readers
see them in the same snapshot as the documents.

Layout: one row per (term, version) with a precomputed BM25 term weight, one byte (title
occurrences count 5x, lengths normalized with the corpus averages at index time), so a
query is "scan the rows of each term, multiply by idf, sum" with no join. Each batch
is appended sorted by term, so DuckDB's min/max zone maps let a query read only the
row groups that can hold its terms; `compact()` re-sorts the whole table (optional,
after large crawls).

Only current versions are indexed: a version that stops being current loses its
postings in the transaction that replaced it, and a version that becomes current
again (content reverted) is indexed again.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa

from parsers.document import Document
from warehouse import db as dbmod
from warehouse import tokens

K1, B, TITLE_WEIGHT = 1.2, 0.75, 5.0


@dataclass(slots=True)
class IndexRow:
    version_id: int
    url: str
    source: str | None
    published_at: object
    title: str | None
    body_text: str | None


def _averages(con: duckdb.DuckDBPyConnection, titles: list[int], bodies: list[int]) -> tuple[float, float]:
    """Average title and body length over the indexed corpus and this batch."""
    n, sum_t, sum_b = dbmod.one_row(
        con, "SELECT count(*), coalesce(sum(title_len), 0), coalesce(sum(body_len), 0) FROM search_docs"
    )
    total = n + len(titles)
    return max((sum_t + sum(titles)) / total, 1.0), max((sum_b + sum(bodies)) / total, 1.0)


def weights(
    terms: tokens.BatchTerms, title_len: np.ndarray, body_len: np.ndarray, avg_t: float, avg_b: float
) -> np.ndarray:
    """BM25's term-frequency part of each (term, document), the title counted 5x.

    Precomputed at index time (with the corpus's average lengths then), so a query only
    multiplies by idf and sums: no join with document lengths on the hot path.
    """
    # per document first, then gathered: one float32 pass per posting instead of four
    norm_t = (TITLE_WEIGHT / (1 - B + B * title_len / avg_t)).astype(np.float32)
    norm_b = (1 / (1 - B + B * body_len / avg_b)).astype(np.float32)
    tf = terms.tf_title * norm_t[terms.doc]
    tf += terms.tf_body * norm_b[terms.doc]
    return tf * np.float32(K1 + 1) / (tf + np.float32(K1))


def index_rows(
    con: duckdb.DuckDBPyConnection, rows: Sequence[IndexRow], terms: tokens.BatchTerms | None = None
) -> int:
    """Append postings and document lengths for these versions; return postings written.

    `terms` are the rows' terms when the caller tokenized them already (the loader does,
    while DuckDB merges the batch).
    """
    if not rows:
        return 0
    titles = [r.title or "" for r in rows]
    bodies = [r.body_text or "" for r in rows]
    ids = np.asarray([r.version_id for r in rows], dtype=np.int64)
    title_len = np.fromiter((len(t) for t in titles), dtype=np.int64, count=len(titles))
    body_len = np.fromiter((len(b) for b in bodies), dtype=np.int64, count=len(bodies))
    avg_t, avg_b = _averages(con, title_len.tolist(), body_len.tolist())
    if terms is None:
        terms = tokens.batch_terms(titles, bodies)
    weight = weights(terms, title_len, body_len, avg_t, avg_b)
    postings = pa.table(
        {
            "term": terms.term.astype(np.int32),  # already in term order
            "version_id": ids[terms.doc],
            # one byte: the weight is < K1 + 1 = 2.2, kept to 0.01 (ranking barely
            # notices; the postings shrink by 40%)
            "weight": np.round(weight * 100).astype(np.uint8),
        }
    )
    docs = pa.table(
        {
            "version_id": pa.array(ids),
            "url": pa.array([r.url for r in rows], pa.string()),
            "source": pa.array([r.source for r in rows], pa.string()),
            "published_at": pa.array([r.published_at for r in rows], pa.timestamp("us")),
            "title_len": pa.array(title_len, pa.int32()),
            "body_len": pa.array(body_len, pa.int32()),
        }
    )
    dbmod.insert_arrow(con, {"search_postings": postings, "search_docs": docs})
    return len(terms.term)


def drop_versions(con: duckdb.DuckDBPyConnection, version_ids: Sequence[int]) -> None:
    if not version_ids:
        return
    with dbmod.registered(con, "dropped", "version_id", list(version_ids), pa.int64()):
        for table in ("search_postings", "search_docs"):
            con.execute(f"DELETE FROM {table} WHERE version_id IN (SELECT version_id FROM dropped)")


@functools.cache
def _tokenizer() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(1, thread_name_prefix="govarchive-tokenize")


def tokenize_later(docs: Sequence[Document]) -> Future[tokens.BatchTerms]:
    """Tokenize a batch on a second thread while DuckDB merges it: numpy's sorts and
    DuckDB both release the GIL, so on 2 cores the index costs little wall time."""
    titles = [d.title or "" for d in docs]
    bodies = [d.body_text or "" for d in docs]
    return _tokenizer().submit(tokens.batch_terms, titles, bodies)


def indexed(con: duckdb.DuckDBPyConnection, version_ids: list[int]) -> set[int]:
    """Which of these versions the index holds."""
    if not version_ids:
        return set()
    with dbmod.registered(con, "asked", "version_id", version_ids, pa.int64()):
        rows = con.execute("SELECT version_id FROM search_docs SEMI JOIN asked USING (version_id)")
        return {r[0] for r in rows.fetchall()}


_UNINDEXED = """
    SELECT v.version_id, v.url, v.source, v.published_at, v.title, v.body_text
    FROM document_versions v
    WHERE v.is_current AND NOT EXISTS (SELECT 1 FROM search_docs d WHERE d.version_id = v.version_id)
"""
_STALE = """
    SELECT d.version_id FROM search_docs d
    WHERE NOT EXISTS (SELECT 1 FROM document_versions v WHERE v.version_id = d.version_id AND v.is_current)
"""


def sync(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the whole index in line with the current versions (after a migration).

    Runs inside the caller's transaction. Returns how many versions were (re)indexed.
    """
    drop_versions(con, [r[0] for r in con.execute(_STALE).fetchall()])
    rows = [IndexRow(*r) for r in con.execute(_UNINDEXED).fetchall()]
    for start in range(0, len(rows), 5000):
        index_rows(con, rows[start : start + 5000])
    return len(rows)


def compact(con: duckdb.DuckDBPyConnection, memory_limit: str = "2GB") -> None:
    """Rewrite the postings sorted by term (one transaction; readers keep their snapshot).

    A sort of every posting does not fit a crawl writer's small memory cap (it failed
    with out-of-memory at 100,000 documents), so this maintenance step raises it.
    """
    before = dbmod.scalar(con, "SELECT current_setting('memory_limit')")
    con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE TABLE search_postings_sorted (term INTEGER NOT NULL, "
            "version_id BIGINT NOT NULL, weight UTINYINT NOT NULL)"
        )
        con.execute(
            "INSERT INTO search_postings_sorted "
            "SELECT * FROM search_postings ORDER BY term, version_id"
        )
        con.execute("DROP TABLE search_postings")
        con.execute("ALTER TABLE search_postings_sorted RENAME TO search_postings")
        con.execute("COMMIT")
    except Exception:
        with contextlib.suppress(duckdb.Error):  # already rolled back by DuckDB (out of memory)
            con.execute("ROLLBACK")
        raise
    finally:
        # The sort's buffers may still hold more than the old cap allows until they are
        # written out: checkpoint first, and never let a failed restore hide what failed
        # above (the caller's connection closes right after this step anyway).
        with contextlib.suppress(duckdb.Error):
            con.execute("CHECKPOINT")
            con.execute(f"SET memory_limit = '{before}'")
