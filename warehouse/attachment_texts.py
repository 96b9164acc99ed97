"""Attachment text in the archive: rows of `attachment_extractions`, their OCR, their index.

One row per archived attachment payload (URL x sha256). Writing a row replaces the one
before for the same payload (a reparse) together with its search postings, in one
transaction, so `attachment_texts` and the index never disagree. The index has the
layout of the documents' (warehouse/search_index.py): the attachment's name counts as
its title, its text as its body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from parsers.attachment_text import EXTRACTOR_VERSION, AttachmentText
from warehouse import db as dbmod
from warehouse import tokens
from warehouse.exchange import utcnow
from warehouse.search_index import weights


@dataclass(slots=True)
class StoredAttachment:
    """An archived attachment payload: where its bytes are, what it is."""

    fetch_id: int
    url: str
    fetched_at: dt.datetime
    sha256: str
    size: int
    truncated: bool
    source: str | None = None


@dataclass(slots=True)
class TextRow:
    attachment: StoredAttachment
    result: AttachmentText


# An attachment is known by the archive's URL for it: a mirror crawl's fetch of it keeps
# the mirror address in `url` and the source's own in `origin_url` (as pages do).
_STORED = """
    SELECT fetch_id, coalesce(origin_url, url) AS url, fetched_at, payload_sha256, coalesce(size, 0),
           coalesce(truncated, false), source
    FROM fetches
    WHERE kind = 'attachment' AND status BETWEEN 200 AND 299 AND warc_file IS NOT NULL
      AND payload_sha256 IS NOT NULL {where}
    QUALIFY row_number() OVER (PARTITION BY coalesce(origin_url, url), payload_sha256
                               ORDER BY fetched_at DESC, fetch_id DESC) = 1
    ORDER BY fetch_id
"""


def stored_attachments(
    con: duckdb.DuckDBPyConnection, *, source: str | None = None, fetch_ids: Sequence[int] | None = None
) -> list[StoredAttachment]:
    """Every archived attachment payload (newest fetch of each), or those of these fetches."""
    where, params = "", []
    if source is not None:
        where += " AND source = ?"
        params.append(source)
    if fetch_ids is not None:
        if not fetch_ids:
            return []
        where += f" AND fetch_id IN ({', '.join(str(int(f)) for f in fetch_ids)})"
    rows = con.execute(_STORED.format(where=where), params).fetchall()
    return [StoredAttachment(*r) for r in rows]


def unread_attachments(con: duckdb.DuckDBPyConnection, limit: int = 500) -> list[StoredAttachment]:
    """Archived attachment payloads that have no row yet (a crawl killed between storing
    an attachment and reading it): the next crawl or ingest reads them."""
    rows = con.execute(
        """
        SELECT f.fetch_id, coalesce(f.origin_url, f.url), f.fetched_at, f.payload_sha256, coalesce(f.size, 0),
               coalesce(f.truncated, false), f.source
        FROM fetches f
        WHERE f.kind = 'attachment' AND f.status BETWEEN 200 AND 299 AND f.warc_file IS NOT NULL
          AND f.payload_sha256 IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM attachment_extractions e
                          WHERE e.attachment_url = coalesce(f.origin_url, f.url) AND e.sha256 = f.payload_sha256)
        QUALIFY row_number() OVER (PARTITION BY coalesce(f.origin_url, f.url), f.payload_sha256
                                   ORDER BY f.fetched_at DESC, f.fetch_id DESC) = 1
        ORDER BY f.fetch_id LIMIT ?
        """,
        [limit],
    ).fetchall()
    return [StoredAttachment(*r) for r in rows]


def _pages_and_names(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, tuple[str | None, str | None]]:
    """Which page links each attachment (a current version first), and the name it gives."""
    found: dict[str, tuple[str | None, str | None]] = {}
    with dbmod.registered(con, "att_urls", "attachment_url", urls, pa.string()):
        for url, page, name in con.execute(
            """
            SELECT a.attachment_url, arg_min(a.url, (NOT v.is_current, a.url)),
                   arg_min(a.name, (NOT v.is_current, a.url))
            FROM attachments a JOIN document_versions v USING (version_id)
            SEMI JOIN att_urls u ON u.attachment_url = a.attachment_url
            GROUP BY a.attachment_url
            """
        ).fetchall():
            found[url] = (page, name)
        for url, referrer in con.execute(
            """
            SELECT f.url, min(f.referrer) FROM frontier f
            SEMI JOIN att_urls u ON u.attachment_url = f.url
            WHERE f.kind = 'attachment' GROUP BY f.url
            """
        ).fetchall():
            if url not in found:
                found[url] = (referrer, None)
    return found


def _averages(con: duckdb.DuckDBPyConnection, names: np.ndarray, texts: np.ndarray) -> tuple[float, float]:
    n, sum_n, sum_t = dbmod.one_row(
        con, "SELECT count(*), coalesce(sum(name_len), 0), coalesce(sum(text_len), 0) FROM attachment_search_docs"
    )
    total = n + len(names)
    return max((sum_n + int(names.sum())) / total, 1.0), max((sum_t + int(texts.sum())) / total, 1.0)


def index_texts(con: duckdb.DuckDBPyConnection, rows: Sequence[tuple[int, str | None, str]]) -> None:
    """Postings for (text_id, name, text) rows; the caller removed their old ones."""
    rows = [r for r in rows if r[2]]
    if not rows:
        return
    names = [r[1] or "" for r in rows]
    texts = [r[2] for r in rows]
    ids = np.asarray([r[0] for r in rows], dtype=np.int64)
    name_len = np.fromiter((len(n) for n in names), dtype=np.int64, count=len(rows))
    text_len = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(rows))
    avg_n, avg_t = _averages(con, name_len, text_len)
    terms = tokens.batch_terms(names, texts)
    weight = weights(terms, name_len, text_len, avg_n, avg_t)
    postings = pa.table({
        "term": terms.term.astype(np.int32),
        "text_id": ids[terms.doc],
        "weight": np.round(weight * 100).astype(np.uint8),
    })  # fmt: skip
    docs = pa.table({"text_id": ids, "name_len": name_len.astype(np.int32), "text_len": text_len.astype(np.int32)})
    dbmod.insert_arrow(con, {"attachment_postings": postings, "attachment_search_docs": docs})


def _unindex(con: duckdb.DuckDBPyConnection, text_ids: list[int]) -> None:
    if not text_ids:
        return
    with dbmod.registered(con, "gone", "text_id", text_ids, pa.int64()):
        for table in ("attachment_postings", "attachment_search_docs"):
            con.execute(f"DELETE FROM {table} WHERE text_id IN (SELECT text_id FROM gone)")


def save_texts(con: duckdb.DuckDBPyConnection, rows: Sequence[TextRow]) -> int:
    """Write (or replace) the rows of these payloads and index their text; one transaction."""
    if not rows:
        return 0
    urls = sorted({r.attachment.url for r in rows})
    refs = _pages_and_names(con, urls)
    now = utcnow()
    con.execute("BEGIN TRANSACTION")
    try:
        keys = pa.table({
            "attachment_url": [r.attachment.url for r in rows],
            "sha256": [r.attachment.sha256 for r in rows],
        })  # fmt: skip
        con.register("_att_keys", keys)
        try:
            old = [x[0] for x in con.execute(
                "SELECT e.text_id FROM attachment_extractions e "
                "SEMI JOIN _att_keys k ON k.attachment_url = e.attachment_url AND k.sha256 = e.sha256"
            ).fetchall()]  # fmt: skip
            _unindex(con, old)
            con.execute(
                "DELETE FROM attachment_extractions e USING _att_keys k "
                "WHERE k.attachment_url = e.attachment_url AND k.sha256 = e.sha256"
            )
        finally:
            con.unregister("_att_keys")
        ids = [int(x[0]) for x in con.execute(
            f"SELECT nextval('attachment_text_id_seq') FROM range({len(rows)})").fetchall()]  # fmt: skip
        table = pa.table({
            "text_id": pa.array(ids, pa.int64()),
            "fetch_id": pa.array([r.attachment.fetch_id for r in rows], pa.int64()),
            "attachment_url": [r.attachment.url for r in rows],
            "page_url": [refs.get(r.attachment.url, (None, None))[0] for r in rows],
            "name": [refs.get(r.attachment.url, (None, None))[1] for r in rows],
            "media_type": [r.result.media_type for r in rows],
            "bytes": pa.array([r.attachment.size for r in rows], pa.int64()),
            "sha256": [r.attachment.sha256 for r in rows],
            "text": pa.array([r.result.text for r in rows], pa.string()),
            "pages": pa.array([r.result.pages for r in rows], pa.int32()),
            "extractor": [r.result.extractor for r in rows],
            "needs_ocr": [bool(r.result.needs_ocr) for r in rows],
            "warnings": pa.array([list(r.result.warnings) for r in rows], pa.list_(pa.string())),
            "fetched_at": pa.array([r.attachment.fetched_at for r in rows], pa.timestamp("us")),
            "extracted_at": pa.array([now] * len(rows), pa.timestamp("us")),
            "extractor_version": [EXTRACTOR_VERSION] * len(rows),
        })  # fmt: skip
        con.register("_att_rows", table)
        try:
            con.execute("INSERT INTO attachment_extractions BY NAME SELECT * FROM _att_rows")
        finally:
            con.unregister("_att_rows")
        # the index holds the text readers see: the extraction's, or an earlier OCR's
        indexed = con.execute(
            f"SELECT text_id, name, text FROM attachment_texts WHERE text IS NOT NULL "
            f"AND text_id IN ({', '.join(map(str, ids))})"
        ).fetchall()
        index_texts(con, indexed)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(rows)


def scans_without_text(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    """(sha256, fetch_id) of each flagged scan that has no OCR text yet."""
    return [
        (sha, fid)
        for sha, fid in con.execute(
            """
            SELECT e.sha256, max(e.fetch_id) FROM attachment_extractions e
            WHERE e.needs_ocr AND e.text IS NULL
              AND NOT EXISTS (SELECT 1 FROM attachment_ocr o WHERE o.sha256 = e.sha256 AND o.text IS NOT NULL)
            GROUP BY e.sha256 ORDER BY 2
            """
        ).fetchall()
    ]


def save_ocr(con: duckdb.DuckDBPyConnection, sha256: str, result: AttachmentText) -> None:
    """Keep one scan's OCR text and index it under every row of that payload."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "INSERT OR REPLACE INTO attachment_ocr VALUES (?, ?, ?, ?, ?, ?)",
            [sha256, result.text, result.pages, result.extractor, list(result.warnings), utcnow()],
        )
        ids = [r[0] for r in con.execute(
            "SELECT text_id FROM attachment_extractions WHERE sha256 = ?", [sha256]).fetchall()]  # fmt: skip
        _unindex(con, ids)
        index_texts(con, con.execute(
            "SELECT text_id, name, text FROM attachment_texts WHERE sha256 = ? AND text IS NOT NULL", [sha256]
        ).fetchall())  # fmt: skip
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def payloads(con: duckdb.DuckDBPyConnection, root: Path, fetch_ids: Sequence[int]) -> dict[int, bytes]:
    """The archived bytes of these fetches, read from the WARC files (revisits followed)."""
    from warehouse.warc import read_response

    if not fetch_ids:
        return {}
    rows = con.execute(
        f"""
        SELECT f.fetch_id, coalesce(o.warc_file, f.warc_file), coalesce(o.warc_offset, f.warc_offset)
        FROM fetches f LEFT JOIN fetches o ON o.fetch_id = f.revisit_of
        WHERE f.fetch_id IN ({', '.join(str(int(f)) for f in fetch_ids)}) AND f.warc_file IS NOT NULL
        """
    ).fetchall()
    found: dict[int, bytes] = {}
    for fid, file, offset in rows:
        try:
            found[fid] = read_response(root, file, offset).content
        except Exception:  # noqa: BLE001 - a damaged WARC tail: that payload is reported unreadable
            continue
    return found
