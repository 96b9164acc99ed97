"""The CLI's temporary Prefect API: a real server in a child process, Prefect's server code
never imported into the process that runs the flow."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from prefect.settings import PREFECT_API_URL, temporary_settings

from flows import prefect_api

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import json, sys
early = None
if sys.argv[1:] == ["early"]:  # as the CLI's crawl does: started before Prefect is imported
    from flows import prefect_api
    prefect_api.start_early()
    early = prefect_api._early.url
    assert "prefect" not in sys.modules
from prefect import flow
from flows.prefect_api import ephemeral_api

@flow(name="answer")
def answer():
    return 42

with ephemeral_api() as url:
    result = answer()
    from prefect.client.orchestration import get_client
    with get_client(sync_client=True) as client:
        runs = [client.read_flow_by_name("answer").name]
print(json.dumps({"url": url, "early": early, "result": result, "flows": runs,
                  "server_imported": "prefect.server.api.server" in sys.modules}))
"""


def test_flow_runs_against_a_temporary_server_started_in_a_child(tmp_path, prefect_home):
    """Started as the CLI's crawl starts it, before Prefect is imported (`start_early`); a
    run without one starts the same server at `ephemeral_api()` (`_healthy_server`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "GOVARCHIVE_EPHEMERAL"))}
    env.update(PREFECT_HOME=str(prefect_home(tmp_path / "prefect")), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="120")  # fmt: skip
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, "early"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["result"] == 42 and out["flows"] == ["answer"]
    assert out["url"] == out["early"]  # the run took over the server started before Prefect's import
    assert out["url"].startswith("http://127.0.0.1:")
    assert out["server_imported"] is False
    # the server stopped with the run: its port is free again
    port = int(out["url"].rsplit(":", 1)[1].split("/")[0])
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0
    # the run is recorded where Prefect's own ephemeral mode keeps it
    con = sqlite3.connect(tmp_path / "prefect" / "prefect.db")
    try:
        assert con.execute("SELECT name FROM flow").fetchall() == [("answer",)]
    finally:
        con.close()


def test_not_started_when_an_api_is_configured_or_prefect_is_asked_to(monkeypatch):
    with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:9/api"}):
        assert not prefect_api.wanted()
        with prefect_api.ephemeral_api() as url:
            assert url is None
    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        assert prefect_api.wanted()
        monkeypatch.setenv("GOVARCHIVE_EPHEMERAL_API", "prefect")
        assert not prefect_api.wanted()


UNNEEDED = """
import json, sys
from flows import prefect_api
prefect_api.start_early()  # before Prefect could read the API URL a profile names
early = prefect_api._early
from prefect.settings import PREFECT_API_URL, temporary_settings
with temporary_settings({PREFECT_API_URL: "http://127.0.0.1:9/api"}), prefect_api.ephemeral_api() as url:
    pass
print(json.dumps({"started": early is not None, "url": url, "stopped": early.proc.poll() is not None,
                  "left": prefect_api._early is not None}))
"""


def test_an_early_server_is_stopped_when_the_run_needs_none(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "GOVARCHIVE_EPHEMERAL"))}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    proc = subprocess.run([sys.executable, "-c", UNNEEDED], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out == {"started": True, "url": None, "stopped": True, "left": False}


def test_no_early_server_once_prefect_is_imported(monkeypatch):
    """In a process that imported Prefect (a test harness's settings may name an API) the
    early start does nothing; `ephemeral_api()` decides with Prefect's own settings."""
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    prefect_api.start_early()
    assert prefect_api._early is None
