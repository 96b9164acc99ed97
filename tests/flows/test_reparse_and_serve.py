"""reparse reads the raw archive, never the network; serve builds one deployment per source."""

from __future__ import annotations

from pathlib import Path

import duckdb

import parsers
from flows.reparse import reparse_archive
from tests.replica.golden_cases import load_cases

CASE = "ahsz_kjj_seed003_proposal_reply"


def _page(tmp_path: Path) -> tuple[Path, str]:
    case = next(c for c in load_cases() if c.name == CASE)
    page = tmp_path / "page.html"
    page.write_bytes(case.body)
    return page, case.url


def test_a_parse_failure_is_recorded_and_healed_by_reparse(cli, db_path: Path, tmp_path: Path, monkeypatch) -> None:
    page, url = _page(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("parser bug")

    monkeypatch.setattr(parsers, "parse", broken)
    result = cli("ingest", "--file", str(page), "--url", url)
    assert result.exit_code == 1 and "parser crashed" in result.stderr
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert con.execute("SELECT kind, resolved FROM parse_errors").fetchall() == [("crash", False)]
    con.close()

    monkeypatch.undo()
    summary = reparse_archive(str(db_path))
    assert (summary.pages, summary.new, summary.failed) == (1, 1, 0)
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT proposal_no, reply_class FROM documents").fetchall() == [("0321", "B")]
    assert con.execute("SELECT resolved FROM parse_errors").fetchall() == [(True,)]
    # reparse added no fetch: it read the WARC record
    assert con.execute("SELECT count(*) FROM fetches").fetchone()[0] == 1
    con.close()


def test_reparse_of_unchanged_content_keeps_one_version(cli, db_path: Path, tmp_path: Path) -> None:
    page, url = _page(tmp_path)
    assert cli("ingest", "--file", str(page), "--url", url).exit_code == 0
    result = cli("reparse")
    assert result.exit_code == 0
    assert "reparsed 1 pages: 0 new, 0 changed, 1 unchanged, 0 failed" in result.stdout
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM document_versions").fetchone()[0] == 1
    con.close()


def test_serve_registers_every_source_on_its_schedule() -> None:
    from flows.deployments import served
    from flows.sources import load_sources

    deps = served()
    sources = load_sources()
    assert sorted(d.name for d in deps) == sorted(sources)
    for d in deps:
        (schedule,) = d.schedules
        assert schedule.schedule.cron == sources[d.name].schedule
        assert schedule.schedule.timezone == "Asia/Shanghai"
        assert d.parameters == {"source_name": d.name}  # no archive, no CLI-only knob baked in
        assert d.concurrency_limit == 1 and "govarchive-serve" in d.tags


def test_sources_command_lists_the_builtin_sources(cli) -> None:
    result = cli("sources")
    assert result.exit_code == 0
    for name in ("nxzx-tagz", "ahsz-zxta", "ahsz-rdjy", "ahsz-kjj"):
        assert name in result.stdout


def test_crawl_of_an_unknown_source_fails_fast(cli) -> None:
    result = cli("crawl", "no-such-source")
    assert result.exit_code == 2
    assert "unknown source" in result.stderr
