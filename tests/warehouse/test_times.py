"""Which clock each timestamp is on is written in the schema; a printed date without a time stays distinguishable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from flows.store.batch import archive_parse_load
from warehouse.archive import Archive
from warehouse.exchange import FetchResult

PAGE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1><div class="info">发布时间：{printed}　来源：宿州市科技局</div>
<div id="zoom"><p>为进一步做好科技项目申报工作，现将有关事项通知如下，请各单位认真组织申报，按时报送材料。</p>
<p>联系人：张三，联系电话：3022482。</p></div></body></html>"""


def _page(url: str, title: str, printed: str) -> FetchResult:
    body = PAGE.format(title=title, printed=printed).encode()
    return FetchResult(url, url, 200, [("Content-Type", "text/html; charset=utf-8")], body)


def test_date_only_is_not_midnight_and_clocks_are_named(db_path: Path) -> None:
    pages = [
        _page("http://www.example.gov.cn/a/1.html", "关于申报科技项目的通知", "2023-06-20"),
        _page("http://www.example.gov.cn/a/2.html", "关于申报科技项目的补充通知", "2023-06-20 00:00:00"),
        _page("http://www.example.gov.cn/a/3.html", "关于申报科技项目的再次通知", "2023年06月20日 08时25分"),
    ]
    with Archive(db_path) as archive:
        archive_parse_load(archive, pages, source=None)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        rows = con.execute("SELECT url, published_at, published_date_only FROM documents ORDER BY url").fetchall()
        comments = dict(
            con.execute(
                "SELECT table_name || '.' || column_name, comment FROM duckdb_columns()"
                " WHERE table_name IN ('documents', 'fetches') AND comment IS NOT NULL"
            ).fetchall()
        )
    finally:
        con.close()
    midnight = dt.datetime(2023, 6, 20)
    assert [r[1:] for r in rows] == [(midnight, True), (midnight, False), (dt.datetime(2023, 6, 20, 8, 25), False)]
    assert "Asia/Shanghai" in comments["documents.published_at"]
    for column in ("documents.fetched_at", "documents.first_seen", "documents.last_seen", "fetches.fetched_at"):
        assert comments[column].startswith("UTC"), column
