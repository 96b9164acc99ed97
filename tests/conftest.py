"""Session-wide test set-up: an isolated Prefect home and API, and the replica site on loopback.

Prefect's settings are read when prefect is first imported, so its environment is set
here, at import time of the first conftest, before any test module imports prefect.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="govarchive-prefect-")
atexit.register(shutil.rmtree, _PREFECT_HOME, ignore_errors=True)  # a run leaves no Prefect home behind
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_LOGGING_TO_API_ENABLED", "false")
os.environ.pop("GOVARCHIVE_DB", None)
# the hosts' shared pace ledger (flows/host_ledger.py): the session's own, not the user's
_PACE_DIR = tempfile.mkdtemp(prefix="govarchive-pace-")
atexit.register(shutil.rmtree, _PACE_DIR, ignore_errors=True)
os.environ["GOVARCHIVE_PACE_DIR"] = _PACE_DIR
os.environ.pop("GOVARCHIVE_ALLOW_PRIVATE", None)


@pytest.fixture(scope="session")
def prefect_api() -> Iterator[None]:
    """One temporary Prefect API for the whole session (starting one costs seconds)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


@pytest.fixture(scope="session")
def replica() -> Iterator[object]:
    """The replica site, shared and never mutated: tests that change it start their own."""
    from tests.replica.server import ReplicaServer

    with ReplicaServer(mode="thread") as server:
        yield server


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "archive.duckdb"


@pytest.fixture
def cli(prefect_api: None, db_path: Path):
    """Run `govarchive ...` in-process (with the session's Prefect API); returns the Result."""
    from typer.testing import CliRunner

    from flows.cli import app

    runner = CliRunner()

    def run(*args: str, env: dict[str, str] | None = None):
        return runner.invoke(app, ["--db", str(db_path), *args], env=env, catch_exceptions=False)

    return run
