"""Layer 5: main content on any page — text/link density scoring and chrome removal.

Scoring follows the readability idea, kept linear so pathological pages stay cheap:
every paragraph-like element credits its container (full) and the container's parent
(half); the best few candidates are then discounted by link density and by class
names that say "navigation". Chrome inside the chosen container is removed by what
it *says* (【打印本页】, 分享到, 上一篇, 网站标识码 ...), because class names differ per CMS
but the words do not.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.attachments import absolute, is_file_link
from parsers.dates import DATE_RE
from parsers.tags import tag_id, tag_ids
from parsers.text import clean_inline, clean_text, squash
from parsers.tree_walks import (
    FAST,
    LINKS,
    Tags,
    credited_scores,
    link_texts,
    node_at,
    select,
    select_first,
)

# Removed from the whole page before anything is scored.
JUNK_TAGS = [
    "script", "style", "noscript", "iframe", "object", "embed", "template", "svg", "canvas",
    "link", "meta", "select", "input", "button", "textarea", "map",
]
# Removed inside the chosen container: structural chrome, whatever its text.
STRUCTURAL_CHROME = Tags("nav, aside, footer, header")
_NEGATIVE = re.compile(
    r"nav|menu|footer|foot|sidebar|side|share|breadcrumb|crumb|position|location|copyright|"
    r"related|xgxx|xglj|comment|advert|banner|topbar|toolbar|login|search|hot|latest|recommend|"
    r"friend|links|pager|pagination|print|qrcode|ewm|disclaimer|mzsm",
    re.I,
)
_POSITIVE = re.compile(
    r"article|content|contnet|zoom|detail|text|body|main|news|TRS_Editor|view|con\b|wz|zw|"
    r"fontContent|post|entry",
    re.I,
)
_PUNCT = re.compile(r"[，。；、！？,.;!?]")

# A chrome element is recognised by its words. "Token" phrases are removed when they are
# (almost) all the element says; "line" phrases at the start of an element drop the element.
CHROME_TOKENS = re.compile(
    r"【?\s*(?:打印本页|打印此页|打印文章|打印|关闭窗口|关闭本页|关闭|返回顶部|收藏|纠错|我要纠错)\s*】?|"
    r"【?\s*字[体号]\s*[:：]?\s*[\[【]?\s*大\s*[\]】]?\s*[\[【]?\s*中\s*[\]】]?\s*[\[【]?\s*小\s*[\]】]?\s*】?|"
    r"分享到\s*[:：]?|扫一扫\s*(?:在手机(?:上)?打开当前页|手机打开|分享)?|在手机打开当前页|"
    r"微信|微博|QQ空间|视力保护色|默认|浏览(?:量|次数)\s*[:：]?\s*\d*|阅读(?:量|次数)\s*[:：]?\s*\d*|"
    r"点击(?:数|量|率)\s*[:：]?\s*\d*"
)
_SEPARATORS = r"【】\[\]()（）|｜/\\\-—>:：,，.。·•\s"
_PUNCT_SPACE = re.compile(f"[{_SEPARATORS}]+")
CHROME_LINE = re.compile(
    r"^[\W_]*(?:您当前的位置|您现在的位置|当前位置|所在位置|上一篇|下一篇|上一条|下一条|"
    r"相关链接|相关阅读|相关文章|相关新闻|相关信息|相关文件|相关解读|免责声明|网站标识码|"
    r"版权所有|技术支持|联系我们|网站地图|网站声明|[\u4e00-\u9fff]?ICP备|"
    r"[\u4e00-\u9fff]?公网安备|原文链接|责任编辑|\[?免责声明|最新加入|热门资讯|热门文章|热点新闻|推荐阅读|"
    r"扫一扫|分享到|打印本页|关闭窗口|【打印|【关闭)"
)
# Footer marks, wherever they sit in a short element. 主办/承办 alone are not enough:
# a reply's trailer may say 主办单位：市科技局, a footer also says 网站标识码 or ICP备.
FOOTER_MARKS = re.compile(
    r"ICP备\s*\d|公网安备\s*\d|网站标识码|Copyright|©|版权所有\s*[:：©(（]|技术支持\s*[:：]"
)
INFO_LINE = re.compile(
    r"(?<![\u4e00-\u9fff])(?:来源|信息来源|文章来源|发布时间|发表时间|发布日期|发文日期|时间|日期|浏览量|浏览次数|"
    r"点击数|阅读量|作者|编辑|字号)\s*[:：]"
)
# A long list of type selectors matches faster as one `:is()` (same elements, same order).
_CHROME_CANDIDATES = Tags(
    "p, div, li, ul, ol, dl, span, td, tr, table, a, font, strong, b, center, section, h1, h2, "
    "h3, h4, h5, h6, em, i, label"
)
MAX_CHROME_TEXT = 400
MAX_TOKEN_LINE = 80
MAX_GUARDED_NODES = 6000  # above this, skip the per-element text passes (pathological pages)


def strip_junk(tree: LexborHTMLParser) -> None:
    """Junk elements and hidden text blobs, found in one selector pass, removed innermost first."""
    for node in reversed(select(tree, JUNK_OR_HIDDEN)):  # innermost first: never touch a removed node
        if node.tag in JUNK_SET or is_hidden_blob(node):
            node.decompose()


# Keyword-stuffed SEO blocks: an element hidden by its inline style that holds a long run
# of text with hardly any markup (news-portal templates and SEO plug-ins append 100+ KB of
# search terms in a `display:none` div). No reader sees it, and every text pass would pay
# for it. Hidden *content* (tabs, 展开全文 bodies) carries paragraph markup and stays.
HIDDEN_STYLES = ("display:none", "display: none", "visibility:hidden")
HIDDEN_BLOB_TEXT = 3000  # characters
HIDDEN_BLOB_CHARS_PER_ELEMENT = 300  # a blob has fewer than one element per this much text


JUNK_SET = frozenset(JUNK_TAGS)
JUNK_OR_HIDDEN = Tags(", ".join([*JUNK_TAGS, *(f'[style*="{style}"]' for style in HIDDEN_STYLES)]))


def is_hidden_blob(node: LexborNode) -> bool:
    text = node.text(separator="")
    if len(text) < HIDDEN_BLOB_TEXT:
        return False
    return len(node.css("*")) * HIDDEN_BLOB_CHARS_PER_ELEMENT < len(text)


MAX_CLASS_WEIGHT = 1.6  # the largest factor `_class_weight` gives
MAX_RANKED = 8  # candidates whose link density and class names are weighed


def _class_weight(node: LexborNode) -> float:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if not names.strip():
        return 1.0
    weight = 1.0
    if _NEGATIVE.search(names):
        weight *= 0.35
    if _POSITIVE.search(names):
        weight *= 1.6
    return weight


def link_density(node: LexborNode, text_len: int | None = None) -> float:
    if FAST:
        counted, links = link_texts(node, with_total=text_len is None)
        total = text_len if text_len is not None else counted or 0
        if total == 0:
            return 1.0
        linked = sum(n for href, n in links if not is_file_link(href or ""))  # attachments are content
        return min(1.0, linked / total)
    total = text_len if text_len is not None else len(squash(node.text(separator="")))
    if total == 0:
        return 1.0
    linked = 0
    for a in select(node, LINKS):
        href = a.attributes.get("href") or ""
        if is_file_link(href):
            continue  # attachment links are content
        linked += len(squash(a.text(separator="")))
    return min(1.0, linked / total)


_IMAGES = Tags("img")
_LINKS_AND_IMAGES = Tags("a[href], img[src]")
_HTML_ID = tag_id("html")
_A_ID = tag_id("a")


def _credit(scores: dict[int, list], node: LexborNode | None, amount: float) -> None:
    if node is None or node.tag_id == _HTML_ID:
        return
    key = node.mem_id
    entry = scores.get(key)
    if entry is None:
        scores[key] = [node, amount]
    else:
        entry[1] += amount


def preceding_ids(anchor: LexborNode | None) -> set[int]:
    """Elements wholly before `anchor` (its and its ancestors' earlier siblings).

    Articles run *after* their title; a text-heavy box before it (a news column, a
    notice board in the left sidebar) is never the body, however dense.
    """
    ids: set[int] = set()
    node = anchor
    while node is not None and node.tag not in ("body", "html"):
        sibling = node.prev
        while sibling is not None:
            if sibling.is_element_node:
                ids.add(sibling.mem_id)
            sibling = sibling.prev
        node = node.parent
    return ids


def _is_before(node: LexborNode, before: set[int]) -> bool:
    current: LexborNode | None = node
    while current is not None and current.tag != "body":
        if current.mem_id in before:
            return True
        current = current.parent
    return False


_PARAGRAPH_TAGS = frozenset({"p", "pre", "blockquote"})
_BOX_TAGS = ("div", "td", "section", "article", "font", "span", "dd", "center")
# A box without any child node (`:empty`: no text, maybe comments) has no own text to
# score: the selector leaves it out, which spares a text() call on a fifth of the boxes.
_SCORED = Tags(", ".join((*_PARAGRAPH_TAGS, "br")), nonempty=", ".join(_BOX_TAGS))
_PARAGRAPHS = Tags(", ".join(_PARAGRAPH_TAGS))
_BOXES = Tags(", ".join(_BOX_TAGS))
_PARAGRAPH_IDS = tag_ids(*_PARAGRAPH_TAGS)
_BR_ID = tag_id("br")


def find_main(root: LexborNode, before: set[int] | None = None) -> LexborNode | None:
    """The element holding the page's running text, or None when nothing reads as prose.

    `before`: ids from `preceding_ids(title)`; candidates inside them lose to any
    candidate after the title that holds some prose.
    """
    scores = _scores_in_c(root) if FAST else _scores(root)
    if not scores:
        return None
    ranked = sorted(scores, key=lambda e: e[1], reverse=True)
    top: list[list] | None = None
    if before:
        after = []
        for entry in _nodes_as_read(root, ranked):  # only the best 8 after the title: stop there
            if not _is_before(entry[0], before):
                after.append(entry)
                if len(after) == MAX_RANKED:
                    break
        if after and after[0][1] >= 2:
            top = after
    if top is None:
        top = list(itertools.islice(_nodes_as_read(root, ranked), MAX_RANKED))
    best: LexborNode | None = None
    best_score = 0.0
    for node, score in top:
        if score * MAX_CLASS_WEIGHT <= best_score:
            break  # ranked by score: no later candidate can win, skip their link counts
        if node.tag == "body":
            score *= 0.7
        adjusted = score * (1 - link_density(node)) * _class_weight(node)
        if adjusted > best_score:
            best, best_score = node, adjusted
    return best


def _amount(text: str) -> float:
    return _amount_of(len(text), len(_PUNCT.findall(text)))


def _amount_of(length: int, punct: int) -> float:
    """What a text of `length` cleaned characters, `punct` of them _PUNCT, credits."""
    return 1 + punct + min(length / 40, 5)


def _scores(root: LexborNode) -> list[list]:
    """Each candidate's [node, score], credited in page order: paragraphs first (their
    container in full, its parent half), then boxes by their own text (themselves and
    their parent). Selector passes; `_scores_in_c` is the same in one C walk."""
    scores: dict[int, list] = {}
    # One selector pass (each css() walks the whole subtree), split by tag in page order;
    # paragraphs are credited first, then the boxes with their own text, as before.
    paragraphs: list[LexborNode] = []
    boxes: list[LexborNode] = []
    with_br: set[int] = set()
    for node in select(root, _SCORED):
        tag = node.tag_id
        if tag in _PARAGRAPH_IDS:
            paragraphs.append(node)
        elif tag == _BR_ID:
            parent = node.parent
            if parent is not None:
                with_br.add(parent.mem_id)
        else:
            boxes.append(node)
    for node in paragraphs:
        raw = node.text()
        if len(raw) < 8 or raw.isspace():
            continue  # cleaning only shortens: no need to clean what is already too short
        text = clean_inline(raw)
        if len(text) < 8:
            continue
        amount = _amount(text)
        parent = node.parent
        if parent is not None:
            _credit(scores, parent, amount)
            _credit(scores, parent.parent, amount / 2)
    for node in boxes:
        raw = node.text(deep=False)
        if len(raw) < 8 or raw.isspace():
            continue
        text = clean_inline(raw)
        if len(text) < 8:
            continue
        amount = _amount(text)
        if node.mem_id in with_br:
            amount *= 1.2
        _credit(scores, node, amount)
        _credit(scores, node.parent, amount / 2)
    return list(scores.values())  # in the order each was first credited


def _scores_in_c(root: LexborNode) -> list[list]:
    """`_scores`, read and credited in one C walk: each candidate's [address, score], in
    the same order, with the same scores (the same double operations in the same order).
    The C side measures each cleaned text (its length and `_PUNCT` count) without making it."""
    return credited_scores(root, _PARAGRAPHS, _BOXES, min_chars=8)


def _nodes_as_read(root: LexborNode, ranked: list[list]) -> Iterator[list]:
    """The ranked [key, score] entries in order, each key made a node as it is read
    (the C walk credits node addresses; only the few candidates looked at need nodes)."""
    for entry in ranked:
        if isinstance(entry[0], int):
            entry[0] = node_at(root, entry[0])
        yield entry


# Every CHROME_TOKENS match contains one of these characters (the first of each widget
# word); text without any of them is spared the expensive substitution.
_TOKEN_HINT = re.compile("[打关返收纠我字分扫在微Q视默浏阅点]")
# A character that is in no widget word (the letters of the pattern, a superset), no
# separator and no digit survives both removals of `_residual`: text with more of them
# than a chrome line's residual may hold is answered without the substitution.
_WIDGET_CHARS = "".join(sorted(set(re.findall(r"[^\W\d_]", CHROME_TOKENS.pattern))))
_KEPT = f"{re.escape(_WIDGET_CHARS)}\\d{_SEPARATORS}"


@functools.cache  # one per count; counts stop at MAX_TOKEN_LINE // 8
def _foreign_more_than(count: int) -> re.Pattern[str]:
    """Matches text holding more than `count` foreign characters (in one pass, no copies)."""
    return re.compile(f"(?:[{_KEPT}]*[^{_KEPT}]){{{count + 1}}}")


def _residual(text: str) -> tuple[str, bool]:
    """Text left after removing widget words and punctuation, and whether any word was found."""
    if _TOKEN_HINT.search(text) is None:
        return _PUNCT_SPACE.sub("", text), False
    stripped, found = remove_tokens(text)
    return _PUNCT_SPACE.sub("", stripped), found > 0


def remove_tokens(text: str) -> tuple[str, int]:
    r"""`CHROME_TOKENS.subn("", text)`, with the pattern tried only where a match can start.

    Every alternative is a widget word starting with a `_TOKEN_HINT` character, some with
    an optional `【?\s*` before it (so the regex engine cannot skip ahead and tries every
    alternative at every position). A match therefore starts at a hint character or in
    the `【`/whitespace run right before it: those few positions are tried, left to right,
    from the end of the last match, as `subn` finds them (~3x faster on the short lines
    this is asked about).
    """
    pieces: list[str] = []
    end = at = found = 0  # end of the last match; where to look for the next hint
    while (hint := _TOKEN_HINT.search(text, at)) is not None:
        h = start = hint.start()
        while start > end and text[start - 1].isspace():  # `\s` is str.isspace()
            start -= 1
        if start > end and text[start - 1] == "【":
            start -= 1
        m = next((m for p in range(start, h + 1) if (m := CHROME_TOKENS.match(text, p))), None)
        if m is None:
            at = h + 1
            continue
        pieces.append(text[end : m.start()])
        end = at = m.end()
        found += 1
    if not found:
        return text, 0
    pieces.append(text[end:])
    return "".join(pieces), found


def is_chrome_text(text: str) -> bool:
    """True for text that is site furniture (print/close/share/breadcrumb/footer lines)."""
    if not text:
        return False
    if CHROME_LINE.search(text) or FOOTER_MARKS.search(text):
        return True
    if len(text) > MAX_TOKEN_LINE:
        return False  # widget rows are short; long text is never all widget words
    if _TOKEN_HINT.search(text) is None:  # no widget word: chrome only if nothing but separators
        return _PUNCT_SPACE.fullmatch(text) is not None
    if _foreign_more_than(max(1, len(text) // 8)).match(text):
        return False  # the residual holds at least those: more than the test below allows
    residual, found = _residual(text)
    if not residual:
        return True  # only brackets and separators left, e.g. 【】【】 once the links went
    return found and len(residual) <= max(1, len(text) // 8)


def _is_info_line(text: str) -> bool:
    if ":" not in text and "：" not in text:
        return False  # every INFO_LINE label ends in a colon
    return len(text) < 200 and bool(INFO_LINE.search(text)) and bool(
        DATE_RE.search(text) or re.search(r"(?:来源|浏览|点击)", text)
    )


def remove_chrome(container: LexborNode, extra_lines: re.Pattern[str] | None = None) -> None:
    """Drop furniture inside the body container, innermost elements first."""
    for node in select(container, STRUCTURAL_CHROME):
        node.decompose()
    candidates = select(container, _CHROME_CANDIDATES)
    if len(candidates) > MAX_GUARDED_NODES:
        return
    own = container.mem_id
    # Innermost first, so an element's text is read after its chrome children went. An
    # element holding a long one is long too (its text contains that text), so once an
    # element is found too long to be chrome its ancestors are skipped unread: on real
    # pages those are the page wrappers, whose text is the whole page.
    long: set[int] = set()
    for node in reversed(candidates):
        key = node.mem_id
        if key == own or key in long:  # css() matches the container itself
            continue
        text = clean_text(node, "", MAX_CHROME_TEXT)  # None: surely longer (read no further)
        if text is None or len(text) > MAX_CHROME_TEXT:
            _mark_ancestors(node, own, long)
            continue
        if not text:
            if node.tag_id in _EMPTY_DROP_IDS and select_first(node, _IMAGES) is None:
                node.decompose()
            continue
        if is_chrome_text(text) or _is_info_line(text) or (extra_lines and extra_lines.search(text)):
            node.decompose()
            continue
        if node.tag_id in _LINK_LIST_IDS and _is_link_list(node, text):
            node.decompose()


_EMPTY_DROP_IDS = tag_ids("p", "div", "span", "font", "strong", "b", "a")
_LINK_LIST_IDS = tag_ids("ul", "ol", "dl", "div", "table")


def _mark_ancestors(node: LexborNode, stop: int, marked: set[int]) -> None:
    """Add the ids of `node`'s ancestors below `stop` to `marked` (up to one already there)."""
    current = node.parent
    while current is not None:
        key = current.mem_id
        if key == stop or key in marked:
            return
        marked.add(key)
        current = current.parent


def _is_link_list(node: LexborNode, text: str) -> bool:
    links = select(node, LINKS)
    if len(links) < 3:
        return False
    if any(is_file_link(a.attributes.get("href") or "") for a in links):
        return False
    return link_density(node, len(squash(text))) > 0.5


def absolutize(container: LexborNode, base: str) -> None:
    """Relative links and image sources made absolute, so body_html stands alone."""
    resolved: dict[str, str | None] = {}  # the same link is often printed twice (icon + text)
    for node in select(container, _LINKS_AND_IMAGES):
        attr = "href" if node.tag_id == _A_ID else "src"
        value = node.attrs.get(attr)
        if value is None:
            continue
        if value in resolved:
            url = resolved[value]
        else:
            url = resolved[value] = absolute(value, base)
        if url and url != value:  # an attribute already absolute is left as it is
            node.attrs[attr] = url


NOISY_ATTRS = ("style", "onclick", "onload", "onmouseover", "onmouseout", "onerror")
_NOISY_ATTRS_SELECTOR = ", ".join(f"[{a}]" for a in NOISY_ATTRS)


def clean_attributes(container: LexborNode) -> None:
    for node in container.css(_NOISY_ATTRS_SELECTOR):
        attrs = node.attributes
        for attr in NOISY_ATTRS:
            if attr in attrs:
                del node.attrs[attr]
