"""parsers.meta: the 2017 guideline tags."""

from __future__ import annotations

import datetime as dt

from selectolax.lexbor import LexborHTMLParser

from parsers.meta import read_meta

HEAD = """<html><head>
<meta name="SiteName" content="宿州市科技局"><meta name="siteidcode" content="3413000045">
<meta name="ColumnName" content="政协委员提案办理">
<meta name="ArticleTitle" content=" 关于宿州市政协六届二次会议第0321号提案的答复 ">
<meta name="PubDate" content="2023-06-20 08:25"><meta name="ContentSource" content="暂无">
<meta name="Url" content="https://kjj.ahsz.gov.cn/public/2655573/191401491.html">
</head><body></body></html>"""


def test_guideline_tags() -> None:
    meta = read_meta(LexborHTMLParser(HEAD))
    assert meta.title == "关于宿州市政协六届二次会议第0321号提案的答复"
    assert meta.published_at == dt.datetime(2023, 6, 20, 8, 25)
    assert meta.site_name == "宿州市科技局"
    assert meta.column == "政协委员提案办理"
    assert meta.values["SiteIDCode"] == "3413000045"  # names are case-insensitive
    assert meta.source is None  # placeholder
    assert meta.url and meta.url.endswith("191401491.html")


def test_page_without_tags() -> None:
    meta = read_meta(LexborHTMLParser("<html><body><p>x</p></body></html>"))
    assert meta.title is None and meta.published_at is None and meta.values == {}
