"""An archive made by the first schema (001_init.sql alone) upgrades in place on open."""

from __future__ import annotations

from importlib import resources

import duckdb

from warehouse import migrate
from warehouse.archive import Archive
from warehouse.search import search


def _make_v1_archive(path) -> None:
    sql = resources.files("warehouse").joinpath("schema/001_init.sql").read_text(encoding="utf-8")
    con = duckdb.connect(str(path))
    con.execute(sql)
    con.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR,"
        " applied_at TIMESTAMP DEFAULT now())"
    )
    con.execute("INSERT INTO schema_migrations (version, name) VALUES (1, 'init')")
    con.execute(
        "INSERT INTO fetches (url, final_url, status, ok, payload_sha256, size, warc_file,"
        " warc_offset, warc_length, warc_record_id, fetched_at)"
        " VALUES ('https://a.gov.cn/1.html', 'https://a.gov.cn/1.html', 200, true, 'abc', 10,"
        " 'warc/old.warc.gz', 0, 100, '<urn:uuid:1>', TIMESTAMP '2024-01-01')"
    )
    for sha, current, body, attachments in (
        ("h1", False, "旧的答复内容。", "[]"),
        ("h2", True, "我局将推进数据中心建设。", "[{'name': '附件1', 'url': 'https://a.gov.cn/f.pdf'}]"),
    ):
        con.execute(
            f"""INSERT INTO document_versions (url, content_sha256, is_current, first_seen, last_seen,
                    fetch_id, source, title, body_text, reply_class, proposal_no, attachments)
                VALUES ('https://a.gov.cn/1.html', '{sha}', {current}, TIMESTAMP '2024-01-01',
                    TIMESTAMP '2024-02-01', 1, 'ahsz-zxta', '关于第0001号提案的答复', '{body}', 'A', '0001',
                    {attachments})"""
        )
    con.close()


def test_v1_archive_upgrades_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    _make_v1_archive(path)
    with Archive(path):
        pass
    con = duckdb.connect(str(path), read_only=True)
    versions = [r[0] for r in con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
    assert versions == [v for v, _, _ in migrate.available()]
    assert con.execute("SELECT warc_type FROM fetches").fetchall() == [("response",)]
    ids = con.execute("SELECT version_id FROM document_versions ORDER BY version_id").fetchall()
    assert [i[0] for i in ids] == [1, 2]
    assert con.execute("SELECT name, attachment_url FROM attachments").fetchall() == [
        ("附件1", "https://a.gov.cn/f.pdf")
    ]
    assert con.execute("SELECT name FROM sources").fetchall() == [("ahsz-zxta",)]
    assert con.execute("SELECT count(*) FROM replies").fetchone() == (1,)
    assert con.execute("SELECT version, is_current FROM document_history ORDER BY 1").fetchall() == [
        (1, False), (2, True)
    ]  # fmt: skip
    # the existing current document was indexed during the upgrade
    assert [h.url for h in search(con, "数据中心")] == ["https://a.gov.cn/1.html"]
    assert search(con, "旧的答复") == []
    con.close()


def test_upgrade_is_a_no_op_the_second_time(tmp_path):
    path = tmp_path / "old.duckdb"
    _make_v1_archive(path)
    with Archive(path):
        pass
    con = duckdb.connect(str(path))
    assert migrate.upgrade(con) == []
    con.close()
    with Archive(path) as a:
        stats = a.load_documents([])
    assert stats.new == []


def test_every_column_a_migration_added_to_documents_is_still_there(tmp_path) -> None:
    """Several migrations redefine the `documents` view; a later one must not drop an
    earlier one's column (007 added attachments_with_text, 009 published_date_only)."""
    import re

    with Archive(tmp_path / "a.duckdb") as archive:
        con = duckdb.connect(str(archive.path), read_only=True)
    try:
        final = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'documents'").fetchall()}  # fmt: skip
    finally:
        con.close()
    for version, name, sql in migrate.available():
        m = re.search(r"VIEW documents AS\s+SELECT(.*?)\bFROM\b", sql, re.S | re.I)
        if not m:
            continue
        for item in m.group(1).split(","):
            column = re.split(r"\s+AS\s+|\.", item.strip(), flags=re.I)[-1].strip()
            if re.fullmatch(r"[a-z_]+", column):
                assert column in final, f"migration {version:03d}_{name} defined documents.{column}; it is gone"
