"""Batched, idempotent loading: fetch rows and document versions, one transaction per batch.

A batch is staged as an Arrow table and merged with set-based SQL, so readers see either
none or all of it, and loading the same batch twice changes nothing but `last_seen`.
The same transaction writes the new versions' attachments, their sources and their
search postings, so every reader's snapshot has documents and index in step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from parsers.date_only import is_date_only
from parsers.document import Document
from warehouse import db as dbmod
from warehouse import search_index, tokens
from warehouse.db import reserve_ids
from warehouse.exchange import utcnow

# Columns of document_versions that come straight from the Document.
DOC_COLUMNS: tuple[str, ...] = (
    "url", "content_sha256", "final_url", "site", "source", "title", "published_at",
    "source_name", "reporter", "editor", "original_url", "body_text", "body_html",
    "fetched_at", "parser_version", "metadata", "index_no", "info_category", "issuer",
    "written_date", "publish_date", "doc_no", "validity", "effective_date", "expiry_date",
    "doc_name", "consult_org", "consult_phone", "proposal_no", "session", "proposer",
    "proposal_title", "reply_class", "contact_unit", "contact_phone", "attachments",
    "doc_type", "adapter", "encoding", "encoding_confidence", "warnings",
    "published_date_only",
)  # fmt: skip

_ATTACHMENTS = pa.list_(pa.struct([("name", pa.string()), ("url", pa.string())]))
_TYPES: dict[str, pa.DataType] = {
    "published_at": pa.timestamp("us"),
    "fetched_at": pa.timestamp("us"),
    "publish_date": pa.timestamp("us"),
    "written_date": pa.date32(),
    "effective_date": pa.date32(),
    "expiry_date": pa.date32(),
    "encoding_confidence": pa.float64(),
    "attachments": _ATTACHMENTS,
    "warnings": pa.list_(pa.string()),
    "published_date_only": pa.bool_(),
}


@dataclass(slots=True)
class LoadStats:
    """How each URL of a batch compared with what the archive already held."""

    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    def outcome(self, url: str) -> str:
        if url in self.new:
            return "new"
        if url in self.changed:
            return "changed"
        return "unchanged"


def _column(docs: Sequence[Document], name: str) -> list[object]:
    if name == "metadata":
        return [json.dumps(d.metadata, ensure_ascii=False) for d in docs]
    if name == "attachments":
        return [[a.to_dict() for a in d.attachments] for d in docs]
    if name == "published_date_only":  # a page that printed no time of day
        return [is_date_only(d.published_at) for d in docs]
    return [getattr(d, name) for d in docs]


def _value(column: str) -> str:
    """A staged column as the archive stores it (metadata travels as text, is JSON)."""
    return "s.metadata::JSON" if column == "metadata" else f"s.{column}"


@dataclass(slots=True)
class _Version:
    version_id: int
    content_sha256: str
    is_current: bool
    source: str | None = None


@dataclass(slots=True)
class _Plan:
    """What a batch does, decided from the versions its URLs already have (read once)."""

    outcome: list[str]  # per document: new | changed | unchanged
    matched: list[int | None]  # per document: the version that already has its content
    retired: list[int]  # current versions whose URL now has other content

    @classmethod
    def of(cls, docs: Sequence[Document], known: dict[str, list[_Version]]) -> _Plan:
        plan = cls([], [], [])
        for doc in docs:
            versions = known.get(doc.url, [])
            same = next((v for v in versions if v.content_sha256 == doc.content_sha256), None)
            plan.matched.append(same.version_id if same else None)
            plan.outcome.append("unchanged" if same else "changed" if versions else "new")
            plan.retired.extend(
                v.version_id for v in versions if v.is_current and v is not same
            )
        return plan


def _known_versions(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, list[_Version]]:
    """Every version of these URLs: the one scan of document_versions a batch makes."""
    known: dict[str, list[_Version]] = {}
    with dbmod.registered(con, "batch_urls", "url", urls, pa.string()):
        rows = con.execute(
            "SELECT v.url, v.version_id, v.content_sha256, v.is_current, v.source "
            "FROM document_versions v SEMI JOIN batch_urls b ON v.url = b.url"
        ).fetchall()
    for url, version_id, sha, current, source in rows:
        known.setdefault(url, []).append(_Version(version_id, sha, current, source))
    return known


def _keep_sources(docs: Sequence[Document], known: dict[str, list[_Version]]) -> None:
    """A document loaded without a source (a manual ingest) keeps the source its URL has.

    A crawl knows its source; `ingest` of a URL no configured source claims does not.
    Without this, re-ingesting a crawled page by hand erased its source (issue 20).
    """
    for doc in docs:
        if doc.source is None:
            doc.source = next((v.source for v in known.get(doc.url, ()) if v.source), None)


def _index_rows(
    docs: Sequence[Document], positions: Sequence[int], version_ids: Sequence[int | None]
) -> list[search_index.IndexRow]:
    return [
        search_index.IndexRow(version_ids[i], docs[i].url, docs[i].source,  # type: ignore[arg-type]
                              docs[i].published_at, docs[i].title, docs[i].body_text)
        for i in positions
    ]  # fmt: skip


def load_documents(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[tuple[Document, int | None]],
    seen_at: dt.datetime | None = None,
    *,
    ahead: Future[tokens.BatchTerms] | None = None,
) -> LoadStats:
    """Merge parsed documents (each with the fetch it came from) into document_versions.

    The big table is read once per batch (the versions of the batch's URLs); every
    later statement joins on version ids or touches only the batch, so a batch costs
    the same at 100,000 documents as at 1,000 (five URL joins per batch made the
    load slow down as the archive grew; measured).

    `ahead` holds the terms of all these documents when a bulk load tokenized them while
    the previous batch was written; used when all of them turn out to be new content.
    """
    stats = LoadStats()
    if not items:
        return stats
    seen = seen_at or utcnow()
    last = {doc.url: i for i, (doc, _) in enumerate(items)}  # a URL twice: the later one wins
    if len(last) < len(items):
        items = [items[i] for i in sorted(last.values())]
        ahead = None  # tokenized with the duplicates
    docs = [d for d, _ in items]
    for d in docs:
        d.content_sha256 = d.content_sha256 or d.content_hash()
    con.execute("BEGIN TRANSACTION")
    try:
        known = _known_versions(con, [d.url for d in docs])
        _keep_sources(docs, known)
        plan = _Plan.of(docs, known)
        fresh = [i for i, m in enumerate(plan.matched) if m is None]
        # only new content needs tokenizing: it runs while DuckDB merges the batch
        if ahead is None or len(fresh) < len(docs):
            terms = search_index.tokenize_later([docs[i] for i in fresh])
        else:
            terms = ahead
        new_ids = iter(reserve_ids(con, "version_id_seq", len(fresh)))
        version_ids = [next(new_ids) if m is None else None for m in plan.matched]
        # Statements read the registered Arrow table directly: DuckDB converts only the
        # columns each one uses, and the texts once, into document_versions.
        columns = {name: pa.array(_column(docs, name), _TYPES.get(name, pa.string())) for name in DOC_COLUMNS}
        columns["fetch_id"] = pa.array([fid for _, fid in items], pa.int64())
        columns["version_id"] = pa.array(version_ids, pa.int64())
        columns["matched_id"] = pa.array(plan.matched, pa.int64())
        con.register("stage", pa.table(columns))
        reindex: list[int] = []
        if len(fresh) < len(docs):
            # The matching version takes the newest parse of its content (a reparse may
            # read more fields out of the same content).
            assignments = ", ".join(
                f"{c} = {_value(c)}" for c in DOC_COLUMNS if c not in ("url", "content_sha256")
            )
            con.execute(
                f"""
                UPDATE document_versions v
                SET {assignments}, is_current = true, last_seen = ?, last_fetch_id = s.fetch_id
                FROM stage s WHERE v.version_id = s.matched_id
                """,
                [seen],
            )
            matched = {m: i for i, m in enumerate(plan.matched) if m is not None}
            indexed = search_index.indexed(con, list(matched))
            reindex = [i for m, i in matched.items() if m not in indexed]
        if plan.retired:
            with dbmod.registered(con, "retired", "version_id", plan.retired, pa.int64()):
                con.execute(
                    "UPDATE document_versions SET is_current = false "
                    "WHERE version_id IN (SELECT version_id FROM retired)"
                )
        if fresh:
            con.execute(
                f"""
                INSERT INTO document_versions
                    ({", ".join(DOC_COLUMNS)}, is_current, first_seen, last_seen, fetch_id,
                     last_fetch_id, version_id)
                SELECT {", ".join(_value(c) for c in DOC_COLUMNS)}, true, ?, ?, s.fetch_id,
                       s.fetch_id, s.version_id
                FROM stage s WHERE s.version_id IS NOT NULL
                """,
                [seen, seen],
            )
            con.execute(
                """
                INSERT INTO attachments (version_id, url, content_sha256, position, name, attachment_url)
                SELECT version_id, url, content_sha256, pos - 1, att.name, att.url
                FROM (SELECT version_id, url, content_sha256, unnest(attachments) AS att,
                             generate_subscripts(attachments, 1) AS pos
                      FROM stage WHERE version_id IS NOT NULL AND len(attachments) > 0)
                """
            )
        con.execute(
            """
            INSERT INTO sources AS t (name, first_seen, last_seen)
            SELECT unnest(?::VARCHAR[]), ?, ?
            ON CONFLICT (name) DO UPDATE SET last_seen = excluded.last_seen
            """,
            [sorted({d.source for d in docs if d.source is not None}), seen, seen],
        )
        search_index.drop_versions(con, plan.retired)
        search_index.index_rows(con, _index_rows(docs, fresh, version_ids), terms.result())
        # versions whose content came back (rare): tokenized here
        search_index.index_rows(con, _index_rows(docs, reindex, plan.matched))
        con.execute("COMMIT")
    except Exception:
        # DuckDB aborts the transaction itself on some errors (out of memory): then the
        # ROLLBACK fails too, and must not hide the error that matters
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise
    finally:
        with contextlib.suppress(Exception):
            con.unregister("stage")
    for doc, kind in zip(docs, plan.outcome, strict=True):
        getattr(stats, kind).append(doc.url)
    return stats
