"""parsers.sites: adapters chosen by markup, not by host."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.sites import ADAPTERS, pick


def _pick(html: str, url: str = "https://unrelated.example.com/page/1.html") -> str | None:
    adapter = pick(LexborHTMLParser(html), url)
    return adapter.name if adapter else None


def test_registry_is_ordered_by_priority() -> None:
    priorities = [a.priority for a in ADAPTERS]
    assert priorities == sorted(priorities, reverse=True)
    assert {a.name for a in ADAPTERS} >= {"anhui_disclosure", "trs", "aggregator"}


def test_anhui_platform_on_any_host() -> None:
    assert _pick('<div class="div_table_suoyin"><table class="table_suoyin"></table></div>') == "anhui_disclosure"


def test_trs_by_marker_or_article_path() -> None:
    assert _pick('<div class="TRS_Editor"><p>x</p></div>') == "trs"
    assert _pick("<p>x</p>", "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html") == "trs"


def test_aggregator_by_its_markers() -> None:
    html = "<p>正文</p><p>原文链接:http://www.nxzx.gov.cn/a.html</p><div>[免责声明] 本文来源于网络转载</div>"
    assert _pick(html) == "aggregator"


def test_no_adapter() -> None:
    assert _pick("<p>正文</p>") is None
