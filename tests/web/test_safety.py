"""The web app is a window, not a door: headers, escaping, no writes, no parameter that
reaches a file or another URL, and a clear "busy" state while a crawl holds the archive."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.web.archive import WebArchive
from tests.web.conftest import ThreadServer

pytestmark = pytest.mark.timeout(120)

ROUTES = ["/", "/search?q=答复", "/search", "/charts", "/api/search?q=答复", "/search.csv?q=答复"]


def _digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_every_page_carries_a_strict_policy(http: httpx.Client) -> None:
    for route in [*ROUTES, "/doc?url=x", "/proposal?key=x", "/static/style.css", "/nothing"]:
        r = http.get(route)
        csp = r.headers["content-security-policy"]
        assert "script-src 'none'" in csp and "default-src 'none'" in csp, route
        assert "frame-ancestors 'none'" in csp and "base-uri 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert r.status_code < 500, route


def test_no_route_writes_and_no_method_but_get(http: httpx.Client, web_archive: WebArchive) -> None:
    folder = web_archive.db.parent
    before = _digest(folder)
    for route in ROUTES:
        assert http.get(route).status_code == 200
        assert http.post(route, data={"q": "x"}).status_code == 405
        assert http.delete(route).status_code == 405
    assert _digest(folder) == before, "the archive folder is byte for byte unchanged"


@pytest.mark.parametrize(
    "route",
    [
        "/doc?url=file:///etc/passwd",
        "/doc?url=../../../../etc/passwd",
        "/doc?url=http://169.254.169.254/latest/meta-data/",
        "/proposal?key=../../etc/passwd",
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
    ],
)
def test_no_parameter_reaches_a_file_or_another_url(http: httpx.Client, route: str) -> None:
    r = http.get(route)
    assert r.status_code == 404, (route, r.status_code)
    assert "root:" not in r.text and "create_app" not in r.text


def test_overlong_and_odd_parameters_get_a_clear_answer(http: httpx.Client) -> None:
    assert http.get("/search", params={"q": "数" * 400}).status_code == 400
    assert http.get("/api/search", params={"q": "数" * 400}).json()["error"]
    odd = http.get("/search", params={"q": "答复", "page": "-5", "sort": "'; DROP TABLE x", "year": "x"})
    assert odd.status_code == 200 and "0 results" in odd.text
    assert http.get("/search", params={"q": "答复", "page": "999999"}).status_code == 200


def test_csv_cells_cannot_become_formulas(http: httpx.Client) -> None:
    r = http.get("/search.csv", params={"q": "' OR 1=1 --"})
    assert r.headers["content-type"].startswith("text/csv")
    lines = r.text.splitlines()
    assert lines[0].startswith("url,title,published_at")
    assert len(lines) == 2 and "' OR 1=1 --" in lines[1]
    formula = http.get("/search.csv", params={"q": "答复"}).text
    assert not any(cell.startswith(("=", "+", "@")) for line in formula.splitlines() for cell in line.split(","))


def test_links_from_archived_pages_are_only_http(http: httpx.Client, web_archive: WebArchive) -> None:
    page = http.get("/doc", params={"url": web_archive.hostile_url}).text
    assert "javascript:" not in page
    assert "onerror=\"" not in page and "<script" not in page
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page


def test_an_unknown_proposal_is_a_clear_404(http: httpx.Client) -> None:
    r = http.get("/proposal", params={"key": "宿州市政协|九届九次会议|9999"})
    assert r.status_code == 404 and "9999" in r.text


def _hold_for_writing(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process (a crawl's stand-in) holding the archive file for writing."""
    code = (
        "import duckdb, sys, time\n"
        "deadline = time.monotonic() + 30\n"
        "while True:\n"  # the session's app may hold its read connection for a few seconds
        "    try:\n"
        f"        con = duckdb.connect({str(db)!r})\n"
        "        break\n"
        "    except duckdb.IOException:\n"
        "        if time.monotonic() > deadline: raise\n"
        "        time.sleep(0.1)\n"
        "print('held', flush=True)\n"
        f"time.sleep({seconds})\n"
        "con.close()\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "held"
    return proc


def test_busy_archive_shows_busy_then_recovers(
    web_archive: WebArchive, browser, screenshots: Path, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from web.app import create_app

    # a copy of its own: the session's app (in this process) reads the shared one
    db = tmp_path / "archive.duckdb"
    shutil.copyfile(web_archive.db, db)
    with ThreadServer(create_app(db, busy_wait=0.3)) as server:
        holder = _hold_for_writing(db, 3.0)
        try:
            r = httpx.get(server.url + "/search", params={"q": "答复"}, timeout=30)
            assert r.status_code == 503 and "Archive busy, retrying" in r.text
            assert r.headers["retry-after"] == "2"
            api = httpx.get(server.url + "/api/search", params={"q": "答复"}, timeout=30)
            assert api.status_code == 503 and api.json()["error"] == "archive busy, retrying"
            browser.get(server.url + "/search?q=" + "答复")
            assert browser.find_element(By.ID, "busy").text.startswith("Archive busy")
            browser.save_screenshot(str(screenshots / "busy.png"))
        finally:
            holder.wait(30)
        # the page reloads itself and shows the results once the writer has let go
        WebDriverWait(browser, 20).until(lambda d: d.find_elements(By.ID, "summary"))
        assert "result" in browser.find_element(By.ID, "summary").text
        started = time.monotonic()
        assert httpx.get(server.url + "/search", params={"q": "答复"}, timeout=30).status_code == 200
        assert time.monotonic() - started < 10


def test_serving_beyond_loopback_warns(monkeypatch: pytest.MonkeyPatch, capsys, tmp_path: Path) -> None:
    import uvicorn

    from web import serve

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    serve.serve(tmp_path / "a.duckdb")
    assert calls[-1]["host"] == "127.0.0.1" and "warning" not in capsys.readouterr().err
    serve.serve(tmp_path / "a.duckdb", host="0.0.0.0")
    assert calls[-1]["host"] == "0.0.0.0" and "warning: serving on 0.0.0.0" in capsys.readouterr().err
    assert serve.is_loopback("127.0.0.2") and serve.is_loopback("::1") and not serve.is_loopback("10.0.0.1")


def test_a_writer_gets_in_while_pages_are_being_read(web_archive: WebArchive, tmp_path: Path) -> None:
    """Readers never lock a crawl out: the shared read connection is let go every `keep` s."""
    import threading

    from web.app import create_app

    db = tmp_path / "archive.duckdb"
    shutil.copyfile(web_archive.db, db)
    statuses: list[int] = []
    stop = threading.Event()
    with ThreadServer(create_app(db, keep=1.0, busy_wait=5)) as server:

        def browse() -> None:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                while not stop.is_set():
                    statuses.append(client.get("/search", params={"q": "答复"}).status_code)

        reader = threading.Thread(target=browse)
        reader.start()
        try:
            time.sleep(0.5)
            code = (
                "import sys, time\n"
                "from pathlib import Path\n"
                "from warehouse import db\n"
                "start = time.monotonic()\n"
                f"with db.writer(Path({str(db)!r})) as con:\n"
                "    con.execute('CREATE TABLE crawl_was_here AS SELECT 1 AS x')\n"
                "print(round(time.monotonic() - start, 2))\n"
            )
            waited = float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                          text=True, check=True, timeout=60).stdout)  # fmt: skip
            time.sleep(1.0)
        finally:
            stop.set()
            reader.join(30)
    assert waited < 1.0 + 0.6 + 2.0, f"the writer waited {waited} s"
    assert statuses and set(statuses) <= {200, 503} and statuses[-1] == 200
