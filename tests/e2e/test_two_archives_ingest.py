"""Issue 21's reproduction: two archives ingesting into one folder keep to their own records.

    govarchive --db a.duckdb ingest --file p1.html --url U1
    govarchive --db b.duckdb ingest --file p2.html --url U2

Before WARC files had owners, `b`'s `fetches` then held U1 as `kind = orphan`: `a`'s
record, in the shared `warc/`, written by a process that was gone.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from prefect.settings import PREFECT_API_URL
from typer.testing import CliRunner

from flows.cli import app
from tests.resilience.helpers import sql, warcio_check

PAGE = "<html><head><title>关于第{0}号提案的答复</title></head><body><p>第{0}号提案答复正文。</p>{1}</body></html>"
U = "http://www.example.gov.cn/public/{}.html"


def _page(folder: Path, n: int) -> str:
    page = folder / f"p{n}.html"
    page.write_text(PAGE.format(n, "<p>内容。</p>" * 50), encoding="utf-8")
    return page.name


def test_two_archives_ingesting_in_one_folder_never_take_each_others_records(
    prefect_api: None, tmp_path: Path, monkeypatch
) -> None:
    # a's ingest in its own process, which then ends, as the first command does
    govarchive = Path(sys.executable).parent / "govarchive"
    env = {**os.environ, "PREFECT_API_URL": str(PREFECT_API_URL.value())}  # the session's API
    first = subprocess.run([str(govarchive), "--db", "a.duckdb", "ingest", "--file", _page(tmp_path, 1), "--url", U.format(1)],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False)  # fmt: skip
    assert first.returncode == 0, first.stderr[-3000:]
    # b's, in this process: it finds a's file in warc/, its writer gone
    monkeypatch.chdir(tmp_path)
    second = CliRunner().invoke(app, ["--db", "b.duckdb", "ingest", "--file", _page(tmp_path, 2), "--url", U.format(2)],
                                catch_exceptions=False)  # fmt: skip
    assert second.exit_code == 0, second.output
    assert "warc_unattributed" not in first.stderr + second.output  # nothing here is anyone's but a's or b's
    assert sql(tmp_path / "b.duckdb", "SELECT kind, url FROM fetches") == [("page", U.format(2))]
    assert sql(tmp_path / "a.duckdb", "SELECT kind, url FROM fetches") == [("page", U.format(1))]
    assert warcio_check(sorted((tmp_path / "warc").glob("*.warc.gz"))) == ""
