"""Page-level facts that sit around the body: title, the 来源/发表时间 line, editor, 原文链接.

Read from the whole page before the body is cut out, because on most templates these
live outside the body container (and must then be kept out of `body_text`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.dates import BARE_DATE, DATE_RE, parse_datetime
from parsers.header import split_inline_pairs
from parsers.text import clean_inline, clean_text, finditer_not_after
from parsers.tree_walks import (
    FAST,
    HREF_LINKS,
    Tags,
    select,
    select_css,
    select_first,
    with_text,
)

_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|\s[-–—]\s|--)\s*")
_TITLE_CANDIDATES = (
    "h1, h2, h3, .title, .Title, [class*=title], [id*=title], [class*=biaoti], "
    "td.title, strong, font, b"
)
_LABEL_WORDS = r"(?:来源|信息来源|文章来源|发布时间|发表时间|发布日期|发文日期|更新时间|时间|日期|发布|发表|作者|编辑|责任编辑)\s*[:：]"
_INFO_LABEL = re.compile(r"(?<![\u4e00-\u9fff])" + _LABEL_WORDS)
# The same without its leading lookbehind, for `text.finditer_not_after` over a whole
# page's text (the lookbehind checked by hand, many times faster; `dates.BARE_DATE` too).
_BARE_LABEL = re.compile(_LABEL_WORDS)

_EDITOR_RE = re.compile(r"【\s*责任编辑\s*】\s*[:：]?\s*([^\s【】()（）:：]{1,20})|责任编辑\s*[:：]\s*([^\s【】()（）:：]{1,20})")
_ORIGINAL_RE = re.compile(r"原文(?:链接|地址)\s*[:：]?\s*(https?://[^\s\"'<>，。；]+)")
_SOURCE_LABELS = ("来源", "信息来源", "文章来源", "稿件来源")
_DATE_LABELS = ("发表时间", "发布时间", "发布日期", "发文日期", "日期", "时间", "发布", "发表", "更新时间")
_EDITOR_LABELS = ("责任编辑", "编辑")
MAX_INFO_NODES = 6000
MAX_TITLE_CANDIDATES = 2000
MAX_TITLE_TEXT = 200  # characters
_SITE_NAME = re.compile(r"^.{0,12}(?:人民政府|政府网|门户网站|网站|政协|人大常委会|人民代表大会)$")


@dataclass(slots=True)
class InfoLine:
    """The line under the title: `2023-06-20 08:25 来源:宿州市科技局 编辑:...`."""

    node: LexborNode | None = None
    published_at: dt.datetime | None = None
    source: str | None = None
    editor: str | None = None


def page_title(tree: LexborHTMLParser) -> str | None:
    node = select_first(tree, _TITLE_TAG)
    text = clean_inline(node.text()) if node is not None else ""
    return text or None


def strip_site_suffix(title: str) -> str:
    """'关于…的答复_宿州市科技局' -> '关于…的答复' (em dashes inside titles are kept)."""
    parts = [p for p in _TITLE_SPLIT.split(title) if p]
    return parts[0] if parts else title


def _title_rank(node: LexborNode, text: str, full: str, bonus: int) -> int | None:
    """How well an element's text serves as the title; None when it cannot be one."""
    if not 4 <= len(text) <= MAX_TITLE_TEXT:
        return None
    if full and text not in full:
        return len(text) // 4 + bonus if bonus and len(text) >= 8 else None
    if full and full.endswith(text) and not full.startswith(text) and len(text) * 2 < len(full):
        return None  # the site-name suffix of <title> printed in a logo
    rank = len(text) + bonus + (20 if node.tag == "h1" else 0)
    if full.startswith(text):
        rank += 50
    return rank

_HEADINGS = Tags("h1, h2, h3")
_TITLE_TAG = Tags("title")
_H1 = Tags("h1")


def find_title(
    tree: LexborHTMLParser, meta_title: str | None, selectors: tuple[str, ...] = ()
) -> tuple[str | None, LexborNode | None]:
    """The article title (not the <title> with its site suffix) and the element printing it.

    ArticleTitle wins when present. Otherwise the heading-like element whose text
    best matches the start of <title> (adapter selectors first), then <title>
    without its suffix.
    """
    if meta_title:
        printed = nodes_printing(tree, meta_title)
        return meta_title, (printed[0] if printed else None)
    full = page_title(tree) or ""
    if _SITE_NAME.search(strip_site_suffix(full)):
        full = ""  # <title> carries only the site's name: it says nothing about the article
    best: tuple[int, str, LexborNode] | None = None
    # Without a <title> to match against, bold runs in the body are no evidence.
    generic = _TITLE_CANDIDATES if full else "h1, h2, [class*=title], [class*=biaoti], [class*=tit]"
    for bonus, selector in [*((40, s) for s in selectors), (0, generic)]:
        nodes = select_css(tree, selector)
        if len(nodes) > MAX_TITLE_CANDIDATES:
            nodes = select(tree, _HEADINGS)[:MAX_TITLE_CANDIDATES]
        for node in nodes:
            text = clean_text(node, "", MAX_TITLE_TEXT)
            if text is None or len(text) < 4:
                continue  # too long or too short to be a title (`_title_rank` says the same)
            rank = _title_rank(node, text, full, bonus)
            if rank is not None and (best is None or rank > best[0]):
                best = (rank, text, node)
    if best is not None:
        return best[1], best[2]
    stripped = strip_site_suffix(full) if full else None
    if stripped:
        printed = nodes_printing(tree, stripped)
        if printed:
            return stripped, printed[0]
    h1 = select_first(tree, _H1)
    if h1 is not None and clean_inline(h1.text()):
        return clean_inline(h1.text()), h1
    return stripped, None


def _anchor_selector(words: tuple[str, ...]) -> str:
    return ", ".join(f'body :lexbor-contains("{w}")' for w in words)


# Elements whose own text carries an info-line word; the line is one of them or an
# ancestor a few levels up. Letting the C side find the anchors keeps this cheap on
# pages with thousands of elements.
INFO_WORDS = ("来源", "时间", "日期", "作者", "编辑", "浏览", "点击")
MAX_INFO_TEXT = 200  # an info line is short; longer text is a paragraph that mentions a 时间
_DATE_ANCHOR_LEVELS = 3


def _within(node: LexborNode, ids: set[int]) -> bool:
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id in ids:
            return True
        current = current.parent
    return False


def nodes_printing(root: LexborHTMLParser | LexborNode, text: str) -> list[LexborNode]:
    """Elements (of the page body, or under `root`) whose whole text is `text`.

    Found from the C side by a text probe, then checked up to three levels up.
    """
    start = root.body if isinstance(root, LexborHTMLParser) else root
    if start is None:
        return []
    probe = text[:12].replace("\\", "").replace('"', "")
    if not probe.strip():
        return []
    if FAST:  # the page's body: its descendants; a node: itself and its descendants
        anchors = with_text(start, (probe,), include_self=start is root, per_probe=False)
    else:
        anchors = root.css(f'{"body :" if start is not root else ":"}lexbor-contains("{probe}")')
    found: list[LexborNode] = []
    seen: set[int] = set()
    for anchor in anchors:
        node: LexborNode | None = anchor
        for _ in range(3):
            if node is None or node.tag in ("body", "html") or node.mem_id in seen:
                break
            seen.add(node.mem_id)
            raw = node.text(separator="")
            if len(raw) > 2 * len(text) + 40:
                break
            if clean_inline(raw) == text:
                found.append(node)
                break
            node = node.parent
    return found


def _under_title(node: LexborNode) -> str | None:
    """The line `node` prints when it is an info line or a bare date line, else None."""
    text = clean_text(node, " ", MAX_INFO_TEXT)
    if text is None:
        return None  # longer than either kind of line (read no further)
    return _info_candidate(text) or _bare_date(text)


def _info_candidate(text: str) -> str | None:
    if 6 <= len(text) <= MAX_INFO_TEXT and _INFO_LABEL.search(text) and DATE_RE.search(text):
        return text
    return None


def _bare_date(text: str) -> str | None:
    """A line right under the title that prints only a date (`2023-06-20`)."""
    m = DATE_RE.search(text) if len(text) <= 40 else None
    if m and len(text) - len(m.group(0)) <= 8:
        return text
    return None


def _near_title(title_node: LexborNode) -> tuple[str, LexborNode] | None:
    """The info line is printed right under the title: look at what follows it."""
    node: LexborNode | None = title_node
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            return None
        sibling = node.next
        checked = 0
        while sibling is not None and checked < 3:
            if sibling.is_element_node:
                checked += 1
                text = _under_title(sibling)
                if text:
                    return text, sibling
            sibling = sibling.next
        node = node.parent
    return None


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _may_hold_info_line(page_text: str) -> bool:
    """Whether some stretch of MAX_INFO_TEXT characters prints both an info label and a date.

    Every info line is such a stretch of the page's text, so when none exists the
    element-by-element search (the expensive part) cannot find one either.
    """
    flat = clean_inline(page_text)
    labels = [m.start() for m in finditer_not_after(_BARE_LABEL, flat, _is_cjk)]
    if not labels:
        return False
    for m in finditer_not_after(BARE_DATE, flat, str.isdecimal):  # `\d` is str.isdecimal()
        # the nearest labels on either side are the only ones that can be close enough
        at = bisect.bisect_left(labels, m.start())
        for start in labels[max(0, at - 1) : at + 1]:
            if max(m.end(), start + 3) - min(m.start(), start) <= MAX_INFO_TEXT:
                return True
    return False


def find_info_line(
    tree: LexborHTMLParser,
    exclude: list[LexborNode] | None = None,
    title_node: LexborNode | None = None,
    page_text: str | None = None,
    words: frozenset[str] | None = None,
) -> InfoLine:
    """The 来源/发布时间 line: a short element printing a date next to such labels.

    First looked for right under the title; otherwise among all elements carrying an
    info word, the one with most labels wins, then the earliest on the page (the line
    sits under the title, before any body paragraph that mentions a 时间).
    """
    if tree.body is None:
        return InfoLine()
    near = _near_title(title_node) if title_node is not None else None
    if near is not None:
        return _info_from(*near)
    if page_text is not None:
        if not _may_hold_info_line(page_text):
            return InfoLine()
        printed = words if words is not None else page_text  # `words`: words_present over INFO_WORDS
        present = tuple(w for w in INFO_WORDS if w in printed)  # absent words match nothing
    else:
        present = INFO_WORDS
    if not present:
        anchors = []
    elif FAST:
        anchors = with_text(tree.body, present, include_self=False, per_probe=True)
    else:
        anchors = tree.css(_anchor_selector(present))
    if len(anchors) > MAX_INFO_NODES:
        return InfoLine()
    best: tuple[int, int, str, LexborNode] | None = None
    seen: set[int] = set()
    excluded = {n.mem_id for n in exclude or ()}
    for position, anchor in enumerate(anchors):
        if excluded and _within(anchor, excluded):
            continue  # the disclosure header also prints 日期 labels
        node: LexborNode | None = anchor
        for _ in range(_DATE_ANCHOR_LEVELS):
            if node is None or node.tag in ("body", "html") or node.mem_id in seen:
                break
            seen.add(node.mem_id)
            text = clean_text(node, " ", MAX_INFO_TEXT)
            if text is None or len(text) > MAX_INFO_TEXT:
                break
            if len(text) >= 6 and DATE_RE.search(text):
                labels = len(_INFO_LABEL.findall(text))
                if labels and (best is None or labels > best[0]):
                    best = (labels, -position, text, node)
                break
            node = node.parent
    if best is None:
        return InfoLine()
    return _info_from(best[2], best[3])


def _info_from(text: str, node: LexborNode) -> InfoLine:
    labels = {label: _clean_value(value) for label, value in split_inline_pairs(text, any_label=True)}
    info = InfoLine(node=node)
    for label in _DATE_LABELS:
        value = parse_datetime(labels.get(label))
        if value:
            info.published_at = value
            break
    if info.published_at is None:
        info.published_at = parse_datetime(text)
    info.source = next((labels[k] for k in _SOURCE_LABELS if labels.get(k)), None)
    info.editor = next((labels[k] for k in _EDITOR_LABELS if labels.get(k)), None)
    return info


_VALUE_END = re.compile(r"\s{2,}|【|\[|\||｜|\u3000")


def _clean_value(value: str) -> str:
    """A value on the info line ends where the next widget starts (【字体：大 中 小】, |)."""
    return _VALUE_END.split(value, maxsplit=1)[0].strip()


def find_editor(page_text: str, words: frozenset[str] | None = None) -> str | None:
    if "责任编辑" not in (words if words is not None else page_text):  # both spellings print it whole
        return None
    m = _EDITOR_RE.search(page_text)
    if not m:
        return None
    return (m.group(1) or m.group(2)).strip() or None


def find_original_url(tree: LexborHTMLParser, page_text: str) -> str | None:
    m = _ORIGINAL_RE.search(page_text)
    if m:
        return re.sub(r"[).,]+$", "", m.group(1))
    # Whether a link's parent prints 原文链接/原文地址, read once per parent: the links of
    # a list or a nav bar share one, whose text would otherwise be read once per link.
    named: dict[int, bool] = {}
    for a in select(tree, HREF_LINKS):
        href = a.attributes.get("href") or ""
        if not href.startswith("http"):
            continue
        parent = a.parent
        says: bool | None = False
        if parent is not None:
            key = parent.mem_id
            says = named.get(key)
            if says is None:
                context = parent.text(separator="")
                says = named[key] = "原文链接" in context or "原文地址" in context
        if says or "查看原文" in a.text():
            return href
    return None


def _precision(value: dt.datetime) -> int:
    if value.time() == dt.time():
        return 0
    return 2 if value.second else 1


def pick_published(*candidates: dt.datetime | None) -> dt.datetime | None:
    """First candidate wins, unless a later one prints the same moment more precisely.

    Meta tags often carry `2023-06-20 08:25` while the page prints `08:25:22`; the more
    precise rendering of the same moment is the better record.
    """
    chosen: dt.datetime | None = None
    for value in candidates:
        if value is None:
            continue
        if chosen is None or (
            value.date() == chosen.date()
            and _precision(value) > _precision(chosen)
            and (_precision(chosen) == 0 or (chosen.hour, chosen.minute) == (value.hour, value.minute))
        ):
            chosen = value
    return chosen


__all__ = [
    "InfoLine",
    "find_editor",
    "find_info_line",
    "find_original_url",
    "find_title",
    "page_title",
    "pick_published",
    "strip_site_suffix",
]
