"""Archives in one folder share `warc/`: each adopts orphans only from the files it wrote.

The fixture `fixtures/pre006.tar.gz` was made by the code before migration 006
(`fixtures/make_pre006.py`, run on commit c7d519f): `a.duckdb` ingested U1 (file A1),
committed U4 and was killed after writing U5 (file A2), and was killed after writing U3
before any commit (file A3); then `b.duckdb` ingested U2 (file B1) and, as issue 21
reports, took U1, U4, U5 and U3 in as its own orphans.
"""

from __future__ import annotations

import logging
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.archive_rows import rows as _rows
from tests.resilience.helpers import warcio_check
from warehouse.archive import Archive
from warehouse.exchange import FetchResult
from warehouse.warc_owner import named_id, warcinfo_id

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).parent / "fixtures" / "pre006.tar.gz"
URL = "http://www.example.gov.cn/public/{}.html"
A1 = "warc/govarchive-20261201082121-16174-00001.warc.gz"  # U1, referenced by a
A2 = "warc/govarchive-20261201082129-18058-00001.warc.gz"  # U4 referenced by a, U5 its killed tail
A3 = "warc/govarchive-20261201082132-18076-00001.warc.gz"  # U3, referenced by no row of a
B1 = "warc/govarchive-20261201082204-18088-00001.warc.gz"  # U2, referenced by b

STORE_ONE = """
import sys
from pathlib import Path
from warehouse.archive import Archive
from warehouse.exchange import FetchResult
db, url = sys.argv[1:3]
with Archive(Path(db)) as archive:
    archive.store_fetches([FetchResult(url=url, final_url=url, status=200, reason="OK",
        headers=[("Content-Type", "text/html")], content=url.encode() * 40)])
"""


def _store_elsewhere(db: Path, url: str) -> None:
    """Store one page from another process, as another crawl would (its pid then dies)."""
    subprocess.run([sys.executable, "-c", STORE_ONE, str(db), url], cwd=ROOT, check=True)


def _store_here(db: Path, url: str) -> Archive:
    archive = Archive(db)
    archive.store_fetches([FetchResult(url=url, final_url=url, status=200, reason="OK",
                                       headers=[("Content-Type", "text/html")], content=url.encode() * 40)])  # fmt: skip
    archive.close()
    return archive


def _fetches(db: Path) -> list[tuple[str, str, str]]:
    rows = _rows(db, "SELECT kind, url, warc_file FROM fetches ORDER BY fetch_id")
    return [(k, u.rsplit("/", 1)[-1].removesuffix(".html"), f) for k, u, f in rows]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    with tarfile.open(FIXTURE) as tar:
        tar.extractall(tmp_path / "data", filter="data")
    return tmp_path / "data"


def test_pre006_archives_attribute_files_by_their_own_fetches(
    folder: Path, caplog: pytest.LogCaptureFixture
) -> None:
    a, b = folder / "a.duckdb", folder / "b.duckdb"
    _store_elsewhere(a, URL.format(6))  # upgrades a, adopts from a's files only, writes U6
    new_a = [f for (f,) in _rows(a, "SELECT warc_file FROM fetches WHERE url LIKE '%/6.html'")]
    assert _fetches(a) == [
        ("page", "1", A1), ("page", "4", A2), ("orphan", "5", A2),  # U5: a's own killed tail
        ("page", "6", new_a[0]),
    ]  # fmt: skip
    (a_id,) = _rows(a, "SELECT archive_id FROM archive_identity")[0]
    assert named_id(new_a[0]) == a_id and warcinfo_id(folder / new_a[0]) == a_id
    assert _rows(a, "SELECT warc_file, fetches FROM warc_legacy_files ORDER BY 1") == [(A1, 1), (A2, 1)]
    assert _rows(a, "SELECT warc_file, referenced FROM warc_unattributed ORDER BY 1") == [(A3, 0), (B1, 0)]

    with caplog.at_level(logging.WARNING, logger="govarchive.warehouse"):
        _store_here(b, URL.format(7))  # a's new file is named as a's: b never reads it
    assert _fetches(b)[:5] == [
        ("orphan", "1", A1), ("orphan", "4", A2), ("orphan", "5", A2), ("orphan", "3", A3), ("page", "2", B1),
    ]  # fmt: skip  (what the old code adopted stays, and nothing more is taken)
    assert [(k, u) for k, u, _ in _fetches(b)[5:]] == [("page", "7")]
    assert _rows(b, "SELECT warc_file, fetches FROM warc_legacy_files") == [(B1, 1)]
    assert _rows(b, "SELECT warc_file, referenced FROM warc_unattributed ORDER BY 1") == [
        (A1, 1), (A2, 2), (A3, 1)
    ]  # fmt: skip
    [line] = [r.getMessage() for r in caplog.records if r.name == "govarchive.warehouse"]
    assert line.startswith("3 WARC file(s) in ") and "left alone" in line and "4 fetches rows" in line

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="govarchive.warehouse"):
        _store_here(b, URL.format(8))  # reported once, not at every writer
    assert not [r for r in caplog.records if r.name == "govarchive.warehouse"]

    for db in (a, b):  # an archive made before the change keeps reading its records where they are
        with Archive(db) as archive:
            for (fetch_id,) in _rows(db, "SELECT fetch_id FROM fetches"):
                assert archive.read_raw(fetch_id).status == 200
    assert _rows(a, "SELECT title FROM documents") == [("第1号提案的答复",)]
    assert warcio_check(sorted((folder / "warc").glob("*.warc.gz"))) == ""


def test_a_file_named_as_ours_whose_warcinfo_names_another_is_not_adopted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    a, b = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    _store_elsewhere(a, URL.format(1))
    _store_here(b, URL.format(2))
    (b_id,) = _rows(b, "SELECT archive_id FROM archive_identity")[0]
    (a_id,) = _rows(a, "SELECT archive_id FROM archive_identity")[0]
    [a_file] = [p for p in (tmp_path / "warc").glob(f"*-{a_id}-*")]
    renamed = a_file.with_name(a_file.name.replace(a_id, b_id))
    a_file.rename(renamed)  # someone renamed a's file: its warcinfo still says whose it is
    with caplog.at_level(logging.WARNING, logger="govarchive.warehouse"):
        _store_here(b, URL.format(3))
    assert [u for _, u, _ in _fetches(b)] == ["2", "3"]
    assert _rows(b, "SELECT warc_file, reason FROM warc_unattributed") == [
        (f"warc/{renamed.name}", "named with this archive's id, but its warcinfo names another archive")
    ]  # fmt: skip
