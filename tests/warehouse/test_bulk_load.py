"""Bulk loading (`Archive.load_batches`): the same archive as loading batch by batch."""

from __future__ import annotations

from pathlib import Path

import duckdb

import settings
from tests.warehouse.conftest import make_doc
from warehouse import db as dbmod
from warehouse.archive import Archive
from warehouse.search import search_archive

BODY = "宿州市科技局高度重视数据中心建设，推动城市赋能。"


def _batches() -> list[list]:
    first = [
        make_doc(f"https://a.gov.cn/{i}.html", f"第{i}号提案的答复", BODY * (i + 1))
        for i in range(3)
    ]
    second = [
        first[0],  # unchanged: the guess that a batch is all new content fails here
        make_doc("https://a.gov.cn/1.html", "第1号提案的答复（修订）", "改为建设数据中心二期。"),
        make_doc("https://a.gov.cn/9.html", "第9号", BODY),
        make_doc(
            "https://a.gov.cn/9.html", "第9号提案的答复", BODY + "补充。"
        ),  # the later one wins
    ]
    third = [make_doc(f"https://a.gov.cn/x{i}.html", "数据中心年报", BODY * 2) for i in range(2)]
    return [[(d, None) for d in batch] for batch in (first, second, third)]


def _state(path: Path) -> tuple[list, list, list]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        versions = con.execute(
            "SELECT version_id, url, title, is_current FROM document_versions ORDER BY version_id"
        ).fetchall()
        postings = con.execute("SELECT * FROM search_postings ORDER BY ALL").fetchall()
        docs = con.execute("SELECT * FROM search_docs ORDER BY ALL").fetchall()
    finally:
        con.close()
    return versions, postings, docs


def test_bulk_load_equals_loading_batch_by_batch(tmp_path):
    with Archive(tmp_path / "one" / "archive.duckdb") as one:
        for batch in _batches():
            one.load_documents(batch)
    with Archive(tmp_path / "bulk" / "archive.duckdb") as bulk:
        stats = bulk.load_batches(_batches())
    assert [(len(s.new), len(s.changed), len(s.unchanged)) for s in stats] == [
        (3, 0, 0),
        (1, 1, 1),
        (2, 0, 0),
    ]
    versions, postings, docs = _state(bulk.path)
    assert _state(one.path) == (versions, postings, docs)
    assert len(versions) == 7 and sum(current for *_, current in versions) == 6
    hits = search_archive(bulk.path, "数据中心二期")
    assert [h.url for h in hits] == ["https://a.gov.cn/1.html"]


def _memory_limit(path: Path) -> str:
    with dbmod.writer(path) as con:
        return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]


def test_bulk_hold_raises_the_memory_cap_only_while_held(tmp_path):
    archive = Archive(tmp_path / "archive.duckdb")
    own = settings.Settings.from_env({}).replace(bulk_memory="1GB", writer_memory="128MB")
    with settings.use(own), archive.holding(bulk=True):
        assert _memory_limit(archive.path) == "953.6 MiB"  # DuckDB's way of saying 1 GB
    assert _memory_limit(archive.path) == "122.0 MiB"  # the writer's 128 MB
