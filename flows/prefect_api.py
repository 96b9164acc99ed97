"""Prefect's temporary API server for a CLI run, without Prefect's server code in our process.

When no PREFECT_API_URL is set, Prefect's ephemeral mode starts a temporary API server in
a subprocess (`uvicorn prefect.server.api.server:create_app`, SQLite under PREFECT_HOME).
The class that starts it lives in `prefect.server.api.server`, so importing it loads
Prefect's whole server package into the flow's process: 77 MB RSS (measured), a fifth of
a 20,000-page crawl's memory, for code that then runs in the other process anyway.

`ephemeral_api()` starts the same server the same way (Prefect's app factory, the flags
and settings Prefect's `SubprocessASGIServer` passes) and points this process's Prefect
client at it for the length of the run; it stops with the run, as Prefect's does.
GOVARCHIVE_EPHEMERAL_API=prefect leaves it to Prefect instead.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import prefect
from prefect.settings import (
    PREFECT_API_URL,
    PREFECT_SERVER_ALLOW_EPHEMERAL_MODE,
    PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    get_current_settings,
    temporary_settings,
)

import settings
from flows.children import die_with_parent

PORT_IN_USE = 3  # uvicorn's exit status when it cannot bind


def wanted() -> bool:
    """True when Prefect would start an ephemeral server and the user has not opted out."""
    if settings.current().ephemeral_api == "prefect":
        return False
    return not PREFECT_API_URL.value() and bool(PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value())


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "PREFECT_UI_ENABLED": "0",
        "PREFECT__SERVER_EPHEMERAL": "1",
        "PREFECT__SERVER_FINAL": "1",
        **get_current_settings().to_environment_variables(exclude_unset=True),
    }
    args = [
        sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent),
        "--factory", "prefect.server.api.server:create_app", "--host", "127.0.0.1",
        "--port", str(port), "--log-level", "error", "--lifespan", "on",
    ]  # fmt: skip
    return subprocess.Popen(args, env=env, preexec_fn=die_with_parent)


def _wait_healthy(proc: subprocess.Popen[bytes], url: str, timeout: float) -> bool:
    """True once the API answers; False if the server exited because the port was taken."""
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                if proc.returncode == PORT_IN_USE:
                    return False
                raise RuntimeError(f"the temporary Prefect API server exited with status {proc.returncode}")
            with contextlib.suppress(httpx.TransportError):
                if client.get(url + "/health").status_code == 200:
                    return True
            time.sleep(0.1)
    raise RuntimeError(f"the temporary Prefect API server did not answer within {timeout:.0f} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextlib.contextmanager
def ephemeral_api() -> Iterator[str | None]:
    """A temporary Prefect API for this run, if one is needed; yields its URL (or None)."""
    if not wanted():
        yield None
        return
    timeout = float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value())
    for _attempt in range(5):
        port = _free_port()
        proc = _start(port)
        url = f"http://127.0.0.1:{port}/api"
        try:
            if _wait_healthy(proc, url, timeout):
                break
        except BaseException:
            _stop(proc)
            raise
    else:
        raise RuntimeError("no free port for the temporary Prefect API server")
    try:
        with temporary_settings({PREFECT_API_URL: url}):
            try:
                yield url
            finally:
                _drain()  # events and logs still queued go out before the server stops
    finally:
        _stop(proc)


def _drain() -> None:
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (EventsWorker, APILogWorker):
        with contextlib.suppress(Exception):
            service.drain_all(timeout=10)
