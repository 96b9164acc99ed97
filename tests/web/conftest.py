"""The web app, pywb and a real browser, all on loopback, over one archive built once.

The browser is Debian's Chromium driven by Selenium through Debian's chromedriver (no
browser download). Without them, or without pywb's venv (`make replay-venv`), the tests
that need them are skipped with the reason, except under CI (CI=true), where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.web.archive import WebArchive, build

CHROMIUM = os.environ.get("GOVARCHIVE_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("GOVARCHIVE_CHROMEDRIVER", "/usr/bin/chromedriver")


def _missing(what: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{what} is required in CI (see .ci/run)")
    pytest.skip(f"{what} is not installed")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60.0, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port}")


class ThreadServer:
    """An ASGI app under uvicorn in a thread (stopped by the fixture)."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ThreadServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def web_archive(tmp_path_factory: pytest.TempPathFactory) -> WebArchive:
    return build(tmp_path_factory.mktemp("web") / "data" / "archive.duckdb")


@pytest.fixture(scope="session")
def pywb_python() -> str:
    """The Python that has pywb (`make replay-venv`); the test is skipped without it (failed in CI)."""
    from web import replay

    try:
        return replay.pywb_python()
    except replay.ReplayError:
        _missing("pywb (.venv-replay)")
        raise  # (not reached: _missing skips or fails)


@pytest.fixture(scope="session")
def replay_server(
    web_archive: WebArchive, pywb_python: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    from web import replay

    port = free_port()
    proc = replay.start(web_archive.db, tmp_path_factory.mktemp("replay"), port=port)
    try:
        wait_for_port(port, proc=proc)
        yield f"http://127.0.0.1:{port}/{replay.COLLECTION}"
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(10)


@pytest.fixture(scope="session")
def web_url(web_archive: WebArchive, replay_server: str) -> Iterator[str]:
    from web.app import create_app

    with ThreadServer(create_app(web_archive.db, replay_url=replay_server)) as server:
        yield server.url


@pytest.fixture(scope="session")
def http(web_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=web_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        _missing("Debian's chromium and chromium-driver")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--window-size=1280,900", "--lang=zh-CN",
    ):  # fmt: skip
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $GOVARCHIVE_SCREENSHOTS (e.g. docs/screenshots), else a temp dir."""
    named = os.environ.get("GOVARCHIVE_SCREENSHOTS")
    folder = Path(named) if named else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
