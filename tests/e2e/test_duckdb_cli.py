"""The archive is a plain DuckDB file: the standalone DuckDB CLI of the same version reads it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.replica.golden_cases import load_cases

CASE = "ahsz_kjj_seed003_proposal_reply"


def test_standalone_duckdb_cli_reads_documents(cli, db_path: Path, tmp_path: Path) -> None:
    duckdb_cli = Path(sys.executable).with_name("duckdb")
    if not duckdb_cli.exists():
        found = shutil.which("duckdb")
        if not found:
            pytest.skip("duckdb-cli is not installed (pip install duckdb-cli==1.5.5)")
        duckdb_cli = Path(found)
    case = next(c for c in load_cases() if c.name == CASE)
    page = tmp_path / "page.html"
    page.write_bytes(case.body)
    assert cli("ingest", "--file", str(page), "--url", case.url).exit_code == 0
    out = subprocess.run(
        [str(duckdb_cli), "-readonly", "-csv", str(db_path), "SELECT title FROM documents"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert out.stdout.splitlines() == ["title", '"关于宿州市政协六届二次会议第0321号提案的答复"']
