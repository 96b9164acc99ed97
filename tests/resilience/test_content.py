"""Content faults through archive → parse → load: what a bad page may and may not do.

The rule under test: raw bytes are always archived, but only a real page becomes a
document version, and nothing replaces a good version except a newer real page
(an emptied article becomes its own, flagged version; the old one stays).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from flows.fetch import Fetcher
from flows.store.batch import EMPTY_BODY_WARNING, archive_parse_load
from tests.replica.golden_cases import load_cases
from tests.replica.server import ReplicaServer
from tests.resilience.helpers import policy, sql, warc_scan
from warehouse.archive import Archive
from warehouse.exchange import FetchResult
from warehouse.warc import read_response

KJJ = "kjj.ahsz.gov.cn"


@pytest.fixture
def rs() -> Iterator[ReplicaServer]:
    with ReplicaServer(articles={"nxzx": 8, "kjj": 6}, mode="thread") as server:
        yield server


def _ingest(db: Path, *urls: str, **kw: object) -> list:
    async def go() -> list[FetchResult]:
        async with Fetcher(policy(**kw)) as f:
            return [await f.fetch(u) for u in urls]

    with Archive(db) as archive:
        return archive_parse_load(archive, asyncio.run(go()), source="test")


def _versions(db: Path, url: str) -> list[tuple]:
    return sql(db, "SELECT content_sha256, is_current, body_text, warnings FROM document_versions"
                   " WHERE url = ? ORDER BY first_seen", [url])  # fmt: skip


@pytest.mark.parametrize(
    ("kind", "params", "error"),
    [
        ("busy", {}, "busy:"),
        ("empty", {}, "parse (empty)"),
        ("status", {"code": 503}, "http: status 503"),
        ("drop", {"at": 3000}, "protocol:"),
        ("bad-gzip", {}, "decoding:"),
        ("hang", {}, "timeout:"),
    ],
)
def test_error_page_never_replaces_a_good_version(
    rs: ReplicaServer, db_path: Path, kind: str, params: dict, error: str
) -> None:
    path = rs.control.truth("kjj", text=False)[0].path
    url = rs.url(KJJ, path)
    [first] = _ingest(db_path, url)
    assert first.status == "new"
    good = _versions(db_path, url)

    rs.control.fault(KJJ, path, kind, **params)
    [second] = _ingest(db_path, url)
    assert second.failed and second.error.startswith(error), second.error
    assert _versions(db_path, url) == good  # same single version, still current
    row = sql(db_path, "SELECT ok, error, warc_file, warc_offset, status FROM fetches WHERE fetch_id = ?",
              [second.fetch_id])[0]  # fmt: skip
    if error.startswith("parse"):  # a good fetch of a bad page: the parse error is on record
        assert row[0] is True
        assert sql(db_path, "SELECT kind FROM parse_errors WHERE fetch_id = ?", [second.fetch_id]) == [("empty",)]
    elif error.startswith("http"):  # a real error status: recorded as such, not as a page
        assert row[0] is False and f"status {row[4]}" in error
    else:
        assert row[0] is False and row[1].startswith(error)
    if kind == "busy":  # the error page itself is archived raw, for the record
        assert "系统繁忙".encode() in read_response(db_path.parent, row[2], row[3]).content


def test_emptied_article_is_a_new_flagged_version_and_the_old_stays(rs: ReplicaServer, db_path: Path) -> None:
    path = rs.control.truth("kjj", text=False)[1].path
    url = rs.url(KJJ, path)
    assert _ingest(db_path, url)[0].status == "new"
    [(sha, _, body, _)] = _versions(db_path, url)
    assert body

    rs.control.blank("kjj", path)
    [out] = _ingest(db_path, url)
    assert out.status == "changed"
    versions = _versions(db_path, url)
    assert len(versions) == 2
    assert versions[0] == (sha, False, body, versions[0][3])  # old version intact, not current
    assert versions[1][1] is True and versions[1][2] is None and EMPTY_BODY_WARNING in versions[1][3]
    [(current_body, warnings)] = sql(db_path, "SELECT body_text, warnings FROM documents WHERE url = ?", [url])
    assert current_body is None and EMPTY_BODY_WARNING in warnings


ENCODING_CASES = {c.name: c for c in load_cases() if c.name.startswith("enc_")}


def test_wrong_or_missing_charset_decodes_right(rs: ReplicaServer, db_path: Path) -> None:
    """Golden pages with lying/missing charsets, served over HTTP with their own headers."""
    assert len(ENCODING_CASES) >= 4
    urls = [rs.url(KJJ, f"/_golden/{name}") for name in ENCODING_CASES]
    outcomes = _ingest(db_path, *urls)
    assert all(not o.failed for o in outcomes), [o.error for o in outcomes if o.failed]
    for (name, case), url in zip(ENCODING_CASES.items(), urls, strict=True):
        expected = case.expected
        [(title, body)] = sql(db_path, "SELECT title, body_text FROM documents WHERE url = ?", [url])
        assert title == expected["fields"]["title"], name
        assert "\ufffd" not in (title + (body or "")), name
        assert body.startswith(expected["body_starts_with"]), name


def test_mojibake_is_kept_with_a_warning(db_path: Path) -> None:
    """A UTF-8 page with a GBK character pasted in (a CMS copy-paste): loaded, the damage noted, the rest intact."""
    text = "<html><head><meta charset='utf-8'><title>关于加强城市管理的提案答复</title></head><body>"
    filler = "".join(f"<p>第{i}段：关于城市管理的工作已经按照计划推进，各部门协同落实。</p>" for i in range(40))
    body = f"<div id='zoom'><p>尊敬的委员：您提出的提案收悉。</p>{filler}<p>"
    page = text.encode() + body.encode() + "码".encode("gbk") + "</p><p>现答复如下。</p></div></body></html>".encode()
    res = FetchResult(url="http://example.gov.cn/a.html", final_url="http://example.gov.cn/a.html",
                      status=200, headers=[("Content-Type", "text/html; charset=utf-8")], content=page)  # fmt: skip
    with Archive(db_path) as archive:
        [out] = archive_parse_load(archive, [res], source="test")
    assert out.status == "new"
    [(title, body_text, warnings)] = sql(db_path, "SELECT title, body_text, warnings FROM documents")
    assert title == "关于加强城市管理的提案答复" and "现答复如下" in body_text
    assert any("undecodable" in w or "charset" in w for w in warnings), warnings


def test_every_fault_leaves_readable_warc(rs: ReplicaServer, db_path: Path) -> None:
    urls = [rs.url(KJJ, p) for p in ("/_fault/busy", "/_fault/empty", "/_fault/status/500",
                                     "/_fault/huge?size=5000000&chunked=1", "/_fault/pdf")]  # fmt: skip
    outcomes = _ingest(db_path, *urls, max_bytes=100_000)
    assert all(o.failed for o in outcomes)
    assert sql(db_path, "SELECT count(*) FROM documents") == [(0,)]
    [(truncated, size)] = sql(db_path, "SELECT truncated, size FROM fetches WHERE url LIKE '%huge%'")
    assert truncated and size == 100_000
    records, broken = warc_scan(db_path.parent)
    assert not broken and sum(1 for r in records if r[0] == "response") == len(urls)
