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
from parsers.listing import _DATE, _date

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


def listing_signal(tree: LexborHTMLParser, page_text: str | None = None) -> ListingSignal | None:
    """A ListingSignal when the page is a list of dated links; None for anything else.

    Call it on the whole tree before the article parser takes the page apart.
    `page_text`: the body's text, when the caller has it already (saves a text pass).
    An item's text is read once however many links it holds (a nav bar in one `<div>`
    holds dozens), and a link's title only when its item prints a date at all.
    """
    body = tree.body
    if body is None:
        return None
    blocks: dict[int, list[LexborNode]] = {}
    holders: dict[int, LexborNode] = {}
    item_texts: dict[int, str | None] = {}  # an item's text, None when it prints no date at all
    for a in body.css("a[href]"):
        item = a.parent
        while item is not None and item.tag not in _ITEM_TAGS:
            item = item.parent
        if item is None:
            continue
        key = item.mem_id
        if key in item_texts:
            text = item_texts[key]
        else:
            text = item.text(separator=" ", strip=True)
            text = item_texts[key] = text if _DATE.search(text) else None
        if text is None:
            continue  # no date anywhere in the item: none once a title is taken out of it
        title = (a.attrs.get("title") or a.text(strip=True) or "").strip()
        if len(title) < 4:
            continue
        block = item.parent
        if block is None or _date(text.replace(title, "")) is None:
            continue
        blocks.setdefault(block.mem_id, []).append(a)
        holders[block.mem_id] = block
    if not blocks:
        return None
    biggest = max(blocks, key=lambda k: len(blocks[k]))
    n = len(blocks[biggest])
    if n < MIN_DATED_LINKS:
        return None
    own = _own_text(body, holders[biggest], page_text)
    if own > MAX_OWN_TEXT:
        return None
    return ListingSignal(n, own)


def mark_listing(doc: Document, signal: ListingSignal) -> None:
    """Keep a listing as what it is: its title and URL, no body, a warning that says why."""
    doc.doc_type = "listing"
    doc.body_text = doc.body_html = None
    doc.attachments = []
    doc.warnings.append(signal.warning)


def _own_text(body: LexborNode, block: LexborNode, page_text: str | None = None) -> int:
    """Characters of the page's text outside links and outside the list block."""
    # Every kind of whitespace is dropped before counting, so the body's text with any
    # separator (the caller's page text) counts the same as a fresh stripped pass.
    total = len("".join(page_text.split())) if page_text is not None else _text_len(body)
    inside = {a.mem_id for a in block.css("a")}
    inside.discard(block.mem_id)  # css() matches the block itself; the block is not inside itself
    links = sum(_text_len(a) for a in body.css("a") if a.mem_id not in inside)
    return max(0, total - _text_len(block) - links)


def _text_len(node: LexborNode) -> int:
    return len("".join(node.text(separator="", strip=True).split()))
