"""Cases on the 安徽 disclosure platform of 宿州 (kjj.ahsz.gov.cn, www.ahsz.gov.cn) and a mirror of it."""

from __future__ import annotations

from html import escape

from chrome import (
    ahsz_page,
    paras,
    suoyin_table,
)
from seed_texts import SEED003_PARAGRAPHS
from spec import (
    AHSZ_CHROME,
    NULL_HEADER,
    NULL_REPLY,
    Case,
    case,
    nbsp,
    split_label,
)

# =============================================================== 1. seed 003 on kjj.ahsz.gov.cn

S003_TITLE = "关于宿州市政协六届二次会议第0321号提案的答复"
case(
    Case(
        name="ahsz_kjj_seed003_proposal_reply",
        url="https://kjj.ahsz.gov.cn/public/2655573/191401491.html",
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "Seed 003 as served by 宿州市科技局: table_suoyin header (th + td.pmingcheng, two pairs a row, "
            "索引号/有效性 labels split across elements, 文号/名称 padded with &emsp; as the seed text shows), "
            "h1.newstitle, 来源/浏览量/发表时间/编辑 line, body in div.j-fontContent with the seed text verbatim "
            "(half-width punctuation as in the seed), trailer 办复类别/联系单位/联系电话."
        ),
        html=ahsz_page(
            host="kjj.ahsz.gov.cn",
            site_name="宿州市科学技术局",
            site_id="3413000025",
            column="政协委员提案办理",
            url="https://kjj.ahsz.gov.cn/public/2655573/191401491.html",
            title=S003_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187413/202306-00020"), ("信息分类:", "政协委员提案办理")],
                    [("发布机构:", "宿州市科技局")],
                    [("成文日期:", "2023-06-20"), ("发布日期:", "2023-06-20 08:25")],
                    [("文&emsp;&emsp;号:", ""), (split_label("有效", "性:"), "有效")],
                    [("生效时间:", ""), ("废止时间:", "暂无")],
                    [("名&emsp;&emsp;称:", S003_TITLE)],
                    [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
                ]
            ),
            source="宿州市科技局",
            pub_time="2023-06-20 08:25",
            editor="宿州信息公开009",
            body_html=paras(SEED003_PARAGRAPHS, style="text-indent: 2em;"),
        ),
        fields={
            "site": "kjj.ahsz.gov.cn",
            "title": S003_TITLE,
            "published_at": "2023-06-20 08:25:00",
            "source_name": "宿州市科技局",
            "reporter": None,
            "editor": "宿州信息公开009",
            "original_url": None,
            "body_text": "\n\n".join(SEED003_PARAGRAPHS),
            "index_no": "003187413/202306-00020",
            "info_category": "政协委员提案办理",
            "issuer": "宿州市科技局",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-20 08:25:00",
            "doc_no": None,
            "validity": "有效",
            "effective_date": None,
            "expiry_date": None,
            "doc_name": S003_TITLE,
            "consult_org": None,
            "consult_phone": None,
            "proposal_no": "0321",
            "session": "六届二次会议",
            "proposer": "邵广真",
            "proposal_title": "如何做好新经济形式下的城市赋能",
            "reply_class": "B",
            "contact_unit": "宿州市科技局",
            "contact_phone": "3022482",
            "doc_type": "proposal_reply",
            "metadata": {
                "索引号": "003187413/202306-00020",
                "信息分类": "政协委员提案办理",
                "发布机构": "宿州市科技局",
                "成文日期": "2023-06-20",
                "发布日期": "2023-06-20 08:25",
                "文号": "",
                "有效性": "有效",
                "生效时间": "",
                "废止时间": "暂无",
                "名称": S003_TITLE,
                "政策咨询机关": "暂无",
                "政策咨询电话": "暂无",
            },
        },
        body_starts_with="尊敬的邵广真委员:",
        body_ends_with="联系电话:3022482",
        body_contains=["一、总体情况", "办复类别:B类", "联系单位:宿州市科技局", "宿政发〔2023〕2号"],
        body_not_contains=[*AHSZ_CHROME, "003187413/202306-00020", "政策咨询机关", "编辑:宿州信息公开009"],
        attachments=[],
    )
)

# =============================================================== 5. kjj disclosure (not a reply)

KJJ_NOTICE_URL = "https://kjj.ahsz.gov.cn/public/2655581/191398765.html"
KJJ_NOTICE_TITLE = "宿州市科学技术局关于组织申报2023年度市级科技计划项目的通知"
KJJ_NOTICE_PARAS = [
    "各县、区科技主管部门，宿州高新区、宿州经开区、宿马园区科技部门，各有关单位：",
    "为深入实施创新驱动发展战略，提升全市科技创新能力，根据《宿州市市级科技计划项目管理办法》，现将2023年度市级科技计划项目申报工作有关事项通知如下。",
    "一、申报类别",
    "本年度市级科技计划设重点研发计划、科技成果转化计划、科技创新平台建设计划三个类别。",
    "二、申报条件",
    "申报单位应为在我市注册、具有独立法人资格的企业、高校、科研院所及其他机构；项目负责人每年只能申报一个项目。",
    "三、申报时间",
    "网上申报时间为2023年6月15日至2023年7月15日，逾期不予受理。",
    "联系人：张磊，电话：0557-3022482。",
    "宿州市科学技术局",
    "2023年6月12日",
]
case(
    Case(
        name="ahsz_kjj_disclosure_notice",
        url=KJJ_NOTICE_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A 科技局 notice with every header value filled (文号, 生效/废止时间, 政策咨询机关/电话), labels "
            "padded with &nbsp;&nbsp;: a disclosure, not a reply (the body has a 联系人/电话 line that is not a "
            "reply trailer)."
        ),
        html=ahsz_page(
            host="kjj.ahsz.gov.cn",
            site_name="宿州市科学技术局",
            site_id="3413000025",
            column="通知公告",
            url=KJJ_NOTICE_URL,
            title=KJJ_NOTICE_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187413/202306-00015"), ("信息分类:", "通知公告")],
                    [("发布机构:", "宿州市科技局")],
                    [("成文日期:", "2023-06-12"), ("发布日期:", "2023-06-13 09:30")],
                    [(nbsp("文号:"), "宿科〔2023〕15号"), (split_label("有效", "性:"), "有效")],
                    [("生效时间:", "2023-06-13"), ("废止时间:", "2023-12-31")],
                    [(nbsp("名称:"), KJJ_NOTICE_TITLE)],
                    [("政策咨询机关:", "宿州市科技局科技计划科"), ("政策咨询电话:", "0557-3022482")],
                ]
            ),
            source="宿州市科技局",
            pub_time="2023-06-13 09:30",
            editor="宿州信息公开009",
            body_html=paras(KJJ_NOTICE_PARAS, style="text-indent: 2em;"),
        ),
        fields={
            "site": "kjj.ahsz.gov.cn",
            "title": KJJ_NOTICE_TITLE,
            "published_at": "2023-06-13 09:30:00",
            "source_name": "宿州市科技局",
            "editor": "宿州信息公开009",
            "reporter": None,
            "original_url": None,
            "body_text": "\n\n".join(KJJ_NOTICE_PARAS),
            "index_no": "003187413/202306-00015",
            "info_category": "通知公告",
            "issuer": "宿州市科技局",
            "written_date": "2023-06-12",
            "publish_date": "2023-06-13 09:30:00",
            "doc_no": "宿科〔2023〕15号",
            "validity": "有效",
            "effective_date": "2023-06-13",
            "expiry_date": "2023-12-31",
            "doc_name": KJJ_NOTICE_TITLE,
            "consult_org": "宿州市科技局科技计划科",
            "consult_phone": "0557-3022482",
            **NULL_REPLY,
            "doc_type": "disclosure",
            "metadata": {
                "索引号": "003187413/202306-00015",
                "信息分类": "通知公告",
                "发布机构": "宿州市科技局",
                "成文日期": "2023-06-12",
                "发布日期": "2023-06-13 09:30",
                "文号": "宿科〔2023〕15号",
                "有效性": "有效",
                "生效时间": "2023-06-13",
                "废止时间": "2023-12-31",
                "名称": KJJ_NOTICE_TITLE,
                "政策咨询机关": "宿州市科技局科技计划科",
                "政策咨询电话": "0557-3022482",
            },
        },
        body_starts_with="各县、区科技主管部门",
        body_ends_with="2023年6月12日",
        body_not_contains=[*AHSZ_CHROME, "003187413/202306-00015"],
        attachments=[],
    )
)

# =============================================================== 6. reply to an organisation (民革)

GROUP_URL = "https://www.ahsz.gov.cn/public/6596211/191523337.html"
GROUP_TITLE = "关于宿州市政协六届二次会议第0186号提案的答复"
GROUP_PARAS = [
    "尊敬的民革宿州市委会：",
    "贵单位提出的《关于加快推进城市老旧小区改造的建议》提案收悉。经认真研究，现答复如下：",
    "一、工作开展情况",
    "2023年，我市计划改造城镇老旧小区126个，涉及居民1.8万户，目前已开工98个，开工率77.8%。改造内容包括水电气路等基础设施更新、加装电梯、增设养老托育和停车充电设施等。",
    "二、下一步工作打算",
    "一是坚持“居民自愿、政府引导”原则，完善居民出资、社会资本参与机制；二是加强施工质量安全监管，确保改造一个、满意一个；三是建立长效管理机制，推动物业服务覆盖改造后的小区。",
    "感谢贵单位对住房和城乡建设工作的关心和支持。",
    "宿州市住房和城乡建设局",
    "2023年7月5日",
    "办复类别:A类",
    "联系单位：宿州市住房和城乡建设局",
    "联系电话：0557-3699120",
]
case(
    Case(
        name="ahsz_zxta_group_proposer",
        url=GROUP_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A proposal reply addressed to a party organisation: `尊敬的民革宿州市委会：`. Rule: proposer is the "
            "salutation's addressee with 尊敬的, a trailing 委员/代表 and the colon removed; an organisation "
            "name is kept whole (民革宿州市委会). Signature and date precede the trailer; `办复类别:A类`."
        ),
        html=ahsz_page(
            host="www.ahsz.gov.cn",
            site_name="宿州市人民政府",
            site_id="3413000001",
            column="政协委员提案办理",
            url=GROUP_URL,
            title=GROUP_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187306/202307-00012"), ("信息分类:", "政协委员提案办理")],
                    [("发布机构:", "宿州市住房和城乡建设局")],
                    [("成文日期:", "2023-07-05"), ("发布日期:", "2023-07-06 10:12")],
                    [(nbsp("文号:"), "宿建函〔2023〕88号"), (split_label("有效", "性:"), "有效")],
                    [("生效时间:", ""), ("废止时间:", "暂无")],
                    [(nbsp("名称:"), GROUP_TITLE)],
                    [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
                ]
            ),
            source="宿州市住房和城乡建设局",
            pub_time="2023-07-06 10:12",
            editor="宿州信息公开021",
            body_html=paras(GROUP_PARAS),
        ),
        fields={
            "site": "www.ahsz.gov.cn",
            "title": GROUP_TITLE,
            "published_at": "2023-07-06 10:12:00",
            "source_name": "宿州市住房和城乡建设局",
            "editor": "宿州信息公开021",
            "body_text": "\n\n".join(GROUP_PARAS),
            "index_no": "003187306/202307-00012",
            "info_category": "政协委员提案办理",
            "issuer": "宿州市住房和城乡建设局",
            "written_date": "2023-07-05",
            "publish_date": "2023-07-06 10:12:00",
            "doc_no": "宿建函〔2023〕88号",
            "validity": "有效",
            "effective_date": None,
            "expiry_date": None,
            "doc_name": GROUP_TITLE,
            "consult_org": None,
            "consult_phone": None,
            "proposal_no": "0186",
            "session": "六届二次会议",
            "proposer": "民革宿州市委会",
            "proposal_title": "关于加快推进城市老旧小区改造的建议",
            "reply_class": "A",
            "contact_unit": "宿州市住房和城乡建设局",
            "contact_phone": "0557-3699120",
            "doc_type": "proposal_reply",
        },
        body_starts_with="尊敬的民革宿州市委会：",
        body_ends_with="联系电话：0557-3699120",
        body_not_contains=[*AHSZ_CHROME, "003187306/202307-00012"],
        attachments=[],
    )
)

# =============================================================== 7. 人大代表建议 reply on www.ahsz.gov.cn

RDJY_URL = "https://www.ahsz.gov.cn/public/6596221/191530012.html"
RDJY_TITLE = "关于市人大六届二次会议第0087号建议的答复"
RDJY_PARAS = [
    "尊敬的刘明华代表：",
    "您提出的《关于加强农村饮用水安全保障的建议》收悉。感谢您对水利工作的关心和支持，现答复如下：",
    "近年来，我局坚持把农村饮水安全作为重要民生工程，累计投入资金5.6亿元，实施城乡供水一体化项目12个，全市农村自来水普及率达到96.2%。",
    "下一步，我局将加快推进规模化供水工程建设和小型工程标准化改造，健全县级农村供水管理机构，落实水质检测制度，确保农村群众喝上放心水。",
    "宿州市水利局",
    "2023年6月28日",
    "办复类别：B类",
    "联系单位：宿州市水利局",
    "联系电话：0557-3022156",
]
case(
    Case(
        name="ahsz_rdjy_suggestion_reply",
        url=RDJY_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A people's-congress suggestion reply (代表, 建议) on the 宿州 portal: doc_type suggestion_reply; "
            "`办复类别：B类` with a full-width colon; 文号 printed `无` (a placeholder -> null, kept in metadata)."
        ),
        html=ahsz_page(
            host="www.ahsz.gov.cn",
            site_name="宿州市人民政府",
            site_id="3413000001",
            column="人大代表建议办理",
            url=RDJY_URL,
            title=RDJY_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187498/202306-00031"), ("信息分类:", "人大代表建议办理")],
                    [("发布机构:", "宿州市水利局")],
                    [("成文日期:", "2023-06-28"), ("发布日期:", "2023-06-29 15:40")],
                    [(nbsp("文号:"), "无"), (split_label("有效", "性:"), "有效")],
                    [("生效时间:", ""), ("废止时间:", "暂无")],
                    [(nbsp("名称:"), RDJY_TITLE)],
                    [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
                ]
            ),
            source="宿州市水利局",
            pub_time="2023-06-29 15:40",
            editor="宿州信息公开017",
            body_html=paras(RDJY_PARAS),
        ),
        fields={
            "site": "www.ahsz.gov.cn",
            "title": RDJY_TITLE,
            "published_at": "2023-06-29 15:40:00",
            "source_name": "宿州市水利局",
            "editor": "宿州信息公开017",
            "body_text": "\n\n".join(RDJY_PARAS),
            "index_no": "003187498/202306-00031",
            "info_category": "人大代表建议办理",
            "issuer": "宿州市水利局",
            "written_date": "2023-06-28",
            "publish_date": "2023-06-29 15:40:00",
            "doc_no": None,
            "validity": "有效",
            "effective_date": None,
            "expiry_date": None,
            "doc_name": RDJY_TITLE,
            "consult_org": None,
            "consult_phone": None,
            "proposal_no": "0087",
            "session": "六届二次会议",
            "proposer": "刘明华",
            "proposal_title": "关于加强农村饮用水安全保障的建议",
            "reply_class": "B",
            "contact_unit": "宿州市水利局",
            "contact_phone": "0557-3022156",
            "doc_type": "suggestion_reply",
            "metadata": {
                "索引号": "003187498/202306-00031",
                "信息分类": "人大代表建议办理",
                "发布机构": "宿州市水利局",
                "成文日期": "2023-06-28",
                "发布日期": "2023-06-29 15:40",
                "文号": "无",
                "有效性": "有效",
                "生效时间": "",
                "废止时间": "暂无",
                "名称": RDJY_TITLE,
                "政策咨询机关": "暂无",
                "政策咨询电话": "暂无",
            },
        },
        body_starts_with="尊敬的刘明华代表：",
        body_ends_with="联系电话：0557-3022156",
        body_not_contains=[*AHSZ_CHROME],
        attachments=[],
    )
)

# =============================================================== 8. an ahsz page copied onto a mirror host

MIRROR_URL = "https://www.zwgk365.com/ahsz/2023/191527714.html"
MIRROR_ORIG = "https://www.ahsz.gov.cn/public/6596211/191527714.html"
MIRROR_TITLE = "关于宿州市政协六届二次会议第0158号提案的答复"
MIRROR_PARAS = [
    "尊敬的朱红梅委员：",
    "您提出的《关于推进城乡教育优质均衡发展的建议》收悉，现答复如下：",
    "一是优化教育资源布局。2023年新建、改扩建中小学校21所，新增学位1.6万个，着力缓解城区“大班额”和农村“空心校”问题。",
    "二是推进教师队伍均衡配置。全面推行县管校聘改革，全年交流轮岗教师1260人次，其中骨干教师占比达到22%。",
    "三是深化集团化办学。组建城乡教育共同体48个，实现优质课程资源在线共享，农村学校开齐开足课程率达到100%。",
    "办复类别:A类",
    "联系单位:宿州市教育局",
    "联系电话:0557-3915060",
]
MIRROR_HEADER = suoyin_table(
    [
        [(split_label("索引", "号:"), "003187151/202306-00044"), ("信息分类:", "政协委员提案办理")],
        [("发布机构:", "宿州市教育局")],
        [("成文日期:", "2023-06-25"), ("发布日期:", "2023-06-26 16:08")],
        [(nbsp("文号:"), ""), (split_label("有效", "性:"), "有效")],
        [("生效时间:", ""), ("废止时间:", "暂无")],
        [(nbsp("名称:"), MIRROR_TITLE)],
        [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
    ]
)
MIRROR_HTML = f"""<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="UTF-8">
<title>{escape(MIRROR_TITLE)} - 政务公开文件库</title>
<meta name="keywords" content="宿州,政协提案,答复,教育">
<link rel="stylesheet" href="https://cdn.zwgk365.com/css/main.8f3a2c.css">
<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>
</head>
<body>
<header class="site-header">
  <a class="brand" href="/">政务公开文件库</a>
  <nav><a href="/">首页</a><a href="/zhengce/">政策文件</a><a href="/tian/">提案建议</a><a href="/ahsz/">宿州</a><a href="/about.html">关于本站</a></nav>
  <form action="/search" class="site-search"><input name="kw" placeholder="搜索文件标题、文号"><button>搜索</button></form>
</header>
<main class="layout">
  <article class="doc">
    <div class="crumb">首页 / 提案建议 / 宿州市 / 正文</div>
{MIRROR_HEADER}
    <h1 class="newstitle">{escape(MIRROR_TITLE)}</h1>
    <div class="newsinfo">来源:宿州市教育局 浏览量: 发表时间:2023-06-26 16:08 编辑:宿州信息公开012</div>
    <div class="doc-body">
{paras(MIRROR_PARAS)}
    </div>
    <p class="doc-origin">原文链接：<a href="{MIRROR_ORIG}" rel="nofollow">{MIRROR_ORIG}</a></p>
    <div class="ad-slot"><ins class="adsbygoogle" data-ad-client="ca-pub-0000000000000000"></ins>广告</div>
    <div class="doc-note">本站内容均收集自政府网站公开信息，仅供查阅参考，请以原发布机关为准。</div>
  </article>
  <aside class="side">
    <section><h3>热门文件</h3><ul>
      <li><a href="/ahsz/2023/191401491.html">关于宿州市政协六届二次会议第0321号提案的答复</a><span>06-20</span></li>
      <li><a href="/ahsz/2023/191523337.html">关于宿州市政协六届二次会议第0186号提案的答复</a><span>07-06</span></li>
    </ul></section>
  </aside>
</main>
<footer class="site-footer">&copy; 2024 zwgk365.com 政务公开文件库 <a href="https://beian.miit.gov.cn/">浙ICP备2021034567号-1</a></footer>
</body>
</html>
"""
case(
    Case(
        name="mirror_ahsz_reply_copy",
        url=MIRROR_URL,
        content_type="text/html; charset=UTF-8",
        encoding="utf-8",
        description=(
            "A 宿州 proposal reply copied onto an unrelated non-government host with the table_suoyin header, "
            "h1.newstitle and info line intact but the body in the mirror's own div.doc-body: parsing must not "
            "depend on the host name. 原文链接：<url> (full-width colon) -> original_url."
        ),
        html=MIRROR_HTML,
        fields={
            "site": "www.zwgk365.com",
            "title": MIRROR_TITLE,
            "published_at": "2023-06-26 16:08:00",
            "source_name": "宿州市教育局",
            "editor": "宿州信息公开012",
            "original_url": MIRROR_ORIG,
            "body_text": "\n\n".join(MIRROR_PARAS),
            "index_no": "003187151/202306-00044",
            "info_category": "政协委员提案办理",
            "issuer": "宿州市教育局",
            "written_date": "2023-06-25",
            "publish_date": "2023-06-26 16:08:00",
            "doc_no": None,
            "validity": "有效",
            "effective_date": None,
            "expiry_date": None,
            "doc_name": MIRROR_TITLE,
            "consult_org": None,
            "consult_phone": None,
            "proposal_no": "0158",
            "session": "六届二次会议",
            "proposer": "朱红梅",
            "proposal_title": "关于推进城乡教育优质均衡发展的建议",
            "reply_class": "A",
            "contact_unit": "宿州市教育局",
            "contact_phone": "0557-3915060",
            "doc_type": "proposal_reply",
        },
        body_starts_with="尊敬的朱红梅委员：",
        body_ends_with="联系电话:0557-3915060",
        body_not_contains=["原文链接", "热门文件", "广告", "仅供查阅参考", "ICP备", "政务公开文件库", "003187151"],
        attachments=[],
    )
)

# =============================================================== 23. attachments

ATT_URL = "https://www.ahsz.gov.cn/public/6596451/191534567.html"
ATT_TITLE = "宿州市财政局关于下达2023年第二批中央财政衔接推进乡村振兴补助资金的通知"
ATT_PARAS = [
    "各县、区财政局、农业农村局、乡村振兴局：",
    "根据《安徽省财政厅关于下达2023年第二批中央财政衔接推进乡村振兴补助资金的通知》（皖财农〔2023〕512号），现将资金分配下达给你们（详见附件），请按规定及时拨付使用。",
    "项目实施单位要严格执行资金管理办法，确保专款专用，按要求做好绩效目标管理和绩效自评工作。",
]
ATT_LINKS = [
    ("/group3/M00/0A/1B/rBIAB2SRxQaAbc12AAE5xHqLmQs123.pdf", "附件1：2023年第二批资金分配表.pdf", "https://www.ahsz.gov.cn/group3/M00/0A/1B/rBIAB2SRxQaAbc12AAE5xHqLmQs123.pdf"),
    ("../../group3/M00/0A/1C/rBIAB2SRxRyAPq34AAB7kLm0Jdw456.doc", "附件2：区域绩效目标表.doc", "https://www.ahsz.gov.cn/group3/M00/0A/1C/rBIAB2SRxRyAPq34AAB7kLm0Jdw456.doc"),
    ("https://file.ahsz.gov.cn/uploads/2023/06/20230620093512345.docx", "附件3：项目绩效自评表.docx", "https://file.ahsz.gov.cn/uploads/2023/06/20230620093512345.docx"),
    ("./P020230620512345678901.xls", "附件4：资金明细表.xls", "https://www.ahsz.gov.cn/public/6596451/P020230620512345678901.xls"),
    ("/group3/M00/0A/1D/rBIAB2SRxSmAXy56AAA9pQrs8Uc789.wps", "附件5：申报说明.wps", "https://www.ahsz.gov.cn/group3/M00/0A/1D/rBIAB2SRxSmAXy56AAA9pQrs8Uc789.wps"),
    ("http://www.ahsz.gov.cn/group3/M00/0A/1E/rBIAB2SRxTeAKl78AHh3mVt0Q2k012.zip", "附件6：相关材料打包下载.zip", "http://www.ahsz.gov.cn/group3/M00/0A/1E/rBIAB2SRxTeAKl78AHh3mVt0Q2k012.zip"),
]
ATT_BODY = (
    paras(ATT_PARAS)
    + '\n<p>（政策原文见<a href="https://czt.ah.gov.cn/public/7041/148123456.html" target="_blank">安徽省财政厅网站</a>）</p>'
    + "\n<p>附件：</p>\n"
    + "\n".join(f'<p><a href="{href}" target="_blank" title="{escape(text)}">{escape(text, quote=False)}</a></p>' for href, text, _ in ATT_LINKS)
    + "\n<p>宿州市财政局</p>\n<p>2023年6月20日</p>"
)
case(
    Case(
        name="ahsz_attachments_disclosure",
        url=ATT_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A disclosure whose body links six attachments (.pdf .doc .docx .xls .wps .zip) through root-relative, "
            "../ and ./ relative, and absolute (other host, http) hrefs: attachments are the absolute URLs with the "
            "link text as name, in page order. An .html link in the body is not an attachment, and the sidebar's "
            "annual-report .pdf is chrome, not part of the record."
        ),
        html=ahsz_page(
            host="www.ahsz.gov.cn",
            site_name="宿州市人民政府",
            site_id="3413000001",
            column="财政资金",
            url=ATT_URL,
            title=ATT_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187222/202306-00052"), ("信息分类:", "财政资金")],
                    [("发布机构:", "宿州市财政局")],
                    [("成文日期:", "2023-06-20"), ("发布日期:", "2023-06-21 09:05")],
                    [(nbsp("文号:"), "宿财农〔2023〕203号"), (split_label("有效", "性:"), "有效")],
                    [("生效时间:", "2023-06-20"), ("废止时间:", "暂无")],
                    [(nbsp("名称:"), ATT_TITLE)],
                    [("政策咨询机关:", "宿州市财政局农业农村科"), ("政策咨询电话:", "0557-3041208")],
                ]
            ),
            source="宿州市财政局",
            pub_time="2023-06-21 09:05",
            editor="宿州信息公开015",
            body_html=ATT_BODY,
            sidebar_extra='    <div class="ndbb"><h3>年度报表</h3><a href="/group3/M00/01/02/ndbb2022.pdf">2022年政府网站工作年度报表.pdf</a></div>',
        ),
        fields={
            "site": "www.ahsz.gov.cn",
            "title": ATT_TITLE,
            "published_at": "2023-06-21 09:05:00",
            "source_name": "宿州市财政局",
            "index_no": "003187222/202306-00052",
            "issuer": "宿州市财政局",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-21 09:05:00",
            "doc_no": "宿财农〔2023〕203号",
            "validity": "有效",
            "effective_date": "2023-06-20",
            "expiry_date": None,
            "consult_org": "宿州市财政局农业农村科",
            "consult_phone": "0557-3041208",
            **NULL_REPLY,
            "doc_type": "disclosure",
        },
        body_starts_with="各县、区财政局、农业农村局、乡村振兴局：",
        body_ends_with="2023年6月20日",
        body_contains=["附件1：2023年第二批资金分配表.pdf", "附件6：相关材料打包下载.zip"],
        body_not_contains=[*AHSZ_CHROME, "年度报表"],
        attachments=[{"name": text, "url": url} for _, text, url in ATT_LINKS],
    )
)

# =============================================================== 24. empty body

EMPTY_URL = "https://www.ahsz.gov.cn/content/detail/64c1d2e37f8b9a3f45678901.html"
EMPTY_TITLE = "市领导调研重点项目建设"
case(
    Case(
        name="ahsz_empty_body",
        url=EMPTY_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "An article page whose content div is empty (only an &nbsp; paragraph and whitespace left after the "
            "picture was taken down): body_text must be null, not chrome pulled in by a fallback."
        ),
        html=ahsz_page(
            host="www.ahsz.gov.cn",
            site_name="宿州市人民政府",
            site_id="3413000001",
            column="政务要闻",
            url=EMPTY_URL,
            title=EMPTY_TITLE,
            header_html="",
            source="宿州日报",
            pub_time="2023-06-19 18:40",
            editor="张敏",
            body_html="        <p>&nbsp;</p>\n        <p><br></p>",
        ),
        fields={
            "site": "www.ahsz.gov.cn",
            "title": EMPTY_TITLE,
            "published_at": "2023-06-19 18:40:00",
            "source_name": "宿州日报",
            "editor": "张敏",
            "body_text": None,
            **NULL_HEADER,
            **NULL_REPLY,
            "doc_type": "article",
            "metadata": {},
        },
        attachments=[],
    )
)

# =============================================================== 27. colon variants and 无 / - placeholders

COLON_URL = "https://kjj.ahsz.gov.cn/public/2655591/191356789.html"
COLON_TITLE = "宿州市科学技术局2022年法治政府建设年度报告"
COLON_PARAS = [
    "2022年，市科技局深入贯彻落实习近平法治思想，全面推进依法行政，法治政府建设各项工作取得新成效。",
    "一、加强组织领导。调整充实局法治政府建设工作领导小组，将法治建设纳入年度目标考核。",
    "二、规范行政决策。严格落实重大行政决策程序，全年开展合法性审查12件，行政规范性文件备案率100%。",
    "三、推进政务公开。全年主动公开政府信息386条，依申请公开办结率100%。",
]
case(
    Case(
        name="ahsz_kjj_colon_variants",
        url=COLON_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "table_suoyin header with full-width colons in labels (`文&nbsp;&nbsp;号：`) and the placeholders `无` "
            "and `-` (both -> null, kept as printed in metadata); consult org/phone filled."
        ),
        html=ahsz_page(
            host="kjj.ahsz.gov.cn",
            site_name="宿州市科学技术局",
            site_id="3413000025",
            column="法治政府建设",
            url=COLON_URL,
            title=COLON_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号："), "003187413/202303-00004"), ("信息分类：", "法治政府建设")],
                    [("发布机构：", "宿州市科技局")],
                    [("成文日期：", "2023-03-15"), ("发布日期：", "2023-03-15 16:20")],
                    [(nbsp("文号："), "无"), (split_label("有效", "性："), "-")],
                    [("生效时间：", "-"), ("废止时间：", "-")],
                    [(nbsp("名称："), COLON_TITLE)],
                    [("政策咨询机关：", "宿州市科技局办公室"), ("政策咨询电话：", "0557-3022482")],
                ]
            ),
            source="宿州市科技局",
            pub_time="2023-03-15 16:20",
            editor="宿州信息公开009",
            body_html=paras(COLON_PARAS),
        ),
        fields={
            "site": "kjj.ahsz.gov.cn",
            "title": COLON_TITLE,
            "published_at": "2023-03-15 16:20:00",
            "source_name": "宿州市科技局",
            "editor": "宿州信息公开009",
            "body_text": "\n\n".join(COLON_PARAS),
            "index_no": "003187413/202303-00004",
            "info_category": "法治政府建设",
            "issuer": "宿州市科技局",
            "written_date": "2023-03-15",
            "publish_date": "2023-03-15 16:20:00",
            "doc_no": None,
            "validity": None,
            "effective_date": None,
            "expiry_date": None,
            "doc_name": COLON_TITLE,
            "consult_org": "宿州市科技局办公室",
            "consult_phone": "0557-3022482",
            **NULL_REPLY,
            "doc_type": "disclosure",
            "metadata": {
                "索引号": "003187413/202303-00004",
                "信息分类": "法治政府建设",
                "发布机构": "宿州市科技局",
                "成文日期": "2023-03-15",
                "发布日期": "2023-03-15 16:20",
                "文号": "无",
                "有效性": "-",
                "生效时间": "-",
                "废止时间": "-",
                "名称": COLON_TITLE,
                "政策咨询机关": "宿州市科技局办公室",
                "政策咨询电话": "0557-3022482",
            },
        },
        body_starts_with="2022年，市科技局深入贯彻落实习近平法治思想",
        body_ends_with="依申请公开办结率100%。",
        body_not_contains=[*AHSZ_CHROME],
        attachments=[],
    )
)

# =============================================================== 28. two proposers in one salutation

MULTI_URL = "https://www.ahsz.gov.cn/public/6596211/191525588.html"
MULTI_TITLE = "关于宿州市政协六届二次会议第0254号提案的答复"
MULTI_PARAS = [
    "尊敬的张伟、李娜委员：",
    "您们提出的《关于加快建设宿州城市公园绿地的建议》收悉。现答复如下：",
    "近年来，我市按照“300米见绿、500米见园”的目标，新建改造口袋公园46个，城市建成区绿地率达到39.2%。",
    "您们建议在新汴河两岸建设带状公园，因涉及防洪堤安全和土地权属调整，目前暂不具备实施条件，我局将积极与水利部门沟通，在条件成熟时纳入计划。",
    "办复类别:C类",
    "联系单位:宿州市林业局",
    "联系电话:0557-3051206",
]
case(
    Case(
        name="ahsz_zxta_two_proposers",
        url=MULTI_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A reply to a jointly submitted proposal: `尊敬的张伟、李娜委员：`. Rule: proposer keeps every name as "
            "printed, joined by the page's own 、 (`张伟、李娜`), with the trailing 委员 removed. `办复类别:C类`."
        ),
        html=ahsz_page(
            host="www.ahsz.gov.cn",
            site_name="宿州市人民政府",
            site_id="3413000001",
            column="政协委员提案办理",
            url=MULTI_URL,
            title=MULTI_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187355/202307-00008"), ("信息分类:", "政协委员提案办理")],
                    [("发布机构:", "宿州市林业局")],
                    [("成文日期:", "2023-07-08"), ("发布日期:", "2023-07-10 11:45")],
                    [(nbsp("文号:"), ""), (split_label("有效", "性:"), "有效")],
                    [("生效时间:", ""), ("废止时间:", "暂无")],
                    [(nbsp("名称:"), MULTI_TITLE)],
                    [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
                ]
            ),
            source="宿州市林业局",
            pub_time="2023-07-10 11:45",
            editor="宿州信息公开026",
            body_html=paras(MULTI_PARAS),
        ),
        fields={
            "site": "www.ahsz.gov.cn",
            "title": MULTI_TITLE,
            "published_at": "2023-07-10 11:45:00",
            "source_name": "宿州市林业局",
            "body_text": "\n\n".join(MULTI_PARAS),
            "index_no": "003187355/202307-00008",
            "issuer": "宿州市林业局",
            "written_date": "2023-07-08",
            "publish_date": "2023-07-10 11:45:00",
            "proposal_no": "0254",
            "session": "六届二次会议",
            "proposer": "张伟、李娜",
            "proposal_title": "关于加快建设宿州城市公园绿地的建议",
            "reply_class": "C",
            "contact_unit": "宿州市林业局",
            "contact_phone": "0557-3051206",
            "doc_type": "proposal_reply",
        },
        body_starts_with="尊敬的张伟、李娜委员：",
        body_ends_with="联系电话:0557-3051206",
        body_not_contains=[*AHSZ_CHROME],
        attachments=[],
    )
)


# =============================================================== 29. a report ABOUT replies is not a reply

REPORT_URL = "https://www.ahsz.gov.cn/public/6596181/191402233.html"
REPORT_TITLE = "宿州市人民政府办公室关于2022年度人大代表建议和政协委员提案办理工作情况的报告"
REPORT_PARAS = [
    "2022年，市政府共承办市人大代表建议286件、市政协委员提案412件，已全部按期办结，办结率100%。",
    "从办理结果看，代表建议中办复类别为A类的153件、B类的112件、C类的21件；委员提案中A类226件、B类165件、C类21件。",
    "其中，市政协六届一次会议第0321号提案提出的城市数字化转型建议，已纳入《宿州市数字政府建设实施方案》。",
    "下一步，市政府将进一步健全建议提案办理工作机制，推动办理工作由“重答复”向“重落实”转变。",
]
case(
    Case(
        name="ahsz_report_on_replies_not_a_reply",
        url=REPORT_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A disclosure that talks about replies (A类/B类 counts, a 第0321号提案, 代表/委员) without being one: "
            "no salutation, no trailer, title is not `关于...第N号提案/建议的答复`, so every reply column is null "
            "and doc_type is disclosure. Guards against keyword-only reply detection."
        ),
        html=ahsz_page(
            host="www.ahsz.gov.cn",
            site_name="宿州市人民政府",
            site_id="3413000001",
            column="建议提案办理",
            url=REPORT_URL,
            title=REPORT_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187009/202303-00027"), ("信息分类:", "建议提案办理")],
                    [("发布机构:", "宿州市人民政府办公室")],
                    [("成文日期:", "2023-03-10"), ("发布日期:", "2023-03-13 10:00")],
                    [(nbsp("文号:"), ""), (split_label("有效", "性:"), "有效")],
                    [("生效时间:", ""), ("废止时间:", "暂无")],
                    [(nbsp("名称:"), REPORT_TITLE)],
                    [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
                ]
            ),
            source="宿州市人民政府办公室",
            pub_time="2023-03-13 10:00",
            editor="宿州信息公开001",
            body_html=paras(REPORT_PARAS),
        ),
        fields={
            "site": "www.ahsz.gov.cn",
            "title": REPORT_TITLE,
            "published_at": "2023-03-13 10:00:00",
            "source_name": "宿州市人民政府办公室",
            "body_text": "\n\n".join(REPORT_PARAS),
            "index_no": "003187009/202303-00027",
            "info_category": "建议提案办理",
            "issuer": "宿州市人民政府办公室",
            "written_date": "2023-03-10",
            "publish_date": "2023-03-13 10:00:00",
            **NULL_REPLY,
            "doc_type": "disclosure",
        },
        body_starts_with="2022年，市政府共承办市人大代表建议286件",
        body_ends_with="推动办理工作由“重答复”向“重落实”转变。",
        body_not_contains=[*AHSZ_CHROME],
        attachments=[],
    )
)
