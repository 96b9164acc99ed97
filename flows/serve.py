"""`govarchive serve`: every configured source crawled at its cron time, from one command.

Prefect's ephemeral mode runs no scheduler ("Cannot schedule flows on an ephemeral
server"), so without PREFECT_API_URL this starts a real local Prefect server
(`prefect server start`, scheduler and UI included, its database under PREFECT_HOME and
so kept across restarts) and serves the deployments (`flows.deployments.served`) from
this process, which runs each due crawl in a subprocess. With PREFECT_API_URL it serves
them on that server instead, after checking it would overwrite nobody else's.

SIGTERM and Ctrl-C stop it and every process it started (the server, running crawls).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

import settings
from flows.children import die_with_parent, sigterm_as_interrupt, stop_tree

SCHEDULER_LOOP_SECONDS = "10"  # Prefect's default 60 s would let a minute's run slip past


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def _choose_port() -> int:
    wanted = settings.current().prefect_port
    if _port_free(wanted):
        return wanted
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, log: Path) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": os.environ.get(
            "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS", SCHEDULER_LOOP_SECONDS
        ),
    }
    env.pop("PREFECT_API_URL", None)
    args = [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("ab") as out:
        return subprocess.Popen(args, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, preexec_fn=die_with_parent)  # fmt: skip


def wait_healthy(proc: subprocess.Popen[bytes], api: str, log: Path, timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                tail = log.read_text(errors="replace").strip().splitlines()[-5:]
                raise RuntimeError(f"the Prefect server exited ({proc.returncode}): {' / '.join(tail)}")
            with contextlib.suppress(httpx.TransportError):
                if client.get(api + "/health").status_code == 200:
                    return
            time.sleep(0.3)
    raise RuntimeError(f"the Prefect server did not answer within {timeout:.0f} s (log: {log})")


@contextlib.contextmanager
def local_server() -> Iterator[str | None]:
    """A Prefect server with its scheduler for this serve, unless PREFECT_API_URL names one."""
    if os.environ.get("PREFECT_API_URL"):
        yield None
        return
    home = Path(os.environ.get("PREFECT_HOME", "~/.prefect")).expanduser()
    home.mkdir(parents=True, exist_ok=True)
    port = _choose_port()
    api = f"http://127.0.0.1:{port}/api"
    log = home / "govarchive-serve-server.log"
    proc = start_server(port, log)
    try:
        wait_healthy(proc, api, log)
        os.environ["PREFECT_API_URL"] = api  # for the crawls the runner starts
        # ... and for this process, whose Prefect settings were read at import
        from prefect.settings import PREFECT_API_URL, temporary_settings

        with temporary_settings({PREFECT_API_URL: api}):
            yield api
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop_tree()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=10)


def serve_all(db: str) -> None:
    """Serve every source's deployment until SIGTERM or Ctrl-C; then stop everything started."""
    from prefect import serve

    from flows.deployments import check_serve_may_register, served

    db = str(Path(db).resolve())
    os.environ["GOVARCHIVE_DB"] = db  # deployment runs read it
    sigterm_as_interrupt()
    try:
        with local_server() as api:
            if api is None:
                check_serve_may_register()
                where = os.environ["PREFECT_API_URL"]
            else:
                where = api.removesuffix("/api")
                print(f"Prefect UI: {where}  (local server, state in {os.environ.get('PREFECT_HOME', '~/.prefect')})",
                      flush=True)  # fmt: skip
            deployments = served()
            for d in deployments:
                (sched,) = d.schedules
                print(f"  crawl-source/{d.name}: {sched.schedule.cron} {sched.schedule.timezone}", flush=True)
            print(f"serving {len(deployments)} source(s) into {db} from {where};"
                  " Ctrl-C or SIGTERM stops", flush=True)  # fmt: skip
            serve(*deployments, print_starting_message=False)
    except KeyboardInterrupt:
        pass
    finally:
        stop_tree()
