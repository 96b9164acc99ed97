"""The shape of a golden case and the conventions shared by every case module.

`case()` registers a case; `make_pages.py` imports the case modules (which register
on import) and writes each registered case as `<name>.html` + `<name>.json`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Chrome that must never reach body_text; each case adds the traps its page carries.
AHSZ_CHROME = ["扫一扫", "打印本页", "关闭窗口", "上一篇", "下一篇", "相关链接", "ICP备", "网站标识码", "政府网站找错", "字体", "浏览量", "发表时间", "当前位置"]
CITY_CHROME = ["扫一扫", "打印本页", "关闭窗口", "上一篇", "下一篇", "相关链接", "ICP备", "网站标识码", "政府网站找错", "字号", "您的位置"]
NXZX_CHROME = ["您当前的位置", "责任编辑", "打印本页", "关闭窗口", "上一篇", "ICP备", "网站标识码", "政府网站找错", "来源:华兴时报"]

NULL_REPLY = {
    "proposal_no": None,
    "session": None,
    "proposer": None,
    "proposal_title": None,
    "reply_class": None,
    "contact_unit": None,
    "contact_phone": None,
}
NULL_HEADER = {
    "index_no": None,
    "info_category": None,
    "issuer": None,
    "written_date": None,
    "publish_date": None,
    "doc_no": None,
    "validity": None,
    "effective_date": None,
    "expiry_date": None,
    "doc_name": None,
    "consult_org": None,
    "consult_phone": None,
}


@dataclass
class Case:
    name: str
    url: str
    content_type: str | None
    encoding: str  # how the bytes are really encoded ("utf-8", "gb18030", "utf-8-sig")
    description: str
    html: str
    fields: dict[str, Any]
    body_starts_with: str | None = None
    body_ends_with: str | None = None
    body_contains: list[str] = field(default_factory=list)
    body_not_contains: list[str] = field(default_factory=list)
    attachments: list[dict[str, str]] | None = None


def nbsp(label: str) -> str:
    """`文号:` -> `文&nbsp;&nbsp;号:` (two-character labels padded to four, as the platform does)."""
    return label[0] + "&nbsp;&nbsp;" + label[1:]


def split_label(first: str, rest: str) -> str:
    """A label split across elements (the seed shows only the tail: `号:`, `性:`)."""
    return f'<span class="lab-l">{first}</span>{rest}'


CASES: list[Case] = []


def case(c: Case) -> Case:
    CASES.append(c)
    return c
