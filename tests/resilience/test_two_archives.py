"""Two archives in one folder (as `data/archive.duckdb` and `data/demo.duckdb` are), each
crawled and SIGKILLed mid-batch, each resumed: each adopts its own orphans, none of the other's.

Both write to the one `warc/` folder; a killed writer's batch sits there fsynced with no
`fetches` row. Without owners, the first archive to resume took in the other's records.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.replica.server import ReplicaServer
from tests.resilience.helpers import sql, warcio_check
from warehouse.warc_owner import named_id

ROOT = Path(__file__).resolve().parents[2]
ARTICLES, BATCH = 8, 4
ARCHIVES = {"archive": ("ahsz-kjj", "kjj"), "demo": ("nxzx-tagz", "nxzx")}  # db name: (source, site)
ENV = {**os.environ, "GOVARCHIVE_STORE_WORKER": "0"}


@pytest.fixture(scope="module")
def rs() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles={site: ARTICLES for _, site in ARCHIVES.values()}, mode="thread") as server:
        yield server


def _crawl(rs: ReplicaServer, db: Path, *, killed_at: int | None = None) -> subprocess.CompletedProcess[str]:
    source, site = ARCHIVES[db.stem]
    child = ["tests.resilience.crawl_child"] if killed_at is None else ["tests.resilience.crawl_child_killed", str(killed_at)]
    return subprocess.run([sys.executable, "-m", *child, str(db), source, rs.base_url(site), str(BATCH)],
                          cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=180, check=False)  # fmt: skip


def _responses(path: Path) -> set[str]:
    with open(path, "rb") as fh:
        return {r.rec_headers.get_header("WARC-Record-ID") for r in ArchiveIterator(fh) if r.rec_type == "response"}


@pytest.mark.timeout(600)
def test_two_archives_in_one_folder_adopt_only_their_own_orphans(rs: ReplicaServer, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    dbs = [folder / f"{name}.duckdb" for name in ARCHIVES]
    for db in dbs:  # both killed before either resumes: each finds the other's orphans in warc/
        proc = _crawl(rs, db, killed_at=2)
        assert proc.returncode == -signal.SIGKILL, proc.stderr[-3000:]
    files = sorted((folder / "warc").glob("*.warc.gz"))
    assert len(files) == 2
    for db in dbs:
        proc = _crawl(rs, db)
        assert proc.returncode == 0 and '"status": "finished"' in proc.stdout, proc.stderr[-3000:]

    files = sorted((folder / "warc").glob("*.warc.gz"))
    for db in dbs:
        _, site = ARCHIVES[db.stem]
        (me,) = sql(db, "SELECT archive_id FROM archive_identity")[0]
        mine = [f for f in files if named_id(f.name) == me]
        assert len(mine) == 2  # the killed run's file and the resumed run's
        urls = [u for (u,) in sql(db, "SELECT DISTINCT url FROM fetches")]
        assert urls and all(u.startswith(rs.base_url(site)) for u in urls), urls  # only its own URLs
        refs = {f for (f,) in sql(db, "SELECT DISTINCT warc_file FROM fetches WHERE warc_file IS NOT NULL")}
        assert refs == {f"warc/{f.name}" for f in mine}
        orphans = sql(db, "SELECT url, warc_file FROM fetches WHERE kind = 'orphan'")
        assert len(orphans) == BATCH, orphans  # the killed batch, adopted by its own archive
        referenced = {r for (r,) in sql(db, "SELECT warc_record_id FROM fetches WHERE warc_record_id IS NOT NULL")}
        for f in mine:
            assert _responses(f) <= referenced, f.name  # nothing its writers left behind is unindexed
        assert sql(db, "SELECT count(*), count(DISTINCT url) FROM documents")[0] == (ARTICLES, ARTICLES)
        twice = sql(db, "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM fetches"
                        " WHERE warc_type = 'response' AND status BETWEEN 200 AND 299 AND size >= 512"
                        " GROUP BY payload_sha256)")[0][0]  # fmt: skip
        assert twice == 0  # the resumed crawl's copies of the orphaned pages are revisits
        assert sql(db, "SELECT count(*) FROM warc_unattributed")[0][0] == 0  # nothing to report here
    assert warcio_check(files) == ""
