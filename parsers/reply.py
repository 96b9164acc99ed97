"""Layer 3: reply semantics from the title, the salutation and the trailer.

A proposal reply (提案答复) and a people's-congress suggestion reply (建议答复) share
one anatomy: a title naming session and number, `尊敬的X委员/代表：`, the proposal
title in 《》, and trailer lines `办复类别：B类`, `联系单位：…`, `联系电话：…`.
News reports *about* a reply have none of these, so a page is a reply only when the
title says so and at least one of the reply's own marks is present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN_NUM = "一二三四五六七八九十百零〇两"
_FULL = str.maketrans("ＡＢＣＤａｂｃｄ０１２３４５６７８９：", "ABCDabcd0123456789:")

SESSION_RE = re.compile(
    f"第?([{_CN_NUM}\\d]+)届(?:委员会)?(?:人大|人民代表大会|政协)?(?:常委会)?第?([{_CN_NUM}\\d]+)次(全体)?会议"
)
NUMBER_RE = re.compile(r"第\s*([A-Za-z]{0,3}[\d\-－]+[A-Za-z]?)\s*号")
TITLE_KIND_RE = re.compile(r"答复|回复|复函|答覆|办理(?:情况|意见)的?函")
SALUTATION_RE = re.compile(
    r"尊敬的\s*(?P<name>[^\s:：，,。!！]{1,40}?)\s*(?P<role>委员|代表|同志|先生|女士|老师)?们?\s*[:：]"
)
BARE_SALUTATION_RE = re.compile(r"^(?P<name>[\u4e00-\u9fff·、]{2,20}?)(?P<role>委员|代表)[:：]", re.M)
PROPOSED_TITLE_RE = re.compile(
    r"(?:提出|所提|提交|领衔|联名提出|提出来)的\s*(?:关于)?\s*“?《(?P<t>[^《》]{2,120})》"
)
QUOTED_TITLE_RE = re.compile(r"《(?P<t>[^《》]{2,120})》\s*(?:的)?\s*(?P<kind>提案|建议|议案)")
UNQUOTED_TITLE_RE = re.compile(
    r"(?:您|你|你们|贵单位|贵会)(?:领衔)?(?:提出|所提|提交|所提出)的(?:关于)?(?P<t>[^，。《》“”]{2,80}?)的?(?P<kind>提案|建议|议案)"
)
_QUOTED = re.compile(r"《(?P<t>[^《》]{2,120})》")
# “关于…的提案” in quotation marks instead of 《》: only when it names the proposal itself.
_DOUBLE_QUOTED = re.compile(r"(?:提出|所提|提交)的\s*[“\"](?P<t>[^“”\"]{2,120}?(?:提案|建议|议案))[”\"]")
CLASS_RE = re.compile(r"(?:办复|办理|答复)类[别型]\s*[:：]?\s*[（(“\"]?\s*([A-Da-dＡ-Ｄａ-ｄ])\s*类?")
CLASS_INLINE_RE = re.compile(r"(?:列为|属于|按)\s*([ABCＡＢＣ])\s*类")
CONTACT_UNIT_RE = re.compile(
    r"联系单位\s*[:：]\s*([^\s，,；;:：]{2,40}?)(?=\s|联系人|联系电话|电话|[，,；;。:：]|$)", re.M
)
CONTACT_PHONE_RE = re.compile(r"联系电话\s*[:：]\s*([0-9０-９(（][0-9０-９\-－—()（）\s]{3,30}[0-9０-９])")
REPORTER_RE = re.compile(r"[（(]\s*(?:本报)?记者\s*([^()（）\n]{1,40}?)\s*[)）]")
REPORTER_INLINE_RE = re.compile(
    r"(?:本报|本台|本网)?记者\s*[:：]?\s*([\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}?)(?=\s*(?:报道|通讯员|摄影|$|[\s，,）)]))"
)


@dataclass(slots=True)
class Reply:
    """The reply columns of the contract, plus which kind of reply it is (None: not one)."""

    kind: str | None = None  # "proposal_reply" | "suggestion_reply"
    proposal_no: str | None = None
    session: str | None = None
    proposer: str | None = None
    proposal_title: str | None = None
    reply_class: str | None = None
    contact_unit: str | None = None
    contact_phone: str | None = None

    def columns(self) -> dict[str, str | None]:
        return {
            "proposal_no": self.proposal_no,
            "session": self.session,
            "proposer": self.proposer,
            "proposal_title": self.proposal_title,
            "reply_class": self.reply_class,
            "contact_unit": self.contact_unit,
            "contact_phone": self.contact_phone,
        }


# Several of these patterns start with an optional part (`第?`, `(?:本报)?`), so the regex
# engine tries them at every position of the text; each needs a literal word (届, 类,
# 记者, 《, 尊敬的), and a text without that word is answered by one `in` scan instead.


def _session(text: str) -> str | None:
    m = SESSION_RE.search(text) if "届" in text else None
    if not m:
        return None
    return f"{m.group(1)}届{m.group(2)}次{m.group(3) or ''}会议"


def _proposer(salute: re.Match[str] | None) -> str | None:
    """The name the salutation (`_salutation` of the body's head) addresses."""
    if not salute:
        return None
    name = salute.group("name").strip("“”\"")
    return name or None


def _salutation(head: str) -> re.Match[str] | None:
    if "尊敬的" in head and (m := SALUTATION_RE.search(head)):
        return m
    return BARE_SALUTATION_RE.search(head) if "委员" in head or "代表" in head else None


def _proposal_title(title: str, body: str, salute: re.Match[str] | None) -> str | None:
    """The first 《》 after the salutation; then 《》 next to 提案/建议; then unquoted forms."""
    if salute:
        m = _QUOTED.search(body, salute.end(), salute.end() + 600)
        if m:
            return m.group("t").strip()
    if salute:
        m = _DOUBLE_QUOTED.search(body, salute.end(), salute.end() + 400)
        if m:
            return m.group("t").strip()
    head = body[:1500]
    m = PROPOSED_TITLE_RE.search(head) if "《" in head and ("提" in head or "领衔" in head) else None
    if m:
        return m.group("t").strip()
    for text in (head, title):
        m = QUOTED_TITLE_RE.search(text) if "《" in text else None
        if m:
            return m.group("t").strip()
    addressed = "您" in head or "你" in head or "贵" in head  # 您/你/你们/贵单位/贵会 提出的
    m = UNQUOTED_TITLE_RE.search(head) if addressed and any(kind in head for kind in _KINDS) else None
    return m.group("t").strip() if m else None


_KINDS = ("提案", "建议", "议案")


def _reply_class(body: str) -> str | None:
    if "类" not in body:
        return None
    m = CLASS_RE.search(body) or CLASS_INLINE_RE.search(body)
    return m.group(1).translate(_FULL).upper() if m else None


def read_reply(title: str | None, body: str | None) -> Reply:
    """Reply columns from title and body text; `kind` None for anything that is not a reply."""
    title = title or ""
    body = body or ""
    reply = Reply()
    reply.session = _session(title) or _session(body[:400])
    m = NUMBER_RE.search(title) or NUMBER_RE.search(body[:400])
    reply.proposal_no = m.group(1).translate(_FULL) if m else None
    salute = _salutation(body[:600])  # (one search for the proposer and the proposal title)
    reply.proposer = _proposer(salute)
    reply.proposal_title = _proposal_title(title, body, salute)
    tail = body[-1500:]
    reply.reply_class = _reply_class(tail) or _reply_class(body[:800])
    m = CONTACT_UNIT_RE.search(tail)
    reply.contact_unit = m.group(1) if m else None
    m = CONTACT_PHONE_RE.search(tail)
    reply.contact_phone = re.sub(r"\s+", "", m.group(1).translate(_FULL)) if m else None

    titled = bool(TITLE_KIND_RE.search(title))
    marks = sum(
        bool(x) for x in (reply.proposer, reply.reply_class, reply.contact_unit, reply.proposal_no)
    )
    if not (titled and marks) and not (reply.proposer and (reply.reply_class or reply.contact_unit)):
        return Reply()
    text = title + body[:600]
    suggestion = ("建议" in title or "议案" in title or "代表" in text) and "提案" not in title
    if "提案" not in text and ("建议" in text or "代表" in text):
        suggestion = True
    reply.kind = "suggestion_reply" if suggestion else "proposal_reply"
    return reply


def read_reporter(body: str | None) -> str | None:
    """`(记者 单 瑞)` -> `单瑞` (names are spaced out for typesetting, not meaning)."""
    if not body or "记者" not in body:
        return None
    m = REPORTER_RE.search(body)
    if m:
        name = re.split(r"通讯员|摄影|实习生", m.group(1))[0]
        name = re.sub(r"[\s\u3000\u00a0]+", "", name).strip("：:")
        return name or None
    for part in (body[:300], body[-300:]):
        m = REPORTER_INLINE_RE.search(part) if "记者" in part else None
        if m:
            return re.sub(r"\s+", "", m.group(1))
    return None
