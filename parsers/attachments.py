"""Attachments (附件): file links that are part of the record, kept as absolute URLs."""

from __future__ import annotations

import posixpath
import re
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.document import Attachment
from parsers.text import clean_inline, clean_text
from parsers.tree_walks import HREF_LINKS, select

EXTENSIONS = frozenset({"pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "zip", "rar", "7z", "ofd", "ppt", "pptx", "txt", "csv"})
_FILE_RE = re.compile(r"\.(" + "|".join(sorted(EXTENSIONS)) + r")(?:[?#]|$)", re.I)
_ANNOUNCE = ("附件", "相关附件", "附：", "附:")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "#", "data:")
MAX_ANNOUNCE_TEXT = 1000  # an attachment list's block; longer is the page around it
_NAME_PREFIX = re.compile(r"^(附件\s*\d*\s*[:：.、]?\s*)")


def absolute(href: str | None, base: str) -> str | None:
    """`href` resolved against `base`, or None for links that lead nowhere (js, anchors)."""
    if not href:
        return None
    href = href.strip().replace("\\", "/")
    if not href or href.lower().startswith(_SKIP_SCHEMES):
        return None
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def is_file_link(href: str) -> bool:
    """Cheap test on the raw href (no URL parsing): does it end in a file extension?"""
    return bool(_FILE_RE.search(href))


def file_extension(url: str) -> str | None:
    if not _FILE_RE.search(url):
        return None
    path = urlsplit(url).path
    ext = posixpath.splitext(unquote(path))[1].lower().lstrip(".")
    return ext if ext in EXTENSIONS else None


def _name(link: LexborNode, url: str) -> str:
    name = clean_inline(link.text(separator="")) or clean_inline(link.attributes.get("title") or "")
    return name or posixpath.basename(unquote(urlsplit(url).path))


def collect(nodes: list[LexborNode], base: str) -> list[Attachment]:
    """File links inside `nodes` (the body and the attachment blocks around it), in order."""
    out: list[Attachment] = []
    seen: set[str] = set()
    for node in nodes:
        for link in select(node, HREF_LINKS):  # css() includes the node itself
            if not is_file_link(link.attributes.get("href") or ""):
                continue
            url = absolute(link.attributes.get("href"), base)
            if not url or url in seen or not file_extension(url):
                continue
            seen.add(url)
            out.append(Attachment(name=_name(link, url), url=url))
    return out


def attachment_blocks(tree: LexborHTMLParser) -> list[LexborNode]:
    """File links outside the body that are announced as attachments (`附件：` lists).

    Only links whose own text, or whose immediate block's text, starts with 附件 count:
    sidebars also link PDFs (annual reports) and those are not part of the record.
    """
    blocks = []
    for link in select(tree, HREF_LINKS):
        if not is_file_link(link.attributes.get("href") or ""):
            continue
        if clean_inline(link.text(separator="")).startswith("附件"):
            blocks.append(link)
            continue
        parent = link.parent
        for _ in range(3):  # <div>附件：<ul><li><a> puts the label three levels up
            if parent is None or parent.tag in ("body", "html"):
                break
            context = clean_text(parent, "", MAX_ANNOUNCE_TEXT)
            if context is None or len(context) > MAX_ANNOUNCE_TEXT:
                break
            if context.startswith(_ANNOUNCE):
                blocks.append(link)
                break
            parent = parent.parent
    return blocks
