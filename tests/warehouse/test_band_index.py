"""warehouse.band_index: the bands a writing process keeps in memory find what a join with
text_bands would, and are never trusted once the archive's bands changed without them."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pytest

from tests.replica.trail import score as sc
from tests.replica.trail.pages import PAGES
from warehouse import band_index, paper_trail
from warehouse.archive import Archive


def test_lookup_finds_what_a_join_would() -> None:
    """Batches added, pages removed and re-added, runs merged: every lookup equals a
    brute-force join of the live (bucket, url) rows."""
    rng = np.random.default_rng(7)
    index = band_index.BandIndex()
    rows: dict[str, np.ndarray] = {}
    for batch in range(12):
        urls = [f"u{batch}-{i}" for i in range(int(rng.integers(1, 40)))]
        buckets = rng.integers(0, 400, size=(len(urls), 4))  # small range: many collisions
        gone = [u for u in rows if rng.random() < 0.1]
        index.remove(gone)
        for u in gone:
            del rows[u]
        index.add(urls, ["sha"] * len(urls), buckets)
        rows.update(zip(urls, buckets, strict=True))
        probe = rng.integers(0, 400, size=50)
        hit, found = index.lookup(probe.reshape(-1, 1))
        got = sorted(zip(hit.tolist(), found, strict=True))
        want = sorted((i, u) for i, b in enumerate(probe.tolist()) for u, bs in rows.items() if b in bs.tolist()
                      for _ in range(bs.tolist().count(b)))  # fmt: skip
        assert got == want
    assert len(index.runs) <= 5  # merged as it grew (sizes at least double)
    some = list(rows)[:3]
    hit, found = index.lookup(np.stack([rows[u] for u in some]), some)
    got = sorted(zip(hit.tolist(), found, strict=True))
    want = sorted({(i, u) for i, p in enumerate(some) for u, bs in rows.items() if u != p
                   and set(bs.tolist()) & set(rows[p].tolist())})  # fmt: skip
    assert sorted(set(got)) == want  # every other page sharing a bucket, never the page itself
    assert index.signed(["u0-0", "nowhere"]).keys() <= {"u0-0"}


def _bands(con: duckdb.DuckDBPyConnection) -> set[tuple[int, str]]:
    return set(con.execute("SELECT bucket, url FROM text_bands").fetchall())


def _kept(index: band_index.BandIndex) -> set[tuple[int, str]]:
    return {(int(k), index.urls[o]) for keys, own in index.runs for k, o in zip(keys, own, strict=True)
            if index.live[o]}  # fmt: skip


def test_the_kept_index_matches_the_tables(tmp_path: Path) -> None:
    db = tmp_path / "a.duckdb"
    with Archive(db) as archive:
        sc.load(archive, PAGES[: len(PAGES) // 2])
        sc.load(archive, PAGES[len(PAGES) // 2 :])
    with duckdb.connect(str(db), read_only=True) as con:
        token = con.execute("SELECT token FROM text_bands_state").fetchone()[0]
        assert _kept(band_index._CACHE[token]) == _bands(con)
        assert band_index.BandIndex.from_db(con).sha == band_index._CACHE[token].sha


def test_a_batch_that_fails_leaves_no_index_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "b.duckdb"
    with Archive(db) as archive:
        sc.load(archive, PAGES[:3])
    with duckdb.connect(str(db), read_only=True) as con:
        token = con.execute("SELECT token FROM text_bands_state").fetchone()[0]
    assert token in band_index._CACHE

    def fail(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("disk full")

    with monkeypatch.context() as m, Archive(db) as archive:
        m.setattr(paper_trail, "_score", fail)
        with pytest.raises(RuntimeError):
            sc.load(archive, PAGES[3:])
    assert token not in band_index._CACHE  # its bands were changed in memory, then rolled back
    with Archive(db) as archive:
        sc.load(archive, PAGES[3:])  # rebuilt from the tables, then the batch's bands added
    with duckdb.connect(str(db), read_only=True) as con:
        token = con.execute("SELECT token FROM text_bands_state").fetchone()[0]
        assert _kept(band_index._CACHE[token]) == _bands(con)


def test_another_writer_makes_the_kept_index_stale(tmp_path: Path) -> None:
    """A second process's load replaces the token: this process rebuilds instead of
    reusing bands that miss the other's pages (here: the other pages' copies)."""
    db = tmp_path / "c.duckdb"
    with Archive(db) as archive:
        sc.load(archive, PAGES[::2])
    band_index._CACHE.clear()  # what "another process" starts with
    with Archive(db) as archive:
        sc.load(archive, PAGES[1::2])
    with duckdb.connect(str(db), read_only=True) as con:
        token = con.execute("SELECT token FROM text_bands_state").fetchone()[0]
        assert _kept(band_index._CACHE[token]) == _bands(con)
        links = set(con.execute("SELECT url, other_url FROM text_links").fetchall())
    clean = tmp_path / "clean.duckdb"
    with Archive(clean) as archive:
        sc.load(archive)
    with duckdb.connect(str(clean), read_only=True) as con:
        assert set(con.execute("SELECT url, other_url FROM text_links").fetchall()) == links
