"""Issue 19, item 5: defects found while restructuring, each pinned by a test."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows import cli
from warehouse.exchange import FetchResult


def _bug(*args: object, **kwargs: object) -> None:
    raise ValueError("a bug deep inside the crawl")


@pytest.fixture
def buggy_crawl(monkeypatch: pytest.MonkeyPatch):
    """`run_crawl` raising what a bug raises; the CLI's own checks still run for real."""
    import flows.crawl_local

    monkeypatch.setattr(flows.crawl_local, "run_crawl", _bug)
    monkeypatch.setattr(cli, "_quiet_prefect", lambda **_: None)


def test_a_bug_mid_crawl_is_not_reported_as_a_usage_error(buggy_crawl, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli.app, ["crawl", "ahsz-kjj", "--db", str(tmp_path / "a.duckdb")])
    assert result.exit_code == 1 and isinstance(result.exception, ValueError)
    # ... while a request that cannot be met still is one
    refused = CliRunner().invoke(cli.app, ["crawl", "no-such-source", "--db", str(tmp_path / "a.duckdb")])
    assert refused.exit_code == 2


def test_the_bug_shows_its_traceback_with_govarchive_debug(
    buggy_crawl, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    handler = signal.getsignal(signal.SIGTERM)
    monkeypatch.setattr(sys, "argv", ["govarchive", "crawl", "ahsz-kjj", "--db", str(tmp_path / "a.duckdb")])
    try:
        with pytest.raises(SystemExit) as stopped:
            cli.main()
        assert stopped.value.code == 1
        assert "error: ValueError: a bug deep inside the crawl (GOVARCHIVE_DEBUG=1" in capsys.readouterr().err
        monkeypatch.setenv("GOVARCHIVE_DEBUG", "1")
        with pytest.raises(ValueError, match="a bug deep inside"):
            cli.main()
    finally:
        signal.signal(signal.SIGTERM, handler)


def test_one_test_of_a_2xx_answer() -> None:
    def answer(status: int | None) -> FetchResult:
        return FetchResult("https://a.gov.cn/", "https://a.gov.cn/", status)

    assert [answer(s).success_status for s in (200, 204, 299, 300, 304, 404, None)] == [
        True, True, True, False, False, False, False,
    ]  # fmt: skip
    assert answer(304).failure is None and not answer(304).ok
