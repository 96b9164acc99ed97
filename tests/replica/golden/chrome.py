"""Site chrome of the replica pages, one function per site family.

The golden pages are written by hand, but every page of one real site shares its
template; keeping each template here once means the 28+ pages differ where the real
pages differ (header layout, body, encoding) and not by copy-paste accident.
Used only by `make_pages.py`; the parser never sees this module.
"""

from __future__ import annotations

from html import escape


def paras(paragraphs: list[str], indent: str = "", style: str = "") -> str:
    """Body paragraphs as the CMS editors produce them (one <p> each)."""
    attr = f' style="{style}"' if style else ""
    return "\n".join(f"<p{attr}>{indent}{escape(p, quote=False)}</p>" for p in paragraphs)


def meta2017(
    *,
    site_name: str,
    site_domain: str,
    site_id: str,
    column: str,
    title: str,
    pub_date: str,
    source: str,
    url: str,
    keywords: str = "",
    description: str = "",
) -> str:
    """The 政府网站发展指引 (2017) meta block every government article carries."""
    return f"""<meta name="SiteName" content="{escape(site_name)}">
<meta name="SiteDomain" content="{site_domain}">
<meta name="SiteIDCode" content="{site_id}">
<meta name="ColumnName" content="{escape(column)}">
<meta name="ColumnDescription" content="{escape(column)}栏目发布相关政府信息">
<meta name="ColumnKeywords" content="{escape(column)}">
<meta name="ColumnType" content="{escape(column)}">
<meta name="ArticleTitle" content="{escape(title)}">
<meta name="PubDate" content="{pub_date}">
<meta name="ContentSource" content="{escape(source)}">
<meta name="Keywords" content="{escape(keywords)}">
<meta name="Author" content="{escape(source)}">
<meta name="Description" content="{escape(description)}">
<meta name="Image" content="">
<meta name="Url" content="{url}">"""


# ---------------------------------------------------------------- 安徽 disclosure platform


def suoyin_table(rows: list[list[tuple[str, str]]]) -> str:
    """`div.div_table_suoyin > table.table_suoyin`: th label + td.pmingcheng value, two pairs a row.

    A row with a single pair spans the value over three columns, as the platform does
    for 发布机构 and 名称. Labels are raw HTML (they carry &nbsp; and split spans).
    """
    out = ['<div class="div_table_suoyin">', '<table class="table_suoyin" cellspacing="0" cellpadding="0">', "<tbody>"]
    for row in rows:
        out.append("<tr>")
        for label, value in row:
            colspan = ' colspan="3"' if len(row) == 1 else ""
            out.append(f'<th>{label}</th><td class="pmingcheng"{colspan}>{escape(value, quote=False)}</td>')
        out.append("</tr>")
    out += ["</tbody>", "</table>", "</div>"]
    return "\n".join(out)


def ahsz_page(
    *,
    host: str,
    site_name: str,
    site_id: str,
    column: str,
    url: str,
    title: str,
    header_html: str,
    source: str,
    pub_time: str,
    editor: str,
    body_html: str,
    charset_meta: str | None = "utf-8",
    icp: str = "皖ICP备05004358号-1",
    sidebar_extra: str = "",
) -> str:
    """An article of the 安徽 政务公开 platform (宿州 and its bureaus)."""
    charset = f'<meta charset="{charset_meta}">\n' if charset_meta else ""
    meta = meta2017(
        site_name=site_name,
        site_domain=host,
        site_id=site_id,
        column=column,
        title=title,
        pub_date=pub_time,
        source=source,
        url=url,
        keywords=column,
        description=title,
    )
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
{charset}<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{escape(title)}_{escape(site_name)}</title>
{meta}
<link rel="stylesheet" href="/assets/css/common.css">
<link rel="stylesheet" href="/assets/css/public_detail.css">
<script src="/assets/js/jquery-1.12.4.min.js"></script>
<script src="/assets/js/common.js"></script>
</head>
<body>
<div class="topbar">
  <div class="container">
    <span class="welcome">您好，欢迎访问{escape(site_name)}！</span>
    <a href="javascript:void(0)" id="cniil_wza">无障碍</a> | <a href="javascript:void(0)" class="oldman">长者模式</a> |
    <a href="/site/tpl/login">登录</a> | <a href="/site/tpl/register">注册</a> | <a href="https://www.ahsz.gov.cn/">宿州市人民政府</a>
  </div>
</div>
<div class="header">
  <div class="container">
    <a class="logo" href="/"><img src="/assets/images/logo.png" alt="{escape(site_name)}"></a>
    <form class="search" action="/site/search/{site_id}" method="get">
      <input type="text" name="searchWord" placeholder="请输入关键词"><button type="submit">搜索</button>
    </form>
  </div>
</div>
<div class="nav">
  <ul class="container">
    <li><a href="/">首页</a></li>
    <li><a href="/content/column/6790321">新闻动态</a></li>
    <li class="on"><a href="/public/column/6596181?type=4&amp;action=list">政务公开</a></li>
    <li><a href="/content/column/6790341">政务服务</a></li>
    <li><a href="/content/column/6790351">互动交流</a></li>
    <li><a href="/content/column/6790361">专题专栏</a></li>
  </ul>
</div>
<div class="container clearfix">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/public/column/6596181?type=4">政府信息公开</a> &gt; <a href="/public/column/6596181?type=4&amp;catId=6718031">{escape(column)}</a></div>
  <div class="xxgk-left">
    <div class="zwgk-nav">
      <h3>信息公开</h3>
      <ul>
        <li><a href="/public/column/6596181?type=2">信息公开指南</a></li>
        <li><a href="/public/column/6596181?type=3">信息公开制度</a></li>
        <li><a href="/public/column/6596181?type=4">法定主动公开内容</a></li>
        <li><a href="/public/column/6596181?type=5">信息公开年报</a></li>
        <li><a href="/public/column/6596181?type=6">依申请公开</a></li>
      </ul>
    </div>
    <div class="search-box">
      <h3>信息检索</h3>
      <input type="text" placeholder="标题/索引号/文号"><button>检索</button>
    </div>
{sidebar_extra}
  </div>
  <div class="xxgk-right">
{header_html}
    <div class="newsdetail">
      <h1 class="newstitle">{escape(title)}</h1>
      <div class="newsinfo">
        <span>来源:{escape(source)}</span>
        <span>浏览量:<em id="hits"></em></span>
        <span>发表时间:{pub_time}</span>
        <span>编辑:{escape(editor)}</span>
      </div>
      <div class="fontsize">字体:[<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</div>
      <div class="j-fontContent newscontnet minh300" id="zoom">
{body_html}
      </div>
      <div class="newsbottom clearfix">
        <div class="share">分享到：<a class="weixin" title="分享到微信">微信</a><a class="weibo" title="分享到新浪微博">微博</a><a class="qzone" title="分享到QQ空间">QQ空间</a></div>
        <div class="qrcode"><div id="qrcode"></div><p>扫一扫在手机打开当前页</p></div>
        <div class="print">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
      </div>
      <div class="prevnext">
        <p>上一篇：<a href="/public/6596181/191398700.html">宿州市2023年第一季度政务公开工作情况通报</a></p>
        <p>下一篇：<a href="/public/6596181/191402233.html">宿州市政府信息公开工作年度报告（2022年度）</a></p>
      </div>
      <div class="related">
        <h4>相关链接</h4>
        <ul>
          <li><a href="https://www.ah.gov.cn/">安徽省人民政府</a></li>
          <li><a href="https://www.ahsz.gov.cn/">宿州市人民政府</a></li>
          <li><a href="https://www.gov.cn/">中国政府网</a></li>
        </ul>
      </div>
    </div>
  </div>
</div>
<div class="footer">
  <div class="container">
    <p><a href="/site/tpl/sitemap">网站地图</a> | <a href="/site/tpl/contact">联系我们</a> | <a href="/site/tpl/statement">网站声明</a></p>
    <p>主办单位：{escape(site_name)}　地址：安徽省宿州市埇桥区银河一路行政中心　邮编：234000</p>
    <p><a href="https://beian.miit.gov.cn/">{icp}</a>　皖公网安备 34130202000148号　网站标识码：{site_id}</p>
    <p><a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?siteCode={site_id}"><img src="/assets/images/zhaocuo.png" alt="政府网站找错"><span class="sr">政府网站找错</span></a>
       <a href="https://bszs.conac.cn/sitename?method=show&amp;id=0A1B2C3D"><img src="/assets/images/dzjg.png" alt="党政机关"></a></p>
  </div>
</div>
<script>
  $(function () {{ $.get('/content/hits/{url.rsplit("/", 1)[-1].split(".")[0]}', function (d) {{ $('#hits').text(d); }}); }});
  function doZoom(size) {{ $('#zoom').css('font-size', size + 'px'); }}
</script>
</body>
</html>
"""


# ---------------------------------------------------------------- 宁夏政协 (TRS WCM)


def nxzx_page(
    *,
    url: str,
    title: str,
    column_path: list[tuple[str, str]],
    date_line: str,
    source: str,
    pub_date: str,
    body_html: str,
    editor: str,
    charset_meta: str = "gb2312",
) -> str:
    """A TRS WCM article page of www.nxzx.gov.cn (table-era template, inline TRS scripts)."""
    crumbs = " -&gt; ".join(f'<a href="{href}" class="CurrChnlCls">{escape(name)}</a>' for name, href in column_path)
    meta = meta2017(
        site_name="宁夏政协",
        site_domain="www.nxzx.gov.cn",
        site_id="6400000035",
        column=column_path[-1][0],
        title=title,
        pub_date=pub_date,
        source=source,
        url=url,
        keywords=column_path[-1][0],
        description=title,
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}" />
<title>{escape(title)}</title>
{meta}
<link href="../../../images/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="../../../images/jquery.js"></script>
</head>
<body>
<div class="top">
  <div class="top_l">中国人民政治协商会议宁夏回族自治区委员会</div>
  <div class="top_r"><a href="javascript:void(0)" onclick="SetHome(this,'http://www.nxzx.gov.cn')">设为首页</a> | <a href="javascript:void(0)" onclick="AddFavorite('宁夏政协',location.href)">加入收藏</a></div>
</div>
<div class="banner"><img src="../../../images/banner.jpg" alt="宁夏政协" /></div>
<div class="menu">
  <a href="../../../">首页</a> | <a href="../../../ywbd/">要闻报道</a> | <a href="../../../zxgz/">政协工作</a> |
  <a href="../../../wyfc/">委员风采</a> | <a href="../../../llyj/">理论研究</a> | <a href="../../../wszl/">文史资料</a> | <a href="../../../ztzl/">专题专栏</a>
</div>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td class="dqwz">&gt;&gt;您当前的位置:<a href="../../../" class="CurrChnlCls">首页</a> -&gt; {crumbs}</td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="article">
  <tr><td class="wzbt" align="center">{escape(title)}</td></tr>
  <tr><td class="wzsj" align="center">{date_line}</td></tr>
  <tr>
    <td class="wznr">
      <div class="TRS_Editor">
{body_html}
      </div>
    </td>
  </tr>
  <tr><td class="zrbj" align="right">【责任编辑】:{escape(editor)}</td></tr>
  <tr><td class="dybj" align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
  <tr>
    <td class="sxp">
      <script type="text/javascript">
        var preDoc = '<a href="./t20231009_780655.html">自治区政协召开重点提案办理协商会</a>';
        var nextDoc = '<a href="./t20231011_780760.html">民盟宁夏区委会：为乡村振兴献策出力</a>';
        document.write('上一篇：' + preDoc + '<br/>下一篇：' + nextDoc);
      </script>
    </td>
  </tr>
</table>
<div class="links">
  <span>相关链接：</span>
  <select onchange="window.open(this.value)"><option>全国政协</option><option value="http://www.cppcc.gov.cn">全国政协网</option></select>
  <select onchange="window.open(this.value)"><option>各省区市政协</option><option value="http://www.shszx.gov.cn">上海政协</option></select>
</div>
<div class="foot">
  <p>主办：中国人民政治协商会议宁夏回族自治区委员会办公厅　承办：宁夏政协信息中心</p>
  <p>地址：银川市金凤区人民广场东街217号　电话：0951-6669114</p>
  <p><a href="https://beian.miit.gov.cn/" target="_blank">宁ICP备05001457号-1</a>　宁公网安备 64010602000245号　网站标识码：6400000035</p>
  <p><a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?siteCode=6400000035" target="_blank">政府网站找错</a></p>
</div>
</body>
</html>
"""


# ---------------------------------------------------------------- other 安徽 city portals


def city_page(
    *,
    host: str,
    site_name: str,
    site_id: str,
    icp: str,
    column: str,
    url: str,
    title: str,
    header_html: str,
    info_html: str,
    body_html: str,
    pub_date: str,
    source: str,
    charset_meta: str | None = "utf-8",
    body_class: str = "wzcon j-fontContent",
    after_body: str = "",
) -> str:
    """A 安徽 city portal article (chuzhou / fy / luan share this template family).

    The disclosure header is passed in pre-rendered, because the header layout is the
    thing that differs between these cities (td/td, dl/dt/dd, ul/li/span, plain lines).
    """
    charset = f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">\n' if charset_meta else ""
    meta = meta2017(
        site_name=site_name,
        site_domain=host,
        site_id=site_id,
        column=column,
        title=title,
        pub_date=pub_date,
        source=source,
        url=url,
        keywords=column,
        description=title,
    )
    return f"""<!DOCTYPE html>
<html>
<head>
{charset}<meta name="renderer" content="webkit">
<title>{escape(title)}-{escape(site_name)}</title>
{meta}
<link rel="stylesheet" type="text/css" href="/static/css/base.css">
<script type="text/javascript" src="/static/js/jquery.min.js"></script>
</head>
<body>
<div id="header">
  <div class="head-top w1200">
    <span class="date" id="today"></span>
    <a href="/site/tpl/wza">无障碍浏览</a> <a href="/site/tpl/m">手机版</a> <a href="/site/tpl/weixin">官方微信</a> <a href="/site/tpl/weibo">官方微博</a>
  </div>
  <div class="head-logo w1200"><a href="/"><img src="/static/images/logo.png" alt="{escape(site_name)}"></a></div>
  <div class="head-nav w1200">
    <a href="/">首页</a><a href="/content/column/1001">要闻动态</a><a class="cur" href="/public/column/2001?type=4">政务公开</a>
    <a href="/content/column/3001">政务服务</a><a href="/content/column/4001">政民互动</a><a href="/content/column/5001">走进{escape(site_name[:2])}</a>
  </div>
</div>
<div class="w1200 mbx">您的位置：<a href="/">首页</a> &gt; <a href="/public/column/2001?type=4">政务公开</a> &gt; <span>{escape(column)}</span></div>
<div class="w1200 main clearfix">
  <div class="gk-left">
    <h2 class="gk-left-tit">{escape(column)}</h2>
    <ul class="gk-left-nav">
      <li><a href="/public/column/2001?type=2">政府信息公开指南</a></li>
      <li><a href="/public/column/2001?type=3">政府信息公开制度</a></li>
      <li><a href="/public/column/2001?type=4">法定主动公开内容</a></li>
      <li><a href="/public/column/2001?type=5">政府信息公开年报</a></li>
    </ul>
  </div>
  <div class="gk-right">
{header_html}
    <div class="wz-box">
      <h1 class="wz-tit">{escape(title)}</h1>
      <div class="wz-info">{info_html}
        <span class="fontsize">字号：<a href="javascript:fontZoom(18)">大</a> <a href="javascript:fontZoom(16)">中</a> <a href="javascript:fontZoom(14)">小</a></span>
      </div>
      <div class="{body_class}" id="wzcon">
{body_html}
      </div>
{after_body}
      <div class="wz-tools">
        <div class="bdsharebuttonbox">分享：<a class="bds_weixin" title="分享到微信"></a><a class="bds_tsina" title="分享到新浪微博"></a><a class="bds_qzone" title="分享到QQ空间"></a></div>
        <div class="ewm"><img src="/qrcode?url={url}" alt="二维码"><span>扫一扫在手机打开当前页</span></div>
        <div class="dy">【<a href="javascript:window.print();">打印本页</a>】【<a href="javascript:window.opener=null;window.close();">关闭窗口</a>】</div>
      </div>
      <div class="wz-sxp">
        <p>上一篇：<a href="/public/2001/1107998877.html">关于2023年第二季度政府网站检查情况的通报</a></p>
        <p>下一篇：<a href="/public/2001/1108001122.html">{escape(site_name)}2023年政务公开工作要点</a></p>
      </div>
      <div class="xglj"><h3>相关链接</h3><a href="https://www.ah.gov.cn/">安徽省人民政府</a> <a href="https://www.gov.cn/">中国政府网</a></div>
    </div>
  </div>
</div>
<div id="footer">
  <div class="w1200">
    <p><a href="/site/tpl/about">关于我们</a> | <a href="/site/tpl/sitemap">网站地图</a> | <a href="/site/tpl/contact">联系我们</a></p>
    <p>主办：{escape(site_name)}办公室　承办：{escape(site_name[:3])}数据资源管理局</p>
    <p><a href="https://beian.miit.gov.cn/">{icp}</a>　网站标识码：{site_id}</p>
    <p><a href="https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteId.action?siteCode={site_id}">政府网站找错</a></p>
  </div>
</div>
<script type="text/javascript">
  function fontZoom(size) {{ document.getElementById('wzcon').style.fontSize = size + 'px'; }}
  document.getElementById('today').innerHTML = new Date().toLocaleDateString();
</script>
</body>
</html>
"""


def td_table(pairs: list[tuple[str, str]]) -> str:
    """Header as a plain table: label cells are ordinary <td>, one pair per row (滁州 style)."""
    rows = "\n".join(
        f'<tr><td class="td-name">{label}</td><td class="td-value">{escape(value, quote=False)}</td></tr>'
        for label, value in pairs
    )
    return f'<div class="gk-xxgk">\n<table class="gk-table" width="100%" border="1">\n{rows}\n</table>\n</div>'


def dl_header(pairs: list[tuple[str, str]]) -> str:
    """Header as one definition list (阜阳 style)."""
    items = "\n".join(f"<dt>{label}</dt><dd>{escape(value, quote=False)}</dd>" for label, value in pairs)
    return f'<div class="xxgk-info">\n<dl class="clearfix">\n{items}\n</dl>\n</div>'


def ul_header(pairs: list[tuple[str, str]]) -> str:
    """Header as list items, label in a span and the value in a second span (六安 style)."""
    items = "\n".join(
        f'<li><span class="tit">{label}</span><span class="con">{escape(value, quote=False)}</span></li>'
        for label, value in pairs
    )
    return f'<div class="gk-info">\n<ul class="clearfix">\n{items}\n</ul>\n</div>'


def lines_header(pairs: list[tuple[str, str]]) -> str:
    """Header as plain "label：value" lines in one div, separated by <br>."""
    lines = "<br>\n".join(f"{label}{escape(value, quote=False)}" for label, value in pairs)
    return f'<div class="gkxx-text">\n{lines}\n</div>'
