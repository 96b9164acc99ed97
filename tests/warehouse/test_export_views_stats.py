"""Export round-trips, the convenience views, and the stats sections."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tests.warehouse.conftest import make_doc, make_fetch
from warehouse.export import export_archive
from warehouse.fetch_failure import FailureKind, FetchFailure
from warehouse.query import QueryError
from warehouse.stats import archive_stats


@pytest.fixture
def filled(archive, reply_doc):
    disclosure = make_doc(
        "https://kjj.ahsz.gov.cn/public/1/2.html", "宿州市科技局2023年工作要点", "一、加强科技创新。",
        source="ahsz-kjj", published_at=dt.datetime(2023, 2, 1), issuer="宿州市科技局",
        index_no="11341300/2023-00002", doc_no="宿科〔2023〕1号", written_date=dt.date(2023, 1, 30),
        doc_type="disclosure", metadata={"索引号": "11341300/2023-00002"},
    )  # fmt: skip
    suggestion = make_doc(
        "https://www.ahsz.gov.cn/public/3/4.html", "对市七届人大二次会议第0012号建议的答复",
        "尊敬的王芳代表：您提出的建议收悉。", source="ahsz-rdjy",
        published_at=dt.datetime(2024, 1, 5), reply_class="A", proposal_no="0012",
        doc_type="suggestion_reply",
    )  # fmt: skip
    archive.load_documents([(reply_doc, None), (disclosure, None), (suggestion, None)])
    archive.store_fetches(
        [make_fetch("https://a.gov.cn/x.html", b"", status=500),
         make_fetch("https://a.gov.cn/y.html", b"", status=None, recorded_failure=FetchFailure(FailureKind.TIMEOUT, "timeout: read timed out"))],
        source="ahsz-kjj",
    )  # fmt: skip
    archive.record_parse_error(
        fetch_id=1, url="https://a.gov.cn/x.html", kind="empty", message="empty body", parser_version="t"
    )
    return archive


def test_parquet_export_reads_back_equal_to_the_view(filled, tmp_path):
    out = tmp_path / "docs.parquet"
    assert export_archive(filled.path, out) == 3
    con = duckdb.connect(str(filled.path), read_only=True)
    view = con.execute("SELECT * FROM documents ORDER BY url").to_arrow_table()
    con.close()
    back = pq.read_table(out)
    assert back.schema.names == view.schema.names
    assert back.to_pylist() == view.to_pylist()


def test_csv_and_jsonl_exports_and_queries(filled, tmp_path):
    n = export_archive(filled.path, tmp_path / "r.csv", fmt="csv", sql="SELECT * FROM replies ORDER BY url")
    assert n == 2
    text = (tmp_path / "r.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith('"url"')
    assert "附件1" in text  # attachments as JSON text
    assert export_archive(filled.path, tmp_path / "d.jsonl", fmt="jsonl") == 3
    rows = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["source"] for r in rows} == {"ahsz-zxta", "ahsz-kjj", "ahsz-rdjy"}
    assert export_archive(filled.path, tmp_path / "e.csv", fmt="csv", sql="SELECT 1 AS a WHERE false") == 0
    assert (tmp_path / "e.csv").read_text().strip() == '"a"'
    with pytest.raises(ValueError):
        export_archive(filled.path, tmp_path / "x.xml", fmt="xml")
    with pytest.raises(QueryError):
        export_archive(filled.path, tmp_path / "x.csv", fmt="csv", sql="DELETE FROM fetches")
    with pytest.raises(QueryError):  # the sandbox: no file access from SQL
        export_archive(filled.path, tmp_path / "x.csv", fmt="csv", sql="SELECT * FROM read_csv('/etc/passwd')")


def test_views(filled):
    con = duckdb.connect(str(filled.path), read_only=True)
    replies = con.execute(
        "SELECT proposal_no, reply_kind, reply_class, proposer FROM replies ORDER BY proposal_no"
    ).fetchall()
    disclosures = con.execute("SELECT url, doc_no FROM disclosures ORDER BY url").fetchall()
    latest = con.execute("SELECT source, documents, newest_title FROM latest_by_source ORDER BY 1").fetchall()
    con.close()
    assert replies == [("0012", "suggestion", "A", None), ("0321", "proposal", "B", "邵广真")]
    assert ("https://kjj.ahsz.gov.cn/public/1/2.html", "宿科〔2023〕1号") in disclosures
    assert latest == [
        ("ahsz-kjj", 1, "宿州市科技局2023年工作要点"),
        ("ahsz-rdjy", 1, "对市七届人大二次会议第0012号建议的答复"),
        ("ahsz-zxta", 1, "关于宿州市政协六届二次会议第0321号提案的答复"),
    ]


def test_stats_sections(filled):
    sections = {title: (cols, rows) for title, cols, rows in archive_stats(filled.path)}
    assert sections["Overview"][1][0][:3] == (3, 3, 2)
    assert ("B", "proposal", 1) in sections["Reply classes"][1]
    assert {r[0] for r in sections["Documents per source"][1]} == {"ahsz-zxta", "ahsz-kjj", "ahsz-rdjy"}
    failures = {r[1]: r[2] for r in sections["Fetch failures"][1]}
    assert failures == {"http 500": 1, "timeout": 1}
    assert sections["Open parse errors"][1][0][:2] == ("empty", 1)
    months = dict(sections["Documents per month (last 24)"][1])
    assert months["2023-06"] == 1


def test_cli_export_and_stats(filled, tmp_path):
    from flows.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["--db", str(filled.path), "export", "--format", "parquet", str(tmp_path / "o.parquet")])
    assert res.exit_code == 0, res.output
    assert "wrote 3 rows" in res.output
    res = runner.invoke(app, ["--db", str(filled.path), "export", "--format", "csv", "--query",
                              "SELECT url FROM replies", str(tmp_path / "o.csv")])  # fmt: skip
    assert res.exit_code == 0 and "wrote 2 rows" in res.output
    res = runner.invoke(app, ["--db", str(filled.path), "stats"])
    assert res.exit_code == 0, res.output
    assert "Reply classes" in res.output and "ahsz-zxta" in res.output
