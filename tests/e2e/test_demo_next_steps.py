"""The demo ends with three commands to try next; each runs as printed against the demo's archive."""

from __future__ import annotations

import shlex
from pathlib import Path

from typer.testing import CliRunner

from flows.cli import app
from flows.store.batch import archive_parse_load
from tests.replica.demo import next_commands
from warehouse.archive import Archive
from warehouse.exchange import FetchResult

FIXTURE = Path(__file__).parents[1] / "parsers" / "fixtures" / "ahsz_reply.html"


def test_the_demos_next_commands_run_as_printed(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    db = "data/demo.duckdb"
    url = "https://www.ahsz.gov.cn/public/6596221/191401491.html"
    with Archive(db) as archive:
        archive_parse_load(archive, [FetchResult(url, url, 200, [("Content-Type", "text/html")], FIXTURE.read_bytes())])
    commands = next_commands(db)
    assert len(commands) == 3
    for line in commands:
        words = shlex.split(line)
        assert words[0] == ".venv/bin/govarchive" and "--db" in words and db in words
        result = CliRunner().invoke(app, words[1:], catch_exceptions=False)
        assert result.exit_code == 0, (line, result.output)
        if words[1] == "search":  # it finds something, as it does on the demo's archive
            assert "0321号提案的答复" in result.output, result.output
    assert Path("data/replies.csv").read_bytes().startswith(b"\xef\xbb\xbf")
