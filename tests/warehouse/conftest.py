from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parsers.document import Attachment, Document
from warehouse.archive import Archive
from warehouse.exchange import FetchResult


def make_doc(url: str, title: str, body: str, **fields) -> Document:
    doc = Document(url=url, final_url=url, title=title, body_text=body, **fields)
    doc.site = doc.site or "www.ahsz.gov.cn"
    doc.fetched_at = doc.fetched_at or dt.datetime(2026, 11, 1, 9, 0)
    doc.content_sha256 = doc.content_hash()
    return doc


def make_fetch(url: str, content: bytes, status: int = 200, **kw) -> FetchResult:
    return FetchResult(
        url=url,
        final_url=kw.pop("final_url", url),
        status=status,
        headers=kw.pop("headers", [("Content-Type", "text/html; charset=utf-8")]),
        content=content,
        fetched_at=kw.pop("fetched_at", dt.datetime(2026, 11, 1, 9, 0)),
        request_headers=[("User-Agent", "govarchive-test")],
        **kw,
    )


@pytest.fixture
def archive(tmp_path: Path):
    with Archive(tmp_path / "archive.duckdb") as a:
        yield a


@pytest.fixture
def reply_doc() -> Document:
    return make_doc(
        "https://www.ahsz.gov.cn/public/2655573/191401491.html",
        "关于宿州市政协六届二次会议第0321号提案的答复",
        "尊敬的邵广真委员：您提出的《如何做好新经济形式下的城市赋能》的提案收悉。\n\n"
        "我局高度重视数据中心建设。",
        source="ahsz-zxta",
        published_at=dt.datetime(2023, 6, 20, 8, 25),
        issuer="宿州市科技局",
        index_no="11341300MB1234567X/2023-00001",
        proposal_no="0321",
        session="六届二次会议",
        proposer="邵广真",
        proposal_title="如何做好新经济形式下的城市赋能",
        reply_class="B",
        contact_unit="宿州市科技局",
        contact_phone="3022482",
        doc_type="proposal_reply",
        attachments=[Attachment("附件1", "https://www.ahsz.gov.cn/f/a.pdf")],
    )
