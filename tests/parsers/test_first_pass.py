"""The shortcuts taken for speed say the same as the passes they replace, on pages written for it.

`first_pass.read_marks_and_strip` does in one selector pass what `meta.read_meta`,
`published.structured_date`, the `<base>` lookup and `content.strip_junk` each did with
their own; `text.clean_text` lets loops skip long elements unread; the listing check
and chrome removal skip what cannot change their answer.
"""

from __future__ import annotations

import datetime as dt

from selectolax.lexbor import LexborHTMLParser

from parsers.content import remove_chrome, strip_junk
from parsers.first_pass import is_hidden_style, read_marks_and_strip
from parsers.listing_page import listing_signal
from parsers.meta import read_meta
from parsers.published import structured_date
from parsers.tags import tag_id
from parsers.text import clean_inline, clean_text

HEAD = """<head><title>关于印发实施方案的通知_某某市人民政府</title>
<meta name="ArticleTitle" content="关于印发实施方案的通知">
<meta name="PubDate" content="2023-06-20 08:25">
<meta property="article:published_time" content="2023-06-21T09:00:00+08:00">
<meta name="ContentSource" content="某某市科技局">
<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-06-22T10:00:00+08:00"}</script>
<script>var x = "正文里不该有的脚本";</script><style>p { color: red }</style>
<base href="http://www.example.gov.cn/col/">
</head>"""
BODY = """<body><time datetime="2023-06-23">6月23日</time>
<div style="display:none">{blob}</div><div style="display: none"><p>展开后可见的正文。</p></div>
<p>正文第一段，说明工作安排。</p><select><option>选项</option></select></body>"""


def _page() -> str:
    blob = " ".join(f"关键词{i}" for i in range(1500))
    return f"<html>{HEAD}{BODY.format(blob=blob)}</html>"


def test_one_pass_reads_what_the_separate_passes_read() -> None:
    separate = LexborHTMLParser(_page())
    meta_before, date_before = read_meta(separate).values, structured_date(separate)
    strip_junk(separate)
    one = LexborHTMLParser(_page())
    marks = read_marks_and_strip(one)
    assert read_meta(one, marks.metas).values == meta_before
    assert structured_date(one, marks) == date_before == dt.datetime(2023, 6, 22, 10, 0)
    assert marks.base_href == "http://www.example.gov.cn/col/"
    assert marks.times == [("2023-06-23", "6月23日")]
    assert one.html == separate.html  # the same junk and the same hidden blob went
    assert "关键词1 " not in one.body.text() and "展开后可见的正文" in one.body.text()


def test_structured_date_alone_reads_time_when_nothing_else_says() -> None:
    tree = LexborHTMLParser('<html><body><time datetime="2021-11-25 16:26:07">昨天</time></body></html>')
    assert structured_date(tree) == structured_date(tree, read_marks_and_strip(LexborHTMLParser(tree.html)))
    assert structured_date(tree) == dt.datetime(2021, 11, 25, 16, 26, 7)


def test_hidden_style_spellings() -> None:
    assert is_hidden_style("color:red; display:none") and is_hidden_style("display: none")
    assert not is_hidden_style("display:block") and not is_hidden_style(None)


def test_clean_text_is_sure_or_cleans() -> None:
    def node(text: str):
        return LexborHTMLParser(f"<div>{text}</div>").css_first("div")

    dense = "字" * 300
    spaced = "字 " * 150 + " " * 500  # 299 characters once cleaned, 150 of them kept characters
    assert clean_text(node(dense), "", 200) is None
    assert clean_text(node("字" * 200), "", 200) == "字" * 200
    assert clean_text(node("\u200b" * 500 + "字" * 10), "", 200) == "字" * 10  # zero-width: not counted
    # 150 characters and their spaces: not sure from the characters alone, so it is cleaned
    assert clean_text(node(spaced), "", 200) == clean_inline(spaced) and len(clean_inline(spaced)) == 299
    split = node("发布<b>时间</b>：<i> 2023-06-20 </i>")
    assert clean_text(split, "", 200) == "发布时间： 2023-06-20"  # "" joins text nodes as they are
    assert clean_text(split, " ", 200) == "发布 时间 ： 2023-06-20"


def test_tag_ids_are_lexbors() -> None:
    tree = LexborHTMLParser("<html><body><table><tr><td><p>x</p></td></tr></table></body></html>")
    for name in ("p", "td", "tr", "table", "body"):
        assert tree.css_first(name).tag_id == tag_id(name)


def test_chrome_inside_a_long_wrapper_still_goes() -> None:
    prose = "".join(f"<p>第{i}段正文，说明本单位的工作安排和进展情况。</p>" for i in range(40))
    tree = LexborHTMLParser(
        f'<html><body><div id="c"><div class="wrap"><div class="inner">{prose}'
        "<p>【打印本页】【关闭窗口】</p></div></div></div></body></html>"
    )
    container = tree.css_first("#c")
    remove_chrome(container)
    text = container.text()
    assert "打印本页" not in text and "第0段正文" in text and "第39段正文" in text


def test_listing_needs_five_dated_links_in_one_block() -> None:
    items = "".join(f'<li><a href="/a/{i}.html">第{i}条新闻的标题文字</a><span>2024-06-{i + 10}</span></li>' for i in range(6))
    few = "".join(f'<li><a href="/b/{i}.html">第{i}条旁栏标题文字</a><span>2024-05-0{i + 1}</span></li>' for i in range(4))
    listing = LexborHTMLParser(f"<html><body><ul>{items}</ul><ul>{few}</ul><p>共6条</p></body></html>")
    signal = listing_signal(listing)
    assert signal is not None and signal.dated_links == 6
    article = LexborHTMLParser(
        f"<html><body><ul>{few}</ul><ul>{few}</ul>" + "<p>正文很长，" + "说明情况。" * 200 + "</p></body></html>"
    )
    assert listing_signal(article) is None
