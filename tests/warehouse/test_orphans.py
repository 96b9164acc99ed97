"""A writer killed between its WARC records and their `fetches` rows: the next writer adopts them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from warehouse.archive import Archive
from warehouse.exchange import FetchResult

PAGE = "<html><body><p>关于市政协六届二次会议第0321号提案的答复</p></body></html>".encode() * 20
URL = "http://www.example.gov.cn/public/1/2.html"

KILLED_WRITER = f"""
import os, sys
from pathlib import Path
from warehouse.archive import Archive
from warehouse.exchange import FetchResult
archive = Archive(Path(sys.argv[1]) / "archive.duckdb")
headers = [("Content-Type", "text/html; charset=utf-8")]
# a first batch is committed, so the orphan sits after a referenced record in the same file
archive.store_fetches([FetchResult(url={URL!r} + "?first", final_url={URL!r} + "?first",
                                   status=200, reason="OK", headers=headers, content=b"first")])
archive.warc.write(FetchResult(url={URL!r}, final_url={URL!r}, status=200, reason="OK",
                               headers=headers, content={PAGE!r}))
os._exit(9)  # dies before the second batch's fetches row is written
"""


def test_orphan_records_are_adopted_and_not_stored_again(tmp_path: Path) -> None:
    db = tmp_path / "archive.duckdb"
    Archive(db).close()
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], cwd=root, check=False)
    assert proc.returncode == 9

    with Archive(db) as archive:
        (fetch_id,) = archive.store_fetches(
            [FetchResult(url=URL, final_url=URL, status=200, reason="OK",
                         headers=[("Content-Type", "text/html; charset=utf-8")], content=PAGE)]
        )  # fmt: skip
        assert archive.read_raw(fetch_id).content == PAGE  # the revisit leads to the adopted copy
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT kind, warc_type FROM fetches ORDER BY fetch_id").fetchall()
    con.close()
    assert rows == [("page", "response"), ("orphan", "response"), ("page", "revisit")]
