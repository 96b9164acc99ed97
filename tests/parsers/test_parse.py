"""parsers.parse end to end: the contract fields on our fixtures, and bad input handled."""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import pytest

from parsers import PARSER_VERSION, ParseError, parse
from parsers.document import CONTRACT_KEYS

FIXTURES = Path(__file__).parent / "fixtures"


def _parse(name: str, url: str, content_type: str | None = None):
    return parse((FIXTURES / name).read_bytes(), url, content_type)


def test_anhui_reply() -> None:
    doc = _parse("ahsz_reply.html", "https://kjj.ahsz.gov.cn/public/2655573/191401491.html", "text/html")
    d = doc.to_dict(json_safe=True)
    assert set(CONTRACT_KEYS) <= set(d)
    assert d["site"] == "kjj.ahsz.gov.cn" and d["final_url"] == d["url"]
    assert d["title"] == "关于宿州市政协六届二次会议第0321号提案的答复"
    assert d["published_at"] == "2023-06-20 08:25:00"
    assert (d["source_name"], d["editor"]) == ("宿州市科技局", "宿州信息公开009")
    assert d["index_no"] == "003187413/202306-00020" and d["validity"] == "有效"
    assert d["doc_no"] is None and d["expiry_date"] is None and d["metadata"]["废止时间"] == "暂无"
    assert (d["proposal_no"], d["session"], d["proposer"], d["reply_class"]) == ("0321", "六届二次会议", "邵广真", "B")
    assert d["doc_type"] == "proposal_reply" and d["adapter"] == "anhui_disclosure"
    assert d["attachments"] == [{"name": "答复函.pdf", "url": "https://kjj.ahsz.gov.cn/group1/M00/answer.pdf"}]
    body = d["body_text"]
    assert body.startswith("尊敬的邵广真委员：\n\n您好！") and body.endswith("联系电话：3022482")
    for chrome in ("索引号", "发表时间", "扫一扫", "网站标识码", "首页", "当前位置", "script"):
        assert chrome not in body
    assert 'href="https://kjj.ahsz.gov.cn/group1/M00/answer.pdf"' in d["body_html"]
    assert d["parser_version"] == PARSER_VERSION and d["content_sha256"] == doc.content_hash()
    assert d["source"] is None and d["fetched_at"] is None


def test_trs_article_in_gb2312() -> None:
    doc = _parse("nxzx_article.html", "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html")
    assert doc.encoding == "gb18030" and doc.adapter == "trs" and doc.doc_type == "article"
    assert doc.title.startswith("多重发力 激发电子信息产业新动能——")
    assert doc.published_at == dt.datetime(2023, 10, 10, 9, 12, 30)
    assert (doc.source_name, doc.reporter, doc.editor) == ("华兴时报", "单瑞", "包瑞")
    assert doc.body_text.endswith("(记者 单 瑞)")
    assert "近日,该提案得到主办单位的积极办理。" in doc.body_text.split("\n\n")  # <br> breaks a paragraph
    assert "责任编辑" not in doc.body_text and "打印本页" not in doc.body_text
    assert 'src="http://www.nxzx.gov.cn/images/a.jpg"' in doc.body_html
    assert doc.proposal_no is None and doc.proposer is None


def test_aggregator_repost() -> None:
    doc = _parse("aggregator_repost.html", "https://www.zx-news.example.com/a/62871.html")
    assert doc.adapter == "aggregator"
    assert doc.original_url == "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html"
    assert doc.published_at == dt.datetime(2023, 10, 11, 16, 5)
    assert doc.source_name == "华兴时报" and doc.reporter == "单瑞"
    assert doc.body_text.endswith("(记者 单 瑞)")
    for junk in ("原文链接", "免责声明", "最新加入", "24-12-23", "检察公益"):
        assert junk not in doc.body_text


def test_div_grid_disclosure() -> None:
    doc = _parse("div_grid_disclosure.html", "http://www.example.gov.cn/zwgk/art_1.html")
    assert doc.doc_type == "disclosure"
    assert doc.index_no == "11340000-2023-00012" and doc.doc_no == "某政〔2023〕12号"
    assert doc.written_date == dt.date(2023, 5, 4) and doc.validity is None
    assert doc.metadata["有效性"] == "-" and doc.metadata["发文机关"] == "某某市人民政府"
    assert doc.body_text.startswith("各县（区）人民政府，市政府各部门：")
    assert doc.body_text.endswith("附件：某某市停车管理办法.pdf")
    assert doc.attachments[0].url == "http://www.example.gov.cn/zwgk/P020230506.pdf"
    for junk in ("分享到", "上一篇", "相关链接", "网站标识码", "索引号"):
        assert junk not in doc.body_text


def test_br_suggestion_reply_in_gbk() -> None:
    doc = _parse("td_br_suggestion_gbk.html", "http://www.example.gov.cn/rdjy/1.html", "text/html")
    assert doc.doc_type == "suggestion_reply" and doc.encoding == "gb18030"
    assert (doc.proposal_no, doc.proposer, doc.reply_class) == ("128", "王建国", "A")
    assert doc.published_at == dt.datetime(2023, 7, 5, 9, 30)
    assert doc.body_text.startswith("王建国代表：\n\n您提出的")
    assert "打印" not in doc.body_text and "版权所有" not in doc.body_text


def test_plain_text_page() -> None:
    doc = parse("关于第0321号提案的答复\n\n尊敬的邵广真委员：\n您好！\n办复类别：B类\n联系单位：市科技局".encode(), "https://x.gov.cn/a.txt")
    assert doc.title == "关于第0321号提案的答复"
    assert doc.body_text.startswith("尊敬的邵广真委员：\n\n您好！") and doc.proposer == "邵广真"


def test_page_without_body() -> None:
    doc = parse(b"<html><head><title>t</title></head><body><div id='zoom'></div></body></html>", "https://x.gov.cn/")
    assert doc.body_text is None and doc.body_html is None


SEED = (FIXTURES / "ahsz_reply.html").read_bytes()
BAD_INPUTS = {
    "truncated": SEED[: len(SEED) * 2 // 3],
    "truncated_mid_character": SEED[: SEED.index("您好".encode()) + 1],
    "huge_20mb": b"<html><body><div>" + ("<p>" + "这是一段很长的文字，用来测试大页面。" * 20 + "</p>\n").encode() * 31000 + b"</div></body></html>",
    "nested_10000": b"<html><body>" + b"".join(b"<div>" + "第%d层，文字。".encode() % i for i in range(10000)) + b"</div>" * 10000 + b"</body></html>",
    "nested_10000_spans_tables": b"<html><body>" + b"<table><tr><td><span>" * 2500 + "正文。".encode() + b"</span></td></tr></table>" * 2500 + b"</body></html>",
    "nested_10000_bold": b"<html><body>" + "<b>字".encode() * 10000 + b"</body></html>",
    "deep_but_under_the_limit": b"<html><body>" + (b"<div>" * 140 + "正文，".encode() + b"</div>" * 140) * 70 + b"</body></html>",
    "wrong_declared_charset": SEED.decode().encode("gb18030"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_gives_a_document_fast(name: str) -> None:
    start = time.perf_counter()
    doc = parse(BAD_INPUTS[name], "https://x.gov.cn/a.html", "text/html; charset=utf-8")
    assert time.perf_counter() - start < 2.0
    assert doc.parser_version == PARSER_VERSION and doc.encoding_confidence is not None
    if name == "wrong_declared_charset":
        assert doc.title == "关于宿州市政协六届二次会议第0321号提案的答复" and doc.encoding == "gb18030"
    if name.startswith("huge"):
        assert doc.warnings


@pytest.mark.parametrize(
    ("data", "kind"),
    [(b"", "empty"), (random.Random(5).randbytes(100_000), "binary"), (b"%PDF-1.5\n" + b"\x00" * 100, "binary")],
)
def test_bad_input_gives_a_clear_error(data: bytes, kind: str) -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError) as info:
        parse(data, "https://x.gov.cn/a.html")
    assert info.value.kind == kind and time.perf_counter() - start < 2.0


def test_unexpected_failure_is_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from parsers import pipeline

    def boom(*_args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(pipeline, "read_meta", boom)
    with pytest.raises(ParseError) as info:
        parse(SEED, "https://x.gov.cn/a.html")
    # issue 19: a bug is a `crash` (it was `parse`, like a page that cannot be parsed, so the
    # kind `crash` happened only in tests)
    assert info.value.kind == "crash"


def test_news_with_info_spans_and_data_table() -> None:
    doc = _parse("news_info_spans.html", "http://www.example.gov.cn/art/2023/6/20/art_1_2.html")
    assert doc.title == "市政府召开全市安全生产工作会议"  # from the page, <title> suffix dropped
    assert doc.published_at == dt.datetime(2023, 6, 20)
    assert (doc.source_name, doc.editor) == ("市应急管理局", "李四")
    assert doc.body_text == "6月19日，市政府召开全市安全生产工作会议。\n\n会议强调，要坚决守住安全底线。\n\n单位 检查次数\n\n应急局 12"


def test_reply_with_quoted_title_and_trailer_table() -> None:
    doc = _parse("reply_quoted_title_table_trailer.html", "http://www.example.gov.cn/art/1.html")
    assert doc.doc_type == "proposal_reply"
    assert doc.published_at == dt.datetime(2023, 5, 30, 10, 12, 45)  # the printed line beats PubDate
    assert (doc.proposer, doc.proposal_title) == ("刘芳", "关于加强农村学校心理健康教育的提案")
    assert (doc.reply_class, doc.contact_unit, doc.contact_phone) == ("A", "某某县教育局", "0557-7654321")
    assert [a.name for a in doc.attachments] == ["答复函（盖章版）"]


def test_dense_sidebar_before_the_title_is_not_the_body() -> None:
    doc = _parse("sidebar_before_title.html", "http://www.example.gov.cn/art/2.html")
    assert doc.body_text == "因系统升级，6月24日至25日暂停办理不动产登记业务。\n\n特此通知。"
    assert doc.published_at == dt.datetime(2023, 6, 20)


def test_div_paragraphs_and_related_news_list() -> None:
    doc = _parse("div_paragraphs_related_news.html", "http://www.example.gov.cn/art/3.html")
    assert doc.published_at == dt.datetime(2023, 6, 20, 8, 25)
    assert doc.body_text.count("\n\n") == 2 and "相关新闻" not in doc.body_text


def test_header_lines_inside_the_article_block_leave_the_body_alone() -> None:
    html = (
        "<html><body><div class='art'><h1>关于某某的答复</h1>"
        "<p>索引号:003187413/202306-00020　发布机构:宿州市科技局</p>"
        "<p>成文日期:2023-06-20 发布日期:2023-06-20 08:25</p><p>文号: 有效性:有效 废止时间:暂无</p>"
        "<p>尊敬的邵广真委员：</p><p>这是正文第一段，内容很长很长，和标签无关。</p><p>办复类别：B类</p></div></body></html>"
    )
    doc = parse(html.encode(), "http://x.gov.cn/a.html")
    assert "尊敬的邵广真委员" not in doc.metadata and doc.index_no == "003187413/202306-00020"
    assert doc.body_text == "尊敬的邵广真委员：\n\n这是正文第一段，内容很长很长，和标签无关。\n\n办复类别：B类"
    assert doc.doc_type == "proposal_reply" and doc.reply_class == "B"


def test_header_rows_of_a_table_that_also_holds_the_article() -> None:
    html = (
        "<html><body><table><tr><td>索引号</td><td>123</td><td>发布机构</td><td>某局</td></tr>"
        "<tr><td>成文日期</td><td>2023-06-20</td><td>文号</td><td>无</td></tr>"
        "<tr><td colspan=4><h2>关于某某的通知</h2></td></tr><tr><td colspan=4>"
        + "<p>正文很长的一段文字，讲了很多事情，和标签没有关系。</p>" * 8
        + "</td></tr></table></body></html>"
    )
    doc = parse(html.encode(), "http://x.gov.cn/a.html")
    assert doc.metadata == {"索引号": "123", "发布机构": "某局", "成文日期": "2023-06-20", "文号": "无"}
    assert doc.doc_no is None and doc.title == "关于某某的通知"
    assert doc.body_text.startswith("正文很长的一段文字") and "索引号" not in doc.body_text


def test_labelled_lines_in_a_notice_body_are_content() -> None:
    html = (
        "<html><head><title>关于召开全市防汛工作会议的通知_某某市</title></head><body>"
        "<h1>关于召开全市防汛工作会议的通知</h1><div class=info>发布时间：2023-06-10　来源：市应急局</div>"
        "<div class=c><p>各县区：</p><p>会议时间：2023年6月20日上午9时</p><p>会议地点：市政府第一会议室</p>"
        "<p>主办单位：市应急局</p><p>特此通知。</p></div></body></html>"
    )
    doc = parse(html.encode(), "http://x.gov.cn/a.html")
    assert doc.published_at == dt.datetime(2023, 6, 10) and doc.source_name == "市应急局"
    assert doc.body_text == (
        "各县区：\n\n会议时间：2023年6月20日上午9时\n\n会议地点：市政府第一会议室\n\n主办单位：市应急局\n\n特此通知。"
    )


def test_title_when_the_page_title_is_only_the_site_name() -> None:
    html = (
        "<html><head><title>宿州市人民政府</title></head><body><div class=logo>宿州市人民政府</div><table>"
        "<tr><td class=biaoti>关于开展全市安全生产大检查的通知</td></tr><tr><td>发布日期：2023-06-10</td></tr>"
        "<tr><td><p>各县区：为切实做好安全生产工作，现就有关事项通知如下。</p><p>特此通知。</p></td></tr></table>"
        "<div class=foot>版权所有：宿州市人民政府</div></body></html>"
    )
    doc = parse(html.encode(), "http://x.gov.cn/a.html")
    assert doc.title == "关于开展全市安全生产大检查的通知"
    assert doc.published_at == dt.datetime(2023, 6, 10)
    assert doc.body_text == "各县区：为切实做好安全生产工作，现就有关事项通知如下。\n\n特此通知。"


def test_find_original_url_from_the_links_context() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from parsers.page import find_original_url

    nav = "".join(f'<li><a href="http://www.example.cn/{i}.html">栏目{i}</a></li>' for i in range(30))
    tree = LexborHTMLParser(
        f"<body><ul>{nav}</ul><p>正文。</p><p><b>原文</b>链接：<a href='http://www.gov.cn/a.html'>点此</a></p>"
        "<p><a href='http://www.gov.cn/b.html'>查看原文</a></p></body>"
    )
    assert find_original_url(tree, tree.body.text(separator="\n")) == "http://www.gov.cn/a.html"
    tree = LexborHTMLParser(f"<body><ul>{nav}</ul><p><a href='http://www.gov.cn/b.html'>查看原文</a></p></body>")
    assert find_original_url(tree, tree.body.text(separator="\n")) == "http://www.gov.cn/b.html"
    tree = LexborHTMLParser(f"<body><ul>{nav}</ul><p>原文链接：http://www.gov.cn/c.html。</p></body>")
    assert find_original_url(tree, tree.body.text(separator="\n")) == "http://www.gov.cn/c.html"
    tree = LexborHTMLParser(f"<body><ul>{nav}</ul><p>原文</p></body>")
    assert find_original_url(tree, tree.body.text(separator="\n")) is None


@pytest.mark.parametrize(("depth", "reduced"), [(60, False), (100, False), (146, False), (152, True), (400, True)])
def test_depth_check_names_only_pages_nested_past_max_depth(depth: int, reduced: bool) -> None:
    # the depth pre-check (64) passes pages between it and MAX_DEPTH to the full check
    from selectolax.lexbor import LexborHTMLParser

    from parsers.pipeline import MAX_DEPTH, _is_pathological

    html = "<html><body>" + "<div>" * depth + "正文。" * 3000 + "</div>" * depth + "</body></html>"
    assert _is_pathological(LexborHTMLParser(html)) is reduced  # html > body > divs: depth + 2
    doc = parse(html.encode(), "https://x.gov.cn/a.html")
    assert any(f"deeper than {MAX_DEPTH}" in w for w in doc.warnings) is reduced
