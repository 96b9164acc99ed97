"""parsers.published: each date layer alone, on small pages written for the purpose.

The pages imitate the classes of real pages each layer serves (portal articles of 2005
with the site's address on the date line, newspaper sites with a bare timestamp under
the headline, CMS paths with the date in them) and the traps every layer must refuse
(lists of other articles, copyright footers, prose that starts with a date).
"""

from __future__ import annotations

import datetime as dt

from selectolax.lexbor import LexborHTMLParser

from parsers import parse
from parsers.published import (
    date_line,
    page_date,
    page_lines,
    structured_date,
    title_line_date,
    url_date,
)


def _tree(body: str, head: str = "") -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>")


# ---------------------------------------------------------------- 1. structured marks


def test_jsonld_date_published() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-10-10T09:12:30+08:00"}</script>'
    assert structured_date(_tree("<p>x</p>", head)) == dt.datetime(2023, 10, 10, 9, 12, 30)


def test_jsonld_nested_in_graph() -> None:
    head = '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": "Article", "datePublished": "2022-02-13"}]}</script>'
    assert structured_date(_tree("<p>x</p>", head)) == dt.datetime(2022, 2, 13)


def test_opengraph_and_publishdate_meta() -> None:
    og = '<meta property="article:published_time" content="2021-11-25T16:26:07+08:00">'
    assert structured_date(_tree("<p>x</p>", og)) == dt.datetime(2021, 11, 25, 16, 26, 7)
    people = '<meta name="publishdate" content="2019-06-15">'
    assert structured_date(_tree("<p>x</p>", people)) == dt.datetime(2019, 6, 15)


def test_time_element() -> None:
    body = '<h1>标题</h1><time datetime="2020-06-05 20:35">6月5日</time>'
    assert structured_date(_tree(body)) == dt.datetime(2020, 6, 5, 20, 35)


def test_no_marks_and_implausible_years() -> None:
    assert structured_date(_tree("<p>2023-06-20</p>")) is None  # printed text is not a mark
    assert structured_date(_tree("<p>x</p>", '<meta name="pubdate" content="1970-01-01">')) is None


# ---------------------------------------------------------------- 2. the line under the title


def _title_date(body: str) -> dt.datetime | None:
    tree = _tree(body)
    return title_line_date(tree.css_first("h1") or tree.css_first(".title"))


def test_title_line_with_site_address_and_source() -> None:
    body = (
        '<table><tr><th class="title">四年前中500万现穷困潦倒</th></tr>'
        "<tr><td>http://www.sina.net 2005年03月21日 11:21 <font>《理财周刊》</font></td></tr>"
        "<tr><td><p>人生如戏。一夜之间，它可以让一个穷光蛋成为百万富翁，同样也可以让一个百万富翁变回穷光蛋。</p></td></tr></table>"
    )
    assert _title_date(body) == dt.datetime(2005, 3, 21, 11, 21)


def test_title_line_site_name_in_capitals_no_space_before_time() -> None:
    body = (
        "<table><tr><td><h1>从上海车展看在华布局 现代汽车再次提速</h1></td></tr>"
        "<tr><td>AUTO.SOHU.COM&nbsp;&nbsp;2005年05月13日14:15 </td></tr></table>"
    )
    assert _title_date(body) == dt.datetime(2005, 5, 13, 14, 15)


def test_bare_timestamp_below_headline() -> None:
    body = '<div><h1>标题</h1></div><div class="meta"><span class="time">2022-02-13 20:04:17</span></div>'
    assert _title_date(body) == dt.datetime(2022, 2, 13, 20, 4, 17)


def test_two_digit_year_after_publish_label() -> None:
    body = '<h1>这款休闲裤太帅了</h1><div><span>体育教科书</span><span>发布时间：18-03-08</span><span>23:16</span></div>'
    assert _title_date(body) == dt.datetime(2018, 3, 8)
    assert _title_date("<h1>标题</h1><span>发布时间：10-08</span>") is None  # no year printed


def test_title_line_stops_where_the_body_starts() -> None:
    body = (
        "<h1>标题</h1><p>这是正文的第一段，讲述了很多事情，并且足够长，足以说明正文已经开始了，"
        "后面的日期不属于标题下的那一行，无论它离标题有多近，都不能当作发布日期。</p><p>2019-09-07 13:43:45</p>"
    )
    assert _title_date(body) is None


def test_title_line_refuses_prose_and_footers() -> None:
    assert date_line("2019年10月15日，沈阳，在八一公园晨练的老年人。") is None
    assert date_line("Copyright © 2005 新浪网 2005年03月21日") is None
    assert date_line('var pubtime = "2019-09-07 13:43:45";') is None
    assert date_line("2019-12-10 07:57:40 来源：新华网") == dt.datetime(2019, 12, 10, 7, 57, 40)


def test_no_title_node() -> None:
    assert title_line_date(None) is None


# ---------------------------------------------------------------- 3. the URL


def test_url_dates() -> None:
    assert url_date("http://news.xinhuanet.com/world/2005-05/07/content_2925422.htm") == dt.datetime(2005, 5, 7)
    assert url_date("https://www.ahsz.gov.cn/zwzx/tzgg/202310/t20231010_123456.html") == dt.datetime(2023, 10, 10)
    assert url_date("https://example.cn/a/2019/09/07/abc.html") == dt.datetime(2019, 9, 7)
    assert url_date("https://example.cn/news/20231010/987.html") == dt.datetime(2023, 10, 10)


def test_url_without_a_date() -> None:
    assert url_date("https://example.cn/post/2740.html") is None
    assert url_date("https://example.cn/a/2023-13-40/x.html") is None  # not a calendar date
    assert url_date("https://2023-10-10.example.cn/x.html") is None  # the host is not the path
    assert url_date(None) is None


# ---------------------------------------------------------------- 4. page-wide scorer


def test_page_date_below_the_body() -> None:
    text = "\n".join(
        [
            "首页",
            "最不愁吃肉的国家",
            "去驴行",
            "当全世界绝大部分国家都在为能够吸引中国游客到来而绞尽脑汁的时候，只有这么一个国家一脸淡定。",
            "2019-09-08 11:42:03",
            "举报",
        ]
    )
    assert page_date(page_lines(text), "最不愁吃肉的国家") == dt.datetime(2019, 9, 8, 11, 42, 3)


def test_page_date_labelled_line_at_the_foot_of_the_article() -> None:
    lines = ["常德市金融系统积极开展活动", "正文一段。" * 20, "阅读", "539", "发布日期：2019-09-23 14:34:05", "头条"]
    assert page_date(lines, "常德市金融系统积极开展活动") == dt.datetime(2019, 9, 23, 14, 34, 5)


def test_page_date_skips_lists_of_other_articles() -> None:
    lines = [
        "文章标题",
        "相关阅读",
        "十一假期来武汉旅游体验",
        "2020-10-04 09:00",
        "湖南援汉医疗队畅游武汉",
        "2020-10-03 10:00",
        "博物馆里看武汉",
        "2020-10-02 11:00",
    ]
    assert page_date(lines, "文章标题") is None


def test_page_date_skips_copyright_and_weak_candidates() -> None:
    lines = ["文章标题", "正文。" * 30, "版权所有 2005-2019 某某网 2019-01-01 00:00"]
    assert page_date(lines, "文章标题") is None
    far = ["文章标题", *(["正文。" * 30] * 60), "2019-01-01"]  # far from the title, no label, no time
    assert page_date(far, "文章标题") is None


# ---------------------------------------------------------------- the pipeline


def test_pipeline_falls_back_to_the_layers() -> None:
    html = (
        "<html><head><title>外媒眼中的武汉长假_长江网</title></head><body>"
        "<h1>外媒眼中的武汉长假</h1><div><span class='pub-time'>2020-10-04 20:30</span>"
        "<span>长江网</span></div><div><p>国庆中秋长假过半，但外媒关注武汉的热情不减，报道称，武汉再次蓬勃发展。</p>"
        "<p>英国《泰晤士报》网站10月2日发表了题为《蓬勃发展的武汉再次充满欢声笑语》的文章。</p></div>"
        "</body></html>"
    )
    doc = parse(html.encode(), "https://news.cjn.cn/sywh/202010/t20201004_1.htm")
    assert doc.published_at == dt.datetime(2020, 10, 4, 20, 30)  # the line beats the URL's day
    bare = "<html><body><h1>标题</h1><p>正文内容，没有任何日期。正文内容，没有任何日期。</p></body></html>"
    assert parse(bare.encode(), "https://example.cn/2005-05/07/content_1.htm").published_at == dt.datetime(2005, 5, 7)
    assert parse(bare.encode(), "https://example.cn/content_1.htm").published_at is None


def test_pipeline_reads_jsonld_before_scripts_are_removed() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2021-11-25T16:26:07+08:00"}</script></head>'
        "<body><h1>标题</h1><p>正文内容，没有印出日期。正文内容，没有印出日期。正文内容。</p></body></html>"
    )
    assert parse(html.encode(), "https://example.cn/a.html").published_at == dt.datetime(2021, 11, 25, 16, 26, 7)


def test_title_line_refuses_a_list_of_other_articles() -> None:
    body = (
        "<h1>标题</h1><div class='side'><h3>相关阅读</h3><ul>"
        "<li>十一假期来武汉旅游体验</li><li>2020.10.04</li>"
        "<li>湖南援汉医疗队畅游武汉</li><li>2020.10.03</li>"
        "<li>博物馆里看武汉</li><li>2020.10.02</li></ul></div>"
    )
    assert _title_date(body) is None
