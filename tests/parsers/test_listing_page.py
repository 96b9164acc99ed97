"""A page that is a list of links is a 'listing', never an article whose body is the footer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import parsers
from parsers.listing import _DATE
from parsers.listing_page import prints_date
from tests.replica.site import Replica

# Written by hand after the column pages of SITES.md section 1 and 3.
LISTING = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>提案工作</title>
<meta name="ColumnName" content="提案工作"></head><body>
<div class="crumb">您当前的位置:首页 -> 政协工作 -> 提案工作</div>
<h2>提案工作</h2>
<ul class="list">
""" + "".join(
    f'<li><a href="./2024060{i}/t2024060{i}_60031{i}.html" title="关于第{i}号提案的答复">关于第{i}号提案的答复</a>'
    f"<span>2024-06-0{i}</span></li>\n"
    for i in range(1, 8)
) + """</ul>
<div class="page"><script>createPageHTML(3, 0, "index", "html");</script></div>
<div class="footer">友情链接： <a href="http://www.gov.cn">中国政府网</a>
<p>主办单位：中国人民政治协商会议宁夏回族自治区委员会　承办：宁夏政协办公室信息中心</p></div>
</body></html>"""

# An article with a sidebar of dated links (as on the aggregator re-posts): still an article.
ARTICLE_WITH_SIDEBAR = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>答复</title></head><body>
<h1>关于加强农村人居环境整治的提案的答复</h1>
<div id="zoom">""" + "".join(
    f"<p>第{i}段：感谢您对农村人居环境整治工作的关心和支持，现将办理情况答复如下，我们将继续推进各项工作落实。</p>"
    for i in range(8)
) + """</div><div class="side"><h3>最新加入</h3><ul>""" + "".join(
    f'<li><a href="/n/{i}.html">检察公益诉讼10周年座谈会第{i}期</a><span>24-12-2{i}</span></li>' for i in range(8)
) + "</ul></div></body></html>"


def test_a_hand_written_listing_is_a_listing_without_a_body() -> None:
    doc = parsers.parse(LISTING.encode(), "http://www.nxzx.gov.cn/zxgz/tagz/index.html", "text/html")
    assert doc.doc_type == "listing"
    assert doc.title == "提案工作"
    assert doc.body_text is None and doc.body_html is None
    assert any("listing page: 7 dated links" in w for w in doc.warnings)


def test_an_article_with_a_dated_sidebar_stays_an_article() -> None:
    doc = parsers.parse(ARTICLE_WITH_SIDEBAR.encode(), "http://example.gov.cn/a/1.html", "text/html")
    assert doc.doc_type != "listing"
    assert doc.body_text and "感谢您对农村人居环境整治" in doc.body_text


@pytest.mark.parametrize(
    ("host", "path", "query"),
    [("www.nxzx.gov.cn", "/zxgz/tagz/index.html", ""), ("www.nxzx.gov.cn", "/zxgz/tagz/index_1.html", ""),
     ("www.ahsz.gov.cn", "/public/column/6596221", "type=4&action=list&pageIndex=1"),
     ("kjj.ahsz.gov.cn", "/public/column/2655573", "type=4&action=list&pageIndex=2")],
)  # fmt: skip
def test_the_replicas_column_pages_are_listings(host: str, path: str, query: str) -> None:
    page = Replica({"nxzx": 45, "ahsz-zxta": 30, "kjj": 30}).page(host, path, query)
    doc = parsers.parse(page.body, f"http://{host}{path}?{query}", page.content_type)
    assert (doc.doc_type, doc.body_text) == ("listing", None)


def test_the_replicas_articles_are_not_listings() -> None:
    replica = Replica({"nxzx": 10, "ahsz-zxta": 10, "kjj": 10})
    hosts = {"nxzx": "www.nxzx.gov.cn", "ahsz-zxta": "www.ahsz.gov.cn", "kjj": "kjj.ahsz.gov.cn"}
    for site, host in hosts.items():
        for truth in replica.truth(site):
            page = replica.page(host, truth.path)
            assert parsers.parse(page.body, f"http://{host}{truth.path}", page.content_type).doc_type != "listing"


def test_ingesting_a_listing_page_says_so(cli, db_path: Path, tmp_path: Path) -> None:
    saved = tmp_path / "index.html"
    saved.write_text(LISTING, encoding="utf-8")
    result = cli("ingest", "--file", str(saved), "--url", "http://www.nxzx.gov.cn/zxgz/tagz/index.html")
    assert result.exit_code == 0, result.output
    assert "is a listing page" in result.stderr
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        assert con.execute("SELECT doc_type, body_text, title FROM documents").fetchall() == [
            ("listing", None, "提案工作")
        ]
    finally:
        con.close()


def test_prints_date_answers_as_the_listing_date_pattern() -> None:
    # The listing check's fast date test must agree with `listing._DATE` everywhere,
    # including overlapping tails, full-width digits and dates at the edges.
    samples = [
        "", "2024-06-26", "发布于2024年6月26日", "a.12.3.4", "x.1.2.3", "1.2.3", "12.3", "24/6/2",
        "版本 3.1.2.5 与 v1-2-3", "２０２４-０６-２６", "12年13月", "99.9.99", "１2.3.4", "ab12-",
        "12-3-", "12-34-5", "12-345-6", "共15条 第1/2页", "12.3.4" * 3, "9 12.1.2.7", "1.12.1.2",
    ]
    rng_chars = "0123456789-/.年月 ２x"
    rng = random.Random(15)
    samples += ["".join(rng.choice(rng_chars) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    for text in samples:
        assert prints_date(text) == (_DATE.search(text) is not None), text
