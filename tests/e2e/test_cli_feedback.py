"""Feedback on blocked work: a wait for the archive is announced; Ctrl-C is one line; Prefect's chatter stays out."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from flows.cli import app
from warehouse.archive import Archive

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.close()
"""


def _holder(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the archive for writing (as a crawl does between batches)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def _archive(tmp_path: Path) -> Path:
    db = tmp_path / "archive.duckdb"
    Archive(db).close()
    return db


def test_a_reader_says_it_is_waiting_then_answers(tmp_path: Path) -> None:
    db = _archive(tmp_path)
    holder = _holder(db, 2.5)
    try:
        result = CliRunner().invoke(app, ["--db", str(db), "query", "--format", "csv", "SELECT 42 AS x"])
    finally:
        holder.wait(timeout=30)
    assert result.exit_code == 0, result.output
    assert result.stdout == "x\n42\n"
    assert result.stderr.count("waiting for the archive") == 1


def _sigint_default() -> None:
    """In the child: Ctrl-C as a terminal gives it, even when the suite runs in the
    background (`make test &`), where the shell ignores SIGINT and its children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    db = _archive(tmp_path)
    holder = _holder(db, 20)
    try:
        exe = Path(sys.executable).with_name("govarchive")
        query = subprocess.Popen([str(exe), "--db", str(db), "query", "SELECT 1"], stderr=subprocess.PIPE,
                                 text=True, env={**os.environ, "GOVARCHIVE_LOCK_WAIT": "60"},
                                 preexec_fn=_sigint_default)  # fmt: skip
        assert "waiting for the archive" in query.stderr.readline()
        time.sleep(0.3)
        query.send_signal(signal.SIGINT)
        rest = query.stderr.read()
        assert query.wait(timeout=30) == 130
    finally:
        holder.kill()
        holder.wait()
    assert rest.strip() == "interrupted; the same command resumes"
    con = duckdb.connect(str(db), read_only=True)  # the archive is fine
    con.close()


def test_prefects_background_workers_do_not_talk_to_the_user() -> None:
    from flows.cli import _quiet_prefect

    _quiet_prefect()
    for name in ("EventsWorker", "APILogWorker"):
        assert not logging.getLogger(name).isEnabledFor(logging.WARNING), name


def test_reparse_shows_its_progress(cli, db_path: Path) -> None:
    page = Path(__file__).parents[1] / "parsers" / "fixtures" / "ahsz_reply.html"
    assert cli("ingest", "--file", str(page), "--url", "https://www.example.gov.cn/r/1.html").exit_code == 0
    result = cli("reparse", "--progress")
    assert result.exit_code == 0, result.output
    assert "reparsed 1 of 1 pages" in result.stderr
    assert "reparsed 1 pages" in result.stdout  # the summary line, as before
    quiet = cli("reparse", "--no-progress")
    assert "of 1 pages" not in quiet.stderr
