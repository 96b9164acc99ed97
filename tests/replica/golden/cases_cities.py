"""Cases on the other 安徽 city portals: 滁州 (td/td), 阜阳 (dl/dt/dd, plain lines), 六安 (ul/li/span)."""

from __future__ import annotations

from chrome import (
    city_page,
    dl_header,
    lines_header,
    paras,
    td_table,
    ul_header,
)
from spec import (
    CITY_CHROME,
    NULL_HEADER,
    NULL_REPLY,
    Case,
    case,
)

# =============================================================== 9-10. 滁州: header as td/td, one pair a row

CHUZHOU = {
    "host": "www.chuzhou.gov.cn",
    "site_name": "滁州市人民政府",
    "site_id": "3411000001",
    "icp": "皖ICP备05001896号",
}
CZ_DISC_URL = "https://www.chuzhou.gov.cn/public/161054281/1108123456.html"
CZ_DISC_TITLE = "滁州市人民政府办公室关于印发滁州市2023年优化营商环境工作要点的通知"
CZ_DISC_PARAS = [
    "各县、市、区人民政府，市政府各部门、各直属机构：",
    "《滁州市2023年优化营商环境工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。",
    "一、总体要求",
    "以市场主体需求为导向，对标长三角先进地区，持续深化“放管服”改革，全力打造市场化法治化国际化一流营商环境。",
    "二、重点任务",
    "（一）提升政务服务效能。全面推行“一网通办”“跨省通办”，2023年底前政务服务事项全程网办率达到90%以上。",
    "（二）降低企业经营成本。落实落细减税降费政策，规范涉企收费，全年为市场主体减负20亿元以上。",
    "滁州市人民政府办公室",
    "2023年6月20日",
]
CZ_DISC_PAIRS = [
    ("索引号：", "11341100003205946L/202306-00058"),
    ("信息分类：", "通知"),
    ("主题分类：", "综合政务/其他"),
    ("体裁分类：", "通知"),
    ("发布机构：", "滁州市人民政府办公室"),
    ("成文日期：", "2023年06月20日"),
    ("发布日期：", "2023年06月20日"),
    ("文号：", "滁政办秘〔2023〕36号"),
    ("有效性：", "有效"),
    ("生效时间：", "2023年06月20日"),
    ("废止时间：", "无"),
    ("名称：", CZ_DISC_TITLE),
    ("公开方式：", "主动公开"),
    ("公开范围：", "面向社会"),
]
case(
    Case(
        name="chuzhou_td_disclosure",
        url=CZ_DISC_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "滁州 disclosure header as a plain table (label cells are ordinary td, one pair per row) with the "
            "extra labels 主题分类/体裁分类/公开方式/公开范围 (kept in metadata only); dates written "
            "2023年06月20日; 废止时间 `无` -> null; body paragraphs indented with full-width spaces (stripped)."
        ),
        html=city_page(
            **CHUZHOU,
            column="市政府办公室文件",
            url=CZ_DISC_URL,
            title=CZ_DISC_TITLE,
            header_html=td_table(CZ_DISC_PAIRS),
            info_html='<span>信息来源：滁州市人民政府办公室</span> <span>发布时间：2023-06-20 17:05</span> <span>浏览次数：<i id="hits">0</i></span>',
            body_html=paras(CZ_DISC_PARAS, indent="　　"),
            pub_date="2023-06-20 17:05",
            source="滁州市人民政府办公室",
        ),
        fields={
            "site": "www.chuzhou.gov.cn",
            "title": CZ_DISC_TITLE,
            "published_at": "2023-06-20 17:05:00",
            "source_name": "滁州市人民政府办公室",
            "body_text": "\n\n".join(CZ_DISC_PARAS),
            "index_no": "11341100003205946L/202306-00058",
            "info_category": "通知",
            "issuer": "滁州市人民政府办公室",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-20 00:00:00",
            "doc_no": "滁政办秘〔2023〕36号",
            "validity": "有效",
            "effective_date": "2023-06-20",
            "expiry_date": None,
            "doc_name": CZ_DISC_TITLE,
            "consult_org": None,
            "consult_phone": None,
            **NULL_REPLY,
            "doc_type": "disclosure",
            "metadata": {label.rstrip("："): value for label, value in CZ_DISC_PAIRS},
        },
        body_starts_with="各县、市、区人民政府，市政府各部门、各直属机构：",
        body_ends_with="2023年6月20日",
        body_contains=["（一）提升政务服务效能。"],
        body_not_contains=[*CITY_CHROME, "主题分类", "面向社会", "信息来源", "浏览次数"],
        attachments=[],
    )
)

CZ_SUG_URL = "https://www.chuzhou.gov.cn/public/161054311/1108234567.html"
CZ_SUG_TITLE = "关于滁州市人大十三届一次会议第20230045号建议的答复"
CZ_SUG_PARAS = [
    "尊敬的陈立军代表：",
    "您在市人大十三届一次会议上提出的《关于加快滁州高铁新城配套设施建设的建议》收悉。经与市自然资源和规划局、市住房城乡建设局会商，现答复如下：",
    "一、关于交通路网建设。高铁新城“三横四纵”主干路网已建成通车5条，其余2条计划于2023年底前完工。",
    "二、关于公交线路优化。市公交集团已新开、调整至高铁站的公交线路6条，高峰时段发车间隔缩短至8分钟。",
    "三、关于停车设施配套。高铁站东、西广场新增停车泊位1200个，并同步建设充电桩200个。",
    "再次感谢您对交通运输工作的关心和支持。",
    "办复类别：B类",
    "联系单位：滁州市交通运输局　联系人：张伟　联系电话：0550-3023721",
]
case(
    Case(
        name="chuzhou_td_suggestion_reply",
        url=CZ_SUG_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "滁州 suggestion reply: number printed 第20230045号 -> proposal_no '20230045', session 十三届一次会议; "
            "the trailer puts 联系单位/联系人/联系电话 on one line separated by full-width spaces; header td/td "
            "with dates 2023年07月10日."
        ),
        html=city_page(
            **CHUZHOU,
            column="人大代表建议办理",
            url=CZ_SUG_URL,
            title=CZ_SUG_TITLE,
            header_html=td_table(
                [
                    ("索引号：", "11341100003205012R/202307-00009"),
                    ("信息分类：", "人大代表建议办理"),
                    ("发布机构：", "滁州市交通运输局"),
                    ("成文日期：", "2023年07月10日"),
                    ("发布日期：", "2023年07月11日"),
                    ("文号：", ""),
                    ("有效性：", ""),
                    ("名称：", CZ_SUG_TITLE),
                ]
            ),
            info_html='<span>信息来源：滁州市交通运输局</span> <span>发布时间：2023-07-11 11:20</span>',
            body_html=paras(CZ_SUG_PARAS, indent="　　"),
            pub_date="2023-07-11 11:20",
            source="滁州市交通运输局",
        ),
        fields={
            "site": "www.chuzhou.gov.cn",
            "title": CZ_SUG_TITLE,
            "published_at": "2023-07-11 11:20:00",
            "source_name": "滁州市交通运输局",
            "index_no": "11341100003205012R/202307-00009",
            "info_category": "人大代表建议办理",
            "issuer": "滁州市交通运输局",
            "written_date": "2023-07-10",
            "publish_date": "2023-07-11 00:00:00",
            "doc_no": None,
            "validity": None,
            "doc_name": CZ_SUG_TITLE,
            "proposal_no": "20230045",
            "session": "十三届一次会议",
            "proposer": "陈立军",
            "proposal_title": "关于加快滁州高铁新城配套设施建设的建议",
            "reply_class": "B",
            "contact_unit": "滁州市交通运输局",
            "contact_phone": "0550-3023721",
            "doc_type": "suggestion_reply",
        },
        body_starts_with="尊敬的陈立军代表：",
        body_ends_with="联系电话：0550-3023721",
        body_contains=["办复类别：B类"],
        body_not_contains=[*CITY_CHROME, "11341100003205012R"],
        attachments=[],
    )
)

# =============================================================== 11-12. 阜阳: header as dl/dt/dd

FY = {"host": "www.fy.gov.cn", "site_name": "阜阳市人民政府", "site_id": "3412000001", "icp": "皖ICP备05003106号"}
FY_DISC_URL = "https://www.fy.gov.cn/public/6632591/1501234567.html"
FY_DISC_TITLE = "阜阳市科学技术局关于开展2023年全国科技活动周的通知"
FY_DISC_PARAS = [
    "各县市区科技局，阜合现代产业园区、阜阳经济技术开发区科技部门，市直有关单位：",
    "根据科技部、中宣部、中国科协关于举办2023年全国科技活动周的通知精神，经研究，决定于5月20日至27日在全市开展2023年科技活动周。现将有关事项通知如下：",
    "一、活动主题：热爱科学 崇尚科学。",
    "二、主要活动：举办科技成果展、科普进社区进乡村、科技专家下基层服务等活动，各地要结合实际开展特色科普活动。",
    "三、工作要求：各单位要加强组织领导，于5月31日前将活动总结报送市科技局。",
    "阜阳市科学技术局",
    "2023年6月20日",
]
FY_DISC_PAIRS = [
    ("索 引 号：", "11341200003185628N/202306-00027"),
    ("信息分类：", "通知公告"),
    ("发布机构：", "阜阳市科学技术局"),
    ("成文日期：", "2023/6/20"),
    ("发布日期：", "2023/6/20"),
    ("文　　号：", "-"),
    ("有 效 性：", "有效"),
    ("生效时间：", "2023/6/20"),
    ("废止时间：", "-"),
    ("名　　称：", FY_DISC_TITLE),
]
case(
    Case(
        name="fy_dl_disclosure",
        url=FY_DISC_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "阜阳 disclosure header as one dl/dt/dd; labels spaced with ASCII and full-width spaces "
            "(`索 引 号`, `文　　号`), full-width colons; dates 2023/6/20; 文号 and 废止时间 printed `-`."
        ),
        html=city_page(
            **FY,
            column="通知公告",
            url=FY_DISC_URL,
            title=FY_DISC_TITLE,
            header_html=dl_header(FY_DISC_PAIRS),
            info_html='<span>发布时间：2023-06-20 10:30:15</span> <span>来源：阜阳市科技局</span>',
            body_html=paras(FY_DISC_PARAS),
            pub_date="2023-06-20 10:30",
            source="阜阳市科技局",
        ),
        fields={
            "site": "www.fy.gov.cn",
            "title": FY_DISC_TITLE,
            "published_at": "2023-06-20 10:30:15",
            "source_name": "阜阳市科技局",
            "body_text": "\n\n".join(FY_DISC_PARAS),
            "index_no": "11341200003185628N/202306-00027",
            "info_category": "通知公告",
            "issuer": "阜阳市科学技术局",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-20 00:00:00",
            "doc_no": None,
            "validity": "有效",
            "effective_date": "2023-06-20",
            "expiry_date": None,
            "doc_name": FY_DISC_TITLE,
            "consult_org": None,
            "consult_phone": None,
            **NULL_REPLY,
            "doc_type": "disclosure",
            "metadata": {
                "索引号": "11341200003185628N/202306-00027",
                "信息分类": "通知公告",
                "发布机构": "阜阳市科学技术局",
                "成文日期": "2023/6/20",
                "发布日期": "2023/6/20",
                "文号": "-",
                "有效性": "有效",
                "生效时间": "2023/6/20",
                "废止时间": "-",
                "名称": FY_DISC_TITLE,
            },
        },
        body_starts_with="各县市区科技局",
        body_ends_with="2023年6月20日",
        body_not_contains=[*CITY_CHROME, "11341200003185628N", "发布时间"],
        attachments=[],
    )
)

FY_REPLY_URL = "https://www.fy.gov.cn/public/6632601/1501345678.html"
FY_REPLY_TITLE = "关于市政协五届二次会议第0145号提案的答复"
FY_REPLY_PARAS = [
    "尊敬的孙晓燕委员：",
    "您提出的《关于提升城区公共停车服务水平的建议》收悉，现答复如下：",
    "城区停车难是群众反映强烈的问题。近年来，我局会同相关部门新建公共停车场14处，新增泊位5600个，并上线智慧停车平台，实现车位查询、预约和无感支付。",
    "由于老城区用地紧张，您建议的在颍州路沿线新建立体停车库，目前暂不具备建设条件，我局将在国土空间规划修编中统筹考虑，待条件成熟后推进。",
    "阜阳市城市管理局",
    "2023年7月3日",
    "办理类别：Ｃ类",
    "联系单位：阜阳市城市管理局",
    "联系电话：0558-2285106",
]
case(
    Case(
        name="fy_dl_proposal_reply",
        url=FY_REPLY_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "阜阳 proposal reply, dl/dt/dd header, dates 2023/7/3; reply class printed `办理类别：Ｃ类` with a "
            "full-width letter -> 'C'."
        ),
        html=city_page(
            **FY,
            column="政协提案办理",
            url=FY_REPLY_URL,
            title=FY_REPLY_TITLE,
            header_html=dl_header(
                [
                    ("索 引 号：", "11341200MB1950371F/202307-00006"),
                    ("信息分类：", "政协提案办理"),
                    ("发布机构：", "阜阳市城市管理局"),
                    ("成文日期：", "2023/7/3"),
                    ("发布日期：", "2023/7/4"),
                    ("文　　号：", "阜城管函〔2023〕41号"),
                    ("有 效 性：", "有效"),
                    ("名　　称：", FY_REPLY_TITLE),
                ]
            ),
            info_html='<span>发布时间：2023-07-04 09:15:42</span> <span>来源：阜阳市城市管理局</span>',
            body_html=paras(FY_REPLY_PARAS),
            pub_date="2023-07-04 09:15",
            source="阜阳市城市管理局",
        ),
        fields={
            "site": "www.fy.gov.cn",
            "title": FY_REPLY_TITLE,
            "published_at": "2023-07-04 09:15:42",
            "source_name": "阜阳市城市管理局",
            "body_text": "\n\n".join(FY_REPLY_PARAS),
            "index_no": "11341200MB1950371F/202307-00006",
            "info_category": "政协提案办理",
            "issuer": "阜阳市城市管理局",
            "written_date": "2023-07-03",
            "publish_date": "2023-07-04 00:00:00",
            "doc_no": "阜城管函〔2023〕41号",
            "validity": "有效",
            "doc_name": FY_REPLY_TITLE,
            "proposal_no": "0145",
            "session": "五届二次会议",
            "proposer": "孙晓燕",
            "proposal_title": "关于提升城区公共停车服务水平的建议",
            "reply_class": "C",
            "contact_unit": "阜阳市城市管理局",
            "contact_phone": "0558-2285106",
            "doc_type": "proposal_reply",
        },
        body_starts_with="尊敬的孙晓燕委员：",
        body_ends_with="联系电话：0558-2285106",
        body_contains=["办理类别：Ｃ类"],
        body_not_contains=[*CITY_CHROME],
        attachments=[],
    )
)

# =============================================================== 13-14. 六安: header as ul/li/span

LUAN = {"host": "www.luan.gov.cn", "site_name": "六安市人民政府", "site_id": "3415000001", "icp": "皖ICP备05002317号"}
LUAN_DISC_URL = "https://www.luan.gov.cn/public/6596931/1590123456.html"
LUAN_DISC_TITLE = "六安市人民政府关于调整六安市城区土地级别与基准地价的通知"
LUAN_DISC_PARAS = [
    "各县区人民政府，市开发区管委，市政府各部门、各直属机构：",
    "根据《中华人民共和国城市房地产管理法》和自然资源部有关规定，市政府决定对六安市城区土地级别与基准地价进行调整。现将有关事项通知如下：",
    "一、本次调整范围为六安市中心城区规划范围，调整后的基准地价自2023年7月1日起执行。",
    "二、基准地价是政府确定的各级别土地平均价格，是国有建设用地使用权出让、转让、出租、抵押等的价格参考依据。",
    "三、本通知由六安市自然资源和规划局负责解释。",
    "六安市人民政府",
    "2023年6月20日",
]
LUAN_DISC_PAIRS = [
    ("索引号：", "11341500MB1889630T/202306-00017"),
    ("信息分类：", "规划信息"),
    ("主题分类：", "城乡建设、环境保护/国土资源、能源"),
    ("发文机关：", "六安市人民政府"),
    ("发布机构：", "六安市自然资源和规划局"),
    ("成文日期：", "2023.06.20"),
    ("公开日期：", "2023.06.20"),
    ("文号：", "六政〔2023〕21号"),
    ("有效性：", "有效"),
    ("公开方式：", "主动公开"),
    ("公开范围：", "全部公开"),
]
case(
    Case(
        name="luan_ul_disclosure",
        url=LUAN_DISC_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "六安 disclosure header as ul/li with label and value spans; dates 2023.06.20; labels 发文机关 and "
            "公开日期 instead of 发布日期. Rule: 公开日期 fills publish_date when no 发布日期 exists (same "
            "meaning); issuer is 发布机构, 发文机关 stays in metadata only."
        ),
        html=city_page(
            **LUAN,
            column="规划信息",
            url=LUAN_DISC_URL,
            title=LUAN_DISC_TITLE,
            header_html=ul_header(LUAN_DISC_PAIRS),
            info_html='<span>发布日期：2023-06-20 16:45</span> <span>来源：六安市自然资源和规划局</span> <span>浏览量：<b id="hits"></b></span>',
            body_html=paras(LUAN_DISC_PARAS, indent="　　"),
            pub_date="2023-06-20 16:45",
            source="六安市自然资源和规划局",
            body_class="article-content",
        ),
        fields={
            "site": "www.luan.gov.cn",
            "title": LUAN_DISC_TITLE,
            "published_at": "2023-06-20 16:45:00",
            "source_name": "六安市自然资源和规划局",
            "body_text": "\n\n".join(LUAN_DISC_PARAS),
            "index_no": "11341500MB1889630T/202306-00017",
            "info_category": "规划信息",
            "issuer": "六安市自然资源和规划局",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-20 00:00:00",
            "doc_no": "六政〔2023〕21号",
            "validity": "有效",
            "effective_date": None,
            "expiry_date": None,
            "doc_name": None,
            "consult_org": None,
            "consult_phone": None,
            **NULL_REPLY,
            "doc_type": "disclosure",
            "metadata": {label.rstrip("："): value for label, value in LUAN_DISC_PAIRS},
        },
        body_starts_with="各县区人民政府",
        body_ends_with="2023年6月20日",
        body_not_contains=[*CITY_CHROME, "公开范围", "发文机关", "浏览量"],
        attachments=[],
    )
)

LUAN_REPLY_URL = "https://www.luan.gov.cn/public/6597001/1590234567.html"
LUAN_REPLY_TITLE = "关于市政协六届二次会议第0212号提案的答复"
LUAN_REPLY_PARAS = [
    "尊敬的周国庆委员：",
    "您提出的《关于加快发展六安茶产业的建议》收悉。现答复如下：",
    "2023年，全市茶园面积达到75万亩，茶叶产量2.9万吨，综合产值突破200亿元。我们以六安瓜片、霍山黄芽为重点，推进茶园标准化改造和品牌整合，新建标准化茶园3万亩。",
    "您提出的建设茶叶交易中心的建议已被采纳，市茶叶交易中心已于2023年5月建成运营。",
    "办复类别:A类",
    "联系单位:六安市农业农村局",
    "联系电话:0564-3378025",
]
case(
    Case(
        name="luan_ul_proposal_reply",
        url=LUAN_REPLY_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description="六安 proposal reply, ul/li/span header, dates 2023.06.20 and a 发布日期 with time `2023.06.21 08:30`.",
        html=city_page(
            **LUAN,
            column="政协提案办理",
            url=LUAN_REPLY_URL,
            title=LUAN_REPLY_TITLE,
            header_html=ul_header(
                [
                    ("索引号：", "11341500003198842K/202306-00029"),
                    ("信息分类：", "政协提案办理"),
                    ("发布机构：", "六安市农业农村局"),
                    ("成文日期：", "2023.06.20"),
                    ("发布日期：", "2023.06.21 08:30"),
                    ("文号：", "暂无"),
                    ("有效性：", "有效"),
                    ("名称：", LUAN_REPLY_TITLE),
                ]
            ),
            info_html='<span>发布日期：2023-06-21 08:30</span> <span>来源：六安市农业农村局</span>',
            body_html=paras(LUAN_REPLY_PARAS, indent="　　"),
            pub_date="2023-06-21 08:30",
            source="六安市农业农村局",
            body_class="article-content",
        ),
        fields={
            "site": "www.luan.gov.cn",
            "title": LUAN_REPLY_TITLE,
            "published_at": "2023-06-21 08:30:00",
            "source_name": "六安市农业农村局",
            "body_text": "\n\n".join(LUAN_REPLY_PARAS),
            "index_no": "11341500003198842K/202306-00029",
            "info_category": "政协提案办理",
            "issuer": "六安市农业农村局",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-21 08:30:00",
            "doc_no": None,
            "validity": "有效",
            "doc_name": LUAN_REPLY_TITLE,
            "proposal_no": "0212",
            "session": "六届二次会议",
            "proposer": "周国庆",
            "proposal_title": "关于加快发展六安茶产业的建议",
            "reply_class": "A",
            "contact_unit": "六安市农业农村局",
            "contact_phone": "0564-3378025",
            "doc_type": "proposal_reply",
        },
        body_starts_with="尊敬的周国庆委员：",
        body_ends_with="联系电话:0564-3378025",
        body_not_contains=[*CITY_CHROME],
        attachments=[],
    )
)

# =============================================================== 15. plain "label: value" lines

FY_LINES_URL = "https://www.fy.gov.cn/content/detail/64a1b2c37f8b9a1d23456789.html"
FY_LINES_TITLE = "阜阳市2023年上半年国民经济和社会发展计划执行情况"
FY_LINES_PARAS = [
    "今年以来，面对复杂严峻的外部环境，全市上下坚持稳中求进工作总基调，经济运行总体回升向好。",
    "一、主要指标完成情况",
    "上半年，全市地区生产总值1595.6亿元，同比增长5.8%；规模以上工业增加值增长8.1%；固定资产投资增长9.6%；社会消费品零售总额增长6.9%。",
    "二、下半年工作安排",
    "围绕全年目标任务，聚焦项目建设、产业升级、消费扩容、民生保障等重点领域，加力推进各项工作，确保完成年度目标。",
]
case(
    Case(
        name="fy_plain_lines_disclosure",
        url=FY_LINES_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "Header as plain text lines in a div (label, colon, value, <br>), colons mixed `:` and `：`; "
            "文号 `暂无`, 有效性 empty -> null; dates 2023-06-20 (date only: publish_date midnight). "
            "The date line has no time either, so published_at is 2023-06-20 00:00:00."
        ),
        html=city_page(
            **FY,
            column="计划总结",
            url=FY_LINES_URL,
            title=FY_LINES_TITLE,
            header_html=lines_header(
                [
                    ("索引号:", "11341200003185943Y/202307-00011"),
                    ("信息分类:", "计划总结"),
                    ("发布机构：", "阜阳市发展和改革委员会"),
                    ("成文日期：", "2023-06-20"),
                    ("发布日期:", "2023-06-20"),
                    ("文号:", "暂无"),
                    ("有效性:", ""),
                ]
            ),
            info_html='<span>时间：2023-06-20</span> <span>来源：市发展改革委</span>',
            body_html=paras(FY_LINES_PARAS),
            pub_date="2023-06-20",
            source="市发展改革委",
        ),
        fields={
            "site": "www.fy.gov.cn",
            "title": FY_LINES_TITLE,
            "published_at": "2023-06-20 00:00:00",
            "source_name": "市发展改革委",
            "body_text": "\n\n".join(FY_LINES_PARAS),
            "index_no": "11341200003185943Y/202307-00011",
            "info_category": "计划总结",
            "issuer": "阜阳市发展和改革委员会",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-20 00:00:00",
            "doc_no": None,
            "validity": None,
            "effective_date": None,
            "expiry_date": None,
            "doc_name": None,
            **NULL_REPLY,
            "doc_type": "disclosure",
            "metadata": {
                "索引号": "11341200003185943Y/202307-00011",
                "信息分类": "计划总结",
                "发布机构": "阜阳市发展和改革委员会",
                "成文日期": "2023-06-20",
                "发布日期": "2023-06-20",
                "文号": "暂无",
                "有效性": "",
            },
        },
        body_starts_with="今年以来，面对复杂严峻的外部环境",
        body_ends_with="确保完成年度目标。",
        body_not_contains=[*CITY_CHROME, "11341200003185943Y", "阜阳市发展和改革委员会"],
        attachments=[],
    )
)

# =============================================================== 16. a reply without any disclosure header

NOHDR_URL = "https://www.chuzhou.gov.cn/content/detail/64b0c1d27f8b9a2e34567890.html"
NOHDR_TITLE = "关于市政协七届二次会议第0098号提案的答复"
NOHDR_PARAS = [
    "尊敬的黄海燕委员：",
    "您提出的《关于加强中小学生心理健康教育的建议》收悉，感谢您对教育工作的关心和支持。现答复如下：",
    "一、配齐配强心理健康教师。2023年全市新招聘专职心理健康教师86名，实现每所中学至少配备1名专职心理健康教师。",
    "二、完善心理健康监测预警机制。建立学生心理健康档案，每学期开展一次心理健康测评，对重点学生实行“一生一策”。",
    "三、加强家校协同。依托家长学校开展心理健康专题讲座，全年覆盖家长12万人次。",
    "办复类别：B类",
    "联系单位：滁州市教育体育局",
    "联系电话：0550-3037516",
]
case(
    Case(
        name="chuzhou_reply_no_header",
        url=NOHDR_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "A proposal reply published as an ordinary article (no disclosure header at all): the reply columns "
            "come from title, salutation and trailer alone; every header column and metadata are empty."
        ),
        html=city_page(
            **CHUZHOU,
            column="建议提案办理",
            url=NOHDR_URL,
            title=NOHDR_TITLE,
            header_html="",
            info_html='<span>信息来源：滁州市教育体育局</span> <span>发布时间：2023-07-12 09:00</span>',
            body_html=paras(NOHDR_PARAS),
            pub_date="2023-07-12 09:00",
            source="滁州市教育体育局",
        ),
        fields={
            "site": "www.chuzhou.gov.cn",
            "title": NOHDR_TITLE,
            "published_at": "2023-07-12 09:00:00",
            "source_name": "滁州市教育体育局",
            "body_text": "\n\n".join(NOHDR_PARAS),
            **NULL_HEADER,
            "metadata": {},
            "proposal_no": "0098",
            "session": "七届二次会议",
            "proposer": "黄海燕",
            "proposal_title": "关于加强中小学生心理健康教育的建议",
            "reply_class": "B",
            "contact_unit": "滁州市教育体育局",
            "contact_phone": "0550-3037516",
            "doc_type": "proposal_reply",
        },
        body_starts_with="尊敬的黄海燕委员：",
        body_ends_with="联系电话：0550-3037516",
        body_not_contains=[*CITY_CHROME, "信息来源"],
        attachments=[],
    )
)

# =============================================================== 30. salutation without 尊敬的, title with a unit prefix

NOHON_URL = "https://www.fy.gov.cn/public/6632601/1501567890.html"
NOHON_TITLE = "阜阳市教育局关于市政协五届二次会议第0302号提案的答复"
NOHON_PARAS = [
    "孙丽萍委员：",
    "您好！您提出的《关于加强农村留守儿童关爱保护的提案》收悉，现答复如下：",
    "我局高度重视农村留守儿童关爱保护工作，建立了留守儿童动态管理台账，全市在册农村留守儿童3.2万人全部落实“一对一”帮扶责任人。",
    "下一步，我们将推动乡村学校少年宫、留守儿童之家提质增效，完善家校社协同育人机制。",
    "阜阳市教育局",
    "2023年6月20日",
    "办复类别：B类",
    "联系单位：阜阳市教育局",
    "联系电话：0558-2283017",
]
case(
    Case(
        name="fy_reply_salutation_without_honorific",
        url=NOHON_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description=(
            "Salutation without 尊敬的 (`孙丽萍委员：`), title prefixed by the answering unit "
            "(`阜阳市教育局关于市政协五届二次会议第0302号提案的答复`), the proposal title inside 《》 itself "
            "ending in 的提案 (kept: proposal_title is everything inside 《》), header dates with minutes in dl/dd."
        ),
        html=city_page(
            **FY,
            column="政协提案办理",
            url=NOHON_URL,
            title=NOHON_TITLE,
            header_html=dl_header(
                [
                    ("索 引 号：", "11341200003185601H/202306-00038"),
                    ("信息分类：", "政协提案办理"),
                    ("发布机构：", "阜阳市教育局"),
                    ("成文日期：", "2023-06-20"),
                    ("发布日期：", "2023-06-20 08:25"),
                    ("文　　号：", ""),
                    ("有 效 性：", "有效"),
                    ("名　　称：", NOHON_TITLE),
                ]
            ),
            info_html='<span>发布时间：2023-06-20 08:25:00</span> <span>来源：阜阳市教育局</span>',
            body_html=paras(NOHON_PARAS),
            pub_date="2023-06-20 08:25",
            source="阜阳市教育局",
        ),
        fields={
            "site": "www.fy.gov.cn",
            "title": NOHON_TITLE,
            "published_at": "2023-06-20 08:25:00",
            "source_name": "阜阳市教育局",
            "body_text": "\n\n".join(NOHON_PARAS),
            "index_no": "11341200003185601H/202306-00038",
            "issuer": "阜阳市教育局",
            "written_date": "2023-06-20",
            "publish_date": "2023-06-20 08:25:00",
            "doc_no": None,
            "validity": "有效",
            "doc_name": NOHON_TITLE,
            "proposal_no": "0302",
            "session": "五届二次会议",
            "proposer": "孙丽萍",
            "proposal_title": "关于加强农村留守儿童关爱保护的提案",
            "reply_class": "B",
            "contact_unit": "阜阳市教育局",
            "contact_phone": "0558-2283017",
            "doc_type": "proposal_reply",
        },
        body_starts_with="孙丽萍委员：",
        body_ends_with="联系电话：0558-2283017",
        body_not_contains=[*CITY_CHROME],
        attachments=[],
    )
)
