"""Manual ingest is a door, `query` is a window: what may come in, and what may not go out.

Refusals are checked before anything is fetched or created (no archive file appears);
the address check runs on every redirect hop, on every DNS answer, and once more on
the address actually connected to.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from flows.fetch import Fetcher, FetchPolicy
from flows.safety import UnsafeURL, check_url
from tests.replica.server import ReplicaServer
from tests.resilience.helpers import sql, warc_scan
from warehouse.query import QueryError, run_query

NX = "www.nxzx.gov.cn"


@pytest.fixture
def plain_cli(db_path: Path) -> Callable[..., object]:
    """The CLI without Prefect: for commands refused before any flow starts, and `query`."""
    from flows.cli import app

    runner = CliRunner()
    return lambda *args, env=None: runner.invoke(app, ["--db", str(db_path), *args], env=env)


@pytest.fixture(scope="module")
def rs() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles={"nxzx": 3}, mode="thread") as server:
        yield server


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd", "ftp://example.gov.cn/a.html", "javascript:alert(1)",
        "data:text/html,<h1>x</h1>", "gopher://example.gov.cn/", "//example.gov.cn/a.html",
        "http:///nohost.html", "/etc/passwd",
    ],
)  # fmt: skip
def test_ingest_refuses_non_http_schemes(plain_cli, db_path: Path, url: str) -> None:
    result = plain_cli("ingest", "--allow-private", url)
    assert result.exit_code == 2 and "refused" in result.stderr, result.stderr
    assert not db_path.exists()


PRIVATE = [
    "http://127.0.0.1/a.html", "http://localhost/a.html", "http://10.1.2.3/", "http://172.16.0.1/",
    "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
    "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/",
    "http://2130706433/", "http://0x7f000001/", "http://127.1/",
]  # fmt: skip


@pytest.mark.parametrize("url", PRIVATE)
def test_ingest_refuses_private_addresses(plain_cli, db_path: Path, url: str) -> None:
    result = plain_cli("ingest", url, env={"GOVARCHIVE_ALLOW_PRIVATE": "0"})
    assert result.exit_code == 2 and "loopback/private" in result.stderr, result.stderr
    assert not db_path.exists()


@pytest.mark.parametrize("answers", [["10.0.0.7"], ["93.184.216.34", "192.168.0.9"], ["::1"]])
def test_dns_answers_are_checked(monkeypatch: pytest.MonkeyPatch, answers: list[str]) -> None:
    """A public-looking name that resolves (even partly) to a private address is refused."""

    def fake(host: str, *args: object, **kw: object) -> list[tuple]:
        fam = socket.AF_INET6
        return [(fam if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, 0)) for a in answers]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(UnsafeURL, match="loopback/private"):
        check_url("http://intranet.example.gov.cn/a.html", allow_private=False)


def _mock_fetch(policy: FetchPolicy, first_url: str, location: str) -> tuple[object, list[str]]:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": location})

    async def go():
        async with Fetcher(policy, transport=httpx.MockTransport(handler)) as f:
            return await f.fetch(first_url)

    return asyncio.run(go()), seen


@pytest.mark.parametrize(
    "location",
    ["http://127.0.0.1:8080/admin", "http://169.254.169.254/latest/meta-data/", "http://[::1]/",
     "file:///etc/passwd", "http://10.0.0.1/"],
)  # fmt: skip
def test_redirect_to_a_private_address_is_refused(location: str) -> None:
    res, seen = _mock_fetch(FetchPolicy(), "http://93.184.216.34/page.html", location)
    assert res.status is None and res.error.startswith("refused:"), res.error
    assert seen == ["http://93.184.216.34/page.html"]  # the second hop was never requested


def test_redirect_to_file_scheme_refused_even_when_private_allowed() -> None:
    policy = FetchPolicy(allow_private=True, check_addresses=False)
    res, seen = _mock_fetch(policy, "http://127.0.0.1/a.html", "file:///etc/passwd")
    assert res.error.startswith("refused:") and len(seen) == 1


def test_connected_address_is_checked_too(monkeypatch: pytest.MonkeyPatch, rs: ReplicaServer) -> None:
    """DNS rebinding: the name check passed, the connection landed on loopback — refused."""
    monkeypatch.setattr("flows.fetch.check_url", lambda url, allow_private: None)

    async def go():
        async with Fetcher(FetchPolicy(read_timeout=2, total_timeout=3)) as f:
            return await f.fetch(rs.url(NX, "/_fault/ok"))

    res = asyncio.run(go())
    assert res.status is None and res.error.startswith("refused: connected to 127.0.0.1"), res.error


@pytest.mark.parametrize("how", ["flag", "env"])
def test_private_allowed_explicitly(cli, rs: ReplicaServer, db_path: Path, how: str) -> None:
    url = rs.url(NX, rs.control.truth("nxzx", text=False)[0].path)
    args = ("ingest", "--allow-private", url) if how == "flag" else ("ingest", url)
    result = cli(*args, env={"GOVARCHIVE_ALLOW_PRIVATE": "1"} if how == "env" else None)
    assert result.exit_code == 0, result.output
    assert sql(db_path, "SELECT count(*) FROM documents") == [(1,)]


# --- saved files ------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["dir", "/dev/zero", "fifo", "missing"])
def test_saved_file_ingest_takes_only_regular_files(plain_cli, db_path: Path, tmp_path: Path, target: str) -> None:
    path = {"dir": str(tmp_path), "/dev/zero": "/dev/zero", "missing": str(tmp_path / "nope.html")}.get(target)
    if target == "fifo":
        path = str(tmp_path / "pipe.html")
        os.mkfifo(path)
    result = plain_cli("ingest", "--file", path, "--url", "https://www.example.gov.cn/a.html")
    assert result.exit_code == 2 and "no such file" in result.stderr
    assert not db_path.exists()


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://x.gov.cn/a"])
def test_saved_file_ingest_refuses_non_http_url(plain_cli, db_path: Path, tmp_path: Path, url: str) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>x</p></body></html>")
    result = plain_cli("ingest", "--file", str(page), "--url", url)
    assert result.exit_code == 2 and "refused" in result.stderr
    assert not db_path.exists()


HOSTILE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>../../../../tmp/{sentinel}/$(touch {sentinel_path})</title>
<base href="file:///etc/">
<script>require('child_process').exec('touch {sentinel_path}')</script>
<meta http-equiv="refresh" content="0; url=file:///etc/passwd"></head>
<body><div id="zoom"><p>关于../../etc/passwd的提案答复，内容若干。`touch {sentinel_path}`</p>
<p>附件：<a href="../../../../../etc/passwd">passwd.pdf</a>
<a href="file:///etc/shadow">shadow.docx</a> <a href="/../../{sentinel}.pdf">x.pdf</a></p>
<img src="../../../../etc/hostname" onerror="fetch('/x')"></div></body></html>"""


def test_nothing_in_a_page_is_executed_or_becomes_a_path(cli, db_path: Path, tmp_path: Path) -> None:
    sentinel = "govarchive-pwned"
    sentinel_path = tmp_path / sentinel
    page = tmp_path / "in" / "page;rm -rf ~.html"
    page.parent.mkdir()
    page.write_text(HOSTILE.format(sentinel=sentinel, sentinel_path=sentinel_path), encoding="utf-8")
    result = cli("ingest", "--file", str(page), "--url", "http://www.example.gov.cn/../../a/$(id).html")
    assert result.exit_code == 0, result.output
    assert not sentinel_path.exists() and not list(tmp_path.rglob(f"*{sentinel}*"))
    created = sorted(str(p.relative_to(db_path.parent)) for p in db_path.parent.rglob("*"))
    assert created[0] == "archive.duckdb" and created[1] == "warc"
    assert all(n.startswith("warc/govarchive-") and n.endswith(".warc.gz") for n in created[2:]), created
    records, broken = warc_scan(db_path.parent)
    kinds = [r[0] for r in records if r[0] != "warcinfo"]
    assert not broken and kinds == ["response", "request"]  # only the page itself
    passwd = Path("/etc/passwd").read_bytes()[:32].decode()
    dump = sql(db_path, "SELECT body_text, body_html, attachments::VARCHAR FROM documents")[0]
    assert all(passwd not in (v or "") for v in dump)


# --- read-only SQL ----------------------------------------------------------------------

REFUSED_SQL = [
    "INSERT INTO crawl_runs (run_id) VALUES ('x')", "UPDATE fetches SET url = 'x'",
    "DELETE FROM fetches", "DROP TABLE fetches", "CREATE TABLE t (a INT)",
    "ALTER TABLE fetches ADD COLUMN z INT", "CREATE MACRO m(x) AS x",
    "SELECT 1; DROP TABLE fetches", "ATTACH '{dir}/other.duckdb' AS o",
    "ATTACH '{dir}/new.duckdb' AS n", "ATTACH ':memory:' AS m",
    "COPY (SELECT 1) TO '{dir}/out.csv'", "EXPORT DATABASE '{dir}/exported'",
    "SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM glob('/etc/*')", "INSTALL httpfs", "LOAD httpfs",
    "SET enable_external_access = true", "RESET enable_external_access",
    "SET lock_configuration = false", "SET temp_directory = '{dir}/tmp'",
    "ATTACH '{db}' AS w; INSERT INTO w.crawl_runs (run_id) VALUES ('x')",
    "ATTACH '{db}' AS again (READ_ONLY)", "SELECT 1; ATTACH ':memory:' AS m",
]  # fmt: skip


@pytest.fixture
def archive_file(db_path: Path) -> Path:
    from warehouse.archive import Archive

    Archive(db_path).close()
    import duckdb

    duckdb.connect(str(db_path.parent / "other.duckdb")).close()
    return db_path


def _digest(folder: Path) -> dict[str, str]:
    return {str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_query_cannot_modify_attach_or_reach_files(archive_file: Path) -> None:
    before = _digest(archive_file.parent)
    for stmt in REFUSED_SQL:
        with pytest.raises(QueryError):
            run_query(archive_file, stmt.format(dir=archive_file.parent, db=archive_file))
    assert _digest(archive_file.parent) == before  # no file changed, none created
    assert run_query(archive_file, "SELECT count(*) FROM documents").rows == [(0,)]


def test_query_command_refuses_with_one_line(plain_cli, archive_file: Path) -> None:
    before = _digest(archive_file.parent)
    result = plain_cli("query", "DROP TABLE fetches")
    assert result.exit_code == 1 and result.stderr.startswith("error:") and len(result.stderr.splitlines()) == 1
    result = plain_cli("query", f"COPY fetches TO '{archive_file.parent}/leak.csv'")
    assert result.exit_code == 1
    assert _digest(archive_file.parent) == before


def test_saved_file_is_read_up_to_the_cap_only(tmp_path: Path) -> None:
    """A 4 GB (sparse) file given to `ingest --file` is read like a download: cut at the cap."""
    import tracemalloc

    from flows.ingest import file_result

    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.truncate(4 * 1024**3)
    cap = 1024 * 1024
    tracemalloc.start()
    try:
        res = file_result(big, "https://www.example.gov.cn/big.html", max_bytes=cap)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert res.truncated and len(res.content) == cap and res.error.startswith("too_large")
    assert peak < 8 * cap


def test_a_file_name_cannot_forge_archived_headers(db_path: Path, tmp_path: Path) -> None:
    from flows.ingest import file_result
    from flows.store.batch import archive_parse_load
    from warehouse.archive import Archive
    from warehouse.warc import read_response

    page = tmp_path / "a\r\nX-Evil: 1\r\n\r\n<script>.html"
    page.write_text("<html><body><div id='zoom'><p>正文内容</p></div></body></html>")
    with Archive(db_path) as archive:
        [out] = archive_parse_load(archive, [file_result(page, "https://www.example.gov.cn/a.html")])
    [(file, offset)] = sql(db_path, "SELECT warc_file, warc_offset FROM fetches")
    headers = read_response(db_path.parent, file, offset).headers
    assert not any(k.lower() == "x-evil" for k, _ in headers)
    assert all("\r" not in v and "\n" not in v for _, v in headers)
    assert out.fetch_id is not None
