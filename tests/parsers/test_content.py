"""parsers.content: main content by density, chrome removed by what it says."""

from __future__ import annotations

import random

from selectolax.lexbor import LexborHTMLParser

from parsers.content import (
    _PUNCT_SPACE,
    CHROME_LINE,
    CHROME_TOKENS,
    FOOTER_MARKS,
    MAX_TOKEN_LINE,
    absolutize,
    find_main,
    is_chrome_text,
    remove_chrome,
    remove_tokens,
)
from parsers.text import block_text

PARAS = [
    "近年来，我市抢抓机遇，贯彻新发展理念，坚持稳中求进工作总基调，坚持改革开放，坚持高质量发展。",
    "一是大力发展数字经济，实现数字经济赋能。云计算产业逐步探索出“数据存储、算力支撑”的生态模式。",
    "二是坚持绿色低碳发展，推动生产方式赋能。整合先进成熟绿色低碳技术，推动实现集成创新和应用创新。",
]

PAGE = f"""<html><body>
<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/a">政务公开</a></li><li><a href="/b">互动交流</a></li></ul></div>
<div class="side"><h3>热门资讯</h3><ul>
<li><a href="/n1">检察公益诉讼10周年座...</a><span>24-12-23</span></li>
<li><a href="/n2">庆祝澳门回归祖国25周...</a><span>24-12-20</span></li>
<li><a href="/n3">李强主持国务院第十一次...</a><span>24-12-18</span></li></ul></div>
<div class="main"><div class="box">
<div class="con">{''.join(f'<p>　　{p}</p>' for p in PARAS)}
<p>【<a href="javascript:print()">打印本页</a>】【<a href="javascript:close()">关闭窗口</a>】</p>
<div>字体：[<a>大</a> <a>中</a> <a>小</a>]</div>
<p>分享到：<a>微信</a> <a>微博</a></p>
<p>上一篇：<a href="/p">关于某某工作的通知</a></p><p>下一篇：<a href="/n">关于某某工作的决定</a></p>
<div class="xglj"><b>相关链接</b><ul><li><a href="/1">国务院</a></li><li><a href="/2">省政府</a></li><li><a href="/3">市政府</a></li></ul></div>
</div></div></div>
<div class="ewm">扫一扫在手机打开当前页</div>
<div class="foot"><p>版权所有：某某市人民政府 网站标识码：3413000001</p><p>皖ICP备05004358号-1</p></div>
</body></html>"""


def test_main_content_and_chrome() -> None:
    tree = LexborHTMLParser(PAGE)
    main = find_main(tree.body)
    assert main is not None and main.attributes.get("class") == "con"
    remove_chrome(main)
    assert block_text(main) == "\n\n".join(PARAS)


def test_br_separated_text_in_a_table_cell() -> None:
    html = "<table><tr><td><a href='/'>首页</a></td></tr><tr><td>" + "<br>".join(
        f"&nbsp;&nbsp;{p}" for p in PARAS
    ) + "</td></tr></table>"
    tree = LexborHTMLParser(html)
    main = find_main(tree.body)
    assert main is not None and main.tag == "td"
    assert block_text(main) == "\n\n".join(PARAS)


def test_chrome_words() -> None:
    for text in ("【打印本页】【关闭窗口】", "【字体：大 中 小】", "分享到：", "扫一扫在手机打开当前页",
                 "上一篇：关于某某的通知", "网站标识码：3413000001", "皖ICP备05004358号-1", "[免责声明] 本文来源于网络"):
        assert is_chrome_text(text), text
    for text in PARAS + ["办复类别：B类", "联系电话：3022482", "一、总体情况", "(记者 单 瑞)", "附件：", "特此通知。"]:
        assert not is_chrome_text(text), text


def test_fullwidth_space_inside_a_paragraph_is_kept() -> None:
    tree = LexborHTMLParser("<div><p>　　第三条　本办法自2020年7月1日起施行。</p><p>&nbsp;第四条  解释。</p></div>")
    assert block_text(tree.css_first("div")) == "第三条　本办法自2020年7月1日起施行。\n\n第四条 解释。"


def test_absolutize() -> None:
    tree = LexborHTMLParser('<div><a href="../a/b.pdf">x</a><img src="./i.png"><a href="javascript:void(0)">j</a></div>')
    div = tree.css_first("div")
    absolutize(div, "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html")
    assert 'href="http://www.nxzx.gov.cn/zxgz/tagz/a/b.pdf"' in div.html
    assert 'src="http://www.nxzx.gov.cn/zxgz/tagz/202310/i.png"' in div.html
    assert "javascript:void(0)" in div.html


def test_hidden_keyword_blob_is_removed_but_hidden_paragraphs_stay() -> None:
    """SEO plug-ins hide 100+ KB of search terms in a display:none div; tabs hide real text."""
    from selectolax.lexbor import LexborHTMLParser

    from parsers.content import strip_junk

    blob = " ".join(f"关键词{i}" for i in range(2000))
    tabs = "".join(f"<p>第{i}段隐藏的正文，展开后可见。</p>" for i in range(200))  # > 3,000 characters
    tree = LexborHTMLParser(
        f'<html><body><div style="display:none">{blob}</div>'
        f'<div id="more" style="display: none">{tabs}</div><p>可见的正文。</p></body></html>'
    )
    strip_junk(tree)
    text = tree.body.text()
    assert "关键词1" not in text
    assert "第1段隐藏的正文" in text and "可见的正文" in text


def test_remove_tokens_is_the_regex_substitution() -> None:
    # Lines built from widget words, their pieces, brackets and spaces of both widths: where
    # a match may start (a hint character, the 【/space run before it) is all that is tried.
    pieces = ["打印", "打印本页", "关闭", "【", "】", " ", "\u3000", "\n", "字体", "字号", "大", "中", "小",
              "[", "]", "：", "分享到", "扫一扫", "在手机打开当前页", "手机打开", "分享", "微信", "QQ空间",
              "浏览量", "12", "阅读次数", "点击率", "x", "好", "我要纠错", "纠错", "返回顶部", "收藏", "默认",
              "视力保护色"]  # fmt: skip
    rng = random.Random(15)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert remove_tokens(line) == CHROME_TOKENS.subn("", line), line


def test_is_chrome_text_answers_as_the_plain_rule_does() -> None:
    # The rule without its shortcuts (the hint characters, the count of foreign characters).
    def plain(text: str) -> bool:
        if CHROME_LINE.search(text) or FOOTER_MARKS.search(text):
            return True
        if len(text) > MAX_TOKEN_LINE:
            return False
        stripped, found = CHROME_TOKENS.subn("", text)
        residual = _PUNCT_SPACE.sub("", stripped)
        return not residual or (found > 0 and len(residual) <= max(1, len(text) // 8))

    pieces = ["打印", "关闭窗口", "【", "】", " ", "|", "字号：大 中 小", "分享到", "微信", "微博", "浏览量：",
              "12", "次", "在", "我们", "点", "本", "文章", "正文内容", "x", "。", "收藏", "返回顶部"]  # fmt: skip
    rng = random.Random(16)
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        assert is_chrome_text(line) == plain(line), line
