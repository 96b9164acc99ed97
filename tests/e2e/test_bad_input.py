"""Bad input: one clear line on stderr, a non-zero exit, a recorded failed fetch, no document."""

from __future__ import annotations

import socket
from pathlib import Path

import duckdb
import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _counts(db_path: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return tuple(
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("fetches", "documents", "parse_errors")
        )  # type: ignore[return-value]
    finally:
        con.close()


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("/_fault/status/404", "404"),
        ("/_fault/pdf", "binary"),
        ("/_fault/png", "binary"),
        ("/_fault/empty", "empty"),
    ],
)
def test_bad_response_is_recorded_not_loaded(cli, replica, db_path: Path, path: str, needle: str) -> None:
    url = replica.url("www.nxzx.gov.cn", path)
    result = cli("ingest", "--allow-private", url)
    assert result.exit_code == 1
    err_lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(err_lines) == 1 and needle in err_lines[0], result.stderr
    fetches, documents, _ = _counts(db_path)
    assert fetches == 1 and documents == 0


def test_unreachable_host(cli, db_path: Path) -> None:
    url = f"http://127.0.0.1:{_free_port()}/nothing.html"
    result = cli("ingest", "--allow-private", url)
    assert result.exit_code == 1
    assert "connect" in result.stderr
    assert _counts(db_path)[:2] == (1, 0)


def test_missing_file(cli, db_path: Path, tmp_path: Path) -> None:
    result = cli("ingest", "--file", str(tmp_path / "nope.html"), "--url", "https://example.gov.cn/a.html")
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    assert not db_path.exists()


def test_private_address_refused_without_flag(cli, replica, db_path: Path) -> None:
    result = cli("ingest", replica.url("www.nxzx.gov.cn", "/robots.txt"))
    assert result.exit_code == 2
    assert "loopback/private" in result.stderr
    assert not db_path.exists()
