"""What the archive holds, at a glance: the tables `govarchive stats` prints.

Each section is one read-only query, returned as (title, columns, rows) so the CLI
only formats and tests can check the numbers without parsing a table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warehouse import db as dbmod

Section = tuple[str, list[str], list[tuple[Any, ...]]]

SECTIONS: tuple[tuple[str, str], ...] = (
    (
        "Overview",
        """
        SELECT (SELECT count(*) FROM documents) AS documents,
               (SELECT count(*) FROM document_versions) AS versions,
               (SELECT count(*) FROM replies) AS replies,
               (SELECT count(*) FROM disclosures) AS disclosures,
               (SELECT count(*) FROM fetches) AS fetches,
               (SELECT count(*) FROM fetches WHERE warc_type = 'revisit') AS revisits,
               (SELECT count(*) FROM attachments) AS attachments
        """,
    ),
    (
        "Documents per source",
        """
        SELECT coalesce(source, '(manual)') AS source, count(*) AS documents,
               count(*) FILTER (WHERE proposal_no IS NOT NULL OR reply_class IS NOT NULL) AS replies,
               min(published_at)::DATE AS oldest, max(published_at)::DATE AS newest
        FROM documents GROUP BY ALL ORDER BY documents DESC, source
        """,
    ),
    (
        "Documents per issuer (top 20)",
        """
        SELECT coalesce(issuer, contact_unit, '(unknown)') AS issuer, count(*) AS documents
        FROM documents GROUP BY ALL ORDER BY documents DESC, issuer LIMIT 20
        """,
    ),
    (
        "Documents per month (last 24)",
        """
        SELECT coalesce(strftime(date_trunc('month', published_at), '%Y-%m'), '(undated)') AS month,
               count(*) AS documents
        FROM documents GROUP BY ALL ORDER BY month DESC LIMIT 24
        """,
    ),
    (
        "Reply classes",
        """
        SELECT coalesce(reply_class, '(none)') AS reply_class, reply_kind, count(*) AS replies
        FROM replies GROUP BY ALL ORDER BY reply_class, reply_kind
        """,
    ),
    (
        "Fetch failures",
        """
        SELECT coalesce(source, '(manual)') AS source,
               CASE WHEN failure_kind = 'status' THEN 'http ' || status::VARCHAR
                    ELSE failure_kind END AS failure,
               count(*) AS fetches, max(fetched_at) AS last_at
        FROM fetches WHERE failure_kind IS NOT NULL
        GROUP BY ALL ORDER BY fetches DESC, source, failure
        """,
    ),
    (
        "Open parse errors",
        """
        SELECT kind, count(*) AS errors, count(DISTINCT url) AS urls, max(recorded_at) AS last_at
        FROM parse_errors WHERE NOT resolved GROUP BY ALL ORDER BY errors DESC, kind
        """,
    ),
    (
        "Recent crawl runs",
        """
        SELECT run_id, source, status, started_at, finished_at, fetched, new, changed,
               unchanged, failed
        FROM crawl_runs ORDER BY started_at DESC NULLS LAST LIMIT 10
        """,
    ),
)


def archive_stats(path: Path) -> list[Section]:
    out: list[Section] = []
    with dbmod.reader(Path(path)) as con:
        for title, sql in SECTIONS:
            cur = con.execute(sql)
            columns = [d[0] for d in cur.description or []]
            out.append((title, columns, cur.fetchall()))
    return out
