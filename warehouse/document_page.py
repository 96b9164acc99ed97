"""What the web's document and proposal pages read: one URL with its versions, captures,
attachments and proposal.

Tables other work adds later (`attachment_texts`, the `proposals` and `proposal_links`
views) are looked up in the catalog first, so the pages work on an archive that has
them and on one that does not yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb


def has_relation(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the archive has a table or view of that name (the schema grows over time)."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def document(con: duckdb.DuckDBPyConnection, url: str) -> dict[str, Any] | None:
    """The current version of a URL as the `documents` view has it, or None."""
    rows = _dicts(con.execute("SELECT * EXCLUDE (body_html) FROM documents WHERE url = ?", [url]))
    return rows[0] if rows else None


@dataclass(slots=True)
class Version:
    number: int
    version_id: int
    is_current: bool
    first_seen: dt.datetime
    last_seen: dt.datetime
    title: str | None
    body_text: str | None
    published_at: dt.datetime | None
    fetch_id: int | None


def versions(con: duckdb.DuckDBPyConnection, url: str) -> list[Version]:
    """Every content the URL has had, oldest first."""
    rows = con.execute(
        """SELECT version, version_id, is_current, first_seen, last_seen, title, body_text,
                  published_at, fetch_id
           FROM document_history WHERE url = ? ORDER BY version""",
        [url],
    ).fetchall()
    return [Version(*r) for r in rows]


def captures(con: duckdb.DuckDBPyConnection, url: str) -> list[dict[str, Any]]:
    """Every HTTP exchange archived for the URL (newest first): status, time, WARC record."""
    return _dicts(
        con.execute(
            """SELECT fetch_id, fetched_at, status, ok, error, warc_type, warc_file, size
               FROM fetches WHERE url = ? OR final_url = ? ORDER BY fetched_at DESC, fetch_id DESC
               LIMIT 200""",
            [url, url],
        )
    )


def attachments(con: duckdb.DuckDBPyConnection, version_id: int) -> list[dict[str, Any]]:
    """The version's attachments in body order, with their extracted text where it exists."""
    if has_relation(con, "attachment_texts"):
        sql = """
            SELECT a.position, a.name, a.attachment_url, t.media_type, t.pages, t.text,
                   t.needs_ocr, t.warnings
            FROM attachments a
            LEFT JOIN (SELECT * FROM attachment_texts
                       QUALIFY row_number() OVER (PARTITION BY attachment_url
                                                  ORDER BY fetched_at DESC NULLS LAST) = 1) t
              ON t.attachment_url = a.attachment_url
            WHERE a.version_id = ? ORDER BY a.position"""
    else:
        sql = """SELECT position, name, attachment_url, NULL AS media_type, NULL AS pages,
                        NULL AS text, NULL AS needs_ocr, NULL AS warnings
                 FROM attachments WHERE version_id = ? ORDER BY position"""
    return _dicts(con.execute(sql, [version_id]))


def proposal_keys_for(con: duckdb.DuckDBPyConnection, url: str) -> list[tuple[str, str]]:
    """(proposal_key, role) of the proposals this URL belongs to; empty before proposals exist."""
    if not has_relation(con, "proposal_links"):
        return []
    return [
        (str(k), str(r))
        for k, r in con.execute(
            "SELECT proposal_key, role FROM proposal_links WHERE url = ? ORDER BY proposal_key",
            [url],
        ).fetchall()
    ]


@dataclass(slots=True)
class Proposal:
    row: dict[str, Any]
    links: list[dict[str, Any]]  # url, role, title, published_at


def proposal(con: duckdb.DuckDBPyConnection, key: str) -> Proposal | None:
    """A proposal with its replies, reports and reposts; None if unknown or not yet built."""
    if not has_relation(con, "proposals"):
        return None
    rows = _dicts(con.execute("SELECT * FROM proposals WHERE proposal_key = ?", [key]))
    if not rows:
        return None
    links: list[dict[str, Any]] = []
    if has_relation(con, "proposal_links"):
        links = _dicts(
            con.execute(
                """SELECT l.url, l.role, d.title, d.published_at
                   FROM proposal_links l LEFT JOIN documents d USING (url)
                   WHERE l.proposal_key = ? ORDER BY l.role, d.published_at NULLS LAST, l.url""",
                [key],
            )
        )
    return Proposal(rows[0], links)
