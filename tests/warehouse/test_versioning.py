"""A changed page gets a new version and keeps the old one; re-running a load adds nothing."""

from __future__ import annotations

import dataclasses

import duckdb

from tests.warehouse.conftest import make_doc
from warehouse.search import search


def _counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("document_versions", "documents", "attachments", "search_docs",
                      "search_postings", "sources", "fetches")
        }  # fmt: skip
    finally:
        con.close()


def test_changed_page_keeps_old_version_queryable(archive, reply_doc):
    stats1 = archive.load_documents([(reply_doc, None)])
    assert stats1.new == [reply_doc.url] and stats1.outcome(reply_doc.url) == "new"

    changed = dataclasses.replace(reply_doc, body_text="尊敬的邵广真委员：答复已修订，改为建设算力平台。")
    changed.content_sha256 = changed.content_hash()
    stats2 = archive.load_documents([(changed, None)])
    assert stats2.changed == [reply_doc.url]

    con = duckdb.connect(str(archive.path), read_only=True)
    rows = con.execute(
        "SELECT version, is_current, body_text FROM document_history WHERE url = ? ORDER BY version",
        [reply_doc.url],
    ).fetchall()
    current = con.execute("SELECT body_text FROM documents WHERE url = ?", [reply_doc.url]).fetchall()
    # the old version's search postings are gone, the new one's are there
    old_hits = search(con, "数据中心")
    new_hits = search(con, "算力平台")
    con.close()
    assert [(v, c) for v, c, _ in rows] == [(1, False), (2, True)]
    assert "数据中心" in rows[0][2]
    assert current == [(changed.body_text,)]
    assert old_hits == []
    assert [h.url for h in new_hits] == [reply_doc.url]


def test_reloading_is_idempotent(archive, reply_doc):
    other = make_doc("https://x.gov.cn/2.html", "科技局工作动态", "走访企业。", source="ahsz-kjj")
    archive.load_documents([(reply_doc, None), (other, None)])
    before = _counts(archive.path)
    stats = archive.load_documents([(reply_doc, None), (other, None)])
    assert sorted(stats.unchanged) == sorted([reply_doc.url, other.url])
    assert _counts(archive.path) == before
    # duplicates inside one batch collapse to one row
    archive.load_documents([(reply_doc, None), (reply_doc, None)])
    assert _counts(archive.path) == before
    con = duckdb.connect(str(archive.path), read_only=True)
    pairs = con.execute(
        "SELECT count(*), count(DISTINCT (url, content_sha256)) FROM document_versions"
    ).fetchone()
    postings = con.execute(
        "SELECT count(*), count(DISTINCT (term, version_id)) FROM search_postings"
    ).fetchone()
    con.close()
    assert pairs[0] == pairs[1] == 2
    assert postings[0] == postings[1] > 0


def test_reverted_page_is_current_and_searchable_again(archive, reply_doc):
    changed = dataclasses.replace(reply_doc, body_text="临时内容。")
    changed.content_sha256 = changed.content_hash()
    archive.load_documents([(reply_doc, None)])
    archive.load_documents([(changed, None)])
    stats = archive.load_documents([(reply_doc, None)])
    assert stats.unchanged == [reply_doc.url]  # this content was seen before
    con = duckdb.connect(str(archive.path), read_only=True)
    versions = con.execute("SELECT count(*), count(*) FILTER (WHERE is_current) FROM document_versions").fetchone()
    hits = search(con, "数据中心")
    con.close()
    assert versions == (2, 1)
    assert [h.url for h in hits] == [reply_doc.url]


def test_attachments_and_sources_tables(archive, reply_doc):
    archive.load_documents([(reply_doc, None)])
    archive.upsert_source("ahsz-zxta", title="宿州 政协委员提案办理", base_url="https://www.ahsz.gov.cn")
    con = duckdb.connect(str(archive.path), read_only=True)
    atts = con.execute("SELECT url, position, name, attachment_url FROM attachments").fetchall()
    src = con.execute("SELECT name, title, base_url FROM sources").fetchall()
    con.close()
    assert atts == [(reply_doc.url, 0, "附件1", "https://www.ahsz.gov.cn/f/a.pdf")]
    assert src == [("ahsz-zxta", "宿州 政协委员提案办理", "https://www.ahsz.gov.cn")]
