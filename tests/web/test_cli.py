"""`govarchive web` and `govarchive replay` as a user starts them: real processes, real ports."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import pytest

from tests.web.archive import WebArchive
from tests.web.conftest import free_port, wait_for_port

pytestmark = pytest.mark.timeout(120)
GOVARCHIVE = [sys.executable, "-m", "flows.cli"]


def _start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*GOVARCHIVE, *args], stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})},
        start_new_session=True,
    )  # fmt: skip


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=20)
    return err


def test_web_command_serves_on_loopback(web_archive: WebArchive) -> None:
    port = free_port()
    proc = _start("--db", str(web_archive.db), "web", "--port", str(port))
    try:
        wait_for_port(port, proc=proc)
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=30)
        assert page.status_code == 200 and 'name="q"' in page.text
    finally:
        err = _stop(proc)
    assert f"http://127.0.0.1:{port}/" in err and "warning" not in err


def _run(*args: str, env: dict[str, str] | None = None):  # noqa: ANN202 - typer's Result
    from typer.testing import CliRunner

    from flows.cli import app

    return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)


def test_commands_refuse_a_missing_archive_in_one_line(tmp_path: Path) -> None:
    for command in ("web", "replay"):
        r = _run("--db", str(tmp_path / "none.duckdb"), command)
        assert r.exit_code == 1 and "error: no archive at" in r.output, r.output
    assert not (tmp_path / "none.duckdb").exists(), "reading never creates an archive"


def test_replay_command_serves_and_cleans_up(web_archive: WebArchive, replay_server: str) -> None:
    runs = set(Path(tempfile.gettempdir()).glob("govarchive-replay-*"))
    port = free_port()
    proc = _start("--db", str(web_archive.db), "replay", "--port", str(port))
    try:
        wait_for_port(port, proc=proc)
        r = httpx.get(f"http://127.0.0.1:{port}/archive/{web_archive.revisited_url}", timeout=30)
        assert r.status_code == 200 and "提案" in r.text
    finally:
        err = _stop(proc)
    assert "304s replayed as the page they confirmed" in err
    assert set(Path(tempfile.gettempdir()).glob("govarchive-replay-*")) == runs, "its run folder is gone"


def test_replay_without_pywb_says_how_to_get_it(web_archive: WebArchive) -> None:
    r = _run("--db", str(web_archive.db), "replay", env={"GOVARCHIVE_PYWB_PYTHON": "/nonexistent/python"})
    assert r.exit_code == 1 and "GOVARCHIVE_PYWB_PYTHON" in r.output
