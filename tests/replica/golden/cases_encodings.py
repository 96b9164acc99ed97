"""One case per way a page can declare (or misdeclare) its encoding."""

from __future__ import annotations

from cases_cities import CHUZHOU, FY, LUAN
from chrome import (
    ahsz_page,
    city_page,
    dl_header,
    lines_header,
    nxzx_page,
    paras,
    suoyin_table,
    td_table,
    ul_header,
)
from spec import (
    AHSZ_CHROME,
    CITY_CHROME,
    NULL_HEADER,
    NULL_REPLY,
    NXZX_CHROME,
    Case,
    case,
    nbsp,
    split_label,
)

# =============================================================== 17-22. encodings

ENC1_URL = "https://www.luan.gov.cn/public/6597011/1590345678.html"
ENC1_TITLE = "关于市人大六届二次会议第0063号建议的答复"
ENC1_PARAS = [
    "尊敬的吴春梅代表：",
    "您提出的《关于完善农村养老服务体系的建议》收悉。现答复如下：",
    "近年来，我市将农村养老服务作为民生实事重点推进，建成乡镇区域性养老服务中心62个、村级互助养老站点410个，农村特困人员集中供养率达到48%。",
    "下一步，我局将推进敬老院转型升级，发展农村互助式养老，探索“时间银行”等志愿服务模式，让农村老人就近享受养老服务。",
    "办复类别：A类",
    "联系单位：六安市民政局",
    "联系电话：0564-3379126",
]
case(
    Case(
        name="enc_utf8_http_header_only",
        url=ENC1_URL,
        content_type="text/html; charset=utf-8",
        encoding="utf-8",
        description="UTF-8 with the charset only in the HTTP Content-Type header (no meta charset in the page).",
        html=city_page(
            **LUAN,
            column="人大代表建议办理",
            url=ENC1_URL,
            title=ENC1_TITLE,
            header_html=ul_header(
                [
                    ("索引号：", "11341500003198834M/202307-00004"),
                    ("信息分类：", "人大代表建议办理"),
                    ("发布机构：", "六安市民政局"),
                    ("成文日期：", "2023.07.02"),
                    ("发布日期：", "2023.07.03"),
                    ("文号：", "六民函〔2023〕57号"),
                    ("有效性：", "有效"),
                    ("名称：", ENC1_TITLE),
                ]
            ),
            info_html='<span>发布日期：2023-07-03 14:10</span> <span>来源：六安市民政局</span>',
            body_html=paras(ENC1_PARAS),
            pub_date="2023-07-03 14:10",
            source="六安市民政局",
            charset_meta=None,
            body_class="article-content",
        ),
        fields={
            "site": "www.luan.gov.cn",
            "title": ENC1_TITLE,
            "published_at": "2023-07-03 14:10:00",
            "source_name": "六安市民政局",
            "body_text": "\n\n".join(ENC1_PARAS),
            "index_no": "11341500003198834M/202307-00004",
            "issuer": "六安市民政局",
            "written_date": "2023-07-02",
            "publish_date": "2023-07-03 00:00:00",
            "doc_no": "六民函〔2023〕57号",
            "proposal_no": "0063",
            "session": "六届二次会议",
            "proposer": "吴春梅",
            "proposal_title": "关于完善农村养老服务体系的建议",
            "reply_class": "A",
            "contact_unit": "六安市民政局",
            "contact_phone": "0564-3379126",
            "doc_type": "suggestion_reply",
        },
        body_starts_with="尊敬的吴春梅代表：",
        body_ends_with="联系电话：0564-3379126",
        body_not_contains=[*CITY_CHROME],
        attachments=[],
    )
)

ENC2_URL = "https://www.fy.gov.cn/public/6632611/1501456789.html"
ENC2_TITLE = "阜阳市民政局2023年上半年工作总结"
ENC2_PARAS = [
    "2023年上半年，市民政局坚持以人民为中心的发展思想，聚焦兜底保障、基层治理、基本社会服务等重点工作，各项任务有序推进。",
    "一是兜牢民生底线。全市共保障城乡低保对象21.3万人，发放低保金6.2亿元；发放特困人员救助供养金1.4亿元。",
    "二是提升养老服务水平。新增养老床位2100张，改造提升农村敬老院18所，为4.6万名高龄老人发放高龄津贴。",
    "三是加强社会组织管理。开展社会组织“双随机、一公开”抽查，依法撤销登记“僵尸型”社会组织37家。",
    "下半年，我局将继续围绕年度目标，补短板、强弱项，推动民政事业高质量发展。",
]
case(
    Case(
        name="enc_gbk_meta_only",
        url=ENC2_URL,
        content_type="text/html",
        encoding="gb18030",
        description="GBK bytes declared only by <meta http-equiv charset=gbk>; the HTTP header carries no charset.",
        html=city_page(
            **FY,
            column="计划总结",
            url=ENC2_URL,
            title=ENC2_TITLE,
            header_html=dl_header(
                [
                    ("索 引 号：", "11341200003185750D/202307-00019"),
                    ("信息分类：", "计划总结"),
                    ("发布机构：", "阜阳市民政局"),
                    ("成文日期：", "2023/7/15"),
                    ("发布日期：", "2023/7/17"),
                    ("文　　号：", ""),
                    ("有 效 性：", "有效"),
                ]
            ),
            info_html='<span>发布时间：2023-07-17 08:52:06</span> <span>来源：阜阳市民政局</span>',
            body_html=paras(ENC2_PARAS),
            pub_date="2023-07-17 08:52",
            source="阜阳市民政局",
            charset_meta="gbk",
        ),
        fields={
            "site": "www.fy.gov.cn",
            "title": ENC2_TITLE,
            "published_at": "2023-07-17 08:52:06",
            "source_name": "阜阳市民政局",
            "body_text": "\n\n".join(ENC2_PARAS),
            "index_no": "11341200003185750D/202307-00019",
            "info_category": "计划总结",
            "issuer": "阜阳市民政局",
            "written_date": "2023-07-15",
            "publish_date": "2023-07-17 00:00:00",
            "doc_no": None,
            "validity": "有效",
            **NULL_REPLY,
            "doc_type": "disclosure",
        },
        body_starts_with="2023年上半年，市民政局坚持以人民为中心的发展思想",
        body_ends_with="推动民政事业高质量发展。",
        body_not_contains=[*CITY_CHROME],
        attachments=[],
    )
)

ENC3_URL = "https://www.chuzhou.gov.cn/public/161054291/1108345678.html"
ENC3_TITLE = "关于市政协七届二次会议第0133号提案的答复"
ENC3_PARAS = [
    "尊敬的李喆委员：",
    "您提出的《关于支持新材料产业集群发展的建议》收悉。现答复如下：",
    "新材料产业是我市重点培育的战略性新兴产业。目前全市规模以上新材料企业达到156家，安徽镕盛新材料科技有限公司等12家企业入选省级专精特新企业。",
    "我局将落实新材料首批次应用保险补偿政策，支持龙头企业牵头组建创新联合体，推动产业链上下游协同发展。",
    "办复类别：A类",
    "联系单位：滁州市经济和信息化局",
    "联系电话：0550-3026301",
]
case(
    Case(
        name="enc_gb2312_declared_gbk_chars",
        url=ENC3_URL,
        content_type="text/html",
        encoding="gb18030",
        description=(
            "Declared gb2312 (meta only) but the proposer 李喆 and the company 镕盛 use characters outside GB2312 "
            "(GBK only): decoding as strict GB2312 loses the proposer's name; decode as GB18030."
        ),
        html=city_page(
            **CHUZHOU,
            column="政协委员提案办理",
            url=ENC3_URL,
            title=ENC3_TITLE,
            header_html=td_table(
                [
                    ("索引号：", "11341100003205079C/202307-00014"),
                    ("信息分类：", "政协委员提案办理"),
                    ("发布机构：", "滁州市经济和信息化局"),
                    ("成文日期：", "2023年07月06日"),
                    ("发布日期：", "2023年07月07日"),
                    ("文号：", "暂无"),
                    ("有效性：", "有效"),
                    ("名称：", ENC3_TITLE),
                ]
            ),
            info_html='<span>信息来源：滁州市经济和信息化局</span> <span>发布时间：2023-07-07 10:05</span>',
            body_html=paras(ENC3_PARAS),
            pub_date="2023-07-07 10:05",
            source="滁州市经济和信息化局",
            charset_meta="gb2312",
        ),
        fields={
            "site": "www.chuzhou.gov.cn",
            "title": ENC3_TITLE,
            "published_at": "2023-07-07 10:05:00",
            "source_name": "滁州市经济和信息化局",
            "body_text": "\n\n".join(ENC3_PARAS),
            "index_no": "11341100003205079C/202307-00014",
            "issuer": "滁州市经济和信息化局",
            "written_date": "2023-07-06",
            "publish_date": "2023-07-07 00:00:00",
            "doc_no": None,
            "proposal_no": "0133",
            "session": "七届二次会议",
            "proposer": "李喆",
            "proposal_title": "关于支持新材料产业集群发展的建议",
            "reply_class": "A",
            "contact_unit": "滁州市经济和信息化局",
            "contact_phone": "0550-3026301",
            "doc_type": "proposal_reply",
        },
        body_starts_with="尊敬的李喆委员：",
        body_ends_with="联系电话：0550-3026301",
        body_contains=["安徽镕盛新材料科技有限公司"],
        body_not_contains=[*CITY_CHROME],
        attachments=[],
    )
)

ENC4_URL = "http://www.nxzx.gov.cn/ywbd/202305/t20230518_612345.html"
ENC4_TITLE = "自治区政协召开重点提案督办协商会"
ENC4_PARAS = [
    "5月18日，自治区政协召开重点提案督办协商会，围绕“推进黄河流域生态保护和高质量发展先行区建设”重点提案办理情况，与承办单位面对面协商交流。",
    "会上，提案者代表介绍了提案主要内容，自治区发展改革委、生态环境厅、水利厅等承办单位负责同志通报了办理进展，委员们就加强黄河岸线管控、推进节水型社会建设等提出意见建议。",
    "会议指出，重点提案督办是政协履职的重要抓手。要坚持把“提”和“办”结合起来，推动提案办理成果转化为推动发展的实际成效。",
]
case(
    Case(
        name="enc_http_utf8_lie_gbk",
        url=ENC4_URL,
        content_type="text/html; charset=utf-8",
        encoding="gb18030",
        description=(
            "The HTTP header claims utf-8 but the bytes are GBK (the page's own meta says gbk): invalid as UTF-8, "
            "so the parser must not trust the header and should recover the GB text. A TRS article without a "
            "reporter byline."
        ),
        html=nxzx_page(
            url=ENC4_URL,
            title=ENC4_TITLE,
            column_path=[("要闻报道", "../")],
            date_line="2023-05-18 16:20:08&nbsp;&nbsp;&nbsp;来源:宁夏政协",
            source="宁夏政协",
            pub_date="2023-05-18 16:20",
            body_html=paras(ENC4_PARAS, indent="　　"),
            editor="包瑞",
            charset_meta="gbk",
        ),
        fields={
            "site": "www.nxzx.gov.cn",
            "title": ENC4_TITLE,
            "published_at": "2023-05-18 16:20:08",
            "source_name": "宁夏政协",
            "reporter": None,
            "editor": "包瑞",
            "body_text": "\n\n".join(ENC4_PARAS),
            **NULL_HEADER,
            **NULL_REPLY,
            "doc_type": "article",
        },
        body_starts_with="5月18日，自治区政协召开重点提案督办协商会",
        body_ends_with="推动提案办理成果转化为推动发展的实际成效。",
        body_not_contains=[*NXZX_CHROME[:-1], "来源:宁夏政协"],
        attachments=[],
    )
)

ENC5_URL = "https://www.ahsz.gov.cn/public/6596301/191512345.html"
ENC5_TITLE = "2023年5月份宿州市经济运行简况"
ENC5_PARAS = [
    "5月份，全市经济持续恢复，主要指标稳中有进。",
    "工业生产平稳增长。1—5月，全市规模以上工业增加值同比增长7.6%，增速高于全省平均水平0.8个百分点。",
    "固定资产投资较快增长。1—5月，全市固定资产投资同比增长10.2%，其中工业投资增长18.5%。",
    "消费市场回暖。1—5月，全市社会消费品零售总额同比增长8.3%。",
]
case(
    Case(
        name="enc_utf8_bom_no_declaration",
        url=ENC5_URL,
        content_type="text/html",
        encoding="utf-8-sig",
        description="UTF-8 with a byte-order mark and no charset anywhere (neither HTTP header nor meta).",
        html=ahsz_page(
            host="www.ahsz.gov.cn",
            site_name="宿州市人民政府",
            site_id="3413000001",
            column="统计信息",
            url=ENC5_URL,
            title=ENC5_TITLE,
            header_html=suoyin_table(
                [
                    [(split_label("索引", "号:"), "003187519/202306-00006"), ("信息分类:", "统计信息")],
                    [("发布机构:", "宿州市统计局")],
                    [("成文日期:", "2023-06-16"), ("发布日期:", "2023-06-16 17:30")],
                    [(nbsp("文号:"), ""), (split_label("有效", "性:"), "")],
                    [("生效时间:", ""), ("废止时间:", "")],
                    [(nbsp("名称:"), ENC5_TITLE)],
                    [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
                ]
            ),
            source="宿州市统计局",
            pub_time="2023-06-16 17:30",
            editor="宿州信息公开031",
            body_html=paras(ENC5_PARAS),
            charset_meta=None,
        ),
        fields={
            "site": "www.ahsz.gov.cn",
            "title": ENC5_TITLE,
            "published_at": "2023-06-16 17:30:00",
            "source_name": "宿州市统计局",
            "body_text": "\n\n".join(ENC5_PARAS),
            "index_no": "003187519/202306-00006",
            "issuer": "宿州市统计局",
            "written_date": "2023-06-16",
            "publish_date": "2023-06-16 17:30:00",
            "doc_no": None,
            "validity": None,
            **NULL_REPLY,
            "doc_type": "disclosure",
        },
        body_starts_with="5月份，全市经济持续恢复",
        body_ends_with="全市社会消费品零售总额同比增长8.3%。",
        body_not_contains=[*AHSZ_CHROME],
        attachments=[],
    )
)

ENC6_URL = "http://www.luan.gov.cn/content/detail/5f8a1b2c3d4e5f6a7b8c9d0e.html"
ENC6_TITLE = "六安市财政局关于2022年度市级部门决算公开的说明"
ENC6_PARAS = [
    "根据《中华人民共和国预算法》和《地方预决算公开操作规程》规定，现将2022年度市级部门决算公开有关情况说明如下。",
    "一、公开范围。除涉密部门外，市级各部门及所属单位均应公开2022年度部门决算，共计公开部门决算79个。",
    "二、公开内容。包括部门职能及机构设置情况、决算报表、决算说明、名词解释等，重点说明“三公”经费支出和机关运行经费情况。",
    "三、公开时间。各部门应于市人大常委会批准本级决算后20日内，在本部门门户网站集中公开。",
    "四、工作要求。各部门要高度重视决算公开工作，认真做好公开内容审核，确保公开信息真实、准确、完整。",
]
case(
    Case(
        name="enc_gbk_no_declaration",
        url=ENC6_URL,
        content_type=None,
        encoding="gb18030",
        description=(
            "GBK bytes with no declaration anywhere (no Content-Type header at all, no meta charset): only "
            "detection can read it. Header as plain lines with full-width-space labels (`文　　号`) and `无`."
        ),
        html=city_page(
            **LUAN,
            column="财政预决算",
            url=ENC6_URL,
            title=ENC6_TITLE,
            header_html=lines_header(
                [
                    ("索 引 号：", "11341500003198729X/202307-00002"),
                    ("信息分类：", "财政预决算"),
                    ("发布机构：", "六安市财政局"),
                    ("成文日期：", "2023-07-20"),
                    ("发布日期：", "2023-07-21 15:00"),
                    ("文　　号：", "无"),
                    ("有 效 性：", "有效"),
                ]
            ),
            info_html='<span>发布日期：2023-07-21 15:00</span> <span>来源：六安市财政局</span>',
            body_html=paras(ENC6_PARAS),
            pub_date="2023-07-21 15:00",
            source="六安市财政局",
            charset_meta=None,
            body_class="article-content",
        ),
        fields={
            "site": "www.luan.gov.cn",
            "title": ENC6_TITLE,
            "published_at": "2023-07-21 15:00:00",
            "source_name": "六安市财政局",
            "body_text": "\n\n".join(ENC6_PARAS),
            "index_no": "11341500003198729X/202307-00002",
            "info_category": "财政预决算",
            "issuer": "六安市财政局",
            "written_date": "2023-07-20",
            "publish_date": "2023-07-21 15:00:00",
            "doc_no": None,
            "validity": "有效",
            **NULL_REPLY,
            "doc_type": "disclosure",
            "metadata": {
                "索引号": "11341500003198729X/202307-00002",
                "信息分类": "财政预决算",
                "发布机构": "六安市财政局",
                "成文日期": "2023-07-20",
                "发布日期": "2023-07-21 15:00",
                "文号": "无",
                "有效性": "有效",
            },
        },
        body_starts_with="根据《中华人民共和国预算法》",
        body_ends_with="确保公开信息真实、准确、完整。",
        body_not_contains=[*CITY_CHROME],
        attachments=[],
    )
)
