"""Is this page a list of links (a column index) rather than an article?

A listing page parsed as if it were an article becomes a document titled after the
column ("提案工作") whose body is the footer: wrong data that looks right. A listing is
recognised by what it shows, not by its URL: one block of five or more links that
each carry a date (`<li><a>title</a><span>2024-06-26</span></li>`), and next to
nothing else to read outside links. An article with a sidebar of dated links (the
re-posts of SITES.md section 2) has its own text, so it stays an article.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.document import Document
from parsers.listing import _date

MIN_DATED_LINKS = 5  # a real column page lists 10-20; a "related" box 3-10, beside a body
MAX_OWN_TEXT = 400  # characters outside links and the list: breadcrumb, footer, pager
_ITEM_TAGS = ("li", "tr", "td", "dd", "dt", "p", "div", "span")
_SKIP_TEXT = "script, style, noscript, template"


@dataclass(frozen=True, slots=True)
class ListingSignal:
    dated_links: int  # links with a date, in the largest block of them
    own_text: int  # characters on the page outside links and that block

    @property
    def warning(self) -> str:
        return (f"listing page: {self.dated_links} dated links and {self.own_text} characters"
                " of its own; kept as doc_type 'listing' without a body")  # fmt: skip


def listing_signal(tree: LexborHTMLParser) -> ListingSignal | None:
    """A ListingSignal when the page is a list of dated links; None for anything else.

    Call it on the whole tree before the article parser takes the page apart.
    """
    body = tree.body
    if body is None:
        return None
    blocks: dict[int, list[LexborNode]] = {}
    holders: dict[int, LexborNode] = {}
    for a in body.css("a[href]"):
        title = (a.attributes.get("title") or a.text(strip=True) or "").strip()
        if len(title) < 4:
            continue
        item = a.parent
        while item is not None and item.tag not in _ITEM_TAGS:
            item = item.parent
        if item is None or item.parent is None:
            continue
        if _date(item.text(separator=" ", strip=True).replace(title, "")) is None:
            continue
        block = item.parent
        blocks.setdefault(block.mem_id, []).append(a)
        holders[block.mem_id] = block
    if not blocks:
        return None
    biggest = max(blocks, key=lambda k: len(blocks[k]))
    n = len(blocks[biggest])
    if n < MIN_DATED_LINKS:
        return None
    own = _own_text(body, holders[biggest])
    if own > MAX_OWN_TEXT:
        return None
    return ListingSignal(n, own)


def mark_listing(doc: Document, signal: ListingSignal) -> None:
    """Keep a listing as what it is: its title and URL, no body, a warning that says why."""
    doc.doc_type = "listing"
    doc.body_text = doc.body_html = None
    doc.attachments = []
    doc.warnings.append(signal.warning)


def _own_text(body: LexborNode, block: LexborNode) -> int:
    """Characters of the page's text outside links and outside the list block."""
    total = _text_len(body)
    links = sum(_text_len(a) for a in body.css("a") if not _inside(a, block))
    return max(0, total - _text_len(block) - links)


def _text_len(node: LexborNode) -> int:
    return len("".join(node.text(separator="", strip=True).split()))


def _inside(node: LexborNode, block: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id == block.mem_id:
            return True
        parent = parent.parent
    return False
