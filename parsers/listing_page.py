"""Is this page a list of links (a column index) rather than an article?

A listing page parsed as if it were an article becomes a document titled after the
column ("提案工作") whose body is the footer: wrong data that looks right. A listing is
recognised by what it shows, not by its URL: one block of five or more links that
each carry a date (`<li><a>title</a><span>2024-06-26</span></li>`), and next to
nothing else to read outside links. An article with a sidebar of dated links (the
re-posts of SITES.md section 2) has its own text, so it stays an article.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.document import Document
from parsers.listing import _date
from parsers.tags import tag_ids
from parsers.tree_walks import (
    FAST,
    HREF_LINKS,
    LINKS,
    Tags,
    link_groups,
    link_text_chars,
    node_at,
    select,
    text_chars,
)

MIN_DATED_LINKS = 5  # a real column page lists 10-20; a "related" box 3-10, beside a body
MAX_OWN_TEXT = 400  # characters outside links and the list: breadcrumb, footer, pager
_ITEM_TAGS = ("li", "tr", "td", "dd", "dt", "p", "div", "span")
_ITEM_IDS = tag_ids(*_ITEM_TAGS)
_ITEMS = Tags(", ".join(_ITEM_TAGS))


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
    # Links grouped by their block (the item's parent) first, without reading any text:
    # a block holding fewer than MIN_DATED_LINKS links cannot hold that many dated ones,
    # so only the items of the few blocks that can are read (an article's body div with
    # a couple of links in it is never read here).
    groups, node = _link_groups_in_c(body) if FAST else _link_groups(body)
    best: tuple[int, int, int] | None = None  # (dated links, -first dated link's position, block)
    item_texts: dict[int, str | None] = {}  # an item's text, None when it prints no date at all
    for key, links in groups.items():
        # An item's date is printed inside one of its text runs, which the block prints
        # too: a block (a menu, a link bar) printing no date at all has no dated item.
        # (A date holds no whitespace, so it sits inside one run: the runs joined by a
        # space, unstripped, hold a date exactly when the stripped ones do. In C it sits
        # inside one text node, so one walk of the text marks every block that prints
        # one, and `_link_groups_in_c` returns only those.)
        if not FAST and not prints_date(node(key).text(separator=" ")):
            continue
        dated = 0
        first = 0
        for position, link_key, item_key in links:
            if item_key in item_texts:
                text = item_texts[item_key]
            else:
                text = node(item_key).text(separator=" ", strip=True)
                text = item_texts[item_key] = text if prints_date(text) else None
            if text is None:
                continue  # no date anywhere in the item: none once a title is taken out of it
            a = node(link_key)
            title = (a.attrs.get("title") or a.text(strip=True) or "").strip()
            if len(title) < 4 or _date(text.replace(title, "")) is None:
                continue
            if not dated:
                first = position
            dated += 1
        if dated and (best is None or (dated, -first) > best[:2]):
            best = (dated, -first, key)
    if best is None or best[0] < MIN_DATED_LINKS:
        return None
    n = best[0]
    own = _own_text(body, node(best[2]), page_text)
    if own > MAX_OWN_TEXT:
        return None
    return ListingSignal(n, own)



# {block key: [(position, link key, item key)]}, and the node each key stands for.
Groups = dict[int, list[tuple[int, int, int]]]


def _link_groups(body: LexborNode) -> tuple[Groups, Callable[[int], LexborNode]]:
    """Each `<a href>` as (position, link, item), grouped by block (the item's parent),
    blocks in the order of their first link; only blocks of MIN_DATED_LINKS or more."""
    groups: Groups = {}
    nodes: dict[int, LexborNode] = {}
    item_ids = _ITEM_IDS
    for position, a in enumerate(select(body, HREF_LINKS)):
        item = a.parent
        while item is not None and item.tag_id not in item_ids:
            item = item.parent
        if item is None:
            continue
        block = item.parent
        if block is None:
            continue
        key = block.mem_id
        nodes[key], nodes[a.mem_id], nodes[item.mem_id] = block, a, item
        groups.setdefault(key, []).append((position, a.mem_id, item.mem_id))
    return {k: v for k, v in groups.items() if len(v) >= MIN_DATED_LINKS}, nodes.__getitem__


def _link_groups_in_c(body: LexborNode) -> tuple[Groups, Callable[[int], LexborNode]]:
    """`_link_groups`' blocks that print a listing date, from C (one walk for the links, one
    for the dates); a node is made only when the caller reads it."""
    return link_groups(body, _ITEMS, MIN_DATED_LINKS, dated_only=True), functools.partial(node_at, body)

# The tail of a `listing._DATE` match from its first separator on. `_DATE` starts with
# `\d{2,4}`, which the regex engine tries at every position of the text (block texts run
# to thousands of characters); this one starts with a character class, which it skips
# to, and is ~3x faster there.
_DATE_TAIL = re.compile(r"[-/.年]\d\d?[-/.月]\d")


def prints_date(text: str) -> bool:
    """Whether `listing._DATE` matches somewhere in `text` (the same answer, found faster).

    `_DATE` matches exactly where two decimal digits (`\\d`: Unicode category Nd, as
    `str.isdecimal`) stand right before a `_DATE_TAIL` match; every start of a tail match
    is tried (a search from the character after the last start, so overlapping tails are
    not skipped).
    """
    search = _DATE_TAIL.search
    m = search(text)
    while m is not None:
        start = m.start()
        if start >= 2 and text[start - 2 : start].isdecimal():
            return True
        m = search(text, start + 1)
    return False


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
    if FAST:
        return max(0, total - text_chars(block) - link_text_chars(body, block))
    inside = {a.mem_id for a in select(block, LINKS)}
    inside.discard(block.mem_id)  # css() matches the block itself; the block is not inside itself
    links = sum(_text_len(a) for a in select(body, LINKS) if a.mem_id not in inside)
    return max(0, total - _text_len(block) - links)


def _text_len(node: LexborNode) -> int:
    """Characters of the node's text that are not whitespace (`tree_walks.text_chars`)."""
    if FAST:
        return text_chars(node)
    return len("".join(node.text(separator="", strip=True).split()))
