"""The archive's LSH bands held in memory by the process that writes them, so a batch's
candidate search is a lookup per new band instead of a scan of `text_bands`.

Why not in DuckDB: it has no index join. Measured on 1.6 million bands (100,000 pages,
DuckDB 1.5): the batch's 16,000 bands hash-joined with `text_bands` scan the whole table
(13 ms at 10,000 pages, 63 ms at 100,000, and on), an `IN` list of constants is planned as
a join too, and an ART index probed through `INSERT ... ON CONFLICT` cost 0.7-1.3 s a batch
once the file had been reopened. Here the bands are sorted numpy runs (an LSM: a batch adds
a run, runs of similar size are merged, so each band is copied O(log n) times in all and a
lookup is one binary search per run), built from one scan of the tables the first time a
process writes an archive, then kept current by `paper_trail.update` itself.

The tables stay the truth. `text_bands_state` (migration 014) holds a random token that
every write of the bands replaces; an index is reused only while the archive's token is the
one it was stored under, so another process's load, a rolled-back batch or a migration's
backfill (which writes no token) makes the next batch rebuild from the tables instead of
trusting a stale copy. Memory: 12 bytes a band, 16 bands a page (~19 MB at 100,000 pages)
plus each signed URL once.
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KEEP = 2  # archives whose index a process keeps (a test suite alternates between a few)
_CACHE: OrderedDict[int, BandIndex] = OrderedDict()
_LOCK = threading.Lock()


@dataclass
class BandIndex:
    """Every signed page's bands: sorted runs of (bucket, owner id), URLs by owner id."""

    runs: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)  # owner id -> URL (dead ids kept)
    owner: dict[str, int] = field(default_factory=dict)  # URL -> its live owner id
    sha: dict[str, str] = field(default_factory=dict)  # URL -> content_sha256 signed
    live: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))

    @classmethod
    def from_db(cls, con: duckdb.DuckDBPyConnection) -> BandIndex:
        """One scan of text_signatures and text_bands."""
        index = cls()
        signed = con.execute("SELECT url, content_sha256 FROM text_signatures").fetchall()
        index.urls = [u for u, _ in signed]
        index.owner = {u: i for i, u in enumerate(index.urls)}
        index.sha = dict(signed)
        index.live = np.ones(len(index.urls), dtype=bool)
        bands = con.execute("SELECT bucket, url FROM text_bands").to_arrow_table()
        if bands.num_rows and index.urls:
            ids = pc.index_in(bands.column("url"), value_set=pa.array(index.urls, pa.string()))
            ok = pc.is_valid(ids)
            buckets = bands.column("bucket").filter(ok).to_numpy()
            owners = ids.filter(ok).to_numpy().astype(np.int32)
            order = np.argsort(buckets, kind="stable")
            index.runs = [(buckets[order], owners[order])]
        return index

    def signed(self, urls: list[str]) -> dict[str, str]:
        """url -> content_sha256 of the signatures these pages already have."""
        return {u: self.sha[u] for u in urls if u in self.sha}

    def remove(self, urls: list[str]) -> None:
        for url in urls:
            i = self.owner.pop(url, None)
            if i is not None:
                self.live[i] = False
                self.sha.pop(url, None)

    def add(self, urls: list[str], shas: list[str], buckets: np.ndarray) -> None:
        """Pages (not yet in the index) with their bands, int64 [len(urls), BANDS]."""
        first = len(self.urls)
        ids = np.arange(first, first + len(urls), dtype=np.int32)
        self.urls.extend(urls)
        for url, sha, i in zip(urls, shas, ids.tolist(), strict=True):
            self.owner[url] = i
            self.sha[url] = sha
        self.live = np.concatenate([self.live, np.ones(len(urls), dtype=bool)])
        flat = buckets.reshape(-1)
        owners = np.repeat(ids, buckets.shape[1])
        order = np.argsort(flat, kind="stable")
        self.runs.append((flat[order], owners[order]))
        # merge the newest runs while the last is at least half the one before it: run
        # sizes at least double from newest to oldest, so there are O(log n) of them
        while len(self.runs) >= 2 and 2 * len(self.runs[-1][0]) >= len(self.runs[-2][0]):
            (k1, o1), (k2, o2) = self.runs.pop(-2), self.runs.pop()
            keys, owners = np.concatenate([k1, k2]), np.concatenate([o1, o2])
            keep = self.live[owners]
            keys, owners = keys[keep], owners[keep]
            order = np.argsort(keys, kind="stable")  # timsort: two sorted runs merge in O(n)
            self.runs.append((keys[order], owners[order]))

    def lookup(self, buckets: np.ndarray, pages: list[str] | None = None) -> tuple[np.ndarray, list[str]]:
        """(row of `buckets`, URL) of every live page holding one of the buckets in that row.

        `buckets`: int64 [rows, k]; `pages[row]`: the page the row's buckets are from, which
        is left out of the row's answer."""
        flat = buckets.reshape(-1)
        width = buckets.shape[1] if buckets.ndim == 2 else 1
        found, owners = [], []
        for keys, own in self.runs:
            lo = np.searchsorted(keys, flat, "left")
            n = np.searchsorted(keys, flat, "right") - lo
            hit = np.flatnonzero(n)
            if not len(hit):
                continue
            counts = n[hit]
            starts = np.repeat(lo[hit] - (np.cumsum(counts) - counts), counts)
            found.append(np.repeat(hit, counts))
            owners.append(own[starts + np.arange(int(counts.sum()))])
        if not found:
            return np.empty(0, dtype=np.int64), []
        row, owner = np.concatenate(found) // width, np.concatenate(owners)
        keep = self.live[owner]
        if pages is not None:
            ids = np.array([self.owner.get(u, -1) for u in pages], dtype=np.int64)
            keep &= owner != ids[row]
        return row[keep], [self.urls[i] for i in owner[keep].tolist()]


def _token(con: duckdb.DuckDBPyConnection) -> int | None:
    row = con.execute("SELECT max(token) FROM text_bands_state").fetchone()
    return None if row is None else row[0]


def checkout(con: duckdb.DuckDBPyConnection) -> BandIndex:
    """The archive's index (inside the writer's transaction): the one this process kept
    under the archive's current token, else built from the tables. It is the caller's
    until `checkin`; an error in between just drops it."""
    token = _token(con)
    with _LOCK:
        index = _CACHE.pop(token, None) if token is not None else None
    return index if index is not None else BandIndex.from_db(con)


def stamp(con: duckdb.DuckDBPyConnection) -> int:
    """A new token for the archive's bands (in the writer's transaction)."""
    token = secrets.randbits(63)
    con.execute("DELETE FROM text_bands_state")
    con.execute("INSERT INTO text_bands_state (token) VALUES (?)", [token])
    return token


def checkin(token: int, index: BandIndex) -> None:
    """Keep the index for the next batch, once the transaction that wrote `token` committed."""
    with _LOCK:
        _CACHE[token] = index
        while len(_CACHE) > KEEP:
            _CACHE.popitem(last=False)


def forget(con: duckdb.DuckDBPyConnection) -> None:
    """Bands written without an index (a migration's backfill): no process may reuse one."""
    has = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'text_bands_state'"
        " AND schema_name = current_schema()"
    ).fetchone()
    if has and has[0]:
        con.execute("DELETE FROM text_bands_state")
