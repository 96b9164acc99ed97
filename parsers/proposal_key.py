"""Which proposal a page is about: the key `<body>|<session>|<number>` and the page's role.

Pure: reads a parsed `Document` (title, body, reply columns, header, site, column) and
says nothing about other pages. Grouping pages into proposals happens in the warehouse
(`warehouse/schema/008_proposals.sql`) from what this module extracts.

Normalisation, so that pages meet when they mean the same proposal and only then:
- number: `第0321号` and `第321号` are the same (`0321`: digits without leading zeros,
  padded to four); `第20230045号` stays as it is.
- session: `六届二次会议`, `第六届第二次会议`, `6届2次会议`, `六届一次全体会议` and
  `六届人大二次会议` all read `六届二次会议`; the 人大/政协 printed inside a session
  names the assembly, which goes into the body, not the session.
- body: the assembly (政协 for proposals, 人大 for suggestions) with its place:
  `宿州市政协`, `政协宿州市委员会`, `中国人民政治协商会议宿州市委员会` are one body;
  a bare `市政协` / `自治区政协` takes its place from the page (issuer, contact unit,
  source line, the column's site), so 滁州's `市政协…第0321号` is another proposal than
  宿州's. Autonomous regions are named short (`宁夏回族自治区` -> `宁夏`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from parsers.document import Document

_CN_DIGITS = "零一二三四五六七八九"
_CN_NUM = "一二三四五六七八九十百零〇两"
_FULL = str.maketrans("０１２３４５６７８９：－", "0123456789:-")

# `第六届第二次会议`, `六届人大二次会议`, `十三届一次全体会议`, `6届2次会议`
SESSION_RE = re.compile(
    f"第?(?P<term>[{_CN_NUM}\\d]{{1,4}})\\s*届\\s*(?:委员会)?\\s*(?P<asm>人大|人民代表大会|政协)?(?:常委会)?"
    f"\\s*第?(?P<meeting>[{_CN_NUM}\\d]{{1,3}})\\s*次\\s*(?:全体)?\\s*会议"
)
NUMBER_RE = re.compile(r"^\s*第\s*(?P<no>[A-Za-z]{0,3}[\d\-]+[A-Za-z]?)\s*号\s*(?P<kind>[^\d\s]{0,6})")
# a session mention followed by its number: the one pattern a page uses to name a proposal
_MENTION_RE = re.compile(
    SESSION_RE.pattern + r"\s*(?:[^\d第，。；、]{0,8}?)第\s*(?P<no>[A-Za-z]{0,3}\d[\d\-]*[A-Za-z]?)\s*号"
    r"\s*(?:(?:委员|代表)?(?P<kind>提案|建议|议案|意见))?"
)
# where a place name ends
_PLACE_RE = re.compile(
    r"(?P<place>[\u4e00-\u9fff]{1,10}?(?:回族自治区|维吾尔自治区|壮族自治区|自治区|自治州|省|市|县|区))"
)
_GENERIC_PLACES = {"市", "县", "区", "省", "自治区", "自治州", "州", "全市", "全县", "全区", "本市"}
_REGION_SHORT = re.compile(r"(?:回族|维吾尔|壮族)?自治区$")
# words around an assembly's name that are not part of the place
_ASSEMBLY_WORDS = re.compile(
    r"中国人民政治协商会议|人民政治协商会议|政治协商会议|人民代表大会常务委员会|人民代表大会|常务委员会|"
    r"政协|人大|常委会|委员会"
)
_LEAD_IN = re.compile(r"^.*(?:关于|对于|对|就|针对|答复)")
_TITLE_WORDS = re.compile(r"^(?:关于|对|就)|(?:的)?(?:提案|建议|议案)$")
_PUNCT = re.compile(r"[\s\u3000\u00a0《》〈〉“”\"'‘’「」『』()（）【】\[\],，.。、:：;；!！?？·\-—_]+")

# The handling role a reply states for its own bureau.
_SELF_ROLE = re.compile(
    r"(?:我|本)(?:局|委|厅|办|院|处|单位|中心|部|会|公司|署|站|所)[^。；，,]{0,12}?"
    r"(?:作为|为|是|系)[^。；，,]{0,10}?(?P<label>主办|协办|会办)单位"
)
_ROLE_OPINION = re.compile(r"(?P<label>主办|协办|会办)(?:单位)?(?:的)?(?:答复|办理)?意见")
_ROLE_AS = re.compile(r"作为[^。；，,]{0,10}?(?P<label>主办|协办|会办)单位")
_ROLE_LIST = re.compile(
    r"(?P<label>主办|协办|会办)单位\s*[:：]\s*(?P<units>(?:(?!(?:主办|协办|会办)单位)[^。；;\n]){2,120})"
)
HANDLING = {"主办": "lead", "协办": "co", "会办": "co"}

# Reports: a title that says a proposal was answered, handled, acted on.
_REPORT_TITLE = re.compile(r"答复|获答复|回复|回音|办理|落实|采纳|建言|提案|建议|议案|督办")
_QUOTED_PROPOSAL = re.compile(
    r"《(?P<t>[^《》]{4,80})》(?:的)?\s*(?:重点)?(?P<kind>提案|建议|议案)"
    r"|《(?P<t2>[^《》]{2,80}(?:提案|建议|议案))》"
)
# news titles: a proposal "got" its answer (a reply's own title says 关于…的答复)
_NEWS_TITLE = re.compile(r"获(?:得)?(?:答复|回复|回应)|有回音|得到.{0,6}答复|办理.{0,4}(?:见实效|有成效)")
_ABOUT_PROPOSAL = re.compile(
    r"(?:提出|提交|领衔|撰写|所提)(?:了)?(?:的)?“?(?P<t>关于[^，。；、“”《》]{4,60}?)(?:的)?(?P<kind>提案|建议|议案)"
)
_PROPOSER_INLINE = re.compile(
    r"(?:政协)?(?P<role>委员|代表)(?P<name>[\u4e00-\u9fff]{2,4}?)(?=提出|提交|领衔|所提|建议|表示|认为|说|在|的|，|、)"
)
# a title that sums up many proposals' handling: never about one of them
_SUMMARY_TITLE = re.compile(r"综述|总结|工作情况|情况的报告|情况报告|年度报告|汇编|一览|目录|清单|通报")
# "综合协办单位意见": the lead bureau citing the others, not a co-handling reply
_CITING = re.compile(r"(?:综合|结合|征求|会同|汇总|吸收|采纳|听取)[^。，]{0,10}$")

# The column's site names the place when a page prints only 市政协 or 自治区政协.
SITE_PLACES: dict[str, str] = {
    "nxzx.gov.cn": "宁夏回族自治区",
    "nx.gov.cn": "宁夏回族自治区",
    "ahsz.gov.cn": "宿州市",
    "szszx.gov.cn": "宿州市",
    "chuzhou.gov.cn": "滁州市",
    "fy.gov.cn": "阜阳市",
    "luan.gov.cn": "六安市",
    "bozhou.gov.cn": "亳州市",
    "xiaoxian.gov.cn": "萧县",
    "dangshan.gov.cn": "砀山县",
    "lingbi.gov.cn": "灵璧县",
    "sixian.gov.cn": "泗县",
    "guzhen.gov.cn": "固镇县",
    "yongqiao.gov.cn": "埇桥区",
    "jinhua.gov.cn": "金华市",
    "xinxiang.gov.cn": "新乡市",
}
# Crawl sources (CONTRACT.md) by their name's prefix, for pages served from a mirror.
SOURCE_PLACES: dict[str, str] = {"nxzx": "宁夏回族自治区", "ahsz": "宿州市"}


@dataclass(frozen=True, slots=True)
class ProposalKey:
    """One proposal: the assembly it was filed with, the session, the number."""

    body: str
    session: str
    number: str
    kind: str  # proposal | suggestion

    def __str__(self) -> str:
        return f"{self.body}|{self.session}|{self.number}"


@dataclass(slots=True)
class ProposalRef:
    """What one page says about one proposal (a reply to it, a report on it)."""

    url: str
    role: str  # reply | report
    key: ProposalKey | None  # None: a report that names the proposal by title only
    proposal_title: str | None = None
    title_norm: str | None = None
    proposer: str | None = None
    handling: str | None = None  # lead | co (主办 | 协办/会办) when the reply says so
    handling_label: str | None = None
    bureau: str | None = None
    titles: list[str] = field(default_factory=list)  # a report's candidate titles, normalised


# ---------------------------------------------------------------- normalisation rules


_DIGIT_VALUE = {c: i for i, c in enumerate(_CN_DIGITS)} | {"〇": 0, "两": 2}


@functools.lru_cache(maxsize=512)
def cn_number(value: str) -> int | None:
    """`十三` -> 13, `二` -> 2, `13` -> 13 (session numerals as printed)."""
    value = value.translate(_FULL)
    if value.isdigit():
        return int(value)
    total, current = 0, 0
    for ch in value:
        if ch in _DIGIT_VALUE:
            current = _DIGIT_VALUE[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def cn_numeral(n: int) -> str:
    """13 -> `十三`, 2 -> `二`, 20 -> `二十` (the way sessions are printed)."""
    if n < 10:
        return _CN_DIGITS[n]
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    return str(n)


@functools.lru_cache(maxsize=4096)
def normalise_session(text: str | None) -> str | None:
    """Any printed form of a session -> `六届二次会议` (None if the text names none)."""
    if not text:
        return None
    m = SESSION_RE.search(text.translate(_FULL))
    if not m:
        return None
    term, meeting = cn_number(m.group("term")), cn_number(m.group("meeting"))
    if term is None or meeting is None:
        return None
    return f"{cn_numeral(term)}届{cn_numeral(meeting)}次会议"


def normalise_number(raw: str | None) -> str | None:
    """`0321`, `321`, `第０３２１号` -> `0321`; letters kept upper-case (`a12` -> `A0012`)."""
    if not raw:
        return None
    text = raw.translate(_FULL).strip().removeprefix("第").removesuffix("号").strip()
    m = re.fullmatch(r"([A-Za-z]{0,3})(\d+)([A-Za-z]?)", text)
    if not m:
        return text.upper() or None
    return f"{m.group(1).upper()}{int(m.group(2)):04d}{m.group(3).upper()}"


def normalise_title(raw: str | None) -> str | None:
    """A proposal title as it can be compared: no 《》, no 关于 / 的提案, no punctuation."""
    if not raw:
        return None
    text = raw.translate(_FULL)
    text = _PUNCT.sub("", text)
    for _ in range(2):
        text = _TITLE_WORDS.sub("", text)
    return text or None


def place_of(text: str | None, level: str | None = None) -> str | None:
    """The first place name at the start of `text` (`宿州市科技局` -> `宿州市`), optionally of
    one level only (`市`, `县`, `自治区`...)."""
    if not text:
        return None
    m = _PLACE_RE.match(text.strip())
    if not m:
        return None
    place = m.group("place")
    if place in _GENERIC_PLACES:
        return None
    if level and not place.endswith(level):
        return None
    return _short_place(place)


def _short_place(place: str) -> str:
    if place.endswith("自治区") and place not in _GENERIC_PLACES:
        return _REGION_SHORT.sub("", place)
    return place


def normalise_body(printed: str, assembly: str, context: list[str | None]) -> str | None:
    """`宿州市政协` / `政协宿州市委员会` / `市政协` (+ context) -> `宿州市政协`.

    `printed` is the text before the session (its lead-in such as 关于 removed),
    `assembly` `政协` or `人大`; context lists texts that may name the place, best first.
    """
    rest = _ASSEMBLY_WORDS.sub("", printed).strip()
    place = None
    level = None
    if rest:
        m = _PLACE_RE.search(rest)
        candidate = m.group("place") if m else rest
        if candidate in _GENERIC_PLACES or candidate in ("全", "本"):
            level = candidate
        elif m:
            place = _short_place(candidate)
    if place is None:
        for text in context:
            found = _context_place(text, level)
            if found:
                place = found
                break
    if place is None:
        return None
    return f"{place}{assembly}"


def _context_place(text: str | None, level: str | None) -> str | None:
    if not text:
        return None
    if text.startswith("site:"):
        text = site_place(text[5:])
    return place_of(text, level)


def site_place(url_or_host: str) -> str | None:
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    host = (host or "").lower()
    for domain, place in SITE_PLACES.items():
        if host == domain or host.endswith("." + domain):
            return place
    return None


# ---------------------------------------------------------------- reading one page


@dataclass(frozen=True, slots=True)
class Mention:
    key: ProposalKey
    start: int


def mentions(text: str | None, context: list[str | None], default_kind: str | None = None) -> list[Mention]:
    """Every `<body><session>第<number>号<提案|建议>` the text prints, as keys."""
    if not text:
        return []
    text = text.translate(_FULL)
    found: list[Mention] = []
    for m in _MENTION_RE.finditer(text):
        before = text[max(0, m.start() - 24) : m.start()]
        before = re.split(r"[\s，,。；;：:、“”《》（）()—]", before)[-1]
        before = _LEAD_IN.sub("", before)
        asm_word = m.group("asm") or ""
        kind_word = m.group("kind") or ""
        if "人大" in asm_word or "人民代表" in asm_word or re.search(r"人大|人民代表", before):
            assembly = "人大"
        elif "政协" in asm_word or re.search(r"政协|政治协商", before):
            assembly = "政协"
        elif kind_word in ("建议", "议案"):
            assembly = "人大"
        elif kind_word == "提案":
            assembly = "政协"
        elif default_kind:
            assembly = "人大" if default_kind == "suggestion" else "政协"
        else:
            continue
        body = normalise_body(before, assembly, context)
        session = normalise_session(m.group(0))
        number = normalise_number(m.group("no"))
        if not (body and session and number):
            continue
        kind = "suggestion" if assembly == "人大" else "proposal"
        found.append(Mention(ProposalKey(body, session, number, kind), m.start()))
    return found


def _context(doc: Document) -> list[str | None]:
    """Texts that may name the place of a bare `市政协`, best first."""
    ctx: list[str | None] = [doc.issuer, doc.contact_unit, doc.source_name, doc.consult_org]
    host = doc.final_url or doc.url
    ctx.append(f"site:{host}")
    if doc.original_url:
        ctx.append(f"site:{doc.original_url}")
    if doc.source:
        ctx.append(SOURCE_PLACES.get(doc.source.split("-")[0]))
    return ctx


def handling_of(doc: Document) -> tuple[str | None, str | None]:
    """(lead|co, 主办|协办|会办) when the reply says which part its bureau had."""
    body = doc.body_text or ""
    title = doc.title or ""
    # a reply states its part in its opening (or signs off with it): not in the middle
    for pattern, text in (
        (_SELF_ROLE, body[:1200]), (_SELF_ROLE, body[-600:]), (_ROLE_OPINION, title), (_ROLE_AS, body[:800]),
    ):
        m = pattern.search(text)
        if m:
            return HANDLING[m.group("label")], m.group("label")
    bureau = bureau_of(doc)
    if bureau and "办单位" in body:
        short = place_free(bureau)
        for m in _ROLE_LIST.finditer(body):
            units = m.group("units")
            if bureau in units or (short and len(short) >= 2 and short in units):
                return HANDLING[m.group("label")], m.group("label")
    for m in _ROLE_OPINION.finditer(body[:600]):
        if not _CITING.search(body[max(0, m.start() - 14) : m.start()]):
            return HANDLING[m.group("label")], m.group("label")
    return None, None


def place_free(unit: str) -> str:
    """`宿州市科技局` -> `科技局` (co-handling lists often drop the city)."""
    m = _PLACE_RE.match(unit)
    return unit[m.end() :] if m else unit


def bureau_of(doc: Document) -> str | None:
    return doc.contact_unit or doc.issuer or doc.source_name


def _is_reply(doc: Document) -> bool:
    """A reply by the parser's reading, addressed to someone or carrying the trailer.

    A news title saying a proposal 获答复 with its number reads as a reply to the
    parser's title rule; without a salutation, class or contact unit it is a report.
    """
    if doc.doc_type not in ("proposal_reply", "suggestion_reply"):
        return False
    if _NEWS_TITLE.search(doc.title or "") and not doc.proposer:
        return False
    return bool(doc.proposer or doc.reply_class or doc.contact_unit)


def refs_of(doc: Document) -> list[ProposalRef]:
    """The proposals one page is about, with the page's role; [] for anything else.

    A reply names its proposal in its title (or the opening of its body); a report names
    one proposal (by number, or by its title in 《》 / `关于…的提案`) and says in its title
    that it is about a proposal's handling. A page naming several proposals (a yearly
    summary of replies, a list of key proposals) is about none of them in particular.
    """
    ctx = _context(doc)
    title = doc.title or ""
    body = doc.body_text or ""
    if _is_reply(doc):
        kind = "suggestion" if doc.doc_type == "suggestion_reply" else "proposal"
        found = mentions(title, ctx, kind) or mentions(body[:400], ctx, kind)
        keys = {m.key for m in found}
        if len(keys) != 1:
            return []
        handling, label = handling_of(doc)
        return [
            ProposalRef(
                url=doc.url,
                role="reply",
                key=next(iter(keys)),
                proposal_title=doc.proposal_title,
                title_norm=normalise_title(doc.proposal_title),
                proposer=doc.proposer,
                handling=handling,
                handling_label=label,
                bureau=bureau_of(doc),
            )
        ]
    return _report_refs(doc, ctx, title, body)


def _report_refs(doc: Document, ctx: list[str | None], title: str, body: str) -> list[ProposalRef]:
    if not _REPORT_TITLE.search(title) or _SUMMARY_TITLE.search(title):
        return []
    everywhere = mentions(title + "\n" + body, ctx)
    keys = {m.key for m in everywhere}
    quoted = {
        normalise_title(m.group("t") or m.group("t2")) for m in _QUOTED_PROPOSAL.finditer(title + "\n" + body)
    }
    quoted |= {normalise_title(m.group("t")) for m in _ABOUT_PROPOSAL.finditer(title + "\n" + body)}
    quoted.discard(None)
    if len(keys) > 1 or len(quoted) > 2:
        return []  # a summary naming many proposals: none of them in particular
    proposer = _report_proposer(title + "\n" + body)
    if keys:
        (key,) = keys
        if not _near_start(everywhere, len(title)) and not re.search(r"答复|回复|回音|办理|落实|采纳", title):
            return []  # the number is mentioned in passing
        return [ProposalRef(url=doc.url, role="report", key=key, proposer=proposer, bureau=None)]
    return [
        ProposalRef(url=doc.url, role="report", key=None, title_norm=t, proposer=proposer, titles=[t])  # type: ignore[list-item]
        for t in sorted(quoted)  # type: ignore[type-var]
    ]


def _near_start(found: list[Mention], title_len: int) -> bool:
    """A mention in the title or the first 300 characters of the body."""
    return any(m.start <= title_len + 300 for m in found)


def _report_proposer(text: str) -> str | None:
    m = _PROPOSER_INLINE.search(text)
    return m.group("name") if m else None


def parse_key(text: str) -> str | None:
    """A key typed by a user (`宿州市政协|六届二次会议|321`, or the words of a title:
    `宿州市政协六届二次会议第321号提案`) in its normal form; None if it names no proposal."""
    text = text.strip()
    if text.count("|") == 2:
        body, session, number = (p.strip() for p in text.split("|"))
        norm_session = normalise_session(session) or session
        norm_number = normalise_number(number) or number
        m = re.fullmatch(r"(.*?)(政协|人大)", body)
        if m:
            body = normalise_body(m.group(1) + m.group(2), m.group(2), []) or body
        return f"{body}|{norm_session}|{norm_number}"
    found = mentions(text, [])
    return str(found[0].key) if found else None
