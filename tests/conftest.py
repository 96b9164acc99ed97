"""Session-wide test set-up: an isolated Prefect home and API, and the replica site on loopback.

Prefect's settings are read when prefect is first imported, so its environment is set
here, at import time of the first conftest, before any test module imports prefect.
"""

from __future__ import annotations

import atexit
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
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
    from prefect.settings import PREFECT_SERVER_DATABASE_CONNECTION_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        _keep_as_template(PREFECT_SERVER_DATABASE_CONNECTION_URL.value())
        yield


# A Prefect database migrated to this Prefect's head, for tests that need a Prefect home of
# their own (a server in a child, `serve`, a worker's server): a fresh home's first server
# start spends ~10 s of its ~20 s migrating (measured), four times over in the suite. The
# session's own API migrates one anyway: copied as soon as it is up, before any test writes
# to it, it is the template.
_TEMPLATE_HOME = Path(tempfile.mkdtemp(prefix="govarchive-prefect-template-"))
atexit.register(shutil.rmtree, _TEMPLATE_HOME, ignore_errors=True)


def _keep_as_template(url: str) -> None:
    source = sqlite3.connect(url.split(":///", 1)[1])
    target = sqlite3.connect(_TEMPLATE_HOME / "prefect.db")
    try:
        source.backup(target)  # consistent while the server has it open
    finally:
        target.close()
        source.close()


@pytest.fixture(scope="session")
def _migrated_prefect_db(prefect_api: None) -> Path:
    return _TEMPLATE_HOME / "prefect.db"


@pytest.fixture(scope="session")
def prefect_home(_migrated_prefect_db: Path) -> Callable[[Path], Path]:
    """`prefect_home(path)`: a Prefect home at `path` whose database is already migrated."""

    def make(path: Path) -> Path:
        path.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_migrated_prefect_db, path / "prefect.db")
        return path

    return make


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
