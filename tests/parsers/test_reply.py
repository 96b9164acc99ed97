"""parsers.reply: reply columns from title, salutation and trailer."""

from __future__ import annotations

import pytest

from parsers.reply import read_reply, read_reporter

SEED_TITLE = "关于宿州市政协六届二次会议第0321号提案的答复"
SEED_BODY = (
    "尊敬的邵广真委员：\n\n您好！感谢您对科技工作的关注与支持，关于您提出的《如何做好新经济形式下的城市赋能》的提案已收悉，"
    "现结合我局职能回复如下：\n\n一、总体情况\n\n……\n\n办复类别：B类\n\n联系单位：宿州市科技局\n\n联系电话：3022482"
)


def test_seed003() -> None:
    r = read_reply(SEED_TITLE, SEED_BODY)
    assert r.kind == "proposal_reply"
    assert r.columns() == {
        "proposal_no": "0321",
        "session": "六届二次会议",
        "proposer": "邵广真",
        "proposal_title": "如何做好新经济形式下的城市赋能",
        "reply_class": "B",
        "contact_unit": "宿州市科技局",
        "contact_phone": "3022482",
    }


@pytest.mark.parametrize(
    ("salutation", "proposer"),
    [
        ("尊敬的民革宿州市委会：", "民革宿州市委会"),
        ("尊敬的九三学社宿州市委员会：", "九三学社宿州市委员会"),
        ("尊敬的张伟、李娜委员：", "张伟、李娜"),
        ("王建国代表：", "王建国"),
        ("尊敬的王建国代表:", "王建国"),
    ],
)
def test_proposer_forms(salutation: str, proposer: str) -> None:
    body = f"{salutation}\n\n您提出的《关于加强农村饮用水安全保障的建议》收悉。\n\n办理类别：A类"
    r = read_reply("对市人大十七届二次会议第128号建议的答复", body)
    assert r.proposer == proposer
    assert r.proposal_title == "关于加强农村饮用水安全保障的建议"  # everything inside the first 《》


def test_suggestion_reply_with_fullwidth_class_and_shared_trailer_line() -> None:
    body = (
        "王建国代表：\n\n您提出的关于加强城区老旧小区改造的建议收悉，现答复如下：\n\n"
        "办理类别：Ｃ类　联系单位：市住房和城乡建设局　联系人：刘洋　联系电话：（0557）3021234"
    )
    r = read_reply("对市十七届人大二次会议第128号代表建议的答复", body)
    assert r.kind == "suggestion_reply"
    assert (r.proposal_no, r.session, r.reply_class) == ("128", "十七届二次会议", "C")
    assert r.contact_unit == "市住房和城乡建设局"
    assert r.contact_phone == "（0557）3021234"
    assert r.proposal_title == "加强城区老旧小区改造"


def test_news_about_a_reply_is_not_a_reply() -> None:
    r = read_reply(
        "多重发力 激发电子信息产业新动能——九三学社宁夏区委会 自治区政协委员聚焦电子信息产业发展建言获答复",
        "今年,九三学社宁夏区委会、自治区政协委员提交相关提案……近日,该提案得到主办单位的积极办理。\n\n(记者 单 瑞)",
    )
    assert r.kind is None and all(v is None for v in r.columns().values())


def test_report_about_replies_is_not_a_reply() -> None:
    r = read_reply(
        "宿州市人民政府办公室关于2022年度人大代表建议和政协委员提案办理工作情况的报告",
        "代表建议中办复类别为A类的153件；其中，市政协六届一次会议第0321号提案提出的建议已纳入方案。",
    )
    assert r.kind is None and r.proposal_no is None


@pytest.mark.parametrize(
    ("text", "reporter"),
    [("……发展。 (记者 单 瑞)", "单瑞"), ("……（记者　张三　通讯员　李四）", "张三"), ("本报记者 王五 报道", "王五"), ("无署名", None)],
)
def test_reporter(text: str, reporter: str | None) -> None:
    assert read_reporter(text) == reporter
