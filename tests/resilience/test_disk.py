"""A full disk fails the run cleanly: one line, exit 1, the archive readable, nothing lost.

Mechanism: a 5 MiB tmpfs mounted over the archive's folder (needs root and mount);
skipped, with the reason, where that is not possible. After the failure the file
system is enlarged (remount) and the same crawl resumes to the full result.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from tests.replica.server import ReplicaServer
from tests.resilience.helpers import sql

ARTICLES = 60
DISK = "5m"


@pytest.fixture
def tiny_disk(db_path: Path) -> Iterator[Path]:
    folder = db_path.parent
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK}", "tmpfs", str(folder)], capture_output=True, text=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tiny tmpfs here (needs root/CAP_SYS_ADMIN): {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True)
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@pytest.fixture
def site() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles={"kjj": ARTICLES}, mode="thread") as rs:
        yield rs


def test_full_disk_fails_the_crawl_cleanly_and_resume_completes(cli, site: ReplicaServer, tiny_disk: Path,
                                                                db_path: Path) -> None:  # fmt: skip
    args = ("crawl", "ahsz-kjj", "--base-url", site.base_url("kjj"), "--rps", "1000", "--concurrency", "8")  # --rps 0 is refused
    result = cli(*args)
    assert result.exit_code == 1, result.output
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert lines and lines[-1].startswith("error: the archive could not be written (No space left on device)")
    assert "Traceback" not in result.output, result.output

    # the archive is readable on the full disk itself, and holds what was committed
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        kept = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        con.execute("SELECT count(*) FROM fetches").fetchone()
    finally:
        con.close()
    print(f"\n{kept} of {ARTICLES} documents committed before the disk filled")  # varies: DuckDB grows in bursts

    subprocess.run(["mount", "-o", "remount,size=64m", str(tiny_disk)], check=True)
    again = cli(*args)
    assert again.exit_code == 0, again.output
    assert sql(db_path, "SELECT count(*), count(DISTINCT url) FROM document_versions") == [(ARTICLES, ARTICLES)]
    statuses = [s for (s,) in sql(db_path, "SELECT status FROM crawl_runs ORDER BY started_at")]
    assert statuses[-1] == "finished" and statuses[0] in ("failed", "interrupted"), statuses


def test_full_disk_fails_ingest_with_one_line(cli, tiny_disk: Path, db_path: Path, tmp_path: Path) -> None:
    filler = tiny_disk / "filler"
    with filler.open("wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError:
            pass
    page = tmp_path / "page.html"
    page.write_text("<html><body><div id='zoom'><p>正文内容</p></div></body></html>", encoding="utf-8")
    result = cli("ingest", "--file", str(page), "--url", "https://www.example.gov.cn/a.html")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output, result.output
    assert result.stderr.strip().splitlines()[-1].startswith("error: the archive could not be written")
    filler.unlink()
    assert cli("ingest", "--file", str(page), "--url", "https://www.example.gov.cn/a.html").exit_code == 0
    assert sql(db_path, "SELECT count(*) FROM documents") == [(1,)]
