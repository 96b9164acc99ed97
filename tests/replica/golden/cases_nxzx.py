"""Seed 000: the 宁夏政协 TRS original, another TRS article, and the aggregator re-post."""

from __future__ import annotations

from html import escape

from chrome import (
    nxzx_page,
    paras,
)
from seed_texts import SEED000_PARAGRAPHS, SEED000_TITLE
from spec import (
    NULL_HEADER,
    NULL_REPLY,
    NXZX_CHROME,
    Case,
    case,
)

# =============================================================== 2. seed 000 re-posted on an aggregator

NXZX_780703 = "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html"
LATEST = [
    ("检察公益诉讼10周年座...", "24-12-23"),
    ("庆祝澳门回归祖国25周...", "24-12-20"),
    ("李强主持国务院第十一次...", "24-12-18"),
    ("“协”各方 “同”前进", "24-12-18"),
    ("我区扎实推动医保便民利...", "24-12-18"),
    ("民进宁夏区委会建议:持...", "24-12-18"),
    ("交通建设提速,推进高效...", "24-12-18"),
    ("贺兰县政协主席会议成员...", "24-12-18"),
]
HOT = [
    ("习近平赴山西考察调研", "20-05-14"),
    ("为新时代政协提案工作凝...", "20-04-23"),
    ("中纪委最近一年至少5名...", "20-11-16"),
    ("习近平勉励山西:早日蹚...", "20-05-14"),
    ("无名烈士墓修缮整治一新", "20-05-14"),
    ("刚刚!最高检这样说:民...", "21-01-07"),
    ("湖南省郴州市委政法委原...", "20-05-14"),
    ("陕西省政协文史馆展品及...", "20-04-23"),
    ("辽阳县人民检察院对程永...", "21-04-27"),
]


def sidebar_list(items: list[tuple[str, str]], start_id: int) -> str:
    return "\n".join(
        f'<li><a href="/html/2024/{start_id + i}.html" title="{escape(t)}" target="_blank">{escape(t, quote=False)}</a><span>{d}</span></li>'
        for i, (t, d) in enumerate(items)
    )


AGGREGATOR_URL = "https://www.zxzixun.com/html/2023/tagz_1011/62871.html"
AGGREGATOR_HTML = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{escape(SEED000_TITLE)}_提案工作_政协资讯网</title>
<meta name="keywords" content="电子信息产业,九三学社,提案,答复">
<meta name="description" content="电子信息产业是国民经济先导性、基础性和战略性产业,也是推动我区传统产业改造升级、新兴产业抢滩占先的重要支撑。">
<link href="/templets/default/style/dedecms.css" rel="stylesheet" media="screen" type="text/css">
<script language="javascript" type="text/javascript" src="/include/dedeajax2.js"></script>
</head>
<body class="articleview">
<div class="header_top">
  <div class="w960 center"><span class="time">欢迎访问政协资讯网</span><div class="toplinks"><a href="/member/">会员中心</a> | <a href="/tags.php">TAG标签</a> | <a href="/data/rssmap.html">RSS订阅</a></div></div>
</div>
<div class="header">
  <div class="top w960 center"><div class="title"><h1><a href="/"><img src="/templets/default/images/logo.gif" alt="政协资讯网"></a></h1></div></div>
  <div class="module blue mT10 wrapper w963">
    <div id="navMenu"><ul>
      <li><a href="/"><span>主页</span></a></li><li><a href="/html/yaowen/"><span>要闻</span></a></li>
      <li class="hover"><a href="/html/tagz/"><span>提案工作</span></a></li><li><a href="/html/difang/"><span>地方政协</span></a></li>
      <li><a href="/html/weiyuan/"><span>委员风采</span></a></li>
    </ul></div>
    <div class="search"><form name="formsearch" action="/plus/search.php"><input name="q" type="text" class="search-keyword" value="在这里搜索..."><button type="submit" class="search-submit">搜索</button></form></div>
  </div>
</div>
<div class="w960 center clear mt1">
  <div class="pleft">
    <div class="place"><strong>当前位置:</strong> <a href="/">主页</a> &gt; <a href="/html/tagz/">提案工作</a> &gt; </div>
    <div class="viewbox">
      <div class="title"><h2>{escape(SEED000_TITLE)}</h2></div>
      <div class="info"><small>时间:</small>2023-10-11 16:05<small>来源:</small>华兴时报 <small>作者:</small>admin <small>点击:</small><script src="/plus/count.php?view=yes&amp;aid=62871&amp;mid=1" type="text/javascript" language="javascript"></script>次</div>
      <div class="content">
        <table width="100%"><tr><td>
{paras(SEED000_PARAGRAPHS)}
        </td></tr></table>
      </div>
      <div class="yuanwen">原文链接:<a href="{NXZX_780703}" target="_blank" rel="nofollow">{NXZX_780703}</a></div>
      <div class="mianze"><strong>[免责声明]</strong> 本文来源于网络转载,仅供学习交流使用,不构成商业目的。版权归原作者所有,如涉及作品内容、版权和其它问题,请在30日内与本网联系,我们将在第一时间处理。</div>
      <div class="boxoff"><strong>------分隔线----------------------------</strong></div>
      <div class="handle">
        <div class="context"><ul><li>上一篇:<a href="/html/2023/tagz_1010/62866.html">自治区政协召开提案办理协商会</a></li><li>下一篇:<a href="/html/2023/tagz_1012/62890.html">民盟宁夏区委会为乡村振兴献策出力</a></li></ul></div>
        <div class="actbox"><ul><li id="act-fav"><a href="/plus/stow.php?aid=62871" target="_blank">收藏</a></li><li id="act-err"><a href="/plus/erraddsave.php?aid=62871&amp;title={escape(SEED000_TITLE)}" target="_blank">挑错</a></li><li id="act-pus"><a href="/plus/recommend.php?aid=62871" target="_blank">推荐</a></li><li id="act-pnt"><a href="#" onclick="window.print();">打印</a></li></ul></div>
      </div>
    </div>
  </div>
  <div class="pright">
    <div class="commend mt1">
      <dl class="tbox light"><dt class="light"><strong>最新加入</strong></dt><dd class="light"><ul class="d4">
{sidebar_list(LATEST, 70101)}
      </ul></dd></dl>
    </div>
    <div class="hot mt1">
      <dl class="tbox light"><dt class="light"><strong>热门资讯</strong></dt><dd class="light"><ul class="c1 ico2">
{sidebar_list(HOT, 1201)}
      </ul></dd></dl>
    </div>
  </div>
</div>
<div class="footer w960 center mt1 clear">
  <div class="footer_body"><p class="powered">Powered by <a href="http://www.dedecms.com" title="DedeCMS">DedeCMS</a> &copy; 2004-2024 政协资讯网 版权所有</p>
  <div class="copyright">Copyright &copy; 2018-2024 zxzixun.com All Rights Reserved. <a href="https://beian.miit.gov.cn/">豫ICP备18012345号-2</a></div></div>
</div>
</body>
</html>
"""
case(
    Case(
        name="repost_seed000_aggregator",
        url=AGGREGATOR_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "Seed 000 as it stands: the nxzx article re-posted on a DedeCMS aggregator (non-government host). "
            "Keeps 原文链接 (-> original_url); the [免责声明] and the 最新加入 / 热门资讯 sidebars (titles cut "
            "with ..., dates 24-12-23) are exactly as in the seed and must not reach the body. The re-post's "
            "own date line (时间:2023-10-11 16:05) is its published_at. The byline (记者 单 瑞) stays in the "
            "body (it is printed inside the article text) and also fills reporter."
        ),
        html=AGGREGATOR_HTML,
        fields={
            "site": "www.zxzixun.com",
            "title": SEED000_TITLE,
            "published_at": "2023-10-11 16:05:00",
            "source_name": "华兴时报",
            "reporter": "单瑞",
            "editor": None,
            "original_url": NXZX_780703,
            "body_text": "\n\n".join(SEED000_PARAGRAPHS),
            **NULL_HEADER,
            **NULL_REPLY,
            "doc_type": "article",
            "metadata": {},
        },
        body_starts_with="电子信息产业是国民经济先导性",
        body_ends_with="(记者 单 瑞)",
        body_contains=["加强顶层设计 完善政策体系", "自治区政协委员张耀文建议"],
        body_not_contains=["原文链接", "免责声明", "最新加入", "热门资讯", "24-12-23", "检察公益诉讼10周年座", "辽阳县人民检察院", "ICP备", "当前位置", "上一篇", "Powered by"],
        attachments=[],
    )
)

# =============================================================== 3. seed 000 original on nxzx (GB2312)

case(
    Case(
        name="nxzx_seed000_original_gb2312",
        url=NXZX_780703,
        content_type="text/html; charset=gb2312",
        encoding="gb18030",
        description=(
            "The original of seed 000 on the TRS site www.nxzx.gov.cn, served as gb2312 (bytes GB18030-encoded: "
            "the title's —— is U+2014, which only GBK/GB18030 decode back correctly). Breadcrumb, title, "
            "date/来源 line, body, byline (记者 单 瑞) kept in body, 【责任编辑】:包瑞 -> editor. A news report "
            "on a reply: no header, no salutation, so every reply column is null although the text names "
            "委员张耀文 and 提案."
        ),
        html=nxzx_page(
            url=NXZX_780703,
            title=SEED000_TITLE,
            column_path=[("政协工作", "../../"), ("提案工作", "../")],
            date_line="2023-10-10 09:12:30&nbsp;&nbsp;&nbsp;来源:华兴时报",
            source="华兴时报",
            pub_date="2023-10-10 09:12",
            body_html=paras(SEED000_PARAGRAPHS, indent="　　"),
            editor="包瑞",
        ),
        fields={
            "site": "www.nxzx.gov.cn",
            "title": SEED000_TITLE,
            "published_at": "2023-10-10 09:12:30",
            "source_name": "华兴时报",
            "reporter": "单瑞",
            "editor": "包瑞",
            "original_url": None,
            "body_text": "\n\n".join(SEED000_PARAGRAPHS),
            **NULL_HEADER,
            **NULL_REPLY,
            "doc_type": "article",
            "metadata": {},
        },
        body_starts_with="电子信息产业是国民经济先导性",
        body_ends_with="(记者 单 瑞)",
        body_contains=["九三学社宁夏区委会在开展相关调研后"],
        body_not_contains=[*NXZX_CHROME, "多重发力 激发电子信息产业新动能", "包瑞"],
        attachments=[],
    )
)

# =============================================================== 4. another nxzx TRS article (2021)

NXZX_2021_URL = "http://www.nxzx.gov.cn/zxgz/tagz/202103/t20210301_412856.html"
NXZX_2021_TITLE = "自治区政协十二届四次会议提案审查工作完成 共立案523件"
NXZX_2021_PARAS = [
    "3月1日，记者从自治区政协提案委员会获悉，自治区政协十二届四次会议提案审查工作已全部完成。大会期间共收到委员、各参加单位和政协各专门委员会提交的提案586件，经审查，立案523件，并案处理21件，转为来信处理42件。",
    "从提案内容看，经济建设方面的提案218件，占41.7%；社会建设方面的提案169件，占32.3%；生态文明建设方面的提案62件，占11.9%；政治、文化建设等其他方面的提案74件，占14.1%。",
    "“今年的提案选题更加聚焦自治区党委和政府中心工作，调研更加深入，建议更具针对性和可操作性。”自治区政协提案委员会相关负责人介绍，下一步将及时把立案提案交付承办单位办理，加强与承办单位的沟通协调，推动提案办理由“重答复”向“重落实”转变。",
    "据了解，今年自治区政协将继续实行重点提案主席督办制度，遴选一批事关全区发展大局和群众切身利益的提案作为重点提案，由自治区政协主席、副主席分别领衔督办。",
    "（记者 马 晓 芳）",
]
case(
    Case(
        name="nxzx_tagz_2021_article_gb2312",
        url=NXZX_2021_URL,
        content_type="text/html",
        encoding="gb18030",
        description=(
            "A second nxzx TRS article, the SITES.md example date line `2021-03-01 10:56:22   来源:华兴时报`; "
            "HTTP header without charset, meta gb2312 only; full-width byline （记者 马 晓 芳） -> reporter 马晓芳."
        ),
        html=nxzx_page(
            url=NXZX_2021_URL,
            title=NXZX_2021_TITLE,
            column_path=[("政协工作", "../../"), ("提案工作", "../")],
            date_line="2021-03-01 10:56:22&nbsp;&nbsp;&nbsp;来源:华兴时报",
            source="华兴时报",
            pub_date="2021-03-01 10:56",
            body_html=paras(NXZX_2021_PARAS, indent="　　"),
            editor="王丽",
        ),
        fields={
            "site": "www.nxzx.gov.cn",
            "title": NXZX_2021_TITLE,
            "published_at": "2021-03-01 10:56:22",
            "source_name": "华兴时报",
            "reporter": "马晓芳",
            "editor": "王丽",
            "original_url": None,
            "body_text": "\n\n".join(NXZX_2021_PARAS),
            **NULL_HEADER,
            **NULL_REPLY,
            "doc_type": "article",
            "metadata": {},
        },
        body_starts_with="3月1日，记者从自治区政协提案委员会获悉",
        body_ends_with="（记者 马 晓 芳）",
        body_not_contains=[*NXZX_CHROME, "王丽"],
        attachments=[],
    )
)
