"""Hand-written replica pages for a proposal's paper trail, with their labels in labels.json.

Four proposals, each with the pages a researcher finds about it: the lead bureau's reply
(主办), co-handling replies (协办 / 会办), news reports (one printing the number, one
naming only the title and the proposer), and copies on other sites with and without
原文链接. Around them, distractors: another city's proposal with the same number, a
proposal on the same topic with another number, a yearly summary naming many numbers,
a news article mentioning a number in passing, and a report on another proposal by the
same proposer. Site chrome comes from the golden corpus's templates (`golden/chrome*.py`).

The labels (labels.json) were written by reading these pages, not from any output.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from tests.replica.golden.chrome import ahsz_page, city_page, nxzx_page, paras, suoyin_table
from tests.replica.golden.chrome_mixed import aggregator_page
from tests.replica.golden.spec import nbsp


@dataclass(frozen=True, slots=True)
class TrailPage:
    name: str
    url: str
    html: str
    content_type: str = "text/html; charset=utf-8"

    @property
    def body(self) -> bytes:
        return self.html.encode("utf-8")


def _ahsz(name: str, *, host: str, url: str, site_name: str, column: str, title: str, issuer: str,
          pub: str, index_no: str, paragraphs: list[str]) -> TrailPage:
    header = suoyin_table(
        [
            [("索引号:", index_no), ("信息分类:", column)],
            [("发布机构:", issuer)],
            [("成文日期:", pub[:10]), ("发布日期:", pub)],
            [(nbsp("文号:"), ""), ("有效性:", "有效")],
            [("生效时间:", ""), ("废止时间:", "暂无")],
            [(nbsp("名称:"), title)],
            [("政策咨询机关:", "暂无"), ("政策咨询电话:", "暂无")],
        ]
    )
    html = ahsz_page(host=host, site_name=site_name, site_id="3413000011", column=column, url=url,
                     title=title, header_html=header, source=issuer, pub_time=pub,
                     editor="宿州信息公开031", body_html=paras(paragraphs, indent="　　"))
    return TrailPage(name, url, html)


def _nxzx(name: str, *, url: str, title: str, when: str, paragraphs: list[str], editor: str) -> TrailPage:
    html = nxzx_page(url=url, title=title,
                     column_path=[("政协工作", "../../"), ("提案工作", "../")],
                     date_line=f"{when}&nbsp;&nbsp;&nbsp;来源:华兴时报", source="华兴时报",
                     pub_date=when[:16], body_html=paras(paragraphs), editor=editor,
                     charset_meta="utf-8")
    return TrailPage(name, url, html)


def _aggregator(name: str, *, url: str, host: str, site: str, title: str, paragraphs: list[str],
                original_url: str) -> TrailPage:
    html = aggregator_page(site=site, host=host, title=title, body=paras(paragraphs),
                           original_url=original_url,
                           latest=[("政协委员热议乡村振兴...", "23-07-21"), ("两会声音：让基层减负...", "23-07-20")],
                           hot=[("如何写好一件政协提案", "19-06-05")],
                           crumbs='<a href="/">首页</a> &gt; <a href="/list/tagz/">提案工作</a> &gt; 正文')
    return TrailPage(name, url, html)


def _plain_copy(name: str, *, url: str, site: str, title: str, when: str, paragraphs: list[str]) -> TrailPage:
    """A document library that copies replies whole and names no original."""
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{escape(title)} - {site}</title></head>
<body>
<div class="top"><a href="/">{site}</a> | <a href="/vip/">会员中心</a> | <a href="/upload/">上传公文</a></div>
<div class="main">
<div class="doc">
<h1 class="doc-title">{escape(title)}</h1>
<div class="doc-info">收录时间：{when}　分类：建议提案答复</div>
<div class="doc-text">
{body}
</div>
</div>
<div class="side"><h3>相关公文</h3><ul><li><a href="/d/1.html">关于市政协六届二次会议第0101号提案的答复</a></li>
<li><a href="/d/2.html">关于市人大六届二次会议第0033号建议的答复</a></li></ul></div>
</div>
<div class="foot">本站公文均来自网络，如有侵权请联系删除　苏ICP备18000001号</div>
</body></html>
"""
    return TrailPage(name, url, html)


def _city(name: str, *, url: str, title: str, issuer: str, pub: str, paragraphs: list[str]) -> TrailPage:
    header = (
        '<div class="xxgk_info"><table class="xxgk_table"><tbody>'
        f'<tr><td>索引号：</td><td>11341100003116213N/202307-00088</td><td>信息分类：</td><td>建议提案办理</td></tr>'
        f'<tr><td>发布机构：</td><td>{issuer}</td><td>发布日期：</td><td>{pub}</td></tr>'
        f'<tr><td>名称：</td><td colspan="3">{escape(title)}</td></tr>'
        "</tbody></table></div>"
    )
    html = city_page(host="www.chuzhou.gov.cn", site_name="滁州市人民政府", site_id="3411000001",
                     icp="皖ICP备05001234号", column="建议提案办理", url=url, title=title,
                     header_html=header, info_html=f"<span>发布时间：{pub}</span><span>来源：{issuer}</span>",
                     body_html=paras(paragraphs), pub_date=pub, source=issuer)
    return TrailPage(name, url, html)


# ===================================================================== proposal A
# 宿州市政协 六届二次会议 第0412号 提案, 王立新: 《关于加快推进宿州市冷链物流体系建设的提案》
A_TITLE = "关于加快推进宿州市冷链物流体系建设的提案"
A1_URL = "https://swj.ahsz.gov.cn/public/2656231/191540001.html"
A1_TEXT = [
    "尊敬的王立新委员：",
    f"您提出的《{A_TITLE}》收悉。我局作为主办单位，会同市交通运输局、市农业农村局认真研究，现答复如下：",
    "一、我市冷链物流发展现状。全市现有冷库总库容约68万立方米，冷藏车保有量420辆，"
    "初步形成以宿州经开区、埇桥区农产品物流园为核心的冷链集散格局，但仍存在冷库布局不均、县域冷链网点不足、第三方冷链企业规模偏小等问题。",
    "二、下一步工作打算。一是编制《宿州市冷链物流发展规划（2023—2027年）》，统筹布局市、县、乡三级冷链节点；"
    "二是积极争取国家骨干冷链物流基地布局，支持建设一批产地预冷和移动冷库设施；"
    "三是培育壮大冷链物流市场主体，对新建冷库按库容给予补助，引导商贸流通企业与合作社开展产销对接。",
    "感谢您对商务工作的关心和支持，欢迎继续提出宝贵意见。",
    "办复类别：B类",
    "联系单位：宿州市商务局",
    "联系电话：0557-3021456",
]
A1 = _ahsz("a1_lead_reply", host="swj.ahsz.gov.cn", url=A1_URL, site_name="宿州市商务局",
           column="政协委员提案办理", title="关于市政协六届二次会议第0412号提案的答复",
           issuer="宿州市商务局", pub="2023-06-26 09:40", index_no="003187355/202306-00041",
           paragraphs=A1_TEXT)
A2 = _ahsz("a2_co_reply_xieban", host="jtj.ahsz.gov.cn",
           url="https://jtj.ahsz.gov.cn/public/2656241/191540002.html", site_name="宿州市交通运输局",
           column="政协委员提案办理", title="关于宿州市政协六届二次会议第412号提案协办意见的函",
           issuer="宿州市交通运输局", pub="2023-06-12 15:20", index_no="003187298/202306-00017",
           paragraphs=[
               "尊敬的王立新委员：",
               f"您提出的《{A_TITLE}》收悉，我局作为协办单位，现将协办意见函复如下：",
               "一是加快农村物流网络建设。依托“四好农村路”和县乡村三级物流体系，推动冷链运输向乡镇延伸，"
               "2023年新增农村物流服务站点35个，鼓励邮政快递企业配置小型冷藏运输车辆。",
               "二是规范冷链运输车辆管理。配合商务部门建立冷藏车辆运行监测平台，落实鲜活农产品运输“绿色通道”政策，"
               "全年为冷链运输车辆减免通行费约1200万元。",
               "以上意见已送主办单位市商务局统一答复。",
               "联系单位：宿州市交通运输局",
               "联系电话：0557-3051208",
           ])
A3 = _ahsz("a3_co_reply_huiban", host="nyncj.ahsz.gov.cn",
           url="https://nyncj.ahsz.gov.cn/public/2656001/191540003.html", site_name="宿州市农业农村局",
           column="政协委员提案办理", title="关于市政协六届二次会议第0412号提案的答复",
           issuer="宿州市农业农村局", pub="2023-06-14 10:05", index_no="003187312/202306-00023",
           paragraphs=[
               "尊敬的王立新委员：",
               f"您提出的《{A_TITLE}》收悉。我局作为会办单位，结合农业农村工作实际，提出如下意见：",
               "近年来，我局大力实施农产品产地冷藏保鲜设施建设项目，2021年以来累计支持家庭农场、农民合作社建设产地冷藏保鲜设施186个，"
               "新增库容12.6万立方米，有效降低了果蔬产后损失。",
               "下一步，我局将继续争取中央财政资金支持，在砀山酥梨、萧县葡萄等特色产业集中区新建一批产地预冷设施，"
               "推动产地冷链与销地冷链有效衔接。",
               "办复类别：B类",
               "联系单位：宿州市农业农村局",
               "联系电话：0557-3612290",
           ])
# the city portal republishes the lead reply in its own column, word for word, no 原文链接
A4 = _ahsz("a4_portal_copy_no_link", host="www.ahsz.gov.cn",
           url="https://www.ahsz.gov.cn/public/6596211/191540011.html", site_name="宿州市人民政府",
           column="政协委员提案办理", title="关于市政协六届二次会议第0412号提案的答复",
           issuer="宿州市商务局", pub="2023-06-27 08:30", index_no="003187355/202306-00041",
           paragraphs=A1_TEXT)
A5_URL = "https://www.ahsz.gov.cn/content/detail/64d1a2b37f8b9a4f56789012.html"
A5_TEXT = [
    f"今年市政协六届二次会议期间，市政协委员王立新提出的《{A_TITLE}》被列为重点提案，由市商务局主办，市交通运输局、市农业农村局协办。",
    "市商务局收到提案后，多次召开办理协商会，邀请提案人实地察看埇桥区农产品物流园冷链项目，听取意见建议。"
    "目前，《宿州市冷链物流发展规划（2023—2027年）》已完成初稿，全市新增冷库库容4.2万立方米。",
    "“办理单位的答复很实在，提出的措施也有时间表。”王立新表示，将持续关注冷链物流体系建设进展。",
]
A5 = TrailPage("a5_report_by_title", A5_URL, city_page(
    host="www.ahsz.gov.cn", site_name="宿州市人民政府", site_id="3413000011", icp="皖ICP备05004358号-1",
    column="部门动态", url=A5_URL, title="市商务局高质量办理政协重点提案 助推冷链物流提档升级",
    header_html="", info_html="<span>发布时间：2023-07-18 16:02</span><span>来源：宿州市商务局</span>",
    body_html=paras(A5_TEXT), pub_date="2023-07-18 16:02", source="宿州市商务局"))
A6 = _aggregator("a6_report_repost_with_link", url="https://www.zhengxieyaowen.com/html/tagz/2023/0719/91022.html",
                 host="www.zhengxieyaowen.com", site="政协要闻网",
                 title="市商务局高质量办理政协重点提案 助推冷链物流提档升级", paragraphs=A5_TEXT,
                 original_url=A5_URL)

# ===================================================================== proposal B
# 宿州市人大 六届二次会议 第0203号 建议, 李春华代表: 《关于加强农村公路养护管理的建议》
B_TITLE = "关于加强农村公路养护管理的建议"
B1_TEXT = [
    "尊敬的李春华代表：",
    f"您提出的《{B_TITLE}》收悉。我局作为主办单位，高度重视，认真研究办理，现答复如下：",
    "一、农村公路养护基本情况。全市农村公路总里程1.86万公里，已全面推行路长制，县、乡、村三级路长3260名，"
    "2022年完成农村公路养护工程410公里，优良中等路率达到82%。",
    "二、存在的主要问题。部分乡村道路养护资金不足、专业养护力量薄弱，重建轻养现象依然存在。",
    "三、下一步措施。一是落实省级补助资金与县级配套资金，2023年安排农村公路日常养护资金1.3亿元；"
    "二是推行农村公路养护市场化改革，以县为单位打包招标；三是将养护考核结果与资金分配挂钩。",
    "办复类别：A类",
    "联系单位：宿州市交通运输局",
    "联系电话：0557-3051211",
]
B1 = _ahsz("b1_lead_reply", host="jtj.ahsz.gov.cn", url="https://jtj.ahsz.gov.cn/public/2656241/191540021.html",
           site_name="宿州市交通运输局", column="人大代表建议办理",
           title="关于市六届人大二次会议第0203号建议的答复", issuer="宿州市交通运输局",
           pub="2023-06-30 11:10", index_no="003187298/202306-00029", paragraphs=B1_TEXT)
B2 = _ahsz("b2_co_reply", host="czj.ahsz.gov.cn", url="https://czj.ahsz.gov.cn/public/2656111/191540022.html",
           site_name="宿州市财政局", column="人大代表建议办理",
           title="对宿州市人大六届二次会议第203号代表建议的答复", issuer="宿州市财政局",
           pub="2023-06-16 09:00", index_no="003187201/202306-00035", paragraphs=[
               "尊敬的李春华代表：",
               f"您提出的《{B_TITLE}》收悉。我局作为协办单位，现就资金保障方面答复如下：",
               "2023年市级财政安排农村公路养护补助资金3200万元，较上年增长12%，并督促各县区按照不低于省定标准足额落实配套资金。",
               "下一步，我局将配合交通运输部门完善农村公路养护资金绩效评价办法，提高资金使用效益。",
               "联系单位：宿州市财政局",
               "联系电话：0557-3021877",
           ])
B3 = _plain_copy("b3_library_copy_no_link", url="http://www.gongwenku.net.cn/ahsz/rdjy/2023/191540021.html",
                 site="公文库", title="关于市六届人大二次会议第0203号建议的答复", when="2023-07-02",
                 paragraphs=B1_TEXT)

# ===================================================================== proposal C
# 宁夏政协 十二届二次会议 第0156号 提案, 马文华委员: 《关于做强做优宁夏枸杞产业的提案》
C_TITLE = "关于做强做优宁夏枸杞产业的提案"
C1_URL = "http://www.nxzx.gov.cn/zxgz/tagz/202308/t20230815_790112.html"
C1_TEXT = [
    "自治区政协十二届二次会议第156号提案《关于做强做优宁夏枸杞产业的提案》近日获得答复。"
    "提案由自治区政协委员马文华提出，建议从良种繁育、标准化基地、精深加工和品牌营销等方面发力，推动枸杞产业高质量发展。",
    "自治区林业和草原局作为主办单位在答复中介绍，我区枸杞种植面积稳定在43万亩，2022年枸杞综合产值达到290亿元。"
    "下一步将实施枸杞良种繁育基地建设工程，新建标准化示范基地5万亩，支持企业开发枸杞原浆、枸杞多糖等高附加值产品。",
    "马文华表示，答复内容具体、措施有力，将继续跟踪提案落实情况。",
    "(记者 杨 洁)",
]
C1 = _nxzx("c1_report_by_number", url=C1_URL, title="第156号提案获答复：做强做优宁夏枸杞产业",
           when="2023-08-15 09:30:12", paragraphs=C1_TEXT, editor="包瑞")
C2 = TrailPage("c2_lead_reply", "https://lcj.nx.gov.cn/xxgk/jyta/202307/t20230728_4188.html", city_page(
    host="lcj.nx.gov.cn", site_name="宁夏回族自治区林业和草原局", site_id="6400000101", icp="宁ICP备05000123号",
    column="建议提案办理", url="https://lcj.nx.gov.cn/xxgk/jyta/202307/t20230728_4188.html",
    title="关于自治区政协十二届二次会议第0156号提案的答复", header_html="",
    info_html="<span>发布时间：2023-07-28 10:00</span><span>来源：宁夏回族自治区林业和草原局</span>",
    body_html=paras([
        "尊敬的马文华委员：",
        f"您提出的《{C_TITLE}》收悉。我局作为主办单位，会同自治区农业农村厅、商务厅进行了认真研究，现答复如下：",
        "一、关于良种繁育。自治区已建成枸杞种质资源圃2个，收集保存枸杞种质资源2100余份，“宁杞10号”等新品种通过审定。",
        "二、关于标准化基地建设。2023年计划新建标准化示范基地5万亩，对连片种植200亩以上的基地给予每亩300元补助。",
        "三、关于精深加工与品牌营销。支持龙头企业开发枸杞原浆、枸杞多糖等产品，持续办好中国（宁夏）国际枸杞产业博览会。",
        "办复类别：A类",
        "联系单位：宁夏回族自治区林业和草原局",
        "联系电话：0951-5016633",
    ]), pub_date="2023-07-28 10:00", source="宁夏回族自治区林业和草原局"))
C3 = _aggregator("c3_report_repost_with_link", url="https://www.zxzixun.com/html/2023/tagz_0816/70213.html",
                 host="www.zxzixun.com", site="政协资讯网", title="第156号提案获答复：做强做优宁夏枸杞产业",
                 paragraphs=C1_TEXT, original_url=C1_URL)

# ===================================================================== proposal D
# 宿州市政协 六届二次会议 第0518号 提案: the replies print who handles it (主办单位: / 协办单位:)
D_TITLE = "关于加强职业院校产教融合的提案"
D1 = _ahsz("d1_lead_by_list", host="jyj.ahsz.gov.cn", url="https://jyj.ahsz.gov.cn/public/2656191/191540031.html",
           site_name="宿州市教育局", column="政协委员提案办理", title="关于市政协六届二次会议第0518号提案的答复",
           issuer="宿州市教育局", pub="2023-07-03 14:30", index_no="003187233/202307-00006", paragraphs=[
               "尊敬的赵敏委员：",
               f"您提出的《{D_TITLE}》收悉，现答复如下：",
               "我市现有职业院校14所，在校生5.2万人。近年来，我局推动职业院校与本地企业共建产业学院9个、实训基地46个，"
               "订单班培养学生3100余人。下一步将出台《宿州市深化产教融合实施意见》，建立校企合作项目库，落实企业参与职业教育的税费优惠政策。",
               "主办单位：宿州市教育局　协办单位：宿州市财政局、宿州市人力资源和社会保障局",
               "办复类别：B类",
               "联系单位：宿州市教育局",
               "联系电话：0557-3031152",
           ])
D2 = _ahsz("d2_co_by_list", host="rsj.ahsz.gov.cn", url="https://rsj.ahsz.gov.cn/public/2656201/191540032.html",
           site_name="宿州市人力资源和社会保障局", column="政协委员提案办理",
           title="关于市政协六届二次会议第0518号提案的答复", issuer="宿州市人力资源和社会保障局",
           pub="2023-06-21 16:45", index_no="003187245/202306-00019", paragraphs=[
               "尊敬的赵敏委员：",
               f"您提出的《{D_TITLE}》收悉，现就职业技能培训和技工院校发展答复如下：",
               "我局会同教育部门实施技能宿州行动，2022年开展补贴性职业技能培训4.6万人次，支持技工院校与企业共建技能大师工作室12个。"
               "今后将推行企业新型学徒制，对参与学徒培养的企业按每人每年4000元给予补贴。",
               "主办单位：宿州市教育局　协办单位：宿州市财政局、宿州市人力资源和社会保障局",
               "联系单位：宿州市人力资源和社会保障局",
               "联系电话：0557-3040021",
           ])

# ===================================================================== distractors
# X1: 滁州's 0412 of the same session words, on the same topic: another city, another proposal
X1 = _city("x1_same_number_other_city", url="https://www.chuzhou.gov.cn/public/161054291/1108456789.html",
           title="关于市政协六届二次会议第0412号提案的答复", issuer="滁州市商务局", pub="2023-07-05 10:20",
           paragraphs=[
               "尊敬的周海燕委员：",
               "您提出的《关于完善我市农产品冷链物流网络的提案》收悉，现答复如下：",
               "我市地处长三角，是重要的农产品供应基地。目前全市冷库库容45万立方米，来安、天长等县市已建成农产品冷链集配中心。"
               "下一步，我局将推进滁州国家骨干冷链物流基地申报，完善县域冷链物流配送体系，支持冷链企业发展共同配送。",
               "办复类别：B类",
               "联系单位：滁州市商务局",
               "联系电话：0550-3022165",
           ])
# X2: 宿州's 0415, same bureau, same topic (冷链), another proposer and number
X2 = _ahsz("x2_same_topic_other_proposal", host="swj.ahsz.gov.cn",
           url="https://swj.ahsz.gov.cn/public/2656231/191540005.html", site_name="宿州市商务局",
           column="政协委员提案办理", title="关于市政协六届二次会议第0415号提案的答复", issuer="宿州市商务局",
           pub="2023-06-28 09:15", index_no="003187355/202306-00044", paragraphs=[
               "尊敬的孙建军委员：",
               "您提出的《关于发展农产品冷链仓储设施的提案》收悉。我局作为主办单位，认真研究，现答复如下：",
               "您在提案中指出的县域冷链仓储设施不足问题确实存在。2023年我局争取县域商业体系建设资金2600万元，"
               "支持灵璧县、泗县建设县级冷链仓储配送中心各1个，并在乡镇商贸中心配建冷藏设施。",
               "下一步，我局将指导冷链仓储企业申报省级示范物流园区，推广共享冷库模式，提高冷链仓储设施利用率。",
               "感谢您对商务工作的关心和支持。",
               "办复类别：B类",
               "联系单位：宿州市商务局",
               "联系电话：0557-3021456",
           ])
# X3: a yearly summary naming many numbers: about none in particular
X3 = _ahsz("x3_yearly_summary", host="www.ahsz.gov.cn", url="https://www.ahsz.gov.cn/public/6596181/191540099.html",
           site_name="宿州市人民政府", column="建议提案办理",
           title="宿州市政协六届二次会议提案办理情况通报", issuer="宿州市人民政府办公室",
           pub="2023-09-20 10:00", index_no="003187001/202309-00012", paragraphs=[
               "市政协六届二次会议以来，共立案提案386件，截至8月底已全部办复，其中A类126件、B类231件、C类29件。",
               "重点提案办理成效明显：第0412号提案推动编制冷链物流发展规划；第0415号提案推动县级冷链仓储配送中心建设；"
               "第0518号提案推动出台深化产教融合实施意见；第0209号提案推动农村生活垃圾分类试点扩面。",
               "各承办单位要进一步做好已办复提案的跟踪落实，对B类、C类提案持续推进。",
           ])
# X4: a news article on a meeting that mentions 0412 in passing, late in the text
X4_URL = "https://www.ahsz.gov.cn/content/detail/64d1a2b37f8b9a4f56789099.html"
X4 = TrailPage("x4_mention_in_passing", X4_URL, city_page(
    host="www.ahsz.gov.cn", site_name="宿州市人民政府", site_id="3413000011", icp="皖ICP备05004358号-1",
    column="政务要闻", url=X4_URL, title="市政协召开提案工作座谈会",
    header_html="", info_html="<span>发布时间：2023-08-02 17:20</span><span>来源：宿州市政协办公室</span>",
    body_html=paras([
        "8月2日，市政协召开提案工作座谈会，总结上半年提案工作，部署下阶段重点任务。市政协主席出席并讲话。",
        "会议指出，今年以来全市提案工作坚持质量导向，提案立案数量稳中有降、质量稳步提升，提案办理协商更加深入，"
        "“提案办理回头看”机制进一步完善，一批事关群众切身利益的问题得到解决。",
        "会议要求，各专委会要加强与承办单位的沟通联系，提高提案办理的针对性和实效性；要健全重点提案遴选机制，"
        "围绕全市中心工作开展提案督办，推动提案成果转化为工作举措。",
        "座谈会上，市商务局、市教育局等承办单位作了交流发言，市商务局介绍了第0412号提案办理中召开协商会的做法。",
    ]), pub_date="2023-08-02 17:20", source="宿州市政协办公室"))
# X5: a report on another proposal by A's proposer (王立新), title not A's
X5_URL = "https://www.ahsz.gov.cn/content/detail/64d1a2b37f8b9a4f56789055.html"
X5 = TrailPage("x5_same_proposer_other_proposal", X5_URL, city_page(
    host="www.ahsz.gov.cn", site_name="宿州市人民政府", site_id="3413000011", icp="皖ICP备05004358号-1",
    column="部门动态", url=X5_URL, title="政协委员建言城区停车难问题获回应",
    header_html="", info_html="<span>发布时间：2023-08-09 11:00</span><span>来源：宿州市城市管理局</span>",
    body_html=paras([
        "市政协委员王立新提出的《关于缓解老城区停车难问题的提案》近日得到市城市管理局答复。",
        "市城市管理局表示，今年将在老城区新增公共停车泊位1800个，推广错时共享停车，并建设智慧停车管理平台。",
        "王立新表示，停车问题关系群众日常出行，希望相关措施尽快落地见效。",
    ]), pub_date="2023-08-09 11:00", source="宿州市城市管理局"))

PAGES: list[TrailPage] = [A1, A2, A3, A4, A5, A6, B1, B2, B3, C1, C2, C3, D1, D2, X1, X2, X3, X4, X5]
