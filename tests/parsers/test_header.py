"""parsers.header: one reader for every layout of the disclosure header."""

from __future__ import annotations

import datetime as dt

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsers.header import map_columns, pair_cells, read_header, split_inline_pairs

EXPECTED = {
    "index_no": "003187413/202306-00020",
    "issuer": "宿州市科技局",
    "written_date": dt.date(2023, 6, 20),
    "publish_date": dt.datetime(2023, 6, 20, 8, 25),
    "validity": "有效",
    "doc_no": None,
    "expiry_date": None,
}

TH_TD = """<table class="table_suoyin">
<tr><th>索<span>引</span>号:</th><td>003187413/202306-00020</td><th>信息分类:</th><td>政协委员提案办理</td></tr>
<tr><th>发布机构:</th><td colspan="3">宿州市科技局</td></tr>
<tr><th>成文日期:</th><td>2023-06-20</td><th>发布日期:</th><td>2023-06-20 08:25</td></tr>
<tr><th>文&nbsp;&nbsp;号:</th><td></td><th>有效<span>性</span>:</th><td>有效</td></tr>
<tr><th>生效时间:</th><td></td><th>废止时间:</th><td>暂无</td></tr></table>"""

TD_TD_ONE_PAIR = """<table>
<tr><td>索　引　号</td><td>003187413/202306-00020</td></tr>
<tr><td>发布机构</td><td>宿州市科技局</td></tr>
<tr><td>成文日期</td><td>2023年06月20日</td></tr>
<tr><td>发布日期</td><td>2023/6/20 08:25</td></tr>
<tr><td>文　　号</td><td>无</td></tr>
<tr><td>有 效 性</td><td>有效</td></tr>
<tr><td>废止时间</td><td>-</td></tr></table>"""

DL = """<dl class="xxgk"><dt>索引号：</dt><dd>003187413/202306-00020</dd><dt>发布机构：</dt><dd>宿州市科技局</dd>
<dt>成文日期：</dt><dd>2023.06.20</dd><dt>发布日期：</dt><dd>2023-06-20 08:25</dd><dt>文号：</dt><dd></dd>
<dt>有效性：</dt><dd>有效</dd><dt>废止时间：</dt><dd>暂无</dd></dl>"""

UL_SPAN = """<ul class="info"><li><span>索引号：</span><span>003187413/202306-00020</span></li>
<li><span>发布机构：</span><span>宿州市科技局</span></li><li><span>成文日期：</span><span>2023-06-20</span></li>
<li><span>发布日期：</span><span>2023-06-20 08:25</span></li><li><span>文号：</span><span>-</span></li>
<li><span>有效性：</span><span>有效</span></li><li><span>废止时间：</span><span></span></li></ul>"""

UL_INLINE = """<ul><li>索引号：003187413/202306-00020</li><li>发布机构：宿州市科技局</li>
<li>成文日期：2023-06-20</li><li>发布日期：2023-06-20 08:25</li><li>文号：暂无</li><li>有效性：有效</li>
<li>废止时间：暂无</li></ul>"""

PLAIN = """<div class="art"><p>索引号:003187413/202306-00020　发布机构:宿州市科技局</p>
<p>成文日期:2023-06-20 发布日期:2023-06-20 08:25</p><p>文号: 有效性:有效 废止时间:暂无</p>
<p>这是正文第一段，内容很长很长，和标签无关。</p></div>"""

DIV_GRID = """<div class="meta"><div class="row"><label>索 引 号</label><span>003187413/202306-00020</span></div>
<div class="row"><label>发布机构</label><span>宿州市科技局</span></div>
<div class="row"><label>成文日期</label><span>2023-06-20</span><label>发布日期</label><span>2023-06-20 08:25</span></div>
<div class="row"><label>文　号</label><span></span><label>有效性</label><span>有效</span></div>
<div class="row"><label>废止时间</label><span>暂无</span></div></div>"""


def _page(fragment: str) -> LexborHTMLParser:
    return LexborHTMLParser(
        "<html><body><div class='nav'><ul><li><a href='/'>首页</a></li><li><a href='/x'>政务公开</a></li></ul></div>"
        f"{fragment}<div id='zoom'><p>尊敬的委员：正文。</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "fragment",
    [TH_TD, TD_TD_ONE_PAIR, DL, UL_SPAN, UL_INLINE, PLAIN, DIV_GRID],
    ids=["th_td", "td_td", "dl", "ul_span", "ul_inline", "plain_text", "div_grid"],
)
def test_every_layout_gives_the_same_columns(fragment: str) -> None:
    header = read_header(_page(fragment))
    for column, value in EXPECTED.items():
        assert header.columns.get(column) == value, (column, header.metadata)
    assert "索引号" in header.metadata and "有效性" in header.metadata
    assert header.nodes, "the header's element is reported so the body can drop it"


def test_metadata_keeps_values_as_printed() -> None:
    header = read_header(_page(TH_TD))
    assert header.metadata["废止时间"] == "暂无"
    assert header.metadata["文号"] == ""
    assert header.metadata["信息分类"] == "政协委员提案办理"


def test_contract_label_wins_over_synonym() -> None:
    cols = map_columns({"公开日期": "2023-06-01", "发布日期": "2023-06-20 08:25", "发文机关": "市政府"})
    assert cols["publish_date"] == dt.datetime(2023, 6, 20, 8, 25)
    assert "issuer" not in cols  # 发文机关 signs the document; it is not the publisher


def test_no_header_on_an_article() -> None:
    tree = LexborHTMLParser("<html><body><p>2023年6月20日，市政府召开会议。发布日期由会议决定。</p></body></html>")
    assert read_header(tree).metadata == {}


def test_layout_table_around_the_article_is_not_a_header() -> None:
    tree = LexborHTMLParser(
        "<table><tr><td>发布日期：2023-06-20　信息来源：市政府</td></tr><tr><td>"
        + "<p>正文很长的一段文字，讲了很多事情，和标签没有关系。</p>" * 10
        + "</td></tr></table>"
    )
    assert read_header(tree).nodes == []


def test_inline_pairs_and_cells() -> None:
    assert split_inline_pairs("发布机构：宿州市科技局 成文日期：2023-06-20", any_label=True) == [
        ("发布机构", "宿州市科技局"),
        ("成文日期", "2023-06-20"),
    ]
    assert pair_cells([("文  号:", True), ("", False), ("有效性:", True), ("有效", False)]) == [
        ("文号", ""),
        ("有效性", "有效"),
    ]


def test_labels_split_across_cells_are_joined() -> None:
    cells = [("索引", True), ("号:", True), ("003187413/202306-00020", False), ("有效", True), ("性:", True), ("有效", False)]
    assert pair_cells(cells) == [("索引号", "003187413/202306-00020"), ("有效性", "有效")]
