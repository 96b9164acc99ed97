"""Proposals and their paper trail, end to end through the load path (raw archived, parsed,
loaded): views `proposals`, `proposal_links`, `document_links` against the hand-written
labels of tests/replica/trail/, in any load order, after a parser change and a reparse,
and for an archive older than the views (migration 008 backfills it).
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

import parsers
from tests.replica.trail import score as sc
from tests.replica.trail.pages import A1_TEXT, PAGES
from warehouse.archive import Archive

BY_NAME = {p.name: p for p in PAGES}
U = sc.URL


def _con(path: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=True)


def _links(path: Path) -> set[tuple]:
    with _con(path) as con:
        return set(con.execute("SELECT proposal_key, url, role, handling, copy_of FROM proposal_links").fetchall())


@pytest.fixture
def loaded(tmp_path: Path) -> Path:
    db = tmp_path / "trail.duckdb"
    with Archive(db) as archive:
        sc.load(archive)
    return db


def test_links_match_the_hand_labels(loaded: Path) -> None:
    with _con(loaded) as con:
        scores = sc.score(con)
        rows = con.execute(
            "SELECT proposal_key, kind, proposer, proposal_title, replies FROM proposals"
        ).fetchall()
    for s in scores:
        assert (s.name, s.precision, s.recall) == (s.name, 1.0, 1.0)
    got = {key: {"kind": k, "proposer": p, "proposal_title": t, "replies": n} for key, k, p, t, n in rows}
    assert got == sc.LABELS["proposals"]


def test_the_command_reads_the_same_as_the_views(loaded: Path) -> None:
    """`proposal` derives its rows from proposal_links for one key (fast); they must equal the views."""
    from warehouse.proposals import trail

    with _con(loaded) as con:
        columns = [c[0] for c in con.execute("SELECT * FROM proposals LIMIT 0").description]
        for row in con.execute("SELECT * FROM proposals").fetchall():
            view = dict(zip(columns, row, strict=True))
            got = trail(con, view["proposal_key"])
            assert got is not None and got.proposal == view
            pages = {(p.url, role) for role in ("replies", "reports", "copies") for p in getattr(got, role)}
            linked = con.execute(
                "SELECT url, role FROM proposal_links WHERE proposal_key = ?", [view["proposal_key"]]
            ).fetchall()
            roles = {"reply": "replies", "report": "reports", "repost": "copies"}
            assert pages == {(u, roles[r]) for u, r in linked}


def test_each_link_role(loaded: Path) -> None:
    with _con(loaded) as con:
        rows = con.execute(
            "SELECT url, role, handling, handling_label, matched_by, copy_of FROM proposal_links"
        ).fetchall()
        kinds = con.execute("SELECT url, other_url, kind FROM document_links").fetchall()
    by_url = {r[0]: r[1:] for r in rows}
    assert by_url[U["a1_lead_reply"]][:3] == ("reply", "lead", "主办")
    assert by_url[U["a2_co_reply_xieban"]][:3] == ("reply", "co", "协办")
    assert by_url[U["a3_co_reply_huiban"]][:3] == ("reply", "co", "会办")
    assert by_url[U["d2_co_by_list"]][:3] == ("reply", "co", "协办")
    assert by_url[U["a5_report_by_title"]][0] == "report" and by_url[U["a5_report_by_title"]][3] == "title"
    assert by_url[U["c1_report_by_number"]][0] == "report" and by_url[U["c1_report_by_number"]][3] == "number"
    # copies with 原文链接 and without it (the portal's, a document library's)
    assert by_url[U["a6_report_repost_with_link"]][::4] == ("repost", U["a5_report_by_title"])
    assert by_url[U["a4_portal_copy_no_link"]][::4] == ("repost", U["a1_lead_reply"])
    assert by_url[U["b3_library_copy_no_link"]][::4] == ("repost", U["b1_lead_reply"])
    assert (U["a6_report_repost_with_link"], U["a5_report_by_title"], "repost") in kinds
    same = {frozenset((a, b)) for a, b, k in kinds if k == "same_text"}
    assert frozenset((U["a4_portal_copy_no_link"], U["a1_lead_reply"])) in same
    assert frozenset((U["b3_library_copy_no_link"], U["b1_lead_reply"])) in same


def test_distractors_stay_apart(loaded: Path) -> None:
    with _con(loaded) as con:
        keys = dict(con.execute("SELECT url, proposal_key FROM proposal_links").fetchall())
        pairs = {frozenset(p) for p in con.execute("SELECT url, other_url FROM document_links").fetchall()}
        scores = dict(con.execute("SELECT url || other_url, score FROM document_links").fetchall())
    # same number, other city; same topic and bureau, other number
    assert keys[U["x1_same_number_other_city"]] == "滁州市政协|六届二次会议|0412"
    assert keys[U["x2_same_topic_other_proposal"]] == "宿州市政协|六届二次会议|0415"
    for name in sc.LABELS["unlinked"]:  # a summary, a passing mention, the proposer's other proposal
        assert U[name] not in keys
    for a, b in sc.LABELS["not_copies"]:
        assert frozenset((U[a], U[b])) not in pairs
    assert all(0.0 <= s <= 1.0 for s in scores.values())


def test_load_order_does_not_matter(tmp_path: Path, loaded: Path) -> None:
    """Copies before originals, co replies before the lead, one page a batch: same trail."""
    db = tmp_path / "reversed.duckdb"
    one_by_one = [p for p in reversed(PAGES) if p.name[0] in "ac"]  # copies, co replies first
    with Archive(db) as archive, archive.holding():
        sc.load(archive, [p for p in PAGES if p not in one_by_one][::-1])
        for page in one_by_one:
            sc.load(archive, [page])
        sc.load(archive, PAGES[:5])  # reloading unchanged pages changes nothing
    with _con(db) as con:
        bands = con.execute("SELECT count(*) FROM text_bands").fetchone()
    assert _links(db) == _links(loaded)
    with _con(loaded) as con:
        assert con.execute("SELECT count(*) FROM text_bands").fetchone() == bands


def test_a_changed_page_loses_its_old_pairs(loaded: Path) -> None:
    copy = BY_NAME["a4_portal_copy_no_link"]
    # the portal rewrote the two long paragraphs (estimated similarity to A1 falls below 0.8)
    html = copy.html.replace(A1_TEXT[2], "本页内容已按最新办理进展更新，详见市商务局网站。").replace(
        A1_TEXT[3], "市商务局将于年底前公布冷链物流发展规划的正式文本，届时一并公开征求意见情况。"
    )
    rewritten = copy.__class__(copy.name, copy.url, html)
    assert html != copy.html
    with Archive(loaded) as archive:
        sc.load(archive, [rewritten])
    with _con(loaded) as con:
        pairs = con.execute(
            "SELECT count(*) FROM text_links WHERE url = ? OR other_url = ?", [copy.url, copy.url]
        ).fetchone()
        role = con.execute("SELECT role FROM proposal_links WHERE url = ?", [copy.url]).fetchone()
    assert pairs == (0,)
    assert role == ("reply",)  # no longer a copy: the same bureau's second answer


def test_migration_008_backfills_an_older_archive(loaded: Path) -> None:
    before = _links(loaded)
    with duckdb.connect(str(loaded)) as con:
        for table in ("proposal_refs", "text_signatures", "text_bands", "text_links"):
            con.execute(f"DELETE FROM {table}")
        con.execute("DELETE FROM schema_migrations WHERE version >= 8")
    Archive(loaded).close()  # opening upgrades the schema
    assert _links(loaded) == before


def _old_parser(real):  # noqa: ANN001, ANN202 - the parse function
    """A parser before the reply layer: no reply recognised, copies keep the re-poster's tail."""

    def parse(content: bytes, url: str, content_type: str | None = None) -> parsers.Document:
        doc = real(content, url, content_type)
        doc.doc_type = "article"
        doc.session = doc.proposal_no = doc.proposer = doc.proposal_title = None
        doc.reply_class = doc.contact_unit = None
        if doc.original_url:
            doc.body_text = (doc.body_text or "") + "\n\n[免责声明] 本文来源于网络转载,仅供学习交流使用。" * 30
        doc.content_sha256 = doc.content_hash()
        return doc

    return parse


def test_reparse_after_a_parser_change(cli, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    with monkeypatch.context() as m:
        m.setattr(parsers, "parse", _old_parser(parsers.parse))
        with Archive(db_path) as archive:
            sc.load(archive)
    with _con(db_path) as con:
        before = {s.name: s.recall for s in sc.score(con)}
        replies_before = con.execute("SELECT count(*) FROM proposal_links WHERE role = 'reply'").fetchone()
    assert replies_before == (0,) and before["proposal_links"] < 0.5
    result = cli("reparse")
    assert result.exit_code == 0, result.output
    with _con(db_path) as con:
        for s in sc.score(con):
            assert (s.name, s.precision, s.recall) == (s.name, 1.0, 1.0)


def test_proposal_command(cli, db_path: Path) -> None:  # noqa: ANN001
    with Archive(db_path) as archive:
        sc.load(archive)
    result = cli("proposal", "宿州市政协六届二次会议第412号提案")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "宿州市政协|六届二次会议|0412" in out and "王立新" in out
    assert "2023-06-26  宿州市商务局  class B  role lead (主办)" in out
    assert "宿州市交通运输局  class -  role co (协办)" in out
    assert "role co (会办)" in out
    assert "市商务局高质量办理政协重点提案" in out  # the report
    assert f"{U['a6_report_repost_with_link']}  <- repost of {U['a5_report_by_title']}" in out
    assert f"{U['a4_portal_copy_no_link']}  <- same_text 1.00 of {U['a1_lead_reply']}" in out

    data = json.loads(cli("proposal", "宿州市人大|六届二次会议|203", "--json").output)
    assert data["proposal"]["kind"] == "suggestion" and data["proposal"]["replies"] == 2
    assert {(r["bureau"], r["handling"]) for r in data["replies"]} == {("宿州市交通运输局", "lead"), ("宿州市财政局", "co")}
    assert [c["url"] for c in data["copies"]] == [U["b3_library_copy_no_link"]]

    by_url = json.loads(cli("proposal", U["c3_report_repost_with_link"], "--json").output)
    assert by_url["proposal"]["proposal_key"] == "宁夏政协|十二届二次会议|0156"
    several = cli("proposal", "冷链")
    assert several.exit_code == 0 and "0412" in several.output and "0415" in several.output
    missing = cli("proposal", "宿州市政协|六届二次会议|9999")
    assert missing.exit_code == 1 and "no proposal matches" in missing.output
