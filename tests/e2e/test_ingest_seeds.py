"""Foundation, end to end: the two seed pages fetched over real HTTP, archived, parsed, loaded, queried."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from tests.replica.golden_cases import load_cases

SEED_REPOST = "repost_seed000_aggregator"
SEED_REPLY = "ahsz_kjj_seed003_proposal_reply"
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

# First and last paragraphs as they stand in the seed texts (shared/seeds), copied by hand.
REPOST_FIRST = "电子信息产业是国民经济先导性、基础性和战略性产业"
REPOST_LAST = "持续推动我区数字信息产业高质量发展。"
REPLY_FIRST = "尊敬的邵广真委员"
REPLY_LAST = "联系电话:3022482"
SIDEBAR = ["最新加入", "热门资讯", "免责声明", "检察公益诉讼10周年座", "24-12-23", "扫一扫在手机打开当前页"]


def _golden_url(replica, case: str) -> str:
    return replica.url("www.nxzx.gov.cn", f"/_golden/{case}")


def test_ingest_both_seeds_over_http(cli, replica, db_path: Path) -> None:
    urls = [_golden_url(replica, SEED_REPOST), _golden_url(replica, SEED_REPLY)]
    result = cli("ingest", "--allow-private", *urls)
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert len(lines) == 2 and all("\tnew\t" in ln for ln in lines), result.stdout

    con = duckdb.connect(str(db_path), read_only=True)
    rows = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT url, title, published_at::VARCHAR, source_name, original_url, body_text,"
            " proposal_no, reply_class, proposer FROM documents"
        ).fetchall()
    }
    repost = rows[urls[0]]
    assert repost[0].startswith("多重发力 激发电子信息产业新动能")
    assert repost[1].startswith("2023-10-11")
    assert repost[2] == "华兴时报"
    assert repost[3] == "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html"
    assert REPOST_FIRST in repost[4] and REPOST_LAST in repost[4]
    reply = rows[urls[1]]
    assert reply[0] == "关于宿州市政协六届二次会议第0321号提案的答复"
    assert reply[1] == "2023-06-20 08:25:00"
    assert reply[2] == "宿州市科技局"
    assert REPLY_FIRST in reply[4] and REPLY_LAST in reply[4]
    assert reply[5:] == ("0321", "B", "邵广真")
    for body in (repost[4], reply[4]):
        for junk in SIDEBAR:
            assert junk not in body

    # raw bytes were archived first, exactly as served
    served = {c.name: c.body for c in load_cases()}
    fetch = con.execute(
        "SELECT size, payload_sha256 FROM fetches WHERE url = ?", [urls[1]]
    ).fetchone()
    assert fetch[0] == len(served[SEED_REPLY])
    con.close()


def test_reingest_does_not_duplicate(cli, replica, db_path: Path) -> None:
    url = _golden_url(replica, SEED_REPLY)
    assert cli("ingest", "--allow-private", url).exit_code == 0
    second = cli("ingest", "--allow-private", url)
    assert second.exit_code == 0
    assert "\tunchanged\t" in second.stdout
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM document_versions").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM fetches").fetchone()[0] == 2
    con.close()


def test_ingest_saved_file(cli, db_path: Path, tmp_path: Path) -> None:
    case = next(c for c in load_cases() if c.name == SEED_REPLY)
    page = tmp_path / "page.html"
    page.write_bytes(case.body)
    result = cli("ingest", "--file", str(page), "--url", case.url)
    assert result.exit_code == 0, result.output
    out = cli("query", "--format", "json", "SELECT url, proposal_no, issuer FROM documents")
    assert json.loads(out.stdout) == [
        {"url": case.url, "proposal_no": "0321", "issuer": "宿州市科技局"}
    ]


def test_parse_json_touches_no_database(cli, db_path: Path, tmp_path: Path) -> None:
    case = next(c for c in load_cases() if c.name == SEED_REPLY)
    page = tmp_path / "page.html"
    page.write_bytes(case.body)
    result = cli("parse", str(page), "--url", case.url, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == "关于宿州市政协六届二次会议第0321号提案的答复"
    assert data["index_no"] == "003187413/202306-00020"
    assert not db_path.exists()


def test_documents_view_has_every_contract_column(cli, replica, db_path: Path) -> None:
    from parsers.document import CONTRACT_KEYS

    assert cli("ingest", "--allow-private", _golden_url(replica, SEED_REPOST)).exit_code == 0
    con = duckdb.connect(str(db_path), read_only=True)
    columns = {r[0] for r in con.execute("DESCRIBE documents").fetchall()}
    con.close()
    assert set(CONTRACT_KEYS) <= columns
