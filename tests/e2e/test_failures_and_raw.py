"""Failures a user can act on: `failures` lists and re-queues them, `raw` pulls bytes out of the WARC files."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from typer.testing import CliRunner

from flows.cli import app
from flows.crawl import crawl
from flows.crawl_options import CrawlOptions
from tests.archive_rows import rows as _sql
from tests.replica.server import ReplicaServer

KJJ = "kjj.ahsz.gov.cn"


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_failures_raw_and_attachment_fetches(db_path: Path, tmp_path: Path) -> None:
    with ReplicaServer(articles={"kjj": 8}, mode="thread") as rs:
        truth = rs.control.truth("kjj", text=False)
        broken = truth[2].path
        rs.control.fault(KJJ, broken, "status", code=404)
        opts = CrawlOptions(base_url=rs.base_url(KJJ), rps=0, concurrency=4)
        asyncio.run(crawl("ahsz-kjj", str(db_path), opts))
        good = truth[0].path
        served = httpx.get(rs.url(KJJ, good)).content
        [(att_id, att_url, att_mirror)] = _sql(
            db_path,
            "SELECT a.fetch_id, a.attachment_url, f.url FROM attachment_fetches a JOIN fetches f USING (fetch_id)"
            " WHERE a.ok ORDER BY a.fetch_id LIMIT 1",
        )
        served_attachment = httpx.get(att_mirror).content

    listed = run("--db", str(db_path), "failures")
    assert listed.exit_code == 0, listed.output
    assert broken.rsplit("/", 1)[-1] in listed.stdout and "status 404" in listed.stdout
    assert "1 failure(s)" in listed.stderr
    assert _sql(db_path, "SELECT state, attempts FROM frontier WHERE url LIKE '%" + broken + "'") == [("failed", 1)]
    again = run("--db", str(db_path), "failures", "--source", "ahsz-kjj", "--retry")
    assert again.exit_code == 0 and "1 URL(s) queued again" in again.stderr
    assert _sql(db_path, "SELECT state, attempts FROM frontier WHERE url LIKE '%" + broken + "'") == [("pending", 0)]

    page = run("--db", str(db_path), "raw", "https://kjj.ahsz.gov.cn" + good)
    assert page.exit_code == 0 and page.stdout_bytes == served  # the bytes as received
    out = tmp_path / "attachment.bin"
    saved = run("--db", str(db_path), "raw", str(att_id), "--out", str(out))
    assert saved.exit_code == 0, saved.output
    assert out.read_bytes() == served_attachment and att_url.startswith("https://kjj.ahsz.gov.cn/")
    missing = run("--db", str(db_path), "raw", "https://kjj.ahsz.gov.cn/nothing.html")
    assert missing.exit_code == 1 and "nothing archived for" in missing.stderr
    assert not _sql(db_path, "SELECT * FROM attachment_fetches WHERE fetch_id IS NULL")
