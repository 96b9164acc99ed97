"""Walks in C over lexbor's tree: the layers' element searches, and the passes that read
every match's text, without lexbor's selector engine or a Python object per element.

Most selector passes the layers make are lists of tag names (`"p, div, li"`), some with
an attribute (`a[href]`, `[style*="display:none"]`). Lexbor's selector engine answers
each by matching every node of the subtree against the compiled list and selectolax
wraps each match (0.03-0.3 ms a call on a real page; the layers make about twenty);
`parsers/_treewalk.c` answers the same question by looking each element's tag id up in a
table, and hands back the same selectolax nodes in the same order. A `Tags` is built
once per list, at import.

The extension is optional: when it is not built (no C compiler at install) or cannot
read this selectolax's nodes, every search runs as the `css()` it stands for, and the
layers that read more in one walk (`scoring_inputs`, `link_groups`, `block_text_raw`,
`with_text`, `text_chars`, `link_texts`, `nests_deeper_than`) keep their
selectolax code; the answers never depend on it, only the speed (`FAST` says which is in
use). `tests/parsers/test_tree_walks.py` checks both ways give the same nodes on every
test page and the same documents (a child process that cannot import the extension
parses them the other way).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.tags import tag_id

_MASK_SIZE = 256  # lexbor's known tag ids end at 0xc7 (the C side's table size)
_WANT, _WANT_NONEMPTY = 1, 2
_HAS, _CONTAINS, _PREFIX, _TOKEN, _EQUALS, _TEXT = range(6)  # the C side's rule modes
# Lexbor's ids of the attributes a search may test (lexbor/dom/interfaces/attr_const.h);
# checked on a live page when the extension loads. Other attributes get ids per page.
ATTR_IDS = {"class": 0x0B, "href": 0x1D, "id": 0x21, "src": 0x3D, "style": 0x3E, "title": 0x42, "type": 0x43}
# One simple selector: a tag and/or one class word, id, or attribute test.
_SIMPLE = re.compile(
    r"""(?P<tag>[a-z][a-z0-9]*)?(?:\.(?P<cls>[\w-]+)|\#(?P<id>[\w-]+)|"""
    r"""\[(?P<attr>[a-z-]+)(?:(?P<op>[*^])=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[\w:-]+)))?\])?"""
)


def _load():  # -> module | None
    try:
        from parsers import _treewalk
    except ImportError:
        return None
    probe = LexborHTMLParser('<p>probe</p><a class="c" href="x" id="i" src="y" style="z" title="t" type="u">link</a>')
    body = probe.body
    if body is None or not _treewalk.calibrate(body, body.mem_id, body.parser):
        return None
    # The walk must see what selectolax sees: the same elements, the same attributes.
    paragraph, link = body.css("p, a")
    found = _treewalk.select(body, _mask(("p",)))
    if [n.mem_id for n in found] != [paragraph.mem_id] or found[0].parent.mem_id != body.mem_id:
        return None
    for ident in ATTR_IDS.values():
        found = _treewalk.select(body, _mask(()), 0, ((0, ident, _HAS, b""),))
        if [n.mem_id for n in found] != [link.mem_id]:
            return None
    return _treewalk


def _mask(names: tuple[str, ...], nonempty: tuple[str, ...] = ()) -> bytes:
    table = bytearray(_MASK_SIZE)
    for bit, group in ((_WANT, names), (_WANT_NONEMPTY, nonempty)):
        for name in group:
            table[_known_tag(name)] |= bit
    return bytes(table)


def _known_tag(name: str) -> int:
    tid = tag_id(name)
    if tid >= _MASK_SIZE:
        raise ValueError(f"{name!r} is not a tag lexbor knows")
    return tid


def _rule(item: str) -> tuple[str | None, tuple[int, int, int, bytes] | None]:
    """One selector of a list: (a plain tag name, None) or (None, a C rule)."""
    m = _SIMPLE.fullmatch(item)
    if m is None or not item:
        raise ValueError(f"{item!r} is not a simple selector the C walk reads")
    tag = m["tag"]
    if m["cls"] is None and m["id"] is None and m["attr"] is None:
        return tag, None
    tid = _known_tag(tag) if tag else 0
    if m["cls"] is not None:
        return None, (tid, ATTR_IDS["class"], _TOKEN, m["cls"].encode())
    if m["id"] is not None:
        return None, (tid, ATTR_IDS["id"], _EQUALS, m["id"].encode())
    if m["attr"] not in ATTR_IDS:
        raise ValueError(f"attribute {m['attr']!r} has no fixed lexbor id (ATTR_IDS)")
    value = next((v for v in (m["dq"], m["sq"], m["bare"]) if v is not None), None)
    if m["op"] is None:
        return None, (tid, ATTR_IDS[m["attr"]], _HAS, b"")
    if not value:
        raise ValueError(f"{item!r}: an empty value matches nothing in CSS; not supported")
    return None, (tid, ATTR_IDS[m["attr"]], _CONTAINS if m["op"] == "*" else _PREFIX, value.encode())


_WALK = _load()
FAST = _WALK is not None
_BR, _HTML, _A = tag_id("br"), tag_id("html"), tag_id("a")
_NOTHING = bytes(_MASK_SIZE)  # a mask that wants no tag (the rules decide)


def _walk():  # -> the extension module
    """The extension, for the passes that exist only in C (callers check `FAST` first)."""
    if _WALK is None:
        raise RuntimeError("parsers._treewalk is not available")
    return _WALK


@dataclass(frozen=True, slots=True)
class Tags:
    """A list of simple selectors, searched for in one C walk: `selector` holds tag names
    and at most one class word, id or attribute test each (`p, a[href], .title,
    [style*="display:none"], td#main`); `nonempty` tag names match when not `:empty`.

    `css` is the selector it stands for (and runs as, without the extension): for
    `Tags("p, a[href]", nonempty="div")` that is `p, a[href], :is(div):not(:empty)`.
    Raises ValueError for anything else (`compile()` returns None instead).
    """

    selector: str
    nonempty: str = ""
    css: str = field(init=False)
    mask: bytes = field(init=False, repr=False)
    rules: tuple[tuple[int, int, int, bytes], ...] | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        items, nonempty = _split(self.selector), _split(self.nonempty)
        names: list[str] = []
        rules = []
        for item in items:
            name, rule = _rule(item)
            if rule is not None:
                rules.append(rule)
            elif name is not None:
                names.append(name)
        parts = list(items)
        if nonempty:
            parts.append(f":is({', '.join(nonempty)}):not(:empty)")
        object.__setattr__(self, "css", ", ".join(parts))
        object.__setattr__(self, "mask", _mask(tuple(names), nonempty))
        object.__setattr__(self, "rules", tuple(rules) or None)

    @staticmethod
    def compile(selector: str) -> Tags | None:
        """`Tags(selector)`, or None when the C walk cannot read it (then use `css()`)."""
        try:
            return Tags(selector)
        except ValueError:
            return None


def _split(names: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in names.split(",") if name.strip())


LINKS = Tags("a")
HREF_LINKS = Tags("a[href]")


def _root(where: LexborNode | LexborHTMLParser) -> LexborNode | None:
    """Where a search starts: a page's root element (`css()` on a page covers it), or the node."""
    return where.root if isinstance(where, LexborHTMLParser) else where


def select(where: LexborNode | LexborHTMLParser, tags: Tags) -> list[LexborNode]:
    """`where.css(tags.css)`, each element once: the node itself and its descendants that
    match, in page order (for a whole page, its root element and everything in it)."""
    if _WALK is None:
        return where.css(tags.css)
    root = _root(where)
    return _WALK.select(root, tags.mask, 0, tags.rules) if root is not None else []


def select_first(where: LexborNode | LexborHTMLParser, tags: Tags) -> LexborNode | None:
    """`where.css_first(tags.css)`."""
    if _WALK is None:
        return where.css_first(tags.css)
    root = _root(where)
    found = _WALK.select(root, tags.mask, 1, tags.rules) if root is not None else []
    return found[0] if found else None


def scoring_inputs(
    root: LexborNode, paragraphs: Tags, boxes: Tags, min_chars: int
) -> tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int, bool]]]:
    """What the body scorer reads, in one walk (only with the extension: `FAST`).

    Returns ([(length, punct, parent key, grandparent key)] for each of `paragraphs`'
    elements, [(length, punct, key, parent key, has a <br> child)] for each of `boxes'`
    not `:empty`), in page order. `length` is that of `text.clean_inline` of the element's
    text (a box: its own text children's) and `punct` how many of those characters are
    `content._PUNCT`; texts cleaned to fewer than `min_chars` are left out. A key is the
    node's `mem_id`, 0 for no node and for `<html>`; `node_at` makes a node of it.
    """
    return _walk().scoring_inputs(root, paragraphs.mask, boxes.mask, _BR, _HTML, min_chars)


def credited_scores(root: LexborNode, paragraphs: Tags, boxes: Tags, min_chars: int) -> list[list]:
    """The body scorer's credits from what `scoring_inputs` reads, added up in C (only
    with the extension: `FAST`): [[key, score]] in the order keys were first credited.
    Each paragraph (all of them first) credits its parent `1 + punct + min(length / 40,
    5)` and its grandparent half that; then each box itself (x 1.2 with a `<br>` child)
    and its parent half. Key 0 (no node, `<html>`) is never credited."""
    return _walk().scores(root, paragraphs.mask, boxes.mask, _BR, _HTML, min_chars)


def link_groups(
    body: LexborNode, items: Tags, min_links: int, *, dated_only: bool = False
) -> dict[int, list[tuple[int, int, int]]]:
    """`<a href>` links under `body` grouped by block (only with the extension: `FAST`).

    {block key: [(position, link key, item key)]}, blocks of `min_links` or more links in
    the order of their first link: a link's item is its nearest ancestor with one of
    `items`' tags, its block that item's parent; `position` counts every `<a href>` in
    page order, grouped or not. With `dated_only`, only the blocks whose text prints a
    listing date (`listing_page.prints_date` of its text), found in one walk of the text.
    """
    return _walk().link_groups(body, items.mask, _A, ATTR_IDS["href"], min_links, dated_only)


def block_text_raw(node: LexborNode, blocks: Tags, cells: Tags, breaks: Tags, para: str, cell: str) -> str:
    """`node.text()` as if `para` stood before and after each of `blocks`' elements, after
    each of `breaks`', and `cell` after each of `cells`' (`node` itself excepted; `breaks`
    and `cells` before `blocks`), the tree unchanged. Only with the extension (`FAST`)."""
    return _walk().block_text(node, blocks.mask, cells.mask, breaks.mask, para, cell)


def with_text(start: LexborNode, probes: tuple[str, ...], *, include_self: bool, per_probe: bool) -> list[LexborNode]:
    """The elements under `start` (and `start` when `include_self`) with a text child that
    holds one of `probes`: `start.css(':lexbor-contains("p")')` (or `body :lexbor-contains`
    for the descendants only), once per probe held with `per_probe`, as lexbor answers a
    comma list of them. Only with the extension (`FAST`)."""
    rules = tuple((0, 0, _TEXT, probe.encode()) for probe in probes)
    return _walk().select(start, _NOTHING, 0, rules, not include_self, per_probe)


def text_chars(node: LexborNode) -> int:
    """How many characters of `node.text()` are not whitespace (`str.isspace`), each text
    node decoded alone as `text(strip=True)` decodes it. Only with the extension (`FAST`)."""
    return _walk().text_chars(node)


def cleaned_text(node: LexborNode, between: bool, limit: int) -> str | None | bool:
    """`text.clean_text`'s C pass (only with the extension: `FAST`): the cleaned text,
    None when more than `limit` characters are kept, False for text that is not valid
    UTF-8. `between`: whether text nodes are joined by whitespace (or by nothing)."""
    return _walk().clean_text(node, between, limit)


def link_text_chars(root: LexborNode, block: LexborNode) -> int:
    """`text_chars` summed over the `<a>` under `root` (itself included) that are not
    strictly inside `block`. Only with the extension (`FAST`)."""
    return _walk().text_chars(root, block, _A)


def link_texts(node: LexborNode, with_total: bool) -> tuple[int | None, list[tuple[str | None, int]]]:
    """What `content.link_density` reads: (how many characters of `node.text()` are not
    whitespace, or None without `with_total`; [(href, how many of the link's are not)] for
    each `<a>` under `node`, itself included). Only with the extension (`FAST`)."""
    return _walk().link_texts(node, _A, ATTR_IDS["href"], with_total)


def node_at(page_node: LexborNode, key: int) -> LexborNode:
    """The node a walk of `page_node`'s page returned as `key`, as long as the page has not
    changed since (a key of a removed node would point at freed memory)."""
    return _walk().at(page_node, key)


@functools.lru_cache(maxsize=256)
def _compiled(selector: str) -> Tags | None:
    return Tags.compile(selector)


def select_css(where: LexborNode | LexborHTMLParser, selector: str) -> list[LexborNode]:
    """`where.css(selector)` (each element once), in one C walk when the selector is a
    list of simple ones (`Tags`); through lexbor's selector engine otherwise."""
    tags = _compiled(selector) if _WALK is not None else None
    return where.css(selector) if tags is None else select(where, tags)


def select_css_first(where: LexborNode | LexborHTMLParser, selector: str) -> LexborNode | None:
    """`where.css_first(selector)`, as `select_css`."""
    tags = _compiled(selector) if _WALK is not None else None
    return where.css_first(selector) if tags is None else select_first(where, tags)


def nests_deeper_than(root: LexborNode, depth: int) -> bool:
    """True when some element under `root` (counted as 1) sits more than `depth` elements deep.

    Only with the extension (`FAST`); without it the caller keeps its selector test.
    """
    return _walk().deeper_than(root, depth)
