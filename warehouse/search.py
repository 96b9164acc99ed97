"""Chinese full-text search over the current documents: BM25 on character bigrams.

Each query word must match (all its bigrams present); documents are ranked by BM25
summed over the word's bigrams, with a title occurrence weighted 5x a body one, so a
page about a topic outranks one that mentions it in passing. The best candidates are
then checked for the exact word (bigrams 数据+据中+中心 do not guarantee 数据中心) and
given a snippet. One-character words, which the bigram index cannot look up, are
matched by an exact scan instead.

Runs on a read-only connection and never writes: the index is kept current by the
loader (see warehouse/search_index.py). SQL users have `search_documents('词')`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
from rich.markup import escape

from warehouse import db as dbmod
from warehouse import tokens
from warehouse.search_index import TITLE_WEIGHT
from warehouse.since import parse_since as since_date

SNIPPET_CHARS = 60


@dataclass(slots=True)
class SearchHit:
    url: str
    title: str | None
    published_at: dt.datetime | None
    issuer: str | None
    source: str | None
    score: float
    snippet: str  # body text around the first match, matches wrapped in 【】
    # set when the words were found in an attachment of the page at `url` (attachment_texts)
    attachment_name: str | None = None
    attachment_url: str | None = None

    def render(self) -> str:
        """Rich markup for the terminal: title line, then snippet with matches highlighted."""
        date = self.published_at.date().isoformat() if self.published_at else "----------"
        head = f"[bold]{escape(self.title or '(untitled)')}[/bold]"
        meta = " | ".join(x for x in (date, self.issuer or self.source or "", self.url) if x)
        snippet = re.sub(
            r"【(.*?)】",
            lambda m: f"[reverse]{m.group(1)}[/reverse]",
            escape(self.snippet),
        )
        found_in = ""
        if self.attachment_url:
            found_in = f"  in attachment {escape(self.attachment_name or '')} {escape(self.attachment_url)}\n"
        return f"{head}\n  {escape(meta)}\n{found_in}  {snippet}\n"


def _since_start(since: str | dt.date | None) -> dt.datetime | None:
    """The first moment `since` names (a date, or the shared grammar of warehouse/since.py)."""
    if since is None or since == "":
        return None
    if isinstance(since, dt.datetime):
        return since
    if isinstance(since, dt.date):
        return dt.datetime.combine(since, dt.time())
    day = since_date(since)  # the grammar every command shares (warehouse/since.py)
    return dt.datetime.combine(day, dt.time()) if day else None


def _bm25_sql(terms: list[int], filtered: bool) -> str:
    # Terms are inlined (integers, so safe): a constant filter lets DuckDB skip row groups
    # by their min/max, which a prepared parameter would not.
    hits = " UNION ALL ".join(
        f"SELECT version_id, weight, {i} AS t FROM search_postings WHERE term = {int(t)}"
        for i, t in enumerate(terms)
    )
    where = ""
    if filtered:
        where = """
        WHERE version_id IN (
            SELECT version_id FROM search_docs
            WHERE ($source::VARCHAR IS NULL OR source = $source)
              AND ($since::TIMESTAMP IS NULL OR published_at >= $since))"""
    # `hits` is read twice (document frequencies, then scores): MATERIALIZED scans the
    # postings once (DuckDB 1.5 inlined it and scanned them twice: ~40% more CPU). The
    # score is rounded so that documents tied up to the last bit of a float sum (whose
    # order of addition varies between runs) sort the same way every time: by id.
    return f"""
    WITH hits AS MATERIALIZED ({hits}),
    n AS (SELECT count(*)::DOUBLE AS n FROM search_docs),
    df AS (SELECT t, count(*)::DOUBLE AS df FROM hits GROUP BY t)
    SELECT version_id,
           round(sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5)) * weight) / 100, 9) AS score
    FROM hits JOIN df USING (t), n
    {where}
    GROUP BY version_id
    HAVING count(*) = {len(terms)}
    ORDER BY score DESC, version_id
    LIMIT $cap
    """


def _ranked(
    con: duckdb.DuckDBPyConnection,
    terms: list[int],
    source: str | None,
    since: dt.datetime | None,
    cap: int,
) -> list[tuple[int, float]]:
    filtered = source is not None or since is not None
    params: dict[str, object] = {"cap": cap}
    if filtered:
        params.update(source=source, since=since)
    return [(r[0], r[1]) for r in con.execute(_bm25_sql(terms, filtered), params).fetchall()]


def _scan(
    con: duckdb.DuckDBPyConnection,
    words: list[str],
    source: str | None,
    since: dt.datetime | None,
    cap: int,
) -> list[tuple[int, float]]:
    """Exact scan for words the bigram index cannot look up (single characters).

    Such a word occurs in most documents, so counting occurrences would touch every
    body; a title match (weighted) and a body match rank instead, newest first among
    equals. `contains` is a fast byte search; lowercasing every body (or ILIKE) costs
    seconds at 100,000 documents, so Latin letters are matched as typed, lower and upper.
    """
    conds: list[str] = []
    scores: list[str] = []
    params: dict[str, object] = {}
    for i, w in enumerate(words):
        variants = sorted({w, w.lower(), w.upper()})
        names = []
        for j, v in enumerate(variants):
            params[f"w{i}_{j}"] = v
            names.append(f"$w{i}_{j}")
        title = "(" + " OR ".join(f"contains(coalesce(title, ''), {n})" for n in names) + ")"
        body = "(" + " OR ".join(f"contains(coalesce(body_text, ''), {n})" for n in names) + ")"
        conds.append(f"({title} OR {body})")
        scores.append(f"{TITLE_WEIGHT} * {title}::INT + {body}::INT")
    params.update(source=source, since=since, cap=cap)
    sql = f"""
        SELECT version_id, {" + ".join(scores)} AS score FROM documents
        WHERE {" AND ".join(conds)}
          AND ($source::VARCHAR IS NULL OR source = $source)
          AND ($since::TIMESTAMP IS NULL OR published_at >= $since)
        ORDER BY score DESC, published_at DESC NULLS LAST, version_id LIMIT $cap
    """
    return [(r[0], float(r[1])) for r in con.execute(sql, params).fetchall()]


def snippet(text: str, words: list[str], width: int = SNIPPET_CHARS) -> str:
    """The stretch of text around the first match, every match wrapped in 【】."""
    text = re.sub(r"\s+", " ", text or "").strip()
    lower = text.lower()
    positions = [p for p in (lower.find(w.lower()) for w in words) if p >= 0]
    start = max(min(positions) - width // 3, 0) if positions else 0
    piece = text[start : start + width]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.I)
    marked = pattern.sub(lambda m: f"【{m.group(0)}】", piece)
    return ("…" if start > 0 else "") + marked + ("…" if start + width < len(text) else "")


_WORD = re.compile(r'"([^"]*)"|(\S+)')
OPERATORS = frozenset({"OR", "AND", "NOT", "|", "||", "&&", "-"})


def search_words(text: str, *, strict: bool = True) -> list[str]:
    """What a query asks for: every word, and every "quoted phrase" as written (lower-cased).

    Words combine with AND. `strict` (the CLI) refuses what a user may expect to work
    and does not: an empty query, or OR/AND/NOT typed as operators.
    """
    words = []
    for m in _WORD.finditer(text or ""):
        phrase, word = m.groups()
        w = " ".join((phrase if phrase is not None else word.strip('"')).split())
        if not w:
            continue
        if strict and phrase is None and w in OPERATORS:
            raise ValueError(f"{w} is not an operator here: every word must occur (AND); run one"
                             ' search per alternative, or quote a phrase: "数据 中心"')  # fmt: skip
        words.append(w.lower())
    if strict and not words:
        raise ValueError("nothing to search for: give words, e.g. govarchive search 数据中心")
    return words


EXACT_COUNT_UP_TO = 5_000  # candidates checked word for word when counting; beyond, the index's count


def count_matches(
    path: Path, text: str, *, source: str | None = None, since: str | dt.date | None = None
) -> int:
    """How many documents match (the "20 of 118" the CLI prints)."""
    words = search_words(text, strict=False)
    if not words:
        return 0
    since_at = _since_start(since)
    with dbmod.reader(Path(path)) as con:
        term_lists = [tokens.query_terms(w) for w in words]
        if not all(term_lists):
            return len(_scan(con, words, source, since_at, 10**9))
        terms = sorted({t for ts in term_lists for t in ts})
        listed = ", ".join(str(int(t)) for t in terms)
        candidates = con.execute(
            f"""
            SELECT p.version_id FROM search_postings p
            WHERE p.term IN ({listed})
              AND p.version_id IN (SELECT version_id FROM search_docs
                                   WHERE ($source::VARCHAR IS NULL OR source = $source)
                                     AND ($since::TIMESTAMP IS NULL OR published_at >= $since))
            GROUP BY p.version_id HAVING count(DISTINCT p.term) = {len(terms)}
            """,
            {"source": source, "since": since_at},
        ).fetchall()
        if len(candidates) > EXACT_COUNT_UP_TO:
            return len(candidates)
        ids = ", ".join(str(int(r[0])) for r in candidates) or "NULL"
        rows = con.execute(
            f"SELECT title, body_text FROM document_versions WHERE version_id IN ({ids})"
        ).fetchall()
    return sum(1 for title, body in rows if all(w in f"{title or ''} {body or ''}".lower() for w in words))


def search(
    con: duckdb.DuckDBPyConnection,
    text: str,
    *,
    source: str | None = None,
    since: str | dt.date | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    words = search_words(text, strict=False)  # words and "quoted phrases"
    if not words:
        return []
    since_at = _since_start(since)
    term_lists = [tokens.query_terms(w) for w in words]
    indexable = all(term_lists)
    cap = limit * 3 + 20  # room for candidates the exact check drops
    if indexable:
        terms = sorted({t for ts in term_lists for t in ts})
        ranked = _ranked(con, terms, source, since_at, cap)
    else:
        ranked = _scan(con, words, source, since_at, cap)
    if not ranked:
        hits = attachment_hits(con, words, term_lists, source=source, since=since_at, cap=cap)
        return sorted(hits, key=lambda h: (-h.score, h.url, h.attachment_url or ""))[:limit]
    scores = dict(ranked)
    # inlined integer ids: a constant IN list is pushed into the scan, so only the
    # vectors holding these rows read their (large) body text
    ids = ", ".join(str(int(v)) for v in scores)
    rows = con.execute(
        "SELECT version_id, url, title, published_at, issuer, source, body_text"
        f" FROM document_versions WHERE version_id IN ({ids})"
    ).fetchall()
    hits = []
    for vid, url, title, published_at, issuer, src, body in rows:
        haystack = f"{title or ''} {body or ''}".lower()
        if not all(w in haystack for w in words):
            continue
        hits.append(
            SearchHit(
                url=url,
                title=title,
                published_at=published_at,
                issuer=issuer,
                source=src,
                score=round(scores[vid], 4),
                snippet=snippet(body or title or "", words),
            )
        )
    hits.extend(attachment_hits(con, words, term_lists, source=source, since=since_at, cap=cap))
    hits.sort(key=lambda h: (-h.score, h.url, h.attachment_url or ""))
    return hits[:limit]


def search_archive(
    path: Path,
    text: str,
    *,
    source: str | None = None,
    since: str | dt.date | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """The CLI's entry: search the archive file read-only."""
    with dbmod.reader(Path(path)) as con:
        return search(con, text, source=source, since=since, limit=limit)


# -- attachment text (issue 16): the same BM25 over attachment_postings --------------


def _has_attachment_index(con: duckdb.DuckDBPyConnection) -> bool:
    """An archive older than migration 007, opened read-only, has no attachment index."""
    row = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'attachment_postings'"
    ).fetchone()
    return bool(row and row[0])


def _attachment_ranked(
    con: duckdb.DuckDBPyConnection, terms: list[int], words: list[str], cap: int
) -> list[tuple[int, float]]:
    if terms:
        hits = " UNION ALL ".join(
            f"SELECT text_id, weight, {i} AS t FROM attachment_postings WHERE term = {int(t)}"
            for i, t in enumerate(terms)
        )
        sql = f"""
        WITH hits AS ({hits}),
        n AS (SELECT count(*)::DOUBLE AS n FROM attachment_search_docs),
        df AS (SELECT t, count(*)::DOUBLE AS df FROM hits GROUP BY t)
        SELECT text_id, sum(ln(1 + (n.n - df.df + 0.5) / (df.df + 0.5)) * weight) / 100 AS score
        FROM hits JOIN df USING (t), n
        GROUP BY text_id HAVING count(*) = {len(terms)}
        ORDER BY score DESC, text_id LIMIT {int(cap)}
        """
        return [(r[0], r[1]) for r in con.execute(sql).fetchall()]
    conds, params = [], {}
    for i, w in enumerate(words):  # single characters: an exact scan, as for documents
        params[f"w{i}"] = w
        conds.append(f"(contains(lower(coalesce(text, '')), $w{i}) OR contains(lower(coalesce(name, '')), $w{i}))")
    sql = f"SELECT text_id, 1.0 FROM attachment_texts WHERE {' AND '.join(conds)} ORDER BY text_id LIMIT {int(cap)}"
    return [(r[0], float(r[1])) for r in con.execute(sql, params).fetchall()]


def attachment_hits(
    con: duckdb.DuckDBPyConnection,
    words: list[str],
    term_lists: list[list[int]],
    *,
    source: str | None,
    since: dt.datetime | None,
    cap: int,
) -> list[SearchHit]:
    """Hits in attachment text: each names the attachment and the page that links it."""
    if not words or not _has_attachment_index(con):
        return []
    terms = sorted({t for ts in term_lists for t in ts}) if all(term_lists) else []
    ranked = _attachment_ranked(con, terms, words, cap)
    if not ranked:
        return []
    scores = dict(ranked)
    ids = ", ".join(str(int(v)) for v in scores)
    rows = con.execute(
        "SELECT a.text_id, a.attachment_url, a.page_url, a.name, a.text,"
        " d.title, d.published_at, d.issuer, d.source"
        " FROM attachment_texts a LEFT JOIN documents d ON d.url = a.page_url"
        f" WHERE a.text_id IN ({ids})"
    ).fetchall()
    hits = []
    for tid, att_url, page_url, name, text, title, published_at, issuer, src in rows:
        haystack = f"{name or ''} {text or ''}".lower()
        if not all(w in haystack for w in words):
            continue
        if source is not None and src != source:
            continue
        if since is not None and (published_at is None or published_at < since):
            continue
        hits.append(
            SearchHit(
                url=page_url or att_url,
                title=title,
                published_at=published_at,
                issuer=issuer,
                source=src,
                score=round(scores[tid], 4),
                snippet=snippet(text or name or "", words),
                attachment_name=name,
                attachment_url=att_url,
            )
        )
    return hits
