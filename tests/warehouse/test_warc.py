"""The raw archive opens in the WARC library's own reader and matches the fetches table."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import duckdb
from warcio.archiveiterator import ArchiveIterator

from tests.warehouse.conftest import make_fetch
from warehouse.warc import payload_digest

PAGE = ("<html><body>" + "宿州市科技局关于数据中心建设提案的答复。" * 60 + "</body></html>").encode()
OTHER = ("<html><body>" + "宁夏政协提案工作动态。" * 80 + "</body></html>").encode()


def _store_sample(archive):
    first = archive.store_fetches(
        [
            make_fetch("https://a.gov.cn/1.html", PAGE),
            make_fetch("https://a.gov.cn/2.html", OTHER, headers=[("Content-Encoding", "gzip")]),
            make_fetch("https://a.gov.cn/copy.html", PAGE),  # same payload, same batch
            make_fetch("https://a.gov.cn/missing.html", b"not found", status=404),
        ],
        source="nxzx-tagz",
        run_id="run-1",
    )
    second = archive.store_fetches([make_fetch("https://a.gov.cn/1.html", PAGE)], source="nxzx-tagz")
    return first + second


def test_identical_payloads_become_revisits_and_read_back(archive):
    ids = _store_sample(archive)
    con = duckdb.connect(str(archive.path), read_only=True)
    rows = con.execute(
        "SELECT fetch_id, warc_type, revisit_of FROM fetches ORDER BY fetch_id"
    ).fetchall()
    con.close()
    assert rows == [
        (ids[0], "response", None),
        (ids[1], "response", None),
        (ids[2], "revisit", ids[0]),
        (ids[3], "response", None),
        (ids[4], "revisit", ids[0]),
    ]
    for fid, body in zip(ids, (PAGE, OTHER, PAGE, b"not found", PAGE), strict=True):
        stored = archive.read_raw(fid)
        assert stored.content == body
        assert stored.status in (200, 404)
    assert archive.read_raw(ids[4]).url == "https://a.gov.cn/1.html"
    assert archive.read_raw(ids[1]).header("X-Archive-Orig-Content-Encoding") == "gzip"


def test_warc_files_validate_record_by_record(archive):
    _store_sample(archive)
    archive.close()
    con = duckdb.connect(str(archive.path), read_only=True)
    fetches = con.execute(
        "SELECT warc_file, warc_offset, warc_length, warc_record_id, warc_type, url, size,"
        " payload_sha256, revisit_of, fetch_id FROM fetches ORDER BY fetch_id"
    ).fetchall()
    con.close()
    records = {}
    for file in sorted({f[0] for f in fetches}):
        with open(archive.root / file, "rb") as fh:
            it = ArchiveIterator(fh, check_digests="raise")
            for rec in it:
                body = rec.content_stream().read()
                records[(file, it.get_record_offset())] = (rec, it.get_record_length(), body)
    kinds = [r[0].rec_type for r in records.values()]
    assert kinds[0] == "warcinfo"
    assert kinds.count("request") == len(fetches)
    by_id = {f[9]: f for f in fetches}
    for file, offset, length, record_id, wtype, url, size, sha, revisit_of, _ in fetches:
        rec, rec_length, body = records[(file, offset)]
        assert rec.rec_type == wtype
        assert rec_length == length
        assert rec.rec_headers.get_header("WARC-Record-ID") == record_id
        assert rec.rec_headers.get_header("WARC-Target-URI") == url
        assert rec.rec_headers.get_header("WARC-Date").endswith("Z")
        if wtype == "response":
            assert len(body) == size and hashlib.sha256(body).hexdigest() == sha
            assert rec.rec_headers.get_header("WARC-Payload-Digest") == payload_digest(body)
        else:
            original = by_id[revisit_of]
            orig_rec = records[(original[0], original[1])][0]
            assert body == b""
            assert rec.rec_headers.get_header("WARC-Profile").endswith("identical-payload-digest")
            assert rec.rec_headers.get_header("WARC-Refers-To") == original[3]
            assert rec.rec_headers.get_header("WARC-Refers-To-Target-URI") == original[5]
            assert rec.rec_headers.get_header("WARC-Payload-Digest") == orig_rec.rec_headers.get_header(
                "WARC-Payload-Digest"
            )


def test_warcio_cli_indexes_the_files(archive):
    _store_sample(archive)
    archive.close()
    files = sorted(str(p) for p in (archive.root / "warc").glob("*.warc.gz"))
    out = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "index", "-f", "warc-type,warc-target-uri", *files],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = out.stdout.splitlines()
    check = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "check", "-v", *files], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout
    assert sum('"response"' in line for line in lines) == 3
    assert sum('"revisit"' in line for line in lines) == 2
