"""parsers.proposal_key: each normalisation rule, each role, the distractors (pure, no I/O).

Expectations are written from the rules in SITES.md §5 and the issue: a proposal is the
assembly (with its place), the session and the number, however a page prints them.
"""

from __future__ import annotations

import pytest

from parsers.document import Document
from parsers.proposal_key import (
    handling_of,
    normalise_number,
    normalise_session,
    normalise_title,
    parse_key,
    refs_of,
)

REPLY_BODY = "尊敬的{who}委员：\n\n您提出的《{t}》收悉，现答复如下：\n\n{text}\n\n办复类别：B类\n\n联系单位：{unit}\n\n联系电话：0557-3022482"


def reply(title: str, *, unit: str = "宿州市科技局", url: str = "https://kjj.ahsz.gov.cn/public/1/1.html",
          text: str = "我局高度重视，认真研究办理。", who: str = "邵广真", kind: str = "proposal_reply",
          source: str | None = None) -> Document:
    body = REPLY_BODY.format(who=who, t="如何做好新经济形式下的城市赋能", text=text, unit=unit)
    return Document(url=url, final_url=url, title=title, body_text=body, doc_type=kind, proposer=who,
                    proposal_title="如何做好新经济形式下的城市赋能", reply_class="B", contact_unit=unit,
                    source=source)


def key_of(doc: Document) -> str | None:
    refs = refs_of(doc)
    return str(refs[0].key) if refs and refs[0].key else None


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("printed", "normal"),
    [("0321", "0321"), ("321", "0321"), ("第0321号", "0321"), ("００３２１", "0321"), ("87", "0087"),
     ("20230045", "20230045"), ("052", "0052")],
)
def test_number_leading_zeros_do_not_matter(printed: str, normal: str) -> None:
    assert normalise_number(printed) == normal


def test_0321_and_321_are_one_proposal() -> None:
    a = reply("关于宿州市政协六届二次会议第0321号提案的答复")
    b = reply("关于宿州市政协六届二次会议第321号提案的答复", url="https://www.ahsz.gov.cn/public/1/2.html")
    assert key_of(a) == key_of(b) == "宿州市政协|六届二次会议|0321"


# ---------------------------------------------------------------- sessions


@pytest.mark.parametrize(
    "printed",
    ["六届二次会议", "第六届第二次会议", "6届2次会议", "六届人大二次会议", "六届政协二次会议", "第六届委员会第二次会议"],
)
def test_session_forms(printed: str) -> None:
    assert normalise_session(printed) == "六届二次会议"


def test_session_numerals_above_ten() -> None:
    assert normalise_session("第十三届一次全体会议") == "十三届一次会议"
    assert normalise_session("13届1次会议") == "十三届一次会议"
    assert normalise_session("二十一届三次会议") == "二十一届三次会议"


def test_renda_inside_the_session_names_the_assembly() -> None:
    """`市六届人大二次会议` and `宿州市人大六届二次会议` are one suggestion; 人大 goes to the body."""
    a = reply("关于市六届人大二次会议第0203号建议的答复", kind="suggestion_reply", unit="宿州市交通运输局")
    b = reply("对宿州市人大六届二次会议第203号代表建议的答复", kind="suggestion_reply", unit="宿州市财政局")
    assert key_of(a) == key_of(b) == "宿州市人大|六届二次会议|0203"


def test_same_session_words_other_assembly_stay_apart() -> None:
    """六届政协二次会议 and 六届人大二次会议 share the words, not the proposal."""
    a = reply("关于宿州市六届政协二次会议第0203号提案的答复")
    b = reply("关于宿州市六届人大二次会议第0203号建议的答复", kind="suggestion_reply")
    assert key_of(a) == "宿州市政协|六届二次会议|0203"
    assert key_of(b) == "宿州市人大|六届二次会议|0203"


# ---------------------------------------------------------------- bodies and places


@pytest.mark.parametrize(
    "title",
    ["关于宿州市政协六届二次会议第0321号提案的答复", "关于政协宿州市六届二次会议第0321号提案的答复",
     "关于中国人民政治协商会议宿州市委员会六届二次会议第0321号提案的答复",
     "关于市政协六届二次会议第0321号提案的答复"],
)
def test_body_forms_of_one_assembly(title: str) -> None:
    assert key_of(reply(title)) == "宿州市政协|六届二次会议|0321"


def test_bare_city_takes_its_place_from_the_page() -> None:
    """`市政协` on a 滁州 bureau's page is 滁州's: another city's 0321 is another proposal."""
    suzhou = reply("关于市政协六届二次会议第0321号提案的答复", unit="宿州市科技局")
    chuzhou = reply("关于市政协六届二次会议第0321号提案的答复", unit="滁州市科技局",
                    url="https://www.chuzhou.gov.cn/public/1/1.html")
    assert key_of(suzhou) == "宿州市政协|六届二次会议|0321"
    assert key_of(chuzhou) == "滁州市政协|六届二次会议|0321"


def test_place_falls_back_to_the_site_and_the_column() -> None:
    no_unit = reply("关于市政协六届二次会议第0321号提案的答复", unit="")
    no_unit.contact_unit = None
    assert key_of(no_unit) == "宿州市政协|六届二次会议|0321"  # kjj.ahsz.gov.cn
    mirror = reply("关于市政协六届二次会议第0321号提案的答复", unit="", url="http://127.0.0.1:8000/public/1/1.html",
                   source="ahsz-zxta")
    mirror.contact_unit = None
    assert key_of(mirror) == "宿州市政协|六届二次会议|0321"
    unknown = reply("关于市政协六届二次会议第0321号提案的答复", unit="", url="http://www.example.com/a.html")
    unknown.contact_unit = None
    assert refs_of(unknown) == []  # no place: no key rather than a key shared by every city


def test_a_county_bureau_does_not_name_the_city() -> None:
    """`市人大` answered by 砀山县水利局: the county is not the city; the site decides."""
    doc = reply("对市人大六届二次会议第0052号建议的答复", unit="砀山县水利局", kind="suggestion_reply",
                url="https://www.ahsz.gov.cn/public/1/9.html")
    assert key_of(doc) == "宿州市人大|六届二次会议|0052"


def test_autonomous_region_is_named_short() -> None:
    doc = reply("关于宁夏回族自治区政协十二届二次会议第0156号提案的答复", unit="宁夏回族自治区林业和草原局",
                url="https://lcj.nx.gov.cn/a.html")
    bare = reply("关于自治区政协十二届二次会议第156号提案的答复", unit="自治区林业和草原局",
                 url="http://www.nxzx.gov.cn/a.html")
    assert key_of(doc) == key_of(bare) == "宁夏政协|十二届二次会议|0156"


def test_parse_key_accepts_printed_forms() -> None:
    assert parse_key("宿州市政协|六届二次会议|321") == "宿州市政协|六届二次会议|0321"
    assert parse_key("宿州市政协|第六届第二次会议|0321") == "宿州市政协|六届二次会议|0321"
    assert parse_key("宿州市政协六届二次会议第321号提案") == "宿州市政协|六届二次会议|0321"
    assert parse_key("冷链物流") is None


def test_titles_compare_without_quotes_and_framing() -> None:
    assert normalise_title("《关于加快推进冷链物流体系建设的提案》") == normalise_title("加快推进冷链物流体系建设")


# ---------------------------------------------------------------- roles


def test_reply_roles_lead_co_and_huiban() -> None:
    lead = reply("关于市政协六届二次会议第0412号提案的答复", text="我局作为主办单位，会同市交通运输局认真研究。")
    co = reply("关于市政协六届二次会议第0412号提案的答复", text="我局作为协办单位，现将意见函复如下。")
    huiban = reply("关于市政协六届二次会议第0412号提案的答复", text="我委作为会办单位，提出如下意见。")
    title_only = reply("关于市政协六届二次会议第0412号提案协办意见的函")
    assert handling_of(lead) == ("lead", "主办")
    assert handling_of(co) == ("co", "协办")
    assert handling_of(huiban) == ("co", "会办")
    assert handling_of(title_only) == ("co", "协办")
    assert refs_of(co)[0].role == "reply" and refs_of(co)[0].handling == "co"


def test_reply_role_from_the_list_of_handling_units() -> None:
    text = "主办单位：宿州市教育局　协办单位：宿州市财政局、宿州市人力资源和社会保障局"
    lead = reply("关于市政协六届二次会议第0518号提案的答复", unit="宿州市教育局", text=text)
    co = reply("关于市政协六届二次会议第0518号提案的答复", unit="宿州市人力资源和社会保障局", text=text)
    assert handling_of(lead) == ("lead", "主办")
    assert handling_of(co) == ("co", "协办")


def test_lead_citing_the_co_handlers_is_not_a_co_reply() -> None:
    doc = reply("关于市政协六届二次会议第0412号提案的答复", text="综合协办单位意见，现答复如下。")
    assert handling_of(doc) == (None, None)


def test_report_by_number_and_by_title() -> None:
    by_number = Document(url="http://www.nxzx.gov.cn/a.html", title="第156号提案获答复：做强做优宁夏枸杞产业",
                         body_text="自治区政协十二届二次会议第156号提案近日获得答复。自治区林业和草原局作为主办单位在答复中介绍……",
                         doc_type="proposal_reply", proposal_no="156")  # the parser's title rule says reply
    refs = refs_of(by_number)
    assert [(r.role, str(r.key), r.handling) for r in refs] == [("report", "宁夏政协|十二届二次会议|0156", None)]
    by_title = Document(url="https://www.ahsz.gov.cn/c/1.html", title="市商务局高质量办理政协重点提案",
                        body_text="市政协委员王立新提出的《关于加快推进宿州市冷链物流体系建设的提案》被列为重点提案。",
                        doc_type="article")
    (ref,) = refs_of(by_title)
    assert ref.role == "report" and ref.key is None
    assert ref.title_norm == normalise_title("关于加快推进宿州市冷链物流体系建设的提案")


def test_summary_and_passing_mentions_are_about_no_proposal() -> None:
    summary = Document(url="https://www.ahsz.gov.cn/s.html", title="宿州市政协六届二次会议提案办理情况通报",
                       body_text="第0412号提案推动编制规划；第0415号提案推动建设；第0518号提案推动出台意见。",
                       doc_type="disclosure")
    one_in_a_summary = Document(url="https://www.ahsz.gov.cn/s2.html", title="提案办理工作综述",
                                body_text="今年办复提案386件，其中市政协六届二次会议第0412号提案成效明显。",
                                doc_type="article")
    passing = Document(url="https://www.ahsz.gov.cn/p.html", title="市政协召开提案工作座谈会",
                       body_text="会议总结上半年提案工作。" * 40 + "市商务局介绍了市政协六届二次会议第0412号提案办理中的做法。",
                       doc_type="article")
    assert refs_of(summary) == []
    assert refs_of(one_in_a_summary) == []
    assert refs_of(passing) == []


def test_unrelated_pages_have_no_refs() -> None:
    notice = Document(url="https://kjj.ahsz.gov.cn/n.html", title="关于组织申报2023年度市级科技计划项目的通知",
                      body_text="各县区科技局：现将申报事项通知如下。", doc_type="disclosure")
    assert refs_of(notice) == []
