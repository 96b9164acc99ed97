"""The parse pipeline: bytes -> Document, in the order the page is taken apart.

It reads everything that lives *around* the body first, from the intact page (meta
tags, structured dates, the disclosure header, title, the 来源/时间 line, attachments
announced outside the body), then removes those parts and cuts the body out.
Pathological pages (nesting deeper than MAX_DEPTH, more than MAX_PARSE_BYTES) get the
linear steps only. `parsers/__init__.py` re-exports `parse` and the public names.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers import attachments as attachments_mod
from parsers.content import (
    absolutize,
    clean_attributes,
    find_main,
    preceding_ids,
    remove_chrome,
)
from parsers.decode import Decoded, decode
from parsers.document import Attachment, Document
from parsers.errors import ParseError
from parsers.first_pass import read_marks_and_strip
from parsers.header import QUICK_WORDS, Header, read_header
from parsers.listing_page import listing_signal, mark_listing
from parsers.meta import read_meta
from parsers.page import (
    INFO_WORDS,
    InfoLine,
    find_editor,
    find_info_line,
    find_original_url,
    find_title,
    nodes_printing,
    page_title,
    pick_published,
)
from parsers.published import page_date, page_lines, structured_date, title_line_date, url_date
from parsers.reply import read_reply, read_reporter
from parsers.sites import Adapter, pick
from parsers.text import block_text, clean_inline, clean_text, words_present
from parsers.tree_walks import FAST, Tags, nests_deeper_than, select, select_css, select_css_first

PARSER_VERSION = "1.1.0"
MAX_PARSE_BYTES = 3_000_000  # larger pages are parsed from their first 3 MB (with a warning)
_HTML_SNIFF = re.compile(r"<\s*(?:!doctype|html|head|body|div|p|table|meta|title|span|a|br|h1|ul)\b", re.I)
# The re-poster's part of a page starts here (aggregators; harmless elsewhere).
_CUT = re.compile(r"^[\W_]*(?:原文链接|原文地址|\[?免责声明|【免责声明】)")
MAX_DEPTH = 150  # real pages nest < 60 deep
# A page this small cannot nest deep enough to slow the per-element passes past the
# time budget (measured: 4,000 nested <b> = 16 K characters take 0.4 s; 2,000 = 8 K take 0.1 s).
DEEP_CHECK_FROM = 8_000  # characters
# Elements MAX_DEPTH deep. Only first children are tried: where any element sits that
# deep, so does the first child of its ancestor's parent at that depth, and the right-most
# test rules out most elements before the selector climbs their ancestors.
_DEEP_SELECTOR = " > ".join(["*"] * (MAX_DEPTH - 1) + ["*:first-child"])
# The same test at depth 64, first: an element MAX_DEPTH deep is also 64 deep, and real
# pages nest < 60, so on them the long selector (parsed anew on every call: 150
# compounds) is never needed.
PRE_CHECK_DEPTH = 64
_PRE_DEEP_SELECTOR = " > ".join(["*"] * (PRE_CHECK_DEPTH - 1) + ["*:first-child"])
_CUT_WORDS = ("原文链接", "原文地址", "免责声明")  # every _CUT line prints one of them whole
_PAGE_WORDS = (*QUICK_WORDS, *INFO_WORDS, *_CUT_WORDS, "附件", "原文", "责任编辑")
_CUT_LINE_MAX = 400  # the 原文链接 / 免责声明 line is short; a longer element holds the body too
_CUT_CANDIDATES = Tags("p, div, li, span, td, table, section, a, font, strong, center, dl, ul")


def parse(content: bytes, url: str, content_type: str | None = None) -> Document:
    """Parse one fetched page. Raises `ParseError` (never anything else) when it cannot."""
    try:
        return _parse(content, url, content_type)
    except ParseError:
        raise
    except RecursionError as exc:
        raise ParseError("page nests too deeply to parse", kind="parse") from exc
    except Exception as exc:  # a parser bug must not crash the calling flow...
        # ... and is recorded as one (`crash`), apart from pages that cannot be parsed
        # (`parse`): a crash is re-parseable once the parser is mended (`reparse`)
        raise ParseError(f"parser failure: {type(exc).__name__}: {exc}", kind="crash") from exc


def _parse(content: bytes, url: str, content_type: str | None) -> Document:
    warnings: list[str] = []
    if len(content) > MAX_PARSE_BYTES:
        warnings.append(f"page of {len(content)} bytes parsed from its first {MAX_PARSE_BYTES}")
        content = content[:MAX_PARSE_BYTES]
    decoded = decode(content, content_type)
    warnings.extend(decoded.warnings)
    doc = Document(
        url=url,
        final_url=url,
        site=urlsplit(url).hostname,
        parser_version=PARSER_VERSION,
        encoding=decoded.encoding,
        encoding_confidence=decoded.confidence,
        warnings=warnings,
    )
    if not _HTML_SNIFF.search(decoded.head(4096)):
        _fill_from_plain_text(doc, decoded)
    else:
        _fill_from_html(doc, decoded, url)
    doc.content_sha256 = doc.content_hash()
    return doc


def _fill_from_plain_text(doc: Document, decoded: Decoded) -> None:
    """A page without markup: first short line is the title, the other lines paragraphs."""
    lines = [clean_inline(line) for line in decoded.text.splitlines()]
    lines = [line for line in lines if line]
    if lines and len(lines[0]) <= 100 and len(lines) > 1:
        doc.title = lines.pop(0)
    doc.body_text = "\n\n".join(lines) or None
    doc.adapter = "plain_text"
    doc.doc_type = "article"
    doc.warnings.append("no HTML markup: read as plain text")
    _fill_reply(doc)


def _fill_from_html(doc: Document, decoded: Decoded, url: str) -> None:
    # The page's UTF-8 bytes when the fetched bytes already are that (lexbor parses UTF-8;
    # handing it a str makes it encode the whole page first, and the str is never made).
    tree = LexborHTMLParser(decoded.utf8 if decoded.utf8 is not None else decoded.text)
    # Scripts, styles and form widgets go before any text is read: on real pages they are
    # half the text, and no layer wants them (every later text pass gets that much cheaper).
    # The same selector pass copies out what the meta and structured-date layers read
    # from them (JSON-LD sits in <script>), and the <base href>.
    marks = read_marks_and_strip(tree)
    base = _base_url(marks.base_href, url)
    meta = read_meta(tree, marks.metas)
    marked = structured_date(tree, marks)
    page_text = tree.body.text(separator="\n") if tree.body is not None else ""
    # The words several layers test the page for, found in one scan of its text.
    words = words_present(page_text, _PAGE_WORDS)
    adapter = pick(tree, url, page_text)
    deep = decoded.length > DEEP_CHECK_FROM and _is_pathological(tree)
    listing = None if deep else listing_signal(tree, page_text)  # a column page, not an article
    if deep:
        # Per-element text passes cost depth x size; on such a page only the linear
        # steps run (meta, scoring, one text pass) and the document says so.
        doc.warnings.append(f"page nests deeper than {MAX_DEPTH} elements: reduced parsing")
        header, info = Header(), InfoLine()
        title, title_node = meta.title or page_title(tree), None
        attachment_links: list[LexborNode] = []
    else:
        header = read_header(tree, page_text, words)
        title, title_node = find_title(tree, meta.title, adapter.title if adapter else ())
        info = find_info_line(tree, header.nodes, title_node, page_text, words)
        attachment_links = attachments_mod.attachment_blocks(tree) if "附件" in words else []

    doc.title = title
    doc.metadata = dict(header.metadata)
    for column, value in header.columns.items():
        setattr(doc, column, value)
    doc.published_at = pick_published(info.published_at, meta.published_at, header.columns.get("publish_date"))
    if doc.published_at is None:
        doc.published_at = _fallback_published(marked, title_node, title, url, page_text, deep)
    doc.source_name = info.source or meta.source
    doc.editor = info.editor or find_editor(page_text, words)
    doc.original_url = find_original_url(tree, page_text) if "原文" in words else None

    # Everything read; now take the page apart.
    before_title = preceding_ids(title_node)
    for node in (*header.nodes, title_node, info.node):
        _decompose(node)
    container, adapter_name = _body_container(tree, adapter, before_title)
    doc.adapter = adapter_name
    if container is not None:
        if not deep:
            _remove_title_copies(container, title)
            if any(word in words for word in _CUT_WORDS):
                _cut_reposter_tail(container)
            remove_chrome(container, adapter.chrome_lines if adapter else None)
        found = attachments_mod.collect([container, *attachment_links], base)
        doc.attachments = _dedupe(found)
        absolutize(container, base)
        clean_attributes(container)
        doc.body_html = container.html
        text = block_text(container)
        doc.body_text = text or None
        if not text:
            doc.body_html = None
    _fill_reply(doc)
    doc.doc_type = doc.doc_type or ("disclosure" if _is_disclosure(header) else "article")
    if listing is not None:  # a column page: never loaded as an article
        mark_listing(doc, listing)
    if doc.title is None:
        doc.warnings.append("no article title found")


def _fallback_published(
    marked: dt.datetime | None,
    title_node: LexborNode | None,
    title: str | None,
    url: str,
    page_text: str,
    deep: bool,
) -> dt.datetime | None:
    """The date layers of `parsers.published`, in order, for pages the info line missed.

    `marked`: what `structured_date` read from the intact page (its first layer).
    On a pathological page only the linear ones run (structured marks, the URL).
    """
    found = marked
    if found is None and not deep:
        found = title_line_date(title_node)
    if found is None:
        found = url_date(url)
    if found is None and not deep:
        found = page_date(page_lines(page_text), title)
    return found


def _is_pathological(tree: LexborHTMLParser) -> bool:
    """True when some element sits deeper than MAX_DEPTH: one depth walk in C, or without
    the extension the selectors (the PRE_CHECK_DEPTH one first, which real pages never pass)."""
    if FAST:
        root = tree.root
        return root is not None and nests_deeper_than(root, MAX_DEPTH - 1)
    if tree.css_first(_PRE_DEEP_SELECTOR) is None:
        return False
    return tree.css_first(_DEEP_SELECTOR) is not None


def _fill_reply(doc: Document) -> None:
    reply = read_reply(doc.title, doc.body_text)
    if reply.kind:
        doc.doc_type = reply.kind
        for column, value in reply.columns().items():
            if value is not None:
                setattr(doc, column, value)
    doc.reporter = read_reporter(doc.body_text)


def _body_container(
    tree: LexborHTMLParser, adapter: Adapter | None, before_title: set[int]
) -> tuple[LexborNode | None, str]:
    if adapter is not None:
        if adapter.chrome:
            for chrome in select_css(tree, ", ".join(adapter.chrome)):
                chrome.decompose()
        for selector in adapter.body:
            node = select_css_first(tree, selector)
            if node is not None:  # an empty body container means the page has no body
                return node, adapter.name
    root = tree.body
    if root is None:
        return None, "generic"
    main = find_main(root, before_title)
    name = adapter.name if adapter is not None and not adapter.body else "generic"
    return (main if main is not None else root), name


def _cut_reposter_tail(container: LexborNode) -> None:
    for node in select(container, _CUT_CANDIDATES):
        if node.mem_id == container.mem_id:
            continue
        text = clean_text(node, "", _CUT_LINE_MAX - 1)  # None: surely too long (left unread)
        if text is not None and len(text) < _CUT_LINE_MAX and _CUT.search(text):
            _cut_from(node, container)
            return


def _cut_from(node: LexborNode, container: LexborNode) -> None:
    """Remove `node` and everything after it, up to the end of `container`."""
    current: LexborNode | None = node
    while current is not None and current.mem_id != container.mem_id:
        parent = current.parent
        sibling = current.next
        while sibling is not None:
            following = sibling.next
            sibling.decompose()
            sibling = following
        if current is node:
            current.decompose()
        current = parent


def _remove_title_copies(container: LexborNode, title: str | None) -> None:
    """Elements in the body printing exactly the title (some templates print it twice)."""
    if title:
        for node in nodes_printing(container, title):
            if node.mem_id != container.mem_id:
                node.decompose()


def _decompose(node: LexborNode | None) -> None:
    if node is not None:
        with contextlib.suppress(Exception):  # the root cannot be removed; nothing else fails
            node.decompose()


def _base_url(href: str | None, url: str) -> str:
    return attachments_mod.absolute(href, url) or url if href else url


def _is_disclosure(header: Header) -> bool:
    """A header was found (the reader only accepts one with several known labels)."""
    return bool(header.metadata)


def _dedupe(found: list[Attachment]) -> list[Attachment]:
    seen: dict[str, Attachment] = {}
    for att in found:
        if att.url not in seen:
            seen[att.url] = att
    return list(seen.values())


__all__ = ["MAX_DEPTH", "MAX_PARSE_BYTES", "PARSER_VERSION", "parse"]
