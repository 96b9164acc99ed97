"""SIGTERM to `govarchive crawl` unwinds like Ctrl-C: noted, resumable, nothing left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import psutil

from tests.replica.server import ReplicaServer

BIN = Path(sys.executable).parent


def test_sigterm_to_a_crawl_stops_it_and_its_temporary_prefect_server(
    tmp_path: Path, prefect_home: Callable[[Path], Path]
) -> None:
    db = tmp_path / "archive.duckdb"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "GOVARCHIVE_"))}
    env.update(PREFECT_HOME=str(prefect_home(tmp_path / "prefect")), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    with ReplicaServer(articles={"nxzx": 8}, mode="thread") as rs:
        proc = subprocess.Popen(
            [str(BIN / "govarchive"), "--db", str(db), "crawl", "nxzx-tagz", "--base-url", rs.base_url("nxzx"),
             "--rps", "1", "--no-progress"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        deadline = time.monotonic() + 180
        while not any("/zxgz/tagz/2" in e["path"] for e in rs.control.log()):  # articles being fetched
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the crawl never reached its articles"
            time.sleep(0.2)
        children = psutil.Process(proc.pid).children(recursive=True)
        assert children, "the crawl runs a temporary Prefect API server"
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err, err
    _gone, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, [p.cmdline() for p in alive]
    con = duckdb.connect(str(db), read_only=True)
    try:
        status, notes = con.execute("SELECT status, notes FROM crawl_runs").fetchone()
    finally:
        con.close()
    assert status == "interrupted" and "next run resumes" in notes
