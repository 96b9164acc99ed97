"""The CLI behaves like the tools it is measured against (DuckDB's CLI, datasette, Scrapy):
options anywhere, bad values refused before anything starts, bounded output, clear refusals."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from flows.cli import app, hoist_db
from flows.store.batch import archive_parse_load
from warehouse.archive import Archive
from warehouse.exchange import FetchResult

FIXTURES = Path(__file__).parents[1] / "parsers" / "fixtures"
PAGES = {
    "https://www.ahsz.gov.cn/public/6596221/191401491.html": "ahsz_reply.html",
    "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html": "nxzx_article.html",
    "https://www.example.gov.cn/a/1.html": "div_grid_disclosure.html",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("habits") / "archive.duckdb"
    results = [
        FetchResult(url, url, 200, [("Content-Type", "text/html")], (FIXTURES / name).read_bytes())
        for url, name in PAGES.items()
    ]
    with Archive(db) as a:
        archive_parse_load(a, results, source=None)
    return db


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


# --- 6: --db anywhere, --version, -h, help everywhere


def test_db_works_before_and_after_the_command(archive: Path) -> None:
    sql = "SELECT count(*) AS n FROM documents"
    before = run("--db", str(archive), "query", "--format", "csv", sql)
    after = run("query", "--db", str(archive), "--format", "csv", sql)
    last = run("query", "--format", "csv", sql, f"--db={archive}")
    assert before.exit_code == after.exit_code == last.exit_code == 0, after.output
    assert before.stdout == after.stdout == last.stdout == "n\n3\n"
    assert hoist_db(["query", "--", "--db", "x"]) == ["query", "--", "--db", "x"]


def test_version_and_short_help() -> None:
    version = run("--version")
    assert version.exit_code == 0 and version.stdout.startswith("govarchive ")
    for args in (["-h"], ["query", "-h"], ["crawl", "-h"]):
        result = run(*args)
        assert result.exit_code == 0 and "Usage:" in result.stdout, args


def _commands(group=None):  # noqa: ANN001, ANN202
    import typer.main

    group = group or typer.main.get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command)
        else:
            yield name, command


def test_every_command_and_option_has_help_text() -> None:
    missing = []
    for name, command in _commands():
        if not (command.help or "").strip():
            missing.append(name)
        for param in command.params:
            if param.name != "help" and not (getattr(param, "help", None) or "").strip():
                missing.append(f"{name} {param.name}")
    assert not missing


# --- 7: query


def test_query_prints_a_bounded_table_with_the_rest_counted(archive: Path) -> None:
    result = run("--db", str(archive), "query", "SELECT * FROM range(300000)")
    assert result.exit_code == 0
    assert "299,960 more rows" in result.stderr
    assert result.stdout.count("\n") < 60
    wide = run("--db", str(archive), "query", "SELECT body_text FROM documents")
    assert "…" in wide.stdout and max(len(line) for line in wide.stdout.splitlines()) < 200
    every = run("--db", str(archive), "query", "--format", "csv", "SELECT * FROM range(1000)")
    assert every.stdout.count("\n") == 1001 and "more rows" not in every.stderr


def test_query_csv_has_unix_line_ends(archive: Path) -> None:
    result = run("--db", str(archive), "query", "--format", "csv", "SELECT url FROM documents ORDER BY url")
    assert "\r" not in result.stdout
    assert result.stdout.splitlines()[-1] == "https://www.example.gov.cn/a/1.html"


@pytest.mark.parametrize(
    ("sql", "needle"),
    [("", "no SQL given"), ("   ", "no SQL given"), ("SELECT 1; SELECT 2", "one statement at a time"),
     ("SELECT nme FROM (SELECT 1 AS name)", 'Candidate bindings: "name"')],
)  # fmt: skip
def test_query_refuses_clearly(archive: Path, sql: str, needle: str) -> None:
    result = run("--db", str(archive), "query", sql)
    assert result.exit_code == 1 and result.stderr.startswith("error:") and needle in result.stderr
    assert "Traceback" not in result.output


def test_query_format_is_checked_before_the_archive_is_opened(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "nosuch.duckdb"), "query", "--format", "xml", "SELECT 1")
    assert result.exit_code == 2 and "--format must be one of table, csv, json, got 'xml'" in result.stderr


# --- 8: export


def test_export_format_follows_the_extension_or_is_refused(archive: Path, tmp_path: Path) -> None:
    csv_out = tmp_path / "out.csv"
    assert run("--db", str(archive), "export", str(csv_out)).exit_code == 0
    assert csv_out.read_text(encoding="utf-8").startswith('"url"')  # CSV, not Parquet
    unknown = run("--db", str(archive), "export", str(tmp_path / "out.data"))
    assert unknown.exit_code == 2 and "cannot tell the format" in unknown.stderr
    clash = run("--db", str(archive), "export", "--format", "parquet", str(tmp_path / "x.csv"))
    assert clash.exit_code == 2 and not (tmp_path / "x.csv").exists()


def test_export_for_excel_and_jsonl_metadata_as_objects(archive: Path, tmp_path: Path) -> None:
    excel = tmp_path / "excel.csv"
    assert run("--db", str(archive), "export", "--excel", str(excel)).exit_code == 0
    raw = excel.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "宿州市科技局".encode() in raw
    lines = tmp_path / "docs.jsonl"
    assert run("--db", str(archive), "export", str(lines)).exit_code == 0
    rows = [json.loads(line) for line in lines.read_text(encoding="utf-8").splitlines()]
    assert all(isinstance(r["metadata"], dict) for r in rows)
    assert any(r["metadata"] for r in rows)


def test_export_refuses_folders_bad_targets_and_writes(archive: Path, tmp_path: Path) -> None:
    folder = run("--db", str(archive), "export", str(tmp_path))
    assert folder.exit_code == 2 and "is a folder" in folder.stderr
    under_file = run("--db", str(archive), "export", str(archive / "x.csv"))
    assert under_file.exit_code == 2 and "is a file, not a folder" in under_file.stderr
    write = run("--db", str(archive), "export", "--query", "DELETE FROM fetches", str(tmp_path / "w.csv"))
    assert write.exit_code == 1 and "DELETE statements are refused" in write.stderr


# --- 9: search


def test_search_refuses_empty_and_operators_and_counts(archive: Path) -> None:
    empty = run("--db", str(archive), "search", "  ")
    assert empty.exit_code == 2 and "nothing to search for" in empty.stderr
    either = run("--db", str(archive), "search", "科技 OR 产业")
    assert either.exit_code == 2 and "every word must occur (AND)" in either.stderr
    unknown = run("--db", str(archive), "search", "--source", "nosuch", "科技")
    assert unknown.exit_code == 2 and "known: ahsz-kjj, ahsz-rdjy, ahsz-zxta, nxzx-tagz" in unknown.stderr
    one = run("--db", str(archive), "search", "--limit", "1", "产业")
    assert one.exit_code == 0 and "1 of 2 matching documents" in one.stderr
    phrase = run("--db", str(archive), "search", '"城市赋能"')
    assert phrase.exit_code == 0 and "1 of 1" in phrase.stderr
    apart = run("--db", str(archive), "search", '"赋能 城市"')
    assert "no documents match" in apart.stderr


# --- 10: wrong values refused before anything starts


@pytest.mark.parametrize(
    ("args", "needle"),
    [(["--rps", "0"], "--rps must be more than 0"), (["--rps", "-2"], "--rps must be more than 0"),
     (["--concurrency", "0"], "--concurrency must be more than 0"),
     (["--max-pages", "0"], "--max-pages must be more than 0"),
     (["--since", "yesterday"], "--since takes a date: YYYY-MM-DD, YYYY-MM or YYYY (got 'yesterday')")],
)  # fmt: skip
def test_crawl_refuses_bad_values_before_starting(tmp_path: Path, args: list[str], needle: str) -> None:
    db = tmp_path / "data" / "archive.duckdb"
    result = run("--db", str(db), "crawl", "nxzx-tagz", *args)
    assert result.exit_code == 2 and needle in result.stderr
    assert not db.parent.exists()  # nothing created


def test_unknown_sources_and_missing_archives_are_named(tmp_path: Path, archive: Path) -> None:
    crawl = run("--db", str(tmp_path / "a.duckdb"), "crawl", "nosuch")
    assert crawl.exit_code == 2 and "unknown source 'nosuch'; known: ahsz-kjj" in crawl.stderr  # quotes kept
    reparse = run("--db", str(archive), "reparse", "--source", "nosuch")
    assert reparse.exit_code == 2 and "unknown source 'nosuch'" in reparse.stderr
    for command in (["query", "SELECT 1"], ["search", "科技"], ["stats"], ["export", str(tmp_path / "o.csv")],
                    ["reparse"]):  # fmt: skip
        typo = tmp_path / "typo" / "archvie.duckdb"
        result = run("--db", str(typo), *command)
        assert result.exit_code in (1, 2) and "no archive at" in result.stderr, command
        assert not typo.parent.exists(), command


def test_since_means_the_same_in_every_command(archive: Path, tmp_path: Path) -> None:
    for since in ("2023", "2023-06", "2023-06-20"):
        assert run("--db", str(archive), "search", "--since", since, "产业").exit_code == 0
    bad = run("--db", str(archive), "search", "--since", "20230620x", "产业")
    assert bad.exit_code == 2 and "--since takes a date: YYYY-MM-DD, YYYY-MM or YYYY" in bad.stderr


def test_an_unwritable_folder_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    page = FIXTURES / "ahsz_reply.html"
    result = run("--db", str(blocker / "a.duckdb"), "ingest", "--file", str(page), "--url", "https://www.example.gov.cn/1.html")
    assert result.exit_code == 2 and f"{blocker} is a file, not a folder" in result.stderr
    if os.geteuid() != 0:  # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        result = run("--db", str(locked / "a.duckdb"), "ingest", "--file", str(page), "--url", "https://www.example.gov.cn/1.html")
        assert result.exit_code == 2 and "is not writable" in result.stderr


def test_the_archive_is_untouched_by_refusals(archive: Path) -> None:
    con = duckdb.connect(str(archive), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (3,)
    finally:
        con.close()
