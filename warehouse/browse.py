"""What the web pages read: a filtered, faceted, paged list of search results.

`govarchive search` answers a question with its best 20 hits; a reader in a browser
narrows a result list by clicking facets (source, issuer, year, reply class, document
type), pages through it and sorts it by date. This module adds that on top of the
project's own ranking (warehouse/search.py: BM25 on bigrams, title weighted): the
candidates and their scores come from there, the narrowing, counting and paging are
one SQL statement each over those candidates. Read-only, like every reader.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pyarrow as pa

from warehouse import db as dbmod
from warehouse import search as searchmod
from warehouse import tokens

# A result list holds at most this many matches: facet counts and CSV/JSON exports
# cover them all; a word found in more documents than this is counted up to here.
MAX_MATCHES = 5000
PER_PAGE = 20

# facet name -> SQL expression over the `documents` view (every value shown is a string)
FACETS: dict[str, str] = {
    "source": "source",
    "issuer": "issuer",
    "year": "CAST(year(published_at) AS VARCHAR)",
    "reply_class": "reply_class",
    "doc_type": "doc_type",
}
FACET_LIMIT = 12  # values shown per facet (the most frequent)


@dataclass(slots=True)
class Query:
    """What a reader asked for; every field comes from the URL and is only ever bound."""

    q: str = ""
    filters: dict[str, str] = field(default_factory=dict)  # facet name -> value
    sort: str = "relevance"  # relevance | date
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def words(self) -> list[str]:
        return [w.lower() for w in self.q.split() if w.strip()]


@dataclass(slots=True)
class Row:
    version_id: int
    url: str
    title: str | None
    published_at: dt.datetime | None
    source: str | None
    issuer: str | None
    reply_class: str | None
    doc_type: str | None
    score: float
    text: str  # the text a snippet is cut from (body, else title)

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "title": self.title,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "source": self.source,
            "issuer": self.issuer,
            "reply_class": self.reply_class,
            "doc_type": self.doc_type,
            "score": round(self.score, 4),
        }


@dataclass(slots=True)
class Results:
    query: Query
    total: int
    rows: list[Row]
    facets: dict[str, list[tuple[str, int]]]
    capped: bool  # more documents matched than MAX_MATCHES

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.query.per_page))


def _needs_exact_check(word: str) -> bool:
    """Whether the bigram index can over-match this word (then each match is checked).

    Two Han characters are exactly one bigram, and a Latin/digit word is one whole-word
    term: their index match is the word itself. Longer words match when all their
    bigrams occur, not necessarily in a row.
    """
    if len(word) == 2 and all(tokens.is_han_char(c) for c in word):
        return False
    return not (word.isascii() and word.isalnum())


def _candidates(con: duckdb.DuckDBPyConnection, words: list[str]) -> list[tuple[int, float]]:
    term_lists = [tokens.query_terms(w) for w in words]
    if all(term_lists):
        terms = sorted({t for ts in term_lists for t in ts})
        return searchmod._ranked(con, terms, None, None, MAX_MATCHES + 1)
    return searchmod._scan(con, words, None, None, MAX_MATCHES + 1)


def _exact(
    con: duckdb.DuckDBPyConnection, words: list[str], ranked: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """The candidates that hold every word as typed (see `_needs_exact_check`).

    Words come from `Query.words`: lower-cased, without spaces. A word with no cased
    letter (Chinese, digits) is looked for with plain `contains` in the title and in the
    body, a fast byte search: lowercasing title || body first cost 3-5 s for 5,000
    candidates at 100,000 documents on a busy machine, and a word without spaces cannot
    match across the space that joined them. A word with Latin letters is still matched
    on the lowercased text, as before. The ids are inlined as a constant IN list, which
    DuckDB pushes into the scan: only the candidates' bodies are searched (the same
    filter beside a join was pushed below it and ran on every body of the archive).
    """
    checked = [w for w in words if _needs_exact_check(w)]
    if not checked or not ranked:
        return ranked
    conds, params = [], {}
    for i, w in enumerate(checked):
        params[f"w{i}"] = w
        if w == w.upper():  # nothing to lowercase: Han characters, digits, punctuation
            conds.append(f"(contains(coalesce(title, ''), $w{i}) OR contains(coalesce(body_text, ''), $w{i}))")
        else:
            conds.append(f"contains(lower(coalesce(title, '') || ' ' || coalesce(body_text, '')), $w{i})")
    ids = ", ".join(str(int(v)) for v, _ in ranked)
    keep = {
        r[0]
        for r in con.execute(
            f"SELECT version_id FROM document_versions WHERE version_id IN ({ids}) AND {' AND '.join(conds)}",
            params,
        ).fetchall()
    }
    return [r for r in ranked if r[0] in keep]


# what facets, sorting and a result row need of a matching version
MATCH_COLUMNS = "version_id, url, title, published_at, source, issuer, reply_class, doc_type"


def _where(query: Query, params: dict[str, Any], *, skip: str | None = None) -> str:
    conds = []
    for name, value in query.filters.items():
        if name not in FACETS or name == skip:
            continue
        params[f"f_{name}"] = value
        conds.append(f"{FACETS[name]} = $f_{name}")
    return " AND ".join(conds) if conds else "true"


def run(con: duckdb.DuckDBPyConnection, query: Query, *, everything: bool = False) -> Results:
    """The page of results `query` asks for (all matches, up to MAX_MATCHES, with `everything`).

    With words, the matches are found once: the index's ranked candidates (at most
    MAX_MATCHES), checked for the exact words, land with the columns that facets and
    sorting need in a temporary table of at most MAX_MATCHES rows; the total, every
    facet's counts and the page are read from that table. Only the page's bodies are
    read afterwards, for its snippets.
    """
    words = query.words
    if not words:
        # (document_versions, not the `documents` view: the view also joins attachment
        # texts, which no facet needs)
        matches = f"(SELECT {MATCH_COLUMNS}, 0.0 AS score FROM document_versions WHERE is_current)"
        return _read(con, matches, query, False, everything)
    ranked = _candidates(con, words)
    capped = len(ranked) > MAX_MATCHES
    ranked = ranked[:MAX_MATCHES]
    # (the scan for words the index cannot look up is exact already)
    if all(tokens.query_terms(w) for w in words):
        ranked = _exact(con, words, ranked)
    con.register(
        "_hits",
        pa.table(
            {
                "version_id": pa.array([r[0] for r in ranked], pa.int64()),
                "score": pa.array([r[1] for r in ranked], pa.float64()),
            }
        ),
    )
    try:
        # a hash join with the hits (a constant IN list of 5,000 ids cost twice as much)
        con.execute(
            f"""CREATE OR REPLACE TEMPORARY TABLE _matches AS
                SELECT {", ".join("v." + c for c in MATCH_COLUMNS.split(", "))}, h.score
                FROM document_versions v JOIN _hits h USING (version_id) WHERE v.is_current"""
        )
        return _read(con, "_matches", query, capped, everything)
    finally:
        con.execute("DROP TABLE IF EXISTS temp._matches")
        con.unregister("_hits")


def _read(
    con: duckdb.DuckDBPyConnection,
    matches: str,
    query: Query,
    capped: bool,
    everything: bool,
) -> Results:
    """Count, facet and page the matches (`matches`: a table, or a query in parentheses)."""
    params: dict[str, Any] = {}
    where = _where(query, params)
    # the total and every facet's counts in one pass (one statement: each costs a round
    # of planning and a scan, ~10-20 ms on a busy machine)
    names = list(FACETS)
    cols = ", ".join(f"{FACETS[n]} AS f{i}" for i, n in enumerate(names))
    keys = ", ".join(f"f{i}" for i in range(len(names)))
    sets = ", ".join(f"(f{i})" for i in range(len(names)))
    grouped = con.execute(
        f"""WITH f AS (SELECT {cols} FROM {matches} AS m WHERE {where})
            SELECT {keys}, GROUPING_ID({keys}) AS gid, count(*) AS n FROM f
            GROUP BY GROUPING SETS ({sets}, ())""",
        params,
    ).fetchall()
    everything_bits = (1 << len(names)) - 1
    total = 0
    counts: dict[str, list[tuple[str, int]]] = {n: [] for n in names}
    for row in grouped:
        gid, n = row[-2], int(row[-1])
        if gid == everything_bits:
            total = n
            continue
        # GROUPING_ID sets the bit of every column NOT grouped; the first key is the top bit
        i = next(i for i in range(len(names)) if not gid & (1 << (len(names) - 1 - i)))
        if row[i] is not None:
            counts[names[i]].append((str(row[i]), n))
    facets = {
        n: sorted(vs, key=lambda x: (-x[1], x[0]))[:FACET_LIMIT] for n, vs in counts.items()
    }
    if query.sort == "date":
        order = "published_at DESC NULLS LAST, score DESC, url"
    else:
        order = "score DESC, published_at DESC NULLS LAST, url"
    if everything:
        limit = f"LIMIT {MAX_MATCHES}"
    else:
        page = max(1, query.page)
        limit = f"LIMIT {int(query.per_page)} OFFSET {(page - 1) * int(query.per_page)}"
    page_rows = con.execute(
        f"""SELECT version_id, url, title, published_at, source, issuer, reply_class, doc_type,
                   score, '' FROM {matches} AS m WHERE {where} ORDER BY {order} {limit}""",
        params,
    ).fetchall()
    rows = [Row(*r) for r in page_rows]
    if rows and not everything:
        # bodies of this page only, by a constant IN list (read from the vectors holding them)
        ids = ", ".join(str(int(r.version_id)) for r in rows)
        texts = dict(
            con.execute(
                "SELECT version_id, coalesce(body_text, title, '') FROM document_versions"
                f" WHERE version_id IN ({ids})"
            ).fetchall()
        )
        for r in rows:
            r.text = texts.get(r.version_id, "")
    return Results(query, int(total), rows, facets, capped)


# --- charts -----------------------------------------------------------------------


def per_month(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """(YYYY-MM, documents, replies) for every month that has a dated document."""
    return con.execute(
        """
        SELECT strftime(date_trunc('month', published_at), '%Y-%m') AS month, count(*) AS docs,
               count(*) FILTER (WHERE proposal_no IS NOT NULL OR reply_class IS NOT NULL) AS replies
        FROM documents WHERE published_at IS NOT NULL GROUP BY month ORDER BY month
        """
    ).fetchall()


def reply_classes_by_bureau(
    con: duckdb.DuckDBPyConnection, limit: int = 15
) -> list[tuple[str, dict[str, int]]]:
    """The bureaus with most replies, each with its count per reply class (A/B/C/none)."""
    rows = con.execute(
        f"""
        WITH r AS (SELECT coalesce(contact_unit, issuer, '(unknown)') AS bureau,
                          coalesce(reply_class, '-') AS cls FROM replies),
        top AS (SELECT bureau, count(*) AS n FROM r GROUP BY bureau ORDER BY n DESC, bureau
                LIMIT {int(limit)})
        SELECT bureau, cls, count(*) FROM r JOIN top USING (bureau)
        GROUP BY bureau, cls, top.n ORDER BY top.n DESC, bureau, cls
        """
    ).fetchall()
    out: dict[str, dict[str, int]] = {}
    for bureau, cls, n in rows:
        out.setdefault(bureau, {})[cls] = int(n)
    return list(out.items())


def overview(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How much the archive holds, for the front page."""
    docs, replies, versions = dbmod.one_row(
        con,
        """SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM replies),
                  (SELECT count(*) FROM document_versions)""",
    )
    return {"documents": int(docs), "replies": int(replies), "versions": int(versions)}
