"""Issue 19: a fetch failure is one typed value; its kinds are documented in one place."""

from __future__ import annotations

import re

import duckdb

from tests.warehouse.conftest import make_fetch
from warehouse import fetch_failure
from warehouse.archive import Archive
from warehouse.fetch_failure import FailureKind, FetchFailure


def test_every_kind_is_documented_once_in_the_modules_table() -> None:
    documented = re.findall(r"^\| `([a-z_]+)` \|", fetch_failure.__doc__ or "", re.M)
    assert sorted(documented) == sorted(k.value for k in FailureKind)


def test_retryable_and_final_follow_the_kind_and_the_status() -> None:
    assert FetchFailure(FailureKind.TIMEOUT, "timeout: x").retryable
    assert not FetchFailure(FailureKind.TIMEOUT, "timeout: x").final
    assert FetchFailure(FailureKind.ROBOTS, "robots: no").final
    # robots.txt unreachable is this run's trouble, not a verdict on the URL
    assert not FetchFailure(FailureKind.UNAVAILABLE, "unavailable: ...").final
    assert FetchFailure.of_status(503).retryable and not FetchFailure.of_status(503).final
    assert FetchFailure.of_status(404, "Not Found").final
    assert not FetchFailure.of_status(429).final and FetchFailure.of_status(429).retryable
    # a body cut at the cap on a 503 answer is still worth another try
    assert FetchFailure(FailureKind.TOO_LARGE, "too_large: ...", 503).retryable


def test_a_fetch_asks_its_failure_and_the_archive_stores_its_kind(tmp_path) -> None:
    ok = make_fetch("https://a.gov.cn/ok.html", b"<html>ok</html>")
    gone = make_fetch("https://a.gov.cn/gone.html", b"", status=404, reason="Not Found")
    cut = make_fetch("https://a.gov.cn/t.html", b"", status=None,
                     recorded_failure=FetchFailure(FailureKind.TIMEOUT, "timeout: read"))  # fmt: skip
    assert ok.failure is None and ok.ok
    assert gone.failure == FetchFailure.of_status(404, "Not Found") and gone.error is None
    assert str(gone.failure) == "http: status 404 Not Found"
    assert cut.failure and cut.failure.kind is FailureKind.TIMEOUT and cut.error == "timeout: read"
    db = tmp_path / "archive.duckdb"
    with Archive(db) as archive:
        archive.store_fetches([ok, gone, cut])
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT url, failure_kind, error FROM fetches ORDER BY url").fetchall()
    assert rows == [
        ("https://a.gov.cn/gone.html", "status", None),
        ("https://a.gov.cn/ok.html", None, None),
        ("https://a.gov.cn/t.html", "timeout", "timeout: read"),
    ]
