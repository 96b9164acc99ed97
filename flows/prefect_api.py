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

The server takes ~6 s to become healthy, nearly all of it importing Prefect's server
package (4 s measured) — as long as the 4-host benchmark's whole overhead budget. So a
command that will need it calls `start_early()` before it imports Prefect itself: the
server's start-up then runs on the other core beside this process's ~3 s of imports and
checks, and `ephemeral_api()` takes that server over (or stops it, if it turns out not to
be needed: an API URL set in a Prefect profile, which only Prefect's import can read).
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

import settings
from flows.children import die_with_parent

PORT_IN_USE = 3  # uvicorn's exit status when it cannot bind


@dataclass(slots=True)
class _Server:
    proc: subprocess.Popen[bytes]
    port: int

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"


_early: _Server | None = None  # started by start_early(), not yet taken by ephemeral_api()


def wanted() -> bool:
    """True when Prefect would start an ephemeral server and the user has not opted out."""
    from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_ALLOW_EPHEMERAL_MODE

    if settings.current().ephemeral_api == "prefect":
        return False
    return not PREFECT_API_URL.value() and bool(PREFECT_SERVER_ALLOW_EPHEMERAL_MODE.value())


def start_early() -> None:
    """Start the temporary server now, before this process imports Prefect (see above).

    Only what can be known without Prefect is checked here (PREFECT_API_URL in the
    environment, GOVARCHIVE_EPHEMERAL_API); `ephemeral_api()` checks the rest. A server
    nobody takes is stopped when the process exits. With Prefect imported already there is
    nothing to overlap, and its settings may name an API (`temporary_settings`, a test
    harness): `ephemeral_api()` then starts a server only if one is wanted.
    """
    global _early
    if (
        _early is not None
        or "prefect" in sys.modules
        or os.environ.get("PREFECT_API_URL")
        or os.environ.get("PREFECT_SERVER_ALLOW_EPHEMERAL_MODE", "").lower() in ("0", "false")
        or settings.current().ephemeral_api == "prefect"
    ):
        return
    port = _free_port()
    _early = _Server(_start(port, _environment_early()), port)
    atexit.register(_stop_early)


def _stop_early() -> None:
    global _early
    if _early is not None:
        _stop(_early.proc)
        _early = None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_SERVER_FLAGS = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}


def _environment() -> dict[str, str]:
    """The server's environment as Prefect's SubprocessASGIServer builds it: this process's
    settings, including any set in it (`temporary_settings`), passed on explicitly."""
    from prefect.settings import get_current_settings

    return {**os.environ, **_SERVER_FLAGS, **get_current_settings().to_environment_variables(exclude_unset=True)}


def _environment_early() -> dict[str, str]:
    """Before Prefect is imported, no setting can have been set in this process: the
    server reads the same environment, profile and files as Prefect here would."""
    return {**os.environ, **_SERVER_FLAGS}


def _site_packages() -> Path:
    """Where Prefect is installed, found without importing it (uvicorn's --app-dir)."""
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None, "prefect is a dependency"
    return Path(spec.origin).parent.parent


def _start(port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    args = [
        sys.executable, "-m", "uvicorn", "--app-dir", str(_site_packages()),
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
    global _early
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
        temporary_settings,
    )

    early, _early = _early, None
    if not wanted():
        if early is not None:
            _stop(early.proc)
        yield None
        return
    server = _healthy_server(early, float(PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()))
    try:
        with temporary_settings({PREFECT_API_URL: server.url}):
            try:
                yield server.url
            finally:
                _drain()  # events and logs still queued go out before the server stops
    finally:
        _stop(server.proc)


def _healthy_server(early: _Server | None, timeout: float) -> _Server:
    """The early server once it answers, else one started now (a new port if one was taken)."""
    for _attempt in range(5):
        server = early or _Server(_start(port := _free_port(), _environment()), port)
        early = None
        try:
            if _wait_healthy(server.proc, server.url, timeout):
                return server
        except BaseException:
            _stop(server.proc)
            raise
    raise RuntimeError("no free port for the temporary Prefect API server")


def _drain() -> None:
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (EventsWorker, APILogWorker):
        with contextlib.suppress(Exception):
            service.drain_all(timeout=10)
