"""Session-wide test set-up: an isolated Prefect home and API, and the replica site on loopback.

Prefect's settings are read when prefect is first imported, so its environment is set
here, at import time of the first conftest, before any test module imports prefect.
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import sys
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
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=60):
        yield


# A Prefect database migrated to this Prefect's head, for tests that need a Prefect home of
# their own (a server in a child, `serve`, a worker's server): a fresh home's first server
# start spends ~10 s of its ~20 s migrating (measured), four times over in the suite. The
# migration runs in the background from collection on, while the first tests run.
_TEMPLATE_HOME = Path(tempfile.mkdtemp(prefix="govarchive-prefect-template-"))
atexit.register(shutil.rmtree, _TEMPLATE_HOME, ignore_errors=True)
_migrating: subprocess.Popen[bytes] | None = None


def _start_migrating() -> subprocess.Popen[bytes]:
    global _migrating
    if _migrating is None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
        env.update(PREFECT_HOME=str(_TEMPLATE_HOME), PREFECT_SERVER_ANALYTICS_ENABLED="false")
        prefect = Path(sys.executable).with_name("prefect")
        with (_TEMPLATE_HOME / "migrate.log").open("wb") as log:  # a file: a pipe nobody reads yet could fill
            _migrating = subprocess.Popen([str(prefect), "server", "database", "upgrade", "-y"], env=env,
                                          stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # fmt: skip
        atexit.register(_migrating.kill)
    return _migrating


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    if any("prefect_home" in getattr(item, "fixturenames", ()) for item in items):
        _start_migrating()


@pytest.fixture(scope="session")
def _migrated_prefect_db() -> Path:
    proc = _start_migrating()
    proc.wait(timeout=300)
    assert proc.returncode == 0, (_TEMPLATE_HOME / "migrate.log").read_text(errors="replace")[-3000:]
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
