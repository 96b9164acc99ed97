"""Golden cases across every site family (the corpus owner's set; see README.md).

Each `case(...)` call below is one replica page and what a careful reader sees on it:
page text and expectations are written by hand, never derived from `parsers`.
Registered into `spec.CASES`; `make_pages.py` writes the files.
"""
# ruff: noqa: E501

from chrome_mixed import (
    aggregator_page,
    anhui_page,
    county_page,
    hdr_dl,
    hdr_td_td,
    hdr_th_td,
    hdr_ul,
    meta2017,
    nxzx_page,
    paras,
)
from seed_texts import SEED000_PARAGRAPHS, SEED000_TITLE, SEED003_PARAGRAPHS
from selectolax.lexbor import LexborHTMLParser
from spec import Case
from spec import case as register

CHROME_WORDS = ["扫一扫", "打印本页", "关闭窗口", "上一篇", "下一篇", "相关链接", "ICP", "网站标识码",
                "政府网站找错", "字体", "分享到", "当前位置", "主办单位"]
HEADER_WORDS = ["索引号", "信息分类", "发布机构", "成文日期", "政策咨询机关", "政策咨询电话", "浏览量", "发表时间"]

HOSTS = {
    "kjj.ahsz.gov.cn": dict(site_name="宿州市科学技术局", site_code="3413000025", icp="皖ICP备05001234号-3", gongan="皖公网安备 34130202000195号", sponsor="宿州市科学技术局", address="宿州市埇桥区银河一路市级行政中心", phone="0557-3022480"),
    "www.ahsz.gov.cn": dict(site_name="宿州市人民政府", site_code="3413000001", icp="皖ICP备05001234号-1", gongan="皖公网安备 34130202000101号", sponsor="宿州市人民政府办公室", address="宿州市埇桥区银河一路1号", phone="0557-3021234"),
    "nyncj.ahsz.gov.cn": dict(site_name="宿州市农业农村局", site_code="3413000031", icp="皖ICP备05001234号-9", gongan="皖公网安备 34130202000217号", sponsor="宿州市农业农村局", address="宿州市埇桥区汴河中路农业大厦", phone="0557-3612210"),
    "jyj.ahsz.gov.cn": dict(site_name="宿州市教育局", site_code="3413000019", icp="皖ICP备05001234号-6", gongan="皖公网安备 34130202000166号", sponsor="宿州市教育局", address="宿州市埇桥区淮海中路教育大楼", phone="0557-3911002"),
    "www.chuzhou.gov.cn": dict(site_name="滁州市人民政府", site_code="3411000001", icp="皖ICP备05006538号-1", gongan="皖公网安备 34110202000001号", sponsor="滁州市人民政府办公室", address="滁州市龙蟠大道99号", phone="0550-3021100"),
    "www.fy.gov.cn": dict(site_name="阜阳市人民政府", site_code="3412000001", icp="皖ICP备05001976号", gongan="皖公网安备 34120202000001号", sponsor="阜阳市人民政府办公室", address="阜阳市颍州区清河东路1号", phone="0558-2211234"),
    "www.luan.gov.cn": dict(site_name="六安市人民政府", site_code="3415000001", icp="皖ICP备05002813号", gongan="皖公网安备 34150202000001号", sponsor="六安市人民政府办公室", address="六安市梅山南路市行政中心", phone="0564-3379000"),
    "www.sixian.gov.cn": dict(site_name="泗县人民政府", site_code="3413240001", icp="皖ICP备05012345号-1", gongan="皖公网安备 34132402000011号", sponsor="泗县人民政府办公室", address="泗县泗城镇汴河大道", phone="0557-7025566"),
    "www.lingbi.gov.cn": dict(site_name="灵璧县人民政府", site_code="3413230001", icp="皖ICP备05023456号-1", gongan="皖公网安备 34132302000021号", sponsor="灵璧县人民政府办公室", address="灵璧县灵城镇钟馗大道", phone="0557-6021010"),
    "www.bozhou.gov.cn": dict(site_name="亳州市人民政府", site_code="3416000001", icp="皖ICP备05003321号", gongan="皖公网安备 34160202000001号", sponsor="亳州市人民政府办公室", address="亳州市谯城区希夷大道市行政中心", phone="0558-5129000"),
}
RELATED = [("中国政府网", "https://www.gov.cn/"), ("安徽省人民政府", "https://www.ah.gov.cn/"), ("安徽政务服务网", "https://www.ahzwfw.gov.cn/")]


def anhui(host, *, title, column, column_id, header, info_line, body, after_body="", pubdate, source, url, charset_meta="utf-8", prev=None, next_=None):
    h = HOSTS[host]
    meta = dict(SiteName=h["site_name"], SiteDomain=host, SiteIDCode=h["site_code"], ColumnName=column,
                ColumnDescription=f"{h['site_name']}{column}", ColumnKeywords=column, ColumnType="信息公开",
                ArticleTitle=title, PubDate=pubdate, ContentSource=source, Keywords=column, Author=source,
                Description=title, Url=url)
    return anhui_page(charset_meta=charset_meta, site_name=h["site_name"], host=host, site_code=h["site_code"], column=column,
                      column_path=f"/public/column/{column_id}?type=4&action=list", title=title, meta=meta, header=header,
                      info_line=info_line, body=body, after_body=after_body, icp=h["icp"], gongan=h["gongan"],
                      sponsor=h["sponsor"], address=h["address"], phone=h["phone"],
                      prev=prev or ("关于市政协六届二次会议第0318号提案的答复", f"/public/{column_id}/191401402.html"),
                      next_=next_ or ("关于市六届人大二次会议第0112号代表建议的答复", f"/public/{column_id}/191401577.html"),
                      related=RELATED)


def info(source, when, editor):
    return (f'<span>来源:{source}</span> <span>浏览量:<i id="hits"></i></span> '
            f'<span>发表时间:{when}</span> <span>编辑:{editor}</span> ')


def content_div(ps, extra_cls=""):
    return f'<div class="j-fontContent newscontnet{extra_cls}" id="zoom">\n{paras(ps)}\n</div>'


SENTINELS = {"\ufffd", "\ufeff"}  # decoding guards: never printed, always worth asserting


def printed_on_page(html: str, needles) -> list[str]:
    """Keep the chrome needles this page really prints (shared lists cover every family)."""
    flat = "".join(LexborHTMLParser(html).body.text(separator="").split())
    return [n for n in needles if n in SENTINELS or "".join(n.split()) in flat]


def case(name, *, url, content_type, description, html, encoding="utf-8", fields, starts=None, ends=None,
         contains=(), not_contains=(), attachments=None, bom=False):
    register(Case(name=name, url=url, content_type=content_type, encoding="utf-8-sig" if bom else encoding,
                  description=description, html=html, fields=fields, body_starts_with=starts, body_ends_with=ends,
                  body_contains=list(contains), body_not_contains=printed_on_page(html, not_contains), attachments=attachments))


# =====================================================================================
# C01 seed 003 on kjj.ahsz.gov.cn
seed3_body = list(SEED003_PARAGRAPHS)
assert seed3_body[0] == "尊敬的邵广真委员:" and seed3_body[-1] == "联系电话:3022482"
T01 = "关于宿州市政协六届二次会议第0321号提案的答复"
ps = []
for p in seed3_body:
    if p in ("一、总体情况", "二、下一步工作举措"):
        ps.append(("h", f'<p style="text-indent: 2em;"><strong>{p}</strong></p>'))
    elif p.startswith("尊敬的"):
        ps.append(("h", f"<p>{p}</p>"))
    else:
        ps.append(p)
hdr = hdr_th_td([
    [('<span class="sy_label">索引</span>号:', "003187413/202306-00020"), ("信息分类:", "政协委员提案办理")],
    [("发布机构:", "宿州市科技局")],
    [("成文日期:", "2023-06-20"), ("发布日期:", "2023-06-20 08:25")],
    [("文&nbsp;&nbsp;号:", ""), ('<span class="sy_label">有效</span>性:', "有效")],
    [("生效时间:", ""), ("废止时间:", "暂无")],
    [("名&nbsp;&nbsp;称:", T01)],
    [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
])
U01 = "https://www.ahsz.gov.cn/public/2655573/191401491.html"
case("ahsz_portal_proposal_0321_seed003", url=U01, content_type="text/html; charset=utf-8",
     description="Seed 003 as the city portal www.ahsz.gov.cn serves it (the platform publishes bureau articles under the portal host too, same /public/{column}/{id}.html path as on kjj.ahsz.gov.cn): Anhui platform th/td 索引 table (索引号/有效性 labels split across elements, 文&nbsp;&nbsp;号), h1.newstitle, 来源/浏览量/发表时间/编辑 line, body in div.j-fontContent ending with the 办复类别/联系单位/联系电话 trailer, full chrome.",
     html=anhui("www.ahsz.gov.cn", title=T01, column="政协委员提案办理", column_id=2655573, header=hdr,
                info_line=info("宿州市科技局", "2023-06-20 08:25", "宿州信息公开009"), body=content_div(ps),
                pubdate="2023-06-20 08:25", source="宿州市科技局", url=U01),
     fields={
         "site": "www.ahsz.gov.cn", "title": T01, "published_at": "2023-06-20 08:25:00", "source_name": "宿州市科技局",
         "reporter": None, "editor": "宿州信息公开009", "original_url": None,
         "index_no": "003187413/202306-00020", "info_category": "政协委员提案办理", "issuer": "宿州市科技局",
         "written_date": "2023-06-20", "publish_date": "2023-06-20 08:25:00", "doc_no": None, "validity": "有效",
         "effective_date": None, "expiry_date": None, "doc_name": T01, "consult_org": None, "consult_phone": None,
         "proposal_no": "0321", "session": "六届二次会议", "proposer": "邵广真", "proposal_title": "如何做好新经济形式下的城市赋能",
         "reply_class": "B", "contact_unit": "宿州市科技局", "contact_phone": "3022482", "attachments": [],
         "doc_type": "proposal_reply",
         "metadata": {"索引号": "003187413/202306-00020", "信息分类": "政协委员提案办理", "发布机构": "宿州市科技局",
                      "成文日期": "2023-06-20", "发布日期": "2023-06-20 08:25", "文号": "", "有效性": "有效",
                      "生效时间": "", "废止时间": "暂无", "名称": T01, "政策咨询机关": "暂无", "政策咨询电话": "暂无"},
     },
     starts="尊敬的邵广真委员:\n\n您好!感谢您对科技工作的关注与支持,关于您提出的《如何做好新经济形式下的城市赋能》的提案已收悉,现结合我局职能回复如下:\n\n近年来,",
     ends="做到信息互通、成果共享,形成工作合力,提升工作效果。\n\n办复类别:B类\n\n联系单位:宿州市科技局\n\n联系电话:3022482",
     contains=["一、总体情况", "二、下一步工作举措", "《关于进一步优化提升惠企政策 促进经济平稳健康运行若干措施》(宿政发〔2023〕2号)",
               "七是推进科技金融融合。积极推动省科技融资担保公司来我市成立分公司;"],
     not_contains=CHROME_WORDS + HEADER_WORDS + [T01, "宿州信息公开009"])

# =====================================================================================
# C02 / C03 seed 000
T02 = SEED000_TITLE
SEED0_TEXT = list(SEED000_PARAGRAPHS)
SEED0_HEADINGS = {"加强顶层设计 完善政策体系", "加力招商引资 培育产业集群", "加大科技创新 打造竞争优势"}
assert SEED0_TEXT[-1] == "(记者 单 瑞)" and len(SEED0_TEXT) == 18
P0 = [("H", p) if p in SEED0_HEADINGS else ("B", p) if p.startswith("(记者") else p for p in SEED0_TEXT]
ORIG0 = "http://www.nxzx.gov.cn/zxgz/tagz/202310/t20231010_780703.html"

def seed0_body(style):
    out = []
    for p in P0:
        if isinstance(p, tuple) and p[0] == "H":
            out.append(("h", f'<p style="text-align: center;"><strong>{p[1]}</strong></p>'))
        elif isinstance(p, tuple):
            out.append(("h", f'<p style="text-align: right;">{p[1]}</p>'))
        else:
            out.append(("h", f"<p{style}>{p}</p>"))
    return paras(out)

latest = [("检察公益诉讼10周年座...", "24-12-23"), ("庆祝澳门回归祖国25周...", "24-12-20"), ("李强主持国务院第十一次...", "24-12-18"),
          ("“协”各方 “同”前进", "24-12-18"), ("我区扎实推动医保便民利...", "24-12-18"), ("民进宁夏区委会建议:持...", "24-12-18"),
          ("交通建设提速,推进高效...", "24-12-18"), ("贺兰县政协主席会议成员...", "24-12-18")]
hot = [("习近平赴山西考察调研", "20-05-14"), ("为新时代政协提案工作凝...", "20-04-23"), ("中纪委最近一年至少5名...", "20-11-16"),
       ("习近平勉励山西:早日蹚...", "20-05-14"), ("无名烈士墓修缮整治一新", "20-05-14"), ("刚刚!最高检这样说:民...", "21-01-07"),
       ("湖南省郴州市委政法委原...", "20-05-14"), ("陕西省政协文史馆展品及...", "20-04-23"), ("辽阳县人民检察院对程永...", "21-04-27")]
SEED0_NOT = ["原文链接", "免责声明", "最新加入", "热门资讯", "检察公益诉讼10周年座", "24-12-23", "20-05-14",
             "习近平赴山西考察调研", "ICP", "责任编辑", "包瑞"]
case("repost_aggregator_nxzx_780703_seed000",
     url="https://www.zhengxieyaowen.com/html/tagz/2023/1010/86412.html", content_type="text/html; charset=utf-8",
     description="Seed 000 as it stands: a re-post of the nxzx article on an unrelated non-government host, with 原文链接 (kept as original_url), [免责声明] and the 最新加入/热门资讯 sidebars (cut titles, 24-12-23 dates) that must not reach the body. No date or 来源 line is printed, so published_at and source_name are null.",
     html=aggregator_page(site="政协要闻网", host="www.zhengxieyaowen.com", title=T02, body=seed0_body(""), original_url=ORIG0,
                          latest=latest, hot=hot, crumbs='<a href="/">首页</a> &gt; <a href="/list/tagz/">提案工作</a> &gt; 正文'),
     fields={"site": "www.zhengxieyaowen.com", "title": T02, "published_at": None, "source_name": None, "reporter": "单瑞",
             "editor": None, "original_url": ORIG0, "index_no": None, "proposal_no": None, "reply_class": None,
             "attachments": [], "doc_type": "article", "metadata": {}},
     starts=SEED0_TEXT[0] + "\n\n" + SEED0_TEXT[1] + "\n\n加强顶层设计 完善政策体系\n\n“通过调研,",
     ends="持续推动我区数字信息产业高质量发展。\n\n(记者 单 瑞)",
     contains=["\n\n加力招商引资 培育产业集群\n\n加快培育产业集群,筑牢产业发展根基。\n\n", "\n\n加大科技创新 打造竞争优势\n\n"] + SEED0_TEXT[2:-1:3],
     not_contains=SEED0_NOT + [T02])

# =====================================================================================
# C04 another TRS article on nxzx (2021), and C26 its re-post on a second aggregator
T04 = "件件有回音 事事有着落——自治区政协十二届四次会议提案办理工作综述"
P04 = [
    "提案工作是人民政协履行职能的重要方式。自治区政协十二届四次会议以来，各承办单位把提案办理作为转变作风、改进工作的重要抓手，推动一批事关全区发展大局和群众切身利益的问题得到解决。",
    "据统计，自治区政协十二届四次会议共收到提案712件，经审查立案558件，目前已全部办复，委员对办理结果满意和基本满意率达98.6%。",
    ("H", "聚焦民生关切 推动问题解决"),
    "“学校周边道路拥堵问题困扰家长多年，提案答复后，有关部门很快增设了临时停车位和错峰放学通道。”自治区政协委员马晓红说。",
    "自治区教育厅在办理答复中表示，将会同公安交警、城市管理等部门，持续推进“护学岗”建设，今年计划在银川市新建和改建校园周边停车设施30处。",
    ("H", "创新办理方式 提升办理质量"),
    "自治区政协提案委员会负责人介绍，今年将继续推行重点提案领导督办、办理协商“三见面”等机制，推动提案办理由“重答复”向“重落实”转变。",
    ("B", "（记者 马 丽）"),
]
P04_TEXT = [p[1] if isinstance(p, tuple) else p for p in P04]

def p04_body(style):
    out = []
    for p in P04:
        if isinstance(p, tuple) and p[0] == "H":
            out.append(("h", f"<p{style}><strong>{p[1]}</strong></p>"))
        elif isinstance(p, tuple):
            out.append(("h", f'<p style="text-align: right;">{p[1]}</p>'))
        else:
            out.append(("h", f"<p{style}>{p}</p>"))
    return paras(out)

U04 = "http://www.nxzx.gov.cn/zxgz/tagz/202103/t20210301_512209.html"
case("nxzx_tagz_512209_gb2312_header",
     url=U04, content_type="text/html; charset=GB2312",
     description="A second TRS article of 宁夏政协 提案工作 (the 2021-03-01 10:56:22 date line of SITES.md), GB2312 in both the HTTP header and the meta tag; the TRS editor's <style> block sits inside the content div and must not leak into the body; full-width byline （记者 马 丽） kept in the body, reporter without spaces.",
     encoding="gb18030",
     html=nxzx_page(title=T04, date_line_time="2021-03-01 10:56:22", source="华兴时报",
                    meta=dict(SiteName="宁夏政协", SiteDomain="www.nxzx.gov.cn", SiteIDCode="6400000033", ColumnName="提案工作",
                              ColumnType="政协工作", ArticleTitle=T04, PubDate="2021-03-01 10:56", ContentSource="华兴时报", Url=U04),
                    body=p04_body(' style="text-indent: 2em;"'), editor="杨帆", editor_style=True,
                    prev=("自治区政协召开提案工作座谈会", "./t20210225_511876.html"),
                    next_=("委员提案推动农村饮水安全提质增效", "./t20210303_512455.html")),
     fields={"site": "www.nxzx.gov.cn", "title": T04, "published_at": "2021-03-01 10:56:22", "source_name": "华兴时报",
             "reporter": "马丽", "editor": "杨帆", "original_url": None, "index_no": None, "proposal_no": None,
             "session": None, "proposer": None, "reply_class": None, "attachments": [], "doc_type": "article", "metadata": {}},
     starts=P04_TEXT[0] + "\n\n" + P04_TEXT[1] + "\n\n聚焦民生关切 推动问题解决\n\n",
     ends="推动提案办理由“重答复”向“重落实”转变。\n\n（记者 马 丽）",
     contains=[P04_TEXT[3], P04_TEXT[4]],
     not_contains=["您当前的位置", "来源:华兴时报", "责任编辑", "杨帆", "TRS_Editor", "margin-top", T04] + CHROME_WORDS)

ORIG26 = U04
case("repost_aggregator_2_nxzx_512209",
     url="https://www.zxtawang.com/a/20210302/30211.html", content_type="text/html; charset=utf-8",
     description="Re-post of the 2021 nxzx article on a second aggregator that prints its own date line (the re-post time, taken as published_at) with 来源:华兴时报 and a 阅读 counter; 原文链接 kept as original_url; sidebars and disclaimer are chrome.",
     html=aggregator_page(site="提案网", host="www.zxtawang.com", title=T04, body=p04_body(""), original_url=ORIG26,
                          latest=[("政协委员热议乡村振兴...", "21-03-02"), ("两会声音：让基层减负...", "21-03-02"), ("全国政协十三届四次会...", "21-03-01")],
                          hot=[("提案办理“三见面”机制...", "20-12-11"), ("如何写好一件政协提案", "19-06-05")],
                          crumbs='<a href="/">首页</a> &gt; <a href="/list/tagz/">提案工作</a>',
                          info='<div class="arc-info">发布时间：2021-03-02 08:15　来源：华兴时报　阅读：<span id="views">1024</span>次</div>'),
     fields={"site": "www.zxtawang.com", "title": T04, "published_at": "2021-03-02 08:15:00", "source_name": "华兴时报",
             "reporter": "马丽", "editor": None, "original_url": ORIG26, "index_no": None, "reply_class": None,
             "attachments": [], "doc_type": "article"},
     starts=P04_TEXT[0] + "\n\n",
     ends="向“重落实”转变。\n\n（记者 马 丽）",
     contains=[P04_TEXT[1], "创新办理方式 提升办理质量"],
     not_contains=["原文链接", "免责声明", "最新加入", "热门资讯", "阅读", "1024", "21-03-02", "政协委员热议乡村振兴", T04])

# =====================================================================================
# Anhui platform replies
def std_rows(idx, cat, org, written, published, docno, validity, eff, exp, name, corg, cphone, colon=":"):
    c = colon
    return [
        [(f"索引号{c}", idx), (f"信息分类{c}", cat)],
        [(f"发布机构{c}", org)],
        [(f"成文日期{c}", written), (f"发布日期{c}", published)],
        [(f"文&nbsp;&nbsp;号{c}", docno), (f"有效性{c}", validity)],
        [(f"生效时间{c}", eff), (f"废止时间{c}", exp)],
        [(f"名&nbsp;&nbsp;称{c}", name)],
        [(f"政策咨询机关{c}", corg), (f"政策咨询电话{c}", cphone)],
    ]

def meta_dict(idx, cat, org, written, published, docno, validity, eff, exp, name, corg, cphone):
    return {"索引号": idx, "信息分类": cat, "发布机构": org, "成文日期": written, "发布日期": published, "文号": docno,
            "有效性": validity, "生效时间": eff, "废止时间": exp, "名称": name, "政策咨询机关": corg, "政策咨询电话": cphone}

# ---- C05 A类, 办复类别:A类, Chinese dates in the header
T05 = "关于市政协六届二次会议第0156号提案的答复"
H05 = ("003187305/202306-00037", "建议提案办理", "宿州市城市管理局", "2023年06月18日", "2023年06月21日 10:12", "", "", "", "", T05, "", "")
P05 = ["尊敬的朱丽华委员：",
       "您提出的《关于加强城区背街小巷路灯建设的建议》的提案收悉。经认真研究，现答复如下：",
       "一、基本情况",
       "近年来，我局按照“城市双修”工作部署，持续推进城区路灯补短板工程，2022年共新建、改造背街小巷路灯1260盏，城区道路亮灯率保持在98%以上。",
       "二、办理情况",
       "收到您的提案后，我局立即组织人员对城区背街小巷照明情况进行全面排查，共排查背街小巷146条，发现无灯、缺灯路段37处。截至2023年5月底，已完成全部37处路段路灯安装，新增路灯428盏，群众夜间出行条件明显改善。",
       "三、下一步工作",
       "我局将建立背街小巷照明设施常态化巡查机制，实行“路长制”管理，做到问题早发现、早处置，确保路灯亮得起来、亮得长久。",
       "感谢您对城市管理工作的关心和支持，欢迎继续提出宝贵意见。",
       ("h", "<p>&nbsp;</p>"),
       ("h", "<p><br></p>"),
       "宿州市城市管理局",
       "2023年6月18日",
       "办复类别:A类",
       "联系单位:宿州市城市管理局",
       "联系电话:0557-3051234"]
U05 = "https://www.ahsz.gov.cn/public/2653681/191356201.html"
case("ahsz_proposal_0156_class_a", url=U05, content_type="text/html; charset=utf-8",
     description="政协 proposal reply on www.ahsz.gov.cn: th/td header with full-width colons and Chinese-form dates (2023年06月18日, 2023年06月21日 10:12), all other header values empty; 办复类别:A类; signature before the trailer; blank paragraphs (<p>&nbsp;</p>, <p><br></p>) before the signature add no empty paragraphs to body_text.",
     html=anhui("www.ahsz.gov.cn", title=T05, column="政协委员提案办理", column_id=2653681,
                header=hdr_th_td(std_rows(*H05, colon="：")), info_line=info("宿州市城市管理局", "2023-06-21 10:12", "宿州信息公开015"),
                body=content_div(P05), pubdate="2023-06-21 10:12", source="宿州市城市管理局", url=U05),
     fields={"site": "www.ahsz.gov.cn", "title": T05, "published_at": "2023-06-21 10:12:00", "source_name": "宿州市城市管理局",
             "editor": "宿州信息公开015", "reporter": None, "index_no": "003187305/202306-00037", "info_category": "建议提案办理",
             "issuer": "宿州市城市管理局", "written_date": "2023-06-18", "publish_date": "2023-06-21 10:12:00", "doc_no": None,
             "validity": None, "effective_date": None, "expiry_date": None, "doc_name": T05, "consult_org": None, "consult_phone": None,
             "proposal_no": "0156", "session": "六届二次会议", "proposer": "朱丽华", "proposal_title": "关于加强城区背街小巷路灯建设的建议",
             "reply_class": "A", "contact_unit": "宿州市城市管理局", "contact_phone": "0557-3051234", "attachments": [],
             "doc_type": "proposal_reply", "metadata": meta_dict(*H05)},
     starts="尊敬的朱丽华委员：\n\n您提出的《关于加强城区背街小巷路灯建设的建议》的提案收悉。",
     ends="宿州市城市管理局\n\n2023年6月18日\n\n办复类别:A类\n\n联系单位:宿州市城市管理局\n\n联系电话:0557-3051234",
     contains=["\n\n一、基本情况\n\n", P05[5], "欢迎继续提出宝贵意见。\n\n宿州市城市管理局\n\n2023年6月18日"], not_contains=CHROME_WORDS + HEADER_WORDS + [T05])

# ---- C06 人大 suggestion, 办理类别：Ｃ类 (full-width letter), 第20230045号, 文号 present
T06 = "对市人大六届二次会议第20230045号代表建议的答复"
H06 = ("003187521/202307-00008", "人大代表建议办理", "宿州市卫生健康委员会", "2023-07-05", "2023-07-06 16:30", "宿卫健函〔2023〕45号", "有效", "暂无", "暂无", T06, "暂无", "暂无")
P06 = ["王建华代表：",
       "您提出的《关于支持乡镇卫生院人才队伍建设的建议》收悉。现就有关情况答复如下：",
       "乡镇卫生院是农村三级医疗卫生服务网络的枢纽。您在建议中提出的提高乡镇卫生院编制标准、放开基层专业技术人员职称评审限制等问题，涉及机构编制、人力资源社会保障等多个部门的政策调整，需要在省级层面统筹解决。",
       "目前，我委已将您的意见建议汇总上报省卫生健康委，并配合市委编办开展基层医疗卫生机构编制使用情况调研。在现行政策框架内，我市继续实施“县管乡用”和订单定向医学生免费培养政策，2023年招录订单定向医学生85名。",
       "受政策条件限制，您建议中提出的部分事项暂时无法解决，我委将持续关注，积极争取上级政策支持。",
       "办理类别：Ｃ类",
       "联系单位：宿州市卫生健康委员会",
       "联系电话：0557-3699012"]
U06 = "https://www.ahsz.gov.cn/public/2653701/191362877.html"
case("ahsz_suggestion_20230045_class_c_fullwidth", url=U06, content_type="text/html; charset=utf-8",
     description="人大代表建议 reply: number printed 第20230045号, salutation without 尊敬的 ('王建华代表：'), 办理类别：Ｃ类 with a full-width letter, header with 文号 and 暂无 placeholders.",
     html=anhui("www.ahsz.gov.cn", title=T06, column="人大代表建议办理", column_id=2653701, header=hdr_th_td(std_rows(*H06)),
                info_line=info("宿州市卫生健康委员会", "2023-07-06 16:30", "宿州信息公开021"), body=content_div(P06),
                pubdate="2023-07-06 16:30", source="宿州市卫生健康委员会", url=U06),
     fields={"title": T06, "published_at": "2023-07-06 16:30:00", "source_name": "宿州市卫生健康委员会", "editor": "宿州信息公开021",
             "index_no": "003187521/202307-00008", "info_category": "人大代表建议办理", "issuer": "宿州市卫生健康委员会",
             "written_date": "2023-07-05", "publish_date": "2023-07-06 16:30:00", "doc_no": "宿卫健函〔2023〕45号", "validity": "有效",
             "effective_date": None, "expiry_date": None, "doc_name": T06, "consult_org": None, "consult_phone": None,
             "proposal_no": "20230045", "session": "六届二次会议", "proposer": "王建华", "proposal_title": "关于支持乡镇卫生院人才队伍建设的建议",
             "reply_class": "C", "contact_unit": "宿州市卫生健康委员会", "contact_phone": "0557-3699012", "attachments": [],
             "doc_type": "suggestion_reply", "metadata": meta_dict(*H06)},
     starts="王建华代表：\n\n您提出的《关于支持乡镇卫生院人才队伍建设的建议》收悉。",
     ends="积极争取上级政策支持。\n\n办理类别：Ｃ类\n\n联系单位：宿州市卫生健康委员会\n\n联系电话：0557-3699012",
     contains=[P06[3]], not_contains=CHROME_WORDS + HEADER_WORDS + [T06, "宿卫健函"])

# ---- C14 group salutation
T14 = "关于市政协六届二次会议第0033号提案的答复"
H14 = ("003187198/202306-00052", "政协委员提案办理", "宿州市农业农村局", "2023-06-25", "2023-06-28 11:05", "", "有效", "", "暂无", T14, "暂无", "暂无")
P14 = ["尊敬的民革宿州市委会：",
       ("h", '<p style="text-indent: 2em;"><span style="font-family: 仿宋_GB2312; font-size: 16pt;">贵会提出的</span><span style="font-family: 仿宋_GB2312; font-size: 16pt;">《关于加快发展我市预制菜产业的建议》</span><span style="font-family: 仿宋_GB2312; font-size: 16pt;">提案收悉。我局高度重视，会同市发展改革委、市商务局等单位认真研究办理，现答复如下：</span></p>'),
       "一、关于完善产业规划",
       "我市已将预制菜产业纳入绿色食品产业链重点发展方向，编制《宿州市预制菜产业发展三年行动方案（2023—2025年）》，明确到2025年全市预制菜产业营业收入突破200亿元。",
       "二、关于培育龙头企业",
       "我局将加大招商引资力度，支持本地企业开展技术改造和品牌建设。目前，全市已有规模以上预制菜加工企业23家，其中省级农业产业化龙头企业9家。",
       "三、关于加强冷链物流建设",
       "产地冷藏保鲜设施建设项目正在实施中，计划年内新建产地冷藏保鲜设施120个，新增库容8万吨。部分建议需要跨部门统筹推进，我局将列入下一步工作计划逐步落实。",
       "办复类别：B类（正在解决或列入计划解决）",
       "联系单位：宿州市农业农村局",
       "联系电话：0557-3612256"]
U14 = "https://nyncj.ahsz.gov.cn/public/2656001/191398765.html"
case("ahsz_nyncj_group_salutation", url=U14, content_type="text/html; charset=utf-8",
     description="Reply addressed to an organisation ('尊敬的民革宿州市委会：', 贵会提出的《…》). Rule: proposer is the addressee as printed, without 尊敬的 and the colon (and without 委员/代表 when present) -> '民革宿州市委会'. Reply class printed with its meaning in brackets: 'B类（正在解决或列入计划解决）' -> 'B'. The second paragraph is Word-pasted inline <span>s, which must not break the paragraph.",
     html=anhui("nyncj.ahsz.gov.cn", title=T14, column="政协委员提案办理", column_id=2656001, header=hdr_th_td(std_rows(*H14)),
                info_line=info("宿州市农业农村局", "2023-06-28 11:05", "宿州信息公开031"), body=content_div(P14),
                pubdate="2023-06-28 11:05", source="宿州市农业农村局", url=U14),
     fields={"site": "nyncj.ahsz.gov.cn", "title": T14, "published_at": "2023-06-28 11:05:00", "source_name": "宿州市农业农村局",
             "index_no": "003187198/202306-00052", "issuer": "宿州市农业农村局", "written_date": "2023-06-25",
             "publish_date": "2023-06-28 11:05:00", "doc_no": None, "validity": "有效", "expiry_date": None,
             "proposal_no": "0033", "session": "六届二次会议", "proposer": "民革宿州市委会", "proposal_title": "关于加快发展我市预制菜产业的建议",
             "reply_class": "B", "contact_unit": "宿州市农业农村局", "contact_phone": "0557-3612256", "attachments": [],
             "doc_type": "proposal_reply", "metadata": meta_dict(*H14)},
     starts="尊敬的民革宿州市委会：\n\n贵会提出的《关于加快发展我市预制菜产业的建议》提案收悉。我局高度重视，会同市发展改革委、市商务局等单位认真研究办理，现答复如下：\n\n一、关于完善产业规划\n\n",
     ends="办复类别：B类（正在解决或列入计划解决）\n\n联系单位：宿州市农业农村局\n\n联系电话：0557-3612256",
     contains=["《宿州市预制菜产业发展三年行动方案（2023—2025年）》", "\n\n三、关于加强冷链物流建设\n\n"],
     not_contains=CHROME_WORDS + HEADER_WORDS + [T14])

# ---- C27 joint proposal by two members
T27 = "关于市政协六届二次会议第0142号提案的答复"
H27 = ("003187262/202306-00019", "政协委员提案办理", "宿州市教育局", "2023-06-16", "2023-06-19 15:40", "", "有效", "", "暂无", T27, "暂无", "暂无")
P27 = ["尊敬的张伟、刘敏委员：",
       "你们提出的《关于规范校外培训机构管理的建议》收悉。现答复如下：",
       "2023年以来，我局联合市场监管、公安、消防等部门开展校外培训机构专项治理，检查各类校外培训机构316家次，责令整改41家，依法取缔无证无照培训机构12家。",
       "下一步，我局将完善校外培训机构资金监管制度，推行培训服务合同示范文本，畅通群众投诉举报渠道，切实维护学生和家长合法权益。",
       "办复类别:A类",
       "联系单位:宿州市教育局",
       "联系电话:0557-3911016"]
U27 = "https://jyj.ahsz.gov.cn/public/2656191/191377512.html"
case("ahsz_jyj_joint_proposal", url=U27, content_type="text/html; charset=utf-8",
     description="Joint proposal ('尊敬的张伟、刘敏委员：'). Rule: proposer keeps every name as printed, joined by the page's 、 -> '张伟、刘敏'.",
     html=anhui("jyj.ahsz.gov.cn", title=T27, column="政协委员提案办理", column_id=2656191, header=hdr_th_td(std_rows(*H27)),
                info_line=info("宿州市教育局", "2023-06-19 15:40", "宿州信息公开019"), body=content_div(P27),
                pubdate="2023-06-19 15:40", source="宿州市教育局", url=U27),
     fields={"title": T27, "published_at": "2023-06-19 15:40:00", "source_name": "宿州市教育局", "index_no": "003187262/202306-00019",
             "written_date": "2023-06-16", "proposal_no": "0142", "session": "六届二次会议", "proposer": "张伟、刘敏",
             "proposal_title": "关于规范校外培训机构管理的建议", "reply_class": "A", "contact_unit": "宿州市教育局",
             "contact_phone": "0557-3911016", "doc_type": "proposal_reply", "attachments": []},
     starts="尊敬的张伟、刘敏委员：\n\n你们提出的《关于规范校外培训机构管理的建议》收悉。现答复如下：\n\n2023年以来，",
     ends="切实维护学生和家长合法权益。\n\n办复类别:A类\n\n联系单位:宿州市教育局\n\n联系电话:0557-3911016",
     not_contains=CHROME_WORDS + HEADER_WORDS + [T27])

# =====================================================================================
# fy: td/td one pair per row
T07 = "关于政协阜阳市十三届一次会议第87号提案的答复"
H07 = [("索引号：", "11341200003001234X/202302-00118"), ("信息分类：", "政协提案办理"), ("发布机构：", "阜阳市交通运输局"),
       ("成文日期：", "2023-02-20"), ("发布日期：", "2023-02-22"), ("文号：", "无"), ("有效性：", "有效"),
       ("名称：", T07)]
P07 = ["尊敬的刘振宇委员：",
       "您提出的《关于优化城区公交线网布局的建议》收悉，现答复如下：",
       "我局高度重视城区公交线网优化工作，委托专业机构编制了《阜阳市中心城区公交线网优化方案》，2022年新开通公交线路6条、优化调整线路11条，中心城区公交站点500米覆盖率达到92%。",
       "针对您提出的新建小区公交覆盖不足问题，我局已将颍东区、开发区部分新建小区纳入2023年线网调整计划，预计年底前完成。",
       "办复类别：B类",
       "联系单位：阜阳市交通运输局　　联系人：张明　　联系电话：0558-2287766"]
U07 = "https://www.fy.gov.cn/public/6998921/147283311.html"
case("fy_tdtd_proposal_13th_session", url=U07, content_type="text/html; charset=utf-8",
     description="阜阳 page with a td/td header (plain label cells, one pair per row, full-width colons, 文号 '无', date-only 发布日期 -> midnight); 十三届一次会议 session; number '第87号'; contact unit, person and phone on one trailer line.",
     html=anhui("www.fy.gov.cn", title=T07, column="政协提案办理", column_id=6998921, header=hdr_td_td(H07),
                info_line=info("阜阳市交通运输局", "2023-02-22 09:30", "阜阳市交通运输局"), body=content_div(P07),
                pubdate="2023-02-22 09:30", source="阜阳市交通运输局", url=U07),
     fields={"site": "www.fy.gov.cn", "title": T07, "published_at": "2023-02-22 09:30:00", "source_name": "阜阳市交通运输局",
             "index_no": "11341200003001234X/202302-00118", "info_category": "政协提案办理", "issuer": "阜阳市交通运输局",
             "written_date": "2023-02-20", "publish_date": "2023-02-22 00:00:00", "doc_no": None, "validity": "有效", "doc_name": T07,
             "proposal_no": "87", "session": "十三届一次会议", "proposer": "刘振宇", "proposal_title": "关于优化城区公交线网布局的建议",
             "reply_class": "B", "contact_unit": "阜阳市交通运输局", "contact_phone": "0558-2287766", "attachments": [],
             "doc_type": "proposal_reply",
             "metadata": {"索引号": "11341200003001234X/202302-00118", "信息分类": "政协提案办理", "发布机构": "阜阳市交通运输局",
                          "成文日期": "2023-02-20", "发布日期": "2023-02-22", "文号": "无", "有效性": "有效", "名称": T07}},
     starts="尊敬的刘振宇委员：\n\n您提出的《关于优化城区公交线网布局的建议》收悉，现答复如下：\n\n",
     ends="联系电话：0558-2287766",
     contains=["办复类别：B类", P07[3]], not_contains=CHROME_WORDS + HEADER_WORDS + [T07])

T23 = "阜阳市生态环境局2023年第二季度重点排污单位监督性监测结果"
H23 = [("索引号：", "11341200MB1502771Y/202307-00031"), ("信息分类：", "环境监测"), ("发布机构：", "阜阳市生态环境局"),
       ("成文日期：", "2023-07-10"), ("发布日期：", "2023-07-12 17:20"), ("文号：", ""), ("有效性：", ""), ("名称：", T23)]
U23 = "https://www.fy.gov.cn/public/6998931/147290022.html"
case("fy_empty_body", url=U23, content_type="text/html; charset=utf-8",
     description="A disclosure page whose content div is empty (the body was never filled in): body_text must be null, the header and title are still there.",
     html=anhui("www.fy.gov.cn", title=T23, column="环境监测", column_id=6998931, header=hdr_td_td(H23),
                info_line=info("阜阳市生态环境局", "2023-07-12 17:20", "阜阳市生态环境局"),
                body='<div class="j-fontContent newscontnet" id="zoom">\n\n</div>', pubdate="2023-07-12 17:20",
                source="阜阳市生态环境局", url=U23),
     fields={"title": T23, "published_at": "2023-07-12 17:20:00", "source_name": "阜阳市生态环境局", "body_text": None,
             "index_no": "11341200MB1502771Y/202307-00031", "info_category": "环境监测", "issuer": "阜阳市生态环境局",
             "written_date": "2023-07-10", "publish_date": "2023-07-12 17:20:00", "doc_no": None, "validity": None, "doc_name": T23,
             "proposal_no": None, "reply_class": None, "attachments": [], "doc_type": "disclosure"})

# =====================================================================================
# luan: dl/dt/dd
T08 = "六安市人民政府办公室关于印发六安市2023年农村人居环境整治提升工作要点的通知"
H08 = [("索引号：", "003210123/202306-00102"), ("主题分类：", "城乡建设、环境保护"), ("体裁分类：", "通知"),
       ("发文机关：", "六安市人民政府办公室"), ("发布机构：", "六安市人民政府办公室"), ("成文日期：", "2023年06月20日"),
       ("发布日期：", "2023年06月25日"), ("文号：", "六政办秘〔2023〕21号"), ("有效性：", "有效"), ("生效时间：", "2023年06月20日"),
       ("废止时间：", "暂无"), ("公开方式：", "主动公开"), ("公开范围：", "面向社会")]
P08 = ["各县区人民政府，市开发区管委，市政府各部门、各直属机构：",
       "《六安市2023年农村人居环境整治提升工作要点》已经市政府同意，现印发给你们，请认真贯彻执行。",
       "六安市人民政府办公室",
       "2023年6月20日",
       ("h", '<p style="text-align: center;"><strong>六安市2023年农村人居环境整治提升工作要点</strong></p>'),
       "为深入贯彻落实农村人居环境整治提升五年行动部署，持续改善农村人居环境，现制定如下工作要点。",
       "一、扎实推进农村厕所革命。新改建农村户用卫生厕所1.2万户，完成问题厕所整改，建立健全农村厕所长效管护机制。",
       "二、加快推进农村生活污水治理。新增完成60个行政村生活污水治理任务，农村生活污水治理率达到35%以上。",
       "三、全面提升农村生活垃圾治理水平。推进农村生活垃圾分类和资源化利用，农村生活垃圾无害化处理率稳定在95%以上。",
       "（此件公开发布）"]
U08 = "https://www.luan.gov.cn/public/6596801/110348921.html"
M08 = {k.rstrip("："): v for k, v in H08}
case("luan_dl_notice_disclosure", url=U08, content_type="text/html; charset=utf-8",
     description="六安 disclosure with a dl/dt/dd header carrying extra labels (主题分类, 体裁分类, 发文机关, 公开方式, 公开范围), Chinese-form dates, 文号 present; a policy notice, not a reply. No 信息分类 or 名称 row: info_category and doc_name are null (主题分类/发文机关 stay in metadata only).",
     html=anhui("www.luan.gov.cn", title=T08, column="市政府办文件", column_id=6596801, header=hdr_dl(H08),
                info_line=info("六安市人民政府办公室", "2023-06-25 10:00", "六安市政府办公室"), body=content_div(P08),
                pubdate="2023-06-25 10:00", source="六安市人民政府办公室", url=U08),
     fields={"site": "www.luan.gov.cn", "title": T08, "published_at": "2023-06-25 10:00:00", "source_name": "六安市人民政府办公室",
             "index_no": "003210123/202306-00102", "issuer": "六安市人民政府办公室", "written_date": "2023-06-20",
             "publish_date": "2023-06-25 00:00:00", "doc_no": "六政办秘〔2023〕21号", "validity": "有效", "effective_date": "2023-06-20",
             "expiry_date": None, "consult_org": None, "consult_phone": None, "info_category": None, "doc_name": None,
             "proposal_no": None, "session": None, "proposer": None, "reply_class": None, "contact_unit": None,
             "attachments": [], "doc_type": "disclosure", "metadata": M08},
     starts="各县区人民政府，市开发区管委，市政府各部门、各直属机构：\n\n《六安市2023年农村人居环境整治提升工作要点》已经市政府同意",
     ends="农村生活垃圾无害化处理率稳定在95%以上。\n\n（此件公开发布）",
     contains=["六安市人民政府办公室\n\n2023年6月20日", "\n\n六安市2023年农村人居环境整治提升工作要点\n\n"],
     not_contains=CHROME_WORDS + HEADER_WORDS + ["主题分类", "公开方式", T08])

T28 = "关于市人大六届二次会议第0187号建议的答复"
H28 = [("索引号：", "003210345/202307-00015"), ("信息分类：", "人大代表建议办理"), ("发布机构：", "六安市住房和城乡建设局"),
       ("成文日期：", "2023-07-03"), ("发布日期：", "2023-07-04 09:45"), ("文号：", "暂无"), ("有效性：", "有效"),
       ("名称：", T28)]
P28 = ["尊敬的陈卫东代表：",
       "您提出的《关于加快推进城区停车场建设的建议》收悉。现答复如下：",
       "今年以来，我局加快推进城区公共停车设施建设，新建公共停车场9处，新增公共停车泊位2860个，并利用城市边角地、闲置地建设临时停车场14处。",
       "同时，我们推动机关、企事业单位内部停车场错时向社会开放，目前已有37家单位参与，提供共享泊位1500余个，城区停车难问题得到有效缓解。",
       "办理类别：A类",
       "联系单位：六安市住房和城乡建设局",
       "联系电话：0564-3371225"]
U28 = "https://www.luan.gov.cn/public/6596821/110349980.html"
case("luan_dl_suggestion_class_a", url=U28, content_type="text/html; charset=utf-8",
     description="人大代表建议 reply on the dl/dt/dd layout; 办理类别：A类; 文号 '暂无' -> null.",
     html=anhui("www.luan.gov.cn", title=T28, column="人大代表建议办理", column_id=6596821, header=hdr_dl(H28),
                info_line=info("六安市住房和城乡建设局", "2023-07-04 09:45", "六安市住建局"), body=content_div(P28),
                pubdate="2023-07-04 09:45", source="六安市住房和城乡建设局", url=U28),
     fields={"title": T28, "published_at": "2023-07-04 09:45:00", "index_no": "003210345/202307-00015", "info_category": "人大代表建议办理",
             "issuer": "六安市住房和城乡建设局", "written_date": "2023-07-03", "publish_date": "2023-07-04 09:45:00", "doc_no": None,
             "validity": "有效", "doc_name": T28, "proposal_no": "0187", "session": "六届二次会议", "proposer": "陈卫东",
             "proposal_title": "关于加快推进城区停车场建设的建议", "reply_class": "A", "contact_unit": "六安市住房和城乡建设局",
             "contact_phone": "0564-3371225", "doc_type": "suggestion_reply", "attachments": []},
     starts="尊敬的陈卫东代表：\n\n您提出的《关于加快推进城区停车场建设的建议》收悉。现答复如下：\n\n",
     ends="办理类别：A类\n\n联系单位：六安市住房和城乡建设局\n\n联系电话：0564-3371225",
     not_contains=CHROME_WORDS + HEADER_WORDS + [T28])

# ---- C22 luan: attachment list after the content div, link text carries the 附件N： prefix
T22 = "六安市科学技术局关于2023年度市级科技计划项目拟立项名单的公示"
H22 = [("索引号：", "003210288/202308-00006"), ("信息分类：", "通知公告"), ("发布机构：", "六安市科学技术局"),
       ("成文日期：", "2023-08-01"), ("发布日期：", "2023-08-01 15:00"), ("文号：", ""), ("有效性：", "")]
P22 = ["根据《六安市科技计划项目管理办法》，经项目申报、形式审查、专家评审和局党组会议研究，拟对2023年度市级科技计划项目予以立项支持，现将拟立项名单予以公示（详见附件）。",
       "公示期为2023年8月1日至8月7日。公示期间，如有异议，请以书面形式向市科技局反映。单位须加盖公章，个人须署真实姓名并提供联系方式。",
       "联系电话：0564-3371508",
       "六安市科学技术局",
       "2023年8月1日"]
U22 = "https://www.luan.gov.cn/public/6596811/110351207.html"
AFTER22 = """      <div class="fjxz">
        <div class="fjxz-tit">附件下载：</div>
        <ul>
          <li><a href="/group3/M00/01/8A/rBAAAmTIu2KAGs3hAAFsb1r7dKo123.pdf" target="_blank">附件1：2023年度六安市科技计划项目拟立项名单.pdf</a></li>
          <li><a href="/group3/M00/01/8A/rBAAAmTIu2KAIk7yAABQAG3kQnU456.xls" target="_blank">附件2：拟立项项目经费分配表.xls</a></li>
          <li><a href="https://www.luan.gov.cn/group3/M00/01/8A/rBAAAmTIu2KAZx9LAACAAF0pLmI789.doc" target="_blank">附件3：异议反馈表.doc</a></li>
        </ul>
      </div>"""
case("luan_attachments_after_body", url=U22, content_type="text/html; charset=utf-8",
     description="Attachment list in a 附件下载 block right after the content div (still part of the article): root-relative and absolute hrefs; the name is the link text as printed, 附件N： prefix included.",
     html=anhui("www.luan.gov.cn", title=T22, column="通知公告", column_id=6596811, header=hdr_dl(H22),
                info_line=info("六安市科学技术局", "2023-08-01 15:00", "六安市科技局"), body=content_div(P22), after_body=AFTER22,
                pubdate="2023-08-01 15:00", source="六安市科学技术局", url=U22),
     fields={"title": T22, "published_at": "2023-08-01 15:00:00", "index_no": "003210288/202308-00006", "info_category": "通知公告",
             "issuer": "六安市科学技术局", "written_date": "2023-08-01", "publish_date": "2023-08-01 15:00:00", "doc_no": None,
             "validity": None, "doc_name": None, "reply_class": None, "proposal_no": None, "doc_type": "disclosure"},
     attachments=[
         {"name": "附件1：2023年度六安市科技计划项目拟立项名单.pdf", "url": "https://www.luan.gov.cn/group3/M00/01/8A/rBAAAmTIu2KAGs3hAAFsb1r7dKo123.pdf"},
         {"name": "附件2：拟立项项目经费分配表.xls", "url": "https://www.luan.gov.cn/group3/M00/01/8A/rBAAAmTIu2KAIk7yAABQAG3kQnU456.xls"},
         {"name": "附件3：异议反馈表.doc", "url": "https://www.luan.gov.cn/group3/M00/01/8A/rBAAAmTIu2KAZx9LAACAAF0pLmI789.doc"}],
     starts="根据《六安市科技计划项目管理办法》，",
     contains=["公示期为2023年8月1日至8月7日。", "六安市科学技术局\n\n2023年8月1日"],
     not_contains=CHROME_WORDS + HEADER_WORDS + [T22])

# =====================================================================================
# sixian: ul/li/span, '-' placeholders, 2023/6/20 dates, half-width colons
T09 = "泗县2023年耕地地力保护补贴资金发放情况公示"
H09 = [("索引号:", "11341324003259876K/202306-00045"), ("信息分类:", "财政资金"), ("发布机构:", "泗县农业农村局"),
       ("成文日期:", "2023/6/20"), ("发布日期:", "2023/6/20"), ("文号:", "-"), ("有效性:", "-"), ("生效时间:", "-"),
       ("废止时间:", "-"), ("名称:", "-")]
P09 = ["根据《安徽省2023年耕地地力保护补贴工作实施方案》要求，现将我县2023年耕地地力保护补贴资金发放情况公示如下：",
       "一、补贴对象：拥有耕地承包权的种地农民。",
       "二、补贴标准：每亩补贴108.5元。",
       "三、发放情况：全县共发放补贴资金14236.8万元，涉及农户16.2万户，补贴面积131.2万亩。",
       "公示期为7天（2023年6月20日至6月26日）。如有异议，请在公示期内向泗县农业农村局反映。",
       "监督电话：0557-7021345",
       "泗县农业农村局",
       "2023年6月20日"]
U09 = "https://www.sixian.gov.cn/public/6635341/139981203.html"
case("sixian_ul_li_span_dash_values", url=U09, content_type="text/html; charset=utf-8",
     description="泗县 disclosure with a ul/li/span header, half-width colons, '-' as the placeholder for empty values (-> null, kept as '-' in metadata), dates written 2023/6/20. Body lines that look like 'label：value' (补贴对象：…) are body text, not header.",
     html=anhui("www.sixian.gov.cn", title=T09, column="财政资金", column_id=6635341, header=hdr_ul(H09),
                info_line=info("泗县农业农村局", "2023-06-20 17:02", "泗县信息公开003"), body=content_div(P09),
                pubdate="2023-06-20 17:02", source="泗县农业农村局", url=U09),
     fields={"site": "www.sixian.gov.cn", "title": T09, "published_at": "2023-06-20 17:02:00", "source_name": "泗县农业农村局",
             "index_no": "11341324003259876K/202306-00045", "info_category": "财政资金", "issuer": "泗县农业农村局",
             "written_date": "2023-06-20", "publish_date": "2023-06-20 00:00:00", "doc_no": None, "validity": None,
             "effective_date": None, "expiry_date": None, "doc_name": None, "reply_class": None, "contact_phone": None,
             "attachments": [], "doc_type": "disclosure", "metadata": {k.rstrip(":"): v for k, v in H09}},
     starts="根据《安徽省2023年耕地地力保护补贴工作实施方案》要求，",
     ends="监督电话：0557-7021345\n\n泗县农业农村局\n\n2023年6月20日",
     contains=["一、补贴对象：拥有耕地承包权的种地农民。\n\n二、补贴标准：每亩补贴108.5元。"],
     not_contains=CHROME_WORDS + HEADER_WORDS + [T09])

# =====================================================================================
# lingbi: plain "label：value" lines in a div (<br>), one line with two pairs, 2023.06.20 dates
T10 = "灵璧县人民政府办公室关于做好2023年防汛抗旱工作的通知"
HDR10 = """<div class="xxgk-meta">
索引号：003256781/202306-00012<br>
信息分类：应急管理<br>
发布机构：灵璧县人民政府办公室<br>
成文日期：2023.06.20　　发布日期：2023.06.20<br>
文号：灵政办〔2023〕9号<br>
有效性：有效<br>
废止时间：无
</div>"""
P10 = ["各乡镇人民政府，县政府各部门、各直属机构：",
       "当前我县已全面进入主汛期，为切实做好2023年防汛抗旱工作，确保人民群众生命财产安全，经县政府同意，现就有关事项通知如下：",
       "一、压实防汛责任。各乡镇、各部门要严格落实以行政首长负责制为核心的防汛抗旱责任制，主要负责同志要靠前指挥。",
       "二、强化隐患排查。对辖区内河道堤防、涵闸泵站、在建工程、城区易涝点等开展拉网式排查，发现问题立即整改。",
       "三、严格值班值守。汛期实行24小时值班和领导带班制度，遇有重大险情及时报告。",
       "灵璧县人民政府办公室",
       "2023年6月20日"]
U10 = "https://www.lingbi.gov.cn/public/6632291/140002117.html"
case("lingbi_text_line_header", url=U10, content_type="text/html; charset=utf-8",
     description="Header as plain 'label：value' text lines in a div separated by <br>, one line holding two pairs (成文日期 and 发布日期 separated by full-width spaces), dates written 2023.06.20, 废止时间 '无' -> null.",
     html=anhui("www.lingbi.gov.cn", title=T10, column="应急管理", column_id=6632291, header=HDR10,
                info_line=info("灵璧县人民政府办公室", "2023-06-20 16:18", "灵璧县政府办"), body=content_div(P10),
                pubdate="2023-06-20 16:18", source="灵璧县人民政府办公室", url=U10),
     fields={"title": T10, "published_at": "2023-06-20 16:18:00", "index_no": "003256781/202306-00012", "info_category": "应急管理",
             "issuer": "灵璧县人民政府办公室", "written_date": "2023-06-20", "publish_date": "2023-06-20 00:00:00",
             "doc_no": "灵政办〔2023〕9号", "validity": "有效", "expiry_date": None, "doc_name": None, "reply_class": None, "doc_type": "disclosure",
             "metadata": {"索引号": "003256781/202306-00012", "信息分类": "应急管理", "发布机构": "灵璧县人民政府办公室",
                          "成文日期": "2023.06.20", "发布日期": "2023.06.20", "文号": "灵政办〔2023〕9号", "有效性": "有效", "废止时间": "无"}},
     starts="各乡镇人民政府，县政府各部门、各直属机构：\n\n当前我县已全面进入主汛期，",
     ends="遇有重大险情及时报告。\n\n灵璧县人民政府办公室\n\n2023年6月20日",
     not_contains=CHROME_WORDS + HEADER_WORDS + [T10])

# =====================================================================================
# chuzhou: labels spaced with full-width spaces, consult org/phone filled
T11 = "滁州市人民政府关于印发滁州市促进民营经济高质量发展若干措施的通知"
ROWS11 = [
    [("索　引　号：", "003230101/202306-00088"), ("信息分类：", "市政府文件")],
    [("发布机构：", "滁州市人民政府")],
    [("成文日期：", "2023年06月20日"), ("发布日期：", "2023年06月21日")],
    [("文　　号：", "滁政〔2023〕18号"), ("有　效　性：", "有效")],
    [("生效时间：", "2023年07月01日"), ("废止时间：", "2028年06月30日")],
    [("名　　称：", "滁州市人民政府关于印发滁州市促进民营经济高质量发展若干措施的通知")],
    [("政策咨询机关：", "滁州市发展和改革委员会"), ("政策咨询电话：", "0550-3023456")],
]
P11 = ["各县、市、区人民政府，市政府各部门、各直属机构：",
       "现将《滁州市促进民营经济高质量发展若干措施》印发给你们，请认真贯彻落实。",
       "滁州市人民政府",
       "2023年6月20日",
       ("h", '<p style="text-align: center;"><strong>滁州市促进民营经济高质量发展若干措施</strong></p>'),
       "一、降低经营成本。对民营企业新建的工业项目，按规定减免城市基础设施配套费；落实阶段性降低失业保险、工伤保险费率政策。",
       "二、加大金融支持。设立市级民营企业应急转贷资金，规模不低于5亿元；对首次获得银行贷款的小微企业给予贷款贴息。",
       "三、优化政务服务。推行涉企经营许可事项“证照分离”改革全覆盖，企业开办时间压缩至1个工作日以内。",
       "本措施自2023年7月1日起施行，有效期5年。"]
U11 = "https://www.chuzhou.gov.cn/public/108577/110902731.html"
case("chuzhou_fullwidth_space_labels", url=U11, content_type="text/html; charset=utf-8",
     description="滁州 th/td header whose labels are spaced with full-width spaces (索　引　号, 文　　号, 有　效　性, 名　　称), Chinese-form dates, every column filled including 生效/废止时间 and 政策咨询机关/电话.",
     html=anhui("www.chuzhou.gov.cn", title=T11, column="市政府文件", column_id=108577, header=hdr_th_td(ROWS11),
                info_line=info("滁州市人民政府办公室", "2023-06-21 09:00", "滁州市政府办"), body=content_div(P11),
                pubdate="2023-06-21 09:00", source="滁州市人民政府办公室", url=U11),
     fields={"site": "www.chuzhou.gov.cn", "title": T11, "published_at": "2023-06-21 09:00:00", "source_name": "滁州市人民政府办公室",
             "index_no": "003230101/202306-00088", "info_category": "市政府文件", "issuer": "滁州市人民政府",
             "written_date": "2023-06-20", "publish_date": "2023-06-21 00:00:00", "doc_no": "滁政〔2023〕18号", "validity": "有效",
             "effective_date": "2023-07-01", "expiry_date": "2028-06-30", "doc_name": T11, "consult_org": "滁州市发展和改革委员会",
             "consult_phone": "0550-3023456", "proposal_no": None, "reply_class": None, "attachments": [], "doc_type": "disclosure",
             "metadata": {"索引号": "003230101/202306-00088", "信息分类": "市政府文件", "发布机构": "滁州市人民政府",
                          "成文日期": "2023年06月20日", "发布日期": "2023年06月21日", "文号": "滁政〔2023〕18号", "有效性": "有效",
                          "生效时间": "2023年07月01日", "废止时间": "2028年06月30日", "名称": T11,
                          "政策咨询机关": "滁州市发展和改革委员会", "政策咨询电话": "0550-3023456"}},
     starts="各县、市、区人民政府，市政府各部门、各直属机构：\n\n现将《滁州市促进民营经济高质量发展若干措施》印发给你们",
     ends="企业开办时间压缩至1个工作日以内。\n\n本措施自2023年7月1日起施行，有效期5年。",
     not_contains=CHROME_WORDS + HEADER_WORDS + ["政策咨询机关", "0550-3023456"])

# ---- C21 chuzhou attachments inside the body, every kind of href
T21 = "滁州市财政局关于2023年市级预算公开的说明"
H21 = ("003230244/202302-00011", "财政预决算", "滁州市财政局", "2023-02-10", "2023-02-10 17:45", "", "有效", "", "暂无", T21, "暂无", "暂无")
BODY21 = """<div class="j-fontContent newscontnet" id="zoom">
<p style="text-indent: 2em;">根据《中华人民共和国预算法》和《地方预决算公开操作规程》，现将经滁州市第八届人民代表大会第二次会议审查批准的2023年市级预算予以公开。</p>
<p style="text-indent: 2em;">2023年市级一般公共预算收入安排82.6亿元，支出安排131.4亿元；政府性基金预算收入安排156.0亿元，支出安排168.3亿元。</p>
<p style="text-indent: 2em;">更多预决算信息请访问<a href="https://www.chuzhou.gov.cn/zwgk/czyjs/index.html" target="_blank">预决算公开专栏</a>。</p>
<p>附件：</p>
<p>1.<a href="./P020230210558712345678.xls">2023年滁州市市级一般公共预算收支表.xls</a></p>
<p>2.<a href="/group6/M00/0B/2C/wKgCFmPmSxyAJk2sAAQ8u1Hk0s8321.pdf">2023年市级预算编制说明.pdf</a></p>
<p>3.<a href="https://www.chuzhou.gov.cn/group6/M00/0B/2C/wKgCFmPmSxyAR5tKAAB2a3mT7yE113.docx">2023年市级政府性基金预算表.docx</a></p>
<p>4.<a href="../108578/download/1101.doc">2023年市级国有资本经营预算表.doc</a></p>
<p>5.<a href="//www.chuzhou.gov.cn/group6/M00/0B/2D/wKgCFmPmSyCAU8nqAAAsS0cM2tQ442.wps">2023年市级“三公”经费预算情况说明.wps</a></p>
<p>6.<a href="http://file.chuzhou.gov.cn/yusuan/2023/sjys_all.zip">2023年市级预算公开全套材料.zip</a></p>
</div>"""
U21 = "https://www.chuzhou.gov.cn/public/108577/110903012.html"
case("chuzhou_attachments_in_body", url=U21, content_type="text/html; charset=utf-8",
     description="Disclosure with 附件 links inside the body: .xls (./ relative), .pdf (root-relative), .docx (absolute), .doc (../ relative), .wps (protocol-relative), .zip (absolute, other host). Expected URLs are absolute, names are the link texts; the link to the 预决算公开专栏 page is not an attachment.",
     html=anhui("www.chuzhou.gov.cn", title=T21, column="财政预决算", column_id=108577, header=hdr_th_td(std_rows(*H21)),
                info_line=info("滁州市财政局", "2023-02-10 17:45", "滁州市财政局"), body=BODY21,
                pubdate="2023-02-10 17:45", source="滁州市财政局", url=U21),
     fields={"title": T21, "published_at": "2023-02-10 17:45:00", "index_no": "003230244/202302-00011", "issuer": "滁州市财政局",
             "written_date": "2023-02-10", "doc_no": None, "validity": "有效", "reply_class": None, "doc_type": "disclosure"},
     attachments=[
         {"name": "2023年滁州市市级一般公共预算收支表.xls", "url": "https://www.chuzhou.gov.cn/public/108577/P020230210558712345678.xls"},
         {"name": "2023年市级预算编制说明.pdf", "url": "https://www.chuzhou.gov.cn/group6/M00/0B/2C/wKgCFmPmSxyAJk2sAAQ8u1Hk0s8321.pdf"},
         {"name": "2023年市级政府性基金预算表.docx", "url": "https://www.chuzhou.gov.cn/group6/M00/0B/2C/wKgCFmPmSxyAR5tKAAB2a3mT7yE113.docx"},
         {"name": "2023年市级国有资本经营预算表.doc", "url": "https://www.chuzhou.gov.cn/public/108578/download/1101.doc"},
         {"name": "2023年市级“三公”经费预算情况说明.wps", "url": "https://www.chuzhou.gov.cn/group6/M00/0B/2D/wKgCFmPmSyCAU8nqAAAsS0cM2tQ442.wps"},
         {"name": "2023年市级预算公开全套材料.zip", "url": "http://file.chuzhou.gov.cn/yusuan/2023/sjys_all.zip"}],
     starts="根据《中华人民共和国预算法》和《地方预决算公开操作规程》，",
     contains=["2023年市级一般公共预算收入安排82.6亿元，支出安排131.4亿元；"],
     not_contains=CHROME_WORDS + HEADER_WORDS + [T21])

# =====================================================================================
# kjj.ahsz: UTF-8 with the charset in the HTTP header only
T15 = "宿州市科技局关于组织申报2023年度市级科技计划项目的通知"
H15 = ("003187413/202304-00006", "通知公告", "宿州市科技局", "2023-04-12", "2023-04-13 09:05", "宿科〔2023〕15号", "有效", "2023-04-12", "暂无", T15, "宿州市科技局", "0557-3022485")
P15 = ["各县、区科技主管部门，市有关单位：",
       "为深入实施创新驱动发展战略，根据《宿州市科技计划项目管理办法》，现组织申报2023年度市级科技计划项目。有关事项通知如下：",
       "一、申报范围。重点支持新一代信息技术、高端装备制造、绿色食品、生物医药等领域的关键技术攻关和科技成果转化项目。",
       "二、申报条件。申报单位应为在宿州市注册、具有独立法人资格的企事业单位，近三年内无不良信用记录。",
       "三、申报时间。2023年4月15日至5月15日，逾期不予受理。",
       "宿州市科技局",
       "2023年4月12日"]
U15 = "https://kjj.ahsz.gov.cn/public/2655561/191388420.html"
case("enc_utf8_charset_in_http_header_only", url=U15, content_type="text/html;charset=UTF-8",
     description="UTF-8 page with no charset in the markup at all: the only declaration is the HTTP Content-Type header. A notice (disclosure, not a reply) with 文号, 生效时间 and filled 政策咨询 columns.",
     html=anhui("kjj.ahsz.gov.cn", title=T15, column="通知公告", column_id=2655561, header=hdr_th_td(std_rows(*H15)),
                info_line=info("宿州市科技局", "2023-04-13 09:05", "宿州信息公开009"), body=content_div(P15),
                pubdate="2023-04-13 09:05", source="宿州市科技局", url=U15, charset_meta=None),
     fields={"title": T15, "published_at": "2023-04-13 09:05:00", "source_name": "宿州市科技局", "editor": "宿州信息公开009",
             "index_no": "003187413/202304-00006", "info_category": "通知公告", "issuer": "宿州市科技局", "written_date": "2023-04-12",
             "publish_date": "2023-04-13 09:05:00", "doc_no": "宿科〔2023〕15号", "validity": "有效", "effective_date": "2023-04-12",
             "expiry_date": None, "doc_name": T15, "consult_org": "宿州市科技局", "consult_phone": "0557-3022485",
             "proposal_no": None, "reply_class": None, "contact_phone": None, "attachments": [], "doc_type": "disclosure"},
     starts="各县、区科技主管部门，市有关单位：\n\n为深入实施创新驱动发展战略，",
     ends="逾期不予受理。\n\n宿州市科技局\n\n2023年4月12日",
     not_contains=CHROME_WORDS + HEADER_WORDS + [T15])

# ---- C19 bozhou: UTF-8 with BOM, no declaration anywhere; 'A级' must not become a reply class
T19 = "亳州市文化和旅游局关于2023年度A级旅游景区复核结果的公示"
H19 = ("003245112/202309-00021", "通知公告", "亳州市文化和旅游局", "2023-09-15", "2023-09-15 11:20", "", "有效", "", "暂无", T19, "暂无", "暂无")
P19 = ["根据《旅游景区质量等级管理办法》和省文化和旅游厅工作部署，我局组织专家对全市A级旅游景区开展了2023年度复核工作。",
       "经复核，花戏楼景区等31家A级旅游景区达到相应等级标准，予以通过；2家景区存在安全管理和环境卫生问题，予以通报批评并限期整改。",
       "公示时间为2023年9月15日至9月21日。",
       "亳州市文化和旅游局",
       "2023年9月15日"]
U19 = "https://www.bozhou.gov.cn/public/6500011/148812233.html"
case("enc_utf8_bom_no_declaration_bozhou", url=U19, content_type="text/html",
     description="UTF-8 bytes starting with a BOM, no charset in the HTTP header or the markup. Disclosure mentioning 'A级旅游景区': not a reply, so reply_class stays null.",
     html=anhui("www.bozhou.gov.cn", title=T19, column="通知公告", column_id=6500011, header=hdr_th_td(std_rows(*H19)),
                info_line=info("亳州市文化和旅游局", "2023-09-15 11:20", "亳州市文旅局"), body=content_div(P19),
                pubdate="2023-09-15 11:20", source="亳州市文化和旅游局", url=U19, charset_meta=None),
     bom=True,
     fields={"site": "www.bozhou.gov.cn", "title": T19, "published_at": "2023-09-15 11:20:00", "source_name": "亳州市文化和旅游局",
             "index_no": "003245112/202309-00021", "issuer": "亳州市文化和旅游局", "written_date": "2023-09-15", "doc_no": None,
             "validity": "有效", "proposal_no": None, "session": None, "proposer": None, "reply_class": None, "contact_unit": None,
             "attachments": [], "doc_type": "disclosure"},
     starts="根据《旅游景区质量等级管理办法》和省文化和旅游厅工作部署，",
     ends="公示时间为2023年9月15日至9月21日。\n\n亳州市文化和旅游局\n\n2023年9月15日",
     contains=["经复核，花戏楼景区等31家A级旅游景区达到相应等级标准，"],
     not_contains=CHROME_WORDS + HEADER_WORDS + ["\ufeff"])

# =====================================================================================
# C12 mirror of an ahsz reply on a non-government host, header intact
T12 = "关于市政协六届二次会议第0248号提案的答复"
H12 = ("003187287/202306-00029", "政协委员提案办理", "宿州市住房和城乡建设局", "2023-06-26", "2023-06-27 14:50", "", "有效", "", "暂无", T12, "暂无", "暂无")
P12 = ["尊敬的孙立军委员：",
       "您提出的《关于加快推进老旧小区改造的建议》收悉，现答复如下：",
       "2023年我市计划改造城镇老旧小区126个，涉及居民1.8万户，目前已开工98个，开工率77.8%。改造中坚持“先民生后提升”，优先实施水电气暖等基础设施改造。",
       "针对您提出的改造后长效管理问题，我局将指导各县区建立“业主自治+物业服务+社区监管”的管理模式，防止出现“一年新、二年旧、三年破”的现象。",
       "办复类别：B类",
       "联系单位：宿州市住房和城乡建设局",
       "联系电话：0557-3690123"]
U12 = "http://www.gongwenku.net.cn/ahsz/zxta/2023/191401733.html"
MIRROR12 = f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{T12}-公文库</title>
<meta name="keywords" content="{T12},提案答复,公文库">
<meta name="description" content="公文库收录各地政府公开文件，{T12}">
<link rel="stylesheet" href="/skin/gwk/style.css">
<script async src="https://pagead.example-ads.com/adsbygoogle.js"></script>
</head>
<body>
<div class="gwk-top"><a href="/" class="gwk-logo">公文库</a><span>政府公开文件资料库</span>
<form action="/search/" class="gwk-so"><input name="kw" placeholder="搜索公文"><button>搜公文</button></form></div>
<div class="gwk-nav"><a href="/">首页</a><a href="/ahsz/">宿州</a><a href="/ahsz/zxta/">政协提案</a><a href="/ahsz/rdjy/">人大建议</a><a href="/vip/">会员下载</a></div>
<div class="gwk-main">
<div class="gwk-crumb">当前位置：<a href="/">首页</a> &gt; <a href="/ahsz/">宿州</a> &gt; <a href="/ahsz/zxta/">政协提案</a></div>
<div class="gwk-ad"><a href="/vip/">开通会员，海量公文免费下载</a></div>
<div class="gwk-article">
{hdr_th_td(std_rows(*H12))}
<div class="newsdetail">
<h1 class="newstitle">{T12}</h1>
<div class="newsinfo">{info("宿州市住房和城乡建设局", "2023-06-27 14:50", "宿州信息公开027")}</div>
{content_div(P12)}
</div>
</div>
<div class="gwk-tips">本页内容来自互联网公开信息，仅供参考。如有侵权请联系删除。</div>
<div class="gwk-rel"><h3>相关公文</h3><ul>
<li><a href="/ahsz/zxta/2023/191401491.html">关于宿州市政协六届二次会议第0321号提案的答复</a></li>
<li><a href="/ahsz/zxta/2023/191356201.html">关于市政协六届二次会议第0156号提案的答复</a></li>
</ul></div>
</div>
<div class="gwk-foot">&copy; 2024 公文库 gongwenku.net.cn　<a href="https://beian.miit.gov.cn/">浙ICP备19012345号-1</a></div>
</body>
</html>
"""
case("mirror_ahsz_reply_non_gov_host", url=U12, content_type="text/html; charset=utf-8",
     description="An ahsz reply copied onto an unrelated non-government host with the 索引 header, h1.newstitle, info line and div.j-fontContent intact inside foreign chrome (ads, 相关公文, disclaimer). Parsing must not depend on the host name.",
     html=MIRROR12,
     fields={"site": "www.gongwenku.net.cn", "title": T12, "published_at": "2023-06-27 14:50:00", "source_name": "宿州市住房和城乡建设局",
             "editor": "宿州信息公开027", "original_url": None, "index_no": "003187287/202306-00029", "info_category": "政协委员提案办理",
             "issuer": "宿州市住房和城乡建设局", "written_date": "2023-06-26", "publish_date": "2023-06-27 14:50:00", "doc_no": None,
             "validity": "有效", "effective_date": None, "expiry_date": None, "doc_name": T12, "consult_org": None, "consult_phone": None,
             "proposal_no": "0248", "session": "六届二次会议", "proposer": "孙立军", "proposal_title": "关于加快推进老旧小区改造的建议",
             "reply_class": "B", "contact_unit": "宿州市住房和城乡建设局", "contact_phone": "0557-3690123", "attachments": [],
             "doc_type": "proposal_reply", "metadata": meta_dict(*H12)},
     starts="尊敬的孙立军委员：\n\n您提出的《关于加快推进老旧小区改造的建议》收悉，现答复如下：\n\n",
     ends="办复类别：B类\n\n联系单位：宿州市住房和城乡建设局\n\n联系电话：0557-3690123",
     not_contains=HEADER_WORDS + ["公文库", "会员", "侵权", "相关公文", "ICP", T12])

# =====================================================================================
# C13 reply on the CPPCC site itself, no disclosure header at all
T13 = "关于政协宿州市六届二次会议第0209号提案的答复"
P13 = ["尊敬的李红梅委员：",
       "您提出的《关于推进农村生活垃圾分类的建议》收悉。现答复如下：",
       "我市自2021年起在埇桥区、萧县开展农村生活垃圾分类试点，目前已覆盖42个行政村，试点村生活垃圾减量率达到30%。",
       "下一步，我局将总结试点经验，制定《宿州市农村生活垃圾分类工作实施方案》，力争到2025年底农村生活垃圾分类覆盖率达到50%以上。",
       "办理类别：A类",
       "联系单位：宿州市农业农村局",
       "联系电话：0557-3612233"]
U13 = "http://www.szszx.gov.cn/tagz/tabl/202307/t20230712_10231.html"
SZSZX13 = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{T13}_宿州政协</title>
{meta2017(dict(SiteName="宿州政协", SiteDomain="www.szszx.gov.cn", SiteIDCode="3413000088", ColumnName="提案办理", ColumnType="提案工作", ArticleTitle=T13, PubDate="2023-07-12 09:30", ContentSource="宿州市政协提案委员会", Url=U13))}
<link rel="stylesheet" href="/css/szszx.css">
</head>
<body>
<div class="szzx-head"><img src="/images/szzx_logo.png" alt="中国人民政治协商会议宿州市委员会"></div>
<div class="szzx-nav"><a href="/">首页</a><a href="/zxyw/">政协要闻</a><a href="/tagz/">提案工作</a><a href="/wyzc/">委员之窗</a><a href="/wszl/">文史资料</a><a href="/zxzs/">政协知识</a></div>
<div class="szzx-main clearfix">
<div class="szzx-side"><h3>提案工作</h3><ul><li><a href="/tagz/tazs/">提案综述</a></li><li><a href="/tagz/tabl/">提案办理</a></li><li><a href="/tagz/zdta/">重点提案</a></li></ul></div>
<div class="szzx-con">
<div class="szzx-pos">您的位置：<a href="/">首页</a> » <a href="/tagz/">提案工作</a> » <a href="/tagz/tabl/">提案办理</a></div>
<div class="szzx-article">
<h2 class="szzx-title">{T13}</h2>
<div class="szzx-info">发布时间：2023-07-12 09:30　　来源：宿州市政协提案委员会　　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="szzx-text" id="zoom">
{paras(P13, style="")}
</div>
<div class="szzx-tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="szzx-pn">上一篇：<a href="./t20230710_10198.html">关于政协宿州市六届二次会议第0201号提案的答复</a> 下一篇：<a href="./t20230714_10260.html">关于政协宿州市六届二次会议第0213号提案的答复</a></div>
<div class="szzx-share">分享到：微信 微博 <span>扫一扫在手机打开当前页</span></div>
</div>
</div>
</div>
<div class="szzx-foot">中国人民政治协商会议宿州市委员会办公室 主办　<a href="https://beian.miit.gov.cn/">皖ICP备05008811号</a>　网站标识码：3413000088　<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3413000088">政府网站找错</a></div>
</body>
</html>
"""
case("szszx_reply_without_header", url=U13, content_type="text/html; charset=utf-8",
     description="A proposal reply published on the 宿州政协 site with no disclosure header at all (plain article page): reply columns still come from title, salutation and trailer ('办理类别：A类'); header columns all null, metadata empty.",
     html=SZSZX13,
     fields={"site": "www.szszx.gov.cn", "title": T13, "published_at": "2023-07-12 09:30:00", "source_name": "宿州市政协提案委员会",
             "index_no": None, "info_category": None, "issuer": None, "written_date": None, "publish_date": None, "doc_no": None,
             "validity": None, "doc_name": None, "metadata": {}, "proposal_no": "0209", "session": "六届二次会议", "proposer": "李红梅",
             "proposal_title": "关于推进农村生活垃圾分类的建议", "reply_class": "A", "contact_unit": "宿州市农业农村局",
             "contact_phone": "0557-3612233", "attachments": [], "doc_type": "proposal_reply"},
     starts="尊敬的李红梅委员：\n\n您提出的《关于推进农村生活垃圾分类的建议》收悉。现答复如下：\n\n我市自2021年起",
     ends="办理类别：A类\n\n联系单位：宿州市农业农村局\n\n联系电话：0557-3612233",
     not_contains=CHROME_WORDS + ["发布时间", "您的位置", T13])

# =====================================================================================
# Old county sites: GB encodings
def indent(ps):
    return paras(["　　" + p for p in ps], style="")

T16 = "对县人大十七届二次会议第052号建议的答复"
P16 = ["尊敬的赵国庆代表：",
       "您提出的《关于加强农田水利设施管护的建议》收悉。现答复如下：",
       "近年来，我县累计投入资金2.3亿元，新建和改造小型泵站86座、沟渠涵闸412处，有效灌溉面积达到98万亩。针对部分设施“重建轻管”的问题，我局已制定《砀山县小型农田水利工程管护办法》，明确乡镇管护主体责任。",
       "由于管护经费缺口较大，我局正积极争取省级资金支持，计划分年度将小型农田水利设施管护经费纳入县级财政预算。",
       "办复类别：B类",
       "联系单位：砀山县水利局",
       "联系电话：0557-8012345"]
U16 = "http://www.dangshan.gov.cn/xxgk/jyta/202307/t20230705_4412.html"
case("enc_gbk_meta_only_suggestion", url=U16, content_type="text/html",
     description="Old county site (table layout) in GBK, declared only in <meta http-equiv> (the HTTP header has no charset). 人大 suggestion reply with 十七届二次会议, number 052, paragraphs indented with full-width spaces (stripped in body_text).",
     encoding="gbk",
     html=county_page(charset_meta="gbk", site_name="砀山县人民政府", host="www.dangshan.gov.cn", site_code="3413210001",
                      title=T16, info_line="发布时间：2023-07-05　来源：砀山县水利局　浏览次数：<span id=\"count\"></span>",
                      body=indent(P16), crumbs='<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/xxgk/jyta/">建议提案办理</a>',
                      icp="皖ICP备05007788号", meta=dict(SiteName="砀山县人民政府", SiteDomain="www.dangshan.gov.cn", SiteIDCode="3413210001",
                      ColumnName="建议提案办理", ArticleTitle=T16, PubDate="2023-07-05", ContentSource="砀山县水利局")),
     fields={"site": "www.dangshan.gov.cn", "title": T16, "published_at": "2023-07-05 00:00:00", "source_name": "砀山县水利局",
             "index_no": None, "proposal_no": "052", "session": "十七届二次会议", "proposer": "赵国庆",
             "proposal_title": "关于加强农田水利设施管护的建议", "reply_class": "B", "contact_unit": "砀山县水利局",
             "contact_phone": "0557-8012345", "attachments": [], "doc_type": "suggestion_reply"},
     starts="尊敬的赵国庆代表：\n\n您提出的《关于加强农田水利设施管护的建议》收悉。现答复如下：\n\n近年来，",
     ends="办复类别：B类\n\n联系单位：砀山县水利局\n\n联系电话：0557-8012345",
     contains=["《砀山县小型农田水利工程管护办法》"],
     not_contains=CHROME_WORDS + ["浏览次数", "发布时间", "　　尊敬的", T16])

T17 = "关于县政协十三届二次会议第0015号提案的答复"
P17 = ["尊敬的李喆委员：",
       "您提出的《关于加快农村电网改造升级的建议》收悉。经与国网萧县供电公司共同研究，现答复如下：",
       "国网萧县供电公司经理王镕介绍，2023年该公司安排农网改造升级投资1.6亿元，新建和改造10千伏线路218公里、配电台区156个，重点解决圣泉、白土等乡镇低电压问题。",
       "目前，项目已全部开工，预计10月底前全部投运，届时农村户均配变容量将提高到2.9千伏安。",
       "办复类别：A类",
       "联系单位：萧县发展和改革委员会",
       "联系电话：0557-5021188"]
U17 = "http://www.xiaoxian.gov.cn/xxgk/jyta/202306/t20230628_3307.html"
case("enc_gb2312_declared_with_gbk_chars", url=U17, content_type="text/html; charset=gb2312",
     description="Declared gb2312 (HTTP and meta) but the bytes contain characters outside GB2312 that only GBK/GB18030 encode: 喆 (in the proposer's name) and 镕. Decoding as strict GB2312 loses them; decode as GB18030.",
     encoding="gb18030",
     html=county_page(charset_meta="gb2312", site_name="萧县人民政府", host="www.xiaoxian.gov.cn", site_code="3413220001",
                      title=T17, info_line="发布日期：2023年06月28日　信息来源：萧县发展和改革委员会",
                      body=indent(P17), crumbs='<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/xxgk/jyta/">建议提案办理</a>',
                      icp="皖ICP备05003366号", meta=dict(SiteName="萧县人民政府", SiteDomain="www.xiaoxian.gov.cn", SiteIDCode="3413220001",
                      ArticleTitle=T17, PubDate="2023-06-28", ContentSource="萧县发展和改革委员会")),
     fields={"site": "www.xiaoxian.gov.cn", "title": T17, "published_at": "2023-06-28 00:00:00", "source_name": "萧县发展和改革委员会",
             "proposal_no": "0015", "session": "十三届二次会议", "proposer": "李喆", "proposal_title": "关于加快农村电网改造升级的建议",
             "reply_class": "A", "contact_unit": "萧县发展和改革委员会", "contact_phone": "0557-5021188", "attachments": [],
             "doc_type": "proposal_reply"},
     starts="尊敬的李喆委员：\n\n",
     ends="联系电话：0557-5021188",
     contains=["国网萧县供电公司经理王镕介绍，", "办复类别：A类"],
     not_contains=CHROME_WORDS + ["信息来源", "\ufffd", T17])

T18 = "埇桥区政协召开重点提案督办协商会"
P18 = ["6月20日，埇桥区政协召开重点提案督办协商会，围绕“关于加快城乡供水一体化建设的提案”等5件重点提案，与承办单位面对面协商。",
       "会上，提案者代表介绍了提案的主要内容，区水利局、区住建局等承办单位负责同志通报了办理进展。与会委员结合调研情况，就提升农村供水保障水平提出意见建议。",
       "会议要求，各承办单位要把重点提案办理与推动中心工作结合起来，确保件件有落实、事事有回音。",
       ]
U18 = "http://www.yongqiao.gov.cn/xwzx/bmdt/202306/t20230620_8841.html"
case("enc_http_header_lies_utf8_bytes_gbk", url=U18, content_type="text/html; charset=utf-8",
     description="The HTTP header claims utf-8 but the bytes are GBK (the meta tag says gbk). The parser must notice the bytes are not UTF-8 and recover the text instead of filling it with replacement characters. 埇 is outside GB2312.",
     encoding="gbk",
     html=county_page(charset_meta="gbk", site_name="宿州市埇桥区人民政府", host="www.yongqiao.gov.cn", site_code="3413020001",
                      title=T18, info_line="发布时间：2023-06-20 15:40　来源：埇桥区政协",
                      body=indent(P18) + '\n<p align="right">责任编辑：刘洋</p>',
                      crumbs='<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/bmdt/">部门动态</a>',
                      icp="皖ICP备05004455号", meta=dict(SiteName="宿州市埇桥区人民政府", SiteDomain="www.yongqiao.gov.cn",
                      SiteIDCode="3413020001", ArticleTitle=T18, PubDate="2023-06-20 15:40", ContentSource="埇桥区政协")),
     fields={"site": "www.yongqiao.gov.cn", "title": T18, "published_at": "2023-06-20 15:40:00", "source_name": "埇桥区政协",
             "editor": "刘洋", "reporter": None, "proposal_no": None, "reply_class": None, "index_no": None, "attachments": [],
             "doc_type": "article"},
     starts="6月20日，埇桥区政协召开重点提案督办协商会，",
     ends="确保件件有落实、事事有回音。",
     contains=[P18[1]],
     not_contains=CHROME_WORDS + ["责任编辑", "\ufffd"])

T20 = "临泉县召开政协提案办理工作推进会"
P20 = ["6月19日，临泉县召开政协提案办理工作推进会，通报县政协十六届二次会议提案交办和办理情况，部署下一阶段提案办理工作。",
       "今年县政协十六届二次会议共立案提案186件，已交由62家承办单位办理。截至目前，已办复提案121件，办复率65%。",
       "会议强调，各承办单位要坚持办理质量和办理时效并重，主动与提案者沟通，力求提案办理取得实效。",
       "（县政协办）"]
U20 = "http://www.linquan.gov.cn/xwzx/xzdt/202306/t20230620_2231.html"
case("enc_gbk_no_declaration_linquan", url=U20, content_type=None,
     description="GBK page with no declaration anywhere: no HTTP Content-Type at all and no meta charset. The bytes must be recognised as GB (not guessed as UTF-8 or Latin-1). Date line in Chinese form without time -> midnight.",
     encoding="gbk",
     html=county_page(charset_meta=None, site_name="临泉县人民政府", host="www.linquan.gov.cn", site_code="3412210001",
                      title=T20, info_line="发布日期：2023年06月20日　来源：临泉县政协",
                      body=indent(P20), crumbs='<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; <a href="/xwzx/xzdt/">乡镇动态</a>',
                      icp="皖ICP备05009911号"),
     fields={"site": "www.linquan.gov.cn", "title": T20, "published_at": "2023-06-20 00:00:00", "source_name": "临泉县政协",
             "reporter": None, "proposal_no": None, "reply_class": None, "index_no": None, "attachments": [], "doc_type": "article"},
     starts="6月19日，临泉县召开政协提案办理工作推进会，",
     ends="力求提案办理取得实效。\n\n（县政协办）",
     contains=[P20[1]],
     not_contains=CHROME_WORDS + ["\ufffd"])

# =====================================================================================
# Generic 2017-standard CMS pages of other provinces (no known layout: fallback)
T24 = "关于市政协八届二次会议第246号提案的答复"
P24 = ["尊敬的周建国委员：",
       "您提出的《关于推进城市更新中历史街区保护利用的建议》收悉。经研究，现答复如下：",
       "我市高度重视历史文化街区保护工作，已公布历史文化街区5片、历史建筑126处，编制完成《金华市历史文化名城保护规划》。",
       "在城市更新中，我们坚持“留改拆”并举、以保留保护为主，对古子城、铁岭头等历史街区实施微改造，保留街巷肌理和传统风貌。",
       "下一步，我局将会同市文广旅体局研究出台历史建筑活化利用导则，鼓励社会资本参与历史建筑保护利用。",
       "办理类别：B类",
       "联系单位：金华市住房和城乡建设局",
       "联系电话：0579-82469012",
       "金华市住房和城乡建设局",
       "2023年7月10日"]
U24 = "http://www.jinhua.gov.cn/art/2023/7/10/art_1229159979_60254312.html"
JINHUA24 = f"""<!DOCTYPE html>
<html lang="zh-cn">
<head>
<meta charset="UTF-8">
<title>{T24} - 金华市人民政府</title>
{meta2017(dict(SiteName="金华市人民政府", SiteDomain="www.jinhua.gov.cn", SiteIDCode="3307000001", ColumnName="建议提案办理",
               ColumnDescription="建议提案办理结果公开", ColumnKeywords="建议提案", ColumnType="信息公开",
               ArticleTitle=T24, PubDate="2023-07-10 15:22", ContentSource="金华市住房和城乡建设局", Keywords="提案答复",
               Author="金华市住房和城乡建设局", Description=T24, Url=U24))}
<link rel="stylesheet" href="/static/css/base.css">
<script src="/static/js/jquery-3.6.0.min.js"></script>
</head>
<body>
<header class="jh-header"><div class="jh-wrap"><a class="jh-logo" href="/">金华市人民政府</a>
<nav class="jh-nav"><a href="/">首页</a><a href="/col/col1229159936/">要闻动态</a><a href="/col/col1229159965/">政务公开</a><a href="/col/col1229160002/">政务服务</a><a href="/col/col1229160020/">政民互动</a></nav>
<div class="jh-tools"><a href="#">无障碍浏览</a><a href="#">长者模式</a></div></div></header>
<main class="jh-wrap jh-detail">
<aside class="jh-aside"><h4>政务公开</h4><ul><li><a href="#">政府文件</a></li><li><a href="#">建议提案办理</a></li><li><a href="#">财政信息</a></li></ul></aside>
<section class="jh-body">
<div class="jh-crumb">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1229159965/">政务公开</a> &gt; <span>建议提案办理</span></div>
<div class="bt-title-box"><div class="bt-title">{T24}</div>
<div class="bt-meta"><span>发布日期：2023-07-10 15:22</span><span>信息来源：金华市住房和城乡建设局</span><span>浏览次数：<b id="hit"></b></span></div></div>
<div class="bt-article-body">
{paras(P24, style="")}
</div>
<div class="bt-ops"><span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span><a href="javascript:window.print()">打印本页</a><a href="javascript:window.close()">关闭窗口</a></div>
<div class="bt-share"><span>分享到：</span><a class="wx">微信</a><a class="wb">微博</a><div class="bt-qr">扫一扫在手机打开当前页</div></div>
</section>
</main>
<footer class="jh-footer"><p>主办：金华市人民政府办公室　承办：金华市大数据发展管理局</p>
<p><a href="https://beian.miit.gov.cn/">浙ICP备05003122号</a>　浙公网安备 33070202000123号　网站标识码：3307000001　<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=3307000001">政府网站找错</a></p></footer>
</body>
</html>
"""
case("generic_cms_jinhua_reply", url=U24, content_type="text/html; charset=UTF-8",
     description="A Zhejiang 2017-standard site with markup no adapter knows (div.bt-title, div.bt-article-body): the fallback must find the body by content, the title/date/source via the 2017 meta tags or the visible line, and the reply layer must still work (八届二次会议, number 246, 办理类别：B类, signature after the trailer).",
     html=JINHUA24,
     fields={"site": "www.jinhua.gov.cn", "title": T24, "published_at": "2023-07-10 15:22:00", "source_name": "金华市住房和城乡建设局",
             "index_no": None, "metadata": {}, "proposal_no": "246", "session": "八届二次会议", "proposer": "周建国",
             "proposal_title": "关于推进城市更新中历史街区保护利用的建议", "reply_class": "B", "contact_unit": "金华市住房和城乡建设局",
             "contact_phone": "0579-82469012", "attachments": [], "doc_type": "proposal_reply"},
     starts="尊敬的周建国委员：\n\n您提出的《关于推进城市更新中历史街区保护利用的建议》收悉。",
     ends="联系电话：0579-82469012\n\n金华市住房和城乡建设局\n\n2023年7月10日",
     contains=["办理类别：B类\n\n联系单位：金华市住房和城乡建设局"],
     not_contains=CHROME_WORDS + ["浏览次数", "信息来源", "字号", "长者模式", T24])

T25 = "市政协召开提案办理协商座谈会"
P25 = ["6月20日下午，市政协召开提案办理协商座谈会，邀请部分提案者与市直承办单位面对面交流，共同推动提案办理落地见效。",
       "座谈会上，市发改委、市住建局、市交通运输局等8家单位通报了今年提案办理工作情况。今年市政协八届二次会议共立案提案398件，截至目前已办复356件。",
       "委员们对承办单位的办理工作给予肯定，并围绕城市停车治理、长江岸线生态修复等问题提出意见建议。",
       "市政协有关负责同志指出，要进一步完善提案办理协商机制，推动提案办理从“答复型”向“落实型”转变。"]
U25 = "http://www.yichang.gov.cn/content-58-998541-1.html"
YICHANG25 = f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{T25}-宜昌市人民政府门户网站</title>
{meta2017(dict(SiteName="宜昌市人民政府门户网站", SiteDomain="www.yichang.gov.cn", SiteIDCode="4205000001", ColumnName="部门动态",
               ColumnType="新闻", ArticleTitle=T25, PubDate="2023-06-20 16:05", ContentSource="宜昌市政协办公室", Keywords="政协,提案办理",
               Description=P25[0], Url=U25))}
<link href="/Public/css/style.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div id="top"><div class="w"><span class="l">欢迎访问宜昌市人民政府门户网站</span><span class="r"><a href="/m/">手机版</a> <a href="#">English</a></span></div></div>
<div id="banner"><div class="w"><img src="/Public/images/logo.png" alt="宜昌市人民政府" /></div></div>
<div id="menu"><div class="w"><a href="/">首页</a><a href="/list-58-1.html">新闻中心</a><a href="/list-60-1.html">政府信息公开</a><a href="/list-62-1.html">办事服务</a><a href="/list-64-1.html">互动交流</a></div></div>
<div class="w mt10">
<div class="xl-pos">您当前所在位置：<a href="/">首页</a> &gt;&gt; <a href="/list-58-1.html">新闻中心</a> &gt;&gt; 部门动态</div>
<div class="xl-box">
<div class="xl-title"><h2>{T25}</h2></div>
<div class="xl-sub">来源：宜昌市政协办公室　　发布时间：2023年06月20日 16:05　　点击数：<span id="clicks">386</span></div>
<div class="xl-content">
<div class="TRS_UEDITOR">
{paras(P25, style=' style="text-indent:2em"')}
</div>
</div>
<div class="xl-editor">责任编辑：覃敏</div>
<div class="xl-foot"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="xl-xg"><h3>相关链接</h3><ul><li><a href="/content-58-998102-1.html">市政协主席会议审议重点提案遴选情况</a></li><li><a href="/content-58-997651-1.html">市政协八届二次会议提案审查工作完成</a></li></ul></div>
</div>
</div>
<div id="footer"><div class="w">主办：宜昌市人民政府办公室　<a href="https://beian.miit.gov.cn/">鄂ICP备05003301号</a>　鄂公网安备 42050202000101号　网站标识码：4205000001　<a href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4205000001">政府网站找错</a><br/>扫一扫在手机打开当前页</div></div>
</body>
</html>
"""
case("generic_cms_yichang_news", url=U25, content_type="text/html; charset=utf-8",
     description="A Hubei 2017-standard site with an unknown layout (div.xl-content > div.TRS_UEDITOR): news article, date line '发布时间：2023年06月20日 16:05' with a click counter, 责任编辑 outside the body; fallback extraction.",
     html=YICHANG25,
     fields={"site": "www.yichang.gov.cn", "title": T25, "published_at": "2023-06-20 16:05:00", "source_name": "宜昌市政协办公室",
             "editor": "覃敏", "reporter": None, "index_no": None, "proposal_no": None, "reply_class": None, "attachments": [],
             "doc_type": "article"},
     starts="6月20日下午，市政协召开提案办理协商座谈会，",
     ends="推动提案办理从“答复型”向“落实型”转变。",
     contains=[P25[1]],
     not_contains=CHROME_WORDS + ["点击数", "责任编辑", "覃敏", "所在位置"])

# =====================================================================================
# C29 tianchang: mixed ':' and '：' colons (colon in its own element), an expired document
T29 = "天长市人民政府关于印发天长市城区机动车停放管理暂行办法的通知"
ROWS29 = [
    [("索引号<span>：</span>", "003234567/202006-00014"), ("信息分类<span>:</span>", "市政府文件")],
    [("发布机构<span>：</span>", "天长市人民政府")],
    [("成文日期<span>:</span>", "2020-06-18"), ("发布日期<span>：</span>", "2020-06-20 10:30")],
    [("文&nbsp;&nbsp;号<span>:</span>", "天政〔2020〕21号"), ("有效性<span>：</span>", "失效")],
    [("生效时间<span>:</span>", "2020-07-01"), ("废止时间<span>：</span>", "2023-06-30")],
    [("名&nbsp;&nbsp;称<span>:</span>", "天长市城区机动车停放管理暂行办法")],
    [("政策咨询机关<span>：</span>", "无"), ("政策咨询电话<span>:</span>", "无")],
]
P29 = ["各镇人民政府、街道办事处，市政府各部门、各直属单位：",
       "《天长市城区机动车停放管理暂行办法》已经市政府第45次常务会议研究通过，现印发给你们，请认真遵照执行。",
       "天长市人民政府",
       "2020年6月18日",
       "第一条　为加强城区机动车停放管理，规范停车秩序，根据有关法律法规，结合本市实际，制定本办法。",
       "第二条　本办法适用于本市城区范围内道路及公共停车场机动车停放的管理活动。",
       "第三条　本办法自2020年7月1日起施行，有效期三年。"]
U29 = "https://www.tianchang.gov.cn/public/6610121/104551832.html"
HOSTS["www.tianchang.gov.cn"] = dict(site_name="天长市人民政府", site_code="3411810001", icp="皖ICP备05011223号-1", gongan="皖公网安备 34118102000001号", sponsor="天长市人民政府办公室", address="天长市千秋大道市政务中心", phone="0550-7022345")
case("tianchang_mixed_colons_expired", url=U29, content_type="text/html; charset=utf-8",
     description="th/td header whose colons sit in their own <span> and alternate between ':' and '：'; an expired policy (有效性 失效, 废止时间 2023-06-30); 名称 differs from the page title; 政策咨询 values '无' -> null.",
     html=anhui("www.tianchang.gov.cn", title=T29, column="市政府文件", column_id=6610121, header=hdr_th_td(ROWS29),
                info_line=info("天长市人民政府办公室", "2020-06-20 10:30", "天长市政府办"), body=content_div(P29),
                pubdate="2020-06-20 10:30", source="天长市人民政府办公室", url=U29),
     fields={"site": "www.tianchang.gov.cn", "title": T29, "published_at": "2020-06-20 10:30:00", "source_name": "天长市人民政府办公室",
             "index_no": "003234567/202006-00014", "info_category": "市政府文件", "issuer": "天长市人民政府",
             "written_date": "2020-06-18", "publish_date": "2020-06-20 10:30:00", "doc_no": "天政〔2020〕21号", "validity": "失效",
             "effective_date": "2020-07-01", "expiry_date": "2023-06-30", "doc_name": "天长市城区机动车停放管理暂行办法",
             "consult_org": None, "consult_phone": None, "reply_class": None, "proposal_no": None, "attachments": [],
             "doc_type": "disclosure",
             "metadata": {"索引号": "003234567/202006-00014", "信息分类": "市政府文件", "发布机构": "天长市人民政府",
                          "成文日期": "2020-06-18", "发布日期": "2020-06-20 10:30", "文号": "天政〔2020〕21号", "有效性": "失效",
                          "生效时间": "2020-07-01", "废止时间": "2023-06-30", "名称": "天长市城区机动车停放管理暂行办法",
                          "政策咨询机关": "无", "政策咨询电话": "无"}},
     starts="各镇人民政府、街道办事处，市政府各部门、各直属单位：\n\n",
     ends="第三条　本办法自2020年7月1日起施行，有效期三年。",
     not_contains=CHROME_WORDS + HEADER_WORDS + [T29])


# =====================================================================================
# guzhen: an old GB2312 page whose paragraphs are <br><br>-separated text inside <font>
T30 = "关于县政协十一届二次会议第0078号提案的答复"
P30 = ["尊敬的孙海燕委员：",
       "您提出的《关于加强农村留守儿童关爱服务的建议》收悉。现答复如下：",
       "我县现有农村留守儿童3126名，已全部建立信息台账，实行“一人一档”动态管理。全县建成儿童之家126个，实现村（社区）全覆盖，配备儿童主任与儿童督导员268名。",
       "今年，我局联合县教育局、团县委开展“关爱留守儿童暑期行”活动，组织志愿者上门走访1800余人次，为困境儿童发放助学金42万元。",
       "办复类别：A类",
       "联系单位：固镇县民政局",
       "联系电话：0552-6012233"]
U30 = "http://www.guzhen.gov.cn/xxgk/jyta/202307/t20230718_5521.html"
BODY30 = '<font size="3" face="仿宋_GB2312">\n' + "<br>\n<br>\n".join("　　" + p for p in P30) + "\n</font>"
case("old_gb2312_br_paragraphs_reply", url=U30, content_type="text/html",
     description="Old county page (GB2312 in meta only) whose letter is one <font> block with paragraphs separated by <br><br> and indented with full-width spaces, as pre-2015 editors saved it: each <br><br>-separated block is a paragraph.",
     encoding="gb18030",
     html=county_page(charset_meta="gb2312", site_name="固镇县人民政府", host="www.guzhen.gov.cn", site_code="3403230001",
                      title=T30, info_line="发布时间：2023-07-18 10:20:05　来源：固镇县民政局",
                      body=BODY30, crumbs='<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/xxgk/jyta/">建议提案办理</a>',
                      icp="皖ICP备05002211号"),
     fields={"site": "www.guzhen.gov.cn", "title": T30, "published_at": "2023-07-18 10:20:05", "source_name": "固镇县民政局",
             "index_no": None, "proposal_no": "0078", "session": "十一届二次会议", "proposer": "孙海燕",
             "proposal_title": "关于加强农村留守儿童关爱服务的建议", "reply_class": "A", "contact_unit": "固镇县民政局",
             "contact_phone": "0552-6012233", "attachments": [], "doc_type": "proposal_reply"},
     starts="尊敬的孙海燕委员：\n\n您提出的《关于加强农村留守儿童关爱服务的建议》收悉。现答复如下：\n\n我县现有农村留守儿童3126名，",
     ends="为困境儿童发放助学金42万元。\n\n办复类别：A类\n\n联系单位：固镇县民政局\n\n联系电话：0552-6012233",
     not_contains=CHROME_WORDS + ["发布时间", "　", T30])
