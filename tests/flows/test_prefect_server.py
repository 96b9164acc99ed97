"""Scheduled crawls for real: a Prefect server on loopback driven as an operator drives it.

One module, both ways of running on a schedule, their waits overlapped (a `* * * * *`
schedule needs up to a minute to come due):
- `prefect server start`, `prefect work-pool create`, `prefect deploy --all` (prefect.yaml),
  `prefect worker start`: a deployment run against the replica completes with documents
  in the archive, a source whose listing is unreachable ends `Failed`, unsafe run
  parameters are refused, and a `* * * * *` source runs by itself;
- `govarchive serve` with no PREFECT_API_URL: its own server's scheduler fires a
  `* * * * *` source, and SIGTERM stops it and every process it started.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import psutil
import pytest

from tests.replica.server import ReplicaServer

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
pytestmark = pytest.mark.timeout(420)

SITE = {  # replica site -> (platform, listing path, article pattern, pagination)
    "nxzx": ("trs", "zxgz/tagz/index.html", r"^/zxgz/tagz/\d{6}/t\d{8}_\d+\.html$",
             '{ style = "trs", template = "index_{n}.html", first = 1 }'),
    "kjj": ("anhui-public", "public/column/2655573?type=4&action=list&pageIndex=1", r"^/public/\d+/\d+\.html$",
            '{ style = "query", param = "pageIndex", first = 1 }'),
    "ahsz-zxta": ("anhui-public", "public/column/6596221?type=4&action=list&pageIndex=1", r"^/public/\d+/\d+\.html$",
                  '{ style = "query", param = "pageIndex", first = 1 }'),
}  # fmt: skip
ENTRY = """
[sources.{name}]
title = "replica {site}"
platform = "{platform}"
start_urls = ["{base}{listing}"]
allowed_hosts = ["{netloc}"]
article_pattern = '{pattern}'
pagination = {pagination}
schedule = "{cron}"
schedule_timezone = "{tz}"
rps = {rps}
concurrency = 4
download_attachments = false
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _sources(path: Path, entries: list[tuple[str, str, str, str, str, float]]) -> Path:
    """A sources file: (name, replica site, base URL, cron, time zone, rps) per entry."""
    text = ""
    for name, site, base, cron, tz, rps in entries:
        platform, listing, pattern, pagination = SITE[site]
        text += ENTRY.format(name=name, site=site, platform=platform, base=base, listing=listing,
                             netloc=base.split("/")[2], pattern=pattern, pagination=pagination,
                             cron=cron, tz=tz, rps=rps)  # fmt: skip
    path.write_text(text, encoding="utf-8")
    return path


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "GOVARCHIVE_"))}
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        PREFECT_HOME=str(tmp / "prefect-home"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="INFO",
    )
    env.update(extra)
    return env


def _run(args: list[str], env: dict[str, str], cwd: Path = REPO, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, f"{' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def _wait(predicate, timeout: float, what: str, step: float = 1.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")


def _healthy(api: str) -> bool:
    try:
        return httpx.get(api + "/health", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def _flow_runs(api: str, deployment: str) -> list[dict]:
    dep = httpx.get(f"{api}/deployments/name/{deployment}", timeout=10).json()
    body = {"deployments": {"id": {"any_": [dep["id"]]}}, "sort": "EXPECTED_START_TIME_ASC", "limit": 10}
    return httpx.post(f"{api}/flow_runs/filter", json=body, timeout=10).json()


def _read(db: Path, sql: str, params: list | None = None, wait: float = 60) -> list[tuple]:
    """A read-only query that waits while a crawl holds the archive (as DuckDB readers must)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            con = duckdb.connect(str(db), read_only=True)
        except duckdb.IOException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
            continue
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()


def _finished_runs(db: Path, source: str) -> list[tuple]:
    if not db.exists():
        return []
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return []  # a crawl holds it right now
    try:
        return con.execute(
            "SELECT run_id, status FROM crawl_runs WHERE source = ? AND status = 'finished'", [source]
        ).fetchall()
    except duckdb.Error:
        return []
    finally:
        con.close()


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)  # a worker finishing a scheduled run would take longer: not what is tested
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def replica() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles={"nxzx": 6, "kjj": 6, "ahsz-zxta": 6}, mode="thread") as rs:
        yield rs


@pytest.fixture(scope="module")
def served(replica: ReplicaServer, tmp_path_factory, prefect_home) -> Iterator[dict]:
    """`govarchive serve` on the embedded default, started first: its schedule needs a minute."""
    tmp = tmp_path_factory.mktemp("serve")
    prefect_home(tmp / "prefect-home")  # as _env names it
    sources = _sources(tmp / "sources.toml", [("serve-minute", "nxzx", replica.base_url("nxzx"), "* * * * *", "Asia/Shanghai", 50)])
    port = _free_port()
    db = tmp / "served.duckdb"
    env = _env(tmp, GOVARCHIVE_SOURCES=str(sources), GOVARCHIVE_PREFECT_PORT=str(port))
    log = (tmp / "serve.log").open("w")
    proc = subprocess.Popen([str(BIN / "govarchive"), "--db", str(db), "serve"], env=env, cwd=tmp,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # fmt: skip
    try:
        yield {"proc": proc, "db": db, "port": port, "log": tmp / "serve.log", "home": tmp / "prefect-home"}
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory, prefect_home) -> Iterator[dict]:
    tmp = tmp_path_factory.mktemp("server")
    prefect_home(tmp / "prefect-home")
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = _env(tmp, PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="5")
    log = (tmp / "server.log").open("w")
    proc = subprocess.Popen([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            env=env, cwd=tmp, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # fmt: skip
    try:
        _wait(lambda: _healthy(api), 180, "prefect server start")
        yield {"api": api, "tmp": tmp, "proc": proc}
    finally:
        _stop(proc)
        log.close()


@pytest.fixture(scope="module")
def deployed(server: dict, replica: ReplicaServer) -> Iterator[dict]:
    """The operator's steps from prefect.yaml's header, each exiting 0, and a worker."""
    tmp = server["tmp"]
    dead = f"http://127.0.0.1:{_free_port()}/"  # nothing listens there
    sources = _sources(tmp / "sources.toml", [
        ("replica-nxzx", "nxzx", replica.base_url("nxzx"), "0 3 1 1 *", "Asia/Shanghai", 50),
        ("replica-dead", "nxzx", dead, "0 4 1 1 *", "Europe/Berlin", 50),
        ("replica-minute", "kjj", replica.base_url("kjj"), "* * * * *", "UTC", 50),
        ("replica-slow", "ahsz-zxta", replica.base_url("ahsz-zxta"), "0 5 1 1 *", "Asia/Shanghai", 0.2),
    ])  # fmt: skip
    db = tmp / "worker.duckdb"
    env = _env(tmp, PREFECT_API_URL=server["api"], GOVARCHIVE_HOME=str(REPO), GOVARCHIVE_DB=str(db),
               GOVARCHIVE_SOURCES=str(sources), GOVARCHIVE_CRAWL_RETRIES="1", GOVARCHIVE_CRAWL_RETRY_DELAY="1",
               PREFECT_WORKER_QUERY_SECONDS="2")  # fmt: skip
    prefect = str(BIN / "prefect")
    _run([prefect, "work-pool", "create", "govarchive", "--type", "process"], env)
    deploy = _run([prefect, "deploy", "--all"], env, timeout=180)
    log = (tmp / "worker.log").open("w")
    worker = subprocess.Popen([prefect, "worker", "start", "--pool", "govarchive"], env=env, cwd=tmp,
                              stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # fmt: skip
    try:
        yield {"env": env, "db": db, "deploy": deploy, "worker_log": tmp / "worker.log", "api": server["api"]}
    finally:
        _stop(worker)
        log.close()


def _final(api: str, run_id: str, timeout: float = 180) -> dict:
    def done():
        run = httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()
        return run if run["state"]["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

    return _wait(done, timeout, f"flow run {run_id} to finish")


def _start_run(deployed: dict, name: str, *params: str) -> str:
    done = _run([str(BIN / "prefect"), "deployment", "run", f"crawl-source/{name}", *params], deployed["env"])
    line = next(ln for ln in done.stdout.splitlines() if "UUID:" in ln)
    return line.split("UUID:")[1].strip()


def test_deploy_all_follows_the_sources_file_in_force(deployed: dict, served: dict) -> None:
    # `served` is asked for here so that serve's minute schedule comes due while the others run
    env = deployed["env"]
    listing = _run([str(BIN / "prefect"), "deployment", "ls"], env).stdout
    for name in ("replica-nxzx", "replica-dead", "replica-minute"):
        assert f"crawl-source/{name}" in listing
    assert "crawl-source/nxzx-tagz" not in listing  # the shipped sources are not in force here
    dep = httpx.get(f"{deployed['api']}/deployments/name/crawl-source/replica-dead", timeout=10).json()
    (sched,) = dep["schedules"]
    assert (sched["schedule"]["cron"], sched["schedule"]["timezone"]) == ("0 4 1 1 *", "Europe/Berlin")
    assert dep["global_concurrency_limit"]["limit"] == 1 and "govarchive" in dep["tags"]
    assert dep["description"] and dep["work_pool_name"] == "govarchive"
    _run([str(BIN / "prefect"), "work-pool", "ls"], env)


def test_a_deployment_run_crawls_the_replica_into_the_archive(deployed: dict) -> None:
    run = _final(deployed["api"], _start_run(deployed, "replica-nxzx"))
    assert run["state"]["type"] == "COMPLETED", run["state"]
    db = deployed["db"]
    assert _read(db, "SELECT count(*) FROM documents WHERE source = 'replica-nxzx'") == [(6,)]
    assert _read(db, "SELECT status FROM crawl_runs WHERE run_id = ?", [run["id"]]) == [("finished",)]
    tasks = httpx.post(f"{deployed['api']}/task_runs/filter",
                       json={"flow_runs": {"id": {"any_": [run["id"]]}}}, timeout=10).json()  # fmt: skip
    names = {t["name"] for t in tasks}
    assert "fetch batch 1/1 (6 pages)" in names and "store batch 1/1 (6 pages)" in names
    arts = httpx.post(f"{deployed['api']}/artifacts/filter",
                      json={"artifacts": {"flow_run_id": {"any_": [run["id"]]}}}, timeout=10).json()  # fmt: skip
    assert any(a["key"] == "crawl-replica-nxzx" and "| fetched | 6 |" in a["data"] for a in arts), (arts, deployed["worker_log"].read_text()[-3000:])


def test_a_source_that_cannot_be_read_ends_failed_after_its_retry(deployed: dict) -> None:
    run = _final(deployed["api"], _start_run(deployed, "replica-dead"))
    assert run["state"]["type"] == "FAILED", run["state"]
    assert run["run_count"] == 2  # GOVARCHIVE_CRAWL_RETRIES=1: tried again, then Failed
    assert "no listing page could be read" in run["state"]["message"]


def test_unsafe_run_parameters_are_refused(deployed: dict) -> None:
    env, api = deployed["env"], deployed["api"]
    # as an operator would try it, with Prefect's CLI
    done = subprocess.run([str(BIN / "prefect"), "deployment", "run", "crawl-source/replica-nxzx", "--param",
                           "base_url=http://10.0.0.1/"], env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode != 0, done.stdout
    # the rest through the same server's API (what the CLI calls; a CLI start costs seconds)
    dep = httpx.get(f"{api}/deployments/name/crawl-source/replica-nxzx", timeout=10).json()
    before = len(_flow_runs(api, "crawl-source/replica-nxzx"))
    for params in ({"allow_private": True}, {"db": "/tmp/other.duckdb"}, {"base_url": "http://10.0.0.1/"}):
        refused = httpx.post(f"{api}/deployments/{dep['id']}/create_flow_run", json={"parameters": params}, timeout=10)
        assert refused.status_code == 409, (params, refused.status_code, refused.text)
        assert "Error creating flow run" in refused.text, refused.text
    assert len(_flow_runs(api, "crawl-source/replica-nxzx")) == before  # no run was made
    # the safe knobs are accepted
    run = _final(deployed["api"], _start_run(deployed, "replica-nxzx", "--param", "full=true", "--param", "max_pages=1"))
    assert run["state"]["type"] == "COMPLETED", run["state"]


def test_a_cancelled_run_stores_what_it_holds_notes_cancelled_and_logs_no_traceback(
    deployed: dict, replica: ReplicaServer
) -> None:
    api = deployed["api"]
    port = replica.ports["www.ahsz.gov.cn"]
    run_id = _start_run(deployed, "replica-slow")  # 0.2 requests/s: the crawl takes ~40 s

    def fetching_articles() -> bool:  # discovery is done; the article batch is being fetched
        return any(e["port"] == port and re.match(r"^/public/\d+/\d+\.html", e["path"]) for e in replica.control.log())

    _wait(fetching_articles, 180, "the slow run to reach its articles", step=0.5)
    log_before = len(deployed["worker_log"].read_text())
    _run([str(BIN / "prefect"), "flow-run", "cancel", run_id], deployed["env"])
    run = _final(api, run_id, timeout=90)
    assert run["state"]["type"] == "CANCELLED", run["state"]
    time.sleep(2)
    [(status, notes)] = _read(deployed["db"], "SELECT status, notes FROM crawl_runs WHERE run_id = ?", [run_id])
    [(pending,)] = _read(deployed["db"], "SELECT count(*) FROM frontier WHERE source = 'replica-slow' AND state = 'pending'")
    assert status == "interrupted" and "cancelled" in notes and "CancelledError" not in notes
    assert pending > 0  # what was fetched but not stored waits for the next run
    log = deployed["worker_log"].read_text()[log_before:]
    assert "Traceback" not in log, log[-3000:]
    leftovers = [p for p in psutil.process_iter(["cmdline"]) if run_id in " ".join(p.info["cmdline"] or [])]
    assert not leftovers


def test_a_minute_schedule_fires_on_the_worker_by_itself(deployed: dict) -> None:
    def fired():
        runs = [r for r in _flow_runs(deployed["api"], "crawl-source/replica-minute") if r["state"]["type"] == "COMPLETED"]
        return runs or None

    try:
        (first, *_rest) = _wait(fired, 150, "a scheduled run of crawl-source/replica-minute", step=3)
    except AssertionError:
        runs = _flow_runs(deployed["api"], "crawl-source/replica-minute")
        raise AssertionError([(r["name"], r["state"]["type"], r["state"]["name"], r["expected_start_time"],
                               r["state"].get("message")) for r in runs],
                             deployed["worker_log"].read_text()[-4000:]) from None
    assert first["auto_scheduled"] is True
    assert _finished_runs(deployed["db"], "replica-minute")


def test_serve_embedded_fires_a_minute_schedule_and_stops_everything_on_sigterm(served: dict) -> None:
    proc: subprocess.Popen = served["proc"]
    _wait(lambda: _finished_runs(served["db"], "serve-minute"), 170, "a finished crawl_runs row from serve", step=2)
    out = served["log"].read_text()
    assert f"Prefect UI: http://127.0.0.1:{served['port']}" in out
    con = sqlite3.connect(served["home"] / "prefect.db")  # the server's state lives under PREFECT_HOME
    try:
        assert con.execute("SELECT count(*) FROM deployment WHERE name = 'serve-minute'").fetchone() == (1,)
    finally:
        con.close()
    api = f"http://127.0.0.1:{served['port']}/api"  # serve's deployments refuse the CLI's knobs too
    dep = httpx.get(f"{api}/deployments/name/crawl-source/serve-minute", timeout=10).json()
    refused = httpx.post(f"{api}/deployments/{dep['id']}/create_flow_run", json={"parameters": {"allow_private": True}},
                         timeout=10)  # fmt: skip
    assert refused.status_code == 409, refused.text
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children, "serve runs a Prefect server"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 0 or proc.returncode in (0, 130)
    _gone, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, f"left behind: {[p.cmdline() for p in alive]}"
    assert not _healthy(f"http://127.0.0.1:{served['port']}/api")


def test_deploy_output_names_what_it_registered(deployed: dict) -> None:
    out = deployed["deploy"].stdout
    assert "registered 4 deployment(s)" in out
    assert json.dumps("crawl-source/replica-minute")[1:-1] in out



def test_serve_on_that_server_refuses_to_overwrite_the_workers_deployments(deployed: dict, tmp_path: Path) -> None:
    done = subprocess.run([str(BIN / "govarchive"), "--db", str(tmp_path / "x.duckdb"), "serve"], env=deployed["env"],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)  # fmt: skip
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "govarchive serve will not overwrite deployments it did not make: crawl-source/replica-nxzx" in done.stderr
    assert "Traceback" not in done.stderr
    dep = httpx.get(f"{deployed['api']}/deployments/name/crawl-source/replica-nxzx", timeout=10).json()
    assert dep["work_pool_name"] == "govarchive" and not dep["paused"]  # untouched
