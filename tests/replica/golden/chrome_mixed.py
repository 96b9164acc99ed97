"""Site chrome templates for the golden cases in cases_mixed.py (one function per site family)."""
from html import escape


def meta2017(d):
    out = []
    for k in ("SiteName", "SiteDomain", "SiteIDCode", "ColumnName", "ColumnDescription", "ColumnKeywords",
              "ColumnType", "ArticleTitle", "PubDate", "ContentSource", "Keywords", "Author", "Description", "Image", "Url"):
        if k in d:
            out.append(f'<meta name="{k}" content="{escape(d[k])}">')
    return "\n".join(out)

def paras(ps, style=' style="text-indent: 2em; line-height: 2em;"'):
    out = []
    for p in ps:
        if isinstance(p, tuple):  # (tag, html)
            out.append(p[1])
        else:
            out.append(f"<p{style}>{p}</p>")
    return "\n".join(out)

# ---------------------------------------------------------------- header layouts
def hdr_th_td(rows, cls="div_table_suoyin", tcls="table_suoyin"):
    """rows: list of rows; each row list of (label_html, value) pairs; a single pair spans 3."""
    trs = []
    for row in rows:
        cells = []
        for lab, val in row:
            span = ' colspan="3"' if len(row) == 1 else ""
            cells.append(f'<th>{lab}</th><td class="pmingcheng"{span}>{val}</td>')
        trs.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<div class="{cls}">\n<table class="{tcls}" cellspacing="0" cellpadding="0">\n<tbody>\n'
            + "\n".join(trs) + "\n</tbody>\n</table>\n</div>")

def hdr_td_td(pairs):
    trs = [f'<tr><td class="xxgk_label" width="120">{lab}</td><td>{val}</td></tr>' for lab, val in pairs]
    return ('<div class="xxgk_info">\n<table class="xxgk_table" width="100%" border="1" cellspacing="0">\n<tbody>\n'
            + "\n".join(trs) + "\n</tbody>\n</table>\n</div>")

def hdr_dl(pairs):
    items = [f'<dl class="clearfix"><dt>{lab}</dt><dd>{val}</dd></dl>' for lab, val in pairs]
    return '<div class="xxgk-info-box">\n' + "\n".join(items) + "\n</div>"

def hdr_ul(pairs):
    items = [f'<li><span class="tit">{lab}</span><span class="con">{val}</span></li>' for lab, val in pairs]
    return '<div class="gk-head">\n<ul class="gk-list clearfix">\n' + "\n".join(items) + "\n</ul>\n</div>"

def hdr_lines(lines):
    return '<div class="xxgk-meta">\n' + "\n".join(f"<p>{ln}</p>" for ln in lines) + "\n</div>"

# ---------------------------------------------------------------- Anhui disclosure platform
def anhui_page(*, charset_meta="utf-8", site_name, host, site_code, column, column_path, title, meta, header,
               info_line, body, after_body="", icp, gongan, sponsor, address, phone, prev, next_, related,
               left_menu=None, lang_attr=' lang="zh-CN"'):
    cm = f'<meta charset="{charset_meta}">\n' if charset_meta else ""
    left_menu = left_menu or ["信息公开指南", "信息公开制度", "法定主动公开内容", "信息公开年报", "依申请公开", "政府文件", "政策解读", "建议提案办理"]
    left = "\n".join(f'<li><a href="/public/column/{2650000 + i}?type=4&amp;action=list">{m}</a></li>' for i, m in enumerate(left_menu))
    rel = "\n".join(f'<li><a href="{h}" target="_blank">{t}</a></li>' for t, h in related)
    return f"""<!DOCTYPE html>
<html{lang_attr}>
<head>
{cm}<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no">
<title>{escape(title)}_{site_name}</title>
{meta2017(meta)}
<link rel="stylesheet" type="text/css" href="/assets/css/common.css">
<link rel="stylesheet" type="text/css" href="/assets/css/xxgk-detail.css">
<script type="text/javascript" src="/assets/js/jquery.min.js"></script>
<script type="text/javascript" src="/assets/js/common.js"></script>
</head>
<body>
<div class="topbar">
  <div class="container clearfix">
    <div class="fl">您好，欢迎访问{site_name}！今天是<span id="today"></span></div>
    <div class="fr"><a href="javascript:void(0)" id="wza">无障碍</a> | <a href="javascript:void(0)" class="zhs">繁體</a> | <a href="javascript:void(0)" id="oldman">长者模式</a> | <a href="https://www.ahzwfw.gov.cn/" target="_blank">登录</a> | <a href="/site/tpl/5421">微信</a> | <a href="/site/tpl/5423">微博</a></div>
  </div>
</div>
<div class="header">
  <div class="container clearfix">
    <div class="logo"><a href="/"><img src="/assets/images/logo.png" alt="{site_name}"></a></div>
    <div class="search-box">
      <form action="/site/search/{site_code}" method="get" target="_blank">
        <input type="text" name="searchWord" class="search-input" placeholder="请输入关键词">
        <button type="submit" class="search-btn">搜索</button>
      </form>
      <div class="hot-words">热词：<a href="/site/search/{site_code}?searchWord=营商环境">营商环境</a> <a href="/site/search/{site_code}?searchWord=双招双引">双招双引</a> <a href="/site/search/{site_code}?searchWord=政策解读">政策解读</a></div>
    </div>
  </div>
</div>
<div class="nav">
  <ul class="container clearfix">
    <li><a href="/">首页</a></li>
    <li><a href="/zwzx/index.html">政务资讯</a></li>
    <li class="on"><a href="/public/column/2653861?type=4&amp;action=list">政府信息公开</a></li>
    <li><a href="/zwfw/index.html">政务服务</a></li>
    <li><a href="/hdjl/index.html">互动交流</a></li>
    <li><a href="/ztzl/index.html">专题专栏</a></li>
  </ul>
</div>
<div class="container xxgk-wrap clearfix">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/public/column/2653861?type=4&amp;action=list">政府信息公开</a> &gt; <a href="{column_path}">{column}</a></div>
  <div class="xxgk-left">
    <div class="xxgk-left-tit">信息公开</div>
    <ul class="xxgk-menu">
{left}
    </ul>
    <div class="xxgk-search"><input type="text" placeholder="信息公开搜索"><button>搜索</button></div>
  </div>
  <div class="xxgk-right">
{header}
    <div class="newsdetail">
      <h1 class="newstitle">{title}</h1>
      <div class="newsinfo">{info_line}<span class="fontsize">字体：<a href="javascript:void(0)" class="j-fontBig">大</a> <a href="javascript:void(0)" class="j-fontMiddle">中</a> <a href="javascript:void(0)" class="j-fontSmall">小</a></span></div>
{body}
{after_body}
      <div class="share-wrap clearfix">
        <div class="bdsharebuttonbox fl"><span>分享到：</span><a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a><a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间"></a></div>
        <div class="ewm fr"><img src="/assets/images/qrcode.png" alt=""><p>扫一扫在手机打开当前页</p></div>
      </div>
      <div class="print-close">【<a href="javascript:window.print();">打印本页</a>】【<a href="javascript:window.close();">关闭窗口</a>】</div>
      <div class="prev-next">
        <p>上一篇：<a href="{prev[1]}">{prev[0]}</a></p>
        <p>下一篇：<a href="{next_[1]}">{next_[0]}</a></p>
      </div>
      <div class="related-links">
        <div class="related-tit">相关链接</div>
        <ul>
{rel}
        </ul>
      </div>
    </div>
  </div>
</div>
<div class="footer">
  <div class="container">
    <div class="footer-links"><a href="/site/tpl/5431">网站地图</a> | <a href="/site/tpl/5432">联系我们</a> | <a href="/site/tpl/5433">隐私声明</a> | <a href="/site/tpl/5434">使用帮助</a></div>
    <p>主办单位：{sponsor}　　地址：{address}　　联系电话：{phone}</p>
    <p><a href="https://beian.miit.gov.cn/" target="_blank">{icp}</a>　　<img src="/assets/images/ga.png" alt="">{gongan}　　网站标识码：{site_code}</p>
    <div class="footer-icons"><a href="https://bszs.conac.cn/sitename?method=show&amp;id=0000" target="_blank"><img src="/assets/images/dzjg.png" alt="党政机关"></a><a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={site_code}&amp;url={host}" target="_blank"><img src="/assets/images/jiucuo.png" alt="政府网站找错"></a><span>政府网站找错</span></div>
  </div>
</div>
<script type="text/javascript">$(function(){{ $.get('/site/hits?id=1', function(n){{ $('#hits').text(n); }}); }});</script>
</body>
</html>
"""

# ---------------------------------------------------------------- TRS WCM: nxzx.gov.cn
def nxzx_page(*, title, date_line_time, source, meta, body, editor, prev, next_, column="提案工作", column_path="../../", editor_style=False):
    # TRS WCM pastes its editor stylesheet inside the content div on some pages
    style = '<style type="text/css">.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}.TRS_Editor DIV{margin-top:0;margin-bottom:12px;}</style>\n' if editor_style else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{escape(title)}-宁夏政协</title>
{meta2017(meta)}
<link href="../../../images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../../images/jquery-1.8.3.min.js"></script>
</head>
<body>
<div class="top">
  <div class="top_nr"><span class="date"><script>document.write(new Date().toLocaleDateString());</script></span>
  <span class="top_right"><a href="../../../">设为首页</a> | <a href="../../../">加入收藏</a> | <a href="../../../wzdt/">网站地图</a></span></div>
</div>
<div class="banner"><img src="../../../images/banner.jpg" alt="中国人民政治协商会议宁夏回族自治区委员会" /></div>
<div class="menu">
  <ul>
    <li><a href="../../../">首 页</a></li>
    <li><a href="../../../ywbd/">要闻报道</a></li>
    <li><a href="../../../zxgz/">政协工作</a></li>
    <li><a href="../../../wyfc/">委员风采</a></li>
    <li><a href="../../../wsgz/">文史工作</a></li>
    <li><a href="../../../llyj/">理论研究</a></li>
    <li><a href="../../../zxzs/">政协知识</a></li>
  </ul>
</div>
<div class="main">
  <div class="weizhi">&gt;&gt;您当前的位置:<a href="../../../" title="首页" class="CurrChnlCls">首页</a>&nbsp;-&gt;&nbsp;<a href="../../" title="政协工作" class="CurrChnlCls">政协工作</a>&nbsp;-&gt;&nbsp;<a href="{column_path}" title="{column}" class="CurrChnlCls">{column}</a></div>
  <div class="article">
    <div class="art_title">{title}</div>
    <div class="art_info">{date_line_time}&nbsp;&nbsp;&nbsp;来源:{source}</div>
    <div class="art_con">
      <div class="TRS_Editor">
{style}{body}
      </div>
    </div>
    <div class="art_editor">【责任编辑】:{editor}</div>
    <div class="art_tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】 字体:<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a></div>
    <div class="art_share">分享到：<a href="#" class="wx">微信</a> <a href="#" class="wb">微博</a><div class="ewm"><img src="../../../images/ewm.png" />扫一扫在手机打开当前页</div></div>
    <div class="art_pn">上一篇：<a href="{prev[1]}">{prev[0]}</a><br />下一篇：<a href="{next_[1]}">{next_[0]}</a></div>
    <div class="xglj"><h3>相关链接</h3><ul><li><a href="http://www.cppcc.gov.cn/" target="_blank">全国政协</a></li><li><a href="http://www.nx.gov.cn/" target="_blank">宁夏回族自治区人民政府</a></li><li><a href="http://www.nxrd.gov.cn/" target="_blank">宁夏人大</a></li></ul></div>
  </div>
</div>
<div class="footer">
  <p>主办：中国人民政治协商会议宁夏回族自治区委员会办公厅　承办：宁夏政协信息中心</p>
  <p>地址：宁夏银川市金凤区人民广场东街217号　邮编：750002</p>
  <p><a href="https://beian.miit.gov.cn" target="_blank">宁ICP备05002476号</a>　网站标识码：6400000033　<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=6400000033" target="_blank">政府网站找错</a></p>
</div>
</body>
</html>
"""

# ---------------------------------------------------------------- aggregator re-post
def aggregator_page(*, site, host, title, body, original_url, latest, hot, crumbs, info=""):
    lat = "\n".join(f'<li><a href="/html/{1000 + i}.html" title="{t}">{t}</a><span>{d}</span></li>' for i, (t, d) in enumerate(latest))
    ho = "\n".join(f'<li><a href="/html/{2000 + i}.html" title="{t}">{t}</a><span>{d}</span></li>' for i, (t, d) in enumerate(hot))
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{escape(title)} - {site}</title>
<meta name="keywords" content="政协,提案,答复,{site}">
<meta name="description" content="{escape(title)}">
<link rel="stylesheet" href="/static/css/style.css">
<script src="https://hm.example-stat.com/hm.js?8a1b2c"></script>
</head>
<body>
<div class="head"><div class="w1200"><a class="logo" href="/">{site}</a>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/list/zxdt/">政协动态</a></li><li><a href="/list/tagz/">提案工作</a></li><li><a href="/list/rdjj/">人大聚焦</a></li><li><a href="/list/llzx/">理论在线</a></li></ul>
<form class="so" action="/search.php"><input name="q" placeholder="搜索文章"><input type="submit" value="搜索"></form></div></div>
<div class="w1200 crumbs">当前位置：{crumbs}</div>
<div class="w1200 clearfix">
<div class="left">
  <div class="arc">
    <h1>{title}</h1>
{info}
    <div class="arc-body">
{body}
    </div>
    <div class="yuanwen">原文链接:<a href="{original_url}" target="_blank" rel="nofollow">{original_url}</a></div>
    <div class="mzsm">[免责声明] 本文来源于网络转载,仅供学习交流使用,不构成商业目的。版权归原作者所有,如涉及作品内容、版权和其它问题,请在30日内与本网联系,我们将在第一时间处理。</div>
  </div>
</div>
<div class="right">
  <div class="box"><div class="box-t">最新加入</div><ul class="list">
{lat}
  </ul></div>
  <div class="box"><div class="box-t">热门资讯</div><ul class="list">
{ho}
  </ul></div>
</div>
</div>
<div class="foot">Copyright &copy; 2016-2024 {host} 版权所有　<a href="https://beian.miit.gov.cn/">京ICP备16012345号-2</a>　联系邮箱：service@{host}</div>
</body>
</html>
"""

# ---------------------------------------------------------------- old county site (table layout, GB pages)
def county_page(*, charset_meta, site_name, host, site_code, title, info_line, body, header="", crumbs, meta=None, icp, extra_head=""):
    cm = f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">\n' if charset_meta else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
{cm}{extra_head}<title>{escape(title)}--{site_name}</title>
{meta2017(meta or {})}
<link href="/css/main.css" rel="stylesheet" type="text/css">
<script language="javascript" src="/js/fontzoom.js"></script>
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr><td class="top"><img src="/images/top.jpg" width="1000" height="160" alt="{site_name}"></td></tr>
  <tr><td class="nav"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/xxgk/">信息公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/gzhd/">公众互动</a> | <a href="/xwzx/">新闻中心</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
  <tr>
    <td width="220" valign="top" class="left">
      <div class="ltit">栏目导航</div>
      <ul class="lmenu"><li><a href="/xwzx/zwyw/">政务要闻</a></li><li><a href="/xwzx/bmdt/">部门动态</a></li><li><a href="/xwzx/xzdt/">乡镇动态</a></li><li><a href="/xxgk/jyta/">建议提案办理</a></li><li><a href="/xxgk/tzgg/">通知公告</a></li></ul>
      <div class="ltit">便民服务</div>
      <ul class="lmenu"><li><a href="/bsfw/jtcx/">交通出行</a></li><li><a href="/bsfw/jyfw/">教育服务</a></li><li><a href="/bsfw/ylws/">医疗卫生</a></li></ul>
    </td>
    <td width="780" valign="top" class="right">
      <div class="location">您现在的位置：{crumbs}</div>
{header}
      <table width="100%" border="0" cellspacing="0" cellpadding="0">
        <tr><td align="center" class="title"><b>{title}</b></td></tr>
        <tr><td align="center" class="info">{info_line}　【字体：<a href="javascript:fontZoom(16)">大</a> <a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a>】</td></tr>
        <tr><td class="content"><div id="zoom">
{body}
        </div></td></tr>
        <tr><td align="right" class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
        <tr><td class="sxp">上一篇：<a href="/xwzx/{site_code}/1.html">县政府召开第十九次常务会议</a><br>下一篇：<a href="/xwzx/{site_code}/2.html">全县安全生产工作会议召开</a></td></tr>
        <tr><td class="ewm"><img src="/images/ewm.gif"> 扫一扫在手机打开当前页</td></tr>
      </table>
    </td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="bottom">
  <tr><td align="center">主办：{site_name.replace("人民政府", "")}人民政府办公室　承办：{site_name.replace("人民政府", "")}数据资源管理局<br>
  <a href="https://beian.miit.gov.cn/" target="_blank">{icp}</a>　网站标识码：{site_code}　<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code={site_code}" target="_blank">政府网站找错</a><br>
  建议使用1024*768分辨率 IE8.0以上浏览器浏览</td></tr>
</table>
</body>
</html>
"""
