"""parsers.attachments: file links as absolute URLs with their link text."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.attachments import attachment_blocks, collect, file_extension

BASE = "https://www.ahsz.gov.cn/public/6596451/1234.html"


def test_collect_file_links_in_order() -> None:
    tree = LexborHTMLParser(
        """<div id="zoom"><p>正文</p><p><a href="/g/a.PDF">附件1：分配表.pdf</a></p>
        <p><a href="../b.doc?v=1" title="绩效表.doc"></a></p><p><a href="x.html">网页</a></p>
        <p><a href="https://file.ahsz.gov.cn/c.ofd">c</a></p><p><a href="/g/a.PDF">again</a></p></div>"""
    )
    found = collect([tree.css_first("#zoom")], BASE)
    assert [a.to_dict() for a in found] == [
        {"name": "附件1：分配表.pdf", "url": "https://www.ahsz.gov.cn/g/a.PDF"},
        {"name": "绩效表.doc", "url": "https://www.ahsz.gov.cn/public/b.doc?v=1"},
        {"name": "c", "url": "https://file.ahsz.gov.cn/c.ofd"},
    ]


def test_extensions() -> None:
    for ext in ("pdf", "doc", "docx", "xls", "xlsx", "wps", "zip", "rar", "ofd"):
        assert file_extension(f"http://x.gov.cn/f/a.{ext}") == ext
    assert file_extension("http://x.gov.cn/f/a.html") is None
    assert file_extension("http://x.gov.cn/pdf/") is None


def test_attachment_blocks_outside_the_body_but_not_sidebars() -> None:
    tree = LexborHTMLParser(
        """<div class="side"><h3>年度报表</h3><a href="/nb2022.pdf">2022年年度报表.pdf</a></div>
        <div id="zoom"><p>正文</p></div>
        <div class="fj">附件：<a href="/f/1.docx">实施方案.docx</a></div>"""
    )
    blocks = attachment_blocks(tree)
    assert [b.attributes["href"] for b in blocks] == ["/f/1.docx"]
