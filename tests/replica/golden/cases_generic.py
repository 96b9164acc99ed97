"""Government sites with no known layout: the parser's generic fallback."""

from __future__ import annotations

from html import escape

from chrome import (
    paras,
)
from spec import (
    NULL_HEADER,
    NULL_REPLY,
    Case,
    case,
)

# =============================================================== 25-26. generic CMS of other government sites

GEN1_URL = "https://www.yangzhou.gov.cn/yzszf/bmdt/202306/0f1e2d3c4b5a69788796a5b4c3d2e1f0.shtml"
GEN1_TITLE = "扬州市科技局召开2023年科技创新工作推进会"
GEN1_PARAS = [
    "6月21日上午，市科技局召开2023年科技创新工作推进会，总结上半年工作，部署下半年重点任务。",
    "会议通报了上半年全市科技创新主要指标完成情况：新认定国家高新技术企业386家，技术合同成交额同比增长31.5%，全社会研发投入强度达到2.72%。",
    "会议要求，要聚焦产业科技创新中心建设，加快推进重大创新平台布局，强化企业科技创新主体地位，确保全年目标任务圆满完成。",
]
GEN1_HTML = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(GEN1_TITLE)} - 部门动态 - 扬州市人民政府</title>
<meta name="SiteName" content="扬州市人民政府">
<meta name="SiteDomain" content="www.yangzhou.gov.cn">
<meta name="SiteIDCode" content="3210000004">
<meta name="ColumnName" content="部门动态">
<meta name="ColumnDescription" content="扬州市政府部门工作动态">
<meta name="ColumnKeywords" content="部门动态">
<meta name="ColumnType" content="部门动态">
<meta name="ArticleTitle" content="{escape(GEN1_TITLE)}">
<meta name="PubDate" content="2023-06-21 10:20">
<meta name="ContentSource" content="扬州市科技局">
<meta name="Keywords" content="科技创新">
<meta name="Author" content="扬州市科技局">
<meta name="Description" content="6月21日上午，市科技局召开2023年科技创新工作推进会">
<meta name="Image" content="">
<meta name="Url" content="{GEN1_URL}">
<link rel="stylesheet" href="/yzszf/xhtml/css/common.css">
</head>
<body>
<div class="yz-top"><div class="yz-w"><a href="/">扬州市人民政府</a> <span>欢迎您！</span> <a href="/yzszf/wzdt/wzdt.shtml">网站地图</a> <a href="/yzszf/wza/">无障碍</a></div></div>
<div class="yz-banner"><div class="yz-w"><img src="/yzszf/xhtml/images/logo.png" alt="扬州市人民政府"></div></div>
<div class="yz-menu"><div class="yz-w"><a href="/">首页</a><a href="/yzszf/zwgk/">政务公开</a><a href="/yzszf/zwfw/">政务服务</a><a href="/yzszf/hdjl/">互动交流</a><a href="/yzszf/zjyz/">走进扬州</a></div></div>
<div class="yz-w yz-crumb">首页 &gt;&gt; 新闻中心 &gt;&gt; 部门动态</div>
<div class="yz-w yz-detail">
  <div class="bt-box">
    <h2 class="bt-article-title">{escape(GEN1_TITLE)}</h2>
    <div class="bt-article-attr"><span>发布时间：2023-06-21 10:20</span><span>来源：扬州市科技局</span><span>访问量：<b id="visit"></b></span></div>
    <div class="bt-article-body">
{paras(GEN1_PARAS, indent="　　")}
    </div>
    <div class="bt-article-tools"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a> 分享到：<a class="wx">微信</a><a class="wb">微博</a></div>
  </div>
  <div class="yz-related"><h3>相关新闻</h3><ul><li><a href="/yzszf/bmdt/202306/aa11.shtml">市科技局开展科技活动周系列活动</a><span>2023-06-15</span></li><li><a href="/yzszf/bmdt/202306/bb22.shtml">扬州新增3家省级重点实验室</a><span>2023-06-09</span></li></ul></div>
</div>
<div class="yz-foot"><div class="yz-w">
  <p>主办：扬州市人民政府办公室　承办：扬州市大数据管理局</p>
  <p><a href="https://beian.miit.gov.cn/">苏ICP备05009283号</a>　苏公网安备 32100202010123号　网站标识码：3210000004</p>
  <p><a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?siteCode=3210000004">政府网站找错</a></p>
</div></div>
</body>
</html>
"""
case(
    Case(
        name="generic_cms_news_yangzhou",
        url=GEN1_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A government site with no known layout (bt-* classes, h2 title, no #zoom, no j-fontContent): the "
            "fallback must use the 2017 meta tags (ArticleTitle, PubDate, ContentSource) and a generic "
            "main-content search; 相关新闻 and the footer are chrome."
        ),
        html=GEN1_HTML,
        fields={
            "site": "www.yangzhou.gov.cn",
            "title": GEN1_TITLE,
            "published_at": "2023-06-21 10:20:00",
            "source_name": "扬州市科技局",
            "body_text": "\n\n".join(GEN1_PARAS),
            **NULL_HEADER,
            **NULL_REPLY,
            "doc_type": "article",
            "metadata": {},
        },
        body_starts_with="6月21日上午，市科技局召开2023年科技创新工作推进会",
        body_ends_with="确保全年目标任务圆满完成。",
        body_not_contains=["相关新闻", "市科技局开展科技活动周系列活动", "ICP备", "网站标识码", "政府网站找错", "访问量", "打印", "网站地图"],
        attachments=[],
    )
)

GEN2_URL = "http://www.xinxiang.gov.cn/sitesources/xxsrmzf/page_pc/zwgk/jytabl/rddbjy/article8f2a1b3c4d5e6f70.html"
GEN2_TITLE = "关于市人大十五届二次会议第128号建议的答复"
GEN2_PARAS = [
    "尊敬的马红英代表：",
    "您提出的《关于加强城区排水防涝设施建设的建议》收悉，现答复如下：",
    "2023年，我局实施城区排水防涝项目23个，改造雨污管网86公里，整治易涝点31处，城区排水能力明显提升。",
    "您建议的在老城区增设应急排涝泵站，已纳入《新乡市城市排水防涝综合规划》，其中2座泵站已于汛前建成投用。",
    "办复类别：A类",
    "联系单位：新乡市城市管理局",
    "联系电话：0373-3681529",
]
GEN2_HTML = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>新乡市人民政府</title>
<meta name="SiteName" content="新乡市人民政府">
<meta name="SiteDomain" content="www.xinxiang.gov.cn">
<meta name="SiteIDCode" content="4107000001">
<meta name="ColumnName" content="人大代表建议">
<meta name="ColumnType" content="建议提案办理">
<meta name="ArticleTitle" content="{escape(GEN2_TITLE)}">
<meta name="PubDate" content="2023-07-25 11:00">
<meta name="ContentSource" content="新乡市城市管理局">
<meta name="Url" content="{GEN2_URL}">
</head>
<body bgcolor="#ffffff">
<table width="1000" align="center" class="top"><tr><td><img src="/sitesources/xxsrmzf/images/top.jpg" alt="新乡市人民政府"></td></tr></table>
<table width="1000" align="center" class="menu"><tr>
  <td><a href="/">首页</a></td><td><a href="/sitesources/xxsrmzf/page_pc/zwgk/">政务公开</a></td><td><a href="/sitesources/xxsrmzf/page_pc/zwfw/">政务服务</a></td><td><a href="/sitesources/xxsrmzf/page_pc/hdjl/">互动交流</a></td>
</tr></table>
<table width="1000" align="center" class="main"><tr>
  <td width="220" valign="top" class="left">
    <div class="lm">建议提案办理</div>
    <ul class="lmlist"><li><a href="../rddbjy/">人大代表建议</a></li><li><a href="../zxwyta/">政协委员提案</a></li><li><a href="../jggk/">结果公开</a></li></ul>
  </td>
  <td valign="top" class="right">
    <div class="location">当前位置：首页 &gt; 政务公开 &gt; 建议提案办理 &gt; 人大代表建议</div>
    <table width="100%" class="art">
      <tr><td class="art_title" align="center"><strong>{escape(GEN2_TITLE)}</strong></td></tr>
      <tr><td class="art_info" align="center">时间：2023-07-25 11:00:00　来源：新乡市城市管理局　点击：<span id="clicks"></span></td></tr>
      <tr><td class="art_content"><div class="con_txt">
{paras(GEN2_PARAS)}
      </div></td></tr>
      <tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
    </table>
  </td>
</tr></table>
<table width="1000" align="center" class="foot"><tr><td align="center">
  版权所有：新乡市人民政府办公室　<a href="https://beian.miit.gov.cn/">豫ICP备05012345号</a>　网站标识码：4107000001<br>
  <a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?siteCode=4107000001">政府网站找错</a>
</td></tr></table>
</body>
</html>
"""
case(
    Case(
        name="generic_cms_suggestion_reply_xinxiang",
        url=GEN2_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A table-layout government site of another province with no known adapter and a bare <title>: the "
            "title comes from ArticleTitle, and the reply semantics (number 128, session 十五届二次会议, "
            "代表 -> suggestion_reply) must still be read through the generic fallback."
        ),
        html=GEN2_HTML,
        fields={
            "site": "www.xinxiang.gov.cn",
            "title": GEN2_TITLE,
            "published_at": "2023-07-25 11:00:00",
            "source_name": "新乡市城市管理局",
            "body_text": "\n\n".join(GEN2_PARAS),
            **NULL_HEADER,
            "proposal_no": "128",
            "session": "十五届二次会议",
            "proposer": "马红英",
            "proposal_title": "关于加强城区排水防涝设施建设的建议",
            "reply_class": "A",
            "contact_unit": "新乡市城市管理局",
            "contact_phone": "0373-3681529",
            "doc_type": "suggestion_reply",
        },
        body_starts_with="尊敬的马红英代表：",
        body_ends_with="联系电话：0373-3681529",
        body_not_contains=["当前位置", "政协委员提案", "打印本页", "ICP备", "网站标识码", "点击"],
        attachments=[],
    )
)
