"""Keeping a batch's proposal references and near-duplicate links current, as it loads.

`update(con, docs)` is the one call the load path makes (`Archive.load_documents`,
which `reparse` goes through as well): for each page of the batch it replaces what the
page says about proposals (`parsers.proposal_key.refs_of`) and, when its content is new,
its MinHash signature, its LSH bands and the same_text pairs they find. The views of
`schema/008_proposals.sql` do the grouping on read.

Cost per batch: which pages are already signed and which bands the archive shares with
the batch's are lookups in memory (`warehouse/band_index.py`: binary searches in sorted
runs of the bands, kept by the writing process and checked against the archive's token),
not joins with the whole tables, which DuckDB can only scan; signatures are fetched only
for the few candidates, and no pair of pages is compared unless a band of theirs is
identical. What is left that reads a whole table: that fetch (a semi join on
text_signatures' URLs, only when there are candidates), the references of pages loaded
before (not for new ones), and a changed page's old rows (bench/links_bench.py and the
README's performance table have the figures).
"""

from __future__ import annotations

import contextlib
from collections.abc import Collection, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

import duckdb
import numpy as np
import pyarrow as pa

from parsers.document import Document
from parsers.proposal_key import ProposalRef, refs_of
from warehouse import band_index, near_dupes
from warehouse import db as dbmod

_POOL = ThreadPoolExecutor(1, thread_name_prefix="minhash")
_REF_COLUMNS = (
    "url", "role", "proposal_key", "body", "kind", "session", "proposal_no", "proposal_title",
    "title_norm", "proposer", "handling", "handling_label", "bureau", "report_text",
)  # fmt: skip
REPORT_TEXT = 3000  # characters of a report kept to look for a proposer's name


def _ref_row(ref: ProposalRef, doc: Document) -> dict[str, object]:
    key = ref.key
    return {
        "url": ref.url,
        "role": ref.role,
        "proposal_key": str(key) if key else None,
        "body": key.body if key else None,
        "kind": key.kind if key else None,
        "session": key.session if key else None,
        "proposal_no": key.number if key else None,
        "proposal_title": ref.proposal_title,
        "title_norm": ref.title_norm,
        "proposer": ref.proposer,
        "handling": ref.handling,
        "handling_label": ref.handling_label,
        "bureau": ref.bureau,
        "report_text": ((doc.title or "") + "\n" + (doc.body_text or ""))[:REPORT_TEXT]
        if key is None
        else None,
    }


def update(
    con: duckdb.DuckDBPyConnection,
    docs: Sequence[Document],
    *,
    transaction: bool = True,
    fresh: Collection[str] = (),
    index: band_index.BandIndex | None = None,
) -> None:
    """Refresh the references and near-duplicate links of these (just loaded) pages.

    `fresh`: URLs the load found new to the archive (`LoadStats.new`), which have no
    references to replace. `index`: the bands in memory, for a caller inside its own
    transaction (the backfill); otherwise the process's index for this archive is used
    (band_index.checkout) and kept for the next batch once the transaction commits.
    """
    latest = {d.url: d for d in docs}  # a URL twice in a batch: the later one was loaded
    batch = list(latest.values())
    if not batch:
        return
    if transaction:
        con.execute("BEGIN TRANSACTION")
    try:
        own_index = index is None and transaction
        if index is not None:
            bands = index
        elif transaction:
            bands = band_index.checkout(con)
        else:  # inside a caller's transaction, which may yet roll back: keep nothing
            bands = band_index.BandIndex.from_db(con)
        known = bands.signed([d.url for d in batch])
        # Content already signed (a recrawl's unchanged page, a reparse that kept the body)
        # keeps its signature, bands and pairs.
        changed = [d for d in batch if known.get(d.url) != (d.content_sha256 or d.content_hash())]
        # the signatures (numpy, which lets go of the GIL) are computed beside the
        # references (regular expressions, which do not)
        signing = _POOL.submit(near_dupes.signatures, [d.body_text for d in changed]) if changed else None
        _write_refs(con, batch, fresh)
        if signing is not None:
            _write_links(con, changed, known, *signing.result(), bands)
        token = band_index.stamp(con) if own_index else None
        if index is None and not transaction:
            band_index.forget(con)
        if transaction:
            con.execute("COMMIT")
        if token is not None:
            band_index.checkin(token, bands)
    except Exception:
        if transaction:
            with contextlib.suppress(duckdb.Error):
                con.execute("ROLLBACK")
        raise


def _write_refs(con: duckdb.DuckDBPyConnection, batch: list[Document], fresh: Collection[str] = ()) -> None:
    rows = [_ref_row(r, d) for d in batch for r in refs_of(d)]
    fresh = set(fresh)
    loaded_before = [d.url for d in batch if d.url not in fresh]
    if loaded_before:  # (a scan of proposal_refs: skipped for a batch of new pages)
        with dbmod.registered(con, "_trail_urls", "url", loaded_before, pa.string()):
            con.execute("DELETE FROM proposal_refs WHERE url IN (SELECT url FROM _trail_urls)")
    if rows:
        staged = pa.Table.from_pylist(rows, schema=pa.schema([(c, pa.string()) for c in _REF_COLUMNS]))
        con.register("_trail_refs", staged)
        try:
            cols = ", ".join(_REF_COLUMNS)
            con.execute(f"INSERT INTO proposal_refs ({cols}) SELECT {cols} FROM _trail_refs")
        finally:
            con.unregister("_trail_refs")


def _write_links(
    con: duckdb.DuckDBPyConnection,
    changed: list[Document],
    known: dict[str, str],
    sigs: np.ndarray,
    usable: np.ndarray,
    bands: band_index.BandIndex,
) -> None:
    stale = [d.url for d in changed if d.url in known]
    if stale:
        bands.remove(stale)
        with dbmod.registered(con, "_trail_stale", "url", stale, pa.string()):
            for table in ("text_signatures", "text_bands"):
                con.execute(f"DELETE FROM {table} WHERE url IN (SELECT url FROM _trail_stale)")
            con.execute(
                "DELETE FROM text_links WHERE url IN (SELECT url FROM _trail_stale)"
                " OR other_url IN (SELECT url FROM _trail_stale)"
            )
    signed = [d for d, ok in zip(changed, usable, strict=True) if ok]
    if not signed:
        return
    sigs = sigs[usable]
    buckets = near_dupes.band_buckets(sigs)
    urls = [d.url for d in signed]
    shas = [d.content_sha256 or d.content_hash() for d in signed]
    flat_urls = np.repeat(np.array(urls, dtype=object), near_dupes.BANDS)
    con.register(
        "_trail_sigs",
        pa.table(
            {
                "url": pa.array(urls, pa.string()),
                "content_sha256": pa.array(shas, pa.string()),
                "minhash": pa.array([near_dupes.to_blob(s) for s in sigs], pa.binary()),
                "copy_rank": pa.array([copy_rank(d) for d in signed], pa.string()),
            }
        ),
    )
    con.register(
        "_trail_bands",
        pa.table(
            {
                "bucket": pa.array(buckets.reshape(-1), pa.int64()),
                "url": pa.array(flat_urls.tolist(), pa.string()),
            }
        ),
    )
    try:
        con.execute(
            "INSERT INTO text_signatures (url, content_sha256, minhash, copy_rank)"
            " SELECT url, content_sha256, minhash, copy_rank FROM _trail_sigs"
        )
        con.execute("INSERT INTO text_bands SELECT bucket, url FROM _trail_bands")
    finally:
        con.unregister("_trail_sigs")
        con.unregister("_trail_bands")
    # the candidates: a lookup of the batch's bands in memory (band_index.py: DuckDB would
    # scan all of text_bands for them); with the batch's own bands in, pairs inside the
    # batch are found too
    bands.add(urls, shas, buckets)
    rows, others = bands.lookup(buckets, urls)
    candidates = {(urls[r], o) for r, o in zip(rows.tolist(), others, strict=True)}
    own = {d.url: (s, copy_rank(d)) for d, s in zip(signed, sigs, strict=True)}
    pairs = _score(con, candidates, own)
    if pairs:
        con.register(
            "_trail_pairs",
            pa.table(
                {
                    "url": pa.array([p[0] for p in pairs], pa.string()),
                    "other_url": pa.array([p[1] for p in pairs], pa.string()),
                    "score": pa.array([p[2] for p in pairs], pa.float64()),
                    "copy_url": pa.array([p[3] for p in pairs], pa.string()),
                }
            ),
        )
        try:
            con.execute(
                "INSERT INTO text_links (url, other_url, score, copy_url)"
                " SELECT url, other_url, score, copy_url FROM _trail_pairs"
            )
        finally:
            con.unregister("_trail_pairs")


def copy_rank(doc: Document) -> str:
    """Of two pages with the same text, the one with the larger rank is the copy: the one
    that names an original (原文链接), else the one off government sites, else the later
    published, else the larger URL. Kept as a sortable string beside the signature, so the
    views never read the documents to orient a pair."""
    named = "1" if doc.original_url else "0"
    off_gov = "0" if (doc.site or "").endswith("gov.cn") else "1"
    when = doc.published_at.isoformat() if doc.published_at else "0000"
    return f"{named}{off_gov}{when}|{doc.url}"


def _score(
    con: duckdb.DuckDBPyConnection,
    candidates: Iterable[tuple[str, str]],
    own: dict[str, tuple[np.ndarray, str]],
) -> list[tuple[str, str, float, str]]:
    """Candidate pairs whose signatures agree on at least THRESHOLD of their bins, in URL
    order, each with the URL of its copy (see copy_rank)."""
    pairs = {(a, b) if a < b else (b, a) for a, b in candidates}
    if not pairs:
        return []
    others = sorted({u for p in pairs for u in p if u not in own})
    sigs = dict(own)
    if others:
        with dbmod.registered(con, "_trail_others", "url", others, pa.string()):
            for url, blob, rank in con.execute(
                "SELECT url, minhash, copy_rank FROM text_signatures SEMI JOIN _trail_others USING (url)"
            ).fetchall():
                sigs[url] = (near_dupes.from_blob(blob), rank)
    row = {url: i for i, url in enumerate(sigs)}
    scored = [(a, b) for a, b in sorted(pairs) if a in row and b in row]
    if not scored:
        return []
    matrix = np.stack([sig for sig, _rank in sigs.values()])
    left = np.fromiter((row[a] for a, _ in scored), np.int64, len(scored))
    right = np.fromiter((row[b] for _, b in scored), np.int64, len(scored))
    agree = near_dupes.similarities(matrix, left, right)
    out = []
    for i in np.flatnonzero(agree >= near_dupes.THRESHOLD).tolist():
        a, b = scored[i]
        out.append((a, b, float(agree[i]), a if sigs[a][1] > sigs[b][1] else b))
    return out


def backfill(con: duckdb.DuckDBPyConnection, chunk: int = 2000) -> None:
    """Fill the tables for documents loaded before migration 008 (inside its transaction)."""
    columns = [
        "url", "final_url", "site", "source", "title", "published_at", "source_name", "original_url",
        "body_text", "issuer", "consult_org", "proposal_no", "session", "proposer",
        "proposal_title", "reply_class", "contact_unit", "doc_type", "content_sha256",
    ]  # fmt: skip
    after = ""
    bands = band_index.BandIndex.from_db(con)  # one index for all the chunks
    band_index.forget(con)  # and none kept: the migration's transaction may roll back
    while True:
        rows = con.execute(
            f"SELECT {', '.join(columns)} FROM document_versions WHERE is_current AND url > ? "
            f"ORDER BY url LIMIT {int(chunk)}",
            [after],
        ).fetchall()
        if not rows:
            return
        docs = [Document(**dict(zip(columns, row, strict=True))) for row in rows]
        update(con, docs, transaction=False, index=bands)
        after = docs[-1].url
