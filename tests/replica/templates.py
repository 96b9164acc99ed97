"""HTML of the replica pages: the two real platforms' layouts, chrome included.

The chrome is deliberately heavy (nav, sidebars with other articles' titles, share
widgets, footers with 备案 numbers, inline scripts), because separating it from the
content is what the parsers exist for. Functions return `str`; the site encodes.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from html import escape
from urllib.parse import quote

from .articles import Article, ColumnSpec, Identity

OFFSITE = "http://www.example.com/"

SITE_NAMES = {
    "www.nxzx.gov.cn": ("中国人民政治协商会议宁夏回族自治区委员会", "宁夏政协", "6400000031", "宁ICP备05001234号-1"),
    "www.ahsz.gov.cn": ("宿州市人民政府", "宿州市人民政府", "3413000001", "皖ICP备05001806号"),
    "kjj.ahsz.gov.cn": ("宿州市科学技术局", "宿州市科技局", "3413000013", "皖ICP备05001806号-3"),
}

NX_NAV = (
    ("首页", "/"), ("要闻报道", "/ywbd/"), ("政协工作", "/zxgz/"), ("提案工作", "/zxgz/tagz/"),
    ("委员风采", "/wyfc/"), ("理论研究", "/llyj/"), ("文史资料", "/wszl/"), ("政协论坛", "/zxlt/"),
    ("图片新闻", "/tpxw/"), ("视频点播", "/spdb/"), ("专题专栏", "/ztzl/"), ("机关建设", "/jgjs/"),
)
SZ_NAV = (
    ("首页", "/"), ("走进宿州", "/zjsz/"), ("政务公开", "/public/"), ("政务服务", "/zwfw/"),
    ("互动交流", "/hdjl/"), ("专题专栏", "/ztzl/"), ("数据发布", "/sjfb/"), ("政策文件", "/zcwj/"),
)
_SUBNAV = ("工作动态", "通知公告", "政策解读", "图片报道", "专题活动", "资料下载")
CHROME_PATHS = frozenset(p for _, p in (*NX_NAV, *SZ_NAV)) - {"/zxgz/tagz/", "/public/"}

_SCRIPT = """<script type="text/javascript">
var _hmt = _hmt || [];
(function() {
  var hm = document.createElement("script");
  hm.src = "/js/stat.js?v=20230101";
  var s = document.getElementsByTagName("script")[0];
  s.parentNode.insertBefore(hm, s);
})();
function setFontSize(size){ var el=document.getElementById('zoom'); if(el){ el.style.fontSize=size+'px'; } }
function doPrint(){ var bdhtml=window.document.body.innerHTML; window.print(); }
function closeWindow(){ if(confirm("您确定要关闭本页吗？")){ window.opener=null; window.open('','_self'); window.close(); } }
window.onload=function(){ var links=document.querySelectorAll('a[target=_blank]'); for(var i=0;i<links.length;i++){ links[i].rel='noopener'; } };
</script>
"""

_CSS = """<link rel="stylesheet" type="text/css" href="/css/common.css">
<link rel="stylesheet" type="text/css" href="/css/index.css">
<style type="text/css">
.header{height:160px;background:#b40000;} .nav ul li{float:left;width:96px;text-align:center;}
.main{width:1200px;margin:0 auto;} .sidebar{float:right;width:300px;} .footer{clear:both;background:#f2f2f2;}
.position{height:40px;line-height:40px;color:#666;} .share a{margin-right:6px;} #zoom p{text-indent:2em;line-height:2em;}
</style>
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def short(title: str, limit: int = 24) -> str:
    return title if len(title) <= limit else title[:limit] + "..."


def _meta_tags(host: str, column: str, extra: dict[str, str]) -> str:
    full, short_name, code, _ = SITE_NAMES[host]
    tags = {
        "SiteName": short_name, "SiteDomain": host, "SiteIDCode": code,
        "ColumnName": column, "ColumnDescription": f"{short_name}{column}栏目",
        "ColumnKeywords": f"{column},{short_name}", "ColumnType": column,
    }
    tags.update(extra)
    return "\n".join(f'<meta name="{k}" content="{_e(v)}">' for k, v in tags.items())


@cache
def _share() -> str:
    items = ["微信", "新浪微博", "QQ空间", "QQ好友", "复制链接"]
    return '<div class="bdsharebuttonbox share">分享到：' + "".join(
        f'<a href="javascript:void(0);" class="bds_{n}" data-cmd="{n}" title="分享到{t}">{t}</a>'
        for n, t in enumerate(items)
    ) + "</div>"


@cache
def _footer(host: str) -> str:
    full, short_name, code, icp = SITE_NAMES[host]
    links = "".join(
        f'<option value="{OFFSITE}links/{n}.html">{name}</option>'
        for n, name in enumerate(["中国政府网", "全国政协", "人民网", "新华网", "中国政协网", "安徽省人民政府", "宁夏回族自治区人民政府", "国家统计局"])
    )
    return f"""<div class="footer">
<div class="links">友情链接：<select onchange="window.open(this.value)"><option>----政府网站----</option>{links}</select>
<a href="{OFFSITE}links/gov.html" target="_blank">中国政府网</a></div>
<p><a href="/gywm/">关于我们</a> | <a href="/wzdt/">网站地图</a> | <a href="/lxwm/">联系我们</a> | <a href="/sybz/">使用帮助</a></p>
<p>主办单位：{full}　承办：{short_name}办公室信息中心</p>
<p><a href="https://beian.miit.gov.cn/" target="_blank">{icp}</a>　网站标识码：{code}　公网安备 {code}0123号</p>
<p>建议使用1366*768分辨率　IE9以上版本浏览器浏览本网站</p>
<div class="jiucuo"><img src="/images/jiucuo.png" alt="政府网站找错"></div>
</div>"""


@cache
def _header(host: str, nav: tuple[tuple[str, str], ...]) -> str:
    full, short_name, _, _ = SITE_NAMES[host]
    navs = "".join(
        f'<li><a href="{p}">{_e(t)}</a><div class="subnav"><ul>'
        + "".join(f'<li><a href="{p}{n}/">{_e(t)}·{s}</a></li>' for n, s in enumerate(_SUBNAV))
        + "</ul></div></li>"
        for t, p in nav
    )
    return f"""<div class="topbar"><span>欢迎访问{full}网站</span>
<a href="javascript:void(0)" onclick="setFontSize(18)">大</a> <a href="javascript:void(0)" onclick="setFontSize(16)">中</a>
<a href="javascript:void(0)" onclick="setFontSize(14)">小</a> <a href="/wza/">无障碍</a> <a href="/ydb/">移动版</a></div>
<div class="header"><a href="/"><img src="/images/logo.png" alt="{full}"></a>
<form action="/search/" method="get" class="search"><input type="text" name="searchword" placeholder="请输入关键字"><button type="submit">搜索</button></form></div>
<div class="nav"><ul>{navs}</ul></div>"""


_HOT = "".join(
    f'<li><a href="/ztzl/{n}/" target="_blank">{t}</a></li>'
    for n, t in enumerate(["学习贯彻党的二十大精神", "主题教育专栏", "政协委员履职风采", "优化营商环境", "乡村振兴在行动", "民生实事进行时"])
)


def _sidebar(related: list[Identity], href: Callable[[Identity], str]) -> str:
    items = "".join(
        f'<li><a href="{href(r)}" title="{_e(r.title)}">{_e(short(r.title, 16))}</a><span>{r.published_at:%m-%d}</span></li>'
        for r in related
    )
    hot = _HOT
    return f"""<div class="sidebar">
<div class="box"><div class="box-title">相关阅读</div><ul class="list">{items}</ul></div>
<div class="box"><div class="box-title">专题专栏</div><ul class="list">{hot}</ul></div>
<div class="box ewm"><img src="/images/ewm.png" alt="微信公众号"><p>扫描二维码关注微信公众号</p></div>
</div>"""


# --- nxzx (TRS WCM) -------------------------------------------------------------------

def trs_article(a: Article, blank: bool, related: list[Identity]) -> str:
    ident = a.ident
    host = "www.nxzx.gov.cn"
    charset = "gb2312" if ident.encoding == "gb18030" else "utf-8"
    desc = a.paragraphs[0][:80] if a.paragraphs else ""
    meta = _meta_tags(host, "提案工作", {
        "ArticleTitle": ident.title, "PubDate": f"{ident.published_at:%Y-%m-%d %H:%M}",
        "ContentSource": a.source_name, "Keywords": "提案,答复,政协", "Author": "",
        "Description": desc, "Image": "", "Url": f"http://{host}{ident.path}",
    })
    if blank:
        body = '<div class="TRS_Editor"></div>'
    else:
        paras = "".join(
            f'<p style="text-indent:2em;">{_e(p)}</p>' if len(p) > 20 else f"<p><strong>{_e(p)}</strong></p>"
            for p in a.paragraphs
        )
        body = f'<div class="TRS_Editor">{paras}<p style="text-indent:2em;">(记者 {_e(a.reporter or "")})</p></div>'

    def href(r: Identity) -> str:
        return "../" + r.path.split("/zxgz/tagz/", 1)[1]

    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>{_e(ident.title)}_提案工作_{SITE_NAMES[host][1]}</title>
{meta}
{_CSS}{_SCRIPT}</head>
<body>
{_header(host, NX_NAV)}
<div class="main">
<div class="position">&gt;&gt;您当前的位置:<a href="../../../">首页</a> -&gt; <a href="../../">政协工作</a> -&gt; <a href="../">提案工作</a></div>
<div class="content-left">
<div class="article">
<div class="article-title"><h1>{_e(ident.title)}</h1></div>
<div class="article-info"><span class="time">{ident.published_at:%Y-%m-%d %H:%M:%S}</span>&nbsp;&nbsp;&nbsp;<span class="source">来源:{_e(a.source_name)}</span>
<span class="fontsize">【字体：<a href="javascript:setFontSize(18)">大</a> <a href="javascript:setFontSize(16)">中</a> <a href="javascript:setFontSize(14)">小</a>】</span></div>
<div class="article-content" id="zoom">
{body}
</div>
<div class="article-editor">【责任编辑】:{_e(a.editor or "")}</div>
{_share()}
<div class="article-tools"><a href="javascript:doPrint()">【打印本页】</a> <a href="javascript:closeWindow()">【关闭窗口】</a></div>
</div>
</div>
{_sidebar(related, href)}
</div>
{_footer(host)}
</body>
</html>
"""


def trs_listing(spec: ColumnSpec, items: list[Identity], page: int, pages: int,
                private_href: str | None, redesigned: bool) -> str:
    host = spec.host
    if redesigned:
        lis = '<div class="gaiban">栏目改版中，敬请期待……</div>'
    else:
        rows = [
            f'<li><a href="./{it.path.split("/zxgz/tagz/", 1)[1]}" title="{_e(it.title)}" target="_blank">{_e(short(it.title))}</a><span>{it.published_at:%Y-%m-%d}</span></li>'
            for it in items
        ]
        if private_href:
            rows.append(f'<li><a href="{private_href}" title="内部通报" target="_blank">内部通报</a><span>2023-10-10</span></li>')
        lis = '<ul class="list">' + "\n".join(rows) + "</ul>"
    meta = _meta_tags(host, "提案工作", {})
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>提案工作_{SITE_NAMES[host][1]}</title>
{meta}
{_CSS}{_SCRIPT}</head>
<body>
{_header(host, NX_NAV)}
<div class="main">
<div class="position">&gt;&gt;您当前的位置:<a href="../../">首页</a> -&gt; <a href="../">政协工作</a> -&gt; <a href="./">提案工作</a></div>
<div class="content-left">
<div class="column-title">提案工作</div>
{lis}
<div class="page"><script type="text/javascript">createPageHTML({pages}, {page}, "index", "html");</script></div>
<div class="ad"><a href="{OFFSITE}zt/tagz.html" target="_blank">全国政协提案工作专题</a></div>
</div>
{_sidebar([], lambda r: "")}
</div>
{_footer(host)}
</body>
</html>
"""


# --- 安徽 disclosure platform -------------------------------------------------------------

def _label(label: str, colon: str, variant: int) -> str:
    if label == "索引号" and variant % 3 == 1:
        return f'<span class="hidden-xs">索引</span>号{colon}'
    if len(label) == 2:
        return f"{label[0]}&nbsp;&nbsp;{label[1]}{colon}"
    if len(label) == 3 and variant % 3 == 2:
        return "&nbsp;".join(label) + colon
    return label + colon


def _suoyin(a: Article) -> str:
    pairs = list(a.header)
    v = a.ident.index
    rows = []
    single = {"发布机构", "名称"}
    k = 0
    while k < len(pairs):
        label, value = pairs[k]
        if label in single:
            rows.append(f'<tr><th>{_label(label, a.colon, v)}</th><td class="pmingcheng" colspan="3">{_e(value)}</td></tr>')
            k += 1
            continue
        (l2, v2) = pairs[k + 1]
        rows.append(
            f'<tr><th>{_label(label, a.colon, v)}</th><td class="pmingcheng">{_e(value)}</td>'
            f'<th>{_label(l2, a.colon, v)}</th><td class="pmingcheng">{_e(v2)}</td></tr>'
        )
        k += 2
    return '<div class="div_table_suoyin"><table class="table_suoyin" cellpadding="0" cellspacing="0">' + "".join(rows) + "</table></div>"


def ahsz_article(spec: ColumnSpec, a: Article, blank: bool, related: list[Identity]) -> str:
    ident = a.ident
    host = spec.host
    c = a.colon
    meta = _meta_tags(host, spec.name, {
        "ArticleTitle": ident.title, "PubDate": f"{ident.published_at:%Y-%m-%d %H:%M}",
        "ContentSource": a.source_name, "Keywords": spec.name, "Author": a.source_name,
        "Description": ident.title, "Image": "", "Url": f"https://{host}{ident.path}",
    })
    if blank:
        body = ""
    else:
        parts = []
        if a.salutation:
            parts.append(f"<p>{_e(a.salutation)}</p>")
        if a.opening:
            parts.append(f'<p style="text-indent:2em;">{_e(a.opening)}</p>')
        for p in a.paragraphs:
            parts.append(f'<p style="text-indent:2em;">{_e(p)}</p>')
        if a.closing:
            parts.append(f'<p style="text-indent:2em;">{_e(a.closing)}</p>')
        if a.reply_class:
            parts.append(f'<p style="text-indent:2em;">办复类别{c}{a.reply_class}类</p>')
            parts.append(f'<p style="text-indent:2em;">联系单位{c}{_e(a.contact_unit or "")}</p>')
            parts.append(f'<p style="text-indent:2em;">联系电话{c}{_e(a.contact_phone or "")}</p>')
        for att in a.attachments:
            parts.append(
                f'<p>附件：<a href="{att.path}" target="_blank" title="{_e(att.name)}">{_e(att.name)}</a></p>'
            )
        body = "\n".join(parts)
    crumbs = f'<a href="/">首页</a> &gt; <a href="/public/">信息公开</a> &gt; <a href="/public/column/{spec.column_id}?type=4&amp;action=list&amp;pageIndex=1">{_e(spec.name)}</a>'
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{_e(ident.title)}_{SITE_NAMES[host][0]}</title>
{meta}
{_CSS}{_SCRIPT}</head>
<body>
{_header(host, SZ_NAV)}
<div class="main wrap">
<div class="position">当前位置：{crumbs}</div>
<div class="xxgk_content">
{_suoyin(a)}
<div class="newsdetail">
<h1 class="newstitle">{_e(ident.title)}</h1>
<div class="newsinfo"><span>来源{c}{_e(a.source_name)}</span> <span>浏览量{c}<em id="hits"></em></span> <span>发表时间{c}{ident.published_at:%Y-%m-%d %H:%M}</span> <span>编辑{c}{_e(a.page_editor or "")}</span>
<span class="fontsize">字号：<a href="javascript:setFontSize(18)">大</a> <a href="javascript:setFontSize(16)">中</a> <a href="javascript:setFontSize(14)">小</a></span></div>
<div class="j-fontContent newscontnet" id="zoom">
{body}
</div>
<div class="ewm-box"><div id="qrcode"></div><p>扫一扫在手机打开当前页</p></div>
{_share()}
<div class="article-tools"><a href="javascript:doPrint()">打印本页</a> <a href="javascript:closeWindow()">关闭窗口</a></div>
</div>
</div>
{_sidebar(related, lambda r: r.path)}
</div>
{_footer(host)}
</body>
</html>
"""


def ahsz_listing_href(column_id: str, page: int) -> str:
    return f"/public/column/{column_id}?type=4&action=list&pageIndex={page}"


def ahsz_listing(spec: ColumnSpec, items: list[Identity], page: int, pages: int,
                 private_href: str | None, redesigned: bool) -> str:
    host = spec.host
    if redesigned:
        lis = '<div class="gaiban">本栏目正在升级改造，请稍后访问。</div>'
    else:
        rows = [
            f'<li><a href="{it.path}" title="{_e(it.title)}" target="_blank">{_e(short(it.title, 30))}</a><span class="date">{it.published_at:%Y-%m-%d}</span></li>'
            for it in items
        ]
        if private_href:
            rows.append(f'<li><a href="{private_href}" title="内部事项" target="_blank">内部事项</a><span class="date">2023-06-20</span></li>')
        lis = '<ul class="clearfix xxgk_nav_list">' + "\n".join(rows) + "</ul>"
    amp = lambda p: _e(ahsz_listing_href(spec.column_id, p))  # noqa: E731
    pager = [f'<span class="total">共{pages}页</span>', f'<a href="{amp(1)}">首页</a>']
    if page > 1:
        pager.append(f'<a href="{amp(page - 1)}">上一页</a>')
    pager.append(f'<span class="current">{page}</span>')
    if page < pages:
        pager.append(f'<a href="{amp(page + 1)}" class="next">下一页</a>')
    pager.append(f'<a href="{amp(max(pages, 1))}">尾页</a>')
    meta = _meta_tags(host, spec.name, {})
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{_e(spec.name)}_{SITE_NAMES[host][0]}</title>
{meta}
{_CSS}{_SCRIPT}</head>
<body>
{_header(host, SZ_NAV)}
<div class="main wrap">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/public/">信息公开</a> &gt; {_e(spec.name)}</div>
<div class="xxgk_right"><div class="column-title">{_e(spec.name)}</div>
{lis}
<div class="pagination">{" ".join(pager)}</div>
<div class="ad"><a href="{OFFSITE}zt/xxgk.html" target="_blank">政府信息公开专栏</a></div>
</div>
</div>
{_footer(host)}
</body>
</html>
"""


def chrome_page(host: str, title: str, links: list[tuple[str, str]]) -> str:
    """Home and section pages: links only, nothing to archive."""
    nav = NX_NAV if "nxzx" in host else SZ_NAV
    items = "".join(f'<li><a href="{_e(p)}">{_e(t)}</a></li>' for t, p in links)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{_e(title)}_{SITE_NAMES[host][1]}</title>
{_meta_tags(host, title, {})}
{_CSS}</head><body>
{_header(host, nav)}
<div class="main"><h2>{_e(title)}</h2><ul>{items}</ul>
<a href="{OFFSITE}index.html">中国政府网</a></div>
{_footer(host)}
</body></html>
"""


def busy_page() -> str:
    return """<!DOCTYPE html><html><head><meta charset="utf-8"><title>提示信息</title></head>
<body><div class="error"><h3>系统繁忙，请稍后再试</h3><p>如有疑问请联系网站管理员。</p>
<a href="/">返回首页</a></div></body></html>
"""


def quote_path(path: str) -> str:
    return quote(path, safe="/?&=%")
