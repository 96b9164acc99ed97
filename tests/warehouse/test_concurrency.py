"""A crawl writing while a user reads: two real processes, as in production.

DuckDB lets one process hold the file for writing and then no other may open it, so
writers hold it per batch and readers retry. A reader must never see half a batch,
and a second writer that cannot get in must get ArchiveBusy, not a broken file.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from warehouse import db as dbmod
from warehouse.archive import Archive
from warehouse.search import search

ROOT = Path(__file__).resolve().parents[2]
BATCH = 50

WRITER = textwrap.dedent(
    """
    import sys
    from tests.warehouse.conftest import make_doc
    from warehouse.archive import Archive

    path, batches, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    with Archive(path) as a:
        for b in range(batches):
            docs = [make_doc(f"https://a.gov.cn/{b}/{i}.html", f"第{b}批提案答复{i}",
                             "关于数据中心建设的答复。" * 20, source="ahsz-zxta")
                    for i in range(batch)]
            a.load_documents([(d, None) for d in docs])
    print("done", flush=True)
    """
)

HOLDER = textwrap.dedent(
    """
    import sys, time
    from warehouse import db
    with db.writer(db.db_path(sys.argv[1])) as con:
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_readers_see_whole_batches_while_a_writer_loads(tmp_path):
    path = tmp_path / "a.duckdb"
    Archive(path).close()
    proc = _spawn(WRITER, str(path), "12", str(BATCH))
    seen: list[tuple[int, int, int]] = []
    while proc.poll() is None:
        with dbmod.reader(path) as con:
            docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            indexed = con.execute("SELECT count(*) FROM search_docs").fetchone()[0]
            hits = len(search(con, "数据中心", limit=1000))
        seen.append((docs, indexed, hits))
        time.sleep(0.01)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    with dbmod.reader(path) as con:
        seen.append((con.execute("SELECT count(*) FROM documents").fetchone()[0], 0, 0))
    assert seen[-1][0] == 12 * BATCH
    assert len(seen) > 2  # the reader got in between batches
    for docs, indexed, hits in seen[:-1]:
        assert docs % BATCH == 0  # never half a batch
        assert indexed == docs == hits  # index and documents move together


def test_second_writer_gets_a_clear_message(tmp_path):
    path = tmp_path / "a.duckdb"
    Archive(path).close()
    holder = _spawn(HOLDER, str(path), "3")
    assert holder.stdout.readline().strip() == "holding"
    start = time.monotonic()
    with pytest.raises(dbmod.ArchiveBusy, match="in use by another writer"), dbmod.writer(path, wait=0.5):
        pass
    assert time.monotonic() - start < 2.5
    holder.wait(10)
    # the file is intact and writable afterwards
    with dbmod.writer(path) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)


def test_reader_waits_for_a_short_write(tmp_path):
    path = tmp_path / "a.duckdb"
    Archive(path).close()
    holder = _spawn(HOLDER, str(path), "0.7")
    assert holder.stdout.readline().strip() == "holding"
    with dbmod.reader(path, wait=10) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (0,)
    holder.wait(10)
